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


def performance_section() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return readme.split("\n## Performance\n", 1)[1].split("\n## ", 1)[0]


def test_readme_quotes_medians_with_their_range_as_in_results_json():
    """Every ratio the README's first table quotes is a median with its range, and (once measured,
    not a TODO(bench) placeholder) the one benchmarks/results.json holds."""
    import json
    import re

    results = json.loads((REPO / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    section = performance_section()
    assert "median of 5 runs" in section.lower() or "median of 5" in section
    rows = re.findall(r"^\| `kitrack ([^`]+)`[^|]*\| ([^|]+) \|", section, re.M)
    assert len(rows) >= 5, rows
    quoted = {name.strip(): cell.strip() for name, cell in rows}
    for name, cell in quoted.items():
        assert re.fullmatch(r"(\S+)× \((\S+)–(\S+)×\)", cell), f"{name}: {cell!r} is not `median× (low–high×)`"
    measured = {row["command"]: row for row in results["commands"] if row.get("available")}
    if "startup" in results:
        measured["--version"] = results["startup"]
    for name, cell in quoted.items():
        if "TODO(bench)" in cell:
            continue
        row = measured[name]
        low, high = row["ratio_range"]
        assert cell == f"{row['ratio']:.2f}× ({low:.2f}–{high:.2f}×)", f"{name}: README {cell!r}, results.json {row}"
