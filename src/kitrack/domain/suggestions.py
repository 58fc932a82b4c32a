"""Names near a mistyped one, for hints and usage errors."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from kitrack.domain.problems import Term


def did_you_mean(word: str, choices: Sequence[str]) -> Term | None:
    """`did you mean `regency`?` for a near miss; None when nothing is close."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return Term("p.did_you_mean", choice=close[0]) if close else None


def closest(word: str, choices: Sequence[str]) -> str:
    """Up to three choices near `word` (or the first eight, if none is), as `a`, `b` in a message."""
    close = difflib.get_close_matches(word, choices, n=3, cutoff=0.5)
    return ", ".join(f"`{choice}`" for choice in (close or choices[:8]))
