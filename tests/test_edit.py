"""The editing commands (new, log, decide, done, resolve) and the splice they edit files with.

Every edit must leave the rest of its file byte for byte as it was, check the whole data set with the
change before writing, refuse (and write nothing) when the change adds an error, and show itself as a
diff under --dry-run. They run on copies of tests/fixtures/sample, as of 2026-11-29.
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SAMPLE, invoke, run_kitrack
from kitrack.cli import editing
from kitrack.domain.dates import PartialDate
from kitrack.edit.document import Document

GIT = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]


def only_added(before: str, after: str) -> list[str]:
    """The lines `after` adds to `before`; fails if it changes or removes any. Lines added after the
    last line of a file without a final newline leave it without one: compared as lines, with one."""
    before, after = (text if text.endswith("\n") else text + "\n" for text in (before, after))
    matcher = difflib.SequenceMatcher(a=before.splitlines(True), b=after.splitlines(True), autojunk=False)
    added = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        assert tag in ("equal", "insert"), f"{tag} of {before.splitlines(True)[a0:a1]}"
        if tag == "insert":
            added.extend(after.splitlines(True)[b0:b1])
    return added


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time: what a refused edit must leave exactly as it was."""
    return {str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(root.rglob("*")) if p.is_file()}


SAMPLE_FILES = sorted(p for p in SAMPLE.rglob("*.yaml"))


# --- the splice, byte for byte on every file ----------------------------------------------------


def check_insertions(path: Path) -> None:
    """Insert an item first and last into each block list at the top of the file: only its lines
    may appear in the file (tests/test_shipped_data.py runs this on data/ too)."""
    text = path.read_text(encoding="utf-8")
    tree = Document(path, text).tree
    block = [key for key, value in tree.items() if isinstance(value, list) and value and not value.fa.flow_style()]
    assert block or path.parent.name == "meetings" or not any(isinstance(value, list) for value in tree.values()), path
    for key in block:
        document = Document(path, text)
        document.insert_item((key,), {"id": "first", "note": "a: b"}, 0, [])
        document.insert_item((key,), {"id": "last"}, None, [])
        added = [line.strip() for line in only_added(text, document.text)]
        # A list of flow mappings (`- {id: x, source: y}`) gets its new items in the same style.
        assert added in (
            ["- id: first", "note: 'a: b'", "- id: last"], ["- {id: first, note: 'a: b'}", "- {id: last}"]
        ), (key, added)


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: str(p.relative_to(SAMPLE)))
def test_inserting_into_every_list_of_every_sample_file_changes_nothing_else(path: Path):
    check_insertions(path)


def test_adding_a_key_to_a_flow_mapping_and_replacing_a_scalar_keep_the_rest():
    text = "id: x  # the id\nissues:\n  - {id: a, status: open, owner: b}  # kept\n  - id: c\n    status: 'open'  # quoted\n"
    document = Document(Path("x.yaml"), text)
    document.add_entry(("issues", 0), "resolved", PartialDate.parse("2026-11"), [])
    document.set_scalar(("issues", 1, "status"), "resolved")
    assert document.text == (
        "id: x  # the id\nissues:\n  - {id: a, status: open, owner: b, resolved: 2026-11}  # kept\n"
        "  - id: c\n    status: resolved  # quoted\n"
    )


def test_text_that_would_read_as_something_else_is_quoted():
    document = Document(Path("x.yaml"), "id: x\nprogress:\n  - date: 2020\n")
    document.insert_item(("progress",), {"date": PartialDate.parse("2021"), "note": "yes"}, None, [])
    assert document.text.endswith("  - date: 2021\n    note: 'yes'\n")


def test_a_missing_list_goes_where_the_files_keep_it_and_flow_items_stay_flow():
    from kitrack.edit.changes import _order
    from kitrack.domain.models import Project

    text = "id: x\nname: y  # kept\nsources:\n  - {id: a, url: b}\nissues:\n  - id: i\n"
    document = Document(Path("x.yaml"), text)
    document.insert_item(("progress",), {"date": PartialDate.parse("2026-11"), "source": "a"}, None, _order(Project))
    assert document.text == (
        "id: x\nname: y  # kept\nsources:\n  - {id: a, url: b}\nprogress:\n  - date: 2026-11\n    source: a\n"
        "issues:\n  - id: i\n"
    )
    document.insert_item(("sources",), {"id": "c", "url": "https://d"}, None, _order(Project))
    assert "  - {id: a, url: b}\n  - {id: c, url: https://d}\nprogress:" in document.text


def test_a_file_without_a_final_newline_or_with_a_comment_at_the_end():
    text = "id: x\nprogress:\n  - date: 2020\n    percent: 5\n# more to come\n\n"
    document = Document(Path("x.yaml"), text)
    document.insert_item(("progress",), {"date": PartialDate.parse("2021")}, None, [])
    assert document.text == "id: x\nprogress:\n  - date: 2020\n    percent: 5\n  - date: 2021\n# more to come\n\n"
    document = Document(Path("x.yaml"), "id: x\nprogress:\n  - date: 2020")
    document.insert_item(("progress",), {"date": PartialDate.parse("2021")}, None, [])
    assert document.text == "id: x\nprogress:\n  - date: 2020\n  - date: 2021"
    document.insert_item(("progress",), {"date": PartialDate.parse("2019")}, 0, [])
    assert document.text == "id: x\nprogress:\n  - date: 2019\n  - date: 2020\n  - date: 2021"


# --- kitrack log --------------------------------------------------------------------------------


def test_log_dry_run_shows_the_diff_and_writes_nothing(data_copy: Path, golden):
    before = snapshot(data_copy)
    result = invoke(
        "log", "jiipe", "--data", data_copy, "--date", "2026-11-20", "--tenants", "25", "--area-ha", "1.250,5",
        "--source", "https://ekonomi.bisnis.com/read/20261120/jiipe", "--source-title", "JIIPE: 25 tenant",
        "--note", "Sumber: angka perusahaan", "--dry-run",
    )
    assert result.exit_code == 0, result.stderr
    golden("edit-log-dry-run", result.stdout)
    assert result.stderr == (
        "estates/jiipe.yaml (not written, --dry-run): added a report dated 2026-11-20 (progress[5])\n"
        "estates/jiipe.yaml (not written, --dry-run): added the source `bisnis-2026-11-20` (sources[8])\n"
    )
    assert snapshot(data_copy) == before


def test_log_puts_the_report_in_date_order_and_reuses_a_known_source(data_copy: Path):
    path = data_copy / "estates" / "jiipe.yaml"
    text = path.read_text(encoding="utf-8")
    result = invoke("log", "jiipe", "--data", data_copy, "--date", "2018-03", "--source", "bisnis-2018-03-10", "--tenants", "8")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "estates/jiipe.yaml: added a report dated 2018-03 (progress[4])\n", "")
    added = only_added(text, path.read_text(encoding="utf-8"))
    assert added == ["  - date: 2018-03\n", "    source: bisnis-2018-03-10\n", "    tenants: 8\n"]
    after = path.read_text(encoding="utf-8")
    # 2018-03 ends after 2018-03-13: the month's report goes after the day's, as check orders them
    assert after.index("- date: 2018-03-13") < after.index("- date: 2018-03\n") < after.index("- date: 2023-11-13")


def test_log_to_a_section_with_stage_target_and_a_new_source(data_copy: Path):
    path = data_copy / "infrastructure" / "tol-probolinggo-banyuwangi.yaml"
    text = path.read_text(encoding="utf-8")
    result = invoke("log", "tol-probolinggo-banyuwangi", "--section", "tahap-1", "--date", "2026-11-20", "--status", "construction",
                    "--target", "2027-06", "--percent", "95,5", "--source", "https://www.kompas.com/x", "--source-kind", "news",
                    "--data", data_copy)
    assert result.stdout == (
        "infrastructure/tol-probolinggo-banyuwangi.yaml: added a report dated 2026-11-20 (sections[0].progress[1])\n"
        "infrastructure/tol-probolinggo-banyuwangi.yaml: added the source `kompas-2026-11-20` (sources[1])\n"
    )
    assert only_added(text, path.read_text(encoding="utf-8")) == [
        "  - id: kompas-2026-11-20\n", "    url: https://www.kompas.com/x\n", "    kind: news\n",
        "      - date: 2026-11-20\n", "        source: kompas-2026-11-20\n", "        status: construction\n",
        "        target: 2027-06\n", "        percent: 95.5\n",
    ]
    unknown = invoke("log", "tol-probolinggo-banyuwangi", "--section", "tahap-2", "--date", "2026-11-20", "--percent", "9",
                     "--source", "bisnis-2025-08-19", "--data", data_copy)
    assert (unknown.exit_code, unknown.stderr) == (
        2, "kitrack: error: `tol-probolinggo-banyuwangi` has no section `tahap-2`; its sections: `tahap-1`\n"
    )


def test_log_figure_options_come_from_the_registry():
    from kitrack.domain import figures

    help_text = invoke("log", "--help", as_of=None).stdout
    for field in [*figures.FIGURES, *figures.DATED_FIELDS]:
        assert "--" + field.field.replace("_", "-") in help_text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1.250", "Invalid value for --area-ha: `1.250` is ambiguous: 1250 if `.` separates thousands, 1.25 if it "
         "marks decimals; type `1250`, or `1,25` (or `1.25`) for the decimal"),
        ("1,250", "Invalid value for --area-ha: `1,250` is ambiguous: 1250 if `,` separates thousands, 1.25 if it "
         "marks decimals; type `1250`, or `1,25` (or `1.25`) for the decimal"),
        ("12,5x", "Invalid value for --area-ha: `12,5x` is not a number"),
    ],
)
def test_the_decimal_comma_trap_is_refused_with_what_to_type(data_copy: Path, typed: str, expected: str):
    before = snapshot(data_copy)
    result = invoke("log", "jiipe", "--data", data_copy, "--date", "2026-11-20", "--source", "bisnis-2023-11-13", "--area-ha", typed)
    assert result.exit_code == 2
    assert expected in " ".join(line.strip(" │╭╰─") for line in result.stderr.splitlines()).replace("  ", " ")
    assert snapshot(data_copy) == before


def test_a_number_typed_the_indonesian_way_is_read_right(data_copy: Path):
    result = invoke("log", "jiipe", "--data", data_copy, "--date", "2026-11-20", "--source", "bisnis-2023-11-13",
                    "--area-ha", "2.961,5", "--investment-idr-bn", "52000")
    assert result.exit_code == 0, result.stderr
    text = (data_copy / "estates" / "jiipe.yaml").read_text(encoding="utf-8")
    assert "    area_ha: 2961.5\n    investment_idr_bn: 52000\n" in text


def test_log_refuses_a_figure_the_record_kind_does_not_report(data_copy: Path):
    result = invoke("log", "tol-klbm", "--data", data_copy, "--date", "2026-11-20", "--source", "global-news-2020-02", "--tenants", "3")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "kitrack: error: `tenants` is not reported for Infrastructure; their figures: --status, --target, --funding, "
        "--percent, --land-percent, --length-km, --capacity-lps, --capacity-mmscfd, --capacity-mtpa, --operating-km, "
        "--operating-lps, --operating-mmscfd, --operating-mtpa, --budget-idr-bn, --throughput-mt\n"
    )


def test_an_edit_that_adds_an_error_is_refused_and_nothing_is_written(data_copy: Path):
    before = snapshot(data_copy)
    result = invoke("log", "tol-klbm", "--data", data_copy, "--date", "2027-01-05", "--source", "global-news-2020-02", "--percent", "40")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith("kitrack: refused: the change would add 1 error; nothing was written\n")
    assert "future-report" in result.stderr and "report dated 5 January 2027 is after the as-of date 29 November 2026" in result.stderr
    assert snapshot(data_copy) == before


def test_errors_already_in_the_data_do_not_stop_an_edit(data_copy: Path):
    broken = data_copy / "estates" / "pier.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("region:", "region: [", 1), encoding="utf-8")
    result = invoke("log", "jiipe", "--data", data_copy, "--date", "2026-11-20", "--source", "bisnis-2023-11-13", "--tenants", "25")
    assert result.exit_code == 0, result.stderr


def test_an_edit_that_adds_a_warning_is_written_and_the_warning_shown(data_copy: Path):
    result = invoke("log", "jiipe", "--data", data_copy, "--date", "2026-11-20", "--source", "bisnis-2023-11-13", "--area-ha", "3,5")
    assert result.exit_code == 0
    assert "kitrack: the change adds 1 warning:" in result.stderr and "implausible-jump" in result.stderr
    assert "area_ha: 3.5" in (data_copy / "estates" / "jiipe.yaml").read_text(encoding="utf-8")


def test_a_jump_is_judged_within_the_section(data_copy: Path):
    """49.68 km for phase I, then 0.5: ten times off the section's own previous report; the whole
    project's 175.4 km is not compared with a section's length."""
    result = invoke("log", "tol-probolinggo-banyuwangi", "--section", "tahap-1", "--date", "2026-11-20", "--length-km", "0,5",
                    "--source", "bisnis-2025-08-19", "--data", data_copy)
    assert result.exit_code == 0
    assert "implausible-jump        length_km went from 49.68 (2025-08) to 0.5" in result.stderr
    assert "(sections[0].progress[1].length_km)" in result.stderr


# --- kitrack decide, done, resolve -------------------------------------------------------------


MEETING = "2026-10-27-rakor-ki"


def test_decide_then_done_and_drop(data_copy: Path):
    path = data_copy / "meetings" / f"{MEETING}.yaml"
    text = path.read_text(encoding="utf-8")
    first = invoke("decide", MEETING, "Pemkab Gresik: jadwal pembebasan lahan seksi 4", "--owner", "kementerian-pupr",
                   "--due", "2027-03", "--related", "tol-klbm", "--related", "jiipe", "--data", data_copy)
    assert (first.exit_code, first.stdout) == (0, f"meetings/{MEETING}.yaml: added the decision `pemkab-gresik-jadwal-pembebasan-lahan` (decisions[3])\n")
    second = invoke("decide", MEETING, "SIER: data okupansi", "--owner", "pt-sier", "--id", "okupansi", "--data", data_copy)
    assert second.exit_code == 0, second.stderr
    done = invoke("done", f"{MEETING}/okupansi", "--date", "2026-11-28", "--data", data_copy)
    assert (done.exit_code, done.stdout) == (0, f"meetings/{MEETING}.yaml: decision `okupansi` done on 2026-11-28\n")
    dropped = invoke("done", f"{MEETING}/pemkab-gresik-jadwal-pembebasan-lahan", "--drop", "--reason", "diganti: lihat rapat berikut",
                     "--data", data_copy)
    assert dropped.exit_code == 0, dropped.stderr
    assert only_added(text, path.read_text(encoding="utf-8")) == [
        "  - id: pemkab-gresik-jadwal-pembebasan-lahan\n",
        "    text: 'Pemkab Gresik: jadwal pembebasan lahan seksi 4'\n",
        "    owner: kementerian-pupr\n",
        "    due: 2027-03\n",
        "    dropped: 2026-11-29\n",  # the model's order: the state after the due date
        "    reason: 'diganti: lihat rapat berikut'\n",
        "    related: [tol-klbm, jiipe]\n",
        "  - id: okupansi\n",
        "    text: 'SIER: data okupansi'\n",
        "    owner: pt-sier\n",
        "    done: 2026-11-28\n",
    ]
    again = invoke("done", f"{MEETING}/okupansi", "--data", data_copy)
    assert (again.exit_code, again.stderr) == (2, "kitrack: error: decision `okupansi` is already closed (2026-11-28)\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["done", "rapat"], "kitrack: error: `rapat` is not MEETING/DECISION\n"),
        (["done", f"{MEETING}/x", "--drop"], "kitrack: error: --drop and --reason go together: a dropped decision says why\n"),
        (["done", "2026-10-27-rakor/x"], "kitrack: error: unknown meeting `2026-10-27-rakor`; closest: `2026-10-27-rakor-ki`\n"),
        (["decide", MEETING, "x", "--owner", "pt-sier", "--id", "Bad_Id"],
         "kitrack: error: `Bad_Id` is not a valid id: use lowercase letters, digits and hyphens\n"),
        (["resolve", "tol-klbm/akses-tol"], "kitrack: error: `tol-klbm` has no issue `akses-tol`; its issues: `akses-tol-manyar`\n"),
        (["log", "jiipe", "--date", "2026-11-01", "--source", "bisnis", "--tenants", "3"],
         "kitrack: error: `bisnis` is not a source of `jiipe`: give its URL to add it, or one of its sources "
         "(`bisnis-2018-03-10`, `bisnis-2023-11-13`)\n"),
        (["log", "jiipe", "--date", "2026-13", "--source", "bisnis-2023-11-13", "--tenants", "3"], None),
    ],
)
def test_usage_errors_say_what_is_wrong_and_write_nothing(data_copy: Path, args, message):
    before = snapshot(data_copy)
    result = invoke(*args, "--data", data_copy)
    assert result.exit_code == 2 and result.stdout == ""
    if message is not None:
        assert result.stderr == message
    else:
        assert "--date" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(data_copy) == before


def test_resolve_marks_the_issue_and_keeps_the_rest(data_copy: Path):
    path = data_copy / "infrastructure" / "tol-klbm.yaml"
    text = path.read_text(encoding="utf-8")
    result = invoke("resolve", "tol-klbm/akses-tol-manyar", "--date", "2026-11-28", "--data", data_copy, "--dry-run")
    assert result.stdout == (
        "--- a/infrastructure/tol-klbm.yaml\n+++ b/infrastructure/tol-klbm.yaml\n@@ -45,6 +45,7 @@\n"
        "     title: Section 4 Bunder–Manyar (link to JIIPE) held up by land acquisition\n"
        "     owner: kementerian-pupr\n     raised: 2020-11\n-    status: open\n+    status: resolved\n"
        "+    resolved: 2026-11-28\n     related: [tol-klbm, jiipe]\n     source: suarasurabaya-2020-11\n"
    )
    assert path.read_text(encoding="utf-8") == text
    assert invoke("resolve", "tol-klbm/akses-tol-manyar", "--date", "2026-11-28", "--data", data_copy).exit_code == 0
    again = invoke("resolve", "tol-klbm/akses-tol-manyar", "--data", data_copy)
    assert (again.exit_code, again.stderr) == (2, "kitrack: error: issue `akses-tol-manyar` is already resolved (2026-11-28)\n")


# --- kitrack new -------------------------------------------------------------------------------


def test_new_meeting_from_options(data_copy: Path):
    result = invoke("new", "meeting", "2026-12-01-rakor-ki", "--title", "Rapat koordinasi: Desember", "--chair", "disperindag-jatim",
                    "--attendee", "pt-sier", "--attendee", "kementerian-pupr", "--data", data_copy)
    assert (result.exit_code, result.stdout) == (0, "meetings/2026-12-01-rakor-ki.yaml: created the meeting `2026-12-01-rakor-ki`\n")
    assert (data_copy / "meetings" / "2026-12-01-rakor-ki.yaml").read_text(encoding="utf-8") == (
        "id: 2026-12-01-rakor-ki\ndate: 2026-12-01\ntitle: 'Rapat koordinasi: Desember'\nchair: disperindag-jatim\n"
        "attendees: [pt-sier, kementerian-pupr]\n"
    )


def test_new_in_a_script_names_the_missing_option(data_copy: Path):
    result = invoke("new", "estate", "ki-baru", "--name", "KI Baru", "--data", data_copy)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", "kitrack: error: `psn` is required: give it with --psn\n")
    assert not (data_copy / "estates" / "ki-baru.yaml").exists()


def test_new_asks_on_a_terminal(data_copy: Path, monkeypatch):
    monkeypatch.setattr(editing, "interactive", lambda: True)
    from typer.testing import CliRunner

    from kitrack.cli import app

    answers = "Kawasan Industri Baru\nmaybe\nunknown\nselingkar-wilis\nkab-ngawi\noperational\nplanning\n2026-11\nhttps://example.org/ki-baru\n"
    result = CliRunner().invoke(app, ["--as-of", "2026-11-29", "new", "estate", "ki-baru", "--data", str(data_copy)], input=answers)
    assert result.exit_code == 0, result.output
    assert "psn (true, false, unknown): maybe\n`maybe` is not one of: true, false, unknown" in result.output  # asked again
    assert "`operational` is not one of: planning, preparation" in result.output
    assert (data_copy / "estates" / "ki-baru.yaml").read_text(encoding="utf-8") == (
        "id: ki-baru\nname: Kawasan Industri Baru\npsn: unknown\nregion: selingkar-wilis\nregency: kab-ngawi\n"
        "sources:\n  - id: example-2026-11\n    url: https://example.org/ki-baru\n"
        "progress:\n  - date: 2026-11\n    source: example-2026-11\n    status: planning\n"
    )


def test_new_refuses_an_existing_id_and_a_broken_reference(data_copy: Path):
    taken = invoke("new", "project", "jiipe", "--data", data_copy)
    assert (taken.exit_code, taken.stderr) == (2, "kitrack: error: the id `jiipe` is already used\n")
    before = snapshot(data_copy)
    wrong = invoke("new", "estate", "ki-baru", "--name", "KI Baru", "--status", "planning", "--psn", "false", "--region", "selingkar-wilis",
                   "--regency", "kab-gresik", "--date", "2026-11", "--source", "https://example.org/x", "--data", data_copy)
    assert wrong.exit_code == 1 and "regency-not-in-region" in wrong.stderr
    assert snapshot(data_copy) == before


# --- the issue's done-when: a meeting, two decisions, three figures --------------------------------


def test_a_meeting_recorded_with_commands_only_adds_lines(data_copy: Path, golden):
    def git(*args: str) -> str:
        return subprocess.run([*GIT, *args], cwd=data_copy, check=True, capture_output=True, text=True).stdout

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "sample")
    meeting = "2026-11-28-rakor-ki"
    steps = [
        ["new", "meeting", meeting, "--title", "Rapat koordinasi kawasan industri", "--chair", "disperindag-jatim",
         "--attendee", "kementerian-pupr", "--attendee", "pt-sier"],
        ["decide", meeting, "PUPR to report the land acquisition for KLBM section 4", "--owner", "kementerian-pupr",
         "--due", "2027-01", "--related", "tol-klbm", "--id", "lahan-klbm-s4"],
        ["decide", meeting, "SIER to send the PIER occupancy for 2026", "--owner", "pt-sier", "--due", "2026-12-20",
         "--related", "pier", "--id", "okupansi-pier"],
        ["log", "tol-klbm", "--date", "2026-11-28", "--source", "https://example.org/notulen-2026-11-28", "--land-percent", "92,5"],
        ["log", "jiipe", "--date", "2026-11-28", "--source", "bisnis-2023-11-13", "--tenants", "24"],
        ["log", "pier", "--date", "2026-11-28", "--source", "https://example.org/sier/pier-2026", "--occupied-ha", "347,25"],
    ]
    for step in steps:
        result = invoke(*step, "--data", data_copy)
        assert result.exit_code == 0, (step, result.stderr)
    git("add", "-N", ".")
    diff = git("diff", "--no-color", "--unified=1")
    assert not [line for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    golden("edit-session-git-diff", diff)


def test_log_through_the_real_entry_point(data_copy: Path):
    result = run_kitrack("--as-of", "2026-11-29", "log", "jiipe", "--data", str(data_copy), "--date", "2026-11-20",
                         "--source", "bisnis-2023-11-13", "--tenants", "1.250", "--dry-run")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "`1.250` is ambiguous" in result.stderr


def test_the_file_keeps_its_permissions(data_copy: Path):
    path = data_copy / "estates" / "jiipe.yaml"
    os.chmod(path, 0o640)
    assert invoke("log", "jiipe", "--date", "2026-11-20", "--source", "bisnis-2023-11-13", "--tenants", "25", "--data", data_copy).exit_code == 0
    assert path.stat().st_mode & 0o777 == 0o640
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]


def test_a_file_changed_meanwhile_is_not_overwritten(data_copy: Path, monkeypatch):
    from kitrack.edit import apply

    path = data_copy / "estates" / "jiipe.yaml"
    real = apply.judge

    def judge_then_someone_saves(*args, **kwargs):
        verdict = real(*args, **kwargs)
        path.write_text(path.read_text(encoding="utf-8") + "# saved in an editor\n", encoding="utf-8")
        return verdict

    monkeypatch.setattr(editing, "judge", judge_then_someone_saves)
    result = invoke("log", "jiipe", "--date", "2026-11-20", "--source", "bisnis-2023-11-13", "--tenants", "25", "--data", data_copy)
    assert result.exit_code == 2 and "changed while kitrack was editing it" in result.stderr
    assert path.read_text(encoding="utf-8").endswith("# saved in an editor\n")
    assert "tenants: 25" not in path.read_text(encoding="utf-8")
    shutil.rmtree(data_copy)



def test_resolve_finds_an_issue_in_a_section(tmp_path: Path):
    # Issue ids are unique across a record and its sections: `resolve RECORD/ISSUE` finds one in a section.
    data = tmp_path / "data"
    shutil.copytree(SAMPLE.parent / "base", data)
    path = data / "infrastructure" / "tol-alpha.yaml"
    text = path.read_text(encoding="utf-8")
    issue = text[text.index("  - id: lahan-seksi-2"):text.index("sections:")]
    moved = text.replace("issues:\n" + issue, "").replace(
        "      - {date: 2026-09-30, source: pupr-2026-10, status: construction, length_km: 7.5, percent: 40}\n",
        "      - {date: 2026-09-30, source: pupr-2026-10, status: construction, length_km: 7.5, percent: 40}\n"
        "    issues:\n" + "".join("    " + line + "\n" for line in issue.splitlines()),
    )
    path.write_text(moved, encoding="utf-8")
    assert invoke("check", data).exit_code == 0
    run = invoke("resolve", "tol-alpha/lahan-seksi-2", "--date", "2026-11-28", "--data", data)
    assert run.exit_code == 0, run.stderr
    after = path.read_text(encoding="utf-8")
    assert after.count("status: resolved") == 1 and after.index("status: resolved") > after.index("    issues:")
