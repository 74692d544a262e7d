"""What a suggested paragraph may hold for a topic: the sentences to quote, and a stance hint.

`best_sentences` picks the sentence of a paragraph that bears most on the topic (the same two
signals as the paragraph ranking, each scaled to the paragraph's best sentence and added), and
the next sentence too when the first is short (under MIN_WORDS words): accepting the
suggestion quotes them (`evidence_quote`, through workspace/quoting.py's `quote_for`).

`stance_hint` looks at the quotes of the positions already placed on the topic (never the
excluded document's) closest to the paragraph: the K nearest (cosine with the model, else the
cosine of tf-idf term vectors), weighted by their similarity. The hint is their weighted mean
stance, rounded; its confidence is closeness x agreement, where closeness is the neighbours'
mean similarity and agreement is 1 minus half their weighted mean distance from the hint's
mean (stances -2 and +2 side by side agree 0). Confidence under 0.25 is "low", under 0.5
"medium", else "high"; under NEGLIGIBLE (0.05: the nearest quotes share next to nothing with
the paragraph, or pull both ways) the page offers no hint. A hint is shown, never saved: the
user sets the stance.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from perspectives.corpus.document import Paragraph
from perspectives.workspace.quoting import Quote, quote_for, sentence_spans
from perspectives.workspace.suggest.lexical import terms
from perspectives.workspace.suggest.profiles import Anchor
from perspectives.workspace.suggest.ranking import Suggester

K = 3
MIN_WORDS = 8
NEGLIGIBLE = 0.05


@dataclass(frozen=True)
class Neighbour:
    anchor: Anchor  # a position's quote
    similarity: float


@dataclass(frozen=True)
class StanceHint:
    stance: int
    mean: float
    confidence: float
    neighbours: tuple[Neighbour, ...]

    @property
    def negligible(self) -> bool:
        """Too weak to offer: a stance "hinted" with confidence 0.00 would still read as one."""
        return self.confidence < NEGLIGIBLE

    @property
    def level(self) -> str:
        return "low" if self.confidence < 0.25 else "medium" if self.confidence < 0.5 else "high"


def _tfidf(text: str, idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(terms(text))
    unseen = max(idf.values(), default=1.0)
    vector = {t: (1 + math.log(n)) * idf.get(t, unseen) for t, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {t: v / norm for t, v in vector.items()}


def lexical_similarity(suggester: Suggester, text: str, others: list[str]) -> np.ndarray:
    """Cosine of tf-idf vectors (idf from the topic profiles) of `text` with each of `others`."""
    idf = suggester.idf
    mine = _tfidf(text, idf)
    result = []
    for other in others:
        theirs = _tfidf(other, idf)
        result.append(sum(v * theirs.get(t, 0.0) for t, v in mine.items()))
    return np.array(result)


def stance_hint(suggester: Suggester, text: str, topic_id: str) -> StanceHint | None:
    """The hint for `text` on a topic, or None when no placed position has a quote there."""
    placed = [
        (index, anchor)
        for index, anchor in enumerate(suggester.anchors)
        if anchor.topic_id == topic_id and anchor.kind == "quote" and anchor.stance is not None
    ]
    if not placed:
        return None
    similarity = suggester.similarities([text])
    if similarity is not None:
        values = similarity[0, [index for index, _ in placed]]
    else:
        values = lexical_similarity(suggester, text, [anchor.text for _, anchor in placed])
    order = np.argsort(-values, kind="stable")[:K]
    neighbours = tuple(Neighbour(placed[i][1], round(float(values[i]), 3)) for i in order)
    weights = np.array([max(n.similarity, 1e-6) for n in neighbours])
    stances = np.array([n.anchor.stance for n in neighbours], dtype=float)
    mean = float((weights * stances).sum() / weights.sum())
    spread = float((weights * np.abs(stances - mean)).sum() / weights.sum())
    closeness = float(np.clip(np.mean([n.similarity for n in neighbours]), 0.0, 1.0))
    confidence = round(closeness * max(0.0, 1.0 - spread / 2.0), 3)
    return StanceHint(int(round(mean)), round(mean, 2), confidence, neighbours)


def best_sentences(suggester: Suggester, paragraph: str, topic_id: str) -> tuple[int, int]:
    """(first, last) sentence numbers (0-based, inclusive) of `paragraph` to quote for a topic."""
    spans = sentence_spans(paragraph)
    if len(spans) <= 1:
        return 0, 0
    texts = [paragraph[a:b] for a, b in spans]
    column = suggester.topic_ids.index(topic_id)
    table = suggester.score(texts)
    signals = [table.paragraph_query[:, column]]
    if table.semantic is not None:
        signals.append(np.clip(table.semantic[:, column], 0.0, None))
    total = sum(s / s.max() if s.max() > 0 else s for s in signals)
    best = int(np.argmax(total))
    last = best
    if len(texts[best].split()) < MIN_WORDS and best + 1 < len(texts):
        last = best + 1
    return best, last


def evidence_quote(
    suggester: Suggester, document_text: str, paragraph: Paragraph, topic_id: str
) -> Quote:
    """The evidence quote that accepting the suggestion (a paragraph of the document whose
    text is `document_text`, for a topic) makes: its best sentences, verbatim, with their
    offsets in the document's text."""
    return quote_for(document_text, paragraph, best_sentences(suggester, paragraph.text, topic_id))
