"""Numbers typed the Indonesian or the English way: read right, or refused, never misread."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kitrack.edit.numbers import NumberError, parse_number


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1.250,5", 1250.5), ("1,250.5", 1250.5), ("12,5", 12.5), ("12.5", 12.5), ("1250", 1250.0),
        ("0,250", 0.25), ("0.250", 0.25), ("1.250.000", 1250000.0), ("1,250,000", 1250000.0),
        ("1250,50", 1250.5), ("1.2500", 1.25), ("-3,5", -3.5), (" 92,5 ", 92.5), ("1.250.000,75", 1250000.75),
    ],
)
def test_read(typed: str, value: float):
    assert parse_number(typed) == value


@pytest.mark.parametrize("typed", ["1.250", "1,250", "12.500", "999,999", "-1.250"])
def test_ambiguous_is_refused_with_both_readings(typed: str):
    with pytest.raises(NumberError) as error:
        parse_number(typed)
    reason = error.value.reason
    assert reason.key == "edit.ambiguous_number"
    digits = typed.lstrip("-")
    assert reason.params["thousands"] == str(int(digits.replace(".", "").replace(",", "")))


@pytest.mark.parametrize(
    "typed", ["", "abc", "1.2.3,4,5", "1,25.0,0", "1..2", ".5", "1e5", "12,5x", "١٢", "1.25,0.0", "0.001.000", "0.250,5"]
)
def test_not_a_number(typed: str):
    with pytest.raises(NumberError):
        parse_number(typed)


def _reading(text: str, thousands: str, decimal: str) -> float | None:
    """What `text` means with these separators, or None if it is not written that way."""
    t, d = re.escape(thousands), re.escape(decimal)
    if re.fullmatch(rf"[1-9][0-9]{{0,2}}(?:{t}[0-9]{{3}})+(?:{d}[0-9]+)?|[0-9]+(?:{d}[0-9]+)?", text):
        return float(text.replace(thousands, "").replace(decimal, "."))
    return None


@given(st.text(alphabet="0123456789.,", min_size=1, max_size=12))
def test_never_misread(text: str):
    """Whatever is accepted means the same read the Indonesian way or the English way, wherever
    both can read it; where the two readings differ, it is refused."""
    indonesian, english = _reading(text, ".", ","), _reading(text, ",", ".")
    try:
        value = parse_number(text)
    except NumberError:
        assert not (indonesian is not None and english is not None and indonesian == english), text
        return
    assert value in {reading for reading in (indonesian, english) if reading is not None}, text
    if indonesian is not None and english is not None:
        assert indonesian == english, text


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_indonesian_with_decimals_round_trips(whole: int, cents: int):
    grouped = f"{whole:,}".replace(",", ".")
    assert parse_number(f"{grouped},{cents:02d}") == float(f"{whole}.{cents:02d}")
    assert parse_number(f"{whole:,}.{cents:02d}") == float(f"{whole}.{cents:02d}")
