"""Text from data files and file names, made inert for where it is written: one function per destination.

Data files and their names come from anyone who can open a pull request, and kitrack's output lands
in terminals, CI logs, pull-request comments and code-scanning uploads. Each destination obeys
something different, so each has one function here, and every renderer uses these instead of
escaping on its own:

- `terminal`: plain text for a terminal or a CI log (`check` text, `status`, `list`, `show`, `diff`).
  A character that is not printable (a control character such as ESC, a bidi or zero-width format
  character, a line separator) is shown as its escape (`\\x1b`, `\\u202e`), and so is each byte of a
  file name that is not UTF-8 (`\\xff`). `::` and `##[`, which make a CI log line a workflow command
  (GitHub Actions reads `::` at the start of a line and `##[` anywhere in it; Azure `##vso[`), are
  broken as `:\\x3a` and `\\x23#[`.
- `ci_commands`: only that last step, for CSV and TSV on standard output, whose values otherwise stay
  exact.
- `annotation_message`, `annotation_property`: a GitHub workflow command's message and its
  properties (`file=`, `title=`): as on a terminal, then the percent escapes the runner decodes.
- `markdown`: as on a terminal, then Markdown and HTML punctuation escaped, and autolinks
  (`https://`, `www.`) and @mentions put in code spans, where GitHub neither links nor notifies.
  `markdown_code` is for text inside a code span, where no escape works: a backtick is dropped.
- `json_text`, `write_json`: JSON and SARIF: valid UTF-8 always, exact for every other value.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from typing import Any, TextIO

# `::` anywhere, the first `#` of `##[` or `##vso[`, and every character outside printable ASCII
# (which is then kept if printable).
_TERMINAL = re.compile(r"::|#(?=#(?:vso)?\[)|[^\x20-\x7e]", re.IGNORECASE)
_CI_COMMANDS = re.compile(r"::|#(?=#(?:vso)?\[)", re.IGNORECASE)
_PROPERTY = re.compile(r"#(?=#(?:vso)?\[)|[^\x20-\x7e]", re.IGNORECASE)  # its `:` is percent-escaped
_BROKEN = {"::": ":\\x3a", "#": "\\x23"}


def _byte_or_escape(ch: str) -> str:
    """A character that must not be written as it is, as its Python escape. A lone surrogate from
    U+DC80 to U+DCFF is a byte of a non-UTF-8 file name (Python's surrogateescape): that byte."""
    if "\udc80" <= ch <= "\udcff":
        return f"\\x{ord(ch) - 0xDC00:02x}"
    return repr(ch)[1:-1]


def _terminal_part(match: re.Match[str]) -> str:
    found = match.group()
    if found in _BROKEN:
        return _BROKEN[found]
    return found if found.isprintable() else _byte_or_escape(found)


def terminal(text: str) -> str:
    """Text for a terminal or a CI log: shown, never obeyed."""
    return _TERMINAL.sub(_terminal_part, text)


def ci_commands(text: str) -> str:
    """Text whose CI workflow commands (`::`, `##[`) are broken and nothing else changed."""
    return _CI_COMMANDS.sub(lambda match: _BROKEN[match.group()], text)


def annotation_message(text: str) -> str:
    """The message of a GitHub workflow command (after the second `::`)."""
    return terminal(text).replace("%", "%25")


def annotation_property(text: str) -> str:
    """A property value of a GitHub workflow command (`file=`, `title=`). The runner decodes `%3A`
    and `%2C`, so a file name with `:` or `,` still names its file; a raw `:` or `,` would end the
    property."""
    escaped = _PROPERTY.sub(_terminal_part, text)
    return escaped.replace("%", "%25").replace(":", "%3A").replace(",", "%2C")


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!&])")
# What makes GitHub link or notify: the `://` of a URL, `www.`, the `@` of a mention or an e-mail
# address. Adjacent ones form one run, so that each run becomes a single code span.
_LINKING = re.compile(r"((?:://|www\.|@)+)", re.IGNORECASE)


def markdown(text: str) -> str:
    """Data as literal Markdown text: no emphasis, links, HTML, table breaks, mentions or
    notifications from a name. A code span is the one place where GitHub neither autolinks nor
    resolves @mentions, so the text that would trigger them is put in one (it has no backtick)."""
    parts = _LINKING.split(terminal(text))  # the runs that link are at the odd positions
    if len(parts) == 1:
        return _MD_SPECIAL.sub(r"\\\1", parts[0])
    return "".join(f"`{part}`" if i % 2 else _MD_SPECIAL.sub(r"\\\1", part) for i, part in enumerate(parts))


def markdown_code(text: str) -> str:
    """Text for inside a Markdown code span (`` `{text}` ``): nothing there links or is markup, and
    a backslash is literal, so only a backtick, which would end the span, is dropped."""
    return terminal(text).replace("`", "")


# JSON text outside strings is ASCII structure, so everything this finds is inside a string.
_JSON_SPECIAL = re.compile(r"#(?=#(?:vso)?\[)|[^\n\x20-\x7e]", re.IGNORECASE)


def json_text(document: Any, *, ascii_only: bool = False, default: Callable[[Any], Any] | None = None) -> str:
    """A document as indented JSON that any reader, and any log it is printed to, takes as data.

    Every value stays exact, written with JSON's own escapes where needed: a non-printable
    character (a bidi override) as `\\u202e`, the `#` that would start a `##[` workflow command as
    `\\u0023`, and every non-ASCII character under `ascii_only` (for a stream that cannot encode
    it). The one exception: bytes of a non-UTF-8 file name have no Unicode value, so they are
    written as the text `\\xff`, which keeps the output valid UTF-8."""

    def escape(match: re.Match[str]) -> str:
        ch = match.group()
        if ch == "#":
            return "\\u0023"
        if "\ud800" <= ch <= "\udfff":
            return json.dumps(_byte_or_escape(ch))[1:-1]
        if ch.isprintable() and not (ascii_only and not ch.isascii()):
            return ch
        escaped: str = json.dumps(ch)[1:-1]  # \u202e, or a surrogate pair for an astral character
        return escaped

    return _JSON_SPECIAL.sub(escape, json.dumps(document, ensure_ascii=False, indent=2, default=default))


def write_json(document: Any, out: TextIO, default: Callable[[Any], Any] | None = None) -> None:
    """Every JSON and SARIF document goes out here, as `json_text`: plain ASCII escapes on a stream
    that cannot encode more (`PYTHONIOENCODING=ascii`, a C locale), so it stays valid JSON there."""
    out.write(json_text(document, ascii_only=not encodes_unicode(out), default=default) + "\n")


def encodes_unicode(out: TextIO) -> bool:
    """Whether the stream can write any character (UTF-8, UTF-16), unlike ASCII in a C locale."""
    try:
        return codecs.lookup(getattr(out, "encoding", None) or "utf-8").name.startswith("utf")
    except LookupError:
        return False
