"""`kitrack check` through the command line (in-process): exit codes, formats, and the issue's breakages."""

import json

import pytest

from conftest import REPO, SAMPLE, invoke, replace_in


def check_json(data, *extra):
    result = invoke("check", data, "--format", "json", *extra)
    return result, json.loads(result.stdout)


def test_sample_checks_clean():
    result = invoke("check", SAMPLE)
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines()[-1] == "! 70 records in 33 files: 0 errors, 36 warnings"


def test_every_breakage_is_named_by_file_line_column_and_code(data_copy):
    estates = data_copy / "estates"
    replace_in(estates / "pier.yaml", "psn: false", "psn: yes")
    replace_in(estates / "kig.yaml", "region: gerbangkertosusila", "region: gerbangkertosusilo")
    replace_in(estates / "sirie.yaml", "regency:", "regncy:")
    replace_in(estates / "ki-ngawi.yaml", "    status:", "    status: planning\n    status:")
    (estates / "ki-madiun.yaml").write_bytes((estates / "ki-madiun.yaml").read_bytes() + b"notes: caf\xe9\n")
    replace_in(estates / "ki-nganjuk.yaml", "\nname:", "\n\tname:")
    (estates / "ki-wongsorejo.yaml").write_text("")
    replace_in(estates / "jiipe.yaml", "sources:", "junk: &anchor 1\nsources:")
    replace_in(estates / "sier-rungkut.yaml", "    occupancy_percent: 100", "    occupancy_percent: 112")
    replace_in(estates / "safe-n-lock.yaml", "    area_ha: 307", "    area_ha: 307\n    occupied_ha: 400")

    result, report = check_json(data_copy)
    assert result.exit_code == 1
    found = {(p["file"].split("data/")[-1], p["code"]) for p in report["problems"]}
    for expected in [
        ("estates/pier.yaml", "yaml11-boolean"),
        ("estates/kig.yaml", "unknown-region"),
        ("estates/sirie.yaml", "unknown-field"),
        ("estates/ki-ngawi.yaml", "duplicate-key"),
        ("estates/ki-madiun.yaml", "invalid-encoding"),
        ("estates/ki-nganjuk.yaml", "yaml-tab"),
        ("estates/ki-wongsorejo.yaml", "empty-file"),
        ("estates/jiipe.yaml", "yaml-alias"),
        ("estates/sier-rungkut.yaml", "percent-range"),
        ("estates/safe-n-lock.yaml", "occupied-exceeds-area"),
    ]:
        assert expected in found, expected
    for problem in report["problems"]:
        assert problem["line"] >= 1 and problem["column"] >= 1
    unknown = next(p for p in report["problems"] if p["code"] == "unknown-field" and "sirie" in p["file"])
    assert unknown["hint"] == "did you mean `regency`?"
    # A broken file is not reported again as an unknown reference elsewhere.
    assert not any(p["code"] == "unknown-estate" and "ki-nganjuk" in p["message"] for p in report["problems"])


def test_json_shape(data_copy):
    replace_in(data_copy / "estates" / "pier.yaml", "status: operating", "status: operational")
    result, report = check_json(data_copy)
    assert set(report) == {"problems", "summary"}
    assert set(report["summary"]) == {"files", "records", "errors", "warnings"}
    problem = next(p for p in report["problems"] if p["code"] == "invalid-choice")
    assert set(problem) == {"file", "line", "column", "level", "code", "message", "path", "hint", "params"}
    assert problem["path"] == "progress[0].status" and problem["level"] == "error"
    assert "planning, preparation, transaction, construction, partially-operating, operating" in problem["message"]
    assert problem["hint"] == "did you mean `operating`?"
    assert problem["params"] == {"value": "operational", "allowed": "planning, preparation, transaction, construction, partially-operating, operating"}


def test_json_params_are_the_same_in_every_language(data_copy):
    """Scripts read `code` and `params`; only `message` and `hint` are words in the chosen language."""
    replace_in(data_copy / "estates" / "pier.yaml", "area_ha: 563", "area_ha: 1,000")
    _, english = check_json(data_copy, "--lang", "en")
    _, indonesian = check_json(data_copy, "--lang", "id")
    wrong = [next(p for p in report["problems"] if p["code"] == "wrong-type") for report in (english, indonesian)]
    assert wrong[0]["params"] == wrong[1]["params"] == {"expected": {"term": "p.number"}, "found": {"term": "p.the_text", "value": "1,000"}}
    assert wrong[0]["message"] == "expected a number, found text `1,000`"
    assert wrong[1]["message"] == "seharusnya angka, ternyata teks `1,000`"
    assert [p["params"] for p in english["problems"]] == [p["params"] for p in indonesian["problems"]]


def test_problems_are_sorted_by_file_and_line(data_copy):
    replace_in(data_copy / "estates" / "pier.yaml", "psn: false", "psn: no")
    _, report = check_json(data_copy)
    keys = [(p["file"], p["line"], p["column"]) for p in report["problems"]]
    assert keys == sorted(keys)


def test_github_format_escapes_and_uses_relative_paths(data_copy):
    replace_in(data_copy / "estates" / "pier.yaml", "name: PIER", "nme: PIER")
    result = invoke("check", "--format", "github", cwd=data_copy.parent)
    assert result.exit_code == 1
    line = next(l for l in result.stdout.splitlines() if "title=unknown-field" in l)
    assert line.startswith("::error file=data/estates/pier.yaml,line=")
    assert "did you mean `name`?" in line
    warning = next(l for l in result.stdout.splitlines() if l.startswith("::warning"))
    assert ",col=" in warning


def test_github_escaping_of_special_characters():
    from kitrack.domain.problems import Place, Problem, Summary
    from kitrack.output.i18n import ENGLISH
    from kitrack.output.reporters import github
    import io

    out = io.StringIO()
    github([Problem("yaml-syntax", Place("a,b:c.yaml", 1, 2), {"detail": "50% bad\nnext\rline"})], Summary(1, 0, 1, 0), out, ENGLISH)
    first = out.getvalue().splitlines()[0]
    # line breaks shown, as on a terminal
    assert first == "::error file=a%2Cb%3Ac.yaml,line=1,col=2,title=yaml-syntax::YAML syntax error: 50%25 bad\\nnext\\rline (check quotes, brackets and indentation around this place)"


def test_strict_makes_warnings_fail():
    assert invoke("check", SAMPLE, "--strict").exit_code == 1
    assert invoke("check", SAMPLE).exit_code == 0


def test_paths_narrow_the_report_but_not_the_checks(data_copy):
    replace_in(data_copy / "estates" / "pier.yaml", "operator: pt-sier", "operator: pt-sierr")
    replace_in(data_copy / "infrastructure" / "tol-klbm.yaml", "owner: kementerian-pupr", "owner: pupr")
    _, only_estate = check_json(data_copy / "estates" / "pier.yaml", "--data", str(data_copy))
    assert {p["code"] for p in only_estate["problems"]} >= {"unknown-agency"}
    assert all(p["file"].endswith("estates/pier.yaml") for p in only_estate["problems"])
    # Without --data, the data directory is found above the PATH.
    _, folder = check_json(data_copy / "infrastructure")
    assert all("/infrastructure/" in p["file"] for p in folder["problems"])
    assert any(p["code"] == "unknown-agency" for p in folder["problems"])


def test_deleted_agency_is_reported_where_it_is_referenced(data_copy):
    replace_in(data_copy / "agencies.yaml", "  - id: pt-sier\n", "  - id: pt-sier-persero\n")
    _, report = check_json(data_copy)
    assert any(p["code"] == "unknown-agency" and p["file"].endswith("pier.yaml") and p["hint"] for p in report["problems"])


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "--data", "/nonexistent/kitrack"], "does not exist"),
        (["check", "/nonexistent/file.yaml"], "does not exist"),
        (["check", SAMPLE, "--as-of", "2026-02-30"], "2026-02-30"),
        (["check", "--format", "xml"], "xml"),
        (["--data", "pyproject.toml", "check"], "not a directory"),
    ],
)
def test_usage_errors_exit_2_without_traceback(args, message):
    result = invoke(*args, cwd=REPO)
    assert result.exit_code == 2, result
    assert message in result.stderr


def test_path_outside_the_data_directory_is_a_usage_error():
    result = invoke("check", REPO / "pyproject.toml", "--data", SAMPLE)
    assert result.exit_code == 2 and "not inside the data directory" in result.stderr


def test_env_var_sets_the_data_directory(tmp_path):
    result = invoke("check", cwd=tmp_path, env={"KITRACK_DATA": str(SAMPLE)})
    assert result.exit_code == 0


def test_text_output_groups_by_file_and_ends_with_a_summary(data_copy):
    replace_in(data_copy / "estates" / "pier.yaml", "psn: false", "psn: yes")
    result = invoke("check", data_copy)
    lines = result.stdout.splitlines()
    assert any(line.endswith("estates/pier.yaml") for line in lines)
    assert "yaml11-boolean" in result.stdout and "\x1b[" not in result.stdout
    assert lines[-1].startswith("✗") and "1 error" in lines[-1]


def test_messages_say_what_is_wrong_in_plain_words(data_copy):
    pier = data_copy / "estates" / "pier.yaml"
    replace_in(pier, "area_ha: 563", "area_ha: 1,000")
    replace_in(data_copy / "infrastructure" / "tol-klbm.yaml", "owner: kementerian-pupr", "owner: pupr")
    _, report = check_json(data_copy)
    wrong = next(p for p in report["problems"] if p["code"] == "wrong-type")
    assert wrong["message"] == "expected a number, found text `1,000`" and "thousands separators" in wrong["hint"]
    agency = next(p for p in report["problems"] if p["code"] == "unknown-agency")
    assert agency["hint"] == "did you mean `kementerian-pupr` (PUPR)?"


def test_a_v1_record_is_told_exactly_what_to_write(tmp_path):
    """Old-style data: each v1 shape gives a located error whose hint is the line to write."""
    import shutil

    root = tmp_path / "data"
    shutil.copytree(REPO / "tests" / "fixtures" / "base", root)
    replace_in(root / "estates" / "ki-alpha.yaml", "sectors:", "area_ha: 120\nsectors:")
    replace_in(root / "infrastructure" / "tol-alpha.yaml", "regions: [gerbangkertosusila, bromo-tengger-semeru]",
               "region: gerbangkertosusila")
    result, report = check_json(root, "--as-of", "2026-11-29")
    hints = {(p["code"], p["line"]): p["hint"] for p in report["problems"] if p["level"] == "error"}
    assert hints == {
        ("moved-to-report", 9): "move it into `progress`: `- {date: <date the source gives it for>, "
                                "source: <source id>, area_ha: 120}`",
        ("renamed-field", 6): "write `regions: [gerbangkertosusila]`",
    }
