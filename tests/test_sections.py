"""Long documents are parsed in sections and put back together: claims from every section, with
offsets into the whole text and references between claims renumbered (a denial answers the
accusations of its own section: 100,000 characters, longer than almost any article)."""

from __future__ import annotations

import pytest

from allegraph.ingest import sections as sections_module
from allegraph.ingest.pipeline import extract
from allegraph.ingest.sections import SECTION_CHARS, sections
from allegraph.models import Document

FILLER = "Officials met in the capital to discuss trade, water and roads on Tuesday.\n\n"


def test_sections_cover_the_text_and_cut_at_breaks() -> None:
    text = FILLER * 5_000  # about 380,000 characters
    pieces = sections(text)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= SECTION_CHARS for _, piece in pieces) and len(pieces) > 3
    assert all(text[offset - 1] == "\n" for offset, _ in pieces[1:])  # cut after a line, not in a word


def test_a_section_is_never_longer_than_spacy_takes(nlp) -> None:  # type: ignore[no-untyped-def]
    assert nlp.max_length > SECTION_CHARS


def test_a_long_document_gives_claims_from_every_section(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sections_module, "SECTION_CHARS", 2_000)
    text = (
        "Chile accused Peru of spying on its embassy.\n\n"
        + FILLER * 40
        + "Iraq accused Kuwait of stealing oil from the border field.\n\n"
        + "Kuwait denied Iraq's accusations of stealing oil from the field.\n\n"
        + FILLER * 40
    )
    graph = next(extract(nlp, [Document(id="long", text=text, content_hash="long")]))
    kinds = sorted(c.kind for c in graph.claims)
    assert kinds == ["accuse", "accuse", "deny"], kinds
    for claim in graph.claims:
        assert text[claim.start : claim.end].strip() == claim.evidence
    denial = next(c for c in graph.claims if c.kind == "deny")
    oil = next(c for c in graph.claims if c.kind == "accuse" and "oil" in c.evidence)
    assert denial.responds_to == oil.id
