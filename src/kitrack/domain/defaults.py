"""Defaults of the as-of rules that the command line shows in its options.

Kept apart from board.py, which imports the models (and so pydantic): `kitrack --version` and
`--help` read these without loading either.
"""

DEFAULT_STALE_DAYS = 365  # a record with no report in this many days is stale
