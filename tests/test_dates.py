import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kitrack.domain.dates import DateError, PartialDate, Revision, parse_cli_date, parse_since


@pytest.mark.parametrize(
    "text, end",
    [("2027", dt.date(2027, 12, 31)), ("2027-06", dt.date(2027, 6, 30)), ("2024-02", dt.date(2024, 2, 29)), ("2027-06-15", dt.date(2027, 6, 15))],
)
def test_partial_dates_end_at_the_end_of_their_period(text, end):
    assert PartialDate.parse(text).end == end
    assert str(PartialDate.parse(text)) == text


def test_an_integer_year_is_a_date():
    assert PartialDate.parse(2027).end == dt.date(2027, 12, 31)


@pytest.mark.parametrize("bad", [
    "2026-02-30", "2026-13", "27-06", "2026/06/01", "June 2027", "", "1800", True, 3.5, None,
    # Only what every tool reads as a date: ASCII digits, nothing around it.
    "٢٠٢٦-٠١-٠١", "２０２６", "2026-0٣", "𝟐𝟎𝟐𝟔", " 2026-01-01 ", "2026-01-01\n", "\t2026",
])
def test_impossible_or_malformed_dates_are_refused(bad):
    with pytest.raises(DateError) as refused:
        PartialDate.parse(bad)
    assert refused.value.reason.key.startswith("p.date_")  # a label and its parameters, worded late


def test_vaguer_dates_sort_before_precise_ones_that_end_the_same_day():
    dates = sorted(PartialDate.parse(t) for t in ["2027-12-31", "2027", "2027-12", "2026-01-05"])
    assert [str(d) for d in dates] == ["2026-01-05", "2027", "2027-12", "2027-12-31"]


def test_cli_dates_accept_partial_dates():
    assert parse_cli_date("2026-06") == dt.date(2026, 6, 30)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_any_real_day_round_trips(day):
    parsed = PartialDate.parse(day.isoformat())
    assert parsed.end == parsed.start == day
    assert str(parsed) == day.isoformat()


@pytest.mark.parametrize("text, expected", [
    ("2026-06", dt.date(2026, 6, 30)), ("2026", dt.date(2026, 12, 31)),
    ("HEAD~3", Revision("HEAD~3")), ("main", Revision("main")), ("v1.2", Revision("v1.2")), ("2026-6", Revision("2026-6")),
])
def test_since_is_a_date_when_shaped_like_one_and_a_revision_otherwise(text, expected):
    assert parse_since(text) == expected


def test_since_shaped_like_a_date_that_does_not_exist_is_an_error_not_a_revision():
    with pytest.raises(DateError):
        parse_since("2026-02-30")
