"""Hostile sizes (issue 16, item 4): checking one file takes time linear in its size, a file with
thousands of problems lists the first MAX_PER_FILE and one line for the rest, and a tab or a `*` in
one string does not send a whole file through the pure-Python parser."""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import time
from pathlib import Path

from typer.testing import CliRunner

from kitrack import checks
from kitrack.load import loader
from kitrack.cli import app
from kitrack.load.dataset import load
from kitrack.load.limits import Limits
from kitrack.load.loader import SourceFile, parse, read
from kitrack.domain.defaults import MAX_PER_FILE
from kitrack.output.i18n import ENGLISH
from kitrack.output.reporters import message

FIXTURES = Path(__file__).parent / "fixtures"
AS_OF = "2026-11-29"


class _Walked(list):
    """A node's list of children that counts how often it is walked from the start."""

    def __init__(self, items, walks: list):
        super().__init__(items)
        self.walks = walks

    def __iter__(self):
        self.walks.append(1)
        return super().__iter__()


def _text(tmp_path: Path, text: str) -> SourceFile:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return read(path, "x.yaml", Limits(max_file_bytes=5_000_000))


def _base(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "base", root)
    return root


def test_locating_thousands_of_keys_walks_their_mapping_once(tmp_path):
    count = 3000
    source = _text(tmp_path, "".join(f"k{number}: {number}\n" for number in range(count)))
    walks: list = []
    root = source.root()
    root.value = _Walked(root.value, walks)
    for number in range(count):
        assert source.locate((f"k{number}",), key=True) == (number + 1, 1)
    assert source.locate(("k17", "deeper")) == (18, 6)  # a path that runs out: the deepest value on the way
    assert len(walks) <= 1  # was once per problem: 50,000 unknown keys took minutes


def test_thousands_of_duplicate_keys_are_found_in_one_walk(tmp_path, monkeypatch):
    compose, walks = loader._compose, []

    def counting(loader_class, text):
        root = compose(loader_class, text)
        root.value = _Walked(root.value, walks)
        return root

    monkeypatch.setattr(loader, "_compose", counting)
    keys = "".join(f"k{number}: 1\n" for number in range(2000))
    source = _text(tmp_path, keys + keys)
    duplicates = [p for p in source.problems if p.code == "duplicate-key"]
    assert len(duplicates) == 2000
    assert message(duplicates[-1], ENGLISH) == "duplicate key `k1999`: first at line 2000, again at line 4000"
    assert len(walks) <= 2  # converting, and the first lines of the keys; was once more per duplicate


def test_a_hostile_file_and_list_file_are_checked_in_linear_time(tmp_path):
    root = _base(tmp_path)
    record = root / "estates" / "ki-alpha.yaml"
    keys = "".join(f"zz_{number}: 1\n" for number in range(20_000))
    record.write_text(record.read_text(encoding="utf-8") + keys + keys, encoding="utf-8")
    agencies = root / "agencies.yaml"
    broken = "".join(f"  - {{id: bad-{number}, name: Bad {number}, type: local, extra: 1}}\n" for number in range(20_000))
    agencies.write_text(agencies.read_text(encoding="utf-8") + broken, encoding="utf-8")
    start = time.perf_counter()
    problems = checks.cap_per_file(checks.run(load(root), checks.Context(as_of=dt.date(2026, 11, 29))))
    elapsed = time.perf_counter() - start
    assert elapsed < 10, f"{elapsed:.1f} s"  # about 1 s; the old code took minutes
    for name, hidden in (("estates/ki-alpha.yaml", 40_000 - MAX_PER_FILE), ("agencies.yaml", 20_000 - MAX_PER_FILE)):
        listed = [p for p in problems if p.file.endswith(name)]
        assert len(listed) == MAX_PER_FILE + 1
        last = listed[-1]
        assert (last.code, last.level) == ("too-many-problems", "error")
        assert message(last, ENGLISH).startswith(f"{hidden} errors and 0 warnings more in this file are not shown")


def test_the_per_file_cap_in_both_languages_and_formats(tmp_path):
    root = _base(tmp_path)
    record = root / "estates" / "ki-beta.yaml"
    record.write_text(record.read_text(encoding="utf-8") + "".join(f"zz_{number}: 1\n" for number in range(150)), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["check", str(root), "--as-of", AS_OF, "--format", "json"])
    assert result.exit_code == 1
    problems = [p for p in json.loads(result.stdout)["problems"] if p["file"].endswith("ki-beta.yaml")]
    assert [p["code"] for p in problems] == ["unknown-field"] * MAX_PER_FILE + ["too-many-problems"]
    summary = problems[-1]
    first_hidden = record.read_text(encoding="utf-8").splitlines().index(f"zz_{MAX_PER_FILE}: 1") + 1
    assert (summary["line"], summary["column"], summary["level"]) == (first_hidden, 1, "error")
    assert summary["message"] == "50 errors and 0 warnings more in this file are not shown (at most 100 problems are listed per file)"
    assert problems[0]["hint"].startswith("allowed fields:")  # the listed ones keep their hints
    # The summary counts every problem, listed or not (it said 101 when 150 were found).
    assert json.loads(result.stdout)["summary"]["errors"] == 150
    text = runner.invoke(app, ["check", str(root), "--as-of", AS_OF, "--lang", "id"])
    assert "50 kesalahan dan 0 peringatan lagi di berkas ini tidak ditampilkan" in text.stdout
    sarif = json.loads(runner.invoke(app, ["check", str(root), "--as-of", AS_OF, "--format", "sarif"]).stdout)
    assert sum(1 for r in sarif["runs"][0]["results"] if r["ruleId"] == "too-many-problems") == 1


def test_the_cap_of_warnings_alone_does_not_fail_the_check(tmp_path):
    root = _base(tmp_path)
    shutil.copy(FIXTURES / "too-many-problems" / "estates" / "ki-alpha.yaml", root / "estates" / "ki-alpha.yaml")
    result = CliRunner().invoke(app, ["check", str(root), "--as-of", AS_OF, "--format", "json"])
    assert result.exit_code == 0, result.stdout
    summary = [p for p in json.loads(result.stdout)["problems"] if p["code"] == "too-many-problems"]
    assert [(p["level"], p["message"][:30]) for p in summary] == [("warning", "0 errors and 5 warnings more i")]


# --- the pure-Python parser only where libyaml may read the file otherwise ---------------------------

def _count_reference_parses(monkeypatch) -> list:
    made: list = []
    original = loader.ReferenceLoader.__init__

    def counting(self, stream):
        made.append(1)
        original(self, stream)

    monkeypatch.setattr(loader.ReferenceLoader, "__init__", counting)
    return made


def test_a_tab_or_a_star_inside_a_string_keeps_the_fast_parser(tmp_path, monkeypatch):
    if not loader.LIBYAML:  # pragma: no cover - depends on the pyyaml build
        return
    made = _count_reference_parses(monkeypatch)
    text = 'a: "one\ttab"\nb: \'two\ttabs\t\'\nc: |\n  a\tblock\n  scalar\t\nd: "see *note and &x"\ne: "split\t\n  line"\n'
    source = _text(tmp_path, text)
    assert source.problems == []
    assert source.data == {"a": "one\ttab", "b": "two\ttabs\t", "c": "a\tblock\nscalar\t\n", "d": "see *note and &x", "e": "split line"}
    assert made == []  # a 5 MB file with one such tab took six times as long
    # Where the reference parser refuses a tab that libyaml accepts, it still decides.
    for refused in ("a: b\tc\n", "a:\tb\n", "a: [x,\ty]\n", "a: |\t# c\n  x\n", "a: b\t\n"):
        assert [p.code for p in _text(tmp_path, refused).problems] == ["yaml-tab"], refused
    assert len(made) == 5


def test_the_fast_parser_reads_tabs_as_the_reference_parser_does(monkeypatch):
    """Random tabs and anchors in the fixtures, as both parsers read them: the same data, problems
    and positions, whichever path a file takes."""
    rng = random.Random(16)
    texts = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "base").rglob("*.yaml"))]
    styles = ['"{}\t{}"', "'{}\t{}'", "|\n    {}\t{}", ">-\n    {}\t{}\n    \tmore", '"{}\n  \t{}"', "{} *{}", "&a {}{}", "{}\t{}"]

    def outcome(text: str, libyaml: bool):
        monkeypatch.setattr(loader, "LIBYAML", libyaml and loader.LIBYAML)
        source = SourceFile(Path("x.yaml"), "x.yaml", text)
        parse(source)
        places = [source.locate((key,), key=flag) for key in source.data or () for flag in (False, True)]
        return repr(source.data), sorted((p.line, p.column, p.code, message(p, ENGLISH)) for p in source.problems), places

    for _ in range(300):
        lines = rng.choice(texts).split("\n")
        for _ in range(rng.randint(1, 3)):
            number = rng.randrange(len(lines))
            key, colon, value = lines[number].partition(": ")
            if colon:
                cut = rng.randrange(len(value) + 1)
                lines[number] = key + ": " + rng.choice(styles).format(value[:cut].strip("\"'"), value[cut:].strip("\"'"))
        text = "\n".join(lines)
        assert outcome(text, True) == outcome(text, False), text
