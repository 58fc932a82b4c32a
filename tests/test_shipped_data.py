"""The shipped data set, data/: the only tests that read it. They check the data, not the code.

They run as of today, as `kitrack check data` does in CI and the pre-commit hook: a report dated in
the future is a data error today. They assert no counts, so adding, editing or removing records
does not break them; only a data error (or a status that no longer renders) does.
"""

from __future__ import annotations

import json

from conftest import REPO, invoke

SHIPPED = REPO / "data"


def test_shipped_data_checks_clean():
    result = invoke("check", SHIPPED, "--format", "json", as_of=None)
    report = json.loads(result.stdout)
    errors = [f"{p['file']}:{p['line']}:{p['column']} {p['code']}: {p['message']}" for p in report["problems"] if p["level"] == "error"]
    assert errors == [] and report["summary"]["errors"] == 0, "\n".join(errors)
    assert result.exit_code == 0 and report["summary"]["records"] > 0


def test_status_renders_the_shipped_data():
    for fmt in ("table", "md", "json"):
        result = invoke("status", "--data", SHIPPED, "--format", fmt, as_of=None)
        assert result.exit_code == 0 and result.stderr == "", (fmt, result.stderr)
        assert result.stdout.strip(), fmt
    report = json.loads(result.stdout)
    assert report["estates"] and report["infrastructure"]


def test_edits_of_every_shipped_file_add_only_their_lines():
    from test_edit import check_insertions

    for path in sorted(SHIPPED.rglob("*.yaml")):
        check_insertions(path)
