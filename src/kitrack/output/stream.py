"""Standard output whose failures are decided, not crashes: what `main` writes through.

- A reader that has gone (`kitrack check | head -1`) is not an error: the rest of the output is
  dropped and the command runs to its end, so it exits with the status it would have had (CI reads
  `check`'s verdict through `set -o pipefail`, not whether `head` wanted more).
- Any other failure to write (a full disk or `/dev/full`, a descriptor open only for reading, an I/O
  error) raises `OutputError`: one line, exit 2.
- A character the stream's encoding cannot hold (`PYTHONIOENCODING=ascii`, a C locale) is written
  as its escape (`\\u2014`), so an ASCII terminal degrades instead of failing.
"""

from __future__ import annotations

import io
import os
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


class OutputError(Exception):
    """Standard output cannot be written. Not an OSError, so no command mistakes it for a failure of
    its own files."""

    def __init__(self, reason: str | None):
        super().__init__(reason)
        self.reason = reason  # the system's words (`No space left on device`); None: there is no standard output


class _Descriptor(io.RawIOBase):
    def __init__(self, fd: int, quiet: bool = False):
        self._fd = fd
        self.dropping = False  # after a failure nothing more is tried, not even the flush at exit
        # Standard error is the last channel: when it cannot be written either (`2>/dev/full`), the
        # message is lost but the exit status still tells, so its failures are dropped, not raised.
        self.quiet = quiet

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data: ReadableBuffer) -> int:
        size = memoryview(data).nbytes  # what "written" means when a write is dropped
        if self.dropping:
            return size
        try:
            return os.write(self._fd, data)
        except BrokenPipeError:
            self.dropping = True
            return size
        except OSError as exc:
            self.dropping = True
            if self.quiet:
                return size
            raise OutputError(exc.strerror or str(exc)) from None


def guard() -> None:
    """Put standard output and standard error behind `_Descriptor`, before anything is written.
    Raises OutputError if there is no standard output at all (`kitrack status >&-`): its descriptor
    would be reused by the next file opened, and output would land there. A closed standard error
    (`2>&-`) is None too, and Python already drops what is written to it."""
    if sys.stdout is None:
        raise OutputError(None)
    old = sys.stdout
    sys.stdout = _behind_descriptor(old, quiet=False, line_buffering=getattr(old, "line_buffering", False),
                                    write_through=getattr(old, "write_through", False)) or old
    if sys.stderr is not None:
        # Quiet: a message that cannot be written is dropped, and the command still exits with its
        # own status (2 for a usage error), never an internal error. Each message is written at once,
        # as by Python's own standard error.
        sys.stderr = _behind_descriptor(sys.stderr, quiet=True, line_buffering=True, write_through=True) or sys.stderr


def _behind_descriptor(stream: TextIO, quiet: bool, line_buffering: bool, write_through: bool) -> TextIO | None:
    """`stream` written through a `_Descriptor` on its file descriptor, in its encoding, with what
    it cannot encode as escapes; None where it has no real descriptor (embedded, tests)."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return None
    stream.flush()
    return io.TextIOWrapper(
        io.BufferedWriter(_Descriptor(fd, quiet)), encoding=stream.encoding, errors="backslashreplace",
        line_buffering=line_buffering, write_through=write_through,
    )
