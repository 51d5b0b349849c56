"""The `allegraph` command: one thin command per verb over the typed service functions."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from allegraph.config import Settings
from allegraph.errors import AllegraphError
from allegraph.models import SkippedDocument

app = typer.Typer(help="Allegraph: who accused whom of what, as a knowledge graph.", no_args_is_help=True)
store_app = typer.Typer(help="The embedded FalkorDB store: status and clean shutdown.", no_args_is_help=True)
app.add_typer(store_app, name="store")
console = Console()
errors = Console(stderr=True)

StoreOpt = Annotated[
    str | None,
    typer.Option("--store", help="'embedded' (default) or a bolt:// / neo4j:// URI. Env: ALLEGRAPH_STORE"),
]
HomeOpt = Annotated[str | None, typer.Option("--home", help="Data directory. Env: ALLEGRAPH_HOME")]


def _fail(exc: AllegraphError) -> typer.Exit:
    errors.print(f"[bold red]error:[/] {exc.message}")
    if exc.hint:
        errors.print(f"[yellow]hint:[/] {exc.hint}")
    return typer.Exit(2)


def _open(store: str | None, home: str | None) -> Any:
    from graph.store import open_store

    return open_store(Settings.from_env(store=store, home=home))


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive) or globs")],
    store: StoreOpt = None,
    home: HomeOpt = None,
    n_process: Annotated[int, typer.Option(help="Parser processes")] = 1,
) -> None:
    """Extract claims from documents and write them to the graph (re-ingesting changes nothing)."""
    from allegraph.service import ingest_documents
    from ingest.loaders import load_documents
    from ingest.pipeline import load_nlp

    settings = Settings.from_env(store=store, home=home)
    try:
        items = list(load_documents(paths, settings.max_document_bytes))
        nlp = load_nlp()
        with _open(store, home) as graph_store, _progress() as progress:
            task = progress.add_task("ingesting", total=len(items))
            summary = ingest_documents(
                graph_store,
                nlp,
                items,
                progress=lambda label: progress.update(task, advance=1, description=_short(label)),
                n_process=n_process,
            )
    except AllegraphError as exc:
        raise _fail(exc) from exc
    console.print(
        f"[bold]{summary.documents}[/] documents written, {summary.unchanged} unchanged, "
        f"[bold]{summary.claims}[/] claims, {summary.actors} actors, {len(summary.skipped)} skipped"
    )
    for skip in summary.skipped:
        console.print(f"  [yellow]skipped[/] {skip.source}: {skip.reason}")
    if summary.skipped:
        raise typer.Exit(1)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description:<40}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors,
        transient=False,
    )


def _short(label: str) -> str:
    return label if len(label) <= 40 else "…" + label[-39:]


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive) or globs")],
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON claim per line (score.py format)")] = False,
    n_process: Annotated[int, typer.Option(help="Parser processes")] = 1,
) -> None:
    """Run extraction without writing to the graph."""
    from allegraph.service import extract_records
    from ingest.pipeline import load_nlp

    settings = Settings.from_env()
    skipped = 0
    try:
        nlp = load_nlp()
        table = Table("doc", "speaker", "kind", "target", "evidence")
        for item in extract_records(nlp, paths, settings, n_process):
            if isinstance(item, SkippedDocument):
                skipped += 1
                errors.print(f"[yellow]skipped[/] {item.source}: {item.reason}")
            elif jsonl:
                sys.stdout.write(item.model_dump_json() + "\n")
            else:
                target = item.target.name if item.target else "—"
                table.add_row(item.doc, item.speaker.name, item.kind, target, item.evidence[:100])
    except AllegraphError as exc:
        raise _fail(exc) from exc
    if not jsonl:
        console.print(table)
    if skipped:
        raise typer.Exit(1)


@app.command()
def stats(
    store: StoreOpt = None, home: HomeOpt = None, as_json: Annotated[bool, typer.Option("--json")] = False
) -> None:
    """Counts of nodes by label and edges by type."""
    try:
        with _open(store, home) as graph_store:
            result = graph_store.stats()
    except AllegraphError as exc:
        raise _fail(exc) from exc
    if as_json:
        console.print_json(result.model_dump_json())
        return
    table = Table("kind", "name", "count")
    for label, count in result.nodes.items():
        table.add_row("node", label, str(count))
    for rel, count in result.edges.items():
        table.add_row("edge", rel, str(count))
    console.print(table)


@app.command()
def who(
    speaker: Annotated[str | None, typer.Option(help="Speaker name or whom it represents")] = None,
    target: Annotated[str | None, typer.Option(help="Target name or whom it represents")] = None,
    kind: Annotated[str | None, typer.Option(help="accuse | deny | condemn | blame")] = None,
    limit: int = 50,
    store: StoreOpt = None,
    home: HomeOpt = None,
) -> None:
    """Who accused whom of what (the who-accused-whom canned query)."""
    from queries import get_query

    try:
        query = get_query("who-accused-whom")
        params = query.bind({"speaker": speaker, "target": target, "kind": kind, "limit": limit})
        with _open(store, home) as graph_store:
            result = graph_store.read(query.cypher, params)
    except AllegraphError as exc:
        raise _fail(exc) from exc
    table = Table("speaker", "kind", "target", "evidence", title="Who accused whom")
    for row in result.rows:
        table.add_row(row["speaker"], row["kind"], row["target"], (row["evidence"] or "")[:110])
    console.print(table)


@store_app.command("status")
def store_status(home: HomeOpt = None) -> None:
    """Is the embedded store running, where, and how big."""
    from graph.falkor import EmbeddedServer

    status = EmbeddedServer(Settings.from_env(home=home).home).status()
    console.print_json(json.dumps(status.model_dump()))


@store_app.command("stop")
def store_stop(home: HomeOpt = None) -> None:
    """Shut the embedded store down cleanly; the data stays on disk."""
    from graph.falkor import EmbeddedServer

    stopped = EmbeddedServer(Settings.from_env(home=home).home).stop()
    console.print("stopped" if stopped else "not running")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
