"""Limits set from the command line and the environment: out-of-range values are usage errors or are
capped, never an internal error (issue 16, items 9 and 12)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import REPO
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
