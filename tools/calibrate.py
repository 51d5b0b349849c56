"""Fit claim confidence on the development set and report it cross-validated.

    python tools/calibrate.py ../shared/eval/dev/dev.jsonl ../shared/eval/dev/gold.jsonl \
        ../shared/eval/dev/aliases.json [--folds 5] [--write]

Every claim the pipeline finds on the development set is labelled by the project's scorer
(state level: a hit, an optional hit, or a false hit; optional hits are left out of training).
An L2-regularised logistic regression over `allegraph.ingest.calibration.features` (how a claim
was found and what its ends are; no words, names or documents) is fitted by Newton's method.
Reported, with articles split into k folds so that no article is scored by a model that saw
it: log-loss and Brier score of the model and of a rule-family-only model, a reliability
table, and state-level P / R / F1 of the claims kept at each threshold. The default threshold
is the lowest whose cross-validated precision reaches the target (0.85); none when no threshold
does without costing F1. `--write` stores the weights (fitted on every article), the
threshold and the cross-validated figures in `allegraph/ingest/data/confidence.json`.
Reads the evaluation files where they lie; copies nothing into the repository.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any

import numpy as np
from rule_precision import Candidate, labelled_candidates  # type: ignore[import-not-found]

from allegraph import EXTRACTOR_VERSION
from allegraph.ingest.calibration import MODEL_FILE, features

THRESHOLDS = (0.0, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85)
TARGET_PRECISION = 0.85
L2 = 1.0
OUT = Path(__file__).resolve().parent.parent / "allegraph" / "ingest" / "data" / MODEL_FILE


def fit(rows: list[list[str]], labels: list[int], names: list[str]) -> dict[str, float]:
    """Newton-Raphson on the penalised log-likelihood (the bias is not penalised)."""
    column = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, found in enumerate(rows):
        for name in found:
            if name in column:
                x[r, column[name]] = 1.0
    y = np.array(labels, dtype=float)
    penalty = np.full(len(names), L2)
    penalty[column["bias"]] = 1e-6
    w = np.zeros(len(names))
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {name: round(float(w[i]), 4) for name, i in column.items()}


def predict(found: list[str], weights: dict[str, float]) -> float:
    return 1.0 / (1.0 + math.exp(-sum(weights.get(n, 0.0) for n in found)))


def cross_validated(candidates: list[Candidate], folds: int, only_family: bool) -> list[float]:
    """Each candidate's probability from a model fitted on the other folds' articles."""
    documents = sorted({c.doc for c in candidates})
    fold_of = {doc: i % folds for i, doc in enumerate(documents)}

    def used(c: Candidate) -> list[str]:
        return [f for f in c.features if f == "bias" or f.startswith("family=")] if only_family else c.features

    names = sorted({f for c in candidates for f in used(c)})
    out = [0.0] * len(candidates)
    for k in range(folds):
        train = [c for c in candidates if fold_of[c.doc] != k and c.label is not None]
        weights = fit([used(c) for c in train], [int(c.label or 0) for c in train], names)
        for i, c in enumerate(candidates):
            if fold_of[c.doc] == k:
                out[i] = predict(used(c), weights)
    return out


def losses(candidates: list[Candidate], probabilities: list[float]) -> dict[str, float]:
    pairs = [(p, c.label) for p, c in zip(probabilities, candidates, strict=True) if c.label is not None]
    eps = 1e-9
    logloss = -sum(math.log(p + eps) if y else math.log(1 - p + eps) for p, y in pairs) / len(pairs)
    brier = sum((p - y) ** 2 for p, y in pairs) / len(pairs)
    return {"log_loss": round(logloss, 4), "brier": round(brier, 4)}


def reliability(candidates: list[Candidate], probabilities: list[float]) -> list[dict[str, Any]]:
    bins: list[dict[str, Any]] = []
    for low in (0.0, 0.5, 0.6, 0.7, 0.8, 0.9):
        high = {0.0: 0.5, 0.5: 0.6, 0.6: 0.7, 0.7: 0.8, 0.8: 0.9, 0.9: 1.01}[low]
        inside = [(p, c.label) for p, c in zip(probabilities, candidates, strict=True)
                  if c.label is not None and low <= p < high]  # fmt: skip
        if inside:
            bins.append({"bin": f"{low:.1f}-{min(high, 1.0):.1f}", "claims": len(inside),
                         "mean_confidence": round(sum(p for p, _ in inside) / len(inside), 3),
                         "precision": round(sum(y or 0 for _, y in inside) / len(inside), 3)})  # fmt: skip
    return bins


def by_threshold(candidates: list[Candidate], probabilities: list[float], score: Any) -> list[dict[str, float]]:
    table = []
    for threshold in THRESHOLDS:
        kept = [c.record for p, c in zip(probabilities, candidates, strict=True) if p >= threshold]
        result = score(kept)
        table.append({"threshold": threshold, "claims": len(kept), "p": round(result["p"], 3),
                      "r": round(result["r"], 3), "f1": round(result["f1"], 3)})  # fmt: skip
    return table


def choose(table: list[dict[str, float]]) -> float:
    """The lowest threshold reaching the target precision, unless it costs more F1 than 0.02."""
    best_f1 = max(row["f1"] for row in table)
    for row in table:
        if row["p"] >= TARGET_PRECISION:
            return row["threshold"] if row["f1"] >= best_f1 - 0.02 else 0.0
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("aliases", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    candidates, score = labelled_candidates(args.data, args.gold, args.aliases, features)
    model = cross_validated(candidates, args.folds, only_family=False)
    family = cross_validated(candidates, args.folds, only_family=True)
    table = by_threshold(candidates, model, score)
    report = {
        "extractor": EXTRACTOR_VERSION,
        "trained_on": f"development set: {len({c.doc for c in candidates})} articles, "
        f"{sum(c.label is not None for c in candidates)} labelled candidate claims",
        "cross_validation": f"{args.folds} folds by article",
        "cv_model": losses(candidates, model),
        "cv_rule_family_only": losses(candidates, family),
        "cv_reliability": reliability(candidates, model),
        "cv_by_threshold": table,
    }
    labelled = [c for c in candidates if c.label is not None]
    names = sorted({f for c in candidates for f in c.features})
    weights = fit([c.features for c in labelled], [int(c.label or 0) for c in labelled], names)
    threshold = choose(table)
    print(json.dumps({**report, "threshold": threshold, "weights": weights}, indent=1))
    if args.write:
        OUT.write_text(json.dumps({"weights": weights, "threshold": threshold, **report}, indent=1) + "\n")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
