"""An entry of an analysis file as the loader read it: the validated value and where it was.

Shared by the loader (which makes them) and the cross-checks (which report against them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Entry(Generic[M]):
    """A validated entry of an analysis file, with where it was read."""

    file: str
    line: int | None
    value: M
    raw: Any = field(repr=False)  # the YAML it was read from, for the lines of its parts
    document: str | None = None  # for positions: the document of their file
    document_line: int | None = None
