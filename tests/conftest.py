"""Shared test helpers.

Code tests run on fixture data with a fixed date, never on the shipped `data/` or on today:
- tests/fixtures/sample/ is a frozen copy of data/ as it stood on 2026-11-29, plus one made-up
  meeting (see tests/fixtures/README.md). Edits to data/ do not reach it; do not "update" it to
  follow data/ (golden files and counts in the tests are taken from it).
- every invocation passes `--as-of 2026-11-29` (AS_OF) unless a test is about the default date.
Only tests/test_shipped_data.py and tests/test_readme.py (the README examples, which are about the shipped data) read data/.

Most tests run the command line in this process (`invoke`, Typer's CliRunner on kitrack.cli.app);
`run_kitrack` starts a real process, for the few tests where the process matters.
"""

from __future__ import annotations

import difflib
import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple, Optional

import pytest
from typer.testing import CliRunner

from kitrack.cli import app

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
SAMPLE = FIXTURES / "sample"
GOLDEN = REPO / "tests" / "golden"
AS_OF = "2026-11-29"

# Settings the host may have that would change kitrack's output: the language and the limits.
_HOST_SETTINGS = ("LANG", "LC_ALL", "LC_MESSAGES")


def _clean_environment(env: Optional[dict]) -> dict:
    """Overrides for os.environ: no KITRACK_* or locale of the host, then the test's own."""
    cleared = {name: None for name in os.environ if name.startswith("KITRACK_") or name in _HOST_SETTINGS}
    return {**cleared, "NO_COLOR": "1", **(env or {})}


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the sample data set, to break."""
    target = tmp_path / "data"
    shutil.copytree(SAMPLE, target)
    return target


# --- in-process runs ---------------------------------------------------------------------------


class Run(NamedTuple):
    exit_code: int
    stdout: str
    stderr: str


def invoke(*args: str, env: Optional[dict] = None, cwd: Optional[Path] = None, as_of: Optional[str] = AS_OF) -> Run:
    """`kitrack ARGS` in this process: exit code, stdout and stderr, each on its own.

    `--as-of AS_OF` goes before the command (a global option), so a test's own `--as-of` after the
    command wins; `as_of=None` leaves it out, for tests about the default date and for `schema`,
    which has no global options. An exception that escapes the command fails the test with its
    traceback: the real entry point would turn it into exit 70 ("internal error")."""
    argv = (["--as-of", as_of] if as_of is not None else []) + [str(a) for a in args]
    previous = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, argv, env=_clean_environment(env), catch_exceptions=False)
    finally:
        os.chdir(previous)
        reset_process_state()
    return Run(result.exit_code, result.stdout, result.stderr)


def reset_process_state() -> None:
    """Undo what a command leaves behind in the process. The language and the limits are values
    now, scoped to one run; what remains is the command line's gc.freeze() after loading (the
    process is the command's to tune), which would otherwise pile frozen objects up run after run."""
    gc.unfreeze()


@pytest.fixture(autouse=True)
def _fresh_process_state():
    """Library tests (and tests that call CliRunner themselves) start from the defaults too."""
    yield
    reset_process_state()


# --- real processes ----------------------------------------------------------------------------


def run_kitrack(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real entry point, as a whole process (`python -m kitrack`)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KITRACK_") and k not in _HOST_SETTINGS}
    environment.update({"NO_COLOR": "1", **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "kitrack", *args],
        cwd=cwd or REPO, env=environment, capture_output=True, text=True, timeout=120,
    )


# --- data edits and golden files ---------------------------------------------------------------


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="Rewrite tests/golden/*.txt from the current output.")


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """golden(name, text): `text` must equal tests/golden/<name>.txt exactly; with
    `pytest --update-goldens` the file is rewritten instead."""
    update = request.config.getoption("--update-goldens")

    def compare(name: str, text: str) -> None:
        path = GOLDEN / f"{name}.txt"
        if update:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")
            return
        assert path.is_file(), f"{path.relative_to(REPO)} is missing: run `pytest --update-goldens` and review it"
        with open(path, encoding="utf-8", newline="") as handle:  # exactly: no newline translation
            expected = handle.read()
        if text != expected:
            diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True), f"golden/{name}.txt", "output"))
            pytest.fail(f"output differs from golden/{name}.txt (`pytest --update-goldens` rewrites it; review the diff):\n{diff}", pytrace=False)

    return compare
