"""`python -m bench`: run every stage, print the table, write the JSON report and the markdown."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from allegraph.errors import AllegraphError
from allegraph.graph.falkor import EmbeddedServer, FalkorStore
from allegraph.ingest.pipeline import load_base_pipeline, load_nlp
from bench.config import PRESETS, BenchConfig, RunContext
from bench.corpus import describe, ingest_sizes, resolve_source, source_documents
from bench.growth import ClaimsStep, IngestStep, export_run, grow_to, ingest_run, query_latencies, workers_headline
from bench.load import QueryLoad, api_under_load, sample_actor_names
from bench.nlp_stages import nlp_stages
from bench.report import STORE_HEADLINE, BenchReport, goals, headline, machine, markdown, now
from bench.stores import StoreComparison, compare_stores, neo4j_settings, open_disposable
from bench.writes import write_vs_raw

OUT = Path(__file__).resolve().parent / "out"
console = Console(stderr=True)
cli = typer.Typer(add_completion=False, help=__doc__)


def _step(message: str, started: float) -> None:
    console.print(f"[dim]{time.perf_counter() - started:7.1f}s[/] {message}")


def fresh_store(context: RunContext, graph: str) -> FalkorStore:
    """A store on an empty graph of the benchmark's own server."""
    store = FalkorStore(EmbeddedServer(context.home), graph)  # the server is already running
    with contextlib.suppress(Exception):
        store.graph.delete()  # absent on a first run
    store.apply_schema()
    return store


def claims_growth(context: RunContext, config: BenchConfig, started: float) -> tuple[list[ClaimsStep], list[QueryLoad]]:
    graph = "bench-growth"
    steps: list[ClaimsStep] = []
    load: list[QueryLoad] = []
    with fresh_store(context, graph) as store:
        current = 0
        for size in config.growth_claims:
            write = grow_to(store, current, size, config.write_batch)
            current = size
            _step(f"growth: {size:,} claims written ({write.claims_per_s:,.0f} claims/s); timing queries", started)
            actors = sample_actor_names(store)
            step = ClaimsStep(claims=size, write=write, queries=query_latencies(store, actors, config.latency_queries))
            if config.export_growth:
                try:
                    step.export = export_run(context.home, graph, context.out)
                    _step(f"growth: exported {step.export.statements:,} statements at {size:,} claims", started)
                except RuntimeError as exc:  # a failed export is a finding, not the end of the run
                    step.export_error = str(exc)[-300:]
                    _step(f"[red]growth: export failed at {size:,} claims[/]: {step.export_error}", started)
            if size == config.api_claims:
                _step(f"API under load at {size:,} claims, {config.connections} connections", started)
                load = api_under_load(store, actors, context.home, graph, context.out, config)
            steps.append(step)
    return steps, load


def other_store(context: RunContext, config: BenchConfig, uri: str) -> StoreComparison:
    """The same writes and queries on the store at `uri` and on an empty embedded graph."""
    with open_disposable(neo4j_settings(uri)) as other, fresh_store(context, "bench-compare") as embedded:
        return compare_stores(embedded, other, config.write_claims, config.write_batch, config.latency_queries)


def ingest_growth(context: RunContext, config: BenchConfig, source: str, started: float) -> list[IngestStep]:
    """Each size into a store of its own with `processes` workers; the smallest also with one,
    for the workers' speed-up on the same documents."""
    sizes = ingest_sizes(config, source)
    runs = [(sizes[0], 1)] if config.processes > 1 else []
    runs += [(size, config.processes) for size in sizes]
    steps: list[IngestStep] = []
    for size, workers in runs:
        _step(
            f"ingest: {'all' if size == 0 else f'{size:,}'} documents of {describe(source)}, {workers} worker(s)",
            started,
        )
        steps.append(ingest_run(context.home, source, size, workers))
        _step(f"ingest: {steps[-1].documents:,} documents at {steps[-1].docs_per_s} docs/s", started)
    return steps


def run(
    config: BenchConfig, context: RunContext, preset: str, source: str, compare_with: str | None = None
) -> BenchReport:
    started = time.perf_counter()
    began = now()
    context.out.mkdir(parents=True, exist_ok=True)
    EmbeddedServer(context.home).start()
    _step(f"loading spaCy; parsing corpus: the first {config.parse_documents} documents of {describe(source)}", started)
    nlp, bare = load_nlp(), load_base_pipeline()
    with fresh_store(context, "bench-ingest") as store:
        parsing, ingest = nlp_stages(bare, nlp, store, source_documents(source, config.parse_documents), config)
    _step(f"extract vs parse {[p.extract_vs_parse for p in parsing]}, ingest {ingest.ingest_vs_parse}", started)
    with fresh_store(context, "bench-write-store") as product, fresh_store(context, "bench-write-raw") as raw:
        writes = write_vs_raw(product, raw, config.write_claims, config.write_batch)
    _step(f"writes: GraphStore vs raw {writes.write_vs_raw} (same graph: {writes.same_graph})", started)
    stores = other_store(context, config, compare_with) if compare_with else None
    if stores is not None:
        _step(
            f"{stores.store} vs embedded: writes {stores.writes_vs_embedded} (same graph: {stores.same_graph})", started
        )
    claims_steps, load = claims_growth(context, config, started)
    ingest_steps = ingest_growth(context, config, source, started)
    head = headline(parsing, ingest, writes, load) | workers_headline(ingest_steps)
    if stores is not None:
        head[STORE_HEADLINE] = stores.writes_vs_embedded
    return BenchReport(
        started=began,
        seconds=round(time.perf_counter() - started, 1),
        preset=preset,
        source=describe(source),
        config=config,
        machine=machine(),
        headline=head,
        goals=goals(head, load, parsing),
        parsing=parsing,
        ingest=ingest,
        writes=writes,
        load=load,
        claims_growth=claims_steps,
        ingest_growth=ingest_steps,
        stores=stores,
    )


def _sizes(text: str | None) -> list[int] | None:
    return None if text is None else [int(part.replace("_", "")) for part in text.split(",") if part.strip()]


@cli.command()
def main(
    quick: Annotated[bool, typer.Option("--quick", help="Tiny sizes: under a minute")] = False,
    full: Annotated[bool, typer.Option("--full", help="Adds 1M claims and 10,000 documents (about an hour)")] = False,
    out: Annotated[Path, typer.Option(help="Where report.json and report.md go")] = OUT,
    home: Annotated[
        Path | None, typer.Option(help="Data directory of the benchmark's store (default: a temp dir)")
    ] = None,
    growth_claims: Annotated[str | None, typer.Option(help="Comma-separated graph sizes, e.g. 10000,100000")] = None,
    api_claims: Annotated[
        int | None, typer.Option(help="Size the API is load-tested at (one of the growth sizes)")
    ] = None,
    ingest_documents: Annotated[str | None, typer.Option(help="Comma-separated corpus sizes, e.g. 100,1000")] = None,
    parse_documents: Annotated[int | None, typer.Option(help="Articles in the parse/extract corpus")] = None,
    write_claims: Annotated[int | None, typer.Option(help="Claims per writer in the write comparison")] = None,
    load_seconds: Annotated[float | None, typer.Option(help="Seconds of each load phase")] = None,
    connections: Annotated[int | None, typer.Option(help="HTTP connections of the load generator")] = None,
    processes: Annotated[int | None, typer.Option(help="n_process of the parallel runs")] = None,
    repeats: Annotated[int | None, typer.Option(help="Timed passes of parse/extract (best kept)")] = None,
    export: Annotated[bool, typer.Option(help="Export each growth size (peak memory of export)")] = True,
    store: Annotated[
        str | None,
        typer.Option(help="Also run the writes and queries on this Neo4j (bolt://…), which it empties first"),
    ] = None,
    corpus: Annotated[
        str | None,
        typer.Option(
            help="Real news to parse and ingest (.jsonl or .jsonl.gz); default ../shared/corpus/news.jsonl.gz "
            "when present, else the bundled examples replicated ('examples')"
        ),
    ] = None,
) -> None:
    """Measure extraction and ingest on real news, writes, the API under load and growth; print ratios and a table."""
    if quick and full:
        raise typer.BadParameter("choose --quick or --full, not both")
    preset = "quick" if quick else "full" if full else "default"
    overrides: dict[str, Any] = {
        "growth_claims": _sizes(growth_claims),
        "api_claims": api_claims,
        "ingest_documents": _sizes(ingest_documents),
        "parse_documents": parse_documents,
        "write_claims": write_claims,
        "load_seconds": load_seconds,
        "connections": connections,
        "processes": processes,
        "repeats": repeats,
    }
    chosen = {key: value for key, value in overrides.items() if value is not None} | {"export_growth": export}
    if "growth_claims" in chosen and "api_claims" not in chosen:
        chosen["api_claims"] = min(chosen["growth_claims"], key=lambda size: abs(size - 100_000))
    try:
        config = BenchConfig.model_validate(PRESETS[preset].model_dump() | chosen)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    try:
        source = resolve_source(corpus)
    except FileNotFoundError as exc:
        raise typer.BadParameter(str(exc), param_hint="--corpus") from exc
    if source == "examples":
        console.print(
            "[yellow]no real corpus[/] (../shared/corpus/news.jsonl.gz is absent and --corpus was not given): "
            "parsing and ingest run on the bundled example articles, replicated"
        )
    context = RunContext(home=home or Path(tempfile.mkdtemp(prefix="agb-", dir="/tmp")), out=out)
    try:
        report = run(config, context, preset, source, store)
    except AllegraphError as exc:
        console.print(f"[red]error:[/] {exc.message}" + (f"\n[dim]hint: {exc.hint}[/]" if exc.hint else ""))
        raise typer.Exit(2) from exc
    finally:
        EmbeddedServer(context.home).stop()
        if home is None:
            shutil.rmtree(context.home, ignore_errors=True)
    table = markdown(report)
    (out / "report.json").write_text(report.model_dump_json(indent=2) + "\n")
    (out / "report.md").write_text(table)
    print(table, end="")
    console.print(f"[dim]report: {out / 'report.json'}, table: {out / 'report.md'}[/]")
