"""Hostile and broken input: every case gives a clear problem at its place, within seconds and
bounded memory, with no traceback and no hang; exit 1, or 2 when the data directory cannot be read.

The committed corpus is tests/fixtures/hostile/ (see its README); the inputs too big or too strange
to commit are generated here, into tmp_path.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import Run, invoke
from test_fixtures import AS_OF, BASE, run_checks

from kitrack import checks
from kitrack.load.dataset import load
from kitrack.domain.codes import ERROR

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
CASES = sorted(p.name for p in HOSTILE.iterdir() if p.is_dir())
GAMMA = "estates/ki-gamma.yaml"
HEAD = "id: ki-gamma\nname: Kawasan Industri Gamma\nsectors: [logistics]\npsn: false\nregion: gerbangkertosusila\nregency: kab-gresik\n"
SECONDS = 20  # generous on a loaded 2-core machine; each case takes well under a second alone
MEMORY = 1 << 30  # address space per check process: a file that is not refused would blow it


def overlay(name: str, tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    for path in sorted((HOSTILE / name).rglob("*")):
        rel = path.relative_to(HOSTILE / name)
        if path.is_file() and rel.as_posix() != "expected.yaml":
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, root / rel)
    return root


def test_the_corpus_covers_the_issue():
    wanted = {"truncated", "unbalanced-quote", "unbalanced-bracket", "yaml11-boolean-in-text", "yaml11-boolean-in-number",
              "yaml11-boolean-in-bool", "octal-looking", "sexagesimal-number", "complex-key", "number-key", "python-tag",
              "nul-byte", "invalid-utf8", "utf16", "record-in-wrong-folder", "path-traversal-id", "huge-integer", "nan",
              "infinity", "impossible-date"}
    assert wanted <= set(CASES)


@pytest.mark.parametrize("name", CASES)
def test_hostile_corpus(name: str, tmp_path: Path):
    spec = yaml.safe_load((HOSTILE / name / "expected.yaml").read_text(encoding="utf-8"))
    wanted = {(e["file"], e["line"], e["column"], e["code"]) for e in spec["problems"]}
    assert wanted, f"{name}/expected.yaml lists no problems"
    found = run_checks(overlay(name, tmp_path))
    positions = {p[:4] for p in found}
    assert wanted <= positions, f"not reported: {sorted(wanted - positions)}; reported: {found}"
    unexpected = [p for p in found if p[4] == ERROR and p[:4] not in wanted]
    assert not unexpected, unexpected


# --- generated inputs, through the command line ---------------------------------------------------

def _limit_memory():  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def kitrack(root: Path, *extra: str, env: dict | None = None) -> tuple[Run, float]:
    """`check` in a child process with a memory cap and a timeout: a limit that regressed fails the
    test instead of exhausting, crashing or blocking the test run."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KITRACK_")}
    environment.update({"NO_COLOR": "1", **(env or {})})
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "kitrack", "check", str(root), "--as-of", AS_OF.isoformat(), "--format", "json", *extra],
        capture_output=True, text=True, timeout=SECONDS * 3, cwd=root.parent, env=environment, preexec_fn=_limit_memory,
    )
    return Run(result.returncode, result.stdout, result.stderr), time.monotonic() - start


def kitrack_here(root: Path, *extra: str, env: dict | None = None) -> tuple[Run, float]:
    """`check` in this process, for inputs that cannot run away with memory, recursion or time."""
    start = time.monotonic()
    result = invoke("check", root, "--format", "json", *extra, env=env, cwd=root.parent, as_of=AS_OF.isoformat())
    return result, time.monotonic() - start


def reported(result: Run, root: Path) -> set[tuple[str, int, int, str]]:
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    problems = json.loads(result.stdout)["problems"]
    # Files are named relative to the working directory, the data directory's parent; links are
    # named where they are, not where they lead.
    return {(Path(p["file"]).relative_to(root.name).as_posix(), p["line"], p["column"], p["code"]) for p in problems}


def base(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    return root


def write(root: Path, text: str | bytes, rel: str = GAMMA) -> Path:
    path = root / rel
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def _huge_file(root):  # 50 MB of valid YAML
    with open(root / GAMMA, "w") as out:
        out.write(HEAD + "notes: |\n")
        line = "  " + "y" * 98 + "\n"
        out.write(line * (50 * 1024 * 1024 // len(line)))


GENERATED = {
    # name: (make(root), expected problem (file, line, column, code), extra arguments, environment)
    "50mb-file": (_huge_file, (GAMMA, 1, 1, "unreadable-file"), (), {}),
    "10mb-line": (lambda r: write(r, "name: " + "x" * (10 * 1024 * 1024) + "\n"), (GAMMA, 1, 1, "unreadable-file"), (), {}),
    "10mb-line-allowed": (lambda r: write(r, HEAD.replace("name: Kawasan Industri Gamma", "name: " + "x" * (10 * 1024 * 1024))), (GAMMA, 2, 7, "invalid-value"), (), {"KITRACK_MAX_FILE_MB": "11"}),
    "small-limit": (lambda r: write(r, HEAD + "notes: " + "x" * 2000 + "\n"), (GAMMA, 1, 1, "unreadable-file"), ("--max-file-mb", "0.001"), {}),
    "nesting-flow-10000": (lambda r: write(r, HEAD + "notes: " + "[" * 10_000 + "]" * 10_000 + "\n"), (GAMMA, 7, 71, "yaml-syntax"), (), {}),
    "nesting-mapping-10000": (lambda r: write(r, HEAD + "notes: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n"), (GAMMA, 7, 8 + 63 * 4, "yaml-syntax"), (), {}),
    "nesting-block-10000": (lambda r: write(r, "- " * 10_000 + "x\n"), (GAMMA, 1, 1, "yaml-syntax"), (), {}),
    "nesting-indented-2000": (lambda r: write(r, "".join(" " * i + "a:\n" for i in range(2000))), (GAMMA, 1, 1, "yaml-syntax"), (), {}),
    "depth-limit-option": (lambda r: write(r, HEAD + "notes: " + "[" * 10 + "x" + "]" * 10 + "\n"), (GAMMA, 7, 15, "yaml-syntax"), ("--max-depth", "8"), {}),
    "billion-laughs": (lambda r: write(r, "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}" if i > 1 else "*a"] * 9) + "]\n" for i in range(1, 10))), (GAMMA, 1, 4, "yaml-alias"), (), {}),
    "symlink-out": (lambda r: (r / GAMMA).symlink_to("/etc/passwd"), (GAMMA, 1, 1, "unreadable-file"), (), {}),
    "symlink-to-device": (lambda r: (r / GAMMA).symlink_to("/dev/zero"), (GAMMA, 1, 1, "unreadable-file"), (), {}),
    "symlink-loop": (lambda r: ((r / GAMMA).symlink_to(r / "estates/ki-delta.yaml"), (r / "estates/ki-delta.yaml").symlink_to(r / GAMMA)), (GAMMA, 1, 1, "unreadable-file"), (), {}),
    "symlink-self": (lambda r: (r / GAMMA).symlink_to("ki-gamma.yaml"), (GAMMA, 1, 1, "unreadable-file"), (), {}),
    "symlink-list-file-out": (lambda r: ((r / "agencies.yaml").unlink(), (r / "agencies.yaml").symlink_to("/etc/hostname")), ("agencies.yaml", 1, 1, "unreadable-file"), (), {}),
    "symlink-folder-out": (lambda r: (shutil.rmtree(r / "meetings"), (r / "meetings").symlink_to(Path(r).parent)), ("meetings", 1, 1, "unreadable-file"), (), {}),
    "named-pipe": (lambda r: os.mkfifo(r / GAMMA), (GAMMA, 1, 1, "unreadable-file"), (), {}),
    "directory-named-like-a-record": (lambda r: (r / GAMMA).mkdir(), (GAMMA, 1, 1, "unreadable-file"), (), {}),
    "folder-that-is-a-file": (lambda r: (shutil.rmtree(r / "meetings"), write(r, "x", "meetings")), ("meetings", 1, 1, "unreadable-file"), (), {}),
}


# Inputs that would exhaust memory, recurse without bound or block if their limit regressed run in a
# child process (kitrack); the others in this process (kitrack_here).
IN_A_CHILD = {"50mb-file", "10mb-line", "10mb-line-allowed", "nesting-flow-10000", "nesting-mapping-10000", "nesting-block-10000",
              "nesting-indented-2000", "billion-laughs", "symlink-to-device", "named-pipe"}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_hostile_input(name: str, tmp_path: Path):
    make, expected, extra, env = GENERATED[name]
    root = base(tmp_path)
    make(root)
    result, seconds = (kitrack if name in IN_A_CHILD else kitrack_here)(root, *extra, env=env)
    assert result.exit_code == 1, result.stdout[-2000:] + result.stderr
    assert seconds < SECONDS, f"{name} took {seconds:.1f} s"
    found = reported(result, root)
    assert expected in found, sorted(found)


def test_a_symlink_inside_the_data_directory_is_followed(tmp_path: Path):
    root = base(tmp_path)
    (root / "estates" / "ki-alpha.yaml").rename(root / "ki-alpha.txt")
    (root / "estates" / "ki-alpha.yaml").symlink_to(root / "ki-alpha.txt")
    result, _ = kitrack_here(root)
    assert not any(code == "unreadable-file" for *_, code in reported(result, root))


def test_an_unreadable_file(tmp_path: Path, monkeypatch):
    root = base(tmp_path)
    path = write(root, HEAD)
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the operating system refuse it for this test
        real_open = os.open

        def refusing_open(file, flags, *args, **kwargs):
            if Path(file) == path:
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing_open)
    problems = checks.run(load(root), checks.Context(as_of=AS_OF))
    mine = [p for p in problems if p.file.endswith("ki-gamma.yaml")]
    assert [(p.line, p.column, p.code) for p in mine] == [(1, 1, "unreadable-file")]
    assert mine[0].params == {"detail": "Permission denied"}


@pytest.mark.parametrize("make", [lambda tmp: tmp / "missing", lambda tmp: write(base(tmp), "x", "file.txt")], ids=["missing", "a-file"])
def test_a_data_directory_that_cannot_be_read_exits_2(tmp_path: Path, make):
    target = make(tmp_path)
    result = invoke("check", "--data", target)
    assert result.exit_code == 2, result.stderr


def test_limits_are_reported_in_both_languages(tmp_path: Path):
    root = base(tmp_path)
    write(root, HEAD + "notes: " + "x" * 2000 + "\n")
    result, _ = kitrack_here(root, "--max-file-mb", "0.001", "--lang", "id")
    assert "--max-file-mb" in result.stdout and "melebihi batas" in result.stdout
