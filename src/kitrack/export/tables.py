"""The shared gathering step: every exported table, built once by the row builders of `kitrack list`,
and what a writer reports it wrote.

Filters choose estates and infrastructure projects exactly as `kitrack list estates` and `kitrack
list infrastructure` do (`--kind` narrows infrastructure only). Progress, milestones, issues and
sources follow the records chosen; regions and regencies follow `--region`; agencies are a lookup
table and are always exported whole, so that every owner and operator can be looked up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from kitrack.load.dataset import Dataset
from kitrack.views import tables
from kitrack.views.table import Table
from kitrack.views.tables import NO_FILTERS, Filters

# The exported tables, in the order of the issue, the README, the workbook and the database.
TABLES = (
    "estates", "infrastructure", "progress", "milestones", "issues", "sources", "regions", "regencies", "agencies",
)


@dataclass
class Bundle:
    as_of: dt.date
    filters: Filters
    tables: dict[str, Table]
    # estate id -> (lat, lon), for the exported estates that have a location
    located: dict[str, tuple[float, float]] = field(default_factory=dict)
    # exported estates without a location, by id: they cannot go on a map
    unlocated: list[str] = field(default_factory=list)
    # estate id -> sectors, for the map
    sectors: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Written:
    """What an export wrote: the output, and for each table the file it went to and its rows."""

    format: str
    output: Path
    bundle: Bundle
    # (file, table, rows): the file is the output itself, except for CSV (one file per table)
    tables: list[tuple[Path, str, int]] = field(default_factory=list)
    skipped: int = 0  # rows left out of SQLite because their key repeats (data errors)
    dangling: int = 0  # SQLite references to rows that are not in the export


def gather(data: Dataset, as_of: dt.date, filters: Filters = NO_FILTERS) -> Bundle:
    built: dict[str, Table] = {}
    for name in TABLES:
        if name == "issues":
            built[name] = tables.issues(data, as_of)  # narrowed to the chosen records below
        elif name == "regions":
            built[name] = tables.regions(data, as_of, Filters(region=filters.region))
        elif name == "agencies":
            built[name] = tables.agencies(data, as_of)
        else:
            built[name] = tables.build(name, data, as_of, filters)
    chosen = {row["id"] for row in built["estates"].rows} | {row["id"] for row in built["infrastructure"].rows}
    issues = built["issues"]
    built["issues"] = Table(issues.name, issues.columns, [row for row in issues.rows if row["record"] in chosen])
    bundle = Bundle(as_of, filters, built)
    for row in built["estates"].rows:
        estate = data.estates[row["id"]]
        bundle.sectors[estate.id] = list(estate.sectors)
        if estate.location is None:
            bundle.unlocated.append(estate.id)
        else:
            bundle.located[estate.id] = (estate.location.lat, estate.location.lon)
    return bundle
