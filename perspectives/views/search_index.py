"""Full-text search over the paragraphs of a corpus, with SQLite FTS5.

One in-memory index per corpus (keyed by its fingerprint), built on first use: BM25 ranking,
phrase queries, snippets with the matched terms marked, and character offsets into the
document so a hit can open the reader at the right place.

Bounded, because one visitor must not freeze search for everyone: a query has at most
MAX_QUERY_CHARS characters and MAX_TERMS terms; it runs at most QUERY_SECONDS (SQLite's progress
handler interrupts it); each thread reads through its own connection to the shared in-memory
database, so no lock is held across users' searches; and snippets, the costly part, are made
only for the hits shown (the ranking pass reads ids and scores alone).
"""

from __future__ import annotations

import itertools
import re
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from perspectives.corpus.document import Document
from perspectives.corpus.model import Corpus

OPEN, CLOSE = "\x02", "\x03"
_MARKED = re.compile(f"{OPEN}(.*?){CLOSE}", re.S)
_BAREWORD = re.compile(r"^[\w\u0080-\uffff]+\*?$")
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
# Typographic double quotes (as typed on many keyboards) delimit a phrase like straight ones.
_DOUBLE_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "″": '"'})


MAX_QUERY_CHARS = 500
MAX_TERMS = 30
QUERY_SECONDS = 2.0
_PROGRESS_STEPS = 2_000  # SQLite VM steps between two looks at the clock
_names = itertools.count()
# A last filter on a hit, given its document and its matched words' offsets.
Refine = Callable[[str, tuple[tuple[int, int], ...]], bool]


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
        self._uri = f"file:perspectives-search-{next(_names)}?mode=memory&cache=shared"
        self._local = threading.local()
        # The builder's connection keeps the shared in-memory database alive with the index.
        self._db = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE paragraphs USING fts5("
            "document_id UNINDEXED, number UNINDEXED, start UNINDEXED, end UNINDEXED, body,"
            " tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        rows = [
            (doc.id, p.number, p.start, p.end, p.text) for doc in documents for p in doc.paragraphs
        ]
        self._db.executemany("INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?)", rows)
        self._db.commit()
        self.size = len(rows)

    def _reader(self) -> sqlite3.Connection:
        """This thread's own read connection, with the time limit installed."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
            db.execute("PRAGMA read_uncommitted = true")  # readers take no table locks
            db.set_progress_handler(self._too_long, _PROGRESS_STEPS)
            self._local.db = db
        return db

    def _too_long(self) -> int:
        """SQLite's progress handler: non-zero interrupts the statement."""
        late = time.monotonic() > getattr(self._local, "deadline", float("inf"))
        if late:
            self._local.interrupted = True
        return int(late)

    def search(
        self,
        query: str,
        limit: int = 20,
        documents: Iterable[str] | None = None,
        keep: Callable[[str, int], bool] | None = None,
        first: Callable[[str, int], bool] | None = None,
        refine: Refine | None = None,
    ) -> list[Hit]:
        """Ranked hits for an FTS5 query (words, "phrases", OR, NOT, prefix*): the first `limit`
        of the paragraphs that `keep(document_id, number)` accepts, those for which `first`
        holds ahead of the rest (each group in BM25 order). `refine(document_id, matches)`,
        given the matched words' offsets, has the last word on each (it needs the words, so it
        runs on the ranked paragraphs chunk by chunk, until `limit` are found)."""
        query = checked_query(query)
        filters = (keep, first, refine)
        try:
            rows = self._run(query, limit, documents, *filters)
        except sqlite3.OperationalError as error:
            if getattr(self._local, "interrupted", False):
                raise _too_slow(query) from None
            if '"' in query:
                raise SearchError(
                    f"The query {query!r} could not be read ({error}). "
                    'Check that every opening " has a closing one.'
                ) from None
            try:
                rows = self._run(_quote_terms(query), limit, documents, *filters)
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

    def _run(
        self,
        match: str,
        limit: int,
        documents: Iterable[str] | None,
        keep: Callable[[str, int], bool] | None,
        first: Callable[[str, int], bool] | None,
        refine: Refine | None = None,
    ) -> list[tuple]:
        """Rank on ids and scores alone (in SQL, with LIMIT, when nothing is filtered in
        Python), then make snippets for the chosen rows only (with `refine`, for the ranked
        rows chunk by chunk until `limit` pass it)."""
        where, params = "paragraphs MATCH ?", [match]
        if documents is not None:
            ids = list(documents)
            where += f" AND document_id IN ({', '.join('?' * len(ids))})"
            params += ids
        limit = max(1, int(limit))
        rank_sql = f"SELECT rowid, document_id, number FROM paragraphs WHERE {where} ORDER BY rank"
        db = self._reader()
        self._local.deadline = time.monotonic() + QUERY_SECONDS
        self._local.interrupted = False
        try:
            if keep is None and first is None and refine is None:
                ranked = db.execute(rank_sql + " LIMIT ?", [*params, limit]).fetchall()
            else:
                rows = db.execute(rank_sql, params)
                ranked = [r for r in rows if keep is None or keep(r[1], r[2])]
                if first is not None:
                    ranked.sort(key=lambda r: not first(r[1], r[2]))  # stable: BM25 order
            if refine is None:
                return self._detail(db, match, [r[0] for r in ranked[:limit]])
            found: list[tuple] = []
            chunk = max(limit, 20)
            for at in range(0, len(ranked), chunk):
                chosen = self._detail(db, match, [r[0] for r in ranked[at : at + chunk]])
                found += [r for r in chosen if refine(r[0], _match_offsets(r[6], r[2]))]
                if len(found) >= limit:
                    break
            return found[:limit]
        finally:
            self._local.deadline = float("inf")

    @staticmethod
    def _detail(db: sqlite3.Connection, match: str, rowids: list[int]) -> list[tuple]:
        """Snippets and highlights of `rowids`, in their order."""
        if not rowids:
            return []
        detail = db.execute(
            "SELECT rowid, document_id, number, start, end, bm25(paragraphs),"
            f" snippet(paragraphs, 4, '{OPEN}', '{CLOSE}', '…', 32),"
            f" highlight(paragraphs, 4, '{OPEN}', '{CLOSE}')"
            f" FROM paragraphs WHERE paragraphs MATCH ?"
            f" AND rowid IN ({', '.join('?' * len(rowids))})",
            [match, *rowids],
        ).fetchall()
        by_rowid = {row[0]: row[1:] for row in detail}
        return [by_rowid[rowid] for rowid in rowids if rowid in by_rowid]


def checked_query(query: str) -> str:
    """The query as the index will read it; SearchError when it is empty or too long."""
    query = query.translate(_DOUBLE_QUOTES).strip()
    if not query:
        raise SearchError("Type a word or a phrase to search for.")
    if len(query) > MAX_QUERY_CHARS:
        raise SearchError(
            f"The query has {len(query):,} characters; a search takes at most "
            f"{MAX_QUERY_CHARS}. Shorten it to the words that matter."
        )
    if len(query.split()) > MAX_TERMS:
        raise SearchError(
            f"The query has {len(query.split())} terms; a search takes at most {MAX_TERMS}."
        )
    return query


def _too_slow(query: str) -> SearchError:
    shown = query if len(query) <= 60 else query[:57] + "…"
    return SearchError(
        f"The search for {shown!r} took longer than {QUERY_SECONDS:g} s and was stopped. "
        "Use fewer prefix terms (word*) or more specific words."
    )


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
