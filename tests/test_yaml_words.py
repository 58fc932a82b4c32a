"""YAML syntax errors in plain words: the mistakes people make by hand, explained, with the fix.

The parser's own message may follow, never stand alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from kitrack.load.loader import from_bytes
from kitrack.output.i18n import Language
from kitrack.output.reporters import hint, message

ENGLISH = Language("en")

HEAD = "id: ki-alpha\nname: Kawasan Industri Alpha\nprogress:\n  - date: 2026-03\n"


@pytest.mark.parametrize(
    ("text", "place", "explanation", "fix"),
    [
        (HEAD + "    source: bisnis\n      tenants: 12\n", (6, 14),
         "line 6 is indented more than the line above (line 5)",
         "indent the keys of one mapping to the same column, and the `- ` items of one list to the same column "
         "(with spaces)"),
        (HEAD + "    note: Sumber: Bisnis Indonesia\n", (5, 17),
         "the text on line 5 contains `: `, which YAML reads as a second key; text containing ': ' must be quoted",
         'write it as `note: "Sumber: Bisnis Indonesia"`'),
        (HEAD + "   source: bisnis\n", (5, 4),
         "line 5 is not lined up with the list or mapping it belongs to, which starts at line 4, column 3",
         "indent the keys of one mapping to the same column, and the `- ` items of one list to the same column "
         "(with spaces)"),
        ('id: ki-alpha\nname: "Kawasan Industri Alpha\nstatus: operating\n', (2, 7),
         'the quote " opened at line 2, column 7 is never closed', 'close it with another " at the end of the text'),
        ("id: ki-alpha\nbasis: [rpip, kek\nstatus: operating\n", (3, 7),
         "the bracket `[` opened at line 2, column 8 is not closed before line 3",
         "close it with `]`, and separate its items with `, `"),
        ("id: ki-alpha\nname: @alpha\n", (2, 7), "a value cannot start with `@` unless it is quoted",
         'put the text in double quotes: "..."'),
        ("id: ki-alpha\nname Kawasan\nstatus: operating\n", (3, 1), "line 2 is neither `key: value` nor a `- ` list item",
         "a key ends with a colon and a space (`name: ...`), a list item starts with a dash and a space (`- ...`); "
         "or join the line to the text above"),
        ('id: ki-alpha\nname: "Kawasan" Industri\n', (2, 17), "text goes on after the closing quote on line 2",
         "put the whole text inside the quotes"),
        ("id: ki-alpha\nname: a\x07b\n", (2, 8),
         "the file holds an invisible control character (#x0007), often pasted from a PDF or a word processor; delete it",
         "check quotes, brackets and indentation around this place"),
    ],
    ids=["indented-more", "unquoted-colon", "indented-less", "open-quote", "open-bracket", "at-sign", "no-colon",
         "after-quote", "control-character"],
)
def test_typical_mistakes_are_explained(text: str, place, explanation: str, fix: str):
    source = from_bytes(Path("ki-alpha.yaml"), "ki-alpha.yaml", text.encode("utf-8"))
    [problem] = source.problems
    assert (problem.code, problem.line, problem.column) == ("yaml-syntax", *place)
    said = message(problem, ENGLISH)
    assert said.startswith(f"YAML syntax error: {explanation} (the parser says: ")
    assert hint(problem, ENGLISH) == fix


def test_indonesian_too():
    source = from_bytes(Path("x.yaml"), "x.yaml", (HEAD + "    note: Sumber: Bisnis\n").encode("utf-8"))
    said = message(source.problems[0], Language("id"))
    assert said.startswith("kesalahan sintaks YAML: teks di baris 5 memuat `: `, yang dibaca YAML sebagai kunci kedua")
    assert hint(source.problems[0], Language("id")) == 'tulis sebagai `note: "Sumber: Bisnis"`'
