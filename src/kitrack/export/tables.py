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

from kitrack.domain.models import Estate, Project
from kitrack.load.dataset import Dataset
from kitrack.views import tables
from kitrack.views.table import Table
from kitrack.views.tables import NO_FILTERS, Filters

# The exported tables, in the order of the issue, the README, the workbook and the database.
TABLES = (
    "estates", "infrastructure", "sections", "progress", "milestones", "issues", "sources", "regions", "regencies",
    "agencies",
)


@dataclass(frozen=True)
class Located:
    """Where a record is on a map, how close the point is to it, and the source that says so."""

    table: str  # estates or infrastructure: the table its row is in
    lat: float
    lon: float
    precision: str
    source: str
    source_url: str | None


@dataclass
class Bundle:
    as_of: dt.date
    filters: Filters
    tables: dict[str, Table]
    # record id -> its place, for the exported estates and projects that have a location
    located: dict[str, Located] = field(default_factory=dict)
    # exported estates without a location, by id: they cannot go on a map
    unlocated: list[str] = field(default_factory=list)
    projects_unlocated: list[str] = field(default_factory=list)
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
            bundle.located[estate.id] = _located("estates", estate)
    for row in built["infrastructure"].rows:
        project = data.projects[row["id"]]
        if project.location is None:
            bundle.projects_unlocated.append(project.id)
        else:
            bundle.located[project.id] = _located("infrastructure", project)
    return bundle


def _located(table: str, record: Estate | Project) -> Located:
    location = record.location
    assert location is not None
    url = next((source.url for source in record.sources if source.id == location.source), None)
    return Located(table, location.lat, location.lon, location.precision.value, location.source, url)
