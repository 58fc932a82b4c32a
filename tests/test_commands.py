"""`status`, `list` and `show` through the command line (in-process), on the sample data and the fixtures."""

import csv
import io
import json
import shutil

import pytest
import yaml

from conftest import FIXTURES, SAMPLE, invoke, replace_in

BASE = FIXTURES / "base"


def status_json(*args, data=SAMPLE):
    result = invoke("status", "--data", data, "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_status_headline_shows_operating_and_planned_psn_estates():
    report = status_json()
    assert report["headline"] == {
        "estates": {"operating": 10, "planned": 8, "stage_unknown": 0},
        "planned_psn": {"confirmed": 3, "unconfirmed": 5, "not": 0},
        "projects": 12,
        "projects_psn": {"confirmed": 5, "unconfirmed": 3, "not": 4},
    }
    counts = {row["status"]: row["estates"] for row in report["counts"]}
    assert counts["operating"] == 10 and sum(counts.values()) == 18


def test_status_figures_agree_with_the_yaml():
    report = status_json()
    estates = {row["id"]: row for row in report["estates"]}
    jiipe = yaml.safe_load((SAMPLE / "estates" / "jiipe.yaml").read_text())
    tenants = [r["tenants"] for r in jiipe["progress"] if "tenants" in r]
    assert estates["jiipe"]["tenants"] == tenants[-1]
    assert estates["sirie"]["area_ha"] is None and estates["sirie"]["tenants"] is None  # missing, never 0
    projects = {(row["id"], row["section"]): row for row in report["infrastructure"]}
    assert projects["tol-probolinggo-banyuwangi", "tahap-1"]["percent"] == 86.43
    # Only phase I reports a percentage: the whole is not derived from 28% of its length.
    assert projects["tol-probolinggo-banyuwangi", None]["percent"] is None
    assert projects["ka-surabaya", None]["percent"] is None


def test_status_text_in_both_languages_and_piped_output_is_plain():
    english = invoke("status", "--data", SAMPLE)
    indonesian = invoke("status", "--data", SAMPLE, "--lang", "id")
    assert english.exit_code == indonesian.exit_code == 0
    assert "18 estates: 10 operating" in english.stdout and "Open issues by the agency that must act" in english.stdout
    assert "18 kawasan: 10 beroperasi" in indonesian.stdout and "29 November 2026" in indonesian.stdout
    assert "86,43%" in indonesian.stdout and "86.43%" in english.stdout
    for result in (english, indonesian):
        assert "\x1b[" not in result.stdout
        assert max(len(line) for line in result.stdout.splitlines()) > 120  # unwrapped when piped


def test_status_language_from_environment():
    result = invoke("status", "--data", SAMPLE, env={"KITRACK_LANG": "id"})
    assert "Kendala terbuka" in result.stdout


def test_status_markdown_brief():
    result = invoke("status", "--data", BASE, "--format", "md")
    assert result.exit_code == 0
    assert result.stdout.startswith("## ") and "### At risk" in result.stdout
    assert "| tol-alpha |" in result.stdout


def test_status_on_fixture_shows_at_risk_since_meeting_and_issues():
    report = status_json(data=BASE)
    assert report["since"] == {"date": "2026-11-01", "reason": "meeting", "meeting": "2026-11-01-rakor"}
    assert [(r["id"], r["projected"]) for r in report["at_risk"]] == [("tol-alpha", "2028-05-05")]
    assert [r["id"] for r in report["issues"]] == ["lahan-seksi-2"]
    since = status_json("--since", "2026-06-01", data=BASE)
    assert next(r for r in since["infrastructure"] if r["id"] == "tol-alpha")["change"] == 15


def test_status_as_of_shows_the_board_as_it_stood():
    report = status_json("--as-of", "2026-06-01", data=BASE)
    assert report["as_of"] == "2026-06-01"
    tol = next(r for r in report["infrastructure"] if r["id"] == "tol-alpha")
    assert tol["percent"] == 40
    assert report["too_few_reports"] == [
        {"id": "tol-alpha", "section": None, "name": "Jalan Tol Alpha", "reports": 1},
        {"id": "tol-alpha", "section": "seksi-1", "name": "Seksi 1 Alpha–Beta", "reports": 1},
        {"id": "tol-alpha", "section": "seksi-2", "name": "Seksi 2 Beta–Gamma", "reports": 0},  # its first is later
    ]


def test_status_region_narrows_the_view():
    report = status_json("--region", "selingkar-wilis")
    assert {row["id"] for row in report["estates"]} == {"ki-ngawi", "ki-nganjuk", "ki-madiun"}
    assert [row["region"] for row in report["by_region"]] == ["selingkar-wilis"]


def test_status_unknown_region_is_a_usage_error():
    result = invoke("status", "--data", SAMPLE, "--region", "selingkar-willis")
    assert result.exit_code == 2 and "`selingkar-wilis`" in result.stderr


def test_status_still_shows_the_board_when_data_has_errors(data_copy):
    replace_in(data_copy / "estates" / "pier.yaml", "psn: false", "psn: yes")
    result = invoke("status", "--data", data_copy)
    assert result.exit_code == 0 and "1 error(s)" in result.stdout


def list_rows(*args, fmt="json"):
    result = invoke("list", *args, "--data", SAMPLE, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_list_filters_and_sorts():
    rows = json.loads(list_rows("infrastructure", "--kind", "toll-road", "--sort", "-length_km"))
    assert [r["id"] for r in rows] == ["tol-probolinggo-banyuwangi", "tol-gresik-tuban", "tol-kediri-tulungagung", "tol-klbm"]
    psn = json.loads(list_rows("estates", "--psn", "--status", "planning"))
    assert [r["id"] for r in psn] == ["ki-nganjuk"] and psn[0]["psn"] is True
    unknown = json.loads(list_rows("estates", "--psn-unknown"))
    assert len(unknown) == 5 and {r["psn"] for r in unknown} == {"unknown"}
    both = invoke("list", "estates", "--data", SAMPLE, "--psn", "--psn-unknown")
    assert both.exit_code == 2 and "--psn-unknown" in both.stderr
    assert len(json.loads(list_rows("estates", "--no-psn"))) == 9
    overdue = json.loads(list_rows("infrastructure", "--overdue"))
    assert {r["id"] for r in overdue} == {"tol-klbm", "selingkar-wilis-ring-road"}


def test_list_json_has_the_table_columns_and_csv_reads_back():
    rows = json.loads(list_rows("estates"))
    table_header = invoke("list", "estates", "--data", SAMPLE).stdout.splitlines()[0]
    assert "Area (ha)" in table_header and len(rows) == 18
    parsed = list(csv.DictReader(io.StringIO(list_rows("estates", fmt="csv"))))
    assert list(parsed[0]) == list(rows[0])
    assert {r["id"]: r["area_ha"] for r in parsed}["kig"] == "140"
    tsv = list_rows("regions", fmt="tsv").splitlines()
    assert tsv[0].split("\t")[:3] == ["id", "name", "priority"] and len(tsv) == 6


def test_list_issues_and_agencies():
    issues = json.loads(list_rows("issues", "--owner", "kementerian-pupr"))
    assert [i["id"] for i in issues] == ["akses-tol-manyar"]
    agencies = json.loads(list_rows("agencies", "--kind", "ministry"))
    assert all(a["type"] == "ministry" for a in agencies) and agencies


@pytest.mark.parametrize(
    "args, message",
    [
        (["estates", "--kind", "port"], "--kind"),
        (["infrastructure", "--kind", "canal"], "canal"),
        (["estates", "--sort", "size"], "size"),
        (["issues", "--status", "closed"], "closed"),
        (["planets"], "planets"),
    ],
)
def test_list_usage_errors(args, message):
    result = invoke("list", *args, "--data", SAMPLE)
    assert result.exit_code == 2 and message in result.stderr


def test_show_estate_with_history_sources_and_references():
    result = invoke("show", "pier", "--data", SAMPLE)
    assert result.exit_code == 0
    out = result.stdout
    assert "Area (ha) 534 (−29)" in out and "Area (ha) 563 (+29)" in out
    assert "antara-683454" in out and "Referenced by" in out and "spam-umbulan" in out
    assert "sengketa-lahan-120-ha" in out


def test_show_agency_lists_what_it_must_do():
    out = invoke("show", "kementerian-pupr", "--data", SAMPLE).stdout
    assert "must act on `akses-tol-manyar`" in out and "tol-klbm" in out


def test_show_in_indonesian():
    out = invoke("show", "pier", "--data", SAMPLE, "--lang", "id").stdout
    assert "Luas (ha) 534 (−29)" in out and "Sumber" in out


def test_show_unknown_id_suggests_the_closest():
    result = invoke("show", "jipe", "--data", SAMPLE)
    assert result.exit_code == 2 and "`jiipe`" in result.stderr


def test_status_since_a_git_revision(tmp_path):
    import shutil
    import subprocess

    shutil.copytree(BASE, tmp_path / "data")
    git = lambda *a: subprocess.run(["git", *a], cwd=tmp_path, check=True, capture_output=True)  # noqa: E731
    git("init", "-q")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base")
    replace_in(tmp_path / "data" / "infrastructure" / "tol-alpha.yaml", "milestones:", "  - date: 2026-11-20\n    source: pupr-2026-10\n    percent: 70\nmilestones:")
    result = invoke("status", "--since", "HEAD", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["since"]["reason"] == "revision" and report["since"]["meeting"] == "HEAD"
    assert next(r for r in report["infrastructure"] if r["id"] == "tol-alpha")["change"] == 15
    bad = invoke("status", "--since", "no-such-rev", cwd=tmp_path)
    assert bad.exit_code == 2 and "neither a date nor a git revision" in bad.stderr


def test_list_csv_neutralises_formulas_and_terminal_output_is_inert(data_copy):
    replace_in(data_copy / "estates" / "sirie.yaml", "name: SiRIE", "name: '=HYPERLINK(\"http://x\")'")
    replace_in(data_copy / "estates" / "kig.yaml", "name: Kawasan Industri Gresik (KIG)", "name: \"[red]KIG\\e[31m\"")
    result = invoke("list", "estates", "--data", data_copy, "--format", "csv")
    row = next(r for r in csv.DictReader(io.StringIO(result.stdout)) if r["id"] == "sirie")
    assert row["name"].startswith("'=")
    table = invoke("list", "estates", "--data", data_copy).stdout
    assert "[red]KIG\\x1b[31m" in table and "\x1b" not in table


def test_no_psn_is_a_filter_like_any_other():
    assert len(json.loads(list_rows("estates", "--no-psn"))) == 9
    result = invoke("list", "issues", "--data", SAMPLE, "--no-psn")
    assert result.exit_code == 2 and "--psn" in result.stderr


def test_status_json_rows_carry_their_documented_keys():
    report = status_json("--as-of", "2027-04-15", data=BASE)
    assert {"record", "kind", "what", "due", "days", "owner"} <= set(report["overdue"][0])
    stale = status_json("--as-of", "2028-06-01", data=BASE)["stale"]
    assert stale and {"record", "name", "reasons", "unsourced_reports", "latest_report"} <= set(stale[0])


def test_show_as_of_hides_what_had_not_happened_yet():
    out = invoke("show", "tol-klbm", "--data", SAMPLE, "--as-of", "2019-06").stdout
    assert "akses-tol-manyar" not in out  # raised in November 2020
    later = invoke("show", "tol-klbm", "--data", SAMPLE).stdout
    assert "akses-tol-manyar" in later and "28 November 2020" in later


def test_export_never_writes_into_the_data_directory(data_copy):
    target = data_copy / "estates" / "jiipe.yaml"
    before = target.read_bytes()
    result = invoke("export", "--data", data_copy, "--format", "json", "--output", target, "--force")
    assert result.exit_code == 2 and "inside the data directory" in result.stderr
    assert target.read_bytes() == before


def test_show_every_record_that_shares_an_id(data_copy):
    replace_in(data_copy / "agencies.yaml", "  - id: pt-sier\n", "  - id: pier\n")
    replace_in(data_copy / "estates" / "pier.yaml", "operator: pt-sier", "operator: pier")
    out = invoke("show", "pier", "--data", data_copy).stdout
    assert "\nestate\n" in out and "\nagency\n" in out


def test_the_default_date_is_today():
    import datetime as dt

    before = dt.date.today()
    report = json.loads(invoke("status", "--data", SAMPLE, "--format", "json", as_of=None).stdout)
    assert report["as_of"] in {before.isoformat(), dt.date.today().isoformat()}  # midnight may pass


def test_status_as_of_2019_shows_each_project_in_the_stage_it_had_then():
    report = status_json("--as-of", "2019-01-01")
    stages = {row["id"]: row["status"] for row in report["infrastructure"] if row["section"] is None}
    assert stages["pelabuhan-probolinggo"] == "operating"  # since December 2015
    assert stages["selingkar-wilis-ring-road"] == "planning"  # construction only from 2021
    assert stages["tol-klbm"] is None  # no report gives its stage before 2020: unknown, not today's
    unknown = next(row for row in report["counts"] if row["status"] is None)
    assert unknown["infrastructure"] == sum(1 for stage in stages.values() if stage is None)


def test_status_lists_slipped_targets_with_their_history():
    report = status_json("--as-of", "2026-11-29", data=BASE)
    assert report["slipped"] == [{
        "record": "tol-alpha", "section": None, "name": "Jalan Tol Alpha", "history": ["2027-06", "2027-12"],
        "target": "2027-12", "slip_months": 6, "stage": "construction", "owner": "kementerian-pupr",
    }]
    text = invoke("status", "--data", BASE, "--as-of", "2026-11-29").stdout
    assert "target June 2027 → December 2027, +6 months" in text
    assert "December 2027 (the project's)" in text  # a section without a target of its own
    sections = [row for row in report["infrastructure"] if row["section"]]
    assert [row["target_inherited"] for row in sections] == [True, True]
    indonesian = invoke("status", "--data", BASE, "--as-of", "2026-11-29", "--lang", "id").stdout
    assert "target Juni 2027 → Desember 2027, mundur 6 bulan" in indonesian


def test_show_a_project_in_sections_marks_the_whole_it_cannot_derive():
    result = invoke("show", "tol-probolinggo-banyuwangi", "--data", SAMPLE, "--as-of", "2026-11-29")
    assert result.exit_code == 0, result.stderr
    assert "Progress — (not derived: the sections cover less than 95% of the project's length)" in result.stdout
    assert "tol-probolinggo-banyuwangi/tahap-1 — Tahap I Gending–Besuki" in result.stdout
    assert "Progress 86.43% (reported August 2025)" in result.stdout


def test_show_a_derived_whole_and_one_section(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    # Without the project's own percentages, the sections' newer figures make the whole.
    replace_in(root / "infrastructure" / "tol-alpha.yaml", "    percent: 55\n", "")
    replace_in(root / "infrastructure" / "tol-alpha.yaml", "    percent: 40\n", "")
    result = invoke("show", "tol-alpha", "--data", root, "--as-of", "2026-11-29")
    # 5 km at 70% and 7.5 km at 40%: 52%, dated by the older input.
    assert "Progress ≈52% (derived from 2 sections, weighted by length; oldest input 30 September 2026)" in result.stdout
    listed = json.loads(invoke("list", "infrastructure", "--data", root, "--as-of", "2026-11-29", "-f", "json").stdout)
    assert (listed[0]["percent"], listed[0]["percent_derived"]) == (52, True)
    section = invoke("show", "tol-alpha/seksi-1", "--data", root, "--as-of", "2026-11-29")
    assert section.exit_code == 0 and "Progress 70% (reported 30 September 2026)" in section.stdout
    assert "stage construction; Progress 50%; Length (km) 5" in section.stdout
    unknown = invoke("show", "tol-alpha/seksi-9", "--data", root)
    assert unknown.exit_code == 2 and "`tol-alpha/seksi-1`" in unknown.stderr


@pytest.fixture
def bilingual(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    replace_in(root / "estates" / "ki-alpha.yaml", "name: Kawasan Industri Alpha",
               "name: {id: Kawasan Industri Alpha, en: Alpha Industrial Estate}")
    return root


def test_text_in_both_languages_shows_the_chosen_one_and_marks_a_fallback(bilingual):
    indonesian = invoke("show", "ki-alpha", "--data", bilingual, "--lang", "id", "--as-of", "2026-11-29")
    english = invoke("show", "ki-alpha", "--data", bilingual, "--lang", "en", "--as-of", "2026-11-29")
    assert indonesian.stdout.startswith("ki-alpha — Kawasan Industri Alpha\n")
    assert english.stdout.startswith("ki-alpha — Alpha Industrial Estate\n")
    # The issue title is given in Indonesian only: English shows it marked, with the legend once.
    project = invoke("show", "tol-alpha", "--data", bilingual, "--as-of", "2026-11-29").stdout
    assert "Pembebasan lahan seksi 2 belum selesai [ID]" in project
    assert project.count("[ID] not available in English; shown in Indonesian") == 1
    in_indonesian = invoke("show", "tol-alpha", "--data", bilingual, "--lang", "id", "--as-of", "2026-11-29").stdout
    assert "Pembebasan lahan seksi 2 belum selesai " in in_indonesian and "[ID]" not in in_indonesian
    assert "Seksi 1 dibuka untuk lalu lintas" in in_indonesian


def test_json_keeps_the_texts_shape_and_csv_the_chosen_language(bilingual):
    rows = {row["id"]: row for row in json.loads(invoke("list", "estates", "--data", bilingual, "-f", "json").stdout)}
    assert rows["ki-alpha"]["name"] == {"id": "Kawasan Industri Alpha", "en": "Alpha Industrial Estate"}
    assert rows["ki-beta"]["name"] == "Kawasan Industri Beta"
    same = [invoke("list", "issues", "--data", bilingual, "-f", "json", "--lang", lang).stdout for lang in ("en", "id")]
    assert same[0] == same[1]
    assert json.loads(same[0])[0]["title"] == {"id": "Pembebasan lahan seksi 2 belum selesai"}
    csv_text = invoke("list", "estates", "--data", bilingual, "-f", "csv", "--lang", "id").stdout
    assert "Kawasan Industri Alpha" in csv_text and "Alpha Industrial Estate" not in csv_text
    issues = invoke("list", "issues", "--data", bilingual, "-f", "csv").stdout
    assert "Pembebasan lahan seksi 2 belum selesai [ID]" in issues
    ordered = json.loads(invoke("list", "estates", "--data", bilingual, "-f", "json", "--sort", "name").stdout)
    assert [row["id"] for row in ordered] == ["ki-alpha", "ki-beta"]  # "Alpha Industrial Estate" < "Kawasan..."


@pytest.mark.parametrize("value, code, hint", [
    ("5", "wrong-type", "quote the value"),
    ("{fr: Zone industrielle}", "unknown-field", "id, en"),
    ("{}", "invalid-value", None),
])
def test_a_text_that_is_neither_shape_is_one_located_problem(tmp_path, value, code, hint):
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    replace_in(root / "estates" / "ki-alpha.yaml", "name: Kawasan Industri Alpha", f"name: {value}")
    result = invoke("check", "--data", root, "--as-of", "2026-11-29", "-f", "json")
    errors = [p for p in json.loads(result.stdout)["problems"] if p["level"] == "error"]
    assert [(p["line"], p["code"]) for p in errors] == [(2, code)]
    if hint:
        assert hint in (errors[0]["hint"] or "")


def test_list_marks_a_derived_value_and_says_so(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    replace_in(root / "infrastructure" / "tol-alpha.yaml", "    percent: 55\n", "")
    replace_in(root / "infrastructure" / "tol-alpha.yaml", "    percent: 40\n", "")
    text = invoke("list", "infrastructure", "--data", root, "--as-of", "2026-11-29", env={"COLUMNS": "250"}).stdout
    assert "≈52%" in text and "≈ derived from the sections, weighted by length; not reported" in text
    assert "Progress derived" not in text  # the flag is in the mark, not a column of its own
