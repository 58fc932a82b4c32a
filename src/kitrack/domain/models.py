"""Pydantic models for each record kind, and their enumerations.

The models are strict where hand-editing goes wrong: text is never coerced to a number or a boolean,
unknown fields are rejected, and NaN or infinity is not a figure. Rules that need more than one field
or more than one record (percent going down, references) live in `kitrack.checks`, where they can
report precise, stable problem codes.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    StringConstraints,
    Tag,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from kitrack.domain import figures
from kitrack.domain.dates import PartialDate

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=64)]
PlainText = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
# A reference to a record, or to one of a project's sections as `record/section` (`tol-klbm/seksi-4`).
RecordRef = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)?$", max_length=129)]

# Each unit's type, with the plausible range that `kitrack.domain.figures` gives it.
Hectares = Annotated[float, Field(ge=figures.HECTARES.low, le=figures.HECTARES.high)]
Tenants = Annotated[int, Field(ge=figures.TENANTS.low, le=figures.TENANTS.high)]
RupiahBn = Annotated[float, Field(ge=figures.RUPIAH_BN.low, le=figures.RUPIAH_BN.high)]
Kilometres = Annotated[float, Field(ge=figures.KILOMETRES.low, le=figures.KILOMETRES.high)]
LitresPerSecond = Annotated[float, Field(ge=figures.LITRES_PER_SECOND.low, le=figures.LITRES_PER_SECOND.high)]
Mmscfd = Annotated[float, Field(ge=figures.MMSCFD.low, le=figures.MMSCFD.high)]
Mtpa = Annotated[float, Field(ge=figures.MTPA.low, le=figures.MTPA.high)]
Percent = Annotated[float, Field(ge=figures.PERCENT.low, le=figures.PERCENT.high)]
MillionTonnes = Annotated[float, Field(ge=figures.MILLION_TONNES.low, le=figures.MILLION_TONNES.high)]


class Status(str, Enum):
    """Project stages, as used by the national tracker (KPPIP)."""

    planning = "planning"  # perencanaan
    preparation = "preparation"  # penyiapan
    transaction = "transaction"  # transaksi
    construction = "construction"  # konstruksi
    partially_operating = "partially-operating"  # beroperasi sebagian
    operating = "operating"  # selesai / beroperasi


class Psn(Enum):
    """Whether a record is a National Strategic Project: the YAML values, so `Psn(value)` parses and
    `.value` writes. `unknown` is what the sources say of many planned estates: no source either way."""

    YES = True
    NO = False
    UNKNOWN = "unknown"


def _psn(value: object) -> Psn:
    # Exactly true, false or "unknown": 1 and 0 equal True and False in Python, but are no answer here.
    for member in Psn:
        if value is member.value:
            return member
    if value == Psn.UNKNOWN.value:
        return Psn.UNKNOWN
    raise PydanticCustomError("enum", "Input should be true, false or 'unknown'", {"expected": "true, false, unknown"})


PsnField = Annotated[
    Psn, PlainValidator(_psn), WithJsonSchema({"anyOf": [{"type": "boolean"}, {"const": "unknown"}]}),
]


class Precision(str, Enum):
    """How close a location's point is to the place itself."""

    site = "site"  # on the estate or facility
    area = "area"  # near it: its village or kecamatan
    town = "town"  # the centre of a town that is not the site
    regency = "regency"  # the regency seat or centre


class SourceKind(str, Enum):
    official = "official"
    news = "news"
    company = "company"
    academic = "academic"
    blog = "blog"
    other = "other"


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


# The tags of the two shapes of a text, in the paths of pydantic's errors (load/schema.py leaves them out).
TEXT_TAG, LOCAL_TAG = "[text]", "[id/en]"


class LocalText(Strict):
    """Free text in one or both languages of the catalogue: `{id: ..., en: ...}`."""

    id: PlainText | None = None
    en: PlainText | None = None

    @model_validator(mode="after")
    def _one_language(self) -> LocalText:
        if self.id is None and self.en is None:
            raise PydanticCustomError("text_empty", "give the text in at least one language")
        return self


def _text_shape(value: object) -> str:
    return LOCAL_TAG if isinstance(value, (dict, LocalText)) else TEXT_TAG


# A text as code handles it, once validated.
TextValue = str | LocalText

# Free text: a plain string, shown as it is in every language, or the text in Indonesian and English.
# The shape is chosen by the value (a mapping or not), so a mistake gives one error, not one per shape.
Text = Annotated[
    Annotated[PlainText, Tag(TEXT_TAG)] | Annotated[LocalText, Tag(LOCAL_TAG)], Discriminator(_text_shape),
]


class Source(Strict):
    id: Slug
    url: PlainText
    title: PlainText | None = None
    publisher: PlainText | None = None
    date: PartialDate | None = None
    kind: Lax[SourceKind] | None = None


class Location(Strict):
    """A point, how close it is to the place, and the source that gives it."""

    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]
    precision: Lax[Precision]
    source: Slug


class BasisRef(Strict):
    """A legal basis and the source that supports it."""

    id: Slug
    source: Slug
    note: PlainText | None = None


# A basis is a slug (nobody has cited it yet) or a slug with its source.
Basis = Slug | BasisRef


def basis_id(basis: Basis) -> str:
    return basis if isinstance(basis, str) else basis.id


class Report(Strict):
    """A dated report: what one source gave on one date. Everything that changes over time lives in
    reports, the stage and the target too, so that every value has a date and a source."""

    date: PartialDate
    source: Slug | None = None
    note: Text | None = None
    status: Lax[Status] | None = None
    target: PartialDate | None = None


class EstateReport(Report):
    area_ha: Hectares | None = None
    occupied_ha: Hectares | None = None
    available_ha: Hectares | None = None
    occupancy_percent: Percent | None = None
    tenants: Tenants | None = None
    investment_idr_bn: RupiahBn | None = None


class ProjectReport(Report):
    funding: Lax[Funding] | None = None
    percent: Percent | None = None
    land_percent: Percent | None = None
    length_km: Kilometres | None = None  # planned (design) length
    capacity_lps: LitresPerSecond | None = None  # planned capacities
    capacity_mmscfd: Mmscfd | None = None
    capacity_mtpa: Mtpa | None = None
    operating_km: Kilometres | None = None  # in operation on the report's date
    operating_lps: LitresPerSecond | None = None  # capacities in operation on the report's date
    operating_mmscfd: Mmscfd | None = None
    operating_mtpa: Mtpa | None = None
    budget_idr_bn: RupiahBn | None = None
    throughput_mt: MillionTonnes | None = None


class Milestone(Strict):
    id: Slug | None = None  # optional: keeps a milestone the same one when its name is edited or translated
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
    related: list[RecordRef] = []
    source: Slug | None = None
    note: Text | None = None


class Record(Strict):
    """What estates and infrastructure projects share: identity and current relations. Whatever
    changes over time and comes from a source (stage, target, figures) is in the dated reports."""

    id: Slug
    name: Text
    psn: PsnField
    basis: list[Basis] = []
    location: Location | None = None
    notes: Text | None = None
    sources: list[Source] = []
    milestones: list[Milestone] = []
    issues: list[Issue] = []


class Estate(Record):
    region: Slug
    regency: Slug
    operator: Slug | None = None
    sectors: list[PlainText] = []
    progress: list[EstateReport] = []


class Section(Strict):
    """A part of a project reported on its own (a phase, a seksi): like a small project. It cites
    its project's sources."""

    id: Slug
    name: Text
    within: Slug | None = None  # the phase (a section with no `within`) it is part of
    regencies: list[Slug] = []
    notes: Text | None = None
    progress: list[ProjectReport] = []
    milestones: list[Milestone] = []
    issues: list[Issue] = []


class Project(Record):
    """An infrastructure project: road, toll road, railway, port, water, gas, power..."""

    kind: Lax[ProjectKind]
    regions: Annotated[list[Slug], Field(min_length=1)]
    regencies: list[Slug] = []
    serves: list[Slug] = []
    owner: Slug
    operator: Slug | None = None
    progress: list[ProjectReport] = []
    sections: list[Section] = []


REGENCY_CODE = r"^[0-9]{2}\.[0-9]{2}$"


class Regency(Strict):
    id: Slug
    name: PlainText
    code: Annotated[str, StringConstraints(pattern=REGENCY_CODE)] | None = None  # kode wilayah, "35.25"


class Region(Strict):
    id: Slug
    name: PlainText
    priority: bool
    members_verified: bool = True
    basis: list[Slug] = []
    regencies: list[Regency] = []
    notes: PlainText | None = None
    sources: list[Source] = []


class Agency(Strict):
    id: Slug
    name: PlainText
    short: PlainText | None = None
    type: Lax[AgencyType]
    url: PlainText | None = None
    notes: PlainText | None = None


class Decision(Strict):
    text: Text
    owner: Slug | None = None
    due: PartialDate | None = None
    done: PartialDate | None = None
    related: list[RecordRef] = []


class Meeting(Strict):
    id: Slug
    date: PartialDate
    title: Text
    chair: Slug | None = None
    attendees: list[Slug] = []
    sources: list[Source] = []
    decisions: list[Decision] = []
    notes: Text | None = None
