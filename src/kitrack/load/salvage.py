"""A record that failed validation, with its failing parts left out: what the rules can still check.

A schema error must not hide a record's other problems (an unknown agency next to a misspelt key).
So the parts pydantic refused are cut away (an unknown key, a bad optional value, a list item
whose required field is bad or missing) and the rest validated again. A required top-level field
that is missing or wrong leaves nothing to check: then there is no record.
"""

from __future__ import annotations

import copy
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kitrack.domain.problems import FieldPath
from kitrack.load.schema import model_at

Model = TypeVar("Model", bound=BaseModel)

# Each round cuts what the last validation refused; a cut can only reveal a few more failures
# (a list left shorter than its minimum), so a handful of rounds is plenty.
ROUNDS = 4


def salvage(model: type[Model], raw: dict[str, Any], error: ValidationError) -> tuple[Model | None, list[FieldPath]]:
    """The record `raw` holds without the parts `error` refused, and the paths cut; None when a
    required top-level field is at fault. `raw` itself is never changed."""
    data = copy.deepcopy(raw)
    pruned: list[FieldPath] = []
    for _ in range(ROUNDS):
        cuts = set()
        for item in error.errors(include_url=False):
            cut = _cut(model, data, item)
            if cut is None:
                return None, pruned
            cuts.add(cut)
        # Deepest and last first, so that a cut never moves the place of one still to make.
        for cut in sorted(cuts, key=_order, reverse=True):
            _remove(data, cut)
        pruned += cuts
        try:
            return model.model_validate(data), pruned
        except ValidationError as again:
            error = again
    return None, pruned


def _cut(model: type[BaseModel], data: Any, item: ErrorDetails) -> FieldPath | None:
    """The part to leave out for one error: the failing field if the model can do without it,
    else the list item that holds it; None for a required top-level field."""
    path: list[str | int] = []
    node = data
    for part in item["loc"]:
        if _holds(node, part):
            node = node[part]
        elif item["type"] == "missing" and part == item["loc"][-1]:
            node = None
        else:
            continue  # not in the data: the name of a union's member (`str`, `BasisRef`)
        path.append(part)
    for end in range(len(path), 0, -1):
        part = path[end - 1]
        if isinstance(part, int):
            return tuple(path[:end])
        if item["type"] == "missing" and end == len(path):
            continue  # a missing field is required: the part that holds it goes
        parent = model_at(model, tuple(path[: end - 1]))
        extra = item["type"] == "extra_forbidden" and end == len(path)
        if parent is None or extra or (part in parent.model_fields and not parent.model_fields[part].is_required()):
            return tuple(path[:end])
    return None


def _order(path: FieldPath) -> tuple[tuple[int, int, str], ...]:
    return tuple((0, part, "") if isinstance(part, int) else (1, 0, part) for part in path)


def _remove(data: Any, path: FieldPath) -> None:
    """Leave out the value at `path`, if an earlier cut has not already."""
    node = data
    for part in path[:-1]:
        if not _holds(node, part):
            return
        node = node[part]
    if _holds(node, path[-1]):
        del node[path[-1]]


def _holds(node: Any, part: str | int) -> bool:
    if isinstance(node, list):
        return isinstance(part, int) and 0 <= part < len(node)
    return isinstance(node, dict) and part in node
