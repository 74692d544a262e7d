"""What every command shares: exit codes, argument types, the corpus options and loading the
corpus asked for.

Exit codes (contract): 0 success, 1 invalid input (a corpus with problems, a bad query, an
unknown workspace), 2 usage errors (argparse's own convention).

A command that reads a corpus takes `--corpus DIR` or `--workspace NAME` (never both: a usage
error), through `add_corpus_options`; `load(args)` loads the one asked for, else the default.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from perspectives.corpus import Corpus, default_corpus_path, load_corpus

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
CORPUS_HELP = "corpus folder (default: data/ or $PERSPECTIVES_CORPUS)"
WORKSPACE_HELP = (
    "a workspace of the store ($PERSPECTIVES_DB, or PostgreSQL at $DATABASE_URL) instead of "
    "a folder"
)


class Failure(Exception):
    """A command cannot go on: `main` prints the message and exits with `code`."""

    def __init__(self, message: str, code: int = EXIT_INVALID) -> None:
        super().__init__(message)
        self.code = code


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1 (a bad value is a usage error, exit 2)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is not at least 1")
    return number


def add_corpus_options(parser: argparse.ArgumentParser, folder: bool = True) -> None:
    """`--corpus DIR` (unless `folder` is False: the command names its folder otherwise) and
    `--workspace NAME`, mutually exclusive."""
    group = parser.add_mutually_exclusive_group()
    if folder:
        group.add_argument("--corpus", metavar="DIR", help=CORPUS_HELP)
    group.add_argument("--workspace", metavar="NAME", help=WORKSPACE_HELP)


def load(source: argparse.Namespace | str | None) -> Corpus:
    """The corpus asked for: `args.workspace`, else the folder `args.corpus` (or a folder's
    path given directly), else the default corpus."""
    if isinstance(source, argparse.Namespace):
        if getattr(source, "workspace", None):
            return load_workspace(source.workspace)
        source = getattr(source, "corpus", None)
    return load_corpus(Path(source) if source else default_corpus_path())


def load_workspace(name: str) -> Corpus:
    """A workspace's corpus; an unknown name fails naming the workspaces there are."""
    from perspectives.store.workspaces import workspace_store

    with workspace_store() as store:
        if store.find(name) is None:
            raise Failure(unknown_workspace(name, [w.name for w in store.list()]))
        return store.corpus(name)


def unknown_workspace(name: str, names: list[str]) -> str:
    listed = ", ".join(names) if names else "none yet (bundle import FILE.zip --workspace NAME)"
    return f"there is no workspace called {name!r}; workspaces: {listed}"


def kept_note(asked: Path, written: Path) -> str:
    """What a writer adds when `asked` was taken: it is left as it was, the file went beside."""
    return "" if written == asked else f" ({asked} already exists and was left as it was)"
