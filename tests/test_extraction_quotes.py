"""Quote regions: where a speaker's quotation ends decides which sentences are the journalist's."""

from __future__ import annotations

from allegraph.ingest.quotes import quote_regions


def _inside(text: str, word: str) -> bool:
    at = text.index(word)
    return any(s < at < e for s, e in quote_regions(text))


def test_an_unclosed_quote_ends_where_the_next_opens() -> None:
    # the speaker's first quote is left open and a new one opens: the narration after the last is outside
    text = 'He said: "So far they have mocked me. "I am not rattled." Minister Ana Ruiz rejected the comment.'
    assert _inside(text, "mocked")
    assert _inside(text, "rattled")
    assert not _inside(text, "Minister")


def test_closing_quotes_still_close() -> None:
    text = 'Chile called it "a joke" and Peru said "no". Then Spain spoke.'
    assert _inside(text, "joke")
    assert not _inside(text, "Peru")
    assert not _inside(text, "Spain")
