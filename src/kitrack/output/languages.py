"""The languages of the output, and the one the environment asks for.

Kept apart from the label catalogue (i18n): the command line offers `--lang` without loading it.
"""

from __future__ import annotations

import os
from typing import Literal

Code = Literal["en", "id"]
LANGUAGES: tuple[Code, ...] = ("en", "id")


def detect_language() -> Code:
    """The language of KITRACK_LANG, else of the locale (`id_ID.UTF-8` -> Indonesian), else English."""
    for variable in ("KITRACK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "id" if value.lower().startswith(("id", "in_")) else "en"
    return "en"
