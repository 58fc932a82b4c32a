"""Data is never damaged, output from data is inert, and concurrent runs agree.

- No read command opens a data file for writing, and every command with every format leaves the data
  directory's bytes and modes as they were.
- Names that carry Rich markup, ANSI escapes, HTML or formulas come out literally: on a terminal,
  in Markdown, in GitHub annotations, in CSV and XLSX.
- Several `check` and `export` processes at once (as pre-commit runs them) give the same results and
  leave no temporary files behind.
"""

from __future__ import annotations

import builtins
import io
import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import invoke
from test_fixtures import BASE

from kitrack.cli import app

EVIL = "\x1b[31mRED\x1b]8;;http://x\x07 [red]x[/red] <b>bold</b> =HYPERLINK(\"http://x\") | `c` *e*"
AS_OF = "2026-11-29"


def evil_data(tmp_path: Path) -> Path:
    """The base fixture with hostile names, a broken file, and a link out of the data directory."""
    root = tmp_path / "repo" / "data"
    shutil.copytree(BASE, root)
    quoted = json.dumps(EVIL)  # a JSON string is a YAML double-quoted scalar
    for path in root.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = text.replace("name: Kawasan Industri Alpha", f"name: {quoted}").replace("sectors: [logistics, chemicals]", f"sectors: [{quoted}, chemicals]")
        path.write_text(text, encoding="utf-8")
    (root / "estates" / "ki-broken.yaml").write_text("id: ki-broken\nname: no\npsn: yes\narea_ha: 010\n")
    (root / "estates" / "ki-link.yaml").symlink_to("/etc/hostname")
    (root / "estates" / "ki-alpha.yaml").chmod(0o640)
    return root


def snapshot(root: Path) -> dict:
    state = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            info = path.lstat()
            content = os.readlink(path) if path.is_symlink() else (path.read_bytes() if path.is_file() else None)
            state[path.relative_to(root).as_posix()] = (info.st_mode, info.st_mtime_ns, content)
    state["."] = (root.lstat().st_mode, root.lstat().st_mtime_ns, None)
    return state


WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def commands(out: Path) -> list[list[str]]:
    runs = [["check", "-f", f] for f in ("text", "json", "github", "sarif")]
    runs += [["status", "-f", f] for f in ("table", "md", "json")]
    runs += [["list", what, "-f", f] for what in ("estates", "infrastructure", "issues", "regions", "agencies") for f in ("table", "csv", "tsv", "json")]
    runs += [["show", i] for i in ("ki-alpha", "tol-alpha", "gerbangkertosusila", "2026-11-01-rakor", "nothing")]
    runs += [["diff", "-f", f] for f in ("text", "md", "json")]
    runs += [["export", "-f", f, "-o", str(out / f"export.{f}")] for f in ("csv", "xlsx", "json", "geojson", "sqlite")]
    runs += [["export", "-f", "csv", "--excel", "-o", str(out / "excel")], ["schema", "-o", str(out / "schemas")]]
    return runs


def test_no_command_damages_the_data(tmp_path: Path, monkeypatch):
    root = evil_data(tmp_path)
    subprocess.run(["git", "init", "-q"], cwd=root.parent, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "add", "-A"], cwd=root.parent, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "data"], cwd=root.parent, check=True)
    (root / "estates" / "ki-beta.yaml").write_text((root / "estates" / "ki-beta.yaml").read_text() + "notes: changed\n")
    out = tmp_path / "out"
    out.mkdir()
    before = snapshot(root)
    data_dir = str(root.resolve())
    writes: list[str] = []

    def inside(file) -> bool:
        try:
            return os.path.realpath(os.fspath(file)).startswith(data_dir) if not isinstance(file, int) else False
        except TypeError:
            return False

    real_os_open, real_open = os.open, builtins.open

    def guarded_os_open(file, flags, *args, **kwargs):
        if flags & WRITE_FLAGS and inside(file):
            writes.append(f"os.open({file}, {flags:o})")
        return real_os_open(file, flags, *args, **kwargs)

    def guarded_open(file, mode="r", *args, **kwargs):
        if any(ch in mode for ch in "wax+") and inside(file):
            writes.append(f"open({file}, {mode})")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_os_open)
    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.chdir(root.parent)
    monkeypatch.setenv("KITRACK_JOBS", "1")
    runner = CliRunner()
    for args in commands(out):
        result = runner.invoke(app, [*args, "--data", str(root), *(["--as-of", AS_OF] if args[0] not in ("diff", "schema") else [])] if args[0] != "schema" else args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert result.exit_code in (0, 1, 2), (args, result.output)
    assert writes == []
    assert snapshot(root) == before
    assert not [p for p in out.rglob("*") if p.name.endswith((".tmp", ".old", "-journal"))]
    mask = os.umask(0)
    os.umask(mask)
    for written in [p for p in out.glob("export.*") if p.is_file()] + list((out / "schemas").iterdir()):  # as any new file, not 0600
        assert written.stat().st_mode & 0o777 == 0o666 & ~mask, written


# --- output from data is inert ------------------------------------------------------------------

def on_terminal(*args: str, cwd: Path) -> str:
    """Run kitrack with a pseudo-terminal as its output, as a person at a terminal sees it: one wide enough
    (300 columns) that no cell of the estates table folds, so that the assertions read each cell whole."""
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KITRACK_", "NO_COLOR"))}
    process = subprocess.Popen([sys.executable, "-m", "kitrack", *args], stdout=slave, stderr=slave, cwd=cwd, env={**env, "COLUMNS": "300", "TERM": "xterm-256color"})
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize("args", [["status"], ["list", "estates"], ["list", "estates", "-f", "csv"], ["show", "ki-alpha"], ["check"]], ids=" ".join)
def test_terminal_output_is_inert(tmp_path: Path, args):
    root = evil_data(tmp_path)
    text = on_terminal(*args, "--data", str(root), "--as-of", AS_OF, cwd=root.parent)
    assert "Traceback" not in text
    assert "\x1b[31mRED" not in text and "\x1b]8;;" not in text and "\x07" not in text  # never obeyed
    if args[0] != "check":
        assert "\\x1b[31mRED" in text  # shown
        assert "[red]x[/red]" in text  # not Rich markup


def test_markdown_escapes_html_and_markdown(tmp_path: Path):
    root = evil_data(tmp_path)
    text = invoke("status", "-f", "md", "--data", root, cwd=root.parent).stdout
    assert "<b>" not in text and "\\<b\\>bold\\</b\\>" in text
    assert "\\[red\\]" in text and "\x1b" not in text


def test_github_annotations_escape_what_they_must():
    from kitrack.domain.problems import Place, Problem, Summary
    from kitrack.output.i18n import ENGLISH
    from kitrack.output.reporters import github

    problem = Problem("invalid-value", Place("data/a,b:c.yaml", 2, 3), {"reason": "100%\r\n::error::forged"})
    out = io.StringIO()
    github([problem], Summary.of([problem], files=1, records=0), out, ENGLISH)
    first = out.getvalue().splitlines()[0]
    assert first == "::error file=data/a%2Cb%3Ac.yaml,line=2,col=3,title=invalid-value::100%25\\r\\n:\\x3aerror:\\x3aforged"


def test_csv_and_xlsx_neutralise_formulas(tmp_path: Path):
    from openpyxl import load_workbook

    root = evil_data(tmp_path)
    (root / "estates" / "ki-beta.yaml").write_text((root / "estates" / "ki-beta.yaml").read_text().replace("name: Kawasan Industri Beta", "name: '=1+2'"))
    listed = invoke("list", "estates", "-f", "csv", "--data", root, cwd=root.parent).stdout
    assert ",'=1+2," in listed
    out = tmp_path / "x.xlsx"
    assert invoke("export", "-f", "xlsx", "-o", out, "--data", root, cwd=root.parent).exit_code == 0
    sheet = load_workbook(out)["estates"]
    names = {row[0].value: row[1] for row in sheet.iter_rows(min_row=2)}
    assert names["ki-beta"].value == "=1+2" and names["ki-beta"].data_type == "s"
    # Text stays text; XML cannot hold control characters, so the workbook writes them as _x001B_.
    assert names["ki-alpha"].data_type == "s" and "[red]x[/red] <b>bold</b> =HYPERLINK" in names["ki-alpha"].value


# --- concurrent use ------------------------------------------------------------------------------

def test_concurrent_checks_and_exports_agree_and_leave_nothing_behind(tmp_path: Path):
    root = evil_data(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    before = snapshot(root)
    env = {k: v for k, v in os.environ.items() if not k.startswith("KITRACK_")}
    base = [sys.executable, "-m", "kitrack"]
    runs = [base + ["check", "--data", str(root), "--as-of", AS_OF, "-f", "json"] for _ in range(4)]
    runs += [base + ["export", "-f", "json", "-o", str(out / "same.json"), "--force", "--data", str(root), "--as-of", AS_OF] for _ in range(2)]
    runs += [base + ["export", "-f", "csv", "-o", str(out / f"csv{i}"), "--data", str(root), "--as-of", AS_OF] for i in range(2)]
    processes = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=root.parent, env=env) for args in runs]
    results = [(p.communicate(timeout=120), p.returncode) for p in processes]
    checks = results[:4]
    assert all(code == 1 for _, code in checks), checks
    assert len({stdout for (stdout, _), _ in checks}) == 1
    for (stdout, stderr), code in results[4:]:
        assert code == 0 and "Traceback" not in stderr, stderr
    assert json.loads((out / "same.json").read_text(encoding="utf-8"))["tables"]["estates"]
    assert sorted(p.name for p in (out / "csv0").iterdir()) == sorted(p.name for p in (out / "csv1").iterdir())
    assert sorted(p.name for p in out.iterdir()) == ["csv0", "csv1", "same.json"]  # no temporary files
    assert snapshot(root) == before
