"""Claim confidence: a small logistic model over what each claim is, trained on the dev set.

The features say how a claim was found and what it links, never what it says: the rule family
that fired, the kind, headline / hedged / quoted, and whether each end is a state, an
organisation, a person placed in one, or an unplaced person (the commonest error is the right
claim pinned on the wrong side). `tools/calibrate.py` fits the weights on the development set's
candidate claims (each labelled by the project's scorer), reports their k-fold cross-validated
calibration and the precision and recall each threshold gives, and writes them with the
chosen default threshold to `data/confidence.json`. No names, words or documents are features.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any

MODEL_FILE = "confidence.json"


def rule_family(rule: str) -> str:
    return rule.split(":", 1)[0]


def _end(prefix: str, actor: dict[str, Any] | None) -> str:
    if actor is None:
        return f"{prefix}=none"
    if actor["type"] == "Person":
        return f"{prefix}=person" if actor.get("represents") else f"{prefix}=unplaced"
    return f"{prefix}={actor['type'].lower()}"


def features(claim: dict[str, Any], actors: dict[str, dict[str, Any]]) -> list[str]:
    """The binary features of one payload claim (see `finalise`), given the payload's actors."""
    found = [
        "bias",
        f"family={rule_family(claim['rule'])}",
        f"kind={claim['kind']}",
        _end("speaker", actors.get(claim["speaker"])),
        _end("target", actors.get(claim["target"]) if claim["target"] else None),
    ]
    found += [name for name in ("headline", "quote") if claim.get(name)]
    if claim.get("modality") == "hedged":
        found.append("hedged")
    return found


@lru_cache(maxsize=1)
def model() -> dict[str, Any]:
    text = resources.files("allegraph.ingest").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def probability(found: list[str], weights: dict[str, float]) -> float:
    z = sum(weights.get(name, 0.0) for name in found)
    return 1.0 / (1.0 + math.exp(-z))


def confidence(claim: dict[str, Any], actors: dict[str, dict[str, Any]]) -> float:
    return round(probability(features(claim, actors), model()["weights"]), 2)
