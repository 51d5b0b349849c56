"""Which documents are not in English: the extractor reads English only, so a summary that says
"0 claims" for a French article should say why. py3langid (a maintained fork of langid.py, its
model shipped in the package) with normalised probabilities; short or uncertain texts count as
English, so that only a clear case is reported."""

from __future__ import annotations

import threading
from typing import Any

SAMPLE_CHARS = 2_000  # enough to decide; the whole text would only cost time
MIN_LETTERS = 60  # headlines and one-liners are too short to judge
MIN_CONFIDENCE = 0.9

_lock = threading.Lock()
_identifier: Any = None


def _get() -> Any:
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _identifier


def language_of(text: str) -> str | None:
    """The ISO 639-1 code of the text's language when it is clearly not English, else None."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    language, confidence = _get().classify(sample)
    if language == "en" or confidence < MIN_CONFIDENCE:
        return None
    return str(language)
