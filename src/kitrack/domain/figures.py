"""Figures: the numbers a dated report gives, one registry for what each one is.

For each figure: its field (in the YAML, the models, every table and the diff), its unit and the
plausible range of that unit, how a cell shows it (a number, a percentage or a count), its label and
the record kinds whose reports carry it. The report models declare their fields with the units'
bounds (tests/test_figures.py asserts that models and registry agree); the progress table has one
column per figure, in this order; `show` lists a report's figures and `diff` describes them from here.

This module imports nothing of kitrack's, so that the models and every layer above can use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# How a table cell shows a figure: a number with the language's separators, a percentage, or a count
# of things (a whole number).
FigureFormat = Literal["number", "percent", "count"]
# The record kinds whose reports carry figures (the names of kitrack.domain.kinds).
ReportingKind = Literal["estate", "infrastructure"]


@dataclass(frozen=True)
class Unit:
    """A unit, and the plausible range of any figure in it."""

    name: str
    low: int
    high: int
    whole: bool = False  # counts: a whole number, never 2.5 tenants


# The plausible range of every figure, in one place. A value outside it is no real figure: a slip of
# the keyboard, a unit mix-up (rupiah where billions of rupiah are asked), or input crafted to break
# the commands that compute with it (a 400-digit tenant count, a budget past SQLite's integers).
# `check` reports it as `invalid-value` at the figure and the record is not loaded, so no later
# command sees it. The bounds are generous, far above the largest real figure anywhere in Indonesia
# (noted beside each), and all below 2**53, so every accepted figure is exact as a float and as a
# 64-bit integer (SQLite, XLSX). Percentages may stray past 0–100 here on purpose: 112 is a likely
# typo of a real figure, which the `percent-range` check reports while the record stays on the board;
# past ±1,000 it is no percentage at all.
# 1,000,000 ha is 10,000 km²; the largest estates and special zones have tens of thousands of ha.
HECTARES = Unit("hectares", 0, 1_000_000)
TENANTS = Unit("tenants", 0, 100_000, whole=True)  # the largest estates have a few thousand
RUPIAH_BN = Unit("idr_bn", 0, 100_000_000)  # IDR 100,000 trillion: about four times Indonesia's yearly GDP
KILOMETRES = Unit("km", 0, 100_000)  # Indonesia's whole national road network is under 50,000 km
LITRES_PER_SECOND = Unit("lps", 0, 1_000_000)  # the largest water schemes supply a few thousand litres per second
MMSCFD = Unit("mmscfd", 0, 100_000)  # Indonesia's whole gas output is under 10,000 MMSCFD
MTPA = Unit("mtpa", 0, 10_000)  # the busiest port in the world handles under 1,500 million tonnes a year
MILLION_TONNES = Unit("mt", 0, 10_000)  # tonnes handled in a year, with MTPA's range
PERCENT = Unit("percent", -1_000, 1_000)

UNITS = (HECTARES, TENANTS, RUPIAH_BN, KILOMETRES, LITRES_PER_SECOND, MMSCFD, MTPA, MILLION_TONNES, PERCENT)


@dataclass(frozen=True)
class Figure:
    field: str
    unit: Unit
    reported_by: ReportingKind
    derivable: bool = False  # a unit with sections may have it derived from theirs (`percent` only)

    @property
    def format(self) -> FigureFormat:
        if self.unit is PERCENT:
            return "percent"
        return "count" if self.unit.whole else "number"

    @property
    def label_key(self) -> str:
        return f"col.{self.field}"


FIGURES = (
    Figure("area_ha", HECTARES, "estate"),
    Figure("occupied_ha", HECTARES, "estate"),
    Figure("available_ha", HECTARES, "estate"),
    Figure("occupancy_percent", PERCENT, "estate"),
    Figure("tenants", TENANTS, "estate"),
    Figure("investment_idr_bn", RUPIAH_BN, "estate"),
    Figure("percent", PERCENT, "infrastructure", derivable=True),
    Figure("land_percent", PERCENT, "infrastructure"),
    Figure("length_km", KILOMETRES, "infrastructure"),
    Figure("capacity_lps", LITRES_PER_SECOND, "infrastructure"),
    Figure("capacity_mmscfd", MMSCFD, "infrastructure"),
    Figure("capacity_mtpa", MTPA, "infrastructure"),
    Figure("operating_km", KILOMETRES, "infrastructure"),
    Figure("operating_lps", LITRES_PER_SECOND, "infrastructure"),
    Figure("operating_mmscfd", MMSCFD, "infrastructure"),
    Figure("operating_mtpa", MTPA, "infrastructure"),
    Figure("budget_idr_bn", RUPIAH_BN, "infrastructure"),
    Figure("throughput_mt", MILLION_TONNES, "infrastructure"),
)
BY_FIELD = {figure.field: figure for figure in FIGURES}

# Physical progress: a project's headline figure. `status` draws it as a bar and tracks its change,
# the at-risk projection extrapolates it, and the diff names it by its value alone (`75% → 82%`).
PROGRESS = BY_FIELD["percent"]


# The dated fields that are not numbers: the stage, the target in force and the funding scheme.
DatedKind = Literal["stage", "date", "funding"]


@dataclass(frozen=True)
class DatedField:
    field: str
    type: DatedKind
    reported_by: tuple[ReportingKind, ...]

    @property
    def label_key(self) -> str:
        return f"col.{self.field}"


DATED_FIELDS = (
    DatedField("status", "stage", ("estate", "infrastructure")),
    DatedField("target", "date", ("estate", "infrastructure")),
    DatedField("funding", "funding", ("infrastructure",)),
)


def reported_by(kind: ReportingKind) -> tuple[Figure, ...]:
    """The figures that the reports of one record kind carry, in the registry's order."""
    return tuple(figure for figure in FIGURES if figure.reported_by == kind)
