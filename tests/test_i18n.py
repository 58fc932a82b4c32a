"""Every label in both languages; numbers and dates follow the language."""

import datetime as dt
import re
import string

import pytest

from kitrack.output import i18n
from kitrack.output.languages import LANGUAGES
from kitrack.domain.dates import PartialDate


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(i18n.LABELS))
def test_every_label_exists_in_both_languages_with_the_same_placeholders(key):
    entry = i18n.LABELS[key]
    assert set(entry) == set(LANGUAGES), f"{key} is missing a language"
    assert all(entry[lang].strip() for lang in LANGUAGES), f"{key} has an empty label"
    assert placeholders(entry["en"]) == placeholders(entry["id"])


def test_every_label_the_code_uses_exists():
    from pathlib import Path

    source = "\n".join(p.read_text() for p in Path(i18n.__file__).parent.rglob("*.py"))
    used = {key for key in re.findall(r"""\bt\(\s*["']([a-z_.\-]+)["']""", source) if not key.endswith(".")}
    assert used and used <= set(i18n.LABELS), used - set(i18n.LABELS)


def test_every_term_the_code_makes_is_a_label():
    """Problems and errors carry Terms, worded late: each key a Term names must be in the catalogue."""
    from pathlib import Path

    source = "\n".join(p.read_text() for p in (Path(i18n.__file__).parent.parent).rglob("*.py"))
    used = set(re.findall(r"""\bTerm\(\s*["']([a-z_.\-]+)["']""", source))
    assert used and used <= set(i18n.LABELS), used - set(i18n.LABELS)


def test_numbers_and_dates_in_indonesian():
    indonesian = i18n.Language("id")
    assert indonesian.number(1234.5, 1) == "1.234,5"
    assert indonesian.figure(1234.5) == "1.234,5"
    assert indonesian.figure(2933) == "2.933"
    assert indonesian.percent(86.43) == "86,43%"
    assert indonesian.date(dt.date(2026, 11, 29)) == "29 November 2026"
    assert indonesian.date(PartialDate.parse("2027-06")) == "Juni 2027"
    assert indonesian.t("status.missing") == "—" and indonesian.figure(None) == "—"


def test_zero_has_no_sign():
    """`-0.0` in a file, or a small negative figure rounded to zero, is shown as zero, not `-0`."""
    for language in (i18n.Language("en"), i18n.Language("id")):
        assert language.figure(-0.0) == "0" and language.percent(-0.0) == "0%"
        assert language.number(-0.001, 2) in ("0.00", "0,00")
        assert language.number(-1.5, 1) in ("-1.5", "-1,5")  # a real negative keeps its sign


def test_numbers_and_dates_in_english():
    english = i18n.Language("en")
    assert english.figure(1234.5) == "1,234.5"
    assert english.date(PartialDate.parse("2027-06")) == "June 2027"
    assert english.date(PartialDate.parse("2027")) == "2027"


def test_the_language_holds_inside_its_block_only():
    assert i18n.current() == i18n.ENGLISH
    with i18n.speaking(i18n.Language("id")):
        assert i18n.figure(1234.5) == "1.234,5"
        with i18n.speaking(i18n.ENGLISH):
            assert i18n.figure(1234.5) == "1,234.5"
        assert i18n.t("word.yes") == "ya"
    assert i18n.current() == i18n.ENGLISH


def test_a_run_in_indonesian_leaves_no_language_behind():
    from typer.testing import CliRunner

    from conftest import REPO
    from kitrack.cli import app

    base = str(REPO / "tests" / "fixtures" / "base")
    result = CliRunner().invoke(app, ["--lang", "id", "check", "--data", base, "--as-of", "2026-11-29"])
    assert "tidak ada masalah" in result.output
    assert i18n.current() == i18n.ENGLISH
    after = CliRunner().invoke(app, ["check", "--data", base, "--as-of", "2026-11-29"], env={"KITRACK_LANG": "en"})
    assert "no problems" in after.output


@pytest.mark.parametrize(
    "env, expected",
    [({"KITRACK_LANG": "id"}, "id"), ({"LANG": "id_ID.UTF-8"}, "id"), ({"LANG": "en_US.UTF-8"}, "en"), ({}, "en"), ({"LC_ALL": "id_ID"}, "id")],
)
def test_language_from_environment(monkeypatch, env, expected):
    for name in ("KITRACK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert i18n.Language.chosen(None).code == expected


def test_every_enumeration_value_has_a_label():
    from kitrack.domain.models import IssueStatus, ProjectKind, Status
    from kitrack.views import show, status

    for prefix, enum in (("status", Status), ("projkind", ProjectKind), ("issue", IssueStatus)):
        for member in enum:
            assert f"{prefix}.{member.value}" in i18n.LABELS
    columns = []
    for module in (status, show):
        for value in vars(module).values():
            if isinstance(value, list) and value and hasattr(value[0], "label_key"):
                columns += value
    from kitrack.views import tables

    for value in vars(tables).values():
        if isinstance(value, list) and value and hasattr(value[0], "label_key"):
            columns += value
    assert columns
    for column in columns:
        assert column.label_key in i18n.LABELS, column


@pytest.mark.parametrize("name", sorted(__import__("kitrack.domain.codes", fromlist=["CODES"]).CODES))
def test_every_check_message_exists_in_both_languages(name):
    from kitrack.domain.codes import CODES, INDONESIAN

    message, hint = INDONESIAN[name]
    assert placeholders(message) == placeholders(CODES[name].message)
    assert (hint is None) == (CODES[name].hint is None)


def test_check_output_in_indonesian():
    from conftest import SAMPLE, invoke

    result = invoke("check", SAMPLE, "--lang", "id")
    assert "tidak ada laporan dalam 365 hari" in result.stdout
    assert result.stdout.splitlines()[-1].endswith("0 galat, 36 peringatan")
