"""The Problem type: one thing wrong in the data, with its place in a file."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any, Iterable, Optional

ERROR = "error"
WARNING = "warning"


def format_path(path: Iterable[Any]) -> str:
    """`("progress", 2, "percent")` -> `progress[2].percent`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    code: str
    level: str = field(compare=False)
    message: str = field(compare=False)
    path: str = field(default="", compare=False)
    hint: Optional[str] = field(default=None, compare=False)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return {key: data[key] for key in ("file", "line", "column", "level", "code", "message", "path", "hint")}


MAX_PER_FILE = 100  # problems listed for one file: past this, more lines bury the first ones, which matter


def cap_per_file(problems: list[Problem]) -> list[Problem]:
    """Sorted `problems` with at most MAX_PER_FILE for each file; for a file with more, one
    `too-many-problems` at the first one left out says how many errors and warnings were. It is an
    error if any of those is, so that capping never turns a failing check into a passing one."""
    from kitrack.codes import wording
    from kitrack.i18n import language, plural

    out: list[Problem] = []
    for file, group in groupby(problems, key=lambda p: p.file):
        found = list(group)
        out.extend(found[:MAX_PER_FILE])
        hidden = found[MAX_PER_FILE:]
        if hidden:
            errors = sum(1 for p in hidden if p.level == ERROR)
            template, hint = wording("too-many-problems", language())
            message = template.format(errors=plural(errors, "error"), warnings=plural(len(hidden) - errors, "warning"), limit=MAX_PER_FILE)
            out.append(Problem(file, hidden[0].line, hidden[0].column, "too-many-problems", ERROR if errors else WARNING, message, "", hint))
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
