"""What a single answer may be, read from the answers model (core/models/answers.py) so the
questions can never drift from the file they fill: the choices of a Literal, the bounds of a
number, the longest text, and whether a value fits its field (checked by the model itself)."""

from __future__ import annotations

import types
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel, TypeAdapter, ValidationError

from cc_career.core.models.answers import Answers


@cache
def annotation(path: str) -> Any:
    """The type of the field at `path` ("ideal.horizon_years"; a dict's values: "current.skills.x")."""
    node: Any = Answers
    for part in path.split("."):
        node = _plain(node)
        if isinstance(node, type) and issubclass(node, BaseModel):
            node = node.model_fields[part].rebuild_annotation()
        elif get_origin(node) is dict:
            node = get_args(node)[1]
        else:
            raise KeyError(path)
    return node


def _plain(tp: Any) -> Any:
    """The type without its Annotated metadata and without `| None`."""
    while True:
        if get_origin(tp) is Annotated:
            tp = get_args(tp)[0]
        elif get_origin(tp) in (Union, types.UnionType):
            tp = next(a for a in get_args(tp) if a is not type(None))
        else:
            return tp


def _metadata(tp: Any) -> list[Any]:
    found: list[Any] = []
    while True:
        if get_origin(tp) is Annotated:
            args = get_args(tp)
            for item in args[1:]:
                found.extend(getattr(item, "metadata", ()) or [item])
            tp = args[0]
        elif get_origin(tp) in (Union, types.UnionType):
            tp = next(a for a in get_args(tp) if a is not type(None))
        else:
            return found


def choices(path: str) -> tuple[Any, ...]:
    """The values a Literal field (or a list of them) allows, in the model's order."""
    tp = _plain(annotation(path))
    if get_origin(tp) is list:
        tp = _plain(get_args(tp)[0])
    if get_origin(tp) is not Literal:
        raise TypeError(f"{path} is not a choice")
    return get_args(tp)


def bounds(path: str) -> tuple[float, float]:
    """The lowest and highest number the field allows (a whole number above 0 starts at 1)."""
    tp = annotation(path)
    low, high = float("-inf"), float("inf")
    whole = _plain(tp) is int
    for item in _metadata(tp):
        if isinstance(item, annotated_types.Ge):
            low = item.ge
        elif isinstance(item, annotated_types.Gt):
            low = item.gt + 1 if whole else item.gt
        elif isinstance(item, annotated_types.Le):
            high = item.le
        elif isinstance(item, annotated_types.Lt):
            high = item.lt - 1 if whole else item.lt
    return low, high


def max_length(path: str) -> int:
    """The longest text (or list) the field allows."""
    for item in _metadata(annotation(path)):
        if isinstance(item, annotated_types.MaxLen):
            return item.max_length
    raise TypeError(f"{path} has no length limit")


@cache
def _adapter(path: str) -> TypeAdapter[Any]:
    return TypeAdapter(annotation(path))


def fits(path: str) -> Callable[[Any], bool]:
    """A check that a value is what the answers model accepts at `path`."""
    adapter = _adapter(path)

    def check(value: Any) -> bool:
        try:
            adapter.validate_python(value, strict=True)
        except ValidationError:
            return False
        return True

    return check
