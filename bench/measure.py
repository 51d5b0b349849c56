"""Timing, latency percentiles and peak memory of child processes."""

from __future__ import annotations

import math
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from pydantic import BaseModel

PEAK = Path(__file__).with_name("peak.py")  # run as a script: no package imports, no site


class Latency(BaseModel):
    requests: int
    seconds: float
    per_second: float
    p50_ms: float
    p99_ms: float
    errors: int = 0


class ChildRun(BaseModel):
    """A child process's exit code, output, wall time and peak resident memory (VmHWM)."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float


def percentile(sorted_values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile of an already sorted sequence."""
    if not sorted_values:
        return float("nan")
    rank = max(0, min(len(sorted_values) - 1, math.ceil(fraction * len(sorted_values)) - 1))
    return sorted_values[rank]


def latency(durations_s: list[float], seconds: float, errors: int = 0) -> Latency:
    ordered = sorted(durations_s)
    return Latency(
        requests=len(ordered),
        seconds=round(seconds, 3),
        per_second=round(len(ordered) / seconds, 1) if seconds > 0 else 0.0,
        p50_ms=round(percentile(ordered, 0.50) * 1000, 2),
        p99_ms=round(percentile(ordered, 0.99) * 1000, 2),
        errors=errors,
    )


def run_child(command: Sequence[str], env: Mapping[str, str], timeout_s: float = 3600) -> ChildRun:
    """Run a command to completion under `bench.peak`, which reports the command's own peak RSS."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "peak"
        wrapped = [sys.executable, "-S", str(PEAK), str(report), "--", *command]
        start = time.perf_counter()
        completed = subprocess.run(
            wrapped, capture_output=True, text=True, env=dict(env), timeout=timeout_s, check=False
        )
        seconds = time.perf_counter() - start
        peak_kib = int(report.read_text()) if report.exists() else 0
    return ChildRun(
        returncode=completed.returncode,
        stdout=completed.stdout,
        stderr=completed.stderr,
        seconds=round(seconds, 3),
        peak_rss_mb=round(peak_kib / 1024, 1),  # Linux reports KiB
    )


def current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")
