"""`allegraph ingest` and `allegraph extract`: documents stream from the loaders to an extraction
engine (this process, a pool of local workers, or a Dask cluster) and, for ingest, to the store."""

from __future__ import annotations

import math
import sys
import time
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from allegraph.cli_common import HomeOpt, StoreOpt, console, errors, fail, load_settings, open_configured
from allegraph.cli_output import data
from allegraph.config import Settings
from allegraph.engines import Engine
from allegraph.errors import AllegraphError
from allegraph.models import IngestSummary, SkippedDocument

LOG_EVERY_S = 30.0
WorkersOpt = Annotated[
    int | None,
    typer.Option("--workers", "-w", help="Extraction processes (default: the machine's cores). Env: ALLEGRAPH_WORKERS"),
]
EngineOpt = Annotated[
    str,
    typer.Option(
        "--engine",
        help="'local' (processes on this machine) or 'dask' (a Dask cluster: pip install 'allegraph[distributed]')",
    ),
]
AddressOpt = Annotated[
    str | None,
    typer.Option("--address", help="Scheduler of an existing Dask cluster (tcp://host:8786); default: start one"),
]


def _engine(settings: Settings, workers: int | None, engine: str, address: str | None, documents: int) -> Engine:
    """The engine asked for; a local run never starts more workers than it has batches of work."""
    from allegraph.engines import open_engine
    from allegraph.ingest.pipeline import load_nlp
    from allegraph.service import BATCH

    count = settings.workers if workers is None else workers
    if engine == "local" and count > 1:
        count = max(1, min(count, math.ceil(documents / BATCH)))
    return open_engine(load_nlp, workers=count, engine=engine, address=address)


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive), globs; .gz too")],
    store: StoreOpt = None,
    home: HomeOpt = None,
    workers: WorkersOpt = None,
    engine: EngineOpt = "local",
    address: AddressOpt = None,
) -> None:
    """Extract claims from documents and write them to the graph (re-ingesting changes nothing)."""
    from allegraph.ingest.loaders import count_documents, load_documents
    from allegraph.service import ingest_documents

    settings = load_settings(store, home)
    started = time.perf_counter()
    try:
        total = count_documents(paths)
        with (
            _engine(settings, workers, engine, address, total) as extractor,
            open_configured(settings) as graph_store,
            progress_bar() as progress,
        ):
            task = progress.add_task("ingesting", total=total)
            summary = ingest_documents(
                graph_store,
                extractor,
                load_documents(paths, settings.max_document_bytes),
                progress=lambda label: progress.update(task, advance=1, description=escape(_short(label))),
            )
    except AllegraphError as exc:
        raise fail(exc) from exc
    _print_summary(summary, time.perf_counter() - started)
    if summary.skipped:
        raise typer.Exit(1)


def _print_summary(summary: IngestSummary, seconds: float) -> None:
    seen = summary.documents + summary.unchanged + len(summary.skipped)
    console.print(
        f"[bold]{summary.documents}[/] documents written, {summary.unchanged} unchanged, "
        f"[bold]{summary.claims}[/] claims, {summary.actors} actors, {len(summary.skipped)} skipped "
        f"in {seconds:,.1f} s ({seen / max(seconds, 1e-9):,.1f} documents/s)"
    )
    if summary.not_english:
        languages = ", ".join(sorted({note.language for note in summary.not_english}))
        console.print(
            f"{len(summary.not_english)} not in English ({languages}): the extractor reads English only, "
            "so expect few or no claims from them"
        )
        for note in summary.not_english[:20]:
            console.print(f"  [cyan]{note.language}[/] {escape(note.source)}")
    for skip in summary.skipped:
        console.print(f"  [yellow]skipped[/] {escape(skip.source)}: {escape(skip.reason)}")


def progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description:<40}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=errors,
        transient=False,
    )


def _short(label: str) -> str:
    return label if len(label) <= 40 else "…" + label[-39:]


def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive), globs; .gz too")],
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON claim per line (score.py format)")] = False,
    workers: WorkersOpt = None,
    engine: EngineOpt = "local",
    address: AddressOpt = None,
) -> None:
    """Run extraction without writing to the graph (claims in input order, whatever the workers)."""
    from allegraph.ingest.loaders import count_documents
    from allegraph.service import extract_records

    settings = load_settings()
    skipped = 0
    try:
        table = Table("doc", "speaker", "kind", "target", "evidence")
        with _engine(settings, workers, engine, address, count_documents(paths)) as extractor:
            for item in extract_records(extractor, paths, settings):
                if isinstance(item, SkippedDocument):
                    skipped += 1
                    errors.print(f"[yellow]skipped[/] {escape(item.source)}: {escape(item.reason)}")
                elif jsonl:
                    sys.stdout.write(item.model_dump_json() + "\n")
                else:
                    target = item.target.name if item.target else "—"
                    table.add_row(*data(item.doc, item.speaker.name, item.kind, target, item.evidence[:100]))
    except AllegraphError as exc:
        raise fail(exc) from exc
    if not jsonl:
        console.print(table)
    if skipped:
        raise typer.Exit(1)
