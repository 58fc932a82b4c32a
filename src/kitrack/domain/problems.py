"""The Problem type: one thing wrong in the data, with its place in a file."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
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
