"""A corpus with problems still opens: what is valid is loaded, each broken entry is left out.

The strict loader stays the judge. Its problems name a file and, where it can, an entry; this
module leaves out that entry (or, for a file that cannot be read at all, the file) in a copy of
the files held in memory and loads again, until the rest is valid. What depends on a left-out
entry fails on the next load and is left out in turn, so nothing invalid is ever shown and the
folder on disk is never touched. The problems reported are those of the files as they are (the
first load), with their line numbers; the left-out list says what the pages do not show.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from perspectives.corpus.file_shapes import LIST_FILES
from perspectives.corpus.files import CorpusFiles, FolderFiles, MemoryFiles
from perspectives.corpus.guards import NOT_A_FILE
from perspectives.corpus.loader import ANALYSIS, DOCUMENTS, MANIFEST, read_corpus
from perspectives.corpus.model import Corpus
from perspectives.corpus.problems import CorpusError, Problem
from perspectives.corpus.yamlfile import parse_yaml

MAX_ROUNDS = 10  # each round leaves out one layer of dependants; real corpora need two or three
_KEYS = {list_file.name: list_file.key for list_file in LIST_FILES}


@dataclass(frozen=True)
class LoadResult:
    """The valid part of a corpus, the problems of its files, and what was left out."""

    corpus: Corpus | None  # None when nothing can be shown (the manifest itself is broken)
    problems: tuple[Problem, ...]
    left_out: tuple[str, ...]  # "file: entry" (or "file") for each thing the pages do not show


def load_valid(source: CorpusFiles | Path | str) -> LoadResult:
    """Load `source`, leaving out what is broken; never raises CorpusError."""
    files = FolderFiles(Path(source)) if isinstance(source, Path | str) else source
    try:
        return LoadResult(Corpus(**read_corpus(files)), (), ())
    except CorpusError as error:
        first = error.problems
    try:
        held = _read_all(files)
    except OSError:  # the folder itself is missing or unreadable
        held = None
    if held is None:
        return LoadResult(None, first, ())
    problems, left_out = first, []
    for _ in range(MAX_ROUNDS):
        changed = [gone for p in problems if (gone := _leave_out(held, p))]
        if not changed:
            break
        left_out += changed
        try:
            corpus = Corpus(
                **read_corpus(MemoryFiles(held, name=files.label, empty_folders=_FOLDERS))
            )
        except CorpusError as error:
            problems = error.problems
            continue
        return LoadResult(corpus, first, tuple(dict.fromkeys(left_out)))
    return LoadResult(None, first, tuple(dict.fromkeys(left_out)))


_FOLDERS = frozenset({DOCUMENTS, ANALYSIS})


def _read_all(files: CorpusFiles) -> dict[str, bytes] | None:
    """Every regular file of the corpus, by relative path; None if the manifest is unreadable."""
    held: dict[str, bytes] = {}
    pending = [""]
    while pending:
        folder = pending.pop()
        for name in files.names(folder):
            rel = f"{folder}/{name}" if folder else name
            kind = files.kind(rel)
            if kind == "folder":
                pending.append(rel)
            elif kind == "file":
                try:
                    held[rel] = files.read(rel)
                except OSError:
                    continue
    return held if MANIFEST in held else None


def _leave_out(held: dict[str, bytes], problem: Problem) -> str | None:
    """Remove what `problem` names from `held`; what was removed, or None if nothing could be."""
    rel = problem.file
    parts = PurePosixPath(rel).parts
    if rel not in held and rel != MANIFEST and problem.message in NOT_A_FILE.values():
        # A pipe or a linked folder is never read, so the copy lacks it already; a required
        # list file becomes an empty list so that what does not depend on it still loads.
        if len(parts) == 2 and parts[0] == ANALYSIS and parts[1].removesuffix(".yaml") in _KEYS:
            held[rel] = b"[]\n"
        return rel
    if rel not in held or rel == MANIFEST:
        return None
    if parts[0] == DOCUMENTS or problem.entry is None:
        # A broken document, or a file that cannot be read as a whole: a list file every corpus
        # needs stays, empty, so that what does not depend on it still loads.
        if len(parts) == 2 and parts[1].removesuffix(".yaml") in _KEYS:
            if held[rel] == b"[]\n":
                return None
            held[rel] = b"[]\n"
        else:
            del held[rel]
        return rel
    data = _parsed(held[rel])
    if data is None:
        del held[rel]
        return rel
    positions = len(parts) >= 2 and parts[1] == "positions"
    items = data.get("positions") if positions and isinstance(data, dict) else data
    if not isinstance(items, list):
        del held[rel]
        return rel
    name = parts[1].removesuffix(".yaml") if len(parts) >= 2 else ""
    kept = [
        item for item in items if _entry_of(item, positions, _KEYS.get(name, "id")) != problem.entry
    ]
    if len(kept) == len(items):
        return None
    if positions:
        data["positions"] = kept
    else:
        data = kept
    held[rel] = yaml.safe_dump(_plain(data), allow_unicode=True, sort_keys=False).encode("utf-8")
    return f"{rel}: {problem.entry}"


def _plain(data: Any) -> Any:
    """The parser's line-aware containers as plain dicts and lists, which YAML can dump."""
    if isinstance(data, dict):
        return {str(key): _plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_plain(item) for item in data]
    if isinstance(data, str):
        return str(data)
    return data


def _parsed(raw: bytes) -> Any:
    try:
        return parse_yaml(raw.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError, ValueError, RecursionError):
        return None


def _entry_of(item: object, positions: bool, key: str) -> str | None:
    if not isinstance(item, dict):
        return None
    if positions:
        return f"{item.get('voice')}/{item.get('topic')}"
    value = item.get(key)
    return None if value is None else str(value)
