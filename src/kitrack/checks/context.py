"""What the rules are judged against: the as-of date and the stale period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kitrack.domain.defaults import DEFAULT_STALE_DAYS


@dataclass(frozen=True)
class Context:
    as_of: dt.date
    stale_days: int = DEFAULT_STALE_DAYS
