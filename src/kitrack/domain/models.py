"""Pydantic models for each record kind, and their enumerations.

The models are strict where hand-editing goes wrong: text is never coerced to a number or a boolean,
unknown fields are rejected, and NaN or infinity is not a figure. Rules that need more than one field
or more than one record (percent going down, references) live in `kitrack.checks`, where they can
report precise, stable problem codes.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from kitrack.domain import figures
from kitrack.domain.dates import PartialDate

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=64)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]

# Each unit's type, with the plausible range that `kitrack.domain.figures` gives it.
Hectares = Annotated[float, Field(ge=figures.HECTARES.low, le=figures.HECTARES.high)]
Tenants = Annotated[int, Field(ge=figures.TENANTS.low, le=figures.TENANTS.high)]
RupiahBn = Annotated[float, Field(ge=figures.RUPIAH_BN.low, le=figures.RUPIAH_BN.high)]
Kilometres = Annotated[float, Field(ge=figures.KILOMETRES.low, le=figures.KILOMETRES.high)]
LitresPerSecond = Annotated[float, Field(ge=figures.LITRES_PER_SECOND.low, le=figures.LITRES_PER_SECOND.high)]
Mmscfd = Annotated[float, Field(ge=figures.MMSCFD.low, le=figures.MMSCFD.high)]
Mtpa = Annotated[float, Field(ge=figures.MTPA.low, le=figures.MTPA.high)]
Percent = Annotated[float, Field(ge=figures.PERCENT.low, le=figures.PERCENT.high)]


class Status(str, Enum):
    """Project stages, as used by the national tracker (KPPIP)."""

    planning = "planning"  # perencanaan
    preparation = "preparation"  # penyiapan
    transaction = "transaction"  # transaksi
    construction = "construction"  # konstruksi
    partially_operating = "partially-operating"  # beroperasi sebagian
    operating = "operating"  # selesai / beroperasi


class ProjectKind(str, Enum):
    """What an infrastructure project builds: its `kind` field."""

    road = "road"
    toll_road = "toll-road"
    rail = "rail"
    port = "port"
    airport = "airport"
    water = "water"
    gas = "gas"
    power = "power"
    other = "other"


class Funding(str, Enum):
    apbn = "apbn"  # national budget
    apbd = "apbd"  # regional budget
    bumn = "bumn"  # state-owned enterprise
    bumd = "bumd"  # region-owned enterprise
    kpbu = "kpbu"  # public-private partnership
    private = "private"
    mixed = "mixed"


class IssueStatus(str, Enum):
    open = "open"
    resolved = "resolved"


class AgencyType(str, Enum):
    ministry = "ministry"
    provincial = "provincial"
    local = "local"
    bumn = "bumn"
    bumd = "bumd"
    private = "private"
    other = "other"


AnEnum = TypeVar("AnEnum", bound=Enum)
# Strict mode would demand enum instances; YAML gives text, so enums alone validate laxly.
Lax = Annotated[AnEnum, Field(strict=False)]


class Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        allow_inf_nan=False,
        frozen=True,
        str_strip_whitespace=False,
    )


class Source(Strict):
    id: Slug
    url: Text
    title: Text | None = None
    publisher: Text | None = None
    date: PartialDate | None = None


class Location(Strict):
    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]


class Report(Strict):
    """A dated report: the figures one source gave on one date."""

    date: PartialDate
    source: Slug | None = None
    note: Text | None = None


class EstateReport(Report):
    area_ha: Hectares | None = None
    occupied_ha: Hectares | None = None
    available_ha: Hectares | None = None
    occupancy_percent: Percent | None = None
    tenants: Tenants | None = None
    investment_idr_bn: RupiahBn | None = None


class ProjectReport(Report):
    percent: Percent | None = None
    land_percent: Percent | None = None
    length_km: Kilometres | None = None
    capacity_lps: LitresPerSecond | None = None
    capacity_mmscfd: Mmscfd | None = None
    capacity_mtpa: Mtpa | None = None


class Milestone(Strict):
    name: Text
    due: PartialDate | None = None
    done: PartialDate | None = None
    source: Slug | None = None


class Issue(Strict):
    """A kendala: an obstacle raised in a meeting, with the agency that must act."""

    id: Slug
    title: Text
    owner: Slug
    raised: PartialDate
    due: PartialDate | None = None
    status: Lax[IssueStatus]
    resolved: PartialDate | None = None
    related: list[Slug] = []
    source: Slug | None = None
    note: Text | None = None


class Record(Strict):
    """What estates and infrastructure projects share."""

    id: Slug
    name: Text
    status: Lax[Status]
    psn: bool
    basis: list[Slug] = []
    region: Slug
    location: Location | None = None
    notes: Text | None = None
    sources: list[Source] = []
    milestones: list[Milestone] = []
    issues: list[Issue] = []


class Estate(Record):
    regency: Slug
    operator: Slug | None = None
    area_ha: Hectares | None = None
    sectors: list[Text] = []
    progress: list[EstateReport] = []


class Project(Record):
    """An infrastructure project: road, toll road, railway, port, water, gas, power..."""

    kind: Lax[ProjectKind]
    regencies: list[Slug] = []
    serves: list[Slug] = []
    owner: Slug
    operator: Slug | None = None
    funding: Lax[Funding] | None = None
    target: PartialDate | None = None
    budget_idr_bn: RupiahBn | None = None
    length_km: Kilometres | None = None
    capacity_lps: LitresPerSecond | None = None
    capacity_mmscfd: Mmscfd | None = None
    capacity_mtpa: Mtpa | None = None
    progress: list[ProjectReport] = []


class Regency(Strict):
    id: Slug
    name: Text


class Region(Strict):
    id: Slug
    name: Text
    priority: bool
    members_verified: bool = True
    basis: list[Slug] = []
    regencies: list[Regency] = []
    notes: Text | None = None
    sources: list[Source] = []


class Agency(Strict):
    id: Slug
    name: Text
    short: Text | None = None
    type: Lax[AgencyType]
    url: Text | None = None
    notes: Text | None = None


class Decision(Strict):
    id: Slug | None = None
    text: Text
    owner: Slug | None = None
    due: PartialDate | None = None
    done: PartialDate | None = None
    dropped: PartialDate | None = None
    reason: Text | None = None
    related: list[Slug] = []


class Meeting(Strict):
    id: Slug
    date: PartialDate
    title: Text
    chair: Slug | None = None
    attendees: list[Slug] = []
    sources: list[Source] = []
    decisions: list[Decision] = []
    notes: Text | None = None
