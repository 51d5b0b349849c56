"""Per-rule precision of the extractor on an annotated set (the dev set by default).

Runs the pipeline, keeps each claim's rule, and scores every claim against the gold file with
the project's scorer (state level), so a rule's confidence can be set from what it measures:

    python tools/rule_precision.py ../shared/eval/dev/dev.jsonl ../shared/eval/dev/gold.jsonl \
        ../shared/eval/dev/aliases.json

Reads the evaluation files where they lie; copies nothing into the repository.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from allegraph.ingest.calibration import rule_family
from allegraph.ingest.loaders import load_path
from allegraph.ingest.pipeline import load_nlp, payloads
from allegraph.ingest.to_graph import build_graph
from allegraph.models import Document, claim_records


def _scorer(score_py: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score", score_py)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Candidate:
    """One claim the pipeline found, with the scorer's verdict: 1 hit, 0 false hit, None optional."""

    doc: str
    rule: str
    label: int | None
    features: list[str]
    record: dict[str, Any]


Features = Callable[[dict[str, Any], dict[str, dict[str, Any]]], list[str]]


def labelled_candidates(
    data: Path, gold_path: Path, aliases_path: Path, features: Features
) -> tuple[list[Candidate], Callable[[list[dict[str, Any]]], dict[str, Any]]]:
    """Every claim found on the annotated set, labelled, and a function scoring a set of records."""
    score = _scorer(gold_path.parent.parent / "score.py")
    names = score.Names(json.loads(aliases_path.read_text(encoding="utf-8")))
    gold_rows = score.load_jsonl(gold_path)
    gold = score.gold_items(gold_rows, "state", names)
    nlp = load_nlp()
    documents = [d for d in load_path(data, 10_000_000) if isinstance(d, Document)]
    candidates = []
    for document, payload in payloads(nlp, documents):
        graph = build_graph(document, payload)
        name = Path(document.id).name
        actors = {actor["key"]: actor for actor in payload["actors"]}
        for row, record in zip(payload["claims"], claim_records(graph, name), strict=True):
            speaker = record.speaker.represents or record.speaker.name
            target = (record.target.represents or record.target.name) if record.target else None
            hit = [
                opt
                for kinds, speakers, targets, opt, _ in gold.get(name, [])
                if record.kind in kinds
                and any(names.same(speaker, s) for s in speakers)
                and any(names.same(target, t) for t in targets)
            ]
            label = 1 if hit and False in hit else None if hit else 0
            candidates.append(Candidate(name, row["rule"], label, features(row, actors), record.model_dump()))
    return candidates, lambda rows: score.score(rows, gold_rows, names, "state")


def main(argv: list[str]) -> int:
    data, gold_path, aliases_path = (Path(a) for a in argv[:3])
    candidates, _ = labelled_candidates(data, gold_path, aliases_path, lambda row, actors: [])
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, optional, fp
    for c in candidates:
        stats[rule_family(c.rule)][0 if c.label == 1 else 1 if c.label is None else 2] += 1
    print(f"{'rule':<14} {'claims':>6} {'tp':>4} {'opt':>4} {'fp':>4} {'P':>6}")
    for rule, (tp, opt, fp) in sorted(stats.items(), key=lambda kv: -sum(kv[1])):
        print(f"{rule:<14} {tp + opt + fp:6d} {tp:4d} {opt:4d} {fp:4d} {tp / max(1, tp + fp):6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
