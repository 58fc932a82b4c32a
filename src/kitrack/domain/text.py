"""Free text in two languages: which one a reader sees.

A text is a plain string (its language unknown: shown as it is in every language, never marked) or a
`LocalText` with `id`, `en` or both. A reader gets the chosen language, else the other one, marked as
a fallback so that an English reader knows the words are Indonesian. JSON keeps the data's shape
instead (language-independent output); everything a person reads picks here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeGuard

if TYPE_CHECKING:  # the models need pydantic; the renderers pick text without importing it (start-up time)
    from kitrack.domain.models import LocalText, TextValue

LANGUAGES = ("id", "en")  # the keys of a LocalText, in the catalogue's languages


@dataclass(frozen=True)
class Picked:
    text: str
    shown: str | None  # the language shown, None for a plain string
    fallback: bool  # the chosen language was missing: the other one is shown


def is_local(value: Any) -> TypeGuard[LocalText]:
    """A text in two languages (a `LocalText`), told apart from every other value without importing it."""
    return type(value).__name__ == "LocalText"


def pick(text: TextValue, language: str) -> Picked:
    if not is_local(text):
        assert isinstance(text, str)
        return Picked(text, None, False)
    chosen = getattr(text, language, None)
    if chosen is not None:
        return Picked(chosen, language, False)
    other = next(code for code in LANGUAGES if code != language and getattr(text, code) is not None)
    return Picked(getattr(text, other), other, True)


def shape(text: TextValue) -> str | dict[str, str]:
    """The text as the data gives it, for JSON: a string, or `{"id": ..., "en": ...}` with the keys given."""
    if is_local(text):
        dumped: dict[str, str] = text.model_dump(exclude_none=True)
        return dumped
    assert isinstance(text, str)
    return text
