"""SQLite: one database file, one table per exported table, plus a `records` table and a `latest` view.

- Column names are the CSV column keys. Numbers are NUMERIC (whole numbers stay integers), booleans
  are 0/1, dates are ISO text as the source gave them (`2027`, `2027-06`, `2027-06-30`; text order
  sorts them), and lists are JSON arrays (`SELECT value FROM infrastructure, json_each(serves)`).
- `records` (id, kind, name) holds every exported estate and infrastructure project: the parent that
  progress, milestones and issues point at, since their `record` may be either.
- Primary keys: `id` for estates, infrastructure, regions, regencies, agencies and records;
  (record, position) for progress and milestones; (record, id) for issues;
  (record_kind, record, id) for sources.
- Foreign keys: estates.region/regency/operator, infrastructure.region/owner, regencies.region,
  issues.owner, and each progress/milestone/issue `record`; a report's or milestone's `source` points
  at its record's row in sources. Every foreign-key column is indexed.
- The view `latest` gives each record's latest state: the newest reported value of each figure.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from kitrack.domain.figures import DATED_FIELDS, FIGURES
from kitrack.domain.kinds import ESTATE, INFRASTRUCTURE
from kitrack.export.atomic import atomic_file
from kitrack.export.tables import Bundle, Written
from kitrack.output import render
from kitrack.views.table import Column, Table

SQL_TYPES = {"number": "NUMERIC", "percent": "NUMERIC", "count": "NUMERIC", "bool": "INTEGER"}

PRIMARY_KEYS = {
    "records": ("id",), "estates": ("id",), "infrastructure": ("id",), "regions": ("id",),
    "regencies": ("id",), "agencies": ("id",), "progress": (), "milestones": (), "issues": ("record", "id"),
    "sources": ("record_kind", "record", "id"), "sections": ("record", "id"),
}
# A report or milestone is keyed by its place in its record or section: no primary key can hold the
# null section of a record's own, so a unique index over an expression does.
UNIQUE_INDEXES = {name: "record, coalesce(section, ''), position" for name in ("progress", "milestones")}
# table -> (its columns, the table they point at, the columns there)
ForeignKey = tuple[tuple[str, ...], str, tuple[str, ...]]
_RECORD: ForeignKey = (("record",), "records", ("id",))
_SOURCE: ForeignKey = (("record_kind", "record", "source"), "sources", ("record_kind", "record", "id"))
FOREIGN_KEYS: dict[str, list[ForeignKey]] = {
    "estates": [
        (("id",), "records", ("id",)), (("region",), "regions", ("id",)), (("regency",), "regencies", ("id",)),
        (("operator",), "agencies", ("id",)),
    ],
    "infrastructure": [
        (("id",), "records", ("id",)), (("owner",), "agencies", ("id",)),
    ],
    "regencies": [(("region",), "regions", ("id",))],
    "sections": [_RECORD],
    "issues": [_RECORD, (("owner",), "agencies", ("id",))],
    "progress": [_RECORD, _SOURCE],
    "milestones": [_RECORD, _SOURCE],
}
# Further indexes, for the usual joins that no key covers.
INDEXES = {"sources": [("record",)], "issues": [("id",)]}
RECORDS_COLUMNS = [Column("id"), Column("kind"), Column("name")]

LATEST_VIEW = """CREATE VIEW latest AS
SELECT r.kind AS record_kind, r.id AS record, r.name AS name,
       (SELECT p.date FROM progress p WHERE p.record = r.id AND p.section IS NULL ORDER BY p.position DESC LIMIT 1)
         AS latest_report,
{figures}
FROM records r"""
LATEST_FIGURE = (
    "       (SELECT p.{0.field} FROM progress p WHERE p.record = r.id AND p.section IS NULL AND p.{0.field} IS NOT NULL"
    " ORDER BY p.position DESC LIMIT 1) AS {0.field}"
)


def _value(value: Any, column: Column) -> Any:
    if column.format == "bool" and value == "unknown":
        return None  # psn: unknown is SQL's NULL, and `WHERE psn` still keeps the PSN records
    value = render.raw(render.chosen(value))
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        return str(value)  # past SQLite's integers; the NUMERIC column stores what it can of the digits
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _create(connection: sqlite3.Connection, name: str, table: Table) -> None:
    columns = [
        f'"{c.key}" {"INTEGER" if c.key == "position" else SQL_TYPES.get(c.format, "TEXT")}'
        + (" NOT NULL" if c.key in PRIMARY_KEYS[name] else "")
        for c in table.columns
    ]
    constraints = ["PRIMARY KEY (" + ", ".join(PRIMARY_KEYS[name]) + ")"] if PRIMARY_KEYS[name] else []
    for own, parent, theirs in FOREIGN_KEYS.get(name, []):
        constraints.append(f"FOREIGN KEY ({', '.join(own)}) REFERENCES {parent} ({', '.join(theirs)})")
    connection.execute(f'CREATE TABLE "{name}" (\n  ' + ",\n  ".join(columns + constraints) + "\n)")
    for own, _, _ in FOREIGN_KEYS.get(name, []):
        if own != PRIMARY_KEYS[name][: len(own)]:
            connection.execute(f'CREATE INDEX "{name}_{"_".join(own)}" ON "{name}" ({", ".join(own)})')
    if name in UNIQUE_INDEXES:
        connection.execute(f'CREATE UNIQUE INDEX "{name}_place" ON "{name}" ({UNIQUE_INDEXES[name]})')
    for own in INDEXES.get(name, []):
        connection.execute(f'CREATE INDEX "{name}_{"_".join(own)}" ON "{name}" ({", ".join(own)})')


def _insert(connection: sqlite3.Connection, name: str, table: Table) -> int:
    """Insert the rows; a row whose key repeats (a duplicate id, a data error) is left out. Returns how many were."""
    keys = ", ".join(f'"{c.key}"' for c in table.columns)
    marks = ", ".join("?" for _ in table.columns)
    before = connection.total_changes
    connection.executemany(
        f'INSERT OR IGNORE INTO "{name}" ({keys}) VALUES ({marks})',
        ([_value(row[c.key], c) for c in table.columns] for row in table.rows),
    )
    return len(table.rows) - (connection.total_changes - before)


def write(bundle: Bundle, output: Path, written: Written) -> None:
    records = Table("records", RECORDS_COLUMNS, [
        {"id": row["id"], "kind": kind, "name": row["name"]}
        for kind in (ESTATE.table, INFRASTRUCTURE.table) for row in bundle.tables[kind].rows
    ])
    everything = {"records": records, **bundle.tables}
    counts: dict[str, int] = {}
    with atomic_file(output) as temp:
        connection = sqlite3.connect(str(temp))
        try:
            with connection:
                for name, table in everything.items():
                    _create(connection, name, table)
                latest = (*DATED_FIELDS, *FIGURES)  # reported values only: derived ones are in the record rows
                connection.execute(LATEST_VIEW.format(figures=",\n".join(map(LATEST_FIGURE.format, latest))))
                for name, table in everything.items():
                    skipped = _insert(connection, name, table)
                    written.skipped += skipped
                    counts[name] = len(table.rows) - skipped
            written.dangling = len(connection.execute("PRAGMA foreign_key_check").fetchall())
        finally:
            connection.close()
    written.tables = [(output, name, counts[name]) for name in everything]
