"""Large data sets are parsed by worker processes: the result must be the serial one, exactly."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import pytest

from kitrack import checks
from kitrack.load.dataset import load

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # noqa: E402

AS_OF = dt.date(2026, 11, 29)


def _problems(root: Path) -> list[tuple]:
    dataset = load(root)
    problems = checks.run(dataset, checks.Context(as_of=AS_OF))
    return [(p, p.hint) for p in problems], dataset.record_count


def test_worker_pool_gives_the_serial_result(tmp_path, monkeypatch):
    root = tmp_path / "data"
    generate.generate(60, root)
    shutil.copytree(REPO / "tests" / "fixtures" / "sample" / "estates", root / "estates", dirs_exist_ok=True)  # references that break
    estates = sorted((root / "estates").glob("ki-*.yaml"))
    text = estates[0].read_text(encoding="utf-8")
    estates[0].write_text(text.replace("status:", "status: [", 1), encoding="utf-8")  # syntax error
    estates[1].write_text(estates[1].read_text(encoding="utf-8").replace("\nname:", "\n\tname:", 1), encoding="utf-8")  # tab
    estates[2].write_text(estates[2].read_text(encoding="utf-8") + "psn: yes\n", encoding="utf-8")  # duplicate key
    estates[3].write_text(estates[3].read_text(encoding="utf-8").replace("psn: false", "psn: no").replace("psn: true", "psn: yes"), encoding="utf-8")
    projects = sorted((root / "infrastructure").glob("*.yaml"))
    projects[0].write_text(projects[0].read_text(encoding="utf-8").replace("    percent:", "    percnt:", 1), encoding="utf-8")
    projects[1].write_text(projects[1].read_text(encoding="utf-8").replace("owner: agency-", "owner: agensi-", 1), encoding="utf-8")

    monkeypatch.setenv("KITRACK_JOBS", "1")
    serial = _problems(root)
    monkeypatch.setenv("KITRACK_JOBS", "2")
    parallel = _problems(root)
    codes = {problem.code for problem, _ in serial[0]}
    assert {"yaml-syntax", "yaml-tab", "duplicate-key", "yaml11-boolean", "unknown-field", "unknown-agency"} <= codes
    assert parallel == serial


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_data_checks_clean_and_is_reproducible(tmp_path, seed):
    first, second = tmp_path / "a", tmp_path / "b"
    generate.generate(40, first, seed=seed)
    generate.generate(40, second, seed=seed)
    for path in sorted(first.rglob("*.yaml")):
        assert path.read_bytes() == (second / path.relative_to(first)).read_bytes()
    problems, records = _problems(first)
    assert problems == []
    assert records > 40
