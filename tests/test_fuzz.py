"""Arbitrary text and arbitrary YAML never raise out of `check`: every input becomes problems."""

import datetime as dt
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kitrack import checks
from kitrack.cli import app
from kitrack.dataset import load

REGIONS = "regions:\n  - id: r\n    name: R\n    priority: true\n    regencies:\n      - {id: kab-a, name: A}\n    sources:\n      - {id: s, url: https://example.org}\n"
AGENCIES = "agencies:\n  - {id: ag, name: Agency, type: provincial}\n"
ESTATE = {
    "id": "x", "name": "X", "status": "operating", "psn": False, "region": "r", "regency": "kab-a",
    "operator": "ag", "area_ha": 100, "sources": [{"id": "s", "url": "https://example.org"}],
    "progress": [{"date": "2026-01-01", "source": "s", "occupied_ha": 50, "tenants": 3}],
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
    from kitrack.codes import CODES

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
        result = CliRunner().invoke(app, ["check", str(root), "--format", fmt, "--as-of", "2026-11-29"])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert result.exit_code in (0, 1), result.output
