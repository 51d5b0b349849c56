"""The benchmark corpus: the bundled example articles, replicated under new ids."""

from __future__ import annotations

import hashlib
from pathlib import Path

from allegraph.models import Document

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
