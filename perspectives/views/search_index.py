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
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from perspectives.corpus.document import Document
from perspectives.corpus.model import Corpus
from perspectives.recent import Recent

OPEN, CLOSE = "\x02", "\x03"
_BAREWORD = re.compile(r"^[\w\u0080-\uffff]+\*?$")
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
# Typographic double quotes (as typed on many keyboards) delimit a phrase like straight ones.
_DOUBLE_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "″": '"'})


MAX_QUERY_CHARS = 500
MAX_TERMS = 30
QUERY_SECONDS = 2.0
_PROGRESS_STEPS = 2_000  # SQLite VM steps between two looks at the clock
_names = itertools.count()
RowFilter = Callable[[str, int], bool] | AbstractSet[tuple[str, int]]  # predicate, or the keys
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


def _marks(marked: str) -> Iterator[tuple[int, int]]:
    """(open, close) positions of each marked term: an OPEN and the first CLOSE after it (what
    the regex `OPEN(.*?)CLOSE` finds, by `str.find`: a third of the time per hit)."""
    at = marked.find(OPEN)
    while at >= 0:
        end = marked.find(CLOSE, at + 1)
        if end < 0:
            return
        yield at, end
        at = marked.find(OPEN, end + 1)


def _segments(marked: str) -> tuple[tuple[str, bool], ...]:
    parts: list[tuple[str, bool]] = []
    pos = 0
    for at, end in _marks(marked):
        if at > pos:
            parts.append((marked[pos:at], False))
        parts.append((marked[at + 1 : end], True))
        pos = end + 1
    if pos < len(marked):
        parts.append((marked[pos:], False))
    return tuple(parts)


def _match_offsets(marked: str, base: int) -> tuple[tuple[int, int], ...]:
    """Offsets of the marked terms in the unmarked paragraph, shifted by the paragraph start."""
    offsets, removed = [], 0  # marker characters before the current term
    for at, end in _marks(marked):
        start = base + at - removed
        offsets.append((start, start + end - at - 1))
        removed += 2
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
        # (document id, paragraph number) -> rowid: the rows were inserted in this order.
        found = self._db.execute("SELECT rowid, document_id, number FROM paragraphs")
        self._rowids = {(doc, number): rowid for rowid, doc, number in found}
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
        keep: RowFilter | None = None,
        first: RowFilter | None = None,
        refine: Refine | None = None,
    ) -> list[Hit]:
        """Ranked hits for an FTS5 query (words, "phrases", OR, NOT, prefix*): the first `limit`
        of the paragraphs that `keep` accepts, those `first` holds for ahead of the rest (each
        group in BM25 order). `keep` and `first` are sets of (document id, paragraph number),
        filtered in SQL in one pass of the MATCH, or predicates of those two, applied to every
        match in Python (then the chosen rows' snippets take a second pass).
        `refine(document_id, matches)`, given the matched words' offsets, has the last word on
        each hit (it needs the words, so it runs on the ranked rows chunk by chunk until `limit`
        pass it)."""
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
        keep: RowFilter | None,
        first: RowFilter | None,
        refine: Refine | None = None,
    ) -> list[tuple]:
        where, params = "paragraphs MATCH ?", [match]
        if documents is not None:
            ids = list(documents)
            where += f" AND document_id IN ({', '.join('?' * len(ids))})"
            params += ids
        limit = max(1, int(limit))
        db = self._reader()
        self._local.deadline = time.monotonic() + QUERY_SECONDS
        self._local.interrupted = False
        try:
            if callable(keep) or callable(first):
                return self._run_predicates(db, where, params, limit, keep, first, refine)
            if keep is not None:
                where += f" AND +rowid IN (SELECT id FROM temp.{self._load(db, 'keep', keep)})"

            def pick(clause: str, wanted: int) -> list[tuple]:
                if refine is None:
                    return self._detail(db, clause, params, wanted)
                return self._refined(db, clause, params, wanted, refine)

            if first is None:
                return pick(where, limit)
            rows = f"+rowid IN (SELECT id FROM temp.{self._load(db, 'first', first)})"
            found = pick(f"{where} AND {rows}", limit)
            if len(found) < limit:
                found += pick(f"{where} AND NOT {rows}", limit - len(found))
            return found
        finally:
            self._local.deadline = float("inf")

    def _load(self, db: sqlite3.Connection, name: str, keys: AbstractSet[tuple[str, int]]) -> str:
        """This connection's temporary table `name` holding the rowids of `keys` (refilled only
        when another set is asked for); its name."""
        table = f"perspectives_{name}"
        loaded = getattr(self._local, "loaded", None)
        if loaded is None:
            loaded = self._local.loaded = {}
        if loaded.get(name) is not keys:
            db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (id INTEGER PRIMARY KEY)")
            db.execute(f"DELETE FROM temp.{table}")
            rowids = (self._rowids.get(key) for key in keys)
            db.executemany(
                f"INSERT INTO temp.{table} VALUES (?)", ((r,) for r in rowids if r is not None)
            )
            loaded[name] = keys
        return table

    @staticmethod
    def _detail(
        db: sqlite3.Connection, where: str, params: list, limit: int, offset: int = 0
    ) -> list[tuple]:
        """The first `limit` rows by rank (after `offset`) with their snippets, in one pass of
        the MATCH: FTS5 sorts by rank itself, so snippets are made for the rows returned alone."""
        return db.execute(
            "SELECT document_id, number, start, end, bm25(paragraphs),"
            f" snippet(paragraphs, 4, '{OPEN}', '{CLOSE}', '…', 32),"
            f" highlight(paragraphs, 4, '{OPEN}', '{CLOSE}')"
            f" FROM paragraphs WHERE {where} ORDER BY rank LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()

    @classmethod
    def _refined(
        cls, db: sqlite3.Connection, where: str, params: list, limit: int, refine: Refine
    ) -> list[tuple]:
        """The first `limit` rows by rank that `refine` accepts, read chunk by chunk. Each chunk
        is a pass of the MATCH (FTS5 ranks every match again), so chunks double: a filter that
        rejects most rows costs a few passes, not one per `limit` rows."""
        found: list[tuple] = []
        chunk, offset = max(limit, 20), 0
        while len(found) < limit:
            rows = cls._detail(db, where, params, chunk, offset)
            found += [r for r in rows if refine(r[0], _match_offsets(r[6], r[2]))]
            if len(rows) < chunk:
                break
            offset += chunk
            chunk *= 2
        return found[:limit]

    @staticmethod
    def _run_predicates(
        db: sqlite3.Connection,
        where: str,
        params: list,
        limit: int,
        keep: RowFilter | None,
        first: RowFilter | None,
        refine: Refine | None = None,
    ) -> list[tuple]:
        """Filters given as predicates: rank every match on ids alone, filter in Python, then
        make the chosen rows' snippets (a second pass of the MATCH; with `refine`, chunk by
        chunk until `limit` rows pass it)."""
        keeps, firsts = _predicate(keep), _predicate(first)
        rows = db.execute(
            f"SELECT rowid, document_id, number FROM paragraphs WHERE {where} ORDER BY rank", params
        )
        ranked = [r for r in rows if keeps is None or keeps(r[1], r[2])]
        if firsts is not None:
            ranked.sort(key=lambda r: not firsts(r[1], r[2]))  # stable: BM25 order
        if refine is None:
            return _snippets(db, params[0], [r[0] for r in ranked[:limit]])
        found: list[tuple] = []
        chunk = max(limit, 20)
        for at in range(0, len(ranked), chunk):
            chosen = _snippets(db, params[0], [r[0] for r in ranked[at : at + chunk]])
            found += [r for r in chosen if refine(r[0], _match_offsets(r[6], r[2]))]
            if len(found) >= limit:
                break
        return found[:limit]


def _snippets(db: sqlite3.Connection, match: str, rowids: list[int]) -> list[tuple]:
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


def _predicate(rows: RowFilter | None) -> Callable[[str, int], bool] | None:
    if rows is None or callable(rows):
        return rows
    return lambda doc, number: (doc, number) in rows


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
_INDEXES: Recent[str, SearchIndex] = Recent(MAX_INDEXES, serial=True)


def index_for(corpus: Corpus) -> SearchIndex:
    """The corpus' index, built once per corpus fingerprint."""
    return _INDEXES.get(corpus.fingerprint, lambda: SearchIndex(corpus.documents))


def search(corpus: Corpus, query: str, limit: int = 20, documents: Iterable[str] | None = None):
    """Search a corpus; raises SearchError with a readable message on a bad query."""
    return index_for(corpus).search(query, limit=limit, documents=documents)
