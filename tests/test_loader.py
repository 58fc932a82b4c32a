"""The YAML layer: plain data, and every YAML-level problem with its place."""

from pathlib import Path

import pytest

from kitrack.load.limits import Limits
from kitrack.load.loader import read


def load_text(tmp_path: Path, text: str | bytes):
    path = tmp_path / "x.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return read(path, "x.yaml", Limits(max_file_bytes=1_000_000))


def codes(source):
    return [(p.code, p.line, p.column) for p in source.problems]


def test_plain_data_yes_no_stay_text_and_dates_stay_text(tmp_path):
    source = load_text(tmp_path, "a: yes\nb: off\nc: true\nd: 2026-11-29\ne: 010\nf: 1:30\ng: 2.5\nh: ~\ni: '12'\n")
    assert source.data == {"a": "yes", "b": "off", "c": True, "d": "2026-11-29", "e": 10, "f": "1:30", "g": 2.5, "h": None, "i": "12"}
    # The data is as YAML 1.2 reads it; what YAML 1.1 tools read differently is noted where it stands.
    assert codes(source) == [("yaml11-boolean", 1, 4), ("yaml11-boolean", 2, 4), ("invalid-value", 5, 4), ("invalid-value", 6, 4)]


def test_bom_and_crlf_are_read(tmp_path):
    source = load_text(tmp_path, b"\xef\xbb\xbfid: a\r\nname: b\r\n")
    assert source.data == {"id": "a", "name": "b"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a: 1\nb: 2\na: 3\n", [("duplicate-key", 3, 1)]),
        ("a: &x {b: 1}\nc: *x\n", [("yaml-alias", 1, 4), ("yaml-alias", 2, 4)]),
        ("a: &x 1\n", [("yaml-alias", 1, 4)]),
        ("a:\n\t- b\n", [("yaml-tab", 2, 1)]),
        ("# nothing\n", [("empty-file", 1, 1)]),
        ("", [("empty-file", 1, 1)]),
        ("a: 1\n---\nb: 2\n", [("multiple-documents", 2, 1)]),
        ("- a\n", [("not-a-mapping", 1, 1)]),
        ("just text\n", [("not-a-mapping", 1, 1)]),
        ("a: !!python/object:os.system x\n", [("yaml-tag", 1, 4)]),
        ("a: !!binary aGVsbG8=\n", [("yaml-tag", 1, 4)]),
        ("a: !!float 1e\n", [("yaml-tag", 1, 4)]),
        ("a: !!bool yes\n", [("yaml-tag", 1, 4)]),
        ("a: !!int 1.5\n", [("yaml-tag", 1, 4)]),
        ("1: x\n", [("non-string-key", 1, 1)]),
        ("a: \"b\nc: d\n", [("yaml-syntax", 1, 4)]),
        ("a: [1, 2\n", [("yaml-syntax", 2, 1)]),
        (b"a: caf\xe9\n", [("invalid-encoding", 1, 7)]),
        (b"\xff\xfea\x00:\x00", [("invalid-encoding", 1, 1)]),
        (b"a: b\x00\n", [("invalid-encoding", 1, 5)]),
    ],
)
def test_yaml_problems_have_code_line_and_column(tmp_path, text, expected):
    source = load_text(tmp_path, text)
    assert codes(source) == expected
    assert source.data is None or expected[0][0] in ("duplicate-key", "yaml-alias", "yaml-tag", "non-string-key")


def test_duplicate_key_names_both_lines(tmp_path):
    source = load_text(tmp_path, "area_ha: 563\nname: x\narea_ha: 568\n")
    assert source.problems[0].params == {"key": "area_ha", "first_line": 1, "again": 3}


def test_alias_bomb_is_refused_without_expanding(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 10) + "]" for i in range(1, 10)]
    source = load_text(tmp_path, "\n".join(lines) + "\n")
    assert {p.code for p in source.problems} == {"yaml-alias"}


def test_deep_nesting_is_a_problem_not_a_crash(tmp_path):
    source = load_text(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert [p.code for p in source.problems] == ["yaml-syntax"]


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 2000 + "\n")
    source = read(path, "big.yaml", Limits(max_file_bytes=1000))
    assert [p.code for p in source.problems] == ["unreadable-file"]


def test_locate_points_at_values_keys_and_enclosing_mappings(tmp_path):
    source = load_text(tmp_path, "id: a\nprogress:\n  - date: 2020\n    percent: 50\n")
    assert source.locate(("progress", 0, "percent")) == (4, 14)
    assert source.locate(("progress", 0, "percent"), key=True) == (4, 5)
    assert source.locate(("progress", 0, "missing")) == (3, 5)
    assert source.locate(("nothing",)) == (1, 1)


def test_the_non_specific_tag_makes_a_scalar_text(tmp_path, monkeypatch):
    """`! 12` is text, as YAML says (both parsers resolve it like a plain 12), wherever it stands."""
    source = load_text(tmp_path, 'a: ! 12\nb: ! "12"\nc: [é😀, ! 1.5, 7]\nd:\n  - ! true\n  - ! null\ne: !!str 5\nf: {x: ! 3}\n')
    assert source.data == {"a": "12", "b": "12", "c": ["é😀", "1.5", 7], "d": ["true", "null"], "e": "5", "f": {"x": "3"}}
    assert codes(source) == []
    # `!<!>` spells `!` verbatim (invalid in YAML 1.2); both parsers take it for `!`, so it is text too.
    verbatim = load_text(tmp_path, 'a: !<!> 12\nb: [!<!> 1.5]\n')
    assert verbatim.data == {"a": "12", "b": ["1.5"]}
    from kitrack.load import loader

    monkeypatch.setattr(loader, "LIBYAML", False)  # through the reference parser too
    slow = load_text(tmp_path, 'a: ! 12\nb: !<!> 7\n')
    assert slow.data == {"a": "12", "b": "7"}


def test_a_figure_with_the_non_specific_tag_is_reported(tmp_path):
    import datetime as dt
    import shutil

    from conftest import REPO, replace_in
    from kitrack import checks
    from kitrack.load.dataset import load

    root = tmp_path / "data"
    shutil.copytree(REPO / "tests" / "fixtures" / "base", root)
    replace_in(root / "estates" / "ki-alpha.yaml", "area_ha: 100", "area_ha: ! 12")
    problems = checks.run(load(root), checks.Context(as_of=dt.date(2026, 11, 29)))
    assert [(p.line, p.column, p.code) for p in problems if p.level == "error"] == [(22, 14, "wrong-type")]
