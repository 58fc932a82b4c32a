"""The Indonesian wording keeps to docs/glossary.md: one term per concept, never the avoided words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kitrack.domain.codes import INDONESIAN
from kitrack.output.i18n import LABELS

GLOSSARY = Path(__file__).parents[1] / "docs" / "glossary.md"


def _rows() -> list[tuple[str, str, list[str]]]:
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("English", "---") or set(cells[0]) <= {"-"}:
            continue
        rows.append((cells[0], cells[1], [word.strip() for word in cells[2].split(",") if word.strip()]))
    return rows


def _indonesian_text() -> str:
    labels = [texts["id"] for texts in LABELS.values() if "id" in texts]
    wordings = [text for pair in INDONESIAN.values() for text in pair if text]
    return "\n".join(labels + wordings).casefold()


ROWS = _rows()
TEXT = _indonesian_text()


def test_the_glossary_is_read() -> None:
    assert len(ROWS) >= 25
    assert ("milestone", "tahapan", ["tonggak"]) in ROWS


@pytest.mark.parametrize(("english", "avoided"), [(row[0], word) for row in ROWS for word in row[2]])
def test_avoided_words_are_not_used(english: str, avoided: str) -> None:
    # A whole word only: "menulis" is avoided as the export's "wrote", not inside another word.
    pattern = r"(?<![\w-])" + re.escape(avoided.casefold()) + r"(?![\w-])"
    found = [line for line in TEXT.splitlines() if re.search(pattern, line)]
    assert not found, f"{english}: use the glossary's term, not `{avoided}`: {found[:3]}"


@pytest.mark.parametrize(("english", "term"), [(row[0], row[1]) for row in ROWS])
def test_each_term_is_used(english: str, term: str) -> None:
    # "kabupaten/kota (Kab./Kota in a column)" and "lewat tenggat / melewati tenggat": any variant counts.
    variants = [part.strip() for part in re.split(r"\s/\s|\(|\)", term.replace(" in a column", "")) if part.strip()]
    assert any(variant.casefold() in TEXT for variant in variants), f"{english}: `{term}` is not used"
