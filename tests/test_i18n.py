"""Every label in both languages; numbers and dates follow the language."""

import datetime as dt
import re
import string

import pytest

from kitrack.output import i18n
from kitrack.domain.dates import PartialDate


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.set_language("en")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(i18n.LABELS))
def test_every_label_exists_in_both_languages_with_the_same_placeholders(key):
    entry = i18n.LABELS[key]
    assert set(entry) == set(i18n.LANGUAGES), f"{key} is missing a language"
    assert all(entry[lang].strip() for lang in i18n.LANGUAGES), f"{key} has an empty label"
    assert placeholders(entry["en"]) == placeholders(entry["id"])


def test_every_label_the_code_uses_exists():
    from pathlib import Path

    source = "\n".join(p.read_text() for p in Path(i18n.__file__).parent.rglob("*.py"))
    used = {key for key in re.findall(r"""\bt\(\s*["']([a-z_.\-]+)["']""", source) if not key.endswith(".")}
    assert used and used <= set(i18n.LABELS), used - set(i18n.LABELS)


def test_numbers_and_dates_in_indonesian():
    i18n.set_language("id")
    assert i18n.number(1234.5, 1) == "1.234,5"
    assert i18n.figure(1234.5) == "1.234,5"
    assert i18n.figure(2933) == "2.933"
    assert i18n.percent(86.43) == "86,43%"
    assert i18n.date(dt.date(2026, 11, 29)) == "29 November 2026"
    assert i18n.date(PartialDate.parse("2027-06")) == "Juni 2027"
    assert i18n.t("status.missing") == "—" and i18n.figure(None) == "—"


def test_numbers_and_dates_in_english():
    i18n.set_language("en")
    assert i18n.figure(1234.5) == "1,234.5"
    assert i18n.date(PartialDate.parse("2027-06")) == "June 2027"
    assert i18n.date(PartialDate.parse("2027")) == "2027"


@pytest.mark.parametrize(
    "env, expected",
    [({"KITRACK_LANG": "id"}, "id"), ({"LANG": "id_ID.UTF-8"}, "id"), ({"LANG": "en_US.UTF-8"}, "en"), ({}, "en"), ({"LC_ALL": "id_ID"}, "id")],
)
def test_language_from_environment(monkeypatch, env, expected):
    for name in ("KITRACK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert i18n.set_language(None) == expected


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
    from conftest import run_kitrack

    result = run_kitrack("check", "data", "--lang", "id", "--as-of", "2026-11-29")
    assert "tidak ada laporan dalam 365 hari" in result.stdout
    assert result.stdout.splitlines()[-1].endswith("0 galat, 32 peringatan")
