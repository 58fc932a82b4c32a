"""Dates in messages are written in the reader's language (issue 15); check's JSON keeps them ISO."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import SAMPLE, invoke
from kitrack.domain.dates import PartialDate
from kitrack.domain.problems import Date, Place, Problem
from kitrack.output.i18n import Language
from kitrack.output.reporters import message


@pytest.mark.parametrize(
    ("value", "english", "indonesian"),
    [
        (dt.date(2026, 11, 29), "29 November 2026", "29 November 2026"),
        (PartialDate(2025, 8, 19), "19 August 2025", "19 Agustus 2025"),
        (PartialDate(2016, 3), "March 2016", "Maret 2016"),
        (PartialDate(2023), "2023", "2023"),
    ],
)
def test_a_date_keeps_its_precision_in_each_language(
    value: dt.date | PartialDate, english: str, indonesian: str
) -> None:
    assert Language("en").render(Date(value)) == english
    assert Language("id").render(Date(value)) == indonesian


def test_a_problem_words_its_dates_in_the_language() -> None:
    params = {"days": 365, "as_of": Date(dt.date(2026, 11, 29)), "latest": Date(PartialDate(2025, 8))}
    stale = Problem("stale", Place("x.yaml", 1, 1), params)
    assert message(stale, Language("en")) == "no report in the 365 days before 29 November 2026 (latest: August 2025)"
    assert message(stale, Language("id")) == (
        "tidak ada laporan dalam 365 hari sebelum 29 November 2026 (laporan terakhir: Agustus 2025)"
    )


def problem(run_stdout: str, code: str, file: str) -> dict:
    return next(p for p in json.loads(run_stdout)["problems"] if p["code"] == code and p["file"].endswith(file))


def test_check_json_keeps_iso_params_and_words_the_message() -> None:
    run = invoke("--lang", "id", "check", "--data", SAMPLE, "--format", "json")
    stale = problem(run.stdout, "stale", "ki-agroindustri-gresik-utara.yaml")
    overdue = problem(run.stdout, "overdue", "2026-10-27-rakor-ki.yaml")
    assert stale["params"] == {"days": 365, "as_of": "2026-11-29", "latest": "2016-03"}
    assert stale["message"].endswith("sebelum 29 November 2026 (laporan terakhir: Maret 2016)")
    assert overdue["params"]["due"] == "2026-11-15"
    assert "15 November 2026" in overdue["message"]
