"""Figures: every one has a plausible range that `check` enforces, and every later command is total
even on figures past it (issue 16, item 6)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import typing
from pathlib import Path

import annotated_types
import pytest
from typer.testing import CliRunner

from conftest import REPO, replace_in
from kitrack import checks, export
from kitrack.domain import board
from kitrack.output import render
from kitrack.output import show as show_output
from kitrack.output import status as status_output
from kitrack.views import show, status, tables
from kitrack.checks import Context
from kitrack.cli import app
from kitrack.load.dataset import load
from kitrack.domain import figures
from kitrack.domain.models import EstateReport, ProjectReport, Report

BASE = REPO / "tests" / "fixtures" / "base"
AS_OF = dt.date(2026, 11, 29)
DIGITS_400 = "9" * 400


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    return root


def test_every_figure_has_a_range():
    """Every number any record may hold has both bounds: a figure added later without them fails here."""
    from kitrack.export import schemas

    def numbers(node, path=""):
        if isinstance(node, dict):
            if node.get("type") in ("number", "integer"):
                yield path, node
            for key, value in node.items():
                yield from numbers(value, f"{path}/{key}")
        elif isinstance(node, list):
            for position, value in enumerate(node):
                yield from numbers(value, f"{path}/{position}")

    found = [(name + path, node) for name, document in schemas.build().items() for path, node in numbers(document)]
    assert any("tenants" in path for path, _ in found)
    for path, node in found:
        assert "minimum" in node and "maximum" in node, path
    assert all(unit.high < 2**53 for unit in figures.UNITS)  # exact as floats, fit 64-bit integers


@pytest.mark.parametrize("model, kind", [(EstateReport, "estate"), (ProjectReport, "infrastructure")])
def test_the_report_models_carry_the_registered_figures(model, kind):
    """The registry and the models agree: the same figures in the same order, each with its unit's
    bounds, whole numbers where the unit counts."""
    dated = {dated.field for dated in figures.DATED_FIELDS}
    own = [name for name in model.model_fields if name not in Report.model_fields and name not in dated]
    assert own == [figure.field for figure in figures.reported_by(kind)]
    for figure in figures.reported_by(kind):
        (annotated,) = [arg for arg in typing.get_args(model.model_fields[figure.field].annotation) if arg is not type(None)]
        number, field = typing.get_args(annotated)
        assert number is (int if figure.unit.whole else float), figure.field
        assert field.metadata == [annotated_types.Ge(figure.unit.low), annotated_types.Le(figure.unit.high)], figure.field


@pytest.mark.parametrize("file, old, new, line, column", [
    ("estates/ki-alpha.yaml", "tenants: 15", "tenants: 9223372036854775808", 29, 14),
    ("estates/ki-alpha.yaml", "tenants: 15", f"tenants: {DIGITS_400}", 29, 14),
    ("estates/ki-alpha.yaml", "tenants: 15", "tenants: 100001", 29, 14),
    ("estates/ki-alpha.yaml", "area_ha: 100", f"area_ha: {DIGITS_400}", 22, 14),
    ("estates/ki-alpha.yaml", "area_ha: 100", "area_ha: 2e6", 22, 14),
    ("estates/ki-alpha.yaml", "occupied_ha: 72", "occupied_ha: 72\n    investment_idr_bn: 1e19", 29, 24),
    ("infrastructure/tol-alpha.yaml", "length_km: 12.5", "budget_idr_bn: 1e19", 28, 20),
    ("infrastructure/tol-alpha.yaml", "length_km: 12.5", "length_km: 1e300", 28, 16),
    ("infrastructure/tol-alpha.yaml", "length_km: 12.5", "capacity_mtpa: 20000", 28, 20),
    ("infrastructure/tol-alpha.yaml", "percent: 40", "percent: 1e300", 29, 14),
])
def test_check_reports_an_absurd_figure_where_it_is(data, file, old, new, line, column):
    replace_in(data / file, old, new)
    found = [(p.line, p.column, p.code) for p in checks.run(load(data), Context(as_of=AS_OF)) if p.level == "error"]
    assert found == [(line, column, "invalid-value")]


def test_the_limit_is_shown_as_a_figure_in_both_languages(data):
    replace_in(data / "infrastructure/tol-alpha.yaml", "length_km: 12.5", "budget_idr_bn: 1e19")
    for lang, limit in (("en", "100,000,000"), ("id", "100.000.000")):
        result = CliRunner().invoke(app, ["check", "--data", str(data), "--as-of", "2026-11-29", "--lang", lang])
        assert result.exit_code == 1 and limit in result.stdout, result.stdout


def test_a_gain_of_5e_324_points_projects_never_instead_of_crashing(data):
    replace_in(data / "infrastructure/tol-alpha.yaml", "percent: 40", "percent: 0")
    replace_in(data / "infrastructure/tol-alpha.yaml", "percent: 55", "percent: 5e-324")
    projection = board.project(load(data).projects["tol-alpha"], AS_OF)
    assert projection.state == "at-risk" and projection.projected is None
    result = CliRunner().invoke(app, ["status", "--data", str(data), "--as-of", "2026-11-29"])
    assert result.exit_code == 0, result.output


def test_every_later_command_is_total_on_figures_past_the_ranges(data, tmp_path):
    """Figures the models refuse, put in place behind their back: no command may crash on them."""
    dataset = load(data)
    alpha = dataset.estates["ki-alpha"]
    huge = {"tenants": int(DIGITS_400), "investment_idr_bn": 2**64, "occupied_ha": 1e19}
    dataset.estates["ki-alpha"] = alpha.model_copy(update={"progress": [r.model_copy(update=huge) for r in alpha.progress]})
    tol = dataset.projects["tol-alpha"]
    dataset.projects["tol-alpha"] = tol.model_copy(update={"budget_idr_bn": 1e19, "progress": [
        r.model_copy(update={"percent": p}) for r, p in zip(tol.progress, (-1e308, 1e308))]})
    for what in ("estates", "infrastructure", "progress"):
        render.print_table(tables.build(what, dataset, AS_OF), io.StringIO())
    report = status.build(dataset, AS_OF, status.default_since(dataset, AS_OF))
    for renderer in status_output.RENDERERS.values():
        renderer(report, io.StringIO())
    show_output.print_record(show.view(dataset, dataset.estates["ki-alpha"], AS_OF), io.StringIO())
    assert DIGITS_400[:30] in render.cell(tables.Column("tenants", "number"), int(DIGITS_400)).replace(",", "")
    bundle = export.gather(dataset, AS_OF)
    for fmt in export.FORMATS:
        export.write(fmt, bundle, tmp_path / f"out.{fmt}")
