"""The as-of, since and at-risk arithmetic, on the small fixture data set."""

import datetime as dt
import io
import json
import re
import shutil

import pytest
from typer.testing import CliRunner

from conftest import REPO
from kitrack.cli import app
from kitrack.domain import board
from kitrack.domain.models import Project
from kitrack.load.dataset import load
from kitrack.output import status as status_output
from kitrack.views import status

BASE = REPO / "tests" / "fixtures" / "base"


@pytest.fixture(scope="module")
def data():
    return load(BASE)


def project_with(reports, target="2027-12", status_="construction"):
    progress = [{"date": d, "percent": p} for d, p in reports]
    progress[0].update(status=status_, target=target)
    return Project.model_validate({
        "id": "p", "name": "P", "kind": "road", "psn": False, "regions": ["r"], "owner": "a", "progress": progress,
    })


def test_latest_value_is_the_newest_report_on_or_before_the_date(data):
    tol = data.projects["tol-alpha"]
    assert board.latest_value(tol, "percent", dt.date(2026, 11, 29)) == (55, tol.progress[1].date)
    assert board.latest_value(tol, "percent", dt.date(2026, 10, 30))[0] == 40
    assert board.latest_value(tol, "percent", dt.date(2026, 4, 29)) == (None, None)


def test_a_partial_report_date_is_visible_from_the_start_of_its_period():
    p = project_with([("2026-11", 10)])
    assert board.latest_value(p, "percent", dt.date(2026, 11, 1))[0] == 10
    assert board.latest_value(p, "percent", dt.date(2026, 10, 31))[0] is None


def test_projection_extrapolates_recent_pace_against_the_target(data):
    projection = board.project(data.projects["tol-alpha"], dt.date(2026, 11, 29))
    # 40% on 2026-04-30, 55% on 2026-10-31: 15 points in 184 days; 45 points to go take 552 days.
    assert projection.state == "at-risk"
    assert projection.projected == dt.date(2026, 10, 31) + dt.timedelta(days=552) == dt.date(2028, 5, 5)
    assert projection.pace_per_month == pytest.approx(15 / 184 * 30)


def test_projection_on_track_when_pace_suffices():
    p = project_with([("2026-01-01", 50), ("2026-07-01", 80)], target="2027-06")
    assert board.project(p, dt.date(2026, 8, 1)).state == "on-track"


def test_projection_needs_two_reports_with_a_percentage():
    p = project_with([("2026-01-01", 50)])
    projection = board.project(p, dt.date(2026, 8, 1))
    assert projection.state == "too-few" and projection.reports == 1


def test_stalled_project_is_at_risk_and_never_finishes():
    p = project_with([("2026-01-01", 50), ("2026-07-01", 50)])
    projection = board.project(p, dt.date(2026, 8, 1))
    assert projection.state == "at-risk" and projection.projected is None


def test_recent_pace_uses_the_last_year_only():
    # Slow for years, fast in the last year: the recent pace decides.
    p = project_with([("2020-01-01", 0), ("2025-07-01", 10), ("2026-07-01", 70)], target="2027-01")
    projection = board.project(p, dt.date(2026, 8, 1))
    assert projection.pace_per_month == pytest.approx(60 / 365 * 30)
    assert projection.state == "on-track"


def test_finished_project_is_done():
    assert board.project(project_with([("2026-01-01", 50), ("2026-07-01", 100)]), dt.date(2026, 8, 1)).state == "done"


def test_a_unit_in_operation_is_done_whatever_its_last_percentage():
    # The Gresik–Semarang pipe: 98.5% in its last report, operating since: never "at risk".
    p = project_with([("2019-01-01", 97), ("2019-10-01", 98.5)], target="2020-03", status_="operating")
    assert board.project(p, dt.date(2026, 11, 29)).state == "done"
    stalled = project_with([("2019-01-01", 97), ("2019-10-01", 98.5)], target="2020-03")
    assert board.project(stalled, dt.date(2026, 11, 29)).state == "at-risk"


def test_default_since_is_the_latest_meeting_before_as_of(data):
    since = status.default_since(data, dt.date(2026, 11, 29))
    assert (since.date, since.reason, since.meeting) == (dt.date(2026, 11, 1), "meeting", "2026-11-01-rakor")


def test_default_since_counts_a_meeting_on_the_as_of_day(data):
    # On the day of a meeting, "the last meeting" is that one: nothing has changed since it yet.
    since = status.default_since(data, dt.date(2026, 11, 1))
    assert (since.date, since.reason, since.meeting) == (dt.date(2026, 11, 1), "meeting", "2026-11-01-rakor")


def test_default_since_without_an_earlier_meeting_is_30_days_before(data):
    since = status.default_since(data, dt.date(2026, 10, 31))
    assert (since.date, since.reason) == (dt.date(2026, 10, 1), "default")


@pytest.mark.parametrize(
    "as_of, since, change",
    [
        (dt.date(2026, 11, 29), dt.date(2026, 11, 1), None),  # no report since then: no change to show
        (dt.date(2026, 11, 29), dt.date(2026, 6, 1), 15),
        (dt.date(2026, 6, 1), dt.date(2026, 5, 2), None),
        (dt.date(2026, 5, 1), dt.date(2026, 4, 1), "new"),
        (dt.date(2026, 4, 1), dt.date(2026, 3, 1), None),
    ],
)
def test_change_since(data, as_of, since, change):
    report = status.build(data, as_of, status.Since(since, "given"))
    row = next(r for r in report.sections["infrastructure"].rows if r["id"] == "tol-alpha")
    assert row["change"] == change


def test_overdue_and_issue_state_follow_as_of(data):
    later = status.build(data, dt.date(2027, 4, 15), status.Since(dt.date(2027, 1, 1), "given"))
    kinds = {(r["record"], r["kind"]) for r in later.sections["overdue"].rows}
    assert ("tol-alpha", "issue") in kinds and ("2026-11-01-rakor", "decision") in kinds
    before = status.build(data, dt.date(2026, 11, 29), status.Since(dt.date(2026, 11, 1), "given"))
    assert before.sections["overdue"].rows == []
    assert [r["id"] for r in before.sections["issues"].rows] == ["lahan-seksi-2"]
    earlier = status.build(data, dt.date(2026, 9, 1), status.Since(dt.date(2026, 8, 1), "given"))
    assert earlier.sections["issues"].rows == []  # raised in October


def test_a_crawling_project_projects_no_date_instead_of_overflowing():
    p = project_with([("2025-01-01", 0), ("2026-01-01", 0.000001)])
    projection = board.project(p, dt.date(2026, 8, 1))
    assert projection.state == "at-risk" and projection.projected is None


def test_region_narrows_overdue_meeting_decisions(data):
    later = dt.date(2027, 4, 15)
    inside = status.build(data, later, status.Since(dt.date(2027, 1, 1), "given"), region="gerbangkertosusila")
    outside = status.build(data, later, status.Since(dt.date(2027, 1, 1), "given"), region="selingkar-wilis")
    assert any(r["kind"] == "decision" for r in inside.sections["overdue"].rows)
    assert not any(r["kind"] == "decision" for r in outside.sections["overdue"].rows)


@pytest.fixture
def unsourced(tmp_path):
    """The base data with a record that cites no source and has a report without one."""
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    (root / "estates" / "ki-beta.yaml").write_text(
        "id: ki-beta\nname: Kawasan Industri Beta\npsn: false\nregion: selingkar-wilis\n"
        "regency: kab-ngawi\nprogress:\n  - date: 2026-06\n    status: planning\n    note: Land survey started\n"
    )
    return root


def test_status_json_is_the_same_in_every_language(unsourced):
    """Scripts read the JSON: reasons are codes, counts and dates raw, so `--lang` changes nothing."""
    runner = CliRunner()
    args = ["status", "--data", str(unsourced), "--as-of", "2028-06-01", "--format", "json", "--lang"]
    results = [runner.invoke(app, [*args, lang]) for lang in ("en", "id")]
    assert [result.exit_code for result in results] == [0, 0]
    assert results[0].stdout == results[1].stdout
    stale = {row["record"]: row for row in json.loads(results[0].stdout)["stale"]}
    assert stale["ki-beta"] == {
        "record": "ki-beta", "name": "Kawasan Industri Beta", "latest_report": "2026-06",
        "reasons": ["latest-report", "unsourced", "unsourced-reports"], "unsourced_reports": 1,
    }


def test_stale_reasons_are_put_in_words_by_the_renderers(unsourced):
    """One line per reason naming its records, the date said once (not in a Why column as well)."""
    report = status.build(load(unsourced), dt.date(2028, 6, 1), status.Since(dt.date(2028, 1, 1), "given"),
                          shown=["stale"])
    out = io.StringIO()
    status_output.render_markdown(report, out)
    assert "`ki-beta` (June 2026), `tol-alpha` (31 October 2026)\n" in out.getvalue()
    assert "- no source: `ki-beta`" in out.getvalue() and "- reports without a source: `ki-beta` (1)" in out.getvalue()
    assert out.getvalue().count("June 2026") == 1


# --- v2: sections, derived values, target history (design model-v2 §4.3, §2.4) --------------------

AS_OF = dt.date(2026, 11, 29)


def sectioned(own=(), sections=(), length=None):
    """A project with its own reports and sections [(id, within, reports)]."""
    progress = [dict(report) for report in own] or [{"date": "2020", "status": "construction"}]
    if length is not None:
        progress[0]["length_km"] = length
    return Project.model_validate({
        "id": "p", "name": "P", "kind": "road", "psn": False, "regions": ["r"], "owner": "a", "progress": progress,
        "sections": [
            {"id": sid, "name": sid.upper(), "within": within, "progress": list(reports)}
            for sid, within, reports in sections
        ],
    })


def current(project, field="percent", section=None):
    unit = board.Unit(project) if section is None else board.section_unit(project, section)
    return board.current(unit, field, AS_OF)


def test_without_sections_the_value_is_the_reported_one():
    p = sectioned([{"date": "2026-01", "status": "construction", "percent": 30}])
    assert (current(p).value, current(p).how) == (30, "reported")


def test_a_whole_is_derived_from_its_sections_weighted_by_length():
    p = sectioned(length=10, sections=[
        ("a", None, [{"date": "2026-03", "length_km": 4, "percent": 50, "status": "construction"}]),
        ("b", None, [{"date": "2026-05", "length_km": 6, "percent": 100, "status": "construction"}]),
    ])
    derived = current(p)
    assert (derived.value, derived.how, str(derived.date)) == (80, "derived", "2026-03")  # dated by its oldest input
    assert current(p, "status").value.value == "construction" and current(p, "status").derived


def test_the_newer_of_reported_and_derived_wins_and_a_tie_goes_to_reported():
    sections = [("a", None, [{"date": "2026-03", "length_km": 10, "percent": 50, "status": "construction"}])]
    older = sectioned([{"date": "2026-02", "status": "construction", "percent": 40}], sections)
    newer = sectioned([{"date": "2026-04", "status": "construction", "percent": 45}], sections)
    tie = sectioned([{"date": "2026-03", "status": "construction", "percent": 45}], sections)
    assert (current(older).value, current(newer).value, current(tie).value) == (50, 45, 45)
    assert current(tie).how == "reported"


@pytest.mark.parametrize("stage, expected", [("planning", 25.0), ("operating", 75.0), ("construction", None)])
def test_a_section_without_a_percent_counts_by_its_stage_or_blocks(stage, expected):
    p = sectioned(sections=[
        ("a", None, [{"date": "2026-03", "length_km": 5, "percent": 50, "status": "construction"}]),
        ("b", None, [{"date": "2026-03", "length_km": 5, "status": stage}]),
    ])
    assert current(p).value == expected
    if expected is None:
        assert board.derivation(board.Unit(p), "percent", AS_OF).blocked == "no-percent"


def test_a_section_without_a_length_or_a_short_coverage_blocks_the_derivation():
    no_length = sectioned(sections=[("a", None, [{"date": "2026-03", "percent": 50, "status": "construction"}])])
    assert board.derivation(board.Unit(no_length), "percent", AS_OF).blocked == "no-length"
    partial = sectioned(length=100, sections=[
        ("a", None, [{"date": "2026-03", "length_km": 28, "percent": 86, "status": "construction"}]),
    ])
    assert board.derivation(board.Unit(partial), "percent", AS_OF).blocked == "partial"
    assert current(partial).value is None


def test_a_phase_is_derived_from_its_sections_and_the_project_from_its_phases():
    p = sectioned(length=10, sections=[
        ("tahap-1", None, [{"date": "2025", "length_km": 10}]),
        ("s1", "tahap-1", [{"date": "2026-04", "length_km": 4, "percent": 100, "status": "operating"}]),
        ("s2", "tahap-1", [{"date": "2026-04", "length_km": 6, "percent": 50, "status": "construction"}]),
    ])
    assert current(p, section="tahap-1").value == 70 and current(p, section="tahap-1").derived
    assert current(p, "status", section="tahap-1").value.value == "partially-operating"
    assert current(p).value == 70 and current(p).derived


def test_before_any_report_nothing_is_known():
    p = sectioned([{"date": "2026-01", "status": "construction", "percent": 30}])
    assert board.current(board.Unit(p), "percent", dt.date(2025, 1, 1)).value is None
    assert board.stage(p, dt.date(2025, 1, 1)) is None


@pytest.mark.parametrize("targets, steps, months, slipped", [
    (["2022", "2022", "2024", "2026"], 3, 48, True),
    (["2024-12", "2025-07"], 2, 7, True),
    (["2025", "2024-12"], 2, -12, False),
])
def test_target_history_and_slip(targets, steps, months, slipped):
    p = sectioned([{"date": f"20{10 + n}", "status": "construction", "target": t} for n, t in enumerate(targets)])
    history = board.target_history(p, AS_OF)
    assert (len(history.steps), history.slip_months, history.slipped) == (steps, months, slipped)


def test_a_section_inherits_the_target_for_display_but_is_overdue_on_its_own_only():
    p = sectioned(
        [{"date": "2020", "status": "construction", "target": "2024"}],
        [("a", None, [{"date": "2021", "status": "construction", "percent": 10, "length_km": 1}])],
    )
    unit = board.section_unit(p, "a")
    assert board.target_in_force(unit, AS_OF) == (p.progress[0].target, True)
    overdue = list(board.overdue_of(p, AS_OF))
    assert [(item.item, item.section) for item in overdue] == [("target", None)]


def test_stage_as_of_a_date_is_the_stage_then():
    p = sectioned([{"date": "2018", "status": "planning"}, {"date": "2021-06", "status": "construction"}])
    assert board.stage(p, dt.date(2019, 1, 1)).value == "planning"
    assert board.stage(p, dt.date(2022, 1, 1)).value == "construction"
    assert board.stage(p, dt.date(2017, 1, 1)) is None


def test_psn_unknown_is_counted_as_unconfirmed(data):
    report = status.build(data, AS_OF, status.Since(dt.date(2026, 11, 1), "given"))
    assert report.headline["planned_psn"] == {"confirmed": 0, "unconfirmed": 1, "not": 0}  # ki-beta


# --- the board on a terminal: sections, colour, narrow columns (issue 15) ---------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_default_board_shows_what_needs_attention_and_full_shows_every_section(data):
    runner = CliRunner()
    base = ["--data", str(REPO / "tests" / "fixtures" / "base"), "--as-of", "2027-04-15", "status"]
    compact, full = runner.invoke(app, base), runner.invoke(app, [*base, "--full"])
    chosen = runner.invoke(app, [*base, "--section", "issues", "--section", "counts"])
    assert compact.exit_code == full.exit_code == chosen.exit_code == 0
    assert "Overdue" in compact.stdout and "Counts by status" not in compact.stdout
    assert "Counts by status" in full.stdout and "Stale or unsourced" in full.stdout
    assert chosen.stdout.index("Counts by status") < chosen.stdout.index("Open issues")  # the board's order
    assert "Overdue" not in chosen.stdout
    wrong = runner.invoke(app, [*base, "--section", "risks"])
    assert wrong.exit_code == 2 and "`--section risks` is not a section" in wrong.stderr


def test_all_zero_count_rows_are_hidden_but_kept_in_json(data):
    report = status.build(data, AS_OF, status.Since(dt.date(2026, 11, 1), "given"), shown=["counts"])
    out = io.StringIO()
    status_output.render_markdown(report, out)
    assert "| transaction |" not in out.getvalue() and "| construction |" in out.getvalue()
    assert "transaction" in {row["status"] for row in report.sections["counts"].rows}


@pytest.mark.parametrize("no_color", [False, True])
def test_overdue_and_at_risk_are_highlighted_on_a_terminal_unless_no_color(data, monkeypatch, no_color):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    report = status.build(data, dt.date(2027, 4, 15), status.Since(dt.date(2027, 1, 1), "given"))
    assert report.sections["overdue"].rows
    out = Terminal()
    status_output.render_table(report, out)
    assert ("\x1b[31mtol-alpha" in out.getvalue()) is not no_color
    # NO_COLOR takes the colours away (bold may stay, as the convention has it)
    assert bool(re.search(r"\x1b\[[0-9;]*3[0-7]m", out.getvalue())) is not no_color


def test_the_widths_keep_every_number_whole_and_fit_by_dropping_then_shortening():
    from kitrack.output.render import fit
    from kitrack.views.table import Column

    columns = [Column("id"), Column("name", shorten=True), Column("note", drop=2), Column("area", "number", drop=1)]
    headers = ["ID", "Name", "Note", "Area (ha)"]
    cells = [["jiipe", "Java Integrated Industrial and Port Estate", "x" * 30, "3,000"]]
    assert fit(columns, headers, cells, 200) == ([0, 1, 2, 3], [5, 42, 30, 9])
    kept, widths = fit(columns, headers, cells, 60)  # the note goes; the name is cut to what is left
    assert kept == [0, 1, 3] and widths[0] == 5 and widths[2] == 9 and sum(widths) + 3 * 2 == 60
    kept, widths = fit(columns, headers, cells, 20)  # nothing else to drop: the name at its shortest
    assert kept == [0, 1] and widths == [5, 12]
