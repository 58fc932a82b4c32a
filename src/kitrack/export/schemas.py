"""JSON Schema for each kind of data file, generated from the models: `kitrack schema`.

The schemas are for tools other than kitrack: the YAML language server (autocompletion and
underlined mistakes while a maintainer types) and standard validators such as check-jsonschema.
Those tools read YAML 1.2 with dates as text, so a date is text (`2027-06-30`, `2027-06`) or an
integer year (`2027`), as `PartialDate` declares.

Which file holds which model is `kitrack.load.dataset`'s registry (RECORD_FOLDERS, LIST_FILES): one
place for that fact. `schemas/` in the repository holds the generated files; a test fails when they
are out of date (`kitrack schema --output schemas`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kitrack.export.atomic import atomic_file

from pydantic import BaseModel

from kitrack.load.dataset import FOLDER_KIND, LIST_FILES, RECORD_FOLDERS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
# file name of the schema -> the data files it describes (a glob relative to the data directory)


def targets() -> dict[str, str]:
    """Schema file name -> the data files it is for (relative to the data directory)."""
    out = {f"{FOLDER_KIND[folder]}.schema.json": f"{folder}/*.yaml" for folder in RECORD_FOLDERS}
    out.update({f"{Path(name).stem}.schema.json": name for name in LIST_FILES})
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


def _model_schema(model: type[BaseModel]) -> tuple[dict, dict]:
    schema = model.model_json_schema(mode="validation")
    defs = schema.pop("$defs", {})
    return schema, defs


def build() -> dict[str, dict]:
    """Schema file name -> schema document."""
    documents: dict[str, dict] = {}
    for folder, model in RECORD_FOLDERS.items():
        body, defs = _model_schema(model)
        name = f"{FOLDER_KIND[folder]}.schema.json"
        head = {
            "$schema": DIALECT,
            "title": f"kitrack {FOLDER_KIND[folder]} record",
            "description": f"One record per file: {folder}/<id>.yaml, where id equals the file name. See docs/data-format.md.",
        }
        body.pop("title", None)
        documents[name] = _strip_titles({**head, **{k: v for k, v in body.items() if k != "description"}, **({"$defs": defs} if defs else {})})
    for file_name, (key, model) in LIST_FILES.items():
        item, defs = _model_schema(model)
        defs[model.__name__] = item
        documents[f"{Path(file_name).stem}.schema.json"] = _strip_titles(
            {
                "$schema": DIALECT,
                "title": f"kitrack {file_name}",
                "description": f"{file_name}: one list, `{key}:`. See docs/data-format.md.",
                "type": "object",
                "properties": {key: {"type": "array", "items": {"$ref": f"#/$defs/{model.__name__}"}}},
                "required": [key],
                "additionalProperties": False,
                "$defs": defs,
            }
        )
    return documents


def render(document: dict) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write(directory: Path) -> list[Path]:
    """Write every schema into `directory`, each atomically; return the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, document in build().items():
        path = directory / name
        with atomic_file(path) as temporary:  # with the mode of a new file (mkstemp's is 0600)
            with open(temporary, "w", encoding="utf-8", newline="\n") as out:
                out.write(render(document))
        written.append(path)
    return written
