"""Every problem code has a fixture: a small overlay on a clean data set that breaks one thing.

tests/fixtures/base/ is a valid data directory. Each tests/fixtures/<code>/ holds files that
replace or add to base's, and expected.yaml:

    # what the overlay breaks
    delete: [agencies.yaml]          # optional: base files removed before checking
    problems:                         # each must be reported at exactly this place
      - {file: estates/ki-alpha.yaml, line: 7, column: 5, code: unknown-field}

A fixture passes when every listed problem is reported, and no ERROR-level problem beyond the
listed ones is (warnings that follow from the breakage are allowed).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import invoke
from kitrack import checks
from kitrack.load.dataset import load
from kitrack.domain.codes import CODES, ERROR

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "base"
AS_OF = dt.date(2026, 11, 29)
EXPECTED = "expected.yaml"

# Not problem-code fixtures: hostile is tests/test_hostile.py's corpus, sample the realistic data set.
FIXTURE_NAMES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir() and p.name not in ("base", "hostile", "sample"))

# Fixtures that show a checker bug: the fixture states what should happen; the test is expected
# to fail until the checker is fixed (strict: a fix makes the xfail fail, so remove it here).
KNOWN_BUGS: dict[str, str] = {}

# A handful of fixtures also run through the command line.
CLI_FIXTURES = ["invalid-encoding", "missing-file", "unreadable-file", "unexpected-file", "yaml-tab", "stale"]


def _marked(names, bugs=KNOWN_BUGS):
    return [pytest.param(n, marks=pytest.mark.xfail(reason=bugs[n], strict=True)) if n in bugs else n for n in names]


def expected_of(name: str) -> dict:
    spec = yaml.safe_load((FIXTURES / name / EXPECTED).read_text(encoding="utf-8")) or {}
    spec.setdefault("delete", [])
    spec.setdefault("problems", [])
    return spec


def build(name: str | None, tmp_path: Path) -> Path:
    """base, with fixture `name`'s deletions and overlay applied, copied to tmp_path/data."""
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    if name is None:
        return root
    fixture = FIXTURES / name
    for rel in expected_of(name)["delete"]:
        target = root / rel
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    for path in sorted(fixture.rglob("*")):
        rel = path.relative_to(fixture)
        if rel == Path(EXPECTED):
            continue
        target = root / rel
        if path.is_dir():
            if target.is_file():  # a directory named like a file replaces the file
                target.unlink()
            target.mkdir(parents=True, exist_ok=True)
        else:
            if target.is_dir():
                shutil.rmtree(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    return root


def run_checks(root: Path) -> list[tuple[str, int, int, str, str]]:
    """(file relative to root, line, column, code, level) of every problem the library reports."""
    problems = checks.cap_per_file(checks.run(load(root), checks.Context(as_of=AS_OF)))  # as check lists them
    found = []
    for p in problems:
        rel = Path(p.file).resolve().relative_to(root.resolve()).as_posix()
        found.append((rel, p.line, p.column, p.code, p.level))
    return found


def _show(found) -> str:
    return "\n".join(f"  {f}:{line}:{col} {level} {code}" for f, line, col, code, level in found) or "  (none)"


@pytest.mark.parametrize("name", _marked(FIXTURE_NAMES))
def test_fixture(name: str, tmp_path: Path) -> None:
    spec = expected_of(name)
    assert spec["problems"], f"{name}/expected.yaml lists no problems"
    assert any(e["code"] == name for e in spec["problems"]), f"{name}/expected.yaml does not list a `{name}` problem"
    found = run_checks(build(name, tmp_path))
    positions = {(f, line, col, code) for f, line, col, code, _ in found}
    wanted = {(e["file"], e["line"], e["column"], e["code"]) for e in spec["problems"]}
    missing = wanted - positions
    assert not missing, f"not reported: {sorted(missing)}\nreported:\n{_show(found)}"
    unexpected = [p for p in found if p[4] == ERROR and p[:4] not in wanted]
    assert not unexpected, f"unexpected errors:\n{_show(unexpected)}"


def test_every_code_has_a_fixture() -> None:
    assert sorted(set(CODES) - set(FIXTURE_NAMES)) == [], "codes without a fixture"
    assert sorted(set(FIXTURE_NAMES) - set(CODES)) == [], "fixture folders that are not codes"
    for name in FIXTURE_NAMES:
        assert (FIXTURES / name / EXPECTED).is_file(), f"{name} has no {EXPECTED}"
        spec = expected_of(name)
        for problem in spec["problems"]:
            assert set(problem) == {"file", "line", "column", "code"}, f"{name}: {problem}"
            assert problem["code"] in CODES, f"{name}: unknown code {problem['code']}"


def test_base_is_clean(tmp_path: Path) -> None:
    assert run_checks(build(None, tmp_path)) == []


def _cli(root: Path, *extra: str):
    return invoke("check", root, "--format", "json", *extra, cwd=root.parent)


def test_cli_base_strict(tmp_path: Path) -> None:
    result = _cli(build(None, tmp_path), "--strict")
    assert result.exit_code == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", CLI_FIXTURES)
def test_cli(name: str, tmp_path: Path) -> None:
    root = build(name, tmp_path)
    has_error = any(CODES[e["code"]].level == ERROR for e in expected_of(name)["problems"])
    result = _cli(root)
    assert result.exit_code == (1 if has_error else 0), result.stdout + result.stderr
    reported = json.loads(result.stdout)
    reported = reported["problems"] if isinstance(reported, dict) else reported
    assert name in {p["code"] for p in reported}
    if not has_error:
        strict = _cli(root, "--strict")
        assert strict.exit_code == 1, strict.stdout + strict.stderr
