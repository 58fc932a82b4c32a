"""The record-kind registry: every kind has its labels, its Dataset index and its own place on disk."""

from __future__ import annotations

import dataclasses

from conftest import REPO
from kitrack.domain import kinds
from kitrack.load.dataset import Dataset, load
from kitrack.output import i18n

BASE = REPO / "tests" / "fixtures" / "base"


def test_every_kind_has_its_labels_and_a_dataset_index():
    indexes = {field.name for field in dataclasses.fields(Dataset)}
    for kind in kinds.RECORD_KINDS:
        assert kind.heading in i18n.LABELS and kind.label in i18n.LABELS, kind.name
        assert kind.index in indexes, kind.name


def test_kinds_do_not_share_a_name_a_place_an_index_or_a_schema():
    places = [kind.folder for kind in kinds.FOLDER_KINDS] + [kind.file for kind in kinds.LIST_KINDS]
    for facts in (places, [k.name for k in kinds.RECORD_KINDS], [k.index for k in kinds.RECORD_KINDS],
                  [k.schema_file for k in kinds.RECORD_KINDS], [k.model for k in kinds.RECORD_KINDS]):
        assert len(set(facts)) == len(facts) == len(kinds.RECORD_KINDS)


def test_loading_fills_each_kinds_index_with_its_model():
    data = load(BASE)
    for kind in kinds.RECORD_KINDS:
        records = data.index(kind)
        assert records, kind.name  # the base fixture has a record of every kind
        assert all(type(record) is kind.model for record in records.values())
        assert all(data.origin(kind.id_space, record_id) for record_id in records)
