"""The `allegraph` command: one thin command per verb over the typed service functions."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from allegraph.cli_common import HomeOpt, StoreOpt, console, errors
from allegraph.cli_common import fail as _fail
from allegraph.cli_common import load_settings as _settings
from allegraph.cli_common import open_configured as _open
from allegraph.cli_ingest import extract, ingest, progress_bar
from allegraph.cli_output import data
from allegraph.config import DEFAULT_BASE_IRI
from allegraph.errors import AllegraphError, BadRequest

app = typer.Typer(help="Allegraph: who accused whom of what, as a knowledge graph.", no_args_is_help=True)
store_app = typer.Typer(help="The embedded FalkorDB store: status and clean shutdown.", no_args_is_help=True)
app.add_typer(store_app, name="store")
app.command()(ingest)
app.command()(extract)


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
        with _open(settings) as graph_store, progress_bar() as progress:
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
