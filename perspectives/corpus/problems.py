"""The error a corpus raises when it is not valid: every problem found, each one located."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a corpus, located as precisely as the loader could.

    `file` is the path relative to the corpus folder (POSIX separators), `entry` the id of the
    entry concerned (a position's id is VOICE/TOPIC), `line` the 1-based line in that file.
    """

    file: str
    entry: str | None
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.entry:
            return f"{where}: {self.entry}: {self.message}"
        return f"{where}: {self.message}"


class CorpusError(Exception):
    """A corpus failed to load. `problems` lists every problem found, in file and line order."""

    def __init__(self, problems: Iterable[Problem], path: Path | str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.path = path
        super().__init__(self.problems, path)

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'' if count == 1 else 's'}"
        if self.path is not None:
            head += f" in corpus {self.path}"
        return head + ":\n" + "\n".join(f"  {problem}" for problem in self.problems)


class UnknownIdError(KeyError):
    """A lookup by id found nothing. Prints its message plainly (a KeyError would quote it)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""
