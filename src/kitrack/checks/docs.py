"""Generate docs/checks.md from the code registry: `python -m kitrack.checks.docs > docs/checks.md`.

The registry in kitrack.domain.codes is the one place each code is described; a test fails when the
committed page is out of date.
"""

from __future__ import annotations

from kitrack.domain.codes import CODES, Code


def render_checks() -> str:
    lines = [
        "# Problem codes",
        "",
        "Every problem `kitrack check` reports has one of these stable codes. Errors fail the check",
        "(exit 1); warnings fail it only under `--strict`. This page is generated from",
        "`src/kitrack/domain/codes.py` by `python -m kitrack.checks.docs > docs/checks.md`; `tests/fixtures/<code>/`",
        "holds a failing data set for each code.",
        "",
    ]
    groups: dict[str, list[Code]] = {}
    for code in CODES.values():
        groups.setdefault(code.group, []).append(code)
    lines += ["| code | level | what it means |", "|---|---|---|"]
    lines += [f"| [`{c.name}`](#{c.name}) | {c.level} | {c.summary} |" for c in CODES.values()]
    for group, codes in groups.items():
        lines += ["", f"## {group}"]
        for code in codes:
            lines += ["", f"### {code.name}", "", f"*{code.level}* — {code.summary}", ""]
            if code.hint:
                lines += [f"Hint shown: {code.hint}.", ""]
            lines += ["Fails:", "", "```yaml", code.bad, "```", "", "Passes:", "", "```yaml", code.good, "```"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render_checks(), end="")
