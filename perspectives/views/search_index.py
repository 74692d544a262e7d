"""Full-text search over the paragraphs of a corpus, with SQLite FTS5.

One in-memory index per corpus (keyed by its fingerprint), built on first use: BM25 ranking,
phrase queries, snippets with the matched terms marked, and character offsets into the
document so a hit can open the reader at the right place.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

from perspectives.corpus.document import Document
from perspectives.corpus.model import Corpus

OPEN, CLOSE = "\x02", "\x03"
_MARKED = re.compile(f"{OPEN}(.*?){CLOSE}", re.S)
_BAREWORD = re.compile(r"^[\w\u0080-\uffff]+\*?$")
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
# Typographic double quotes (as typed on many keyboards) delimit a phrase like straight ones.
_DOUBLE_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "″": '"'})


class SearchError(ValueError):
    """A query the index cannot run, with a message meant for the person who typed it."""


@dataclass(frozen=True)
class Hit:
    """One matching paragraph."""

    document_id: str
    paragraph: int
    start: int
    end: int
    score: float
    snippet: str
    segments: tuple[tuple[str, bool], ...]
    matches: tuple[tuple[int, int], ...]

    def as_dict(self) -> dict:
        return {
            "document_id": self.document_id,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "matches": [list(m) for m in self.matches],
        }


def _segments(marked: str) -> tuple[tuple[str, bool], ...]:
    parts: list[tuple[str, bool]] = []
    pos = 0
    for m in _MARKED.finditer(marked):
        if m.start() > pos:
            parts.append((marked[pos : m.start()], False))
        parts.append((m.group(1), True))
        pos = m.end()
    if pos < len(marked):
        parts.append((marked[pos:], False))
    return tuple(parts)


def _match_offsets(marked: str, base: int) -> tuple[tuple[int, int], ...]:
    """Offsets of the marked terms in the unmarked paragraph, shifted by the paragraph start."""
    offsets, plain = [], 0
    for text, is_match in _segments(marked):
        if is_match:
            offsets.append((base + plain, base + plain + len(text)))
        plain += len(text)
    return tuple(offsets)


def _quote_terms(query: str) -> str:
    """Make a plain query FTS-safe: each bare word stays, anything else becomes a phrase."""
    terms = []
    for token in query.split():
        if _BAREWORD.match(token) and token.upper() not in _OPERATORS:
            terms.append(token)
        else:
            terms.append('"' + token.replace('"', '""') + '"')
    return " ".join(terms)


class SearchIndex:
    """An FTS5 index over the paragraphs of some documents."""

    def __init__(self, documents: Iterable[Document]):
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE paragraphs USING fts5("
            "document_id UNINDEXED, number UNINDEXED, start UNINDEXED, end UNINDEXED, body,"
            " tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        rows = [
            (doc.id, p.number, p.start, p.end, p.text) for doc in documents for p in doc.paragraphs
        ]
        self._db.executemany("INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?)", rows)
        self.size = len(rows)

    def search(
        self, query: str, limit: int = 20, documents: Iterable[str] | None = None
    ) -> list[Hit]:
        """Ranked hits for an FTS5 query (words, "phrases", OR, NOT, prefix*)."""
        query = query.translate(_DOUBLE_QUOTES).strip()
        if not query:
            raise SearchError("Type a word or a phrase to search for.")
        try:
            rows = self._run(query, limit, documents)
        except sqlite3.OperationalError as error:
            if '"' in query:
                raise SearchError(
                    f"The query {query!r} could not be read ({error}). "
                    'Check that every opening " has a closing one.'
                ) from None
            try:
                rows = self._run(_quote_terms(query), limit, documents)
            except sqlite3.OperationalError:
                raise SearchError(
                    f"The query {query!r} could not be read ({error}). Use plain words, "
                    '"a phrase in double quotes", OR, NOT, or a prefix like word*.'
                ) from None
        return [
            Hit(
                document_id=doc_id,
                paragraph=number,
                start=start,
                end=end,
                score=-rank,
                snippet=snippet.replace(OPEN, "**").replace(CLOSE, "**"),
                segments=_segments(snippet),
                matches=_match_offsets(marked, start),
            )
            for doc_id, number, start, end, rank, snippet, marked in rows
        ]

    def _run(self, match: str, limit: int, documents: Iterable[str] | None) -> list[tuple]:
        sql = (
            "SELECT document_id, number, start, end, bm25(paragraphs),"
            f" snippet(paragraphs, 4, '{OPEN}', '{CLOSE}', '…', 32),"
            f" highlight(paragraphs, 4, '{OPEN}', '{CLOSE}')"
            " FROM paragraphs WHERE paragraphs MATCH ?"
        )
        params: list = [match]
        if documents is not None:
            ids = list(documents)
            sql += f" AND document_id IN ({', '.join('?' * len(ids))})"
            params += ids
        sql += " ORDER BY bm25(paragraphs) LIMIT ?"
        params.append(max(1, int(limit)))
        with self._lock:
            return self._db.execute(sql, params).fetchall()


# The most recently used indexes, by corpus fingerprint. Bounded: an edited corpus gets a new
# fingerprint, and a long-running app must not keep an index of every version it has seen.
MAX_INDEXES = 8
_INDEXES: OrderedDict[str, SearchIndex] = OrderedDict()
_INDEX_LOCK = threading.Lock()


def index_for(corpus: Corpus) -> SearchIndex:
    """The corpus' index, built once per corpus fingerprint."""
    with _INDEX_LOCK:
        index = _INDEXES.get(corpus.fingerprint)
        if index is None:
            index = _INDEXES[corpus.fingerprint] = SearchIndex(corpus.documents)
            while len(_INDEXES) > MAX_INDEXES:
                _INDEXES.popitem(last=False)
        else:
            _INDEXES.move_to_end(corpus.fingerprint)
        return index


def search(corpus: Corpus, query: str, limit: int = 20, documents: Iterable[str] | None = None):
    """Search a corpus; raises SearchError with a readable message on a bad query."""
    return index_for(corpus).search(query, limit=limit, documents=documents)
