"""Claim confidence from what each rule family measures, not from a guess per rule.

The figures are each family's state-level precision on the development set (60 annotated
articles, `tools/rule_precision.py`), smoothed towards 0.5 with one pseudo-hit and one
pseudo-miss so that a rule seen a few times is not taken at face value. Headlines and hedged
speech ("reportedly", "suggested") lose a little: they are summaries and weaker assertions.
"""

from __future__ import annotations

# family -> (true positives, false positives) measured on the development set
MEASURED: dict[str, tuple[int, int]] = {
    "verb": (65, 11),
    "idiom": (8, 0),
    "label": (13, 2),
    "reciprocal": (2, 0),
    "noun": (6, 0),
    "said": (18, 6),
    "judge": (6, 2),
    # seen too rarely on the development set to measure: the smoothing keeps them near 0.5
    "called": (0, 0),
    "quote": (0, 0),
}
HEADLINE_PENALTY = 0.1
HEDGED_PENALTY = 0.05


def rule_family(rule: str) -> str:
    return rule.split(":", 1)[0]


def calibrated(rule: str, *, headline: bool, hedged: bool) -> float:
    tp, fp = MEASURED.get(rule_family(rule), (1, 1))
    confidence = (tp + 1) / (tp + fp + 2)
    confidence -= HEADLINE_PENALTY if headline else 0.0
    confidence -= HEDGED_PENALTY if hedged else 0.0
    return round(max(0.05, confidence), 2)
