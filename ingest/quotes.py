"""Attribute quoted sentences to their speaker: before, after, or in the paragraph before."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ingest.actors import ActorIndex
from ingest.claims import speakers_of
from ingest.lexicon import SAY_VERBS

QUOTE_CHARS = re.compile(r"[\"\u201c\u201d]")


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character spans inside double quotes, paired within each paragraph."""
    regions = []
    offset = 0
    for line in text.split("\n"):
        marks = [m.start() for m in QUOTE_CHARS.finditer(line)]
        for open_, close in zip(marks[::2], marks[1::2], strict=False):
            regions.append((offset + open_, offset + close + 1))
        if len(marks) % 2 == 1:  # an unclosed quote runs to the end of its paragraph
            regions.append((offset + marks[-1], offset + len(line)))
        offset += len(line) + 1
    return regions


def quoted_share(sent: Span, regions: list[tuple[int, int]]) -> float:
    start, end = sent.start_char, sent.end_char
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in regions)
    return inside / max(1, end - start)


def _attribution(index: ActorIndex, sent: Span, regions: list[tuple[int, int]]) -> list[str]:
    for token in sent:
        if token.lemma_.lower() in SAY_VERBS and token.pos_ in ("VERB", "AUX"):
            if any(s <= token.idx < e for s, e in regions):
                continue
            speakers = speakers_of(index, token)
            if speakers:
                return speakers
    return []


def quote_speakers(doc: Doc, index: ActorIndex) -> dict[int, list[str]]:
    """Sentence start token -> speakers, for sentences that are mostly quotation."""
    text = doc.text  # rebuilt on every access
    regions = quote_regions(text)
    by_paragraph: dict[int, list[Span]] = {}
    for sent in doc.sents:
        paragraph = text.count("\n", 0, sent.start_char)
        by_paragraph.setdefault(paragraph, []).append(sent)
    out: dict[int, list[str]] = {}
    previous: list[str] = []
    for paragraph in sorted(by_paragraph):
        sents = by_paragraph[paragraph]
        quoted = [s for s in sents if quoted_share(s, regions) > 0.5]
        speakers = next((sp for s in sents if (sp := _attribution(index, s, regions))), [])
        if not speakers and quoted and len(quoted) == len(sents):
            speakers = previous  # a quote paragraph continuing the previous speaker
        for sent in quoted:
            if speakers:
                out[sent.start] = speakers
        previous = speakers if quoted else []
    return out
