"""Output is inert for where it goes, and failing output is decided (issue 16, items 2, 7 and 10).

- A file name or a value from data cannot forge a CI workflow command (`::error`, `##[error]`), drive
  a terminal (OSC title and clipboard sequences), reorder text (bidi), link or notify in Markdown,
  or make JSON and SARIF invalid (a non-UTF-8 file name): in every format of check, status, list,
  show and diff.
- Standard output closed, full or read-only is one line and exit 2; a reader that has gone leaves the
  command's own exit status; an ASCII-only stream degrades to escapes.

The hostile names and values are built here; the real process is used only where it matters (closed
descriptors, encodings).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_fixtures import BASE

from kitrack.domain.problems import Place, Problem
from kitrack.output import diff as diff_output
from kitrack.views import diff
from kitrack.output import inert
from kitrack.cli import app

AS_OF = "2026-11-29"
FORGED = "::error file=README.md,line=1::FORGED"
OSC = "\x1b]0;title\x07\x1b]52;c;aGVsbG8=\x07"  # sets the window title, writes the clipboard
LINKS = "https://evil.example/x www.evil.example @octocat a@b.example ##[error]"
HOSTILE_NAMES = [b"x\n" + FORGED.encode() + b".yaml", b"osc" + OSC.encode() + b".yaml", b"bad\xff\xfename.yaml"]
# Our own annotations, the only lines allowed to start a workflow command.
ANNOTATION = re.compile(r"::(error|warning) file=[^:,]*,line=\d+,col=\d+,title=[a-z0-9-]+::")


def named_data(root: Path) -> Path:
    """The base fixture plus copies of a record under names that forge an annotation, carry OSC
    sequences, or are not UTF-8; the problems (id-mismatch, duplicate-id) repeat the names."""
    shutil.copytree(BASE, root)
    for name in HOSTILE_NAMES:
        Path(os.fsdecode(os.fsencode(root / "estates") + b"/" + name)).write_bytes((BASE / "estates" / "ki-alpha.yaml").read_bytes())
    return root


def valued_data(root: Path) -> Path:
    """The base fixture with hostile values: a forged annotation where show starts a line, `##[`,
    bidi overrides, links and mentions."""
    shutil.copytree(BASE, root)

    def edit(relative: str, old: str, new: str) -> None:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")

    edit("estates/ki-alpha.yaml", "name: Kawasan Industri Alpha", f"name: {json.dumps(FORGED)}\nnotes: \"\\u202e##[error]notes\\u2066\"")
    edit("estates/ki-alpha.yaml", "sectors: [logistics, chemicals]", 'sectors: ["##[error]sector", chemicals]')
    edit("infrastructure/tol-alpha.yaml", "  - name: {en: Section 1 open to traffic, id: Seksi 1 dibuka untuk lalu lintas}", f"  - name: {json.dumps(FORGED)}")
    edit("infrastructure/tol-alpha.yaml", "\nname: ", f"\nname: {json.dumps(LINKS)} #")
    edit("meetings/2026-11-01-rakor.yaml", "  - text: PUPR to report", "  - text: \"::warning::x ##[error]y\" #")
    return root


def assert_log_safe(text: str, annotations: int = 0) -> None:
    """Nothing a terminal or a CI log would obey: no control or bidi character, no `##[`, and no line
    that starts a workflow command other than our own `annotations`."""
    assert [ch for ch in text if ch != "\n" and not ch.isprintable()] == []
    assert "##[" not in text
    commands = [line for line in text.splitlines() if line.lstrip().startswith("::")]
    assert len(commands) == annotations and all(ANNOTATION.match(line) for line in commands), commands


def invoke(*args: str):
    result = CliRunner().invoke(app, [*args, "--as-of", AS_OF])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result, result.stdout_bytes.decode("utf-8")  # strict: valid UTF-8


# --- item 2 (a, b, e) and item 7: file names, in every format of check ------------------------------

@pytest.mark.parametrize("fmt", ["text", "github", "json", "sarif"])
def test_file_names_are_inert_in_every_check_format(tmp_path: Path, monkeypatch, fmt: str):
    named_data(tmp_path / "data")
    monkeypatch.chdir(tmp_path)  # relative paths, as in CI
    result, out = invoke("check", "--data", "data", "-f", fmt)
    assert result.exit_code == 1
    if fmt == "text":
        assert_log_safe(out)
        assert "x\\n:\\x3aerror file=README.md,line=1:\\x3aFORGED.yaml" in out and "bad\\xff\\xfename.yaml" in out
    elif fmt == "github":
        problems = len(json.loads(invoke("check", "--data", "data", "-f", "json")[1])["problems"])
        assert_log_safe(out, annotations=problems)
        assert "file=data/estates/osc\\x1b]0;title\\x07" in out
    else:
        assert_log_safe(out)
        document = json.loads(out)
        if fmt == "json":
            files = {problem["file"] for problem in document["problems"]}
            assert "data/estates/bad\\xff\\xfename.yaml" in files and "data/estates/x\n" + FORGED + ".yaml" in files  # exact where Unicode can be
        else:
            uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in document["runs"][0]["results"]}
            assert "data/estates/bad%FF%FEname.yaml" in uris  # the name's bytes: it still names the file


# --- item 2 (c, d, f): values in status, list, show and diff -----------------------------------------

@pytest.mark.parametrize("args", [
    ["status"], ["status", "-f", "md"], ["list", "infrastructure"], ["list", "estates", "-f", "csv"],
    ["show", "ki-alpha"], ["show", "tol-alpha"], ["show", "2026-11-01-rakor"],
], ids=" ".join)
def test_values_are_inert_as_text(tmp_path: Path, args: list[str]):
    root = valued_data(tmp_path / "data")
    result, out = invoke(*args, "--data", str(root))
    assert result.exit_code == 0, out
    if "csv" in args:  # values stay exact for spreadsheets, except what a CI log would obey
        assert "##[" not in out and "::" not in out and ":\\x3aerror file=README.md,line=1:\\x3aFORGED" in out
        return
    assert_log_safe(out)
    if "md" in args:  # no link, no mention: the text that would trigger them is in code spans
        assert "https`://`evil.example/x `www.`evil.example `@`octocat a`@`b.example" in out


@pytest.mark.parametrize("args", [["status", "-f", "json"], ["list", "infrastructure", "-f", "json"]], ids=" ".join)
def test_values_are_exact_and_inert_in_json(tmp_path: Path, args: list[str]):
    root = valued_data(tmp_path / "data")
    result, out = invoke(*args, "--data", str(root))
    assert result.exit_code == 0
    assert "##[" not in out and "\u202e" not in out
    rows = json.loads(out)
    rows = rows["estates"] + rows["infrastructure"] if isinstance(rows, dict) else rows
    names = {row["id"]: row["name"] for row in rows if row["id"] in ("ki-alpha", "tol-alpha") and not row.get("section")}
    assert names and all(name == {"ki-alpha": FORGED, "tol-alpha": LINKS}[rid] for rid, name in names.items())  # decoded, exact


def test_diff_output_is_inert():
    value = f"{LINKS} \u202e"  # under the 80 characters a changed value is shown in full
    change = diff.Change("estate", FORGED, "data/estates/ki-alpha.yaml", "changed", field="name", old="x", new=value)
    name = "data/estates/x\n" + FORGED + ".yaml"
    broken = Problem("yaml-syntax", Place(name, 1, 1), {"detail": "bad"})
    result = diff.Diff("HEAD", diff.WORKTREE_LABEL, "data", changes=[change],
                       unreadable=[diff.Unreadable(name, "HEAD", broken)])
    for render in (diff_output.render_text, diff_output.render_md):
        out = io.StringIO()
        render(result, out)
        assert_log_safe(out.getvalue())
    assert "https`://`evil.example/x `www.`evil.example `@`octocat" in out.getvalue()
    out = io.StringIO()
    diff_output.render_json(result, out)
    assert json.loads(out.getvalue())["changes"][0]["new"] == value and "##[" not in out.getvalue()


def test_the_sanitisers():
    assert inert.terminal("a::b ##[x] ##vso[y] \x1b[31m \x9b \u202e \u200b \udcff é") == "a:\\x3ab \\x23#[x] \\x23#vso[y] \\x1b[31m \\x9b \\u202e \\u200b \\xff é"
    assert inert.annotation_property("a:b,c%d\n##[") == "a%3Ab%2Cc%25d\\n\\x23#["
    assert inert.annotation_message("50% ::x\r\n") == "50%25 :\\x3ax\\r\\n"
    assert inert.ci_commands("a::b ##[x] \u202e") == "a:\\x3ab \\x23#[x] \u202e"
    assert inert.markdown("*a* <b> `c` https://x.example @me www.y") == "\\*a\\* \\<b\\> \\`c\\` https`://`x.example `@`me `www.`y"
    assert inert.markdown_code("feature_x`##[") == "feature_x\\x23#["  # inside a code span, where a backslash is literal
    value = {"a": "##[x] \u202e é 😀 \x7f", "b": "bad\udcff"}
    for ascii_only in (False, True):
        text = inert.json_text(value, ascii_only=ascii_only)
        assert text.encode("ascii" if ascii_only else "utf-8") and "##[" not in text
        assert json.loads(text) == {"a": value["a"], "b": "bad\\xff"}


# --- item 7 and 10: the real process, its descriptors and encodings ------------------------------------

CASES = {
    # name: (command, how stdout is set up, environment, expected exit, expected on stderr)
    "closed": (["status"], "closed", {}, 2, "standard output is closed"),
    "full": (["status"], "full", {}, 2, "cannot write the output: No space left on device"),
    "read-only": (["status"], "read-only", {}, 2, "cannot write the output: Bad file descriptor"),
    "gone-clean": (["check", "--data", "clean"], "gone", {}, 0, ""),
    "gone-problems": (["check"], "gone", {}, 1, ""),
    "ascii-status": (["status"], "pipe", {"PYTHONIOENCODING": "ascii"}, 0, ""),
    "ascii-json": (["status", "-f", "json"], "pipe", {"PYTHONIOENCODING": "ascii"}, 0, ""),
    "c-locale": (["check"], "pipe", {"LC_ALL": "C", "PYTHONUTF8": "0"}, 1, ""),
    "utf8-text": (["check"], "pipe", {"PYTHONIOENCODING": "utf-8"}, 1, ""),
    "utf8-github": (["check", "-f", "github"], "pipe", {"PYTHONIOENCODING": "utf-8"}, 1, ""),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    """Every case at once, as separate processes (they are independent; this keeps the suite fast)."""
    tmp = tmp_path_factory.mktemp("output")
    data = named_data(tmp / "data")
    (data / "estates" / "ki-beta.yaml").write_text((data / "estates" / "ki-beta.yaml").read_text().replace("Kawasan Industri Beta", "Kawasan — Ñ 😀"))
    clean = tmp / "clean"
    shutil.copytree(BASE, clean)
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("KITRACK_", "PYTHONIOENCODING", "PYTHONUTF8", "LC_"))}
    processes = {}
    for name, (args, stdout, env, _, _) in CASES.items():
        args = [str(clean) if a == "clean" else a for a in args]
        command = [sys.executable, "-m", "kitrack", *args, *([] if "--data" in args else ["--data", str(data)]), "--as-of", AS_OF]
        target, close = subprocess.PIPE, None
        if stdout == "closed":
            command = ["sh", "-c", 'exec "$@" >&-', "sh", *command]
        elif stdout == "full":
            if not os.path.exists("/dev/full"):
                continue
            target = close = open("/dev/full", "wb")
        elif stdout == "read-only":
            target = close = open(data / "regions.yaml", "rb")
        elif stdout == "gone":  # a pipe whose reader has already gone, as `| head -1` leaves it
            reader, target = os.pipe()
            os.close(reader)
        processes[name] = subprocess.Popen(command, stdout=target, stderr=subprocess.PIPE, env={**base_env, "NO_COLOR": "1", **env}, cwd=tmp)
        if stdout == "gone":
            os.close(target)
        elif close is not None:
            close.close()
    return {name: (process.communicate(timeout=120), process.returncode) for name, process in processes.items()}


@pytest.mark.parametrize("case", CASES)
def test_output_failures_and_encodings(runs: dict, case: str):
    if case not in runs:
        pytest.skip("no /dev/full here")
    (stdout, stderr), code = runs[case]
    expected_code, expected_error = CASES[case][3], CASES[case][4]
    stderr = stderr.decode("utf-8", "backslashreplace")
    assert code == expected_code, stderr
    if expected_error:
        assert stderr.startswith(f"kitrack: error: {expected_error}") and stderr.count("\n") == 1  # one line
    else:
        assert stderr == ""
    if stdout is None:
        return
    environment = CASES[case][2]
    text = stdout.decode("ascii" if "ascii" in environment.values() or "C" in environment.values() else "utf-8")  # strict
    assert_log_safe(text, annotations=text.count("::error ") if "github" in case else 0)
    if case == "ascii-json":
        assert {row["id"]: row["name"] for row in json.loads(text)["estates"]}["ki-beta"] == "Kawasan — Ñ 😀"  # escaped, exact


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("args, code", [
    (["check", "--data", "/nonexistent-kitrack-data"], 2),  # a usage error whose message cannot be written
    (["--lang", "xx", "status"], 2),
], ids=["usage error", "bad option"])
def test_an_unwritable_standard_error_keeps_the_exit_status(args, code):
    """Standard error is the last channel: when it fails too, the message is lost, the status is not
    (it was an internal error, exit 1, with `lost sys.stderr`)."""
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "kitrack", *args], stdout=full, stderr=full, timeout=60)
    assert result.returncode == code
