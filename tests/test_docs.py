"""Documentation that must not drift from the code."""

import re

from conftest import REPO
from kitrack.checks.docs import render_checks


def test_checks_page_is_generated_from_the_registry():
    assert (REPO / "docs" / "checks.md").read_text(encoding="utf-8") == render_checks(), (
        "docs/checks.md is out of date: run `python -m kitrack.checks.docs > docs/checks.md`"
    )


def quick_start() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


def test_quick_start_is_two_commands_and_ci_runs_the_test_one():
    commands = quick_start()
    assert len(commands) == 2
    assert commands[0].startswith("pip install -e '.[test]' && kitrack ")
    assert commands[1] == "pip install -e '.[test]' && pytest"
    assert commands[1] in (REPO / ".ci" / "run").read_text(encoding="utf-8")
