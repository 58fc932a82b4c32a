"""Files -> plain data, with YAML-level problems and, on demand, source positions.

YAML is read as plain data (DESIGN.md): only `true`/`false` are booleans, timestamps stay text for
the models to parse, numbers are decimal (`010` is ten, `1:30` is text), and duplicate keys, anchors,
aliases, merge keys and tags are refused.

The clean path is kept fast: libyaml composes the node tree and a small converter turns it into
dicts, lists and scalars, noting only what is wrong. Positions of values are needed only when a
problem must be reported, so `SourceFile.locate` composes the file again lazily, and only then.
"""

from __future__ import annotations

import errno
import itertools
import marshal
import os
import pickle
import re
import signal
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from kitrack.domain.problems import FieldPath, Param, Place, Problem, Term, TermError
from kitrack.load.limits import DEFAULT_LIMITS, Limits


class _PyParser(Reader, Scanner, Parser, Composer):
    """PyYAML's pure-Python parser: slow, but its error messages and marks are the reference."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)


try:  # libyaml when present, pure Python otherwise (`yaml` itself does not export CParser)
    from yaml._yaml import CParser as _Parser

    LIBYAML = True
except ImportError:  # pragma: no cover - depends on the pyyaml build
    _Parser = _PyParser  # type: ignore[misc,assignment]
    LIBYAML = False

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"
# Plain scalars read as text or decimal here but differently by YAML 1.1 tools (PyYAML's safe_load,
# many editors): `no` (false), `010` (octal 8), `1:30` (sexagesimal 90). Kept apart by the resolver so
# that the converter notes them at no cost to other scalars.
YAML11_BOOL = "tag:kitrack,2026:yaml11-bool"
LEADING_ZERO = "tag:kitrack,2026:leading-zero"
SEXAGESIMAL = "tag:kitrack,2026:sexagesimal"

# YAML 1.1 words that are booleans elsewhere; here they are text, and a likely mistake.
YAML11_BOOLEANS = frozenset(
    ["y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"]
)


class PlainResolver(BaseResolver):
    """Resolve plain scalars to null, true/false, decimal ints and floats; everything else is text.

    libyaml calls `resolve` back in Python for every scalar, so it is kept short: no path resolvers
    (so nothing to descend into), and the tags of short plain scalars (keys, dates, figures, ids)
    remembered, since a data set repeats them endlessly. The result is that of BaseResolver."""

    _tags: ClassVar[dict[str, str]] = {}  # plain scalar -> tag; resolution depends on the text alone

    def resolve(self, kind: type[Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is not ScalarNode:
            return SEQ if kind is SequenceNode else MAP
        if not implicit[0]:  # quoted, or a non-specific `!` tag: text
            return STR
        tag = self._tags.get(value)
        if tag is None:
            tag = STR
            for candidate, regexp in self.yaml_implicit_resolvers.get(value[0] if value else "", ()):
                if regexp.match(value):
                    tag = candidate
                    break
            if len(value) <= 40 and len(self._tags) < 50_000:
                self._tags[value] = tag
        return tag

    def descend_resolver(self, current_node: Node | None, current_index: object) -> None:
        pass  # no path resolvers

    def ascend_resolver(self) -> None:
        pass


PlainResolver.add_implicit_resolver(LEADING_ZERO, re.compile(r"^[-+]?0[0-9]+$"), list("-+0"))  # before INT
PlainResolver.add_implicit_resolver(NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
PlainResolver.add_implicit_resolver(BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
PlainResolver.add_implicit_resolver(INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
PlainResolver.add_implicit_resolver(
    FLOAT,
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."),
)
PlainResolver.add_implicit_resolver(
    YAML11_BOOL, re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$"), list("yYnNoO")
)
PlainResolver.add_implicit_resolver(
    SEXAGESIMAL, re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$"), list("-+0123456789")
)


class PlainLoader(_Parser, PlainResolver):
    """The fast loader: libyaml composes the node tree, only the resolver runs in Python."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        PlainResolver.__init__(self)


class ReferenceLoader(_PyParser, PlainResolver):
    """The pure-Python loader, used only for files libyaml refuses: its messages and positions
    are the ones problems report (libyaml words errors differently and places some elsewhere)."""

    def __init__(self, stream: str) -> None:
        _PyParser.__init__(self, stream)
        PlainResolver.__init__(self)


_INT = re.compile(r"^[-+]?[0-9]+$")


def _to_int(text: str) -> Any:
    if not _INT.match(text):
        raise ValueError(text)  # only reachable through an explicit `!!int` tag
    try:
        return int(text)
    except ValueError:  # more digits than Python converts: leave it as text for the schema to reject
        return text


def _to_float(text: str) -> float:
    lowered = text.lower()
    if lowered in (".inf", "+.inf", "-.inf"):
        return float("-inf") if lowered.startswith("-") else float("inf")
    if lowered == ".nan":
        return float("nan")
    return float(text)  # ValueError for `!!float 1e`: reported as a tag problem


def _to_bool(text: str) -> bool:
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    raise ValueError(text)  # `!!bool yes`: the tag would smuggle a YAML 1.1 boolean in


def _to_null(text: str) -> None:
    if text not in ("", "~", "null", "Null", "NULL"):
        raise ValueError(text)


SCALARS: dict[str, Callable[[str], Any]] = {STR: str, NULL: _to_null, BOOL: _to_bool, INT: _to_int, FLOAT: _to_float}


@dataclass
class SourceFile:
    """One data file: where it is, its text, its plain data, and what is wrong with it as YAML."""

    path: Path
    name: str  # as shown to the user: relative to the working directory where possible
    text: str | None = None
    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    _root: Node | None = field(default=None, repr=False)
    # mapping node -> {key: (key node, value node)}, built the first time `locate` passes through
    # the mapping: a file with thousands of problems is not scanned again for each of them.
    _keys: dict[MappingNode, dict[str, tuple[Node, Node]]] = field(default_factory=dict, repr=False)

    def problem(
        self, code: str, line: int, column: int, path: str = "", hint: Term | None = None, **params: Param
    ) -> Problem:
        return Problem(code, Place(self.name, line, column, path), params, hint)

    def add(self, code: str, line: int, column: int, path: str = "", hint: Term | None = None, **params: Param) -> None:
        self.problems.append(self.problem(code, line, column, path, hint, **params))

    # -- positions, computed only when asked for ------------------------------------------------
    def root(self) -> Node | None:
        if self._root is None and self.text is not None:
            try:
                self._root = _fast_compose(self.text)
            except _UseReference:
                try:
                    self._root = _compose(ReferenceLoader, self.text)
                except (yaml.YAMLError, RecursionError):
                    return None
        return self._root

    def locate(self, path: FieldPath, key: bool = False) -> tuple[int, int]:
        """1-based line and column of the value at `path`: of its key if `key`, or of the deepest
        mapping or sequence that exists on the way when the path runs out (a missing field)."""
        node = self.root()
        if node is None:
            return 1, 1
        key_node: Node | None = None
        for part in path:
            child = None
            if isinstance(node, MappingNode) and isinstance(part, str):
                key_node, child = self._keys_of(node).get(part) or (None, None)
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                key_node, child = None, node.value[part]
            if child is None:
                break
            node = child
        else:
            if key and key_node is not None:
                node = key_node
        mark = node.start_mark
        return mark.line + 1, mark.column + 1

    def _keys_of(self, node: MappingNode) -> dict[str, tuple[Node, Node]]:
        keys = self._keys.get(node)
        if keys is None:
            keys = {}
            for k, v in node.value:
                if isinstance(k, ScalarNode):
                    keys.setdefault(k.value, (k, v))  # the first of duplicate keys, as the data keeps
            self._keys[node] = keys
        return keys


_ANCHOR_HINT = re.compile(r"(?:^|[\s\[{,:?-])[&*][^\s\[\]{},]")


def read(path: Path, name: str, limits: Limits = DEFAULT_LIMITS) -> SourceFile:
    """Read one file into a SourceFile: its data, or the problems that stop it being data."""
    try:
        raw = _read_bounded(path, limits.max_file_bytes)
    except _Refused as refused:
        source = SourceFile(path, name)
        source.add("unreadable-file", 1, 1, detail=refused.reason)
        return source
    except OSError as exc:
        source = SourceFile(path, name)
        detail: Param = Term("p.symlink_loop") if exc.errno == errno.ELOOP else exc.strerror or str(exc)
        source.add("unreadable-file", 1, 1, detail=detail)
        return source
    return from_bytes(path, name, raw, limits)


def from_bytes(path: Path, name: str, raw: bytes, limits: Limits = DEFAULT_LIMITS) -> SourceFile:
    """A file whose bytes are already in memory (a blob of a git revision), read as `read` reads
    one from disk. `path` need not exist."""
    source = SourceFile(path, name)
    text = decode(source, raw)
    if text is None:
        return source
    source.text = text
    parse(source, limits)
    return source


def too_big(size: int | str, limit: int) -> Term:
    """Why a file over the size limit is not read."""
    return Term("p.too_big", size=size if isinstance(size, str) else f"{size:,}", limit=f"{limit:,}")


class _Refused(TermError):
    """A file kitrack will not read: too big, or not a regular file."""


def _read_bounded(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`. Never blocks on a named pipe, never reads
    a device (`/dev/zero` has no end) and never holds more than `max_bytes` + 1 bytes of a file that
    grows while it is read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _Refused(Term("p.is_directory"))
        if not stat.S_ISREG(info.st_mode):
            raise _Refused(Term("p.not_regular"))
        if info.st_size > max_bytes:
            raise _Refused(too_big(info.st_size, max_bytes))
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(max_bytes + 1 - total, max(info.st_size - total, 0) + 65536))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        raw = chunks[0] if len(chunks) == 1 else b"".join(chunks)
        if len(raw) > max_bytes:  # it grew after fstat
            raise _Refused(too_big(f"{len(raw):,}+", max_bytes))
        return raw
    finally:
        os.close(fd)


POOL_MIN_FILES = 400  # below this, starting worker processes costs more than it saves
CHUNKS_PER_JOB = 8  # small chunks: the main process validates early ones while workers parse


def jobs_for(count: int) -> int:
    """How many worker processes to read `count` files with: 1 (no pool) for small data sets.
    KITRACK_JOBS overrides (1 turns the pool off)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    setting = os.environ.get("KITRACK_JOBS", "").strip().lstrip("0")
    if setting.isascii() and setting.isdigit():  # ASCII: `²` is a digit to isdigit() but not to int()
        # Never more workers than cores: KITRACK_JOBS=1000 would start 1,000 processes for nothing.
        # A number too long for int() is more than any machine has.
        return min(int(setting), cores) if len(setting) < 10 else cores
    if count < POOL_MIN_FILES:
        return 1
    import multiprocessing  # lazy: start-up

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(cores, 8)


def read_many(items: list[tuple[Path, str]], limits: Limits, jobs: int | None = None) -> Iterator[SourceFile]:
    """`read` for each (path, name), in order; across worker processes when there are many.

    Workers send back plain data and text (marshal: a fraction of pickle's cost) and the problems
    of the few files that have any (pickled: marshal takes only built-in types); node trees stay
    behind, and positions are composed again in this process if a problem needs one."""
    jobs = jobs_for(len(items)) if jobs is None else jobs
    if jobs <= 1:
        for path, name in items:
            yield read(path, name, limits)
        return
    size = max(1, -(-len(items) // (jobs * CHUNKS_PER_JOB)))
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    done = 0
    try:
        import multiprocessing  # lazy: start-up
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork")
        with (
            ProcessPoolExecutor(jobs, mp_context=context, initializer=_worker_start, initargs=(os.getpid(),)) as pool,
            _sigterm_ends_workers(),
        ):
            for chunk, packed in zip(chunks, pool.map(_read_chunk, [(chunk, limits) for chunk in chunks]), strict=True):
                sources = list(_unpack(chunk, packed))
                done += len(sources)
                yield from sources
    except (OSError, RuntimeError, ImportError):  # no processes to be had (BrokenProcessPool is a RuntimeError)
        for path, name in items[done:]:
            yield read(path, name, limits)


PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _worker_start(parent: int) -> None:
    """First thing in each worker: die with the parent, however it dies (SIGKILL included), so that
    no worker outlives it holding its pipes: `kitrack check | tee log` waits for every writer."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler, inherited through fork, is the parent's
    if sys.platform.startswith("linux"):
        try:
            import ctypes  # lazy: start-up (only in worker processes)

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl to be had: the parent's SIGTERM handler remains
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


@contextmanager
def _sigterm_ends_workers() -> Iterator[None]:
    """While workers read, SIGTERM kills them before this process dies of it, as it would have
    (where prctl is missing, and so that none is left to finish its chunk). Only from the main
    thread, and only over the default action: a caller's own handler, or SIG_IGN, is kept."""
    import threading  # lazy: start-up (only for large data sets)

    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
        yield
        return
    signal.signal(signal.SIGTERM, _end_workers)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _end_workers(signum: int, frame: object) -> None:
    import multiprocessing  # lazy: start-up (only when a signal arrives during a parallel load)

    for worker in multiprocessing.active_children():
        worker.kill()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)  # die of the signal: the exit status says so, as without the handler


def _read_chunk(job: tuple[list[tuple[Path, str]], Limits]) -> bytes:
    items, limits = job
    out = []
    for path, name in items:
        source = read(path, name, limits)
        out.append((source.text, source.data, pickle.dumps(source.problems) if source.problems else None))
    return marshal.dumps(out)


def _unpack(chunk: list[tuple[Path, str]], packed: bytes) -> Iterator[SourceFile]:
    for (path, name), (text, data, problems) in zip(chunk, marshal.loads(packed), strict=True):
        yield SourceFile(path, name, text, data, pickle.loads(problems) if problems else [])


def decode(source: SourceFile, raw: bytes) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        source.add("invalid-encoding", 1, 1, detail=Term("p.utf16"))
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position_of(raw, exc.start)
        source.add("invalid-encoding", line, column, detail=Term("p.bad_byte", byte=f"0x{raw[exc.start]:02x}"))
        return None
    if "\x00" in text:
        if raw[1:4:2] == b"\x00\x00" or raw[0:3:2] == b"\x00\x00":  # UTF-16 or UTF-32 without a byte-order mark
            source.add("invalid-encoding", 1, 1, detail=Term("p.utf16"))
            return None
        line, column = _position_of(raw, raw.index(b"\x00"))
        source.add("invalid-encoding", line, column, detail=Term("p.nul_byte"))
        return None
    return text.replace("\r\n", "\n") if "\r" in text else text


def _position_of(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", "replace")) + 1


def parse(source: SourceFile, limits: Limits = DEFAULT_LIMITS) -> None:
    text = source.text or ""
    if "\t" in text:
        _find_tabs(source, text)
    try:  # the fast path; on any trouble the reference parser below says what is wrong
        root = _fast_compose(text)
    except _UseReference:
        pass
    else:
        _convert(source, text, root, PlainLoader, limits.max_depth)
        return
    loader = None
    try:
        loader = ReferenceLoader(text)  # refuses some control characters already here
        root = loader.get_single_node()
    except yaml.composer.ComposerError as exc:
        if "single document" in f"{exc.problem} {exc.context}" and exc.problem_mark is not None:
            source.add("multiple-documents", exc.problem_mark.line + 1, exc.problem_mark.column + 1)
        else:
            _syntax_problem(source, exc)
        return
    except yaml.YAMLError as exc:
        if not any(p.code == "yaml-tab" for p in source.problems):
            _syntax_problem(source, exc)
        return
    except RecursionError:
        line, column = _too_deep_at(text, limits.max_depth)
        source.add("yaml-syntax", line, column, detail=Term("p.too_deep", limit=limits.max_depth))
        return
    finally:
        if loader is not None:
            loader.dispose()
    _convert(source, text, root, ReferenceLoader, limits.max_depth)


def _too_deep_at(text: str, max_depth: int) -> tuple[int, int]:
    """Where flow brackets first nest `max_depth` deep (quotes aside, roughly as the converter counts
    in a top-level mapping); 1, 1 for deep block nesting. Only for files too deep to compose."""
    depth = 0
    for number, line in enumerate(text.split("\n"), start=1):
        for column, ch in enumerate(line, start=1):
            if ch in "[{":
                depth += 1
                if depth >= max_depth:
                    return number, column
            elif ch in "]}":
                depth -= 1
    return 1, 1


class _UseReference(Exception):
    """libyaml refused the text, or may read it otherwise than the reference parser."""


def _fast_compose(text: str) -> Node | None:
    """libyaml's node tree of `text` where it is the reference parser's; else _UseReference."""
    if not LIBYAML or _libyaml_may_differ(text):
        raise _UseReference
    try:
        root = _compose(PlainLoader, text)
    except (yaml.YAMLError, RecursionError):
        raise _UseReference from None
    if "\t" in text and not _tabs_inside_strings(text, root):
        raise _UseReference
    return root


_LIBYAML_DIFFERS = re.compile("[\ufeff\x85\u2028\u2029]")


def _libyaml_may_differ(text: str) -> bool:
    """Where libyaml and the reference parser disagree (found by comparing both on mutated files):
    libyaml accepts `?` inside a flow collection, and counts columns differently after a byte-order
    mark or a Unicode line break inside the text. Such files are rare, and usually wrong, so they
    take the reference path. (Tabs are judged on libyaml's tree: `_tabs_inside_strings`.)"""
    if _LIBYAML_DIFFERS.search(text):
        return True
    if "?" not in text:
        return False
    for line in text.split("\n"):
        mark = line.find("?")
        if mark >= 0 and ("[" in line[:mark] or "{" in line[:mark]):
            return True
        if line.count("[") + line.count("{") > line.count("]") + line.count("}"):
            return True  # a flow collection goes on to the next lines
    return False


def _tabs_inside_strings(text: str, root: Node | None) -> bool:
    """Whether every tab in `text` is inside a quoted scalar or on a content line of a block scalar
    (`|`, `>`), where both parsers read it as part of the text, so that libyaml's tree stands.
    Elsewhere (between tokens, in a plain scalar, on a block scalar's header line) libyaml accepts
    a tab the reference parser refuses. Without this, one tab in one string of a 5 MB file sent the
    whole file through the pure-Python parser, six times slower. Linear: the tree is walked once,
    in document order, alongside the tabs."""
    line_starts = [0]
    line_starts.extend(match.end() for match in re.finditer("\n", text))
    tab = text.find("\t")
    stack: list[Iterator[Node]] = [iter((root,) if root is not None else ())]
    while stack and tab >= 0:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
        elif isinstance(node, MappingNode):
            stack.append(itertools.chain.from_iterable(node.value))
        elif isinstance(node, SequenceNode):
            stack.append(iter(node.value))
        elif isinstance(node, ScalarNode) and node.style in ('"', "'", "|", ">"):
            start, end = node.start_mark, node.end_mark
            if node.style in ('"', "'"):
                first = line_starts[start.line] + start.column
            else:  # from the line after the header
                first = line_starts[start.line + 1] if start.line + 1 < len(line_starts) else len(text)
            last = line_starts[end.line] + end.column
            if tab < first:
                return False  # before this string, and after every earlier one
            if tab < last:
                tab = text.find("\t", last)
    return tab < 0


def _compose(loader_class: type[PlainLoader | ReferenceLoader], text: str) -> Node | None:
    loader = loader_class(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _convert(
    source: SourceFile, text: str, root: Node | None, loader_class: type[PlainLoader | ReferenceLoader], max_depth: int
) -> None:
    """Node tree -> source.data; `loader_class` composed the tree, and finds the anchors too."""
    if root is None:
        source.add("empty-file", 1, 1)
        return
    source._root = root  # already composed: positions come for free for this file's problems
    maybe_anchors = bool(_ANCHOR_HINT.search(text))
    if maybe_anchors:
        find_anchors(source, loader_class)
    text_at = _non_specific_tags(text) if "!" in text else frozenset()
    converter = _Converter(source, max_depth, track_aliases=maybe_anchors, text_at=text_at)
    try:
        data = converter.convert(root, 0)
    except RecursionError:  # only with a depth limit above what the interpreter's stack allows
        source.add("yaml-syntax", 1, 1, detail=Term("p.too_deep", limit=max_depth))
        return
    if not isinstance(data, dict):
        found = Term("p.list" if isinstance(data, list) else "p.text" if isinstance(data, str) else "p.a_scalar")
        source.add("not-a-mapping", root.start_mark.line + 1, root.start_mark.column + 1, found=found)
        return
    source.data = data
    if not source.problems:
        source._root = None  # clean files keep no node tree in memory


def _find_tabs(source: SourceFile, text: str) -> None:
    for number, line in enumerate(text.split("\n"), start=1):
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent] and line.strip():
            source.add("yaml-tab", number, line.index("\t") + 1)


def _syntax_problem(source: SourceFile, exc: yaml.YAMLError) -> None:
    if isinstance(exc, yaml.reader.ReaderError):  # a control character: no mark, only an offset
        text = source.text or ""
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        character = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raw = f"unacceptable character #x{ord(character):04x}: {exc.reason}"
        explanation = Term("p.syntax.control", code=f"#x{ord(character):04x}")
        source.add("yaml-syntax", line, column, detail=Term("p.syntax", explanation=explanation, parser=raw))
        return
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    detail = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    if context_mark is not None and "end of stream" in detail:
        mark = context_mark  # an unclosed quote or bracket: point where it opens, not at the end
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    if context and context_mark is not None and context_mark is not mark:
        detail = f"{detail} ({context} that starts at line {context_mark.line + 1}, column {context_mark.column + 1})"
    elif context:
        detail = f"{detail} ({context})"
    if "\t" in detail or "'\\t'" in detail:
        source.add("yaml-tab", line, column)
    elif "found undefined alias" in detail or "found duplicate anchor" in detail:
        source.add("yaml-alias", line, column, what=Term("p.alias"), name=detail.split("'")[1] if "'" in detail else "")
    else:
        problem = getattr(exc, "problem", None) or ""
        explanation, hint = explain_syntax(source.text or "", problem, line, column, context_mark)
        detail_term = Term("p.syntax", explanation=explanation, parser=detail)
        source.add("yaml-syntax", line, column, hint=hint, detail=detail_term)


def explain_syntax(text: str, problem: str, line: int, column: int, opened: Any) -> tuple[Term, Term | None]:
    """What a parser error at `line`, `column` (1-based) means, in the words of the mistakes people
    make by hand, and how to fix it. `opened` is the parser's context mark: where the list, mapping,
    quote or key it was reading began. The parser's own message follows the explanation."""
    lines = _YAML_LINE_BREAK.split(text)
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    start = (opened.line + 1, opened.column + 1) if opened is not None else None
    if problem == "mapping values are not allowed here":
        first_colon = here.find(": ")
        if 0 <= first_colon < column - 1:
            key, value = here[:first_colon], here[first_colon + 2 :].strip()
            quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
            return Term("p.syntax.colon", line=line), Term("p.syntax.quote_it", example=f"`{key.strip()}: {quoted}`")
        above = _line_above(lines, line)
        if above is not None and _indent(here) > _indent(lines[above - 1]):
            return Term("p.syntax.indented_more", line=line, above=above), Term("p.syntax.line_up")
    if problem.startswith("expected <block end>") and start is not None:
        if "'<scalar>'" in problem and here[: column - 1].rstrip().endswith(('"', "'")):
            return Term("p.syntax.after_quote", line=line), Term("p.syntax.quote_whole")
        return Term("p.syntax.not_lined_up", line=line, start=start[0], column=start[1]), Term("p.syntax.line_up")
    if problem == "found unexpected end of stream" and start is not None:
        quote = _char_at(lines, start)
        return Term("p.syntax.open_quote", quote=quote, line=start[0], column=start[1]), Term(
            "p.syntax.close_quote", quote=quote
        )
    if problem.startswith("expected ',' or") and start is not None:
        bracket = _char_at(lines, start)
        closing = "]" if bracket == "[" else "}"
        return Term("p.syntax.open_bracket", bracket=bracket, line=start[0], column=start[1], at=line), Term(
            "p.syntax.close_bracket", bracket=closing
        )
    if problem.startswith("found character") and "cannot start any token" in problem:
        character = problem.split("'")[1] if problem.count("'") >= 2 else "?"
        return Term("p.syntax.cannot_start", character=character), Term("p.syntax.quote_text")
    if problem == "could not find expected ':'" and start is not None:
        return Term("p.syntax.no_colon", line=start[0]), Term("p.syntax.colon_or_dash")
    return Term("p.syntax.unknown"), None


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


# The line breaks the parser counts lines by (YAML 1.1, as libyaml): a lone `\r` is one too, so a
# file with carriage returns only is still numbered as the parser numbers it.
_YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _line_above(lines: list[str], line: int) -> int | None:
    """The 1-based number of the nearest line above `line` with content (not blank, not a comment)."""
    for number in range(min(line - 1, len(lines)), 0, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


def _char_at(lines: list[str], place: tuple[int, int]) -> str:
    text = lines[place[0] - 1] if 0 < place[0] <= len(lines) else ""
    return text[place[1] - 1] if 0 < place[1] <= len(text) else "?"


def short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


# `!`, and its verbatim spelling `!<!>` (invalid in YAML 1.2, but both parsers take it for `!`).
_NON_SPECIFIC_TAG = re.compile(r"(?<![^\s\[{,:?-])!(?:<!>)?(?=[ \t\r\n]|$)")


def _non_specific_tags(text: str) -> frozenset[int]:
    """The offsets of each `!` that could be YAML's non-specific tag. Both parsers resolve `! 12`
    like a plain `12`, yet YAML says the tag makes a scalar text; a node that starts at one of these
    offsets carries the tag (a plain scalar cannot start with `!`)."""
    return frozenset(match.start() for match in _NON_SPECIFIC_TAG.finditer(text))


class _Converter:
    """Node tree -> plain Python data, noting duplicate keys, aliases, tags and bad keys."""

    def __init__(self, source: SourceFile, max_depth: int, track_aliases: bool, text_at: frozenset[int] = frozenset()):
        self.source = source
        self.max_depth = max_depth
        self.seen: set[int] | None = set() if track_aliases else None
        self.text_at = text_at  # scalars with the non-specific tag `!`: text, whatever they look like

    def _at(self, code: str, node: Node, **params: Param) -> None:
        place = Place(self.source.name, node.start_mark.line + 1, node.start_mark.column + 1)
        self.source.problems.append(Problem(code, place, params))

    def convert(self, node: Node, depth: int) -> Any:
        if self.seen is not None:
            if id(node) in self.seen:  # an alias, already reported by find_anchors: never expand it
                return None
            self.seen.add(id(node))
        if isinstance(node, ScalarNode):
            if self.text_at and node.start_mark.index in self.text_at:
                return node.value
            make = SCALARS.get(node.tag)
            if make is not None:
                try:
                    return make(node.value)
                except ValueError:
                    pass
            if node.tag in _AMBIGUOUS:
                return self._ambiguous(node)
            self._at("yaml-tag", node, tag=short_tag(node.tag))
            return None
        if depth >= self.max_depth:
            self._at("yaml-syntax", node, detail=Term("p.too_deep", limit=self.max_depth))
            return None
        # Text scalars, by far the most common values, are taken inline (unless aliases are
        # tracked): one call per collection rather than per value.
        inline = self.seen is None
        convert = self.convert
        if isinstance(node, SequenceNode):
            if node.tag != SEQ:
                self._at("yaml-tag", node, tag=short_tag(node.tag))
            if inline:
                return [
                    item.value if item.__class__ is ScalarNode and item.tag == STR else convert(item, depth + 1)
                    for item in node.value
                ]
            return [convert(item, depth + 1) for item in node.value]
        if node.tag != MAP:
            self._at("yaml-tag", node, tag=short_tag(node.tag))
        mapping: dict[str, Any] = {}
        first_lines: dict[str, int] | None = None  # key -> line of its first use; made at the first duplicate
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode or (key_node.tag != STR and key_node.tag != YAML11_BOOL):
                shown = f"`{key_node.value}`" if isinstance(key_node, ScalarNode) else "(a list or mapping)"
                self._at("non-string-key", key_node, key=shown)
                continue
            key = key_node.value
            if key in mapping:
                if first_lines is None:  # once per mapping, not once per duplicate: 20,000 duplicates stay linear
                    first_lines = {}
                    for k, _ in node.value:
                        if isinstance(k, ScalarNode) and k.tag in (STR, YAML11_BOOL):
                            first_lines.setdefault(k.value, k.start_mark.line + 1)
                again = key_node.start_mark.line + 1
                self._at("duplicate-key", key_node, key=key, first_line=first_lines[key], again=again)
                continue
            if inline and value_node.__class__ is ScalarNode and value_node.tag == STR:
                mapping[key] = value_node.value
            else:
                mapping[key] = convert(value_node, depth + 1)
        return mapping

    def _ambiguous(self, node: ScalarNode) -> Any:
        """A plain scalar YAML 1.1 tools read differently: kept as YAML 1.2 reads it, and noted. The
        note has no path; the schema drops it where it reports something more precise there."""
        text = node.value
        if node.tag == YAML11_BOOL:
            self._at("yaml11-boolean", node, detail=Term("p.yaml11_text", value=text))
            return text
        if node.tag == LEADING_ZERO:
            self._at("invalid-value", node, reason=Term("p.leading_zero", value=text, number=int(text)))
            return int(text)
        self._at("invalid-value", node, reason=Term("p.sexagesimal", value=text))
        return text


_AMBIGUOUS = frozenset((YAML11_BOOL, LEADING_ZERO, SEXAGESIMAL))
AMBIGUITY_CODES = frozenset(("yaml11-boolean", "invalid-value"))  # as the converter notes them, with no path


def find_anchors(source: SourceFile, loader_class: type[PlainLoader | ReferenceLoader]) -> None:
    """Anchors without aliases leave no trace in the node tree; the event stream shows them. Read
    by the parser that composed the tree: libyaml where it may, since a ` *` or ` &` in any text of a
    5 MB file would otherwise send all of it through the pure-Python parser again."""
    try:
        for event in yaml.parse(source.text or "", Loader=loader_class):  # type: ignore[arg-type]  # the stubs list only PyYAML's own loaders
            anchor, mark = getattr(event, "anchor", None), event.start_mark
            if anchor is None or mark is None:
                continue
            if isinstance(event, yaml.AliasEvent):
                source.add("yaml-alias", mark.line + 1, mark.column + 1, what=Term("p.alias"), name=f"*{anchor}")
            else:
                source.add("yaml-alias", mark.line + 1, mark.column + 1, what=Term("p.anchor"), name=f"&{anchor}")
    except yaml.YAMLError:
        pass
