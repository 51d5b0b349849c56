"""What the extractor finds in one invented text, as the extraction tests compare it."""

from __future__ import annotations

from spacy.language import Language

from allegraph.ingest.loaders import content_hash
from allegraph.ingest.pipeline import extract
from allegraph.models import ClaimRecord, Document, claim_records


def records(nlp: Language, text: str) -> list[ClaimRecord]:
    doc = Document(id="t", text=text, content_hash=content_hash(text))
    return claim_records(next(extract(nlp, [doc])), "t")


def claims(nlp: Language, text: str) -> set[tuple[str, str, str | None]]:
    """(kind, whom the speaker represents, whom the target represents): the scorer's state level."""
    return {
        (r.kind, r.speaker.represents or r.speaker.name, r.target.represents if r.target else None)
        for r in records(nlp, text)
    }


def named_claims(nlp: Language, text: str) -> set[tuple[str, str, str | None]]:
    """(kind, speaker's name, target's name): who exactly, not whom they stand for."""
    return {(r.kind, r.speaker.name, r.target.name if r.target else None) for r in records(nlp, text)}
