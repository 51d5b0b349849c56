"""Long documents in sections: spaCy parses at most `nlp.max_length` characters at once, and long
texts parse slowly as one piece, so a document over SECTION_CHARS is cut at paragraph breaks,
each section parsed on its own, and the sections' findings put back together with every offset
shifted to the whole text. The documented size limit (ALLEGRAPH_MAX_DOCUMENT_BYTES) is then the
real one."""

from __future__ import annotations

from typing import Any

SECTION_CHARS = 100_000


def sections(text: str, size: int | None = None) -> list[tuple[int, str]]:
    """(offset, text) pieces of at most `size` (default SECTION_CHARS) characters, cut at a paragraph
    break, else a line break, else a sentence end, else a space."""
    size = size or SECTION_CHARS
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(". "))
        if cut <= size // 2:
            cut = window.rfind(" ")
        end = start + (cut + 1 if cut > 0 else size)
        pieces.append((start, text[start:end]))
        start = end
    pieces.append((start, text[start:]))
    return pieces


def merge_payloads(parts: list[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    """One payload from the sections' payloads: claims in order with offsets shifted and their
    references (`position`, `responds_to`) renumbered; each actor once (its first description)."""
    if len(parts) == 1 and parts[0][0] == 0:
        return parts[0][1]
    claims: list[dict[str, Any]] = []
    actors: dict[str, dict[str, Any]] = {}
    for offset, payload in parts:
        base = len(claims)
        for claim in payload["claims"]:
            shifted = dict(claim, start=claim["start"] + offset, end=claim["end"] + offset)
            shifted["position"] = base + claim["position"]
            if claim["responds_to"] is not None:
                shifted["responds_to"] = base + claim["responds_to"]
            claims.append(shifted)
        for actor in payload["actors"]:
            actors.setdefault(actor["key"], actor)
    return {"claims": claims, "actors": [actors[key] for key in sorted(actors)]}
