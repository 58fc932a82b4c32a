"""benchmarks/run.py: where its results go, and how it reports the spread of its runs."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
import run  # noqa: E402


def test_results_go_to_the_temporary_folder_unless_asked():
    # The tracked benchmarks/results.json, which the README quotes, is not overwritten by a plain run.
    assert run.arguments([]).json is None
    assert run.default_json().parent == Path(tempfile.gettempdir())
    assert REPO not in run.default_json().resolve().parents
    assert run.arguments(["--json", "benchmarks/results.json"]).json == Path("benchmarks/results.json")


def test_ratio_range_is_per_run():
    # Run i's time over run i's floor, not the fastest time over the slowest floor.
    assert run.ratio_range([2.0, 3.0, 4.5], [1.0, 2.0, 3.0]) == [1.5, 2.0]


def test_table_shows_medians_with_their_range_and_the_noise():
    report = {
        "records": 10, "files": 12, "runs": 3, "cpus": 2, "load_before": [1.0, 0.5, 0.25], "load_after": None,
        "floor_seconds": 2.0, "floor_range": [1.9, 2.3],
        "commands": [{"command": "check", "available": True, "seconds": 2.4, "ratio": 1.2, "ratio_range": [1.1, 1.4],
                      "peak_mb": 100.0, "target": 1.5}],
    }
    text = run.table(report)
    assert "median of 3 run(s)" in text and "spread 20% of the median" in text
    assert "1.20x  (1.10-1.40x)" in text and "before 1.00, 0.50, 0.25, after unknown" in text
