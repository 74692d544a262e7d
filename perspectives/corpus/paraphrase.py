"""Find where a paraphrase copies its source: runs of words the two texts share.

A summary must be in the project's own words, so a run of twelve or more consecutive words that
also occurs in the document is a copied sentence, not a paraphrase. Words are compared
lower-cased with punctuation stripped: "China’s" and "chinas" are the same word, and a dash or
a quote mark between two words does not hide a copy.
"""

from __future__ import annotations

import re

COPIED_RUN = 12  # words: a shared run this long is a copy

_APOSTROPHES = re.compile(r"['’‘‛′]")
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The words of `text`, lower-cased, punctuation stripped (apostrophes join, others split)."""
    return _WORD.findall(_APOSTROPHES.sub("", text).casefold())


def shared_runs(text: str, source: str, length: int = COPIED_RUN) -> list[str]:
    """The maximal runs of at least `length` consecutive words of `text` also found, in the same
    order, in `source`; each run as its words joined by spaces. Empty when `text` paraphrases."""
    if length < 1:
        raise ValueError("length must be at least 1")
    mine, theirs = words(text), words(source)
    grams = {tuple(theirs[i : i + length]) for i in range(len(theirs) - length + 1)}
    copied = [i for i in range(len(mine) - length + 1) if tuple(mine[i : i + length]) in grams]
    runs: list[tuple[int, int]] = []
    for first in copied:
        if runs and first <= runs[-1][1] - length + 1:
            runs[-1] = (runs[-1][0], first + length)
        else:
            runs.append((first, first + length))
    return [" ".join(mine[start:end]) for start, end in runs]
