"""Every problem in one run (issue 15): a schema error in a record does not hide its other problems.
The record is salvaged without its failing parts and checked; it is still left out of every view."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from conftest import invoke, replace_in
from kitrack.domain.models import Project
from kitrack.load.salvage import salvage

TOL = "infrastructure/tol-probolinggo-banyuwangi.yaml"
# What the valid record has: the broken one must show these too, no more and no fewer.
WARNINGS = [("sections-length", "sections"), ("stale", "progress[0].date")]


def problems_of(data: Path, name: str = TOL) -> list[tuple[str, str]]:
    run = invoke("check", "--data", data, "--format", "json")
    return sorted((p["code"], p["path"]) for p in json.loads(run.stdout)["problems"] if p["file"].endswith(name))


def test_an_unknown_field_does_not_hide_the_unknown_agency_and_estate(data_copy: Path) -> None:
    tol = data_copy / TOL
    replace_in(tol, "owner: kementerian-pupr", "owner: kementrian-pupr")
    replace_in(tol, "serves: [ki-wongsorejo]", "serves: [ki-wongsorejo, ki-banyuwangi]")
    replace_in(tol, "        percent: 86.43", "        precent: 86.43")
    assert problems_of(data_copy) == sorted([
        ("unknown-agency", "owner"),
        ("unknown-estate", "serves[1]"),
        ("unknown-field", "sections[0].progress[0].precent"),
        *WARNINGS,
    ])


def test_a_bad_figure_does_not_hide_the_percent_out_of_range_beside_it(data_copy: Path) -> None:
    tol = data_copy / TOL
    replace_in(tol, "        percent: 86.43", "        percent: 120")
    replace_in(tol, "        land_percent: 100", '        land_percent: "80"')
    assert problems_of(data_copy) == sorted([
        ("percent-range", "sections[0].progress[0].percent"),
        ("wrong-type", "sections[0].progress[0].land_percent"),
        *WARNINGS,
    ])


def test_the_valid_record_has_the_warnings_the_others_expect(data_copy: Path) -> None:
    assert problems_of(data_copy) == WARNINGS


def test_a_part_left_out_is_not_reported_again_as_missing(data_copy: Path) -> None:
    # The source goes with its bad url: its citations are not also unknown, the record not unsourced.
    replace_in(data_copy / TOL, "url: https://ekonomi.bisnis.com/read/20250819/45/1903593/", "url: [1]")
    assert problems_of(data_copy) == sorted([("wrong-type", "sources[0].url"), *WARNINGS])


def test_a_salvaged_record_is_counted_but_never_shown(data_copy: Path) -> None:
    replace_in(data_copy / TOL, "psn: unknown", "psn: unknown\ncolour: red")
    replace_in(data_copy / TOL, "serves: [ki-wongsorejo]", "serves: [ki-banyuwangi]")
    check = json.loads(invoke("check", "--data", data_copy, "--format", "json").stdout)["summary"]
    status = json.loads(invoke("status", "--data", data_copy, "--format", "json").stdout)
    assert check["errors"] == 2  # the unknown field, the unknown estate
    assert "tol-probolinggo-banyuwangi" not in invoke("list", "--data", data_copy).stdout
    assert invoke("show", "tol-probolinggo-banyuwangi", "--data", data_copy).exit_code != 0
    assert status["data_errors"] == check["errors"]


def test_a_broken_record_with_the_id_of_a_valid_one_is_not_checked_in_its_place(data_copy: Path) -> None:
    copy = data_copy / "infrastructure" / "tol-copy.yaml"
    copy.write_text((data_copy / TOL).read_text(encoding="utf-8").replace("notes:", "noets:", 1), encoding="utf-8")
    replace_in(copy, "serves: [ki-wongsorejo]", "serves: [ki-banyuwangi]")
    # Only the broken copy's own schema error: the valid record keeps the id, the copy is not checked.
    assert problems_of(data_copy, "tol-copy.yaml") == [("unknown-field", "noets")]


def raw_project(**changes: object) -> dict[str, object]:
    raw: dict[str, object] = {
        "id": "p",
        "name": "P",
        "kind": "toll-road",
        "psn": "unknown",
        "regions": ["r"],
        "owner": "a",
        "sources": [{"id": "s", "url": "https://example.org"}],
    }
    raw.update(changes)
    return raw


def salvaged(raw: dict[str, object]) -> tuple[Project | None, list[tuple[str | int, ...]]]:
    with pytest.raises(ValidationError) as error:
        Project.model_validate(raw)
    return salvage(Project, raw, error.value)


def test_salvage_cuts_the_failing_parts_and_keeps_the_rest() -> None:
    raw = raw_project(
        colour="red",
        notes=5,
        sources=[{"id": "s", "url": "https://example.org"}, {"id": "t"}, {"id": "u", "url": "x", "date": "2025-13"}],
    )
    record, pruned = salvaged(raw)
    assert record is not None
    assert [source.id for source in record.sources] == ["s", "u"]  # `t` lacks its url; `u` only its date
    assert record.sources[1].date is None and record.notes is None
    assert sorted(pruned, key=str) == sorted([("colour",), ("notes",), ("sources", 1), ("sources", 2, "date")], key=str)
    assert "colour" in raw and len(raw["sources"]) == 3  # type: ignore[arg-type]


@pytest.mark.parametrize("fault", [{"name": None}, {"regions": []}, {"kind": "canal"}])
def test_salvage_gives_up_on_a_required_top_level_field(fault: dict[str, object]) -> None:
    assert salvaged(raw_project(**fault))[0] is None


JIIPE = "estates/jiipe.yaml"


def test_a_misspelt_required_field_is_one_problem(data_copy: Path) -> None:
    replace_in(data_copy / JIIPE, "\nregency:", "\nregncy:")
    run = invoke("check", "--data", data_copy, "--format", "json")
    found = [p for p in json.loads(run.stdout)["problems"] if p["file"].endswith(JIIPE)]
    assert [(p["code"], p["path"], p["hint"]) for p in found] == [
        ("unknown-field", "regncy", "did you mean `regency`?")
    ]


def test_a_missing_field_is_reported_when_no_unknown_key_is_its_misspelling(data_copy: Path) -> None:
    replace_in(data_copy / JIIPE, "\nregency:", "\ncolour:")
    assert problems_of(data_copy, JIIPE) == [("missing-field", "regency"), ("unknown-field", "colour")]


def test_status_names_the_records_it_leaves_out(data_copy: Path) -> None:
    replace_in(data_copy / JIIPE, "\nregency:", "\nregncy:")
    (data_copy / "estates" / "kig.yaml").write_text("id: [kig\n", encoding="utf-8")
    replace_in(data_copy / "agencies.yaml", "  - id: kementerian-pupr\n", "  - id: kementerian-pupr\n    colour: red\n")
    check = json.loads(invoke("check", "--data", data_copy, "--format", "json").stdout)["summary"]
    status = json.loads(invoke("status", "--data", data_copy, "--format", "json").stdout)
    assert status["data_errors"] == check["errors"]
    files = {name: f"{data_copy}/{file}" for name, file in
             [("agencies", "agencies.yaml"), ("jiipe", JIIPE), ("kig", "estates/kig.yaml")]}
    assert status["left_out"] == [
        {"id": "kementerian-pupr", "file": files["agencies"]},
        {"id": "jiipe", "file": files["jiipe"]},
        {"id": "kig", "file": files["kig"]},
    ]
    line = invoke("status", "--data", data_copy).stdout.splitlines()[3]
    assert line == (
        f"the data has {check['errors']} error(s); run `kitrack check` — figures below leave out "
        f"kementerian-pupr ({files['agencies']}), jiipe ({files['jiipe']}), kig ({files['kig']})"
    )


def test_a_broken_meeting_still_has_its_references_and_dates_checked(data_copy: Path) -> None:
    meeting = "meetings/2026-10-27-rakor-ki.yaml"
    replace_in(data_copy / meeting, "chair: disperindag-jatim", "chair: disperindag-jatim-x\ncolour: red")
    assert problems_of(data_copy, meeting) == [
        ("overdue", "decisions[0].due"),  # as the valid meeting has
        ("unknown-agency", "chair"),
        ("unknown-field", "colour"),
    ]
