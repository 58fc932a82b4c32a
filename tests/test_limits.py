"""Limits set from the command line and the environment: out-of-range values are usage errors or are
capped, never an internal error (issue 16, items 9 and 12)."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from typer.testing import CliRunner

from conftest import REPO, replace_in
from kitrack.cli import app

BASE = REPO / "tests" / "fixtures" / "base"


def check(*args: str, env: dict | None = None):
    return CliRunner().invoke(app, [*args, "check", "--data", str(BASE), "--as-of", "2026-11-29"], env=env)


@pytest.mark.parametrize("value", ["inf", "1e999", "1e306", "1025", "nan", "-inf"])
def test_an_endless_max_file_mb_is_a_usage_error(value):
    for result in (check(env={"KITRACK_MAX_FILE_MB": value}), check("--max-file-mb", value)):
        assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
        assert "--max-file-mb" in result.output


def test_the_largest_max_file_mb_still_works():
    assert check("--max-file-mb", "1024").exit_code == 0


@pytest.mark.parametrize("setting, jobs", [
    ("1000", "cores"), ("9" * 5000, "cores"), ("2", "two"), ("1", 1), ("0", "auto"), ("²", "auto"), ("٣", "auto"), ("-3", "auto"),
])
def test_kitrack_jobs_is_capped_at_the_cores(monkeypatch, setting, jobs):
    from kitrack.load.loader import jobs_for

    cores = len(os.sched_getaffinity(0))
    monkeypatch.setenv("KITRACK_JOBS", setting)
    expected = {"cores": cores, "two": min(2, cores), "auto": 1}.get(jobs, jobs)  # auto: 1 for a small data set
    assert jobs_for(10) == expected


def test_dates_with_other_digits_or_spaces_are_errors_where_they_stand(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    replace_in(root / "estates" / "ki-alpha.yaml", "  - date: 2026-03-10", '  - date: "٢٠٢٦-٠٣-١٠"')
    replace_in(root / "estates" / "ki-alpha.yaml", "  - date: 2026-09-15", '  - date: " 2026-09-15 "')
    result = CliRunner().invoke(app, ["check", "--data", str(root), "--as-of", "2026-11-29", "--format", "json"])
    assert result.exit_code == 1
    found = [(p["line"], p["code"]) for p in json.loads(result.stdout)["problems"] if p["level"] == "error"]
    assert found == [(20, "invalid-date"), (26, "invalid-date")]
    assert CliRunner().invoke(app, ["status", "--data", str(BASE), "--as-of", " 2026-11-29"]).exit_code == 2


def test_limits_are_a_value_passed_to_load_and_load_leaves_the_collector_alone(tmp_path, monkeypatch):
    import gc

    from kitrack.load.dataset import load
    from kitrack.load.limits import Limits

    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    tight = load(root, Limits(max_file_bytes=100))
    loose = load(root)  # the tight limits of the load before are not a setting of the process
    assert {p.code for p in tight.problems} == {"unreadable-file"}
    assert not loose.problems
    assert not frozen and gc.isenabled()  # freezing the process is the command line's decision
