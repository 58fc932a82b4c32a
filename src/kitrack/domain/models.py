"""Pydantic models for each record kind, and their enumerations.

The models are strict where hand-editing goes wrong: text is never coerced to a number or a boolean,
unknown fields are rejected, and NaN or infinity is not a figure. Rules that need more than one field
or more than one record (percent going down, references) live in `kitrack.checks`, where they can
report precise, stable problem codes.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from kitrack.domain.dates import PartialDate

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=64)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
NonNegative = Annotated[float, Field(ge=0)]
Count = Annotated[int, Field(ge=0)]


class Status(str, Enum):
    """Project stages, as used by the national tracker (KPPIP)."""

    planning = "planning"  # perencanaan
    preparation = "preparation"  # penyiapan
    transaction = "transaction"  # transaksi
    construction = "construction"  # konstruksi
    partially_operating = "partially-operating"  # beroperasi sebagian
    operating = "operating"  # selesai / beroperasi


class Kind(str, Enum):
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


def _enum(enum: type[Enum]):
    # Strict mode would demand enum instances; YAML gives text, so enums alone validate laxly.
    return Annotated[enum, Field(strict=False)]


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
    title: Optional[Text] = None
    publisher: Optional[Text] = None
    date: Optional[PartialDate] = None


class Location(Strict):
    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]


class Report(Strict):
    """A dated report: the figures one source gave on one date."""

    date: PartialDate
    source: Optional[Slug] = None
    note: Optional[Text] = None


class EstateReport(Report):
    area_ha: Optional[NonNegative] = None
    occupied_ha: Optional[NonNegative] = None
    available_ha: Optional[NonNegative] = None
    occupancy_percent: Optional[float] = None
    tenants: Optional[Count] = None
    investment_idr_bn: Optional[NonNegative] = None


class ProjectReport(Report):
    percent: Optional[float] = None
    land_percent: Optional[float] = None
    length_km: Optional[NonNegative] = None
    capacity_lps: Optional[NonNegative] = None
    capacity_mmscfd: Optional[NonNegative] = None
    capacity_mtpa: Optional[NonNegative] = None


class Milestone(Strict):
    name: Text
    due: Optional[PartialDate] = None
    done: Optional[PartialDate] = None
    source: Optional[Slug] = None


class Issue(Strict):
    """A kendala: an obstacle raised in a meeting, with the agency that must act."""

    id: Slug
    title: Text
    owner: Slug
    raised: PartialDate
    due: Optional[PartialDate] = None
    status: _enum(IssueStatus)
    resolved: Optional[PartialDate] = None
    related: list[Slug] = []
    source: Optional[Slug] = None
    note: Optional[Text] = None


class Record(Strict):
    """What estates and infrastructure projects share."""

    id: Slug
    name: Text
    status: _enum(Status)
    psn: bool
    basis: list[Slug] = []
    region: Slug
    location: Optional[Location] = None
    notes: Optional[Text] = None
    sources: list[Source] = []
    milestones: list[Milestone] = []
    issues: list[Issue] = []


class Estate(Record):
    regency: Slug
    operator: Optional[Slug] = None
    area_ha: Optional[NonNegative] = None
    sectors: list[Text] = []
    progress: list[EstateReport] = []


class Project(Record):
    """An infrastructure project: road, toll road, railway, port, water, gas, power..."""

    kind: _enum(Kind)
    regencies: list[Slug] = []
    serves: list[Slug] = []
    owner: Slug
    operator: Optional[Slug] = None
    funding: Optional[_enum(Funding)] = None
    target: Optional[PartialDate] = None
    budget_idr_bn: Optional[NonNegative] = None
    length_km: Optional[NonNegative] = None
    capacity_lps: Optional[NonNegative] = None
    capacity_mmscfd: Optional[NonNegative] = None
    capacity_mtpa: Optional[NonNegative] = None
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
    notes: Optional[Text] = None
    sources: list[Source] = []


class Agency(Strict):
    id: Slug
    name: Text
    short: Optional[Text] = None
    type: _enum(AgencyType)
    url: Optional[Text] = None
    notes: Optional[Text] = None


class Decision(Strict):
    text: Text
    owner: Optional[Slug] = None
    due: Optional[PartialDate] = None
    done: Optional[PartialDate] = None
    related: list[Slug] = []


class Meeting(Strict):
    id: Slug
    date: PartialDate
    title: Text
    chair: Optional[Slug] = None
    attendees: list[Slug] = []
    sources: list[Source] = []
    decisions: list[Decision] = []
    notes: Optional[Text] = None
