"""Words and BM25, for the lexical half of passage suggestions.

`terms` lower-cases a text, keeps its words (letters and digits in any script), drops common
English function words and strips the commonest English inflections from Latin-script words
("controls", "controlled", "controlling" -> "control"), so a topic's question meets a
paragraph's wording. Words of other scripts are kept whole.

`BM25` is Okapi BM25 (k1 = 1.2, b = 0.75, the non-negative idf of Lucene) over a small
collection of term lists; a query is a list of terms whose repeats weigh (by their square
root), so a topic's profile can be a query as well as a document.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

_WORD = re.compile(r"\w+")
_LATIN = re.compile(r"[a-z]+")
_STOPWORDS = """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each even
    ever every few for from further had has have having he her here hers herself him himself
    his how however i if in into is it its itself just let like many may me might more most
    much must my myself no nor not now of off on once one only or other others our ours
    ourselves out over own per rather same shall she should since so some such than that the
    their theirs them themselves then there these they this those through thus to too under
    until up upon us very was we were what when where whether which while who whom whose why
    will with within without would yet you your yours yourself yourselves said says say"""
STOPWORDS = frozenset(_STOPWORDS.split())


def stem(word: str) -> str:
    """A light English stem of a lower-case Latin-script word; other words unchanged."""
    if not _LATIN.fullmatch(word) or len(word) <= 3:
        return word
    for suffix, keep in (("ations", "ate"), ("ation", "ate"), ("ments", ""), ("ment", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + keep
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ingly", "edly", "ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word.endswith("ly") and len(word) > 5:
        word = word[:-2]
    if len(word) > 3 and word[-1] == word[-2]:
        word = word[:-1]  # "controlled" -> "controll" -> "control", as "control"
    return word


def terms(text: str) -> list[str]:
    """The index terms of a text, in order (repeats kept)."""
    found = []
    for word in _WORD.findall(text.casefold()):
        if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
            continue
        found.append(stem(word))
    return found


class BM25:
    """Okapi BM25 over `documents` (each a list of terms)."""

    def __init__(self, documents: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.counts = [Counter(doc) for doc in documents]
        self.lengths = np.array([len(doc) for doc in documents], dtype=float)
        self.average = float(self.lengths.mean()) if len(documents) and self.lengths.any() else 1.0
        frequency: Counter[str] = Counter()
        for counts in self.counts:
            frequency.update(counts.keys())
        total = len(documents)
        self.idf = {
            term: math.log(1.0 + (total - df + 0.5) / (df + 0.5)) for term, df in frequency.items()
        }
        self.postings: dict[str, list[tuple[int, int]]] = {}
        for index, counts in enumerate(self.counts):
            for term, count in counts.items():
                self.postings.setdefault(term, []).append((index, count))

    def scores(
        self, query: Iterable[str], term_weights: dict[str, float] | None = None
    ) -> np.ndarray:
        """The BM25 score of every document for `query` (repeated terms weigh by sqrt, and
        each term by `term_weights[term]` when given: a term missing there weighs 0)."""
        result = np.zeros(len(self.counts))
        norm = self.k1 * (1.0 - self.b + self.b * self.lengths / self.average)
        for term, repeats in Counter(query).items():
            idf = self.idf.get(term)
            if idf is None:
                continue
            weight = idf * math.sqrt(repeats)
            if term_weights is not None:
                weight *= term_weights.get(term, 0.0)
            for index, count in self.postings[term]:
                result[index] += weight * count * (self.k1 + 1.0) / (count + norm[index])
        return result

    def matrix(
        self, queries: Sequence[Sequence[str]], term_weights: dict[str, float] | None = None
    ) -> np.ndarray:
        """scores() of each query, one row per query."""
        rows = [self.scores(q, term_weights) for q in queries]
        return np.array(rows).reshape(len(queries), len(self.counts))
