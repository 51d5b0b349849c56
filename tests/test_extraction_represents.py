"""Unit tests for whom speakers and targets represent, and for targets the document names elsewhere,
on sentences written for these tests."""

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


# A condemned event whose author an earlier sentence names.
EVENT_CASES = [
    # "criticised the raid, saying ...": the speaker's own words hung on the noun do not make it another raid
    (
        "Iranian security forces stormed the offices of the movement in a raid on Monday. "
        "Party leader Ali Karimi criticised the raid, saying it was illegal.",
        {("condemn", "Ali Karimi", "Iran")},
    ),
    (
        "Kenyan police carried out a raid on the newspaper overnight. "
        "The editor Grace Otieno condemned the raid, calling it an assault on the press.",
        {("condemn", "Grace Otieno", "Kenya")},
    ),
    # "the drills held by X and Y drew criticism from Z": one claim against each author
    (
        "Officials said the exercises held by Japan and India would start on Monday. "
        "The exercises drew criticism from China.",
        {("condemn", "China", "Japan"), ("condemn", "China", "India")},
    ),
    (
        "Residents fled the strikes carried out by Turkey near the border. The strikes drew condemnation from Iraq.",
        {("condemn", "Iraq", "Turkey")},
    ),
]


@pytest.mark.parametrize("text,expected", EVENT_CASES)
def test_condemned_event_takes_its_author(nlp, text: str, expected: set[tuple]) -> None:  # type: ignore[no-untyped-def]
    assert expected <= claims(nlp, text)


EVENT_NEGATIVES = [
    # the earlier event is told without an author: the condemnation keeps no target
    (
        "A raid on the offices took place on Monday. Party leader Ali Karimi criticised the raid, saying it was illegal.",
        ("condemn", "Ali Karimi", None),
    ),
    # the event the speaker reacts to was only demanded, never carried out by anyone named
    (
        "Activists demanded that Japan and India stop the exercises. The exercises drew criticism from China.",
        ("condemn", "China", None),
    ),
]


@pytest.mark.parametrize("text,expected", EVENT_NEGATIVES)
def test_condemned_event_without_a_named_author(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, text)
    assert not {c for c in found if c[:2] == expected[:2] and c[2] is not None}
