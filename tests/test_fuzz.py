"""Arbitrary text and arbitrary YAML never raise out of `check`: every input becomes problems."""

import datetime as dt
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import invoke
from kitrack import checks
from kitrack.cli import app
from kitrack.load.dataset import load

REGIONS = "regions:\n  - id: r\n    name: R\n    priority: true\n    regencies:\n      - {id: kab-a, name: A}\n    sources:\n      - {id: s, url: https://example.org}\n"
AGENCIES = "agencies:\n  - {id: ag, name: Agency, type: provincial}\n"
ESTATE = {
    "id": "x", "name": "X", "psn": False, "region": "r", "regency": "kab-a",
    "operator": "ag", "sources": [{"id": "s", "url": "https://example.org"}],
    "progress": [
        {"date": "2026-01-01", "source": "s", "status": "operating", "area_ha": 100, "occupied_ha": 50, "tenants": 3},
    ],
    "milestones": [{"name": "m", "due": "2027"}],
    "issues": [{"id": "i", "title": "t", "owner": "ag", "raised": "2026-01", "status": "open", "related": ["x"]}],
}
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def make_root(tmp: Path) -> Path:
    root = tmp / "data"
    (root / "estates").mkdir(parents=True, exist_ok=True)
    (root / "regions.yaml").write_text(REGIONS)
    (root / "agencies.yaml").write_text(AGENCIES)
    return root


def check_bytes(root: Path, content: bytes):
    (root / "estates" / "x.yaml").write_bytes(content)
    problems = checks.run(load(root), checks.Context(as_of=dt.date(2026, 11, 29)))
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.code in checks_codes()
    return problems


def checks_codes():
    from kitrack.domain.codes import CODES

    return CODES


def test_the_fuzz_base_is_clean(tmp_path):
    assert check_bytes(make_root(tmp_path), yaml.safe_dump(ESTATE).encode()) == []


@FUZZ
@given(st.binary(max_size=400))
def test_arbitrary_bytes(tmp_path_factory, content):
    check_bytes(make_root(tmp_path_factory.mktemp("b")), content)


@FUZZ
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_arbitrary_text(tmp_path_factory, content):
    check_bytes(make_root(tmp_path_factory.mktemp("t")), content.encode("utf-8"))


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20), st.sampled_from(["yes", "no", "on", "off", "2026-02-30", "2027-06", "1:30", "010", "~", "x" * 70]),
    st.dates().map(str),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)


@FUZZ
@given(st.dictionaries(st.text(max_size=12), values, max_size=8))
def test_arbitrary_yaml_mappings(tmp_path_factory, document):
    check_bytes(make_root(tmp_path_factory.mktemp("y")), yaml.safe_dump(document, allow_unicode=True).encode())


@st.composite
def mutated_estates(draw):
    """A valid estate with some fields replaced, removed or added: grammar-aware around the schema."""
    estate = yaml.safe_load(yaml.safe_dump(ESTATE))
    for _ in range(draw(st.integers(1, 4))):
        nested = [estate.get(key) for key in ("progress", "issues", "milestones", "sources")]
        nested = [items[0] for items in nested if isinstance(items, list) and items and isinstance(items[0], dict)]
        target = draw(st.sampled_from([estate, *nested]))
        key = draw(st.sampled_from(sorted(target) + ["regncy", "percent", "extra"]))
        if draw(st.booleans()):
            target[key] = draw(values)
        else:
            target.pop(key, None)
    return estate


@FUZZ
@given(mutated_estates())
def test_schema_aware_mutations(tmp_path_factory, estate):
    problems = check_bytes(make_root(tmp_path_factory.mktemp("m")), yaml.safe_dump(estate, allow_unicode=True).encode())
    assert all(problem.file.endswith(("x.yaml", "regions.yaml", "agencies.yaml")) for problem in problems)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_the_cli_never_raises(tmp_path_factory, content):
    root = make_root(tmp_path_factory.mktemp("c"))
    (root / "estates" / "x.yaml").write_text(content, encoding="utf-8")
    for fmt in ("text", "json", "github"):
        result = invoke("check", root, "--format", fmt)  # an exception escaping the command fails the test
        assert result.exit_code in (0, 1), result.stdout + result.stderr


# --- grammar-aware YAML text: the constructs a hand editor (or an attacker) writes -------------------

FIELDS = sorted(ESTATE) + ["area_ha", "sectors", "location", "notes", "basis", "regency", "percent", "date", "source", "<<", "? [a]"]
PLAIN = st.sampled_from([
    "x", "ki-alpha", "yes", "No", "on", "OFF", "y", "010", "0o10", "0x1F", "1:30", "190:20:30", "1_000", "1e400", "-.inf", ".NaN",
    "2026-02-30", "2026-13", "2026-11-29T10:00:00Z", "~", "null", "true", "False", "9" * 40, "../x", "a: b", "- x", "#c",
    "[red]x[/red]", "=HYPERLINK(\"x\")", "\u2028", "é", "'", '"', "&a", "*a", "!!python/object:os.system", "!local", "!!binary",
    "%YAML 1.1", "---", "...", "<<", "?", "|", ">", "@", "`",
])
QUOTED = st.text(max_size=12).map(lambda text: '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"') | st.text(max_size=12).map(lambda text: "'" + text.replace("'", "''") + "'")
SCALAR_TEXT = PLAIN | QUOTED | st.from_regex(r"[a-z0-9 :\-\[\]{},#&*!|>'\"%@`]{0,12}", fullmatch=True)


def _flow(children):
    return st.lists(children, max_size=3).map(lambda items: "[" + ", ".join(items) + "]") | st.lists(
        st.tuples(st.sampled_from(FIELDS), children), max_size=3).map(lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}")


FLOW = st.recursive(SCALAR_TEXT, _flow, max_leaves=8)


@st.composite
def block(draw, indent=0, depth=0):
    """A block mapping or sequence, with tags, anchors, comments, odd indentation and documents."""
    pad = " " * indent
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        lead = draw(st.sampled_from(["", "", "", "!!map ", "&a ", "!x "])) if depth else ""
        if draw(st.booleans()):
            key = draw(st.sampled_from(FIELDS))
            head = f"{pad}{key}:"
        else:
            head = f"{pad}-"
        if depth < 3 and draw(st.integers(0, 3)) == 0:
            lines.append(head + (" " + lead.strip() if lead.strip() else ""))
            lines.append(draw(block(indent + draw(st.sampled_from([1, 2, 2, 4])), depth + 1)))
        else:
            lines.append(f"{head} {lead}{draw(FLOW)}")
        if draw(st.integers(0, 6)) == 0:
            lines.append(draw(st.sampled_from(["# comment", "---", "...", "\t- tab", "  ", "%TAG ! tag:x,2026:", "*a"])))
    return "\n".join(lines)


@FUZZ
@given(block())
def test_grammar_aware_yaml_text(tmp_path_factory, text):
    check_bytes(make_root(tmp_path_factory.mktemp("g")), text.encode("utf-8"))


@FUZZ
@given(mutated_estates(), st.integers(0, 400), st.sampled_from(["", "\n", "[", "]", "{", "}", '"', "'", ":", "- ", "\t", "&a ", "*a", "!!str ", "? ", "\x00", "\ufeff", "\x1b", "\u2028", "\r"]))
def test_valid_records_with_one_character_broken(tmp_path_factory, estate, position, insert):
    """Edits a person makes by accident: one character inserted into a valid record, anywhere."""
    text = yaml.safe_dump(estate, allow_unicode=True)
    position = min(position, len(text))
    check_bytes(make_root(tmp_path_factory.mktemp("e")), (text[:position] + insert + text[position:]).encode("utf-8"))


@FUZZ
@given(st.binary(max_size=300))
def test_the_loader_reports_positions_inside_the_file(tmp_path_factory, content):
    """Whatever the bytes, the loader returns data or problems whose line exists in the file."""
    from kitrack.load.limits import Limits
    from kitrack.load.loader import read

    path = tmp_path_factory.mktemp("l") / "x.yaml"
    path.write_bytes(content)
    source = read(path, "x.yaml", Limits(max_file_bytes=10_000))
    assert source.data is not None or source.problems
    lines = content.count(b"\n") + 1
    for problem in source.problems:
        assert 1 <= problem.line <= max(lines, 1) + 1, (problem, content)
        assert problem.column >= 1


def test_crashes_found_by_fuzzing_stay_fixed(tmp_path):
    """Regression inputs: each once crashed or hung kitrack (found by the hostile corpus and fuzzing)."""
    root = make_root(tmp_path)
    for content in [
        b"\x1b",  # a control character: a reader error with no mark, once reported at 1:1 with a two-line message
        b"a: " + b"[" * 3000 + b"]" * 3000,  # deep flow nesting: the reference parser's recursion
        b"? " * 200 + b"x",
        b"on: 1\non: 2\n",  # a duplicate key that YAML 1.1 reads as a boolean: its first line must still be found
        "\ufeff\u2028id: x".encode(),
        # carriage returns alone end lines for the parser: the plain-words syntax message once looked
        # for line 45 in a text split on `\n` only, which had 4
        b"s\r\re:",
    ]:
        check_bytes(root, content)


def test_the_atheris_target_runs_on_the_current_api(monkeypatch):
    """CI runs tests/fuzz/fuzz_check.py only after pytest, where atheris installs; run its target here
    on a few inputs with a stand-in for atheris, so that an API change breaks this test, not CI's fuzz step."""
    import contextlib
    import importlib.util
    import sys
    import types

    from conftest import REPO

    stand_in = types.SimpleNamespace(instrument_imports=lambda **_: contextlib.nullcontext())
    monkeypatch.setitem(sys.modules, "atheris", stand_in)
    spec = importlib.util.spec_from_file_location("fuzz_check", REPO / "tests" / "fuzz" / "fuzz_check.py")
    assert spec is not None and spec.loader is not None
    target = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(target)
    for data in (b"", b"id: x\nname: X\n", b"\xff\xfe", b"a: [\n"):
        target.one_input(data)
