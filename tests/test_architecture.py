"""The package's architecture: one-way imports between its layers, no cycles, every module importable
on its own, a light command-line start-up, and a reason for every import inside a function.

The layers and their exceptions are the import-linter contracts in pyproject.toml
([tool.importlinter]); `lint-imports` runs the same check from the command line.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys

from importlinter.cli import lint_imports

import kitrack
from conftest import REPO

SOURCE = REPO / "src" / "kitrack"
LAZY = "# lazy: start-up"


def _modules() -> list[str]:
    """Every module of the package, except `kitrack.__main__` (importing it runs the command line)."""
    found = ["kitrack"] + [info.name for info in pkgutil.walk_packages(kitrack.__path__, "kitrack.")]
    return sorted(name for name in found if name != "kitrack.__main__")


def test_import_contracts_hold():
    """Layers (cli > export | git > views > checks | output > load > domain), output free of load
    and checks, and no import cycle anywhere; the output names each broken import."""
    kept = lint_imports(config_filename=str(REPO / "pyproject.toml"), no_cache=True, no_logo=True) == 0
    assert kept, "an import contract is broken: the captured output names each import (or run lint-imports)"


def test_every_module_imports_on_its_own():
    """Each module imported first, in a process with no other kitrack module loaded: an import
    cycle that a lucky import order hides fails here."""
    script = (
        "import importlib, sys, traceback\n"
        "failed = []\n"
        f"for name in {_modules()!r}:\n"
        "    for loaded in [m for m in sys.modules if m == 'kitrack' or m.startswith('kitrack.')]:\n"
        "        del sys.modules[loaded]\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception:\n"
        "        failed.append(name + ':\\n' + traceback.format_exc())\n"
        "print('\\n'.join(failed))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    failed = result.stdout.strip()
    assert not failed, "modules that cannot be imported first:\n" + failed


def test_command_line_starts_without_the_heavy_libraries():
    """`kitrack --version` loads neither pydantic, rich nor yaml, nor any command's module: each
    command's module is imported when the command runs or the help lists it."""
    script = (
        "import sys\n"
        "sys.argv = ['kitrack', '--version']\n"
        "import kitrack.cli\n"
        "try:\n"
        "    kitrack.cli.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    version, modules = result.stdout.split("\n", 1)
    assert version.startswith("kitrack ")
    loaded = set(modules.split())
    assert not {name.split(".")[0] for name in loaded} & {"pydantic", "pydantic_core", "rich", "yaml", "xlsxwriter"}
    assert {name for name in loaded if name.startswith("kitrack")} == {
        "kitrack", "kitrack.cli", "kitrack.cli.app", "kitrack.cli.options",  # the app and the shared options
        "kitrack.load", "kitrack.load.limits", "kitrack.output", "kitrack.output.languages",  # their defaults and choices
        "kitrack.output.stream",  # the guard on standard output
    }


def test_every_import_inside_a_function_says_why():
    """An import inside a function keeps start-up fast and says so: `# lazy: start-up` on a line of
    each group of adjacent imports. One that only dodged an import cycle belongs at the top."""
    unmarked = []
    for path in sorted(SOURCE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for function in ast.walk(ast.parse(text)):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            numbers = sorted({node.lineno for node in ast.walk(function) if isinstance(node, (ast.Import, ast.ImportFrom))})
            groups: list[list[int]] = []
            for number in numbers:
                if groups and groups[-1][-1] == number - 1:
                    groups[-1].append(number)
                else:
                    groups.append([number])
            for group in groups:
                if not any(LAZY in lines[number - 1] for number in group):
                    unmarked.append(f"{path.relative_to(REPO)}:{group[0]}: {lines[group[0] - 1].strip()}")
    assert not unmarked, "imports inside functions without `# lazy: start-up`:\n" + "\n".join(unmarked)
