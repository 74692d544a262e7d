"""Search with the explorer's filters: by document, by voice and by topic.

- document: only that document's paragraphs.
- topic: only paragraphs that hold evidence for the topic: a quote of a position on it, or the
  quote of a claim tagged with it.
- voice: only the voice's own words: hits whose matched words lie in its evidence (a quote
  of one of its positions, or a claim it states) or in a passage attributed to it as the
  document's author (see `views.speakers`). Other voices' sentences in the same document,
  even in the same paragraph, are not its words and are not found.

Every hit says whose words it matched (`FilteredHit.speakers`).

Filters combine (all must hold). The index applies them in SQL, before its LIMIT, and FTS5
ranks the kept rows in one pass, making snippets for the rows shown alone
(`SearchIndex.search`), so a filter never hides a hit that a smaller limit would have dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from perspectives.corpus.model import Corpus
from perspectives.recent import Recent
from perspectives.views.reader import paragraphs_touched
from perspectives.views.search_index import Hit, index_for
from perspectives.views.speakers import Speakers, attribution, describe

ParagraphKey = tuple[str, int]  # (document id, paragraph number)


@dataclass(frozen=True)
class Filters:
    document: str | None = None
    voice: str | None = None
    topic: str | None = None

    def unknown(self, corpus: Corpus) -> list[str]:
        """Messages for ids the corpus does not know (a stale or mistyped link)."""
        known = {
            "document": {d.id for d in corpus.documents},
            "voice": {v.id for v in corpus.voices},
            "topic": {t.id for t in corpus.topics},
        }
        return [
            f"There is no {kind} “{value}” in this corpus; that filter is ignored."
            for kind, value in (
                ("document", self.document),
                ("voice", self.voice),
                ("topic", self.topic),
            )
            if value and value not in known[kind]
        ]

    def known(self, corpus: Corpus) -> Filters:
        """The same filters with unknown ids dropped."""
        return Filters(
            document=self.document if self.document in {d.id for d in corpus.documents} else None,
            voice=self.voice if self.voice in {v.id for v in corpus.voices} else None,
            topic=self.topic if self.topic in {t.id for t in corpus.topics} else None,
        )


@dataclass(frozen=True)
class FilteredHit:
    hit: Hit
    speakers: Speakers  # whose the matched words are


# Evidence paragraphs by (corpus fingerprint, voice, topic): a filtered search scanned every
# position and claim of the corpus on each query (most of its time on a small corpus).
MAX_EVIDENCE_SETS = 64
_EVIDENCE: Recent[tuple[str, str | None, str | None], frozenset[ParagraphKey]] = Recent(
    MAX_EVIDENCE_SETS
)
# The paragraphs a filtered search may return, by (corpus fingerprint, filters): the same set
# object on every query, so a reader's temporary table of them is filled once, not per query.
_KEPT: Recent[tuple[str, Filters], frozenset[ParagraphKey]] = Recent(MAX_EVIDENCE_SETS)


def evidence_paragraphs(
    corpus: Corpus, *, voice: str | None = None, topic: str | None = None
) -> frozenset[ParagraphKey]:
    """Paragraphs holding evidence (position quotes, claim quotes) of a voice and/or a topic
    (kept for the corpus' last few filters)."""
    key = (corpus.fingerprint, voice, topic)
    return _EVIDENCE.get(key, lambda: _evidence_paragraphs(corpus, voice, topic))


def kept_paragraphs(corpus: Corpus, filters: Filters) -> frozenset[ParagraphKey] | None:
    """The paragraphs a search under `filters` may return when a topic or a voice narrows it
    (None without either: the index applies a document filter alone by itself). The document
    filter and the voice's documents are folded in here, so the index checks one set of rowids
    and never reads a matched row's document id (at 100x that read doubled a voice search)."""
    if not (filters.topic or filters.voice):
        return None
    return _KEPT.get((corpus.fingerprint, filters), lambda: _kept(corpus, filters))


def _kept(corpus: Corpus, filters: Filters) -> frozenset[ParagraphKey]:
    sets = []
    if filters.topic:
        sets.append(evidence_paragraphs(corpus, topic=filters.topic))
    if filters.voice:
        sets.append(attribution(corpus).voice_paragraphs(filters.voice))
    found = sets[0].intersection(*sets[1:]) if len(sets) > 1 else sets[0]
    documents = allowed_documents(corpus, filters)
    if documents is not None:
        wanted = set(documents)
        found = frozenset(key for key in found if key[0] in wanted)
    return found


def _evidence_paragraphs(
    corpus: Corpus, voice: str | None, topic: str | None
) -> frozenset[ParagraphKey]:
    quotes = [
        e
        for p in corpus.positions
        if (voice is None or p.voice == voice) and (topic is None or p.topic == topic)
        for e in p.evidence
    ]
    quotes += [
        c.quote
        for c in corpus.claims
        if (voice is None or c.voice == voice) and (topic is None or topic in c.topics)
    ]
    found = set()
    for quote in quotes:
        document = corpus.document(quote.document_id)
        for paragraph in paragraphs_touched(document, quote.start, quote.end):
            found.add((document.id, paragraph.number))
    return frozenset(found)


def claims_in(corpus: Corpus, document_id: str, paragraph: int) -> list[str]:
    """The ids of the claims whose quote touches a paragraph, so that a search hit shows each
    figure or claim it holds with its caution, as the reader does."""
    document = corpus.document(document_id)
    return [
        claim.id
        for claim in corpus.claims_for_document(document_id)
        if any(
            p.number == paragraph
            for p in paragraphs_touched(document, claim.quote.start, claim.quote.end)
        )
    ]


def allowed_documents(corpus: Corpus, filters: Filters) -> list[str] | None:
    """The documents a search may look in (None: all of them)."""
    ids = None
    if filters.document:
        ids = [filters.document]
    if filters.voice:
        own = corpus.voice(filters.voice).documents
        ids = [d for d in (ids if ids is not None else own) if d in own]
    return ids


def filtered_search(
    corpus: Corpus, query: str, filters: Filters = Filters(), limit: int = 50
) -> list[FilteredHit]:
    """Ranked hits for `query` under `filters`; raises SearchError on a query it cannot read."""
    who = attribution(corpus)
    keep = kept_paragraphs(corpus, filters)
    documents = allowed_documents(corpus, filters) if keep is None else None
    voice = filters.voice
    hits = index_for(corpus).search(
        query,
        limit=limit,
        documents=documents,
        keep=keep,
        refine=(lambda doc, matches: voice in who.of_words(doc, matches).voices) if voice else None,
    )
    return [FilteredHit(h, who.of_words(h.document_id, h.matches or _whole(h))) for h in hits]


def _whole(hit: Hit) -> tuple[tuple[int, int], ...]:
    """A hit with no marked words (a query of NOT terms alone): its whole paragraph."""
    return ((hit.start, hit.end),)


HIT_COLUMNS = [
    "rank",
    "document_id",
    "document_title",
    "paragraph",
    "start",
    "end",
    "score",
    "speaker_ids",
    "whose_words",
    "snippet",
]


def hits_table(corpus: Corpus, results: list[FilteredHit]) -> pd.DataFrame:
    """The table behind the search page, for downloads."""
    rows = [
        {
            "rank": rank,
            "document_id": r.hit.document_id,
            "document_title": corpus.document(r.hit.document_id).title,
            "paragraph": r.hit.paragraph,
            "start": r.hit.start,
            "end": r.hit.end,
            "score": round(r.hit.score, 4),
            "speaker_ids": ",".join(r.speakers.voices),
            "whose_words": describe(corpus, r.speakers),
            "snippet": "".join(text for text, _ in r.hit.segments),
        }
        for rank, r in enumerate(results, 1)
    ]
    return pd.DataFrame(rows, columns=HIT_COLUMNS)
