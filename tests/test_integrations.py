"""What other tools see: JSON Schema for editors and validators, SARIF for code scanning, the
pre-commit hook and the CI workflow in docs/ci.md."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, SAMPLE, invoke, replace_in
from kitrack.export import schemas
from kitrack.load.loader import SourceFile, parse

# --- JSON Schema ---------------------------------------------------------------------------------


def test_shipped_schemas_are_up_to_date(tmp_path):
    written = invoke("schema", "--output", tmp_path / "out")
    assert written.exit_code == 0, written.stderr
    generated = {path.name: path.read_text(encoding="utf-8") for path in (tmp_path / "out").iterdir()}
    shipped = {path.name: path.read_text(encoding="utf-8") for path in (REPO / "schemas").glob("*.json")}
    assert generated == shipped, "schemas/ is out of date with the models: run `kitrack schema --output schemas`"
    assert sorted(generated) == sorted(schemas.targets())
    assert written.stdout.splitlines() == [str(tmp_path / "out" / name) for name in schemas.targets()]


def test_schema_output_is_a_usage_error_when_not_writable(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = invoke("schema", "--output", blocker / "sub")
    assert result.exit_code == 2 and "cannot write" in result.stderr


def as_yaml11_tool(text: str):
    """YAML as yaml-language-server-like YAML 1.1 tools and check-jsonschema read it: dates as text."""

    def textual(value):
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: textual(v) for k, v in value.items()}
        if isinstance(value, list):
            return [textual(v) for v in value]
        return value

    return textual(yaml.safe_load(text))


def as_yaml12_tool(text: str):
    """YAML 1.2 core schema (check-jsonschema's ruamel, the YAML language server): `yes` is text."""
    source = SourceFile(Path("x.yaml"), "x.yaml", text=text)
    parse(source)
    return source.data


def validators():
    from jsonschema import Draft202012Validator

    out = {}
    for name, pattern in schemas.targets().items():
        schema = json.loads((REPO / "schemas" / name).read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        out[pattern] = Draft202012Validator(schema)
    return out


@pytest.mark.parametrize("read", [as_yaml11_tool, as_yaml12_tool])
def test_every_sample_file_validates_under_a_standard_validator(read):
    count = 0
    for pattern, validator in validators().items():
        for path in sorted(SAMPLE.glob(pattern)):
            errors = [e.message for e in validator.iter_errors(read(path.read_text(encoding="utf-8")))]
            assert errors == [], (path, errors)
            count += 1
    assert count == len(list(SAMPLE.glob("*.yaml"))) + len(list(SAMPLE.glob("*/*.yaml")))


MISTAKES = [
    ("estates/pier.yaml", "status: operating", "status: operational"),  # outside the enumeration
    ("estates/pier.yaml", "regency:", "regncy:"),  # unknown field (and the required one missing)
    ("estates/pier.yaml", "area_ha: 563", "area_ha: \"563\""),  # text where a number is meant
    ("estates/pier.yaml", "area_ha: 563", "area_ha: -563"),  # negative area
    ("estates/pier.yaml", "id: pier", "id: PIER_1"),  # not a slug
    ("estates/pier.yaml", "psn: false", "psn: \"false\""),  # text where a boolean is meant
    ("estates/jiipe.yaml", "  - date: 2023-11-13\n", "  - date: 13/11/2023\n"),  # not an ISO date
    ("estates/jiipe.yaml", "  - date: 2023-11-13\n", "  - date: 20231\n"),  # not a year
    ("estates/jiipe.yaml", "    tenants: 21", "    tenants: many"),  # text where a count is meant
    ("infrastructure/tol-klbm.yaml", "kind: toll-road", "kind: highway"),
    ("infrastructure/tol-klbm.yaml", "    status: open", "    status: closed"),
    ("infrastructure/tol-klbm.yaml", "serves: [jiipe, maspion-industrial-estate, kig]", "serves: jiipe"),
    ("regions.yaml", "regions:", "region:"),
    ("agencies.yaml", "    type: ministry", "    type: ministerial"),
]


@pytest.mark.parametrize("file, old, new", MISTAKES, ids=[f"{m[0]}:{m[2]}" for m in MISTAKES])
@pytest.mark.parametrize("read", [as_yaml11_tool, as_yaml12_tool])
def test_typical_mistakes_fail_under_a_standard_validator(file, old, new, read):
    text = (SAMPLE / file).read_text(encoding="utf-8")
    assert old in text
    pattern = next(p for p in schemas.targets().values() if Path(file).match(p))
    assert list(validators()[pattern].iter_errors(read(text.replace(old, new, 1))))


def test_yaml11_boolean_fails_for_a_yaml12_tool():
    text = (SAMPLE / "estates" / "pier.yaml").read_text(encoding="utf-8").replace("psn: false", "psn: no")
    assert list(validators()["estates/*.yaml"].iter_errors(as_yaml12_tool(text)))


def test_partial_dates_are_text_or_a_year():
    validator = validators()["infrastructure/*.yaml"]
    base = as_yaml12_tool((SAMPLE / "infrastructure" / "tol-klbm.yaml").read_text(encoding="utf-8"))
    def with_target(target):
        return {**base, "progress": [{**base["progress"][0], "target": target}]}

    for good in (2027, "2027", "2027-06", "2027-06-30"):
        assert not list(validator.iter_errors(with_target(good)))
    for bad in ("June 2027", "2027-6", 27, 2027.5, True):
        assert list(validator.iter_errors(with_target(bad))), bad


def test_readme_editor_settings_name_every_schema():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Editor set-up", 1)[1].split("\n## ", 1)[0]
    settings = json.loads(re.search(r"```json\n(.*?)```", section, re.S).group(1))
    mapping = settings["yaml.schemas"]
    assert {Path(k).name: v for k, v in mapping.items()} == {name: f"data/{glob}" for name, glob in schemas.targets().items()}
    assert "# yaml-language-server: $schema=../../schemas/estate.schema.json" in section


# --- SARIF ---------------------------------------------------------------------------------------


def sarif_schema() -> dict:
    candidates = [
        os.environ.get("KITRACK_SARIF_SCHEMA"),
        REPO.parent / "shared" / "reference" / "sarif-schema-2.1.0.json",
        REPO / "tests" / "fixtures" / "sarif-schema-2.1.0.json",  # a copy, for checkouts without shared/
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return json.loads(Path(candidate).read_text(encoding="utf-8"))
    if os.environ.get("CI"):
        pytest.fail("the OASIS SARIF 2.1.0 schema is missing: expected ../shared/reference/ or KITRACK_SARIF_SCHEMA")
    pytest.skip("the OASIS SARIF 2.1.0 schema is not beside the repository (set KITRACK_SARIF_SCHEMA)")


def test_sarif_is_valid_against_the_oasis_schema(data_copy):
    from jsonschema import Draft7Validator

    replace_in(data_copy / "estates" / "pier.yaml", "regency:", "regncy:")
    replace_in(data_copy / "estates" / "kig.yaml", "status: operating", "status: operational")
    result = invoke("check", "--format", "sarif", cwd=data_copy.parent)
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    errors = sorted(Draft7Validator(sarif_schema()).iter_errors(document), key=lambda e: list(e.path))
    assert errors == [], [e.message for e in errors[:5]]

    from kitrack.domain.codes import CODES

    (run,) = document["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(CODES)
    assert {rule["defaultConfiguration"]["level"] for rule in rules} == {"error", "warning"}
    unknown = next(r for r in run["results"] if r["ruleId"] == "unknown-field")
    assert rules[unknown["ruleIndex"]]["id"] == "unknown-field"
    location = unknown["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "data/estates/pier.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"]["startLine"] >= 1 and unknown["level"] == "error"
    assert "did you mean `regency`?" in unknown["message"]["text"]
    assert run["properties"]["summary"]["errors"] == sum(1 for r in run["results"] if r["level"] == "error")


def test_sarif_uris_are_percent_encoded_and_absolute_paths_are_file_uris():
    import io

    from kitrack.domain.problems import Place, Problem, Summary
    from kitrack.output.i18n import ENGLISH
    from kitrack.output.reporters import REPORTERS

    out = io.StringIO()
    problems = [
        Problem("yaml-syntax", Place("data/estates/a b#.yaml", 1, 1), {"detail": "x"}),
        Problem("stale", Place("/tmp/x.yaml", 2, 3), {"days": 365, "as_of": "2026-11-29", "latest": "2025"}),
    ]
    REPORTERS["sarif"](problems, Summary(2, 0, 1, 1), out, ENGLISH)
    results = json.loads(out.getvalue())["runs"][0]["results"]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "data/estates/a%20b%23.yaml"
    assert results[1]["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "file:///tmp/x.yaml"}


# --- pre-commit hook -----------------------------------------------------------------------------


def hooks() -> list[dict]:
    return yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_hook_definition_checks_the_whole_data_directory():
    scripts = (REPO / "pyproject.toml").read_text(encoding="utf-8").split("[project.scripts]", 1)[1]
    definitions = hooks()
    assert [hook["id"] for hook in definitions] == ["kitrack-check", "kitrack-check-strict"]
    for hook in definitions:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"  # pre-commit installs this repository with pip
        assert hook["pass_filenames"] is False  # cross-record checks need the whole data set
        assert shlex.split(hook["entry"])[:2] == ["kitrack", "check"] and 'kitrack = "kitrack.cli:main"' in scripts
        files = re.compile(hook["files"])
        assert files.search("data/estates/jiipe.yaml") and files.search("data/regions.yml")
        assert not files.search("README.md") and not files.search("data/notes.txt")


def run_hook(hook: dict, cwd: Path, filenames: list[str]):
    """What pre-commit runs: entry + args, plus file names only if pass_filenames."""
    argv = shlex.split(hook["entry"])[1:] + list(hook.get("args", []))
    if hook.get("pass_filenames", True):
        argv += filenames
    return invoke(*argv, cwd=cwd)


def test_hook_fails_on_a_broken_reference_in_a_file_not_passed(data_copy):
    hook = hooks()[0]
    assert run_hook(hook, data_copy.parent, ["data/estates/pier.yaml"]).exit_code == 0
    (data_copy / "estates" / "kig.yaml").unlink()  # an unchanged project still serves it
    result = run_hook(hook, data_copy.parent, ["data/estates/pier.yaml"])
    assert result.exit_code == 1 and "unknown-estate" in result.stdout and "tol-klbm.yaml" in result.stdout
    assert run_hook(hooks()[1], data_copy.parent, []).exit_code == 1


# --- the CI workflow in docs/ci.md ---------------------------------------------------------------


def workflow() -> dict:
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    return yaml.safe_load(re.search(r"```yaml\n(.*?)```", text, re.S).group(1))


def test_ci_workflow_runs_check_uploads_sarif_and_posts_the_diff():
    document = workflow()
    steps = [step for job in document["jobs"].values() for step in job["steps"]]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "kitrack check --format github" in runs
    assert "kitrack check --format sarif" in runs
    assert re.search(r"kitrack diff origin/(main|\$\{\{ github\.base_ref \}\}) --format md >> \"\$GITHUB_STEP_SUMMARY\"", runs)
    upload = next(step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == "kitrack.sarif"
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # origin/main must exist for the diff
    permissions = next(iter(document["jobs"].values())).get("permissions") or document.get("permissions")
    assert permissions["security-events"] == "write"


def test_ci_workflow_commands_work(tmp_path):
    """Every kitrack command line of the workflow runs against a clone whose origin is the data repository."""
    origin = tmp_path / "origin"
    import shutil

    shutil.copytree(SAMPLE, origin / "data")
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=origin, check=True)
    subprocess.run([*git, "add", "-A"], cwd=origin, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "data"], cwd=origin, check=True)
    subprocess.run(["git", "clone", "-q", str(origin), str(tmp_path / "clone")], check=True)
    clone = tmp_path / "clone"
    replace_in(clone / "data" / "estates" / "pier.yaml", "status: operating", "status: construction")
    steps = [step for job in workflow()["jobs"].values() for step in job["steps"]]
    lines = [line for step in steps for line in step.get("run", "").splitlines() if line.strip().startswith("kitrack ")]
    assert len(lines) >= 3
    summary = tmp_path / "summary.md"
    for line in lines:
        line = line.replace("${{ github.base_ref }}", "main")
        result = subprocess.run(
            line, shell=True, cwd=clone, capture_output=True, text=True, executable="/bin/bash",
            env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"},
        )
        assert result.returncode in (0, 1) and "Traceback" not in result.stderr, (line, result.stderr)
    assert "**pier**: status operating → construction" in summary.read_text(encoding="utf-8")
    assert json.loads((clone / "kitrack.sarif").read_text())["version"] == "2.1.0"
