"""Attribute quoted sentences to their speaker: before, after, or in the paragraph before."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from allegraph.ingest.actors import ActorIndex
from allegraph.ingest.claims import speakers_of
from allegraph.ingest.lexicon import SAY_VERBS

QUOTE_CHARS = re.compile(r"[\"\u201c\u201d]")
_QUOTE_OR_BREAK = re.compile(r"[\"\u201c\u201d\n]")


MAX_QUOTE = 1200  # characters: a "quote" longer than this is a stray mark, not a quotation


REGIONS_KEY = "allegraph_quote_regions"


def document_regions(doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
    """The document's quote regions, found once and kept on the Doc: pronoun resolution (while the
    actor index is built) and the claim rules (after) both ask. `text` is `doc.text` when the caller
    has it (`Doc.text` rebuilds the string on every access)."""
    regions: list[tuple[int, int]] | None = doc.user_data.get(REGIONS_KEY)
    if regions is None:
        regions = doc.user_data[REGIONS_KEY] = quote_regions(doc.text if text is None else text)
    return regions


def inside(char: int, regions: list[tuple[int, int]]) -> bool:
    """Strictly inside a quotation: the marks themselves are not."""
    return any(s < char < e for s, e in regions)


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character spans inside double quotes. Curly quotes pair by direction, straight ones in turn;
    a quote still open at the end of its paragraph runs to there, and one still open where a straight
    quote opens again ends there (the speaker's next quote); a stray mark opens nothing longer
    than MAX_QUOTE (articles printed as one paragraph would otherwise be one long quotation)."""
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    for match in _QUOTE_OR_BREAK.finditer(text):  # every other character leaves the state as it is
        i, char = match.start(), match.group()
        if char == "\n" and opened is not None:
            regions.append((opened, i))
            opened = None
        elif char == "\u201c" or (char == '"' and opened is None):
            opened = i if opened is None else opened
        elif char == '"' and opened is not None and _opens(text, i):
            # the quote the speaker went on from was left unclosed: a new one opens here
            regions.append((opened, i))
            opened = i
        elif (char == "\u201d" or char == '"') and opened is not None:
            regions.append((opened, i + 1))
            opened = None
    if opened is not None:
        regions.append((opened, len(text)))
    return [(start, end) for start, end in regions if end - start <= MAX_QUOTE]


def _opens(text: str, i: int) -> bool:
    """A straight quote shaped as an opening one: after a space, before a word ('mongrel. "I don't')."""
    return i > 0 and text[i - 1] == " " and i + 1 < len(text) and text[i + 1].isalnum()


def quoted_share(sent: Span, regions: list[tuple[int, int]]) -> float:
    start, end = sent.start_char, sent.end_char
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in regions)
    return inside / max(1, end - start)


def _attribution(index: ActorIndex, sent: Span, regions: list[tuple[int, int]]) -> list[str]:
    for token in index.table.candidates(sent, SAY_VERBS):
        if token.lemma_.lower() in SAY_VERBS and token.pos_ in ("VERB", "AUX"):
            if any(s <= token.idx < e for s, e in regions):
                continue
            speakers = speakers_of(index, token)
            if speakers:
                return speakers
    return []


def quote_speakers(doc: Doc, index: ActorIndex, regions: list[tuple[int, int]] | None = None) -> dict[int, list[str]]:
    """Sentence start token -> speakers, for sentences that are mostly quotation: the attribution in
    the sentence itself, else the next or previous sentence of its paragraph, else (for a paragraph
    that is all quotation) the previous paragraph's speaker."""
    text = index.table.text  # `Doc.text` is rebuilt on every access
    regions = document_regions(doc, text) if regions is None else regions  # the caller's, when it has them
    by_paragraph: dict[int, list[Span]] = {}
    paragraph, counted = 0, 0  # line breaks before `counted`: sentences come in text order
    for sent in doc.sents:
        paragraph, counted = paragraph + text.count("\n", counted, sent.start_char), sent.start_char
        by_paragraph.setdefault(paragraph, []).append(sent)
    out: dict[int, list[str]] = {}
    previous: list[str] = []
    for paragraph in sorted(by_paragraph):
        sents = by_paragraph[paragraph]
        attributed = [_attribution(index, s, regions) for s in sents]
        quoted = [n for n, s in enumerate(sents) if quoted_share(s, regions) > 0.5]
        for n in quoted:
            nearby = [attributed[n], *(attributed[m] for m in (n + 1, n - 1) if 0 <= m < len(sents))]
            speakers = next((sp for sp in nearby if sp), [])
            if not speakers and len(quoted) == len(sents):
                speakers = previous  # a quote paragraph continuing the previous speaker
            if speakers:
                out[sents[n].start] = speakers
        last = next((sp for sp in reversed(attributed) if sp), [])
        previous = last if quoted else []
    return out
