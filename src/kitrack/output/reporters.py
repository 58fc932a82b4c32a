"""Reporters for `kitrack check`: text (Rich, grouped by file), json, github annotations and SARIF.

One registry, `REPORTERS`, maps each `--format` to the function that renders it. A problem arrives
as a code, parameters and a place; it is worded here, in the language the reporter is given.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import asdict
from itertools import groupby
from pathlib import Path, PurePosixPath
from typing import Any, TextIO
from urllib.parse import quote_from_bytes

from kitrack import __version__
from kitrack.domain import text as texts
from kitrack.domain.codes import CODES, ERROR, wording
from kitrack.domain.problems import Number, Param, Problem, Summary, Term
from kitrack.output import inert
from kitrack.output.i18n import Language


def message(problem: Problem, language: Language) -> str:
    """What is wrong, in words: the code's wording in the language, its parameters worded too."""
    template, _ = wording(problem.code, language.code)
    return template.format(**{name: language.render(value) for name, value in problem.params.items()})


def hint(problem: Problem, language: Language) -> str | None:
    """The suggested fix: the problem's own, else its code's, else None."""
    if problem.hint is not None:
        return language.render(problem.hint)
    template = wording(problem.code, language.code)[1]
    if template is None:
        return None
    return template.format(**{name: language.render(value) for name, value in problem.params.items()})


def _with_hint(problem: Problem, language: Language) -> str:
    """The message, and the hint in brackets: one line, for annotations and SARIF."""
    suggestion = hint(problem, language)
    return message(problem, language) + (f" ({suggestion})" if suggestion else "")


def summary_line(summary: Summary, language: Language) -> str:
    checked = language.t(
        "check.checked",
        records=language.plural(summary.records, "record"),
        files=language.plural(summary.files, "file"),
    )
    if not summary.errors and not summary.warnings:
        return language.t("check.clean", checked=checked)
    return language.t(
        "check.problems",
        checked=checked,
        errors=language.plural(summary.errors, "error"),
        warnings=language.plural(summary.warnings, "warning"),
    )


def text(problems: list[Problem], summary: Summary, out: TextIO, language: Language) -> None:
    from rich.console import Console  # lazy: start-up
    from rich.text import Text

    console = Console(file=out, highlight=False, soft_wrap=not out.isatty())
    # Values from data files are shown as Text, never parsed as markup: `[red]` in a name stays literal;
    # and made inert: a file name with a line break cannot start a line with `::error`.
    for name, group in groupby(problems, key=lambda p: p.file):
        console.print(Text(inert.terminal(name), style="bold underline"))
        for problem in group:
            style = "red" if problem.level == ERROR else "yellow"
            line = Text.assemble(
                (f"  {problem.line}:{problem.column}".ljust(10), "dim"),
                (language.t(f"word.{problem.level}").ljust(11), style),
                (problem.code.ljust(24), "bold"),
                inert.terminal(message(problem, language)),
            )
            if problem.path:
                line.append(f"  ({inert.terminal(problem.path)})", style="dim")
            console.print(line)
            suggestion = hint(problem, language)
            if suggestion:
                console.print(
                    Text.assemble(" " * 45, (f"{language.t('word.hint')}: ", "cyan"), inert.terminal(suggestion))
                )
        console.print()
    style = "red" if summary.errors else "yellow" if summary.warnings else "green"
    mark = "✗" if summary.errors else "!" if summary.warnings else "✓"
    console.print(Text(f"{mark} {summary_line(summary, language)}", style=style))


def _plain(value: Param) -> Any:
    """A parameter as JSON, the same in every language: a Term as `{"term": its label, ...its
    parameters}`, a Number as the number."""
    if isinstance(value, Term):
        return {"term": value.key, **{name: _plain(param) for name, param in value.params.items()}}
    if isinstance(value, Number):
        return value.value
    if texts.is_local(value):
        return texts.shape(value)
    return value


def as_json(problems: list[Problem], summary: Summary, out: TextIO, language: Language) -> None:
    """`message` and `hint` are words in the language; `code` and `params` are for scripts."""
    document = {
        "problems": [
            {
                "file": problem.file,
                "line": problem.line,
                "column": problem.column,
                "level": problem.level,
                "code": problem.code,
                "message": message(problem, language),
                "path": problem.path,
                "hint": hint(problem, language),
                "params": {name: _plain(value) for name, value in problem.params.items()},
            }
            for problem in problems
        ],
        "summary": asdict(summary),
    }
    inert.write_json(document, out)


def github(problems: list[Problem], summary: Summary, out: TextIO, language: Language) -> None:
    """GitHub Actions workflow commands: one annotation per problem, on its line."""
    for problem in problems:
        properties = ",".join(
            f"{key}={inert.annotation_property(str(value))}"
            for key, value in (
                ("file", problem.file),
                ("line", problem.line),
                ("col", problem.column),
                ("title", problem.code),
            )
        )
        out.write(f"::{problem.level} {properties}::{inert.annotation_message(_with_hint(problem, language))}\n")
    out.write(summary_line(summary, language) + "\n")


SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_LEVELS = {"error": "error", "warning": "warning"}


def _artifact_uri(file: str) -> dict[str, str]:
    """A relative path stays relative (to the checkout root, as code scanning expects); an absolute
    one becomes a file:// URI. The URI quotes the name's bytes, so a name that is not UTF-8 still
    names its file (`bad%FF.yaml`)."""
    path = Path(file)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": quote_from_bytes(os.fsencode(PurePosixPath(*path.parts).as_posix())), "uriBaseId": "%SRCROOT%"}


def sarif(problems: list[Problem], summary: Summary, out: TextIO, language: Language) -> None:
    """SARIF 2.1.0 for code-scanning upload: one rule per problem code, one result per problem."""
    index = {name: position for position, name in enumerate(CODES)}
    rules = []
    for code in CODES.values():
        help_text = f"{code.summary}\n\nFails:\n{code.bad}\n\nPasses:\n{code.good}"
        help_markdown = f"{code.summary}\n\nFails:\n\n```yaml\n{code.bad}\n```\n\nPasses:\n\n```yaml\n{code.good}\n```"
        rules.append(
            {
                "id": code.name,
                "name": "".join(part.capitalize() for part in code.name.split("-")),
                "shortDescription": {"text": code.summary},
                "fullDescription": {"text": code.summary + (f" Hint: {code.hint}." if code.hint else "")},
                "help": {"text": help_text, "markdown": help_markdown},
                "defaultConfiguration": {"level": SARIF_LEVELS[code.level]},
                "properties": {"tags": ["kitrack", code.group]},
            }
        )
    results = []
    for problem in problems:
        result: dict[str, Any] = {
            "ruleId": problem.code,
            "level": SARIF_LEVELS.get(problem.level, "warning"),
            "message": {"text": _with_hint(problem, language)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": _artifact_uri(problem.file),
                        "region": {"startLine": max(problem.line, 1), "startColumn": max(problem.column, 1)},
                    },
                    **(
                        {"logicalLocations": [{"fullyQualifiedName": problem.path, "kind": "member"}]}
                        if problem.path
                        else {}
                    ),
                }
            ],
        }
        if problem.code in index:
            result["ruleIndex"] = index[problem.code]
        results.append(result)
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "kitrack",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {
                    "%SRCROOT%": {"description": {"text": "The directory kitrack ran in: the repository root in CI."}}
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"summary": asdict(summary)},
            }
        ],
    }
    inert.write_json(document, out)


# Each writes the problems and the summary to the stream, worded in the language.
REPORTERS: dict[str, Callable[[list[Problem], Summary, TextIO, Language], None]] = {
    "text": text,
    "json": as_json,
    "github": github,
    "sarif": sarif,
}
