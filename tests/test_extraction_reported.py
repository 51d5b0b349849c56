"""Unit tests for accusations carried by reported speech about a wrongdoing, on sentences
written for these tests: what a named speaker says an actor did, without the verb "accuse"."""

from __future__ import annotations

import pytest

from allegraph.ingest.loaders import content_hash
from allegraph.ingest.pipeline import extract
from allegraph.models import Document, claim_records


def claims(nlp, text: str) -> set[tuple]:  # type: ignore[no-untyped-def]
    doc = Document(id="t", text=text, content_hash=content_hash(text))
    graph = next(extract(nlp, [doc]))
    return {
        (r.kind, r.speaker.represents or r.speaker.name, r.target.represents if r.target else None)
        for r in claim_records(graph, "t")
    }


CASES = [
    # breaking a rule: the agreement broken is the wrong itself, not a harmless "strike an agreement"
    ("The Egyptian Foreign Ministry argued that Ethiopia had breached the agreement.", ("accuse", "Egypt", "Ethiopia")),
    ("Chile said Peru had flouted the fishing agreement.", ("accuse", "Chile", "Peru")),
    ("Vietnamese President Lan Tran said China violated the 2002 agreement.", ("accuse", "Vietnam", "China")),
    # a document speaks for whoever issued, published or released it
    (
        "An advisory issued by the Canadian Foreign Ministry warns that Iranian agents are harassing dissidents.",
        ("accuse", "Canada", "Iran"),
    ),
    (
        "A report published by Amnesty International said Nigerian soldiers had tortured detainees.",
        ("accuse", "Amnesty International", "Nigeria"),
    ),
    (
        "A memo that the Kenyan Interior Ministry circulated on Friday said Somali militants had smuggled weapons into the city.",
        ("accuse", "Kenya", "Somalia"),
    ),
    (
        "A paper written by the Chilean Defence Ministry said Peruvian jets had violated its airspace.",
        ("accuse", "Chile", "Peru"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_reported_wrongs(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, text)
    assert expected in found, found


NOT_CLAIMS = [
    "Peru said Chile struck an agreement with Bolivia.",
    "Chile said it had breached the agreement by mistake.",
    "Critics said Peru had breached the agreement.",
    "Chile did not say that Peru had breached the agreement.",
    # who commissions or cites a document is not its author
    "A report commissioned by Amnesty International said Nigerian soldiers had tortured detainees.",
    "A study cited by the Kenyan Interior Ministry said Somali militants had smuggled weapons.",
    # a document with no named author speaks for no one
    "A leaked memo said Somali militants had smuggled weapons.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, text)
    assert not found, found
