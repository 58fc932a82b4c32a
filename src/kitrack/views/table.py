"""The table every renderer takes: column definitions and rows of raw values.

Views build tables (`kitrack.views.tables` for `list`, `status` and `export`); the renderers in
`kitrack.output` turn the same table into a Rich table, plain text, CSV, TSV, JSON or Markdown. A
row holds exactly its table's columns, so a key misspelt where a row is built fails at once instead
of leaving a column silently empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from kitrack.domain import text as texts
from kitrack.domain.dates import PartialDate

# How a renderer shows a cell. Labelled values (a status, a project kind, an issue's state, an
# overdue item) are shown by their label in the language of the output; `bar`, `change`,
# `stale-reasons`, `figure-changes` and `mention` are the status and show views' own cells.
CellFormat = Literal[
    "text", "number", "percent", "count", "date", "bool", "list",
    "status", "project-kind", "issue-status", "overdue-item",
    "bar", "change", "stale-reasons", "figure-changes", "mention", "slip-history", "derived-status", "location",
    "stage", "inherited-date", "unit-target",
]
Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    key: str  # the JSON and CSV key, and the name `--sort` takes
    format: CellFormat = "text"
    label: str | None = None  # label key; defaults to col.<key>

    @property
    def label_key(self) -> str:
        return self.label or f"col.{self.key}"


@dataclass
class Table:
    name: str
    columns: Sequence[Column]
    rows: list[Row] = field(default_factory=list)
    _keys: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._keys = frozenset(column.key for column in self.columns)
        for row in self.rows:
            self._check(row)

    def _check(self, row: Mapping[str, Any]) -> None:
        if row.keys() != self._keys:
            unknown, missing = sorted(row.keys() - self._keys), sorted(self._keys - row.keys())
            raise ValueError(f"a row of table {self.name!r} has unknown keys {unknown} and lacks {missing}")

    def add(self, **values: Any) -> None:
        """Append a row, which gives every column (None where a value is missing) and nothing else."""
        self._check(values)
        self.rows.append(values)

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)

    def select(self, keys: Iterable[str], name: str | None = None) -> Table:
        """The same rows with only these columns, in this order (a view showing part of a table)."""
        by_key = {column.key: column for column in self.columns}
        columns = [by_key[key] for key in keys]  # a misspelt key fails here
        return Table(name or self.name, columns, [{c.key: row[c.key] for c in columns} for row in self.rows])

    def sorted_by(self, key: str, language: str = "en") -> Table:
        """Sort by a column; `-key` sorts descending. Missing values go last either way."""
        descending = key.startswith("-")
        key = key.lstrip("-")
        present = [row for row in self.rows if row.get(key) is not None]
        missing = [row for row in self.rows if row.get(key) is None]
        present.sort(key=lambda row: _sort_key(row[key], language), reverse=descending)
        return Table(self.name, self.columns, present + missing)


def _sort_key(value: Any, language: str) -> Any:
    """Dates by their period, free text as the reader's language shows it."""
    if texts.is_local(value):
        return texts.pick(value, language).text
    if isinstance(value, PartialDate):
        return (value.end, value.start)
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if hasattr(value, "value"):
        return value.value
    return value
