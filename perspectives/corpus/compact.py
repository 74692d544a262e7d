"""Less memory per model: one shared set of field names instead of one set per object.

pydantic gives every model object its own `__pydantic_fields_set__` (the fields given when it
was made): a set of six or more names takes 728 bytes, more than the object's own fields, and a
corpus of 5,000 documents has over half a million models (a quote is one). Models of a corpus
are frozen, so no set is ever added to (a copy made with `model_copy` gets a set of its own):
objects given the same fields can share one set.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

_FIELDS_SET = BaseModel.__dict__["__pydantic_fields_set__"]  # the slot, set without __setattr__
_SHARED: dict[frozenset[str], set[str]] = {}


def shared_names(names: Iterable[str]) -> set[str]:
    """The one set holding `names`, for every model given those fields."""
    key = frozenset(names)
    found = _SHARED.get(key)
    if found is None:
        found = _SHARED[key] = set(key)
    return found


def shared(model: M) -> M:
    """`model`, given the shared set of its field names (the models inside it are not)."""
    _FIELDS_SET.__set__(model, shared_names(model.__pydantic_fields_set__))
    return model


def share_fields_sets(root: M) -> M:
    """`root`, it and every model inside it (in fields and tuples of them) given shared sets."""
    pending: list[Any] = [root]
    while pending:
        model = pending.pop()
        _FIELDS_SET.__set__(model, shared_names(model.__pydantic_fields_set__))
        for value in model.__dict__.values():
            if isinstance(value, BaseModel):
                pending.append(value)
            elif isinstance(value, tuple) and value and isinstance(value[0], BaseModel | tuple):
                for item in value:
                    if isinstance(item, BaseModel):
                        pending.append(item)
    return root
