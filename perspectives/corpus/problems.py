"""The error a corpus raises when it is not valid: every problem found, each one located."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a corpus, located as precisely as the loader could.

    `file` is the path relative to the corpus folder (POSIX separators), `entry` the id of the
    entry concerned (a position's id is VOICE/TOPIC), `line` the 1-based line in that file.
    `message` says in plain words what is wrong and what to do; `detail` keeps the parser's or
    the validator's own words, for whoever needs them (shown one click away).
    """

    file: str
    entry: str | None
    line: int | None
    message: str
    detail: str = ""

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


_UNKNOWN = re.compile(r"^unknown (?P<kind>[a-z ]+) '(?P<id>[^']*)'")


def _failed_file_kind(file: str, kinds: Mapping[str, str]) -> tuple[str, str | None]:
    """(kind, id) a file that could not be read leaves undefined; id None: every id of it."""
    parts = PurePosixPath(file).parts
    if len(parts) == 2 and parts[0] == "documents":
        return "document", PurePosixPath(parts[1]).stem
    if len(parts) >= 2 and parts[0] == "analysis":
        name = parts[1].removesuffix(".yaml")
        if name in kinds:
            return kinds[name], None
    return "", None


def root_causes_first(
    problems: Iterable[Problem], kinds: Mapping[str, str], failed: Collection[str] = ()
) -> list[Problem]:
    """The problems with each unreadable file's follow-on "unknown X" lines folded into one line.

    A tab in topics.yaml makes the whole file unreadable; every claim, position and motion that
    names a topic then reports "unknown topic" (294 lines on a large corpus, the cause last).
    Here the problems of the `failed` files (those that could not be read as a whole) come
    first, in file order, and the references they leave dangling are counted on one line under
    the file instead of listed. `kinds` maps a list file's name ("topics") to how a message
    names its entries ("topic")."""
    problems = list(problems)
    causes = [p for p in problems if p.file in failed and p.entry is None]
    undefined: dict[tuple[str, str | None], Problem] = {}
    for problem in causes:
        kind, entry_id = _failed_file_kind(problem.file, kinds)
        if kind:
            undefined.setdefault((kind, entry_id), problem)
    folded: dict[Problem, int] = {}
    kept = []
    for problem in problems:
        match = _UNKNOWN.match(problem.message)
        cause = None
        if match:
            kind, entry_id = match["kind"], match["id"]
            cause = undefined.get((kind, None)) or undefined.get((kind, entry_id))
        if cause is not None:
            folded[cause] = folded.get(cause, 0) + 1
        elif problem not in causes:
            kept.append(problem)
    head = []
    for problem in causes:
        head.append(problem)
        if folded.get(problem):
            n = folded[problem]
            head.append(
                Problem(
                    problem.file,
                    None,
                    None,
                    f"{n} reference{'' if n == 1 else 's'} elsewhere to what this file defines "
                    f"{'was' if n == 1 else 'were'} not checked; fix this file first",
                )
            )
    return head + kept
