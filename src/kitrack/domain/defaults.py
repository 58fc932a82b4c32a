"""Defaults of the rules that the command line shows in its options and help.

Kept apart from board.py, which imports the models (and so pydantic): `kitrack --version` and
`--help` read these without loading either.
"""

DEFAULT_STALE_DAYS = 365  # a record with no report in this many days is stale
MAX_PER_FILE = 100  # problems listed for one file: past this, more lines bury the first ones, which matter
