"""The Table every renderer takes: a row holds exactly its columns, so a misspelt key fails at once."""

from __future__ import annotations

import pytest

from kitrack.views.table import Column, Table

COLUMNS = [Column("id"), Column("area_ha", "number")]


def test_a_row_with_a_misspelt_or_missing_key_fails_where_it_is_built():
    table = Table("estates", COLUMNS)
    table.add(id="a", area_ha=None)
    with pytest.raises(ValueError, match=r"unknown keys \['area'\] and lacks \['area_ha'\]"):
        table.add(id="b", area="12")
    with pytest.raises(ValueError, match=r"lacks \['area_ha'\]"):
        Table("estates", COLUMNS, [{"id": "c"}])
    assert table.rows == [{"id": "a", "area_ha": None}]


def test_select_keeps_the_columns_asked_for_in_their_order():
    table = Table("estates", COLUMNS, [{"id": "a", "area_ha": 2}])
    part = table.select(["area_ha", "id"])
    assert [c.key for c in part.columns] == ["area_ha", "id"] and part.rows == [{"area_ha": 2, "id": "a"}]
    with pytest.raises(KeyError):
        table.select(["area"])
