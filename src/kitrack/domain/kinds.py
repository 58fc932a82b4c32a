"""Record kinds: one registry of the kinds of record a data directory holds, and where each lives.

For each kind: its name (as diffs and JSON name it), the model that validates it, where its records
are (one file per record in a folder, or one list in a file), the id space its ids are unique in (and
references name them by), the Dataset index it fills, the table that lists it, its label keys and the
name of its JSON Schema. Loading, `show`, the diff and `kitrack schema` all read these facts here.

The order is the order of loading and of the diff's headings: the lookup lists first, then records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from kitrack.domain.models import Agency, Estate, Meeting, Project, Region

# The model of each kind of record: every one has an `id`.
RecordModel = type[Estate] | type[Project] | type[Meeting] | type[Region] | type[Agency]
# The spaces ids are unique in. Estates and infrastructure projects share one, "record": a reference
# such as an issue's `related` may name either.
IdSpace = Literal["record", "meeting", "region", "agency"]
# The indexes of a Dataset, by attribute name.
Index = Literal["estates", "projects", "meetings", "regions", "agencies"]


@dataclass(frozen=True)
class RecordKind:
    name: str  # estate, infrastructure...: `kind` in the diff's JSON
    model: RecordModel
    id_space: IdSpace
    index: Index
    table: str  # the table that lists its records (`kitrack list`, export), and their `record_kind` there
    heading: str  # label key of a heading over records of this kind ("Estates")
    label: str  # label key of one record of this kind ("estate")
    schema_file: str  # the JSON Schema that `kitrack schema` writes for its files


@dataclass(frozen=True)
class FolderKind(RecordKind):
    """Records kept one per file, `<folder>/<id>.yaml`, where the id equals the file name."""

    folder: str


@dataclass(frozen=True)
class ListKind(RecordKind):
    """Records kept in one file, as the list under its one key (`regions.yaml`: `regions:`)."""

    file: str
    key: str


REGION = ListKind(
    name="region", model=Region, id_space="region", index="regions", table="regions",
    file="regions.yaml", key="regions",
    heading="kind.regions", label="kind.region", schema_file="regions.schema.json",
)
AGENCY = ListKind(
    name="agency", model=Agency, id_space="agency", index="agencies", table="agencies",
    file="agencies.yaml", key="agencies",
    heading="kind.agencies", label="kind.agency", schema_file="agencies.schema.json",
)
ESTATE = FolderKind(
    name="estate", model=Estate, id_space="record", index="estates", table="estates",
    folder="estates",
    heading="kind.estates", label="kind.estate", schema_file="estate.schema.json",
)
INFRASTRUCTURE = FolderKind(
    name="infrastructure", model=Project, id_space="record", index="projects", table="infrastructure",
    folder="infrastructure",
    heading="kind.infrastructure", label="kind.project", schema_file="infrastructure.schema.json",
)
MEETING = FolderKind(
    name="meeting", model=Meeting, id_space="meeting", index="meetings", table="meetings",
    folder="meetings",
    heading="kind.meetings", label="kind.meeting", schema_file="meeting.schema.json",
)

LIST_KINDS: tuple[ListKind, ...] = (REGION, AGENCY)
FOLDER_KINDS: tuple[FolderKind, ...] = (ESTATE, INFRASTRUCTURE, MEETING)
RECORD_KINDS: tuple[RecordKind, ...] = (*LIST_KINDS, *FOLDER_KINDS)
BY_NAME = {kind.name: kind for kind in RECORD_KINDS}


def of_model(model: type[BaseModel]) -> RecordKind:
    """The kind whose records `model` validates."""
    return next(kind for kind in RECORD_KINDS if kind.model is model)
