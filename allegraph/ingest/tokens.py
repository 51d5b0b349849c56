"""The token attributes the rules test on every token, read once per document.

A rule that walks every token of every sentence pays for a new Token object and a string lookup
per attribute each time (six rules and five actor passes did so). `TokenTable` reads the lemmas,
lower forms and texts once (`Doc.to_array`), so a rule visits only the tokens that can start it.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.attrs import LEMMA, LOWER, ORTH, SPACY
from spacy.tokens import Doc, Span, Token

NOTHING: frozenset[str] = frozenset()


class TokenTable:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        strings = doc.vocab.strings
        rows = doc.to_array([LEMMA, LOWER, ORTH, SPACY]).tolist() if len(doc) else []
        self.lemma = [strings[row[0]].lower() for row in rows]  # as `token.lemma_.lower()`
        self.lower = [strings[row[1]] for row in rows]  # as `token.lower_`
        self.orth = [strings[row[2]] for row in rows]  # as `token.text`
        # as `doc.text` (each token's text and its one space, if any), which rebuilds it on every access
        self.text = "".join([text + " " if row[3] else text for text, row in zip(self.orth, rows, strict=True)])

    def candidates(
        self, span: Span | Doc, lemmas: Collection[str] = NOTHING, lowers: Collection[str] = NOTHING
    ) -> list[Token]:
        """The tokens of `span`, in order, whose lower-cased lemma is in `lemmas` or lower form in `lowers`:
        a rule that does nothing for any other token loops over these instead of the whole span."""
        start, end = (span.start, span.end) if isinstance(span, Span) else (0, len(span))
        lemma, lower, doc = self.lemma, self.lower, self.doc
        return [doc[i] for i in range(start, end) if lemma[i] in lemmas or lower[i] in lowers]
