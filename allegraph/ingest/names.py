"""How people's names are written and later shortened: suffixes, honorifics, family names first."""

from __future__ import annotations

from spacy.tokens import Token

NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
HONORIFICS = ("mr", "mrs", "ms", "dr")


def surname(name: str) -> str:
    """The word a person is later called by: 'Petrov' for 'Boris Petrov Jr.', 'Hamad' for 'Hamad II'."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(".,") in NAME_SUFFIXES:
        words.pop()
    return words[-1]


def is_honorific(token: Token) -> bool:
    return token.lower_.rstrip(".") in HONORIFICS
