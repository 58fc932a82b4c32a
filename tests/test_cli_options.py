"""The command line's shared options: one bundle, before or after the command, one Settings value;
choices that come from the registries; the language of the run, and of its failures."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import REPO
from kitrack.cli import app

BASE = str(REPO / "tests" / "fixtures" / "base")


def run(*args: str):
    return CliRunner().invoke(app, list(args), env={"KITRACK_LANG": "en"})


def test_global_options_before_or_after_the_command_and_the_later_wins():
    before = run("--data", BASE, "--as-of", "2026-06-01", "--lang", "id", "status", "--format", "json")
    after = run("status", "--format", "json", "--data", BASE, "--as-of", "2026-06-01", "--lang", "id")
    assert before.exit_code == after.exit_code == 0, before.output
    assert json.loads(before.output) == json.loads(after.output)
    assert json.loads(after.output)["as_of"] == "2026-06-01"
    later = run("--lang", "id", "--as-of", "2026-06-01", "check", "--data", BASE, "--lang", "en", "--as-of", "2026-11")
    # English, and as of November: no report is in the future
    assert later.output.splitlines()[-1] == "✓ 11 records in 6 files: no problems"


def test_an_option_typed_before_the_command_beats_the_environment():
    """The environment is read once, as if its options came before the command; KITRACK_LANG=en
    does not undo a typed `kitrack --lang id check`."""
    result = run("--lang", "id", "check", "--data", BASE, "--as-of", "2026-11-29")
    assert result.output.splitlines()[-1] == "✓ 11 data dalam 6 berkas: tidak ada masalah"


def test_limits_before_or_after_the_command_reach_the_loader(tmp_path):
    import shutil

    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    beta = root / "estates" / "ki-beta.yaml"
    beta.write_text(beta.read_text() + "notes: " + "x" * 2000 + "\n")
    for args in (["--max-file-mb", "0.001", "check"], ["check", "--max-file-mb", "0.001"]):
        result = run(*args, "--data", str(root), "--as-of", "2026-11-29", "--format", "json")
        assert result.exit_code == 1
        assert {p["code"] for p in json.loads(result.output)["problems"]} == {"unreadable-file"}


@pytest.mark.parametrize("command, option, registry", [
    ("check", "--format", "kitrack.output.reporters:REPORTERS"),
    ("status", "--format", "kitrack.output.status:RENDERERS"),
    ("diff", "--format", "kitrack.output.diff:RENDERERS"),
    ("export", "--format", "kitrack.export:FORMATS"),
    ("list", "what", "kitrack.views.tables:BUILDERS"),
    ("list", "--format", "kitrack.cli.list:FORMATS"),
    ("check", "--lang", "kitrack.output.languages:LANGUAGES"),
])
def test_choices_are_the_keys_of_their_registry(command, option, registry):
    import importlib

    module, name = registry.split(":")
    keys = list(getattr(importlib.import_module(module), name))
    help_text = " ".join(run(command, "--help").output.split())
    assert f"<{'|'.join(keys)}>" in help_text, (option, keys)


def test_a_value_outside_the_registry_is_a_usage_error():
    result = run("check", "--data", BASE, "--format", "xml")
    assert result.exit_code == 2 and "xml" in result.output


def test_the_command_receives_the_key_not_an_enum():
    from kitrack.cli.options import choices

    seen = []

    @choices(format={"text": None, "json": None})
    def command(format: str = "text") -> None:
        seen.append(format)

    members = list(command.__signature__.parameters["format"].annotation)
    command(format=members[1])
    assert seen == ["json"] and type(seen[0]) is str


def test_a_failed_write_is_reported_in_the_chosen_language(tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("KITRACK_", "LC_", "LANG"))}
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "kitrack", "status", "--data", BASE, "--as-of", "2026-11-29", "--lang", "id"],
            stdout=full, stderr=subprocess.PIPE, text=True, env=environment, timeout=120,
        )
    assert result.returncode == 2
    assert result.stderr == "kitrack: galat: tidak dapat menulis keluaran: No space left on device\n"


def test_filters_are_validated_by_the_library():
    from kitrack.views.tables import FilterError, Filters

    Filters(kind="port").validate("infrastructure")
    Filters(status="open").validate("issues")
    Filters(kind="ministry").validate("agencies")
    for filters, table, key in [
        (Filters(kind="port"), "estates", "error.bad_filter"),
        (Filters(status="closed"), "issues", "error.bad_value"),
        (Filters(status="open"), None, "error.bad_value"),  # an export: the statuses of estates and projects
        (Filters(kind="canal"), "infrastructure", "error.bad_value"),
    ]:
        with pytest.raises(FilterError) as refused:
            filters.validate(table)
        assert refused.value.reason.key == key
    with pytest.raises(FilterError) as unknown:
        Filters(region="selingkar-willis").validate_region(["selingkar-wilis", "gerbangkertosusila"])
    assert unknown.value.reason.params["choices"] == "`selingkar-wilis`"
