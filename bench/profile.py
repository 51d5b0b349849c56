"""Where ingest's time goes, stage by stage, on real documents:
`python -m bench.profile [--corpus PATH] [--documents 300]`.

Each stage runs over the whole sample before the next (every spaCy component through its own
batched `pipe`, as `nlp.pipe` runs it), so each figure is that stage's own cost: reading and
hashing the records, text preparation, each spaCy component, the claims component (our rules),
building the typed graph, and the write into an empty embedded store.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from allegraph.config import Settings
from allegraph.graph.falkor import EmbeddedServer
from allegraph.graph.store import open_store
from allegraph.ingest.pipeline import COMPONENT, PAYLOAD, blank_dateline_outlets, load_nlp, recase_headlines
from allegraph.ingest.sections import merge_payloads, sections
from allegraph.ingest.to_graph import build_graph
from bench.corpus import describe, resolve_source, source_documents

T = TypeVar("T")
OURS = {COMPONENT: "claims component (Allegraph's rules)", "allegraph_line_breaks": "Allegraph's line-break rule"}
BATCH = 16


class Stage(BaseModel):
    name: str
    seconds: float
    share: float


class Profile(BaseModel):
    source: str
    documents: int
    tokens: int
    stages: list[Stage]


def _timed(stages: dict[str, float], name: str, run: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = run()
    stages[name] = stages.get(name, 0.0) + time.perf_counter() - start
    return result


def profile(source: str, n_documents: int, home: Path) -> Profile:
    stages: dict[str, float] = {}
    documents = _timed(stages, "read and hash records (loaders)", lambda: source_documents(source, n_documents))
    nlp = load_nlp()
    pieces = _timed(
        stages,
        "text preparation (sections, datelines, headlines)",
        lambda: [
            (document, offset, recase_headlines(blank_dateline_outlets(text)))
            for document in documents
            for offset, text in sections(document.text)
        ],
    )
    docs: Iterable[Any] = _timed(stages, "spaCy tokenizer", lambda: [nlp.make_doc(text) for _, _, text in pieces])
    for name, component in nlp.pipeline:
        label = OURS.get(name, f"spaCy {name}")
        docs = _timed(stages, label, lambda c=component, d=docs: list(_pipe(c, d)))  # type: ignore[misc]
    graphs = _timed(stages, "typed graph (models, calibration)", lambda: _graphs(pieces, list(docs)))
    settings = Settings(store="embedded", home=home, graph_name="profile")
    with open_store(settings) as store:
        _timed(stages, "write (embedded FalkorDB, 16 documents per batch)", lambda: _write(store, graphs))
    total = sum(stages.values())
    return Profile(
        source=describe(source),
        documents=len(documents),
        tokens=sum(len(doc) for doc in docs),
        stages=[Stage(name=n, seconds=round(s, 2), share=round(s / total, 3)) for n, s in stages.items()],
    )


def _pipe(component: Any, docs: Iterable[Any]) -> Iterable[Any]:
    if hasattr(component, "pipe"):
        return component.pipe(docs, batch_size=BATCH)  # type: ignore[no-any-return]
    return (component(doc) for doc in docs)


def _graphs(pieces: list[tuple[Any, int, str]], docs: list[Any]) -> list[Any]:
    graphs, found = [], []
    for n, ((document, offset, _), doc) in enumerate(zip(pieces, docs, strict=True)):
        found.append((offset, doc.user_data[PAYLOAD]))
        if n + 1 == len(pieces) or pieces[n + 1][0] is not document:
            graphs.append(build_graph(document, merge_payloads(found)))
            found = []
    return graphs


def _write(store: Any, graphs: list[Any]) -> None:
    for start in range(0, len(graphs), BATCH):
        store.write_documents(graphs[start : start + BATCH])


def markdown(result: Profile) -> str:
    lines = [
        f"Where ingest's time goes: {result.documents:,} documents of {result.source} ({result.tokens:,} tokens), one process",
        "",
        "| stage | s | share |",
        "|---|---|---|",
    ]
    lines += [f"| {s.name} | {s.seconds:.2f} | {s.share:.1%} |" for s in result.stages]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=None, help="a .jsonl(.gz) corpus (default: ../shared's, else examples)")
    parser.add_argument("--documents", type=int, default=300)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="agp-", dir="/tmp"))
    try:
        print(markdown(profile(resolve_source(args.corpus), args.documents, home)), end="")
    finally:
        EmbeddedServer(home).stop()


if __name__ == "__main__":
    main()
