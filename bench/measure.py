"""Timing, latency percentiles and peak memory of child processes."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from pydantic import BaseModel


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
    rank = max(0, min(len(sorted_values) - 1, round(fraction * len(sorted_values) + 0.5) - 1))
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
    """Run a command to completion; wait4 gives that one child's own peak RSS."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(list(command), stdout=out, stderr=err, env=dict(env), text=True)
        deadline = start + timeout_s
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # already reaped: Popen must not wait again
        out.seek(0)
        err.seek(0)
        return ChildRun(
            returncode=process.returncode,
            stdout=out.read(),
            stderr=err.read(),
            seconds=round(seconds, 3),
            peak_rss_mb=round(usage.ru_maxrss / 1024, 1),  # Linux reports KiB
        )


def current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")
