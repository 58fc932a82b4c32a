"""JSON Schema for each kind of data file, generated from the models: `kitrack schema`.

The schemas are for tools other than kitrack: the YAML language server (autocompletion and
underlined mistakes while a maintainer types) and standard validators such as check-jsonschema.
Those tools read YAML 1.2 with dates as text, so a date is text (`2027-06-30`, `2027-06`) or an
integer year (`2027`), as `PartialDate` declares.

Which file holds which model, and the name of its schema, is the record-kind registry's
(`kitrack.domain.kinds`): one place for those facts. `schemas/` in the repository holds the
generated files; a test fails when they are out of date (`kitrack schema --output schemas`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kitrack.domain.kinds import FOLDER_KINDS, LIST_KINDS, FolderKind, ListKind
from kitrack.output.atomic import atomic_file

DIALECT = "https://json-schema.org/draft/2020-12/schema"
Schema = dict[str, Any]


def targets() -> dict[str, str]:
    """Schema file name -> the data files it is for (a glob relative to the data directory)."""
    out = {kind.schema_file: f"{kind.folder}/*.yaml" for kind in FOLDER_KINDS}
    out.update({kind.schema_file: kind.file for kind in LIST_KINDS})
    return out


def _strip_titles(node: Any, keep: bool = True) -> Any:
    """Drop pydantic's generated property titles ("Area Ha"): editors show them as noise."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                out[key] = {name: _strip_titles(prop, keep=False) for name, prop in value.items()}
            elif key == "title" and not keep and isinstance(value, str):
                continue
            else:
                out[key] = _strip_titles(value, keep=key == "$defs" or keep)
        return out
    if isinstance(node, list):
        return [_strip_titles(item, keep=False) for item in node]
    return node


def _model_schema(model: type[BaseModel]) -> tuple[Schema, Schema]:
    schema = model.model_json_schema(mode="validation")
    defs = schema.pop("$defs", {})
    return schema, defs


def _folder_schema(kind: FolderKind) -> Schema:
    """One record per file: the model's own schema."""
    body, defs = _model_schema(kind.model)
    body.pop("title", None)
    body.pop("description", None)
    return {
        "$schema": DIALECT,
        "title": f"kitrack {kind.name} record",
        "description": f"One record per file: {kind.folder}/<id>.yaml, where id equals the file name. "
        "See docs/data-format.md.",
        **body,
        **({"$defs": defs} if defs else {}),
    }


def _list_schema(kind: ListKind) -> Schema:
    """One file holding a list under one key: the model's schema is that of each item."""
    item, defs = _model_schema(kind.model)
    defs[kind.model.__name__] = item
    return {
        "$schema": DIALECT,
        "title": f"kitrack {kind.file}",
        "description": f"{kind.file}: one list, `{kind.key}:`. See docs/data-format.md.",
        "type": "object",
        "properties": {kind.key: {"type": "array", "items": {"$ref": f"#/$defs/{kind.model.__name__}"}}},
        "required": [kind.key],
        "additionalProperties": False,
        "$defs": defs,
    }


def build() -> dict[str, Schema]:
    """Schema file name -> schema document."""
    documents = {kind.schema_file: _folder_schema(kind) for kind in FOLDER_KINDS}
    documents.update({kind.schema_file: _list_schema(kind) for kind in LIST_KINDS})
    return {name: _strip_titles(document) for name, document in documents.items()}


def render(document: Schema) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write(directory: Path) -> list[Path]:
    """Write every schema into `directory`, each atomically; return the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, document in build().items():
        path = directory / name
        # With the mode of a new file (mkstemp's is 0600).
        with atomic_file(path) as temporary, open(temporary, "w", encoding="utf-8", newline="\n") as out:
            out.write(render(document))
        written.append(path)
    return written
