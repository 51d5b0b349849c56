"""The `allegraph` command: one thin command per verb over the typed service functions."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from allegraph.cli_output import data
from allegraph.config import DEFAULT_BASE_IRI, Settings
from allegraph.errors import AllegraphError, BadRequest
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
    errors.print(f"[bold red]error:[/] {escape(exc.message)}")
    if exc.hint:
        errors.print(f"[yellow]hint:[/] {escape(exc.hint)}")
    return typer.Exit(2)


def _settings(store: str | None = None, home: str | None = None) -> Settings:
    """Settings from the environment; a bad variable is an error message, not a traceback."""
    try:
        return Settings.from_env(store=store, home=home)
    except AllegraphError as exc:
        raise _fail(exc) from exc


def _open(settings: Settings) -> Any:
    from allegraph.graph.store import open_store

    return open_store(settings)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive) or globs")],
    store: StoreOpt = None,
    home: HomeOpt = None,
    n_process: Annotated[int, typer.Option(help="Parser processes")] = 1,
) -> None:
    """Extract claims from documents and write them to the graph (re-ingesting changes nothing)."""
    from allegraph.ingest.loaders import load_documents
    from allegraph.ingest.pipeline import load_nlp
    from allegraph.service import ingest_documents

    settings = _settings(store, home)
    try:
        items = list(load_documents(paths, settings.max_document_bytes))
        nlp = load_nlp()
        with _open(settings) as graph_store, _progress() as progress:
            task = progress.add_task("ingesting", total=len(items))
            summary = ingest_documents(
                graph_store,
                nlp,
                items,
                progress=lambda label: progress.update(task, advance=1, description=escape(_short(label))),
                n_process=n_process,
            )
    except AllegraphError as exc:
        raise _fail(exc) from exc
    console.print(
        f"[bold]{summary.documents}[/] documents written, {summary.unchanged} unchanged, "
        f"[bold]{summary.claims}[/] claims, {summary.actors} actors, {len(summary.skipped)} skipped"
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
    from allegraph.ingest.pipeline import load_nlp
    from allegraph.service import extract_records

    settings = _settings()
    skipped = 0
    try:
        nlp = load_nlp()
        table = Table("doc", "speaker", "kind", "target", "evidence")
        for item in extract_records(nlp, paths, settings, n_process):
            if isinstance(item, SkippedDocument):
                skipped += 1
                errors.print(f"[yellow]skipped[/] {escape(item.source)}: {escape(item.reason)}")
            elif jsonl:
                sys.stdout.write(item.model_dump_json() + "\n")
            else:
                target = item.target.name if item.target else "—"
                table.add_row(*data(item.doc, item.speaker.name, item.kind, target, item.evidence[:100]))
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
        with _open(_settings(store, home)) as graph_store:
            result = graph_store.stats()
    except AllegraphError as exc:
        raise _fail(exc) from exc
    if as_json:
        console.print_json(result.model_dump_json())
        return
    table = Table("kind", "name", "count")
    for label, count in result.nodes.items():
        table.add_row(*data("node", label, str(count)))
    for rel, count in result.edges.items():
        table.add_row(*data("edge", rel, str(count)))
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
    """Who accused whom of what (the who-accused-whom canned query, as a short table)."""
    params = {"speaker": speaker, "target": target, "kind": kind, "limit": limit}
    response = _run_canned("who-accused-whom", params, store, home)
    table = Table("speaker", "kind", "target", "evidence", title="Who accused whom")
    for row in response.rows:
        table.add_row(*data(row["speaker"], row["kind"], row["target"], (row["evidence"] or "")[:110]))
    console.print(table)


def _run_canned(name: str, params: dict[str, Any], store: str | None, home: str | None) -> Any:
    from allegraph.querying import run_query

    settings = _settings(store, home)
    try:
        with _open(settings) as graph_store:
            return run_query(graph_store, name, params, timeout_ms=settings.query_timeout_ms)
    except AllegraphError as exc:
        raise _fail(exc) from exc


@app.command("queries")
def list_queries() -> None:
    """The canned queries, their parameters and an example each."""
    from allegraph.queries import registry

    table = Table("name", "parameters", "description", show_lines=True)
    for query in registry().values():
        params = ", ".join(f"{p.name}{'*' if p.required else ''}: {p.type}" for p in query.params)
        table.add_row(*data(query.name, params or "—", query.description))
    console.print(table)
    console.print("* required.  Run one: [bold]allegraph query who-accused-whom -p target=Russia[/]")


@app.command()
def query(
    name: Annotated[str, typer.Argument(help="A canned query name (see 'allegraph queries')")],
    param: Annotated[list[str] | None, typer.Option("-p", "--param", help="key=value, repeatable")] = None,
    output: Annotated[str, typer.Option("--format", "-f", help="table | json | csv")] = "table",
    store: StoreOpt = None,
    home: HomeOpt = None,
) -> None:
    """Run a canned query; json output has the API's shape {"query", "columns", "rows"}."""
    from allegraph.cli_output import print_result

    if output not in ("table", "json", "csv"):
        raise _fail(BadRequest(f"unknown format {output!r}", hint="use table, json or csv"))
    params: dict[str, Any] = {}
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise _fail(BadRequest(f"parameter {item!r} is not key=value", hint="e.g. -p target=Russia"))
        if key.strip() in params:
            raise _fail(BadRequest(f"parameter {key.strip()!r} is given twice", hint="give each -p name once"))
        params[key.strip()] = value
    response = _run_canned(name, params, store, home)
    print_result(response, output, console)


@app.command()
def export(
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", help="ttl | nt | jsonld | trig (default: -o's extension, else ttl)")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: standard output)")
    ] = None,
    base: Annotated[
        str | None,
        typer.Option(
            "--base", help=f"Base IRI for exported resources. Env: ALLEGRAPH_BASE_IRI (default {DEFAULT_BASE_IRI})"
        ),
    ] = None,
    store: StoreOpt = None,
    home: HomeOpt = None,
) -> None:
    """Export the graph as RDF (N-Triples streams; Turtle, JSON-LD and TriG are built in memory)."""
    from allegraph.rdf.export import export_file, export_total
    from allegraph.rdf.terms import Minter

    settings = _settings(store, home)
    try:
        fmt = _rdf_format(output_format, output)
        mint = Minter(base or settings.base_iri)
        with _open(settings) as graph_store, _progress() as progress:
            task = progress.add_task(f"exporting {fmt.value}", total=export_total(graph_store))
            summary = export_file(
                graph_store,
                output,
                fmt,
                mint,
                timeout_ms=settings.query_timeout_ms,
                progress=lambda label, done: progress.update(
                    task, advance=done, description=f"exporting {escape(label)}"
                ),
            )
    except AllegraphError as exc:
        raise _fail(exc) from exc
    except BrokenPipeError:  # the reader stopped early (`| head`): not an error worth a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(0) from None
    where = str(output) if output else "standard output"
    errors.print(
        f"[bold]{summary.statements}[/] statements ({fmt.value}) to {escape(where)}, IRIs under {escape(summary.base)}"
    )


def _rdf_format(name: str | None, output: Path | None) -> Any:
    from allegraph.rdf.export import RdfFormat

    if name is None:
        by_suffix = {f.extension: f for f in RdfFormat}
        return by_suffix.get(output.suffix.lower(), RdfFormat.ttl) if output else RdfFormat.ttl
    try:
        return RdfFormat(name.lower())
    except ValueError:
        raise BadRequest(f"unknown RDF format {name!r}", hint="use ttl, nt, jsonld or trig") from None


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    store: StoreOpt = None,
    home: HomeOpt = None,
    workers: Annotated[int, typer.Option(help="uvicorn worker processes")] = 1,
    access_log: Annotated[bool, typer.Option(help="Log every request (off for load tests)")] = True,
) -> None:
    """Serve the HTTP API (docs at /docs). Read-only unless ALLEGRAPH_API_KEY is set."""
    import uvicorn

    from allegraph.api.http import MAX_HEAD_BYTES, JsonErrorsH11Protocol

    settings = _settings(store, home)
    try:
        _check_port(host, port)  # before the banner: a port in use is an error, not a greeting
        if not settings.uses_neo4j:
            from allegraph.graph.falkor import EmbeddedServer, StoreLimits

            # fail here, with a hint, rather than inside uvicorn
            EmbeddedServer(settings.home, StoreLimits.of(settings)).start()
    except AllegraphError as exc:
        raise _fail(exc) from exc
    # worker processes build their own app from the environment
    os.environ["ALLEGRAPH_STORE"] = settings.store
    os.environ["ALLEGRAPH_HOME"] = str(settings.home)
    mode = "ingest enabled (API key set)" if settings.api_key else "read-only"
    errors.print(
        f"Allegraph explorer on http://{escape(host)}:{port}/ and API docs at /docs — store: {escape(settings.store)}, {mode}"
    )
    uvicorn.run(
        "allegraph.api.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        access_log=access_log,
        http=JsonErrorsH11Protocol,
        h11_max_incomplete_event_size=MAX_HEAD_BYTES,
    )


def _check_port(host: str, port: int) -> None:
    """Bind the address as uvicorn will (SO_REUSEADDR), and let it go again."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise BadRequest(f"cannot listen on {host}:{port}: {exc}", hint="check --host") from exc
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise BadRequest(
                f"cannot listen on {host}:{port}: {exc.strerror or exc}",
                hint="another server uses this port; pick one with --port",
            ) from exc


@store_app.command("status")
def store_status(home: HomeOpt = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Whether the embedded server runs, its pid, socket, data size and each graph's counts."""
    from allegraph.store_admin import store_report

    try:
        report = store_report(_settings(home=home))
    except AllegraphError as exc:
        raise _fail(exc) from exc
    if as_json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
        return
    state = f"running, pid {report.pid}" if report.running else "not running"
    console.print(f"embedded FalkorDB: [bold]{state}[/]")
    table = Table("", "", show_header=False)
    table.add_row(*data("socket", report.socket))
    table.add_row(*data("data", f"{report.data_dir} ({report.data_bytes:,} bytes)"))
    if report.memory:
        table.add_row(*data("memory", report.memory))
    for name, counts in report.graphs.items():
        # per label, not summed: an actor carries two labels (Actor and its type)
        labels = ", ".join(f"{count:,} {label}" for label, count in counts.nodes.items())
        table.add_row(*data(f"graph {name}", labels or "empty"))
    console.print(table)


@store_app.command("stop")
def store_stop(home: HomeOpt = None) -> None:
    """Shut the embedded server down cleanly; the data stays, and the next command starts it again."""
    from allegraph.store_admin import stop_store

    try:
        stopped = stop_store(_settings(home=home))
    except AllegraphError as exc:
        raise _fail(exc) from exc
    console.print("embedded FalkorDB stopped, data kept" if stopped else "embedded FalkorDB was not running")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
