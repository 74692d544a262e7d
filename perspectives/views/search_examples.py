"""Example queries for the Search page, made from the corpus itself.

A page that suggests a phrase from another reading list (the default corpus's, say) teaches the
wrong thing. These examples come from the corpus' own topic labels and evidence quotes, and
each is kept only if it finds at least one paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from perspectives.corpus.model import Corpus
from perspectives.views.search_index import SearchError, search

_WORD = re.compile(r"[^\W\d_]{4,}")
# Words too common to make a telling example in any English corpus.
_COMMON = frozenset(
    (
        "about",
        "after",
        "also",
        "been",
        "being",
        "between",
        "both",
        "could",
        "does",
        "from",
        "have",
        "into",
        "more",
        "most",
        "much",
        "must",
        "only",
        "other",
        "over",
        "should",
        "some",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "what",
        "when",
        "where",
        "which",
        "while",
        "will",
        "with",
        "would",
        "your",
    )
)


@dataclass(frozen=True)
class Examples:
    """One example of each kind of query (None where the corpus offers no working one)."""

    word: str | None
    phrase: str | None
    either: str | None
    prefix: str | None

    def all(self) -> list[tuple[str, str]]:
        """(query, what it shows) for the examples that exist."""
        kinds = (
            (self.word, "a word"),
            (self.phrase, "a phrase"),
            (self.either, "either word"),
            (self.prefix, "a prefix"),
        )
        return [(query, what) for query, what in kinds if query]


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if w.lower() not in _COMMON]


def _finds(corpus: Corpus, query: str) -> bool:
    try:
        return bool(search(corpus, query, limit=1))
    except SearchError:
        return False


def example_queries(corpus: Corpus) -> Examples:
    """A word and an either-or from two topics' labels, a phrase from an evidence quote, a
    prefix of a long word: each one checked against the index."""
    per_topic = [
        next((w for w in _words(t.label) if _finds(corpus, w)), None) for t in corpus.topics[:8]
    ]
    found = list(dict.fromkeys(w.lower() for w in per_topic if w))
    word = found[0] if found else None
    either = f"{found[0]} OR {found[1]}" if len(found) >= 2 else None
    phrase = None
    for position in corpus.positions[:40]:
        words = _words(position.evidence[0].text)
        pairs = [f'"{a} {b}"' for a, b in zip(words, words[1:], strict=False)]
        phrase = next((p for p in pairs[:6] if _finds(corpus, p)), None)
        if phrase:
            break
    sources = [t.label for t in corpus.topics] + [p.evidence[0].text for p in corpus.positions[:40]]
    long_words = list(dict.fromkeys(w.lower() for s in sources for w in _words(s) if len(w) >= 8))
    prefix = next((f"{w[:6]}*" for w in long_words if _finds(corpus, f"{w[:6]}*")), None)
    return Examples(word=word, phrase=phrase, either=either, prefix=prefix)
