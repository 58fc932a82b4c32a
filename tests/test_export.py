"""`kitrack export`: every format read back by its own reader, the counts of `kitrack list`, safe cells,
atomic writes and the usage errors."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import AS_OF, FIXTURES, REPO, SAMPLE, invoke, replace_in

BASE = FIXTURES / "base"
TABLES = ["estates", "infrastructure", "sections", "progress", "milestones", "issues", "sources", "regions", "regencies", "agencies"]
FORMULA = '=HYPERLINK("http://x")'


@pytest.fixture
def fixture_data(tmp_path: Path) -> Path:
    """The base fixture (ki-alpha has a location, ki-beta has none), with a name that is a formula."""
    target = tmp_path / "data"
    shutil.copytree(BASE, target)
    replace_in(target / "estates" / "ki-beta.yaml", "name: Kawasan Industri Beta", f"name: '{FORMULA}'")
    replace_in(target / "agencies.yaml", "name: PT Alpha Estate Indonesia", "name: PT Alpha Éstate Indonesia")
    return target


def export(data: Path, fmt: str, output: Path, *args: str):
    return invoke("export", "--data", data, "--format", fmt, "--output", output, *args)


def printed_counts(stdout: str) -> dict[str, int]:
    """`table  N row(s)` or `out/table.csv  N row(s)` lines of the summary."""
    counts = {}
    for name, rows in re.findall(r"^\s+(\S+)\s+(\d+) row\(s\)$", stdout, re.M):
        counts[Path(name).stem] = int(rows)
    return counts


def list_json(data: Path, what: str, *args: str) -> list[dict]:
    result = invoke("list", what, "--data", data, "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# --- CSV -----------------------------------------------------------------------------------------


def test_csv_round_trip_with_inert_formulas(fixture_data, tmp_path):
    out = tmp_path / "csv"
    result = export(fixture_data, "csv", out)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    counts = printed_counts(result.stdout)
    assert list(counts) == TABLES
    rows = {}
    for table in TABLES:
        with open(out / f"{table}.csv", encoding="utf-8", newline="") as handle:
            rows[table] = list(csv.DictReader(handle))
        assert len(rows[table]) == counts[table], table
    beta = next(r for r in rows["estates"] if r["id"] == "ki-beta")
    assert beta["name"] == "'" + FORMULA  # neutralised: a spreadsheet shows it as text
    assert next(r for r in rows["agencies"] if r["id"] == "pt-alpha-estate")["name"] == "PT Alpha Éstate Indonesia"
    alpha_reports = [r for r in rows["progress"] if r["record"] == "ki-alpha"]
    assert [(r["date"], r["tenants"], r["record_kind"]) for r in alpha_reports] == [("2026-03-10", "12", "estates"), ("2026-09-15", "15", "estates")]
    assert {r["record"] for r in rows["issues"]} == {"tol-alpha"}
    assert {(r["id"], r["region"]) for r in rows["regencies"]} >= {("kab-ngawi", "selingkar-wilis")}
    # every child row's record is an exported estate or project: the tables join
    records = {r["id"] for r in rows["estates"] + rows["infrastructure"]}
    assert all(r["record"] in records for t in ("progress", "milestones", "issues") for r in rows[t])


def test_csv_estates_and_infrastructure_are_exactly_list_csv(tmp_path):
    out = tmp_path / "csv"
    assert export(SAMPLE, "csv", out).exit_code == 0
    for what in ("estates", "infrastructure", "regions", "agencies"):
        listed = invoke("list", what, "--data", SAMPLE, "--format", "csv").stdout
        assert (out / f"{what}.csv").read_text(encoding="utf-8") == listed, what


def test_csv_for_indonesian_excel(fixture_data, tmp_path):
    out = tmp_path / "excel"
    assert export(SAMPLE, "csv", out, "--excel").exit_code == 0
    raw = (out / "progress.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    with open(out / "progress.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    header = raw.decode("utf-8-sig").splitlines()[0]
    assert header.split(";")[:4] == ["record_kind", "record", "section", "position"]
    assert any(r["percent"] == "86,43" for r in rows)  # decimal comma
    assert any("–" in r["note"] for r in rows)  # accents and dashes intact


@pytest.mark.parametrize("text, inert", [
    (FORMULA, True), ("+62 31 123", True), ("-x", True), ("@SUM(A1)", True), ("\tfoo", True), ("\rfoo", True),
    ("-7.15", False), ("+5", False), ("-1e3", False), ("Kawasan", False), ("", False),
    ("-٣", True), ("+２", True),  # digits only to Python: a spreadsheet reads a formula
])
def test_formula_cells_are_neutralised_but_numbers_are_not(text, inert):
    from kitrack.output.render import defuse

    assert (defuse(text) == "'" + text) is inert
    assert defuse(text) == text or inert


# --- XLSX ----------------------------------------------------------------------------------------


def test_xlsx_round_trip(fixture_data, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "report.xlsx"
    result = export(fixture_data, "xlsx", out)
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["summary", *TABLES]
    counts = printed_counts(result.stdout)
    for table in TABLES:
        sheet = book[table]
        header = [cell.value for cell in sheet[1]]
        assert sheet.max_row - 1 == counts[table], table
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
        assert all((sheet.column_dimensions[c.column_letter].width or 0) >= 6 for c in sheet[1])
        assert header[0] in ("id", "record_kind", "record")
    estates = book["estates"]
    header = [cell.value for cell in estates[1]]
    rows = {row[0]: dict(zip(header, row)) for row in estates.iter_rows(min_row=2, values_only=True)}
    beta = next(row for row in estates.iter_rows(min_row=2) if row[0].value == "ki-beta")
    name = beta[header.index("name")]
    assert name.value == FORMULA and name.data_type == "s"  # text, never a formula
    alpha = rows["ki-alpha"]
    assert alpha["area_ha"] == 100 and alpha["tenants"] == 15 and alpha["psn"] is True
    assert alpha["latest_report"] == dt.datetime(2026, 9, 15)
    # partial dates: a real date at the end of the period, shown with the source's precision
    progress = book["progress"]
    header = [cell.value for cell in progress[1]]
    beta_report = next(row for row in progress.iter_rows(min_row=2) if row[1].value == "ki-beta")
    cell = beta_report[header.index("date")]
    assert cell.is_date and cell.value == dt.datetime(2026, 6, 30) and cell.number_format == "yyyy-mm"
    tol = book["infrastructure"]
    header = [cell.value for cell in tol[1]]
    target = tol.cell(row=2, column=header.index("target") + 1)
    assert target.is_date and target.value == dt.datetime(2027, 12, 31) and target.number_format == "yyyy-mm"
    summary = [row for row in book["summary"].iter_rows(values_only=True)]
    assert any(row[0] == "estates" and row[1] == counts["estates"] for row in summary)
    assert any(row[0] == "ki-beta" for row in summary)  # listed without a location


# --- JSON ----------------------------------------------------------------------------------------


def test_json_document_and_counts_match_list(tmp_path):
    out = tmp_path / "all.json"
    result = export(SAMPLE, "json", out)
    assert result.exit_code == 0, result.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["as_of"] == AS_OF and list(document["tables"]) == TABLES
    assert document["filters"]["region"] is None
    for what in ("estates", "infrastructure", "issues", "regions", "agencies"):
        assert document["tables"][what] == list_json(SAMPLE, what), what
    assert printed_counts(result.stdout) == {t: len(rows) for t, rows in document["tables"].items()}
    assert len(document["estates_without_location"]) == 18


def test_filters_and_as_of_are_honoured(tmp_path):
    data = SAMPLE
    out = tmp_path / "gw.json"
    assert export(data, "json", out, "--region", "selingkar-wilis", "--psn").exit_code == 0
    tables = json.loads(out.read_text())["tables"]
    assert tables["estates"] == list_json(data, "estates", "--region", "selingkar-wilis", "--psn")
    assert tables["infrastructure"] == list_json(data, "infrastructure", "--region", "selingkar-wilis", "--psn")
    assert [r["id"] for r in tables["regions"]] == ["selingkar-wilis"]
    chosen = {r["id"] for r in tables["estates"] + tables["infrastructure"]}
    assert all(r["record"] in chosen for t in ("progress", "milestones", "issues") for r in tables[t])
    out = tmp_path / "toll.json"
    assert export(data, "json", out, "--kind", "toll-road").exit_code == 0
    tables = json.loads(out.read_text())["tables"]
    assert tables["infrastructure"] == list_json(data, "infrastructure", "--kind", "toll-road")
    assert len(tables["estates"]) == 18  # --kind narrows infrastructure only
    early = tmp_path / "early.json"
    assert invoke("export", "--data", BASE, "--as-of", "2026-05-01", "-f", "json", "-o", early).exit_code == 0
    progress = json.loads(early.read_text())["tables"]["progress"]
    assert {(r["record"], r["date"]) for r in progress} == {("ki-alpha", "2026-03-10"), ("tol-alpha", "2026-04-30")}


# --- GeoJSON -------------------------------------------------------------------------------------


def check_geojson_package(document):
    """The `geojson` package's own validation: RFC 7946 objects, every feature and geometry valid."""
    import geojson

    parsed = geojson.loads(json.dumps(document))
    assert parsed.is_valid, parsed.errors()
    for feature in parsed["features"]:
        assert feature.is_valid and feature["geometry"].is_valid, feature.errors()


def check_geojson(document: dict) -> None:
    """The structure RFC 7946 requires of a FeatureCollection of Points."""
    assert document["type"] == "FeatureCollection" and isinstance(document["features"], list)
    assert "crs" not in document  # RFC 7946: WGS84 only, no crs member
    for feature in document["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature.get("id"), (str, int))
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert all(not isinstance(v, (dict, list)) for v in feature["properties"].values())


def test_geojson_of_estates_with_a_location(fixture_data, tmp_path):
    out = tmp_path / "estates.geojson"
    result = export(fixture_data, "geojson", out)
    assert result.exit_code == 0, result.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    check_geojson(document)
    check_geojson_package(document)
    feature, project = document["features"]
    assert project["id"] == "tol-alpha" and project["properties"]["location_precision"] == "town"
    assert project["properties"]["record_kind"] == "infrastructure"
    assert feature["properties"]["location_precision"] == "site"
    assert feature["properties"]["location_source_url"] == "https://example.org/bisnis/ki-alpha-2026-03"
    assert feature["id"] == "ki-alpha"
    assert feature["geometry"]["coordinates"] == [112.6, -7.15]  # lon, lat
    assert feature["properties"]["tenants"] == 15 and feature["properties"]["occupied_ha"] == 72
    assert feature["properties"]["sectors"] == "logistics;chemicals"
    assert "1 of 2 estate(s) on the map" in result.stdout
    assert "1 of 1 infrastructure project(s) on the map" in result.stdout
    assert "1 estate(s) have no location" in result.stdout and "ki-beta" in result.stdout


def test_geojson_of_the_sample_data_says_no_estate_has_a_location(tmp_path):
    out = tmp_path / "estates.geojson"
    result = export(SAMPLE, "geojson", out)
    assert result.exit_code == 0
    document = json.loads(out.read_text())
    check_geojson(document)
    assert document["features"] == []
    assert "No estate has a location" in result.stdout and "jiipe" in result.stdout


# --- SQLite --------------------------------------------------------------------------------------


def test_sqlite_round_trip_keys_and_latest_view(fixture_data, tmp_path):
    out = tmp_path / "kitrack.sqlite"
    result = export(fixture_data, "sqlite", out)
    assert result.exit_code == 0, result.stderr
    db = sqlite3.connect(out)
    db.execute("PRAGMA foreign_keys = ON")
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert names == set(TABLES) | {"records"}
    counts = printed_counts(result.stdout)
    for table in TABLES:
        assert db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == counts[table]
        assert db.execute(f'PRAGMA foreign_key_list("{table}")').fetchall() or table in ("regions", "agencies", "sources")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    fk_tables = {row[2] for row in db.execute("PRAGMA foreign_key_list(progress)")}
    assert fk_tables == {"records", "sources"}
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO progress (record_kind, record, position, date) VALUES ('estates', 'no-such-estate', 0, '2026')")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO estates (id, name, region, regency) VALUES ('ki-alpha', 'again', 'gerbangkertosusila', 'kab-gresik')")
    joined = db.execute(
        "SELECT e.name, p.date, p.tenants FROM progress p JOIN estates e ON e.id = p.record WHERE e.id = 'ki-alpha' ORDER BY p.position"
    ).fetchall()
    assert joined == [("Kawasan Industri Alpha", "2026-03-10", 12), ("Kawasan Industri Alpha", "2026-09-15", 15)]
    assert db.execute("SELECT target, serves FROM infrastructure").fetchone() == ("2027-12", '["ki-alpha"]')
    assert db.execute("SELECT psn FROM estates WHERE id = 'ki-alpha'").fetchone() == (1,)
    assert db.execute("SELECT psn FROM estates WHERE id = 'ki-beta'").fetchone() == (None,)  # unknown is NULL
    sections = db.execute("SELECT record, id, length_km FROM sections ORDER BY id").fetchall()
    assert sections == [("tol-alpha", "seksi-1", 5), ("tol-alpha", "seksi-2", 7.5)]
    with pytest.raises(sqlite3.IntegrityError):  # a report's place is unique in its record or section
        db.execute("INSERT INTO progress (record_kind, record, section, position, date) VALUES ('infrastructure', 'tol-alpha', 'seksi-1', 0, '2026')")
    latest = {row[0]: row[1:] for row in db.execute("SELECT record, latest_report, tenants, occupied_ha, percent FROM latest")}
    assert latest["ki-alpha"] == ("2026-09-15", 15, 72, None)
    assert latest["tol-alpha"] == ("2026-10-31", None, None, 55)
    assert db.execute("SELECT status, target FROM latest WHERE record = 'tol-alpha'").fetchone() == (
        "construction", "2027-12",
    )
    assert latest["ki-beta"] == ("2026-06", None, None, None)
    indexed = {row[0] for row in db.execute("SELECT tbl_name FROM sqlite_master WHERE type = 'index'")}
    assert indexed >= {"estates", "progress", "issues", "sources", "regencies"}
    name = db.execute("SELECT name FROM estates WHERE id = 'ki-beta'").fetchone()[0]
    assert name == FORMULA  # data, stored as text


def test_sqlite_of_the_sample_data_counts_match_list(tmp_path):
    out = tmp_path / "kitrack.sqlite"
    assert export(SAMPLE, "sqlite", out).exit_code == 0
    db = sqlite3.connect(out)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    for what in ("estates", "infrastructure", "issues", "regions", "agencies"):
        assert db.execute(f'SELECT count(*) FROM "{what}"').fetchone()[0] == len(list_json(SAMPLE, what)), what
    estates = {row["id"]: row for row in list_json(SAMPLE, "estates")}
    for record, tenants in db.execute("SELECT record, tenants FROM latest WHERE record_kind = 'estates'"):
        assert tenants == estates[record]["tenants"], record


# --- writing safely ------------------------------------------------------------------------------


def test_existing_output_is_replaced_only_with_force(fixture_data, tmp_path):
    out = tmp_path / "x.json"
    out.write_text("keep me")
    result = export(fixture_data, "json", out)
    assert result.exit_code == 2 and "--force" in result.stderr and out.read_text() == "keep me"
    assert export(fixture_data, "json", out, "--force").exit_code == 0
    assert json.loads(out.read_text())["tables"]["estates"]
    folder = tmp_path / "csv"
    assert export(fixture_data, "csv", folder).exit_code == 0
    assert export(fixture_data, "csv", folder).exit_code == 2
    assert export(fixture_data, "csv", folder, "--force").exit_code == 0
    (folder / "notes.txt").write_text("mine")
    result = export(fixture_data, "csv", folder, "--force")
    assert result.exit_code == 2 and (folder / "notes.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csv", "data", "x.json"]  # no temporary files left


@pytest.mark.parametrize("args, message", [
    (["--format", "json", "--output", "no/such/folder/x.json"], "does not exist"),
    (["--format", "xlsx", "--output", "{tmp}", "--force"], "is a folder"),
    (["--format", "xlsx", "--output", "{tmp}/x.xlsx", "--excel"], "--excel"),
    (["--format", "json", "--output", "{tmp}/x.json", "--status", "finished"], "finished"),
    (["--format", "json", "--output", "{tmp}/x.json", "--kind", "ministry"], "ministry"),
    (["--format", "json", "--output", "{tmp}/x.json", "--region", "madura-raya"], "madura-raya"),
    (["--format", "pdf", "--output", "{tmp}/x.pdf"], "pdf"),
    (["--format", "json"], "--output"),
])
def test_usage_errors_exit_2_without_a_traceback(tmp_path, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = invoke("export", "--data", BASE, *args)
    assert result.exit_code == 2, result.stdout
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_nothing_behind(fixture_data, tmp_path, monkeypatch):
    from kitrack import export as exporter
    from kitrack.load.dataset import load
    from kitrack.export import to_sqlite

    bundle = exporter.gather(load(fixture_data), dt.date(2026, 11, 29))
    out = tmp_path / "db.sqlite"
    out.write_bytes(b"previous")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(to_sqlite, "_insert", broken)
    with pytest.raises(OSError):
        exporter.write("sqlite", bundle, out, force=True)
    assert out.read_bytes() == b"previous"
    monkeypatch.setattr("kitrack.output.render.write_delimited", broken)
    with pytest.raises(OSError):
        exporter.write("csv", bundle, tmp_path / "csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "db.sqlite"]


def export_here(*args: str):
    """`kitrack export` on the base fixture, in this process."""
    from typer.testing import CliRunner

    from kitrack.cli import app

    return CliRunner().invoke(app, ["export", "--data", str(BASE), "--as-of", AS_OF, *args])


def _odd_file(kind: str, path: Path, victim: Path) -> None:
    """Make `path` a symbolic link, a named pipe, a socket or a character device (like /dev/null)."""
    import os
    import socket
    import stat

    if kind == "link":
        path.symlink_to(victim)
    elif kind == "stdout-link":
        path.symlink_to("/proc/self/fd/1")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        listener = socket.socket(socket.AF_UNIX)
        listener.bind(path.name)  # relative: a full tmp path may pass the 108-byte limit
        listener.close()
    else:
        try:
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("making a device needs root")


@pytest.mark.parametrize("kind", ["link", "stdout-link", "fifo", "socket", "device"])
@pytest.mark.parametrize("fmt", ["json", "sqlite", "csv"])
def test_force_never_replaces_what_is_not_a_regular_file(tmp_path, monkeypatch, kind, fmt):
    monkeypatch.chdir(tmp_path)
    victim = tmp_path / "victim.json"
    victim.write_text("keep me")
    out = tmp_path / "out"
    _odd_file(kind, out, victim)
    before = os.lstat(out)
    result = export_here("--format", fmt, "--output", str(out), "--force")
    assert result.exit_code == 2, result.output
    assert "never replaces it, even with --force" in result.stderr
    after = os.lstat(out)
    assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino, before.st_rdev)
    assert victim.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "victim.json"]  # no temporary files


def test_force_never_replaces_a_linked_folder_or_a_folder_holding_links(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "keep.txt").write_text("keep me")
    (tmp_path / "link").symlink_to("mine")
    result = export_here("--format", "csv", "--output", str(tmp_path / "link"), "--force")
    assert result.exit_code == 2 and "never replaces it" in result.stderr
    assert (tmp_path / "link").is_symlink() and (tmp_path / "mine" / "keep.txt").exists()
    folder = tmp_path / "csv"
    assert export_here("--format", "csv", "--output", str(folder)).exit_code == 0
    (folder / "estates.csv").unlink()
    (folder / "estates.csv").symlink_to(tmp_path / "mine" / "keep.txt")  # a .csv that is not a file
    result = export_here("--format", "csv", "--output", str(folder), "--force")
    assert result.exit_code == 2 and "holds more than CSV files" in result.stderr
    assert (folder / "estates.csv").is_symlink()


def test_what_takes_the_outputs_place_during_the_write_is_not_replaced(fixture_data, tmp_path, monkeypatch):
    from kitrack import export as exporter
    from kitrack.output import inert
    from kitrack.load.dataset import load

    bundle = exporter.gather(load(fixture_data), dt.date(2026, 11, 29))
    out, victim = tmp_path / "x.json", tmp_path / "victim"
    victim.write_text("keep me")
    real = inert.write_json

    def racing(document, stream):
        real(document, stream)
        out.symlink_to(victim)  # swapped in after the checks, before the rename

    monkeypatch.setattr(inert, "write_json", racing)
    with pytest.raises(exporter.OutputError, match="never replaces it"):
        exporter.write("json", bundle, out)
    assert out.is_symlink() and victim.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "victim", "x.json"]


def test_output_dash_is_standard_output_for_text_formats_only(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = export_here("--format", "geojson", "--output", "-")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["type"] == "FeatureCollection"
    assert "Wrote -" in result.stderr
    result = export_here("--format", "json", "-o", "-")
    assert json.loads(result.stdout)["tables"]["estates"]
    for fmt in ("csv", "xlsx", "sqlite"):
        result = export_here("--format", fmt, "--output", "-")
        assert result.exit_code == 2 and "standard output" in result.stderr, fmt
    assert list(tmp_path.iterdir()) == []  # never a file named `-`


def test_schema_refuses_to_replace_a_link(tmp_path):
    from typer.testing import CliRunner

    from kitrack.cli import app

    victim = tmp_path / "victim"
    victim.write_text("keep me")
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "estate.schema.json").symlink_to(victim)
    result = CliRunner().invoke(app, ["schema", "--output", str(tmp_path / "schemas")])
    assert result.exit_code == 2 and "never replaces it" in result.stderr
    assert victim.read_text() == "keep me"


def test_summary_in_indonesian(fixture_data, tmp_path):
    result = export(fixture_data, "geojson", tmp_path / "peta.geojson", "--lang", "id")
    assert result.exit_code == 0
    assert "Menulis" in result.stdout and "1 dari 2 kawasan di peta" in result.stdout


def test_readme_documents_every_exported_column():
    from kitrack.views import tables
    from kitrack.export.tables import TABLES as EXPORTED

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### `kitrack export`", 1)[1].split("\n### ", 1)[0]
    documented = dict(re.findall(r"^\| `(\w+)` \| `([^`]+)`", section, re.M))
    assert list(documented) == list(EXPORTED) == TABLES
    for name in EXPORTED:
        columns = [c.key for c in tables.build(name, _empty(), dt.date(2026, 11, 29)).columns]
        assert documented[name].split(", ") == columns, name


def _empty():
    from kitrack.load.dataset import Dataset

    return Dataset(REPO)


def test_data_with_errors_still_exports_and_warns(fixture_data, tmp_path):
    replace_in(fixture_data / "estates" / "ki-alpha.yaml", "    source: antara-2026-09\n", "    source: no-such-source\n")
    replace_in(fixture_data / "estates" / "ki-beta.yaml", "status: planning", "status: dreaming")
    out = tmp_path / "db.sqlite"
    result = export(fixture_data, "sqlite", out)
    assert result.exit_code == 0, result.stderr
    assert "1 reference(s) point at rows that are not in the export" in result.stderr
    assert "the data has 1 error(s)" in result.stderr
    db = sqlite3.connect(out)
    assert [row[0] for row in db.execute("SELECT id FROM estates")] == ["ki-alpha"]
    assert len(db.execute("PRAGMA foreign_key_check").fetchall()) == 1
