"""Schema checks: a pydantic ValidationError -> problems with codes, positions and hints."""

from __future__ import annotations

import types
import typing
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kitrack.domain.defaults import MAX_PER_FILE
from kitrack.domain.models import LOCAL_TAG, TEXT_TAG
from kitrack.domain.problems import FieldPath, Number, Param, Problem, Term, format_path
from kitrack.domain.suggestions import did_you_mean
from kitrack.load.loader import AMBIGUITY_CODES, YAML11_BOOLEANS, SourceFile

EXPECTED = {  # pydantic error type -> the label of what was expected
    "string_type": "p.text",
    "int_type": "p.whole_number",
    "float_type": "p.number",
    "bool_type": "p.boolean",
    "list_type": "p.list",
    "dict_type": "p.mapping",
    "model_type": "p.mapping",
    "model_attributes_type": "p.mapping",
    "int_from_float": "p.whole_number",
}
NUMERIC = ("int_type", "float_type", "int_from_float")
TEXT_SHAPES = (TEXT_TAG, LOCAL_TAG)

# Fields of v1 records that v2 names or places differently, found where pydantic sees an unknown
# field at a record's top level: the message says exactly what to write instead (design model-v2 §11).
MOVED_TO_REPORT = (
    "status", "target", "funding", "area_ha", "budget_idr_bn", "length_km", "capacity_lps", "capacity_mmscfd",
    "capacity_mtpa",
)
RENAMED = {"Project": {"region": "regions"}}


def describe(value: Any) -> Param:
    """How a YAML value reads to the person who wrote it."""
    if value is None:
        return Term("p.empty")
    if isinstance(value, bool):
        return f"`{'true' if value else 'false'}`"
    if isinstance(value, (int, float)):
        shown = f"{value}"
        return Term("p.the_number", value=shown if len(shown) <= 20 else shown[:17] + "...")
    if isinstance(value, str):
        return Term("p.the_text", value=value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, list):
        return Term("p.list")
    if isinstance(value, dict):
        return Term("p.a_mapping")
    return type(value).__name__


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types inside Optional[...], list[...] and Annotated[...]."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def annotation_at(model: type[BaseModel], loc: FieldPath) -> Any:
    """The type expected at `loc` inside `model`, or None if the path leaves the model."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue  # list items: the element type is already unwrapped below
        models = [t for t in _unwrap(current) if isinstance(t, type) and issubclass(t, BaseModel)]
        if not models or part not in models[0].model_fields:
            return None
        current = models[0].model_fields[part].annotation
    return current


def _model_at(model: type[BaseModel], loc: FieldPath) -> type[BaseModel] | None:
    found = [t for t in _unwrap(annotation_at(model, loc)) if isinstance(t, type) and issubclass(t, BaseModel)]
    return found[0] if found else None


def _enum_at(model: type[BaseModel], loc: FieldPath) -> type[Enum] | None:
    found = [t for t in _unwrap(annotation_at(model, loc)) if isinstance(t, type) and issubclass(t, Enum)]
    return found[0] if found else None


def problems_from(
    failures: list[tuple[ValidationError, FieldPath]], model: type[BaseModel], source: SourceFile
) -> list[Problem]:
    """The problems of one file's records that failed validation: each failure is the error and the
    record's path in the file (`()` for a record file, `("agencies", 3)` in a list file).

    One call per file, so that what the loader already reported is gathered once: a list file with
    thousands of broken entries stays linear."""
    # A value the loader already refused (a tag, an alias) arrives as null: do not report it twice.
    # A value the loader only noted as ambiguous (`psn: yes`, `status: on`) is better described here:
    # the note gives way.
    noted = {(p.line, p.column): p for p in source.problems if p.code in AMBIGUITY_CODES and not p.path}
    refused = {(p.line, p.column) for p in source.problems} - noted.keys()
    placed: list[tuple[tuple[int, int], ErrorDetails, FieldPath, FieldPath]] = []
    for error, prefix in failures:
        for item in error.errors(include_url=False):
            # A text's shape ([text] or [id/en]) is pydantic's, not a place in the file.
            loc = tuple(part for part in item["loc"] if part not in TEXT_SHAPES)
            place = _place(item["type"], prefix + loc, source)
            if place not in refused:
                placed.append((place, item, loc, prefix))
    # Only the first problems of a file are listed (problems.MAX_PER_FILE): suggestions, the costly
    # part of a problem, are worked out for those alone, not for the 400,000 keys of a hostile file.
    placed.sort(key=lambda entry: entry[0])
    last_listed = placed[MAX_PER_FILE - 1][0] if len(placed) > MAX_PER_FILE else None
    found = [
        _problem(item, loc, model, source, prefix, place, suggest=last_listed is None or place <= last_listed)
        for place, item, loc, prefix in placed
    ]
    # A renamed field is reported once, at the old name: the new one is then not also "missing".
    renamed = {(p.path.rpartition(".")[0], p.params["new"]) for p in found if p.code == "renamed-field"}
    if renamed:
        found = [
            p for p in found
            if not (p.code == "missing-field" and (p.path.rpartition(".")[0], p.params["field"]) in renamed)
        ]
    replaced = {id(noted[p.line, p.column]) for p in found if (p.line, p.column) in noted}
    if replaced:
        source.problems[:] = [p for p in source.problems if id(p) not in replaced]
    return found


def _place(kind: str, full: FieldPath, source: SourceFile) -> tuple[int, int]:
    """Where a validation error is shown: a missing field at its mapping, an unknown one at its key."""
    return source.locate(full[:-1] if kind == "missing" else full, key=kind == "extra_forbidden")


def _problem(
    item: ErrorDetails,
    loc: FieldPath,
    model: type[BaseModel],
    source: SourceFile,
    prefix: FieldPath,
    place: tuple[int, int],
    suggest: bool,
) -> Problem:
    kind = item["type"]
    value = item.get("input")
    full = prefix + loc
    path = format_path(full)

    def at(code: str, *, hint: Term | None = None, **params: Param) -> Problem:
        return source.problem(code, place[0], place[1], path, hint, **params)

    if kind == "missing":
        return at("missing-field", field=loc[-1])
    if kind == "extra_forbidden" and len(loc) == 1 and model.__name__ in ("Estate", "Project"):
        renamed = RENAMED.get(model.__name__, {}).get(str(loc[0]))
        if renamed is not None:
            return at("renamed-field", field=loc[0], new=renamed, value=_plain(value))
        if loc[0] in MOVED_TO_REPORT:
            return at("moved-to-report", field=loc[0], value=_plain(value))
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        fields = list(parent.model_fields) if parent else []
        hint = did_you_mean(str(loc[-1]), fields) if suggest else None
        if hint is None and fields:
            hint = Term("p.allowed_fields", fields=", ".join(fields))
        return at("unknown-field", field=loc[-1], hint=hint)
    if kind in ("enum", "literal_error"):
        enum = _enum_at(model, loc)
        allowed = [_plain(member.value) for member in enum] if enum else []
        if isinstance(value, str) and value in YAML11_BOOLEANS and "true" in allowed:  # psn: yes
            word = "true" if value.lower() in ("y", "yes", "on") else "false"
            return at("yaml11-boolean", detail=Term("p.yaml11", value=value, fix=Term("p.write", value=word)))
        hint = did_you_mean(str(value), allowed) if suggest and isinstance(value, str) else None
        if not isinstance(value, str):
            return at(
                "wrong-type",
                expected=Term("p.text"),
                found=describe(value),
                hint=Term("p.one_of", choices=", ".join(allowed)),
            )
        return at("invalid-choice", value=value, allowed=", ".join(allowed), hint=hint)
    # An id too long is an invalid id; a text too long (its pattern None) is an invalid value.
    slug = "pattern='" in str(annotation_at(model, loc))
    if kind == "string_pattern_mismatch" or (kind == "string_too_long" and slug):
        return at("invalid-id", value=value)
    if kind == "invalid_date":
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            return at("wrong-type", expected=Term("p.a_date"), found=describe(value))
        reason: Term = item["ctx"]["reason"]  # PartialDate's DateError, kept a Term through pydantic
        return at("invalid-date", reason=reason)
    if kind == "float_type" and isinstance(value, int) and not isinstance(value, bool):
        return at("invalid-value", reason=Term("p.too_large"))  # a whole number past any float, such as 400 digits
    if kind in EXPECTED or kind.endswith("_type"):
        expected: Param = Term(EXPECTED[kind]) if kind in EXPECTED else kind.replace("_type", "")
        if isinstance(value, str) and value in YAML11_BOOLEANS and kind in ("bool_type", *NUMERIC):
            word = "true" if value.lower() in ("y", "yes", "on") else "false"
            fix = Term("p.write", value=word) if kind == "bool_type" else Term("p.write_figure")
            return at("yaml11-boolean", detail=Term("p.yaml11", value=value, fix=fix))
        hint = None
        if kind in NUMERIC and isinstance(value, str):
            hint = Term("p.plain_number") if _looks_numeric(value) else None
        elif kind == "string_type" and isinstance(value, (bool, int, float)):
            hint = Term("p.quote_it")
        elif kind == "list_type" and value is not None and not isinstance(value, (list, dict)):
            hint = Term("p.write_list")
        return at("wrong-type", expected=expected, found=describe(value), hint=hint)
    if kind == "text_empty":
        return at("invalid-value", reason=Term("p.text_empty"))
    if kind == "string_too_short":
        return at("invalid-value", reason=Term("p.not_empty"))
    if kind == "string_too_long":
        return at("invalid-value", reason=Term("p.too_long", limit=item["ctx"]["max_length"]))
    limits = {"greater_than_equal": "ge", "less_than_equal": "le", "greater_than": "gt", "less_than": "lt"}
    if kind in limits:
        key = limits[kind]
        return at(
            "invalid-value",
            reason=Term(f"p.limit_{key}", value=describe(value), limit=Number(item["ctx"][key]), field=loc[-1]),
        )
    if kind == "finite_number":
        return at("invalid-value", reason=Term("p.not_finite"))
    if kind in ("int_parsing_size", "float_parsing_size") or "too large" in item["msg"]:
        return at("invalid-value", reason=Term("p.too_large"))
    return at("invalid-value", reason=item["msg"])


def _plain(value: Any) -> str:
    """A value as YAML would spell it, for a message that says what to write."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return "..."
    shown = str(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _looks_numeric(text: str) -> bool:
    try:
        float(text.replace(",", ""))
        return True
    except ValueError:
        return False
