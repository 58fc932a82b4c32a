"""Exact output: every command and format on the sample data as of 2026-11-29, compared with
tests/golden/<name>.txt. A change in output fails here; if the change is meant, rewrite the files
with `pytest --update-goldens` and review `git diff tests/golden` like any other change.

Runs are in-process with cwd = a copy of the sample in tmp_path, named `data`, so every path in the
output is the relative `data/...` whatever the machine. Output that is not a terminal is the plain
format; `test_rich_table_on_an_80_column_terminal` runs one command on a pseudo-terminal.
"""

from __future__ import annotations

import os
import pty
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import AS_OF, GOLDEN, SAMPLE, invoke, replace_in
from kitrack import __version__


def _copy_sample(parent: Path) -> Path:
    shutil.copytree(SAMPLE, parent / "data")
    return parent


@pytest.fixture(scope="module")
def sample_cwd(tmp_path_factory) -> Path:
    """A folder holding `data`, a copy of the sample: the default data directory there."""
    return _copy_sample(tmp_path_factory.mktemp("golden"))


@pytest.fixture(scope="module")
def broken_cwd(tmp_path_factory) -> Path:
    """The sample with one mistake of each common kind, as a person editing YAML makes them."""
    cwd = _copy_sample(tmp_path_factory.mktemp("broken"))
    estates = cwd / "data" / "estates"
    replace_in(estates / "pier.yaml", "psn: false", "psn: no")  # YAML 1.1 boolean
    replace_in(estates / "kig.yaml", "region: gerbangkertosusila", "region: gerbangkertosusilo")  # a typo in a reference
    replace_in(estates / "sirie.yaml", "regency:", "regncy:")  # a typo in a field name
    replace_in(estates / "ki-ngawi.yaml", "status:", "status: planning\nstatus:")  # a key twice
    replace_in(estates / "ki-nganjuk.yaml", "\nname:", "\n\tname:")  # a tab
    replace_in(estates / "sier-rungkut.yaml", "    occupancy_percent: 100", "    occupancy_percent: 112")  # out of range
    replace_in(estates / "jiipe.yaml", "status: operating", "status: operational")  # not a status
    replace_in(cwd / "data" / "infrastructure" / "tol-klbm.yaml", "owner: kementerian-pupr", "owner: pupr")  # unknown agency
    return cwd


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=repo, check=True, capture_output=True,
    )


@pytest.fixture(scope="module")
def diff_repo(tmp_path_factory) -> Path:
    """A git repository with two commits: the sample, then one edit of each kind `diff` names."""
    repo = _copy_sample(tmp_path_factory.mktemp("diff"))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "sample")
    data = repo / "data"
    replace_in(data / "estates" / "jiipe.yaml", "    tenants: 21\n", "    tenants: 25\n")  # a figure edited
    klbm = data / "infrastructure" / "tol-klbm.yaml"
    replace_in(klbm, "milestones:\n", "  - date: 2026-10-15\n    source: suarasurabaya-2020-11\n    percent: 82\nmilestones:\n")  # a new report
    replace_in(klbm, "    status: open\n", "    status: resolved\n    resolved: 2026-10\n")  # an issue resolved
    replace_in(klbm, "    due: 2022\n", "    due: 2022\n    done: 2026-11\n")  # a milestone done
    replace_in(data / "regions.yaml", "{id: kab-gresik, name: Kabupaten Gresik}", "{id: kab-gresik, name: Kab. Gresik}")
    (data / "estates" / "ki-baru.yaml").write_text(
        "id: ki-baru\nname: Kawasan Industri Baru\npsn: false\nregion: gerbangkertosusila\nregency: kab-gresik\n"
        "sources:\n  - id: rakor-2026-11\n    url: https://example.org/rakor-2026-11\n"
        "progress:\n  - date: 2026-11-20\n    source: rakor-2026-11\n    status: planning\n    area_ha: 120\n",
        encoding="utf-8",
    )  # a record added
    (data / "estates" / "safe-n-lock.yaml").unlink()  # a record removed
    replace_in(data / "estates" / "ki-ngawi.yaml", "    status: preparation\n", "    status: [preparation\n")  # a file that no longer parses
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "edits")
    return repo


def output(*args: str, cwd: Path, code: int = 0) -> str:
    result = invoke(*args, cwd=cwd)
    assert (result.exit_code, result.stderr) == (code, ""), result.stderr
    return result.stdout


# --- status, list, show on the sample -----------------------------------------------------------


STATUS = [(fmt, lang) for fmt in ("table", "md", "json") for lang in ("en", "id")]
LIST = [(what, fmt) for what in ("estates", "infrastructure", "issues", "regions", "agencies") for fmt in ("table", "csv", "json")]


@pytest.mark.parametrize("fmt, lang", STATUS)
def test_status(sample_cwd, golden, fmt, lang):
    golden(f"status-{fmt}-{lang}", output("status", "--format", fmt, "--lang", lang, cwd=sample_cwd))


def test_status_json_does_not_depend_on_the_language():
    assert (GOLDEN / "status-json-en.txt").read_bytes() == (GOLDEN / "status-json-id.txt").read_bytes()


@pytest.mark.parametrize("what, fmt", LIST)
def test_list(sample_cwd, golden, what, fmt):
    golden(f"list-{what}-{fmt}", output("list", what, "--format", fmt, cwd=sample_cwd))


SHOWN = {
    "estate": "pier",  # reports with changes, sources, an issue, records that serve it
    "project": "selingkar-wilis-ring-road",  # milestones overdue, open issues
    "region": "selingkar-wilis",
    "agency": "kementerian-pupr",  # what it owns and must act on
    "meeting": "2026-10-27-rakor-ki",  # decisions overdue, done and open
}


@pytest.mark.parametrize("kind", sorted(SHOWN))
def test_show(sample_cwd, golden, kind):
    golden(f"show-{kind}", output("show", SHOWN[kind], cwd=sample_cwd))


def test_show_in_indonesian(sample_cwd, golden):
    golden("show-estate-id", output("show", SHOWN["estate"], "--lang", "id", cwd=sample_cwd))


# --- check on data with problems ------------------------------------------------------------------


CHECK = [("text", "en"), ("text", "id"), ("json", "en"), ("json", "id"), ("github", "en"), ("sarif", "en")]


@pytest.mark.parametrize("fmt, lang", CHECK)
def test_check(broken_cwd, golden, fmt, lang):
    text = output("check", "--format", fmt, "--lang", lang, cwd=broken_cwd, code=1)
    golden(f"check-{fmt}-{lang}", text.replace(f'"{__version__}"', '"<version>"'))  # SARIF names the tool's version


# --- diff between two commits ----------------------------------------------------------------------


DIFF = [("text", "en"), ("text", "id"), ("md", "en"), ("json", "en")]


@pytest.mark.parametrize("fmt, lang", DIFF)
def test_diff(diff_repo, golden, fmt, lang):
    golden(f"diff-{fmt}-{lang}", output("diff", "HEAD~1", "HEAD", "--format", fmt, "--lang", lang, cwd=diff_repo))


# --- the meeting cycle: since the last meeting, open decisions, the next agenda --------------------


@pytest.mark.parametrize("lang", ["en", "id"])
def test_status_since_a_date(sample_cwd, golden, lang):
    """New reports, figures that moved and issues raised since a date, in sentences."""
    golden(f"status-since-md-{lang}", output("status", "--since", "2024-01-01", "--format", "md", "--lang", lang,
                                              cwd=sample_cwd))


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_status_since_a_revision(diff_repo, golden, fmt):
    """Against a revision: a record added, a report with a figure from → to, a milestone done, an issue resolved."""
    golden(f"status-revision-{fmt}-en", output("status", "--since", "HEAD~1", "--format", fmt, cwd=diff_repo))


AGENDA = [("md", "en"), ("md", "id"), ("json", "en")]


@pytest.mark.parametrize("fmt, lang", AGENDA)
def test_agenda(sample_cwd, golden, fmt, lang):
    golden(f"agenda-{fmt}-{lang}", output("agenda", "--meeting", "2026-12-10", "--format", fmt, "--lang", lang,
                                          cwd=sample_cwd))


# --- the Rich table, on a terminal -----------------------------------------------------------------


def on_terminal(*args: str, cwd: Path, columns: int = 80) -> str:
    """kitrack's output on a pseudo-terminal `columns` wide. TERM=dumb: Rich lays the table out for
    the terminal but writes no colour or style codes, so the golden file is plain text."""
    import fcntl
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KITRACK_", "NO_COLOR", "LC_", "LANG"))}
    process = subprocess.Popen(
        [sys.executable, "-m", "kitrack", *args], stdout=slave, stderr=subprocess.PIPE, cwd=cwd,
        env={**env, "COLUMNS": str(columns), "TERM": "dumb"},
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 0, stderr
    os.close(master)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_rich_table_on_an_80_column_terminal(sample_cwd, golden):
    text = on_terminal("list", "regions", "--as-of", AS_OF, cwd=sample_cwd)
    assert "\x1b" not in text and max(len(line) for line in text.splitlines()) <= 80
    golden("list-regions-terminal-80", text)


def test_report_html(sample_cwd, golden):
    """The brief's page, its words and tables exactly; each picture's SVG stands as `<svg/>` (its bytes
    depend on matplotlib's version; tests/test_report_browser.py looks at the pictures)."""
    result = invoke("report", "--output", "-", cwd=sample_cwd)
    assert result.exit_code == 0, result.stderr
    golden("report-html-en", re.sub(r"<svg .*?</svg>", "<svg/>", result.stdout, flags=re.DOTALL))


def test_every_golden_file_belongs_to_a_test():
    """A renamed or removed case must not leave its old golden file behind, unchecked."""
    names = {f"status-{fmt}-{lang}" for fmt, lang in STATUS} | {f"list-{what}-{fmt}" for what, fmt in LIST}
    names |= {f"show-{kind}" for kind in SHOWN} | {"show-estate-id", "list-regions-terminal-80", "report-html-en"}
    names |= {f"status-terminal-80-{lang}" for lang in ("en", "id")}
    names |= {f"check-{fmt}-{lang}" for fmt, lang in CHECK} | {f"diff-{fmt}-{lang}" for fmt, lang in DIFF}
    names |= {"status-since-md-en", "status-since-md-id", "status-revision-md-en", "status-revision-json-en"}
    names |= {f"agenda-{fmt}-{lang}" for fmt, lang in AGENDA}
    names |= {"edit-log-dry-run", "edit-session-git-diff"}  # tests/test_edit.py
    assert sorted(path.stem for path in GOLDEN.glob("*.txt")) == sorted(names)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_status_on_an_80_column_terminal(sample_cwd, golden, lang):
    """The full board fits 80 columns: columns dropped by priority, names cut with an ellipsis, and
    no number, date or header split across lines (the golden file shows each whole)."""
    text = on_terminal("status", "--full", "--lang", lang, "--as-of", AS_OF, cwd=sample_cwd)
    assert max(len(line.rstrip()) for line in text.splitlines()) <= 80
    golden(f"status-terminal-80-{lang}", text)
