"""Names near a mistyped one, for hints and usage errors."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from kitrack.domain.problems import Term


def did_you_mean(word: str, choices: Sequence[str]) -> Term | None:
    """`did you mean `regency`?` for a near miss; None when nothing is close."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return Term("p.did_you_mean", choice=close[0]) if close else None


def nearest(word: str, choices: Sequence[str], limit: int = 5) -> list[str]:
    """The choices a person most likely meant by `word`, best first.

    Someone who types part of an id (`sier` for `sier-rungkut`) or the right id in capitals (`JIIPE`)
    means those ids, so they rank before ids that are merely spelt alike: first the choices equal to
    `word` ignoring case, then those that start with it, then those that contain it, then difflib's
    near misses. Within a rank, the choices keep their own order.
    """
    wanted = word.casefold()
    folded = {choice: choice.casefold() for choice in choices}
    ranks: tuple[list[str], ...] = ([], [], [])
    for choice, text in folded.items():
        if text == wanted:
            ranks[0].append(choice)
        elif text.startswith(wanted):
            ranks[1].append(choice)
        elif wanted and wanted in text:
            ranks[2].append(choice)
    found = [choice for rank in ranks for choice in rank]
    alike = difflib.get_close_matches(wanted, list(folded.values()), n=limit, cutoff=0.5)
    by_folded = {text: choice for choice, text in folded.items()}
    found += [by_folded[text] for text in alike if by_folded[text] not in found]
    return found[:limit]


def closest(word: str, choices: Sequence[str]) -> str:
    """The choices nearest `word` (or the first eight, if none is near), as `a`, `b` in a message."""
    return ", ".join(f"`{choice}`" for choice in (nearest(word, choices) or choices[:8]))
