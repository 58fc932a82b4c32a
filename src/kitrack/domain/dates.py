"""Partial ISO dates: `2027`, `2027-06` or `2027-06-30`.

Sources are often vague about when something happens. A partial date keeps exactly what the source
said, and compares as the *end* of the period it names: `2027-06` is due on 2027-06-30, so a target
of "June 2027" is not overdue until June is over.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering
from typing import TYPE_CHECKING, Any

from kitrack.domain.problems import Term, TermError

if TYPE_CHECKING:
    from pydantic_core import CoreSchema

# ASCII digits only: `\d` would take Arabic-Indic (`٢٠٢٦`) or fullwidth digits, which other tools do not
# read as a date.
_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class DateError(TermError, ValueError):
    """Why a value is not a partial date, as a Term: `Term("p.date_month", month=13)`."""


@total_ordering
class PartialDate:
    __slots__ = ("day", "end", "month", "start", "year")

    def __init__(self, year: int, month: int | None = None, day: int | None = None):
        if not 1900 <= year <= 2200:
            raise DateError(Term("p.date_year", year=year))
        self.year, self.month, self.day = year, month, day
        if month is None:
            if day is not None:
                raise DateError(Term("p.date_day_month"))
            self.start, self.end = dt.date(year, 1, 1), dt.date(year, 12, 31)
            return
        if not 1 <= month <= 12:
            raise DateError(Term("p.date_month", month=month))
        last = calendar.monthrange(year, month)[1]
        if day is None:
            self.start, self.end = dt.date(year, month, 1), dt.date(year, month, last)
        elif 1 <= day <= last:
            self.start = self.end = dt.date(year, month, day)
        else:
            raise DateError(Term("p.date_day", month=f"{year:04d}-{month:02d}", day=day, last=last))

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Parse what a YAML file holds: text, or an integer year."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            raise DateError(Term("p.date_time"))
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        if not isinstance(value, str):
            raise DateError(Term("p.date_expected"))
        match = _PARTIAL.fullmatch(value)  # no surrounding spaces: `" 2026-01-01 "` is no date elsewhere
        if not match:
            raise DateError(Term("p.date_bad", value=value))
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @classmethod
    def of(cls, day: dt.date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def __str__(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"

    def _key(self) -> tuple[dt.date, dt.date]:
        # Ties on the end date: the vaguer period sorts first, so "2027" < "2027-12" < "2027-12-31".
        return (self.end, self.start)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PartialDate):
            return str(self) == str(other)
        return NotImplemented

    def __lt__(self, other: object) -> bool:
        if isinstance(other, PartialDate):
            return self._key() < other._key()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(str(self))

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> CoreSchema:
        from pydantic_core import PydanticCustomError, core_schema  # lazy: start-up

        parsed: dict[str, PartialDate] = {}  # a data set repeats its dates: parse each text once

        def validate(value: Any) -> PartialDate:
            if value.__class__ is str:
                date = parsed.get(value)
                if date is not None:
                    return date
            try:
                date = cls.parse(value)
            except DateError as exc:  # its reason stays a Term: the schema stage words it late
                raise PydanticCustomError("invalid_date", "{reason}", {"reason": exc.reason}) from None
            if value.__class__ is str and len(parsed) < 100_000:
                parsed[value] = date
            return date

        return core_schema.no_info_plain_validator_function(
            validate,
            serialization=core_schema.plain_serializer_function_ser_schema(str),
            json_schema_input_schema=core_schema.union_schema(
                [
                    core_schema.str_schema(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"),
                    core_schema.int_schema(ge=1900, le=2200),
                ]
            ),
        )


def parse_cli_date(text: str) -> dt.date:
    """A date given on the command line, e.g. `--as-of 2026-06`; a partial date means its end."""
    return PartialDate.parse(text).end


@dataclass(frozen=True)
class Revision:
    """A git revision named on the command line: a branch, a tag, a commit, `HEAD~3`."""

    name: str


def parse_since(text: str) -> dt.date | Revision:
    """`status --since`: text shaped like a date (`2026`, `2026-06`, `2026-06-30`) is a date, meaning
    the end of its period (DateError if there is no such day); anything else names a git revision."""
    if _PARTIAL.fullmatch(text):
        return parse_cli_date(text)
    return Revision(text)
