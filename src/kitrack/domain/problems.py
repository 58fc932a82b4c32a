"""A problem is a value: what is wrong (a code and its parameters) and where (its place in a file).

Nothing here is worded. A parameter that is itself words (`record`, `a symbolic link that leads back
to itself`) is a `Term`, and a figure that each language writes its own way is a `Number`; the
reporters in kitrack.output word the problem late, in the reader's language, from the code's
wording in kitrack.domain.codes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from kitrack.domain.codes import CODES, ERROR, Level


@dataclass(frozen=True, init=False)
class Term:
    """A label of the catalogue (kitrack.output.i18n) and its parameters: `Term("p.milestone", name="Seksi 1")`."""

    key: str
    params: Mapping[str, Param]

    def __init__(self, key: str, /, **params: Param) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "params", params)

    def __hash__(self) -> int:
        return hash((self.key, frozenset(self.params.items())))


@dataclass(frozen=True)
class Number:
    """A figure inside a message, written as the reader's language writes numbers (1,234.5 or 1.234,5)."""

    value: float


class Bilingual(Protocol):
    """Free text in two languages, as the models' LocalText holds it (named here by its shape: the
    models import this module)."""

    @property
    def id(self) -> str | None: ...

    @property
    def en(self) -> str | None: ...


# A free-text parameter (a milestone's name) may be in two languages: the reporter picks one.
Param = str | int | float | Term | Number | Bilingual
FieldPath = tuple[str | int, ...]  # keys and list positions inside a file: ("progress", 2, "percent")


class TermError(Exception):
    """An error whose reason is a Term, worded by whoever reports it, in the reader's language."""

    def __init__(self, reason: Term) -> None:
        super().__init__(reason.key)
        self.reason = reason


@dataclass(frozen=True)
class Place:
    file: str  # as shown to the user: relative to the working directory where possible
    line: int  # 1-based
    column: int  # 1-based
    path: str = ""  # the field inside the file, such as `progress[2].percent`


@dataclass(frozen=True)
class Problem:
    code: str  # a key of kitrack.domain.codes.CODES
    place: Place
    params: Mapping[str, Param] = field(default_factory=dict)  # the code's wording takes these
    # A hint for this case (None: the code's own hint, if it has one). Advice, not what is wrong: two
    # problems that differ only in their hint are the same problem.
    hint: Term | None = field(default=None, compare=False)
    # None: the code's level. Set only where a code stands for others (too-many-problems is an error
    # when any problem it hides is one), so that capping never turns a failing check into a passing one.
    severity: Level | None = field(default=None, compare=False)

    def __hash__(self) -> int:
        return hash((self.code, self.place, frozenset(self.params.items())))

    def __lt__(self, other: Problem) -> bool:
        """Problems sort by file, line, column, then code."""
        return self._order() < other._order()

    def _order(self) -> tuple[str, int, int, str]:
        return (self.place.file, self.place.line, self.place.column, self.code)

    @property
    def level(self) -> Level:
        return self.severity or CODES[self.code].level

    @property
    def file(self) -> str:
        return self.place.file

    @property
    def line(self) -> int:
        return self.place.line

    @property
    def column(self) -> int:
        return self.place.column

    @property
    def path(self) -> str:
        return self.place.path


def format_path(path: FieldPath) -> str:
    """`("progress", 2, "percent")` -> `progress[2].percent`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class Summary:
    files: int
    records: int
    errors: int
    warnings: int

    @classmethod
    def of(cls, problems: list[Problem], files: int, records: int) -> Summary:
        errors = sum(1 for p in problems if p.level == ERROR)
        return cls(files=files, records=records, errors=errors, warnings=len(problems) - errors)


def display_path(path: str | Path) -> str:
    """A file path relative to the working directory where possible, as CI annotations need."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symbolic link loop
        return str(path)
