"""Edits of one YAML file's text that leave every byte they do not touch as it was.

Why splicing and not a round-trip dump: ruamel.yaml's round-trip loader keeps comments, key order
and quoting, but dumping the whole file again still re-indents sequences to one setting, re-wraps
long lines and can move a comment to the next key. A maintainer who sees a diff of a hundred lines for
one added report stops trusting the tool. So the file is parsed with ruamel.yaml only to learn where
each key and item starts (its line and column), and the new lines, rendered by ruamel.yaml (which
knows when text must be quoted), are spliced into the original text there. Everything else is the
original text, byte for byte.

After each edit the file is read again with kitrack's own loader, and its data must equal the data
before with exactly the intended change: an edit that would change anything else is a bug, and it
stops before anything is written.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import SingleQuotedScalarString
from yaml.nodes import ScalarNode

from kitrack.domain.dates import PartialDate
from kitrack.domain.problems import FieldPath, Term, TermError
from kitrack.load.loader import STR, PlainResolver, from_bytes


class EditError(TermError):
    """The edit cannot be made to this file as it is written: the reason is a Term."""


def _reader() -> YAML:
    return YAML(typ="rt", pure=True)


def _writer(nested: bool = False) -> YAML:
    """A writer of new lines: items of a list dumped alone start at their dash (`- date: ...`); a
    list under a new key is indented as every list of the shipped data is (`  - date: ...`)."""
    writer = YAML(typ="rt", pure=True)
    writer.width = 4096  # never fold a long note: it would be a different text to the next reader
    if nested:
        writer.indent(mapping=2, sequence=4, offset=2)
    else:
        writer.indent(mapping=2, sequence=2, offset=0)
    return writer


_RESOLVER = PlainResolver()


def _scalar(value: Any) -> Any:
    """A value as ruamel.yaml should write it so that kitrack reads it back as the same value."""
    if isinstance(value, PartialDate):
        if value.day is not None:
            return dt.date(value.year, value.month or 1, value.day)
        return value.year if value.month is None else str(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _RESOLVER.resolve(ScalarNode, value, (True, False)) != STR:
        return SingleQuotedScalarString(value)  # `yes`, `2026`, `010`: text that would read as something else
    return value


def _prepared(value: Any, flow: bool) -> Any:
    if isinstance(value, dict):
        mapping = CommentedMap((key, _prepared(item, True)) for key, item in value.items())
        if flow:
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list):
        sequence = CommentedSeq(_prepared(item, True) for item in value)
        sequence.fa.set_flow_style()
        return sequence
    return _scalar(value)


def plain(value: Any) -> Any:
    """A value as kitrack's loader gives it back: dates as text (a year as a number), whole numbers as int."""
    if isinstance(value, PartialDate):
        return value.year if value.month is None else str(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def _dump(value: Any, nested: bool = False) -> str:
    out = io.StringIO()
    _writer(nested).dump(value, out)
    return out.getvalue()


def render_item(item: dict[str, Any], flow: bool) -> list[str]:
    """A sequence item's lines, `- ` first, unindented: a block mapping, or a flow one on one line."""
    return _dump([_prepared(item, flow)]).splitlines(keepends=True)


def render_entry(key: str, value: Any) -> list[str]:
    """`key: value` lines, unindented; a list value as a block list, nested collections in flow."""
    if isinstance(value, list):
        block = CommentedSeq(_prepared(item, False) for item in value)
        return _dump(CommentedMap([(key, block)]), nested=True).splitlines(keepends=True)
    return _dump(CommentedMap([(key, _prepared(value, True))])).splitlines(keepends=True)


def render_document(data: dict[str, Any]) -> str:
    """A new file: a block mapping; lists of mappings (`sources`, `progress`) as block lists of block
    mappings, as the shipped files keep them; other lists and nested mappings in flow (`attendees: [a, b]`)."""
    prepared = CommentedMap()
    for key, value in data.items():
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            prepared[key] = CommentedSeq(_prepared(item, False) for item in value)
        else:
            prepared[key] = _prepared(value, True)
    text = _dump(prepared, nested=True)
    if _kitrack_data(Path("new.yaml"), text) != plain(data):
        raise RuntimeError("a new file does not read back as written")
    return text


def _indented(lines: list[str], indent: int) -> list[str]:
    return [(" " * indent + line) if line.strip() else line for line in lines]


class Document:
    """One file's text, and where its keys and items start."""

    _tree: Any

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self._set_text(text)
        self.tree  # noqa: B018  # a file ruamel.yaml cannot read is refused before any edit is tried

    @property
    def tree(self) -> Any:
        """The file as ruamel.yaml reads it, with the line and column of every key and item; read
        again only when an edit asks after the text changed (pure-Python parsing is the slow part)."""
        if self._tree is None:
            try:
                self._tree = _reader().load(self.text)
            except YAMLError as exc:
                detail = str(exc).splitlines()[0]
                raise EditError(Term("edit.unreadable", file=str(self.path), detail=detail)) from None
        return self._tree

    # -- reading --------------------------------------------------------------------------------
    def node(self, path: FieldPath) -> Any:
        node = self.tree
        for part in path:
            node = node[part]
        return node

    def has(self, path: FieldPath) -> bool:
        try:
            self.node(path)
        except (KeyError, IndexError, TypeError):
            return False
        return True

    def _start(self, path: FieldPath) -> tuple[int, int]:
        """0-based line and column where the value at `path` starts."""
        parent, part = self.node(path[:-1]), path[-1]
        if isinstance(parent, CommentedMap):
            line, column = parent.lc.value(part)
        else:
            line, column = parent.lc.item(part)
        return int(line), int(column)

    def _key_start(self, path: FieldPath) -> int:
        """The 0-based line where the entry at `path` starts: its key, or its item's dash."""
        parent, part = self.node(path[:-1]), path[-1]
        if isinstance(parent, CommentedMap):
            return int(parent.lc.key(part)[0])
        return int(parent.lc.item(part)[0])

    def _next_start(self, path: FieldPath) -> int:
        """The line where whatever follows the entry at `path` starts (its next sibling, or its
        parent's), or the end of the file."""
        for depth in range(len(path), 0, -1):
            parent, part = self.node(path[: depth - 1]), path[depth - 1]
            if isinstance(parent, CommentedMap):
                keys = list(parent)
                position = keys.index(part)
                if position + 1 < len(keys):
                    return int(parent.lc.key(keys[position + 1])[0])
            elif isinstance(part, int) and part + 1 < len(parent):
                return int(parent.lc.item(part + 1)[0])
        return len(self.lines)

    def _end(self, path: FieldPath) -> int:
        """The line after the last line of the entry at `path`. Blank lines and comments before the
        next entry belong to that entry (a comment above a key is about that key)."""
        start, end = self._key_start(path), self._next_start(path)
        while end > start + 1 and (not self.lines[end - 1].strip() or self.lines[end - 1].lstrip().startswith("#")):
            end -= 1
        return end

    def _flow(self, node: Any) -> bool:
        return bool(node.fa.flow_style())

    # -- edits ----------------------------------------------------------------------------------
    def insert_item(self, path: FieldPath, item: dict[str, Any], index: int | None, order: Sequence[str]) -> int:
        """Put `item` into the list at `path`, at `index` (None: at the end); the list is added,
        after the keys that come before it in `order`, if the mapping has none. Returns the index."""
        expected = copy.deepcopy(self.data)
        if not self.has(path):
            self._add_entry(path[:-1], str(path[-1]), [item], order)
            _at(expected, path[:-1])[path[-1]] = [plain(item)]
            self._check(expected)
            return 0
        sequence = self.node(path)
        if not isinstance(sequence, CommentedSeq) or (self._flow(sequence) and len(sequence)):
            raise EditError(Term("edit.not_block_list", file=str(self.path), field=str(path[-1])))
        index = len(sequence) if index is None else index
        if not len(sequence):  # `progress: []`: the key line loses the `[]` and the list follows it
            key_line = self._key_start(path)
            line, column = self._start(path)
            text = self.lines[line]
            close = text.index("]", column) + 1
            self.lines[line] = (text[:column].rstrip() + text[close:]).rstrip(" ") or "\n"
            indent = len(self.lines[key_line]) - len(self.lines[key_line].lstrip()) + 2
            self._splice(line + 1, _indented(render_item(item, False), indent))
        else:
            first_line, first_column = self._start((*path, 0))
            dash = self.lines[first_line].rfind("-", 0, first_column)
            dash = dash if dash >= 0 else max(first_column - 2, 0)
            flow = isinstance(sequence[0], CommentedMap) and self._flow(sequence[0])
            lines = _indented(render_item(item, flow), dash)
            if index < len(sequence):
                at = self._key_start((*path, index))
                while at > 0 and self.lines[at - 1].lstrip().startswith("#"):
                    at -= 1  # the comment above an item stays above it
            else:
                at = self._end((*path, len(sequence) - 1))
            self._splice(at, lines)
        _at(expected, path).insert(index, plain(item))
        self._check(expected)
        return index

    def add_entry(self, path: FieldPath, key: str, value: Any, order: Sequence[str]) -> None:
        """Add `key: value` to the mapping at `path`, after the keys that come before it in `order`."""
        expected = copy.deepcopy(self.data)
        self._add_entry(path, key, value, order)
        _at(expected, path)[key] = plain(value)
        self._check(expected)

    def _add_entry(self, path: FieldPath, key: str, value: Any, order: Sequence[str]) -> None:
        mapping = self.node(path)
        if not isinstance(mapping, CommentedMap):
            raise EditError(Term("edit.not_block_list", file=str(self.path), field=key))
        if self._flow(mapping):
            self._add_to_flow(path, key, value)
            return
        keys = list(mapping)
        before = order[: order.index(key)] if key in order else order
        anchors = [k for k in keys if k in before]
        anchor = anchors[-1] if anchors else keys[-1]
        column = int(mapping.lc.key(keys[0])[1])
        self._splice(self._end((*path, anchor)), _indented(render_entry(key, value), column))

    def _add_to_flow(self, path: FieldPath, key: str, value: Any) -> None:
        line, column = self._start(path) if path else (0, 0)
        offset = sum(len(text) for text in self.lines[:line]) + column
        text = "".join(self.lines)
        close = _closing(text, offset)
        entry = _dump(CommentedMap([(key, _prepared(value, True))])).strip()
        before = text[:close].rstrip()
        separator = ", " if not before.endswith("{") else ""
        self._set_text(before + separator + entry + text[close:])

    def set_scalar(self, path: FieldPath, value: Any) -> None:
        """Replace the scalar at `path` (one line: `status: open`) with `value`."""
        expected = copy.deepcopy(self.data)
        line, column = self._start(path)
        text = self.lines[line]
        end = _scalar_end(text, column)
        rendered = _dump(CommentedMap([("k", _prepared(value, True))])).strip()[len("k: ") :]
        self.lines[line] = text[:column] + rendered + text[end:]
        self._set_text("".join(self.lines))
        _at(expected, path[:-1])[path[-1]] = plain(value)
        self._check(expected)

    # -- keeping the text and the tree together -------------------------------------------------
    def _splice(self, at: int, lines: list[str]) -> None:
        if at == len(self.lines) and self.lines and not self.lines[-1].endswith("\n"):
            # after the last line of a file that has no final newline: the new lines follow it, and
            # the file still ends as it did, without one
            self.lines[-1] += "\n"
            lines = [*lines[:-1], lines[-1].removesuffix("\n")]
        self.lines[at:at] = lines
        self._set_text("".join(self.lines))

    def _set_text(self, text: str) -> None:
        self.text = text
        self._tree = None
        self.lines = text.splitlines(keepends=True)
        self.data = _kitrack_data(self.path, text)

    def _check(self, expected: Any) -> None:
        if self.data != expected:
            raise RuntimeError(f"the edit of {self.path} changed more than it meant to")


def _at(data: Any, path: FieldPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _kitrack_data(path: Path, text: str) -> Any:
    source = from_bytes(path, str(path), text.encode("utf-8"))
    return source.data


def _scalar_end(text: str, column: int) -> int:
    """Where the one-line scalar starting at `column` ends: after its closing quote, or before a
    comment, a flow separator or the end of the line."""
    quote = text[column] if column < len(text) else ""
    if quote in ("'", '"'):
        position = column + 1
        while position < len(text):
            if text[position] == "\\" and quote == '"':
                position += 2
                continue
            if text[position] == quote:
                if quote == "'" and text[position + 1 : position + 2] == "'":
                    position += 2
                    continue
                return position + 1
            position += 1
        return len(text.rstrip("\n"))
    end = column
    while end < len(text) and text[end] not in "\n,}]" and not (text[end] == "#" and text[end - 1] == " "):
        end += 1
    return len(text[:end].rstrip()) if end > column else end


def _closing(text: str, start: int) -> int:
    """The offset of the `}` that closes the flow mapping opening at `start`, quotes respected."""
    depth, position, quote = 0, start, ""
    while position < len(text):
        ch = text[position]
        if quote:
            if ch == "\\" and quote == '"':
                position += 1
            elif ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
            if depth == 0:
                return position
        position += 1
    raise EditError(Term("edit.not_block_list", file="", field=""))
