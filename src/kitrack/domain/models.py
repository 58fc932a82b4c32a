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

# The plausible range of every figure, in one place. A value outside it is no real figure: a slip of
# the keyboard, a unit mix-up (rupiah where billions of rupiah are asked), or input crafted to break
# the commands that compute with it (a 400-digit tenant count, a budget past SQLite's integers).
# `check` reports it as `invalid-value` at the figure and the record is not loaded, so no later
# command sees it. The bounds are generous, far above the largest real figure anywhere in Indonesia
# (noted beside each), and all below 2**53, so every accepted figure is exact as a float and as a
# 64-bit integer (SQLite, XLSX). Percentages may stray past 0–100 here on purpose: 112 is a likely
# typo of a real figure, which the `percent-range` check reports while the record stays on the board;
# past ±1,000 it is no percentage at all.
FIGURE_RANGES: dict[str, tuple[int, int]] = {
    "hectares": (0, 1_000_000),  # 10,000 km²; the largest estates and special zones have tens of thousands of ha
    "tenants": (0, 100_000),  # the largest estates have a few thousand
    "idr_bn": (0, 100_000_000),  # IDR 100,000 trillion: about four times Indonesia's yearly GDP
    "km": (0, 100_000),  # Indonesia's whole national road network is under 50,000 km
    "lps": (0, 1_000_000),  # the largest water schemes supply a few thousand litres per second
    "mmscfd": (0, 100_000),  # Indonesia's whole gas output is under 10,000 MMSCFD
    "mtpa": (0, 10_000),  # the busiest port in the world handles under 1,500 million tonnes a year
    "percent": (-1_000, 1_000),
}


def _figure(unit: str, number: type = float):
    low, high = FIGURE_RANGES[unit]
    return Annotated[number, Field(ge=low, le=high)]


Hectares = _figure("hectares")
Tenants = _figure("tenants", int)
RupiahBn = _figure("idr_bn")
Kilometres = _figure("km")
LitresPerSecond = _figure("lps")
Mmscfd = _figure("mmscfd")
Mtpa = _figure("mtpa")
Percent = _figure("percent")


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
    area_ha: Optional[Hectares] = None
    occupied_ha: Optional[Hectares] = None
    available_ha: Optional[Hectares] = None
    occupancy_percent: Optional[Percent] = None
    tenants: Optional[Tenants] = None
    investment_idr_bn: Optional[RupiahBn] = None


class ProjectReport(Report):
    percent: Optional[Percent] = None
    land_percent: Optional[Percent] = None
    length_km: Optional[Kilometres] = None
    capacity_lps: Optional[LitresPerSecond] = None
    capacity_mmscfd: Optional[Mmscfd] = None
    capacity_mtpa: Optional[Mtpa] = None


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
    area_ha: Optional[Hectares] = None
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
    budget_idr_bn: Optional[RupiahBn] = None
    length_km: Optional[Kilometres] = None
    capacity_lps: Optional[LitresPerSecond] = None
    capacity_mmscfd: Optional[Mmscfd] = None
    capacity_mtpa: Optional[Mtpa] = None
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
