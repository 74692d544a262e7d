"""The Find passages view: a document's paragraphs ranked for one topic, each with the
sentences to quote, a stance hint and who already quotes it there.

The ranking treats the document as new (`exclude_document`: its own quotes left out), so a
document that already holds evidence is ranked by what it says, not by what was filed from
it; the paragraphs already quoted for the topic are marked (`quoted_by`).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from threading import Lock

from perspectives.corpus.model import Corpus
from perspectives.workspace.quoting import Quote
from perspectives.workspace.suggest.embedding import model_status
from perspectives.workspace.suggest.hints import StanceHint, evidence_quote, stance_hint
from perspectives.workspace.suggest.ranking import Suggester

_suggesters: OrderedDict[tuple[str, str | None, bool], Suggester] = OrderedDict()
_lock = Lock()
KEPT = 8


def suggester_for(corpus: Corpus, exclude_document: str | None = None) -> Suggester:
    """A Suggester per (corpus version, excluded document), the last KEPT kept in memory."""
    suggester = Suggester(corpus, exclude_document, embedder=True)
    key = (corpus.fingerprint, exclude_document, suggester.semantic)
    with _lock:
        if key in _suggesters:
            _suggesters.move_to_end(key)
            return _suggesters[key]
        _suggesters[key] = suggester
        while len(_suggesters) > KEPT:
            _suggesters.popitem(last=False)
    return suggester


@dataclass(frozen=True)
class Passage:
    number: int  # the paragraph's number in the document
    score: float
    quote: Quote  # what "Use as evidence" quotes: offsets in the document's text
    segments: tuple[tuple[str, bool], ...]  # the paragraph in runs; True: the sentences quoted
    hint: StanceHint | None
    quoted_by: tuple[str, ...]  # voices whose evidence on the topic already touches it


@dataclass(frozen=True)
class PassageList:
    topic_id: str
    document_id: str
    semantic: bool  # False: the lexical ranking alone
    status: str  # why the model is not used ("loaded" when it is)
    passages: tuple[Passage, ...]
    paragraphs: int  # how many the document has


def _segments(text: str, start: int, end: int) -> tuple[tuple[str, bool], ...]:
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    runs = ((text[:start], False), (text[start:end], True), (text[end:], False))
    return tuple(run for run in runs if run[0])


def find_passages(corpus: Corpus, document_id: str, topic_id: str, limit: int = 5) -> PassageList:
    """The `limit` paragraphs of a document that bear most on a topic, best first."""
    document = corpus.document(document_id)
    suggester = suggester_for(corpus, exclude_document=document_id)
    table = suggester.score([p.text for p in document.paragraphs])
    quoted: dict[int, list[str]] = {}
    for position in corpus.positions_for_topic(topic_id):
        for evidence in position.evidence:
            if evidence.document_id == document_id:
                for paragraph in document.paragraphs:
                    if paragraph.start < evidence.end and evidence.start < paragraph.end:
                        voices = quoted.setdefault(paragraph.number, [])
                        if position.voice not in voices:
                            voices.append(position.voice)
    passages = []
    for row, score in table.paragraphs_for(topic_id)[:limit]:
        paragraph = document.paragraphs[row]
        quote = evidence_quote(suggester, document.text, paragraph, topic_id)
        within = (quote.start - paragraph.start, quote.end - paragraph.start)
        passages.append(
            Passage(
                paragraph.number,
                score,
                quote,
                _segments(paragraph.text, *within),
                stance_hint(suggester, paragraph.text, topic_id),
                tuple(quoted.get(paragraph.number, ())),
            )
        )
    return PassageList(
        topic_id,
        document_id,
        suggester.semantic,
        "loaded" if suggester.semantic else model_status(),
        tuple(passages),
        len(document.paragraphs),
    )


def passages_table(found: PassageList) -> list[dict]:
    """The ranked paragraphs as rows (the Find passages page's download): where each is, its
    score, the sentences it would quote with their offsets, the stance hint and who already
    quotes it on the topic."""
    return [
        {
            "rank": rank,
            "topic_id": found.topic_id,
            "document_id": found.document_id,
            "paragraph": p.number,
            "score": round(p.score, 4),
            "quote": p.quote.text,
            "quote_start": p.quote.start,
            "quote_end": p.quote.end,
            "stance_hint": p.hint.stance if p.hint else None,
            "hint_confidence": round(p.hint.confidence, 3) if p.hint else None,
            "quoted_by": ",".join(p.quoted_by),
        }
        for rank, p in enumerate(found.passages, 1)
    ]
