"""The benchmark keeps working: a tiny run end to end, and its measuring helpers.

Nothing here asserts a speed; the machine is shared and noisy. Speed is what `python -m bench`
reports, as ratios taken in one run.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from allegraph.graph.write import documents_params
from bench.measure import percentile
from bench.report import BenchReport, exponent
from bench.synthetic import synthetic_documents
from tests.conftest import ROOT

TINY = [
    "--quick",
    "--parse-documents", "2",
    "--repeats", "1",
    "--processes", "1",
    "--write-claims", "300",
    "--growth-claims", "300,600",
    "--api-claims", "600",
    "--ingest-documents", "2,3",
    "--load-seconds", "0.5",
    "--connections", "4",
]  # fmt: skip
# the bundled examples: a run that does not depend on ../shared (the README's fallback)
TINY_EXAMPLES = [*TINY, "--corpus", "examples"]
HEADLINE = re.compile(r"^(extract_vs_parse|ingest_vs_parse|write_vs_raw|api_vs_bare): \d+\.\d\d$")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    """`python ARGS…` from the repository root; a failure shows the end of its stderr."""
    completed = subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return completed


def test_a_tiny_benchmark_run_prints_the_ratios_and_writes_the_report(tmp_path: Path) -> None:
    completed = _run("-m", "bench", *TINY_EXAMPLES, "--out", str(tmp_path))
    first = completed.stdout.splitlines()[:4]
    assert [HEADLINE.match(line).group(1) for line in first if HEADLINE.match(line)] == [  # type: ignore[union-attr]
        "extract_vs_parse",
        "ingest_vs_parse",
        "write_vs_raw",
        "api_vs_bare",
    ]
    report = BenchReport.model_validate_json((tmp_path / "report.json").read_text())
    assert (tmp_path / "report.md").read_text() == completed.stdout
    assert report.writes.same_graph  # the raw baseline wrote exactly the product's graph
    assert report.writes.store.claims == report.writes.raw.claims == 300
    assert report.ingest.ingest.documents == 2 and report.ingest.claims > 0
    assert [step.claims for step in report.claims_growth] == [300, 600]
    assert all(step.export and step.export.statements > 0 for step in report.claims_growth)
    assert report.claims_growth[1].export.statements > report.claims_growth[0].export.statements  # type: ignore[union-attr]
    assert [step.documents for step in report.ingest_growth] == [2, 3]
    assert all(step.peak_rss_mb >= step.rss_after_model_load_mb > 0 for step in report.ingest_growth)
    for load in report.load:
        assert load.saturation.requests > 0 and load.saturation.errors == 0, load
        assert load.bounded.errors == 0 and load.bare.requests > 0
    assert {goal.name for goal in report.goals} >= {"extract_vs_parse", "write_vs_raw", "api_vs_bare"}


def test_percentile_is_nearest_rank() -> None:
    values = [float(n) for n in range(1, 101)]
    assert percentile(values, 0.50) == 50.0
    assert percentile(values, 0.99) == 99.0
    assert percentile([7.0], 0.99) == 7.0


def test_growth_exponent_tells_flat_from_linear() -> None:
    assert exponent(10.0, 10.0, 1_000, 10_000) == "+0.00"
    assert exponent(10.0, 100.0, 1_000, 10_000) == "+1.00"


def test_a_batch_keeps_the_last_version_of_a_document() -> None:
    first, second = list(synthetic_documents(20, seed=3))[:2]
    changed = second.model_copy(update={"document": second.document.model_copy(update={"id": first.document.id})})
    params = documents_params([first, changed])
    assert [doc["id"] for doc in params["docs"]] == [first.document.id]
    assert {claim["id"] for claim in params["claims"]} == {claim.id for claim in changed.claims}
    rows = [json.dumps(actor, sort_keys=True) for actor in params["actors"]]
    assert len(rows) == len(set(rows))


def test_the_profile_times_every_stage_of_ingest() -> None:
    completed = _run("-m", "bench.profile", "--corpus", "examples", "--documents", "3")
    rows = [line.split(" | ")[0].strip("| ") for line in completed.stdout.splitlines() if line.startswith("| ")]
    for stage in (
        "read and hash records (loaders)",
        "spaCy parser",
        "spaCy ner",
        "claims component (Allegraph's rules)",
    ):
        assert stage in rows, completed.stdout
    assert any(row.startswith("write") for row in rows)
