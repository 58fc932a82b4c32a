"""The SQLite export as a Datasette portal: the shipped metadata (src/kitrack/assets/datasette/) is
up to date, and Datasette itself, through its own test client, serves the tables with their titles
and the canned queries, which agree with `kitrack status`."""

from __future__ import annotations

import asyncio
import json
from importlib.resources import files
from pathlib import Path

import pytest

from conftest import invoke, replace_in
from kitrack.export import datasette as portal
from kitrack.output.i18n import Language
from kitrack.output.languages import LANGUAGES

pytest.importorskip("datasette", reason="Datasette is not installed (the test extra)")
ASSETS = files("kitrack") / "assets" / "datasette"


@pytest.mark.parametrize("code", LANGUAGES)
def test_shipped_metadata_is_up_to_date(code):
    shipped = (ASSETS / f"metadata-{code}.json").read_text(encoding="utf-8")
    assert shipped == portal.text(Language(code)), (
        "run `python -m kitrack.export.datasette --write src/kitrack/assets/datasette`"
    )


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, dict]:
    """The sample with one project at risk, exported to kitrack.sqlite, and its status as JSON."""
    import shutil

    from conftest import SAMPLE

    folder = tmp_path_factory.mktemp("portal")
    data = folder / "data"
    shutil.copytree(SAMPLE, data)
    replace_in(data / "infrastructure" / "tol-klbm.yaml", "\nmilestones:\n",
               "\n  - {date: 2025-06, source: suarasurabaya-2020-11, percent: 40, target: 2027-06}\n"
               "  - {date: 2026-06-30, source: suarasurabaya-2020-11, percent: 50}\nmilestones:\n")
    database = folder / "kitrack.sqlite"
    assert invoke("--data", str(data), "export", "--format", "sqlite", "--output", str(database)).exit_code == 0
    status = invoke("--data", str(data), "status", "--format", "json")
    return database, json.loads(status.stdout)


def serve(database: Path, code: str, *paths: str) -> list:
    from datasette.app import Datasette

    async def fetch() -> list:
        metadata = json.loads((ASSETS / f"metadata-{code}.json").read_text(encoding="utf-8"))
        app = Datasette(files=[str(database)], metadata=metadata)
        await app.invoke_startup()
        answers = []
        for path in paths:
            response = await app.client.get(path)
            assert response.status_code == 200, (path, response.text[:500])
            answers.append(response.json() if ".json" in path else response.text)
        return answers

    return asyncio.run(fetch())


def test_canned_queries_agree_with_status(exported):
    database, status = exported
    overdue, at_risk, by_agency = serve(
        database, "en",
        "/kitrack/overdue.json?as_of=2026-11-29&_shape=array",
        "/kitrack/at_risk.json?_shape=array",
        "/kitrack/by_agency.json?_shape=array",
    )
    # Meetings are not exported, so their decisions are the one thing status has and the portal has not.
    expected = [(row["kind"], row["record"], row["due"], row["days"], row["owner"])
                for row in status["overdue"] if row["kind"] != "decision"]
    assert sorted((row["item"], row["record"], row["due"], row["days_late"], row["owner"]) for row in overdue) == sorted(expected)
    assert [(row["id"], row["projected"], row["target"]) for row in at_risk] == [
        (row["id"], row["projected"], row["target"]) for row in status["at_risk"]
    ]
    assert [row["id"] for row in at_risk] == ["tol-klbm"]
    pupr = next(row for row in by_agency if row["id"] == "kementerian-pupr")
    assert (pupr["projects_owned"], pupr["open_issues"]) == (5, 1)


def test_tables_and_queries_have_titles_in_each_language(exported):
    database, _ = exported
    for code, words in {"en": ("Overdue", "By agency", "Industrial estates", "One row per estate", "Latest report"),
                        "id": ("Lewat tenggat", "Menurut instansi", "Kawasan industri", "Satu baris per kawasan",
                               "Laporan terakhir")}.items():
        database_page, estates_page = serve(database, code, "/kitrack", "/kitrack/estates")
        assert words[0] in database_page and words[1] in database_page  # the canned queries, by title
        assert all(word in estates_page for word in words[2:])  # the table's title, description, a column's
