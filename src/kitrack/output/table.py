"""The table every renderer takes: column definitions and rows of raw values.

Views build tables (kitrack.views); the renderers in kitrack.output.render turn the same table into
a Rich table, CSV, TSV, JSON or Markdown. It lives here, below the views, so that output needs
nothing from the layers above it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass(frozen=True)
class Column:
    key: str  # the JSON and CSV key, and the name `--sort` takes
    kind: str = "text"  # text | number | percent | date | bool | list | status | projkind | issue
    label: Optional[str] = None  # i18n key; defaults to col.<key>

    @property
    def label_key(self) -> str:
        return self.label or f"col.{self.key}"


@dataclass
class Table:
    name: str
    columns: list[Column]
    rows: list[dict[str, Any]] = field(default_factory=list)

    def column(self, key: str) -> Optional[Column]:
        return next((c for c in self.columns if c.key == key), None)

    def sorted_by(self, key: str) -> Table:
        """Sort by a column; `-key` sorts descending. Missing values go last either way."""
        descending = key.startswith("-")
        key = key.lstrip("-")
        present = [row for row in self.rows if row.get(key) is not None]
        missing = [row for row in self.rows if row.get(key) is None]
        present.sort(key=lambda row: _sort_key(row[key]), reverse=descending)
        return Table(self.name, self.columns, present + missing)


def _sort_key(value: Any) -> Any:
    if hasattr(value, "end") and hasattr(value, "start"):
        return (value.end, value.start)
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if hasattr(value, "value"):
        return value.value
    return value
