"""What every command shares: exit codes, argument types, loading the corpus asked for.

Exit codes (contract): 0 success, 1 invalid input (a corpus with problems, a bad query),
2 usage errors (argparse's own convention).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from perspectives.corpus import Corpus, default_corpus_path, load_corpus

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1 (a bad value is a usage error, exit 2)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is not at least 1")
    return number


def load(path: str | None) -> Corpus:
    """The corpus in folder `path`, or the default corpus."""
    return load_corpus(Path(path) if path else default_corpus_path())
