"""Claim confidence: the shipped model's shape, and the fitting the calibration tool does."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from allegraph.ingest.calibration import confidence, features, model

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
calibrate = pytest.importorskip("calibrate")

STATE = {"key": "s", "type": "State", "represents": "Chad"}
UNPLACED = {"key": "p", "type": "Person", "represents": None}
PLACED = {"key": "q", "type": "Person", "represents": "Chad"}


def _claim(speaker: str, target: str | None, rule: str = "verb:accuse") -> dict[str, object]:
    return {"rule": rule, "kind": "accuse", "speaker": speaker, "target": target, "headline": False,
            "quote": None, "modality": "asserted"}  # fmt: skip


ACTORS = {a["key"]: a for a in (STATE, UNPLACED, PLACED)}


def test_every_feature_is_known_to_the_model() -> None:
    weights = model()["weights"]
    for rule in ("verb:accuse", "said:x", "label:call", "idiom:hit"):
        for speaker in ACTORS:
            for target in (*ACTORS, None):
                assert set(features(_claim(speaker, target, rule), ACTORS)) <= set(weights) | {"quote", "hedged"}


def test_an_unplaced_person_is_less_sure_than_a_state() -> None:
    # the commonest error is the right claim on the wrong side: a person nobody placed
    assert confidence(_claim("p", "s"), ACTORS) < confidence(_claim("s", "s"), ACTORS)
    assert confidence(_claim("s", "p"), ACTORS) < confidence(_claim("s", "q"), ACTORS)
    assert all(0 < confidence(_claim(s, "s"), ACTORS) < 1 for s in ACTORS)


def test_the_fit_learns_a_separating_feature_and_keeps_the_bias_free() -> None:
    rows = [["bias", "good"]] * 40 + [["bias", "bad"]] * 40 + [["bias"]] * 20
    labels = [1] * 38 + [0] * 2 + [0] * 36 + [1] * 4 + [1] * 15 + [0] * 5
    weights = calibrate.fit(rows, labels, ["bias", "bad", "good"])
    assert weights["good"] > 0 > weights["bad"]
    assert calibrate.predict(["bias", "good"], weights) > 0.85 > 0.2 > calibrate.predict(["bias", "bad"], weights)


def test_the_threshold_is_the_lowest_reaching_the_target_without_costing_f1() -> None:
    table = [{"threshold": 0.0, "p": 0.8, "f1": 0.70}, {"threshold": 0.5, "p": 0.86, "f1": 0.69},
             {"threshold": 0.7, "p": 0.9, "f1": 0.6}]  # fmt: skip
    assert calibrate.choose(table) == 0.5
    table[1]["f1"] = 0.6
    assert calibrate.choose(table) == 0.0
