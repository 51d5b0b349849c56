"""The benchmark corpus: the bundled example articles, replicated under new ids."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterator
from pathlib import Path

from allegraph.models import Document, SkippedDocument
from bench.config import BenchConfig

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def example_texts(examples: Path = EXAMPLES) -> list[tuple[str, str]]:
    """(stem, text) of each bundled article, in a fixed order."""
    paths = sorted(examples.glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no example articles (*.txt) in {examples}")
    return [(path.stem, path.read_text(encoding="utf-8")) for path in paths]


def replicated(n_documents: int, examples: Path = EXAMPLES) -> list[Document]:
    """`n_documents` documents cycling through the examples, each with its own id."""
    texts = example_texts(examples)
    documents = []
    for number in range(n_documents):
        stem, text = texts[number % len(texts)]
        documents.append(
            Document(
                id=f"bench-{number:06d}-{stem}",
                text=text,
                content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            )
        )
    return documents


def write_corpus(directory: Path, n_documents: int, examples: Path = EXAMPLES) -> Path:
    """The replicated corpus as text files (their names become the document ids)."""
    directory.mkdir(parents=True, exist_ok=True)
    for document in replicated(n_documents, examples):
        (directory / f"{document.id}.txt").write_text(document.text, encoding="utf-8")
    return directory


# the shared real-news corpus beside the repository, when it is there
SHARED_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "news.jsonl.gz"


def resolve_source(corpus: str | None) -> str:
    """The corpus to measure on: the one given, else the shared corpus if present, else the
    bundled examples ('examples')."""
    if corpus is not None:
        if corpus != "examples" and not Path(corpus).is_file():
            raise FileNotFoundError(f"no corpus file {corpus}")
        return corpus
    return str(SHARED_CORPUS) if SHARED_CORPUS.is_file() else "examples"


def source_items(source: str, n_documents: int) -> Iterator[Document | SkippedDocument]:
    """The first `n_documents` records of the source (0: all of a real corpus), streamed."""
    if source == "examples":
        return iter(replicated(n_documents))
    from allegraph.ingest.loaders import load_documents

    return itertools.islice(load_documents([source], 5_000_000), n_documents or None)


def source_documents(source: str, n_documents: int) -> list[Document]:
    return [item for item in source_items(source, n_documents) if isinstance(item, Document)]


def describe(source: str) -> str:
    return "the bundled examples (replicated)" if source == "examples" else Path(source).name


def ingest_sizes(config: BenchConfig, source: str) -> list[int]:
    """The configured sizes; 0 (the whole corpus) means nothing for replicated examples."""
    if source != "examples":
        return config.ingest_documents
    return [size for size in config.ingest_documents if size > 0] or [100]
