"""Meetings and their decisions: the checks, the decision states (open, done, dropped, carried), the
status sections of the meeting cycle and `kitrack agenda`, on the small fixture data set."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import AS_OF, FIXTURES, invoke, run_kitrack
from kitrack import checks
from kitrack.domain import decisions
from kitrack.domain.dates import PartialDate
from kitrack.domain.models import Decision, Meeting
from kitrack.load.dataset import load
from kitrack.views import meetings, status

BASE = FIXTURES / "base"
DAY = dt.date(2026, 11, 29)

LATER = """id: 2026-11-20-rakor
date: 2026-11-20
title: Rapat koordinasi lanjutan
chair: disperindag-jatim
sources:
  - {id: notulen-2026-11-20, url: https://example.org/notulen-2026-11-20}
decisions:
  - id: land-s2
    text: PUPR to report section 2 land acquisition, by January now
    owner: kementerian-pupr
    due: 2027-01
    related: [tol-alpha/seksi-2]
    source: notulen-2026-11-20
    carried_from: 2026-11-01-rakor/land-s2
  - id: tenants-alpha
    text: Alpha estate to send its tenant list
    owner: pt-alpha-estate
    due: 2026-11-25
    dropped: 2026-11-26
    reason: {reason}
    related: [ki-alpha]
"""


def data_with(tmp_path: Path, later: str | None = LATER, reason: str = "the figures came with the report") -> Path:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    if later is not None:
        (root / "meetings" / "2026-11-20-rakor.yaml").write_text(later.replace("{reason}", reason), encoding="utf-8")
    return root


def codes(root: Path, as_of: dt.date = DAY) -> list[tuple[str, str, str]]:
    data = load(root)
    return [(p.code, Path(p.file).relative_to(root).as_posix(), p.path) for p in checks.run(data, checks.Context(as_of))]


def test_a_carried_and_a_dropped_decision_are_clean(tmp_path):
    # The base meeting's decision was due 2026-12-15: as of 2027-01-10 it would be overdue, but it was
    # carried forward, so only the later decision (due 2027-01) can be late, and it is not yet.
    assert [c for c in codes(data_with(tmp_path), dt.date(2027, 1, 10)) if c[0] != "stale"] == []


def test_without_the_carry_the_earlier_decision_is_overdue(tmp_path):
    root = data_with(tmp_path, LATER.replace("    carried_from: 2026-11-01-rakor/land-s2\n", ""))
    found = [c for c in codes(root, dt.date(2027, 1, 10)) if c[0] == "overdue"]
    assert found == [("overdue", "meetings/2026-11-01-rakor.yaml", "decisions[0].due")]


@pytest.mark.parametrize("edit, code, path", [
    (("id: tenants-alpha", "id: land-s2"), "duplicate-id", "decisions[1].id"),
    (("source: notulen-2026-11-20", "source: notulen-2026-11-2"), "unknown-source", "decisions[0].source"),
    (("[tol-alpha/seksi-2]", "[tol-alfa/seksi-2]"), "unknown-record", "decisions[0].related[0]"),
    (("owner: pt-alpha-estate", "owner: alpha"), "unknown-agency", "decisions[1].owner"),
    (("2026-11-01-rakor/land-s2", "2026-11-20-rakor/tenants-alpha"), "unknown-decision", "decisions[0].carried_from"),
    (("    reason: {reason}\n", ""), "dropped-without-reason", "decisions[1].dropped"),
    (("dropped: 2026-11-26", "dropped: 2026-11-19"), "decision-before-meeting", "decisions[1].dropped"),
    (("due: 2026-11-25", "due: 2026-11"), None, None),  # due within the meeting's month: not before it
])
def test_meeting_checks(tmp_path, edit, code, path):
    found = codes(data_with(tmp_path, LATER.replace(*edit)))
    errors = [(c, p) for c, f, p in found if c not in ("stale", "overdue")]
    assert errors == ([] if code is None else [(code, path)])


def test_a_partial_meeting_date_names_its_file(tmp_path):
    later = LATER.replace("id: 2026-11-20-rakor\ndate: 2026-11-20", "id: 2026-11-rakor\ndate: 2026-11")
    root = data_with(tmp_path, None)
    (root / "meetings" / "2026-11-rakor.yaml").write_text(later.replace("{reason}", "x"), encoding="utf-8")
    assert [c for c in codes(root) if c[0] not in ("stale", "overdue")] == []


def meeting(decision: dict, date: str = "2026-11-01") -> tuple[Meeting, Decision]:
    made = Meeting.model_validate({"id": f"{date}-m", "date": date, "title": "M", "decisions": [
        {"id": "d", "text": "T", **decision}]})
    return made, made.decisions[0]


@given(done=st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31)), as_of=st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31)))
def test_a_decision_is_done_from_its_done_date_on(done, as_of):
    made, decision = meeting({"done": done.isoformat()})
    assert decisions.state(made, decision, as_of) == ("done" if done <= as_of else "open")
    assert decisions.state(made, decision, as_of, {decisions.key(made, decision)}) == "carried"


def test_a_dropped_decision_is_open_until_the_period_of_its_date():
    made, decision = meeting({"dropped": "2026-12", "reason": "r"})
    assert decisions.state(made, decision, dt.date(2026, 11, 30)) == "open"
    assert decisions.state(made, decision, dt.date(2026, 12, 1)) == "dropped"


def test_status_lists_the_thread_once_and_counts_what_closed(tmp_path):
    data = load(data_with(tmp_path))
    report = status.build(data, DAY, status.default_since(data, DAY))
    assert report.since.meeting == "2026-11-20-rakor"
    assert report.cycle is not None
    rows = report.cycle.decisions.rows
    assert [(r["meeting"], r["id"], r["agency"], r["days"]) for r in rows] == [
        ("2026-11-20-rakor", "land-s2", "PUPR", 63),
    ]
    assert report.cycle.closed == {"done": 0, "dropped": 1}  # tenants-alpha, dropped 2026-11-26
    # From the earlier meeting, the same decision is carried, not closed: nothing else to count.
    since_first = status.build(data, DAY, status.Since(dt.date(2026, 11, 1), "given"))
    assert since_first.cycle is not None and since_first.cycle.closed == {"done": 0, "dropped": 1}


def test_status_shows_an_open_decision_not_yet_due_with_days_left(tmp_path):
    result = invoke("status", "--data", data_with(tmp_path), "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert "| PUPR | 2026-11-20-rakor | land-s2 |" in result.stdout and "63 days left" in result.stdout
    assert "Decisions closed since then: 0 done, 1 dropped" in result.stdout


def test_since_the_last_meeting_names_the_figures_that_moved(tmp_path):
    root = data_with(tmp_path, None)
    path = root / "infrastructure" / "tol-alpha.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "milestones:\n", "  - {date: 2026-11-20, source: pupr-2026-10, percent: 64.5}\nmilestones:\n"), encoding="utf-8")
    data = load(root)
    since = status.default_since(data, DAY)
    assert since.meeting == "2026-11-01-rakor"
    changes = meetings.changes(list(data.projects.values()), meetings.Then(data, since.date), DAY)
    assert [(c.kind, c.record, c.count, c.figures) for c in changes] == [
        ("report", "tol-alpha", 1, (meetings.Moved("percent", 55, 64.5),)),
    ]
    result = invoke("status", "--data", root, "--format", "md", "--lang", "id")
    assert "- Jalan Tol Alpha: satu laporan baru (20 November 2026): Progres 55% → 64,5%." in result.stdout


def test_json_of_the_cycle_is_the_same_in_both_languages(tmp_path):
    root = data_with(tmp_path)
    en = invoke("status", "--data", root, "--format", "json", "--lang", "en").stdout
    assert en == invoke("status", "--data", root, "--format", "json", "--lang", "id").stdout
    document = json.loads(en)
    assert document["decisions_closed"] == {"done": 0, "dropped": 1}
    assert document["decisions"][0]["carried_from"] == "2026-11-01-rakor/land-s2"


def test_agenda_lists_decisions_due_by_the_meeting_only(tmp_path):
    root = data_with(tmp_path)
    early = invoke("agenda", "--data", root, "--meeting", "2026-12-20", "--format", "json")
    late = invoke("agenda", "--data", root, "--meeting", "2027-02-01", "--format", "json")
    assert [d["id"] for d in json.loads(early.stdout)["decisions"]] == []
    assert [d["id"] for d in json.loads(late.stdout)["decisions"]] == ["land-s2"]


def test_agenda_writes_its_output_atomically_and_never_over_a_file_unasked(tmp_path):
    root = data_with(tmp_path)
    target = tmp_path / "agenda.md"
    first = invoke("agenda", "--data", root, "--lang", "id", "--output", target)
    assert (first.exit_code, first.stdout) == (0, f"Berkas ditulis: {target} (agenda rapat 29 November 2026)\n")
    assert target.read_text(encoding="utf-8").startswith("# Rancangan agenda")
    again = invoke("agenda", "--data", root, "--output", target)
    assert again.exit_code == 2 and "exists" in again.stderr
    assert invoke("agenda", "--data", root, "--output", target, "--force").exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda.md", "data"]  # no temporary file left


@pytest.mark.parametrize("args, said", [
    (("--meeting", "2026-13-01"), "month 13 does not exist"),
    (("--output", "/no/such/folder/agenda.md"), "the folder `/no/such/folder` does not exist"),
])
def test_agenda_usage_errors_exit_2(args, said):
    result = invoke("agenda", "--data", BASE, *args)
    assert result.exit_code == 2 and said in result.stderr and "Traceback" not in result.stderr


def test_agenda_through_the_real_entry_point():
    result = run_kitrack("agenda", "--data", str(BASE), "--as-of", AS_OF, "--lang", "id")
    assert result.returncode == 0 and result.stderr == ""
    assert "## 2. Keputusan yang mencapai atau melewati tenggat" in result.stdout


def test_a_region_keeps_the_decisions_that_name_its_records(tmp_path):
    data = load(data_with(tmp_path))
    since = status.default_since(data, DAY)
    inside = status.build(data, DAY, since, region="gerbangkertosusila")
    outside = status.build(data, DAY, since, region="selingkar-wilis")
    assert inside.cycle is not None and outside.cycle is not None
    assert [row["id"] for row in inside.cycle.decisions.rows] == ["land-s2"]
    assert (outside.cycle.decisions.rows, outside.cycle.closed) == ([], {"done": 0, "dropped": 0})


def test_status_and_check_agree_that_a_carried_decision_is_not_overdue(tmp_path):
    root = data_with(tmp_path)
    later = dt.date(2027, 1, 10)  # past the first due date (2026-12-15), before the carried one (2027-01)
    data = load(root)
    overdue = status.build(data, later, status.default_since(data, later)).sections["overdue"].rows
    assert [row["record"] for row in overdue if row["kind"] == "decision"] == []
    assert [c for c in codes(root, later) if c[0] == "overdue"] == []


def test_since_names_sections_stages_and_targets(tmp_path):
    root = data_with(tmp_path, None)
    path = root / "infrastructure" / "tol-alpha.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "      - {date: 2026-09-30, source: pupr-2026-10, percent: 70}\n",
        "      - {date: 2026-09-30, source: pupr-2026-10, percent: 70}\n"
        "      - {date: 2026-11-10, source: pupr-2026-10, status: operating, percent: 100}\n"), encoding="utf-8")
    result = invoke("status", "--data", root, "--since", "2026-10-01", "--format", "md")
    said = result.stdout.split("### Open decisions")[0]
    for line in (
        "- Jalan Tol Alpha: a new report (31 October 2026): Progress 40% → 55%; Land 85% → 95%.",
        "- Jalan Tol Alpha, Seksi 1 Alpha–Beta: a new report (10 November 2026): Progress 70% → 100%.",
        "- Jalan Tol Alpha, Seksi 1 Alpha–Beta: stage construction → operating.",
        "- Jalan Tol Alpha: target June 2027 → December 2027.",
    ):
        assert line in said, said
    document = json.loads(invoke("status", "--data", root, "--since", "2026-10-01", "--format", "json").stdout)
    stages = [(c["record"], c["section"], c["from"], c["to"]) for c in document["since_last_meeting"] if c["kind"] == "stage"]
    # The project's stage is derived from its sections: one operating makes it partially operating.
    assert stages == [("tol-alpha", None, "construction", "partially-operating"),
                      ("tol-alpha", "seksi-1", "construction", "operating")]
