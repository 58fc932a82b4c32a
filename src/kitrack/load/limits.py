"""How much `load` reads: a frozen value, built once by the command line (`--max-file-mb`,
`--max-depth`) and passed down, never a setting of the process.

Kept apart from the loader, which imports yaml: the command line shows these defaults in its help
without loading it.
"""

from __future__ import annotations

from dataclasses import dataclass

MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 5 * MEGABYTE  # the largest real record is a few kilobytes
    max_depth: int = 64  # records nest three or four levels; deeper is a mistake or an attack


DEFAULT_LIMITS = Limits()
