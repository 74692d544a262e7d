"""Rank a document's paragraphs by how much they bear on each topic of a corpus.

Two signals, fused by reciprocal rank (RRF, k = RRF_K) in the direction asked for:

- lexical: BM25 between the paragraph and the topic's profile (its label, question,
  description and pole labels, expanded with the quotes, claims, events and motions filed
  under it: profiles.py). For a paragraph's topics, the profiles are the collection and the
  paragraph the query; for a topic's paragraphs, the paragraphs are the collection and the
  profile the query, each of its terms also weighed by its idf over the profiles (words
  every topic uses, such as the corpus' subject, count for little).
- semantic (when the embedding model is there): the mean cosine of the paragraph's vector
  with the topic's TOP_ANCHORS closest anchors (each of the profile's texts embedded alone).

Without the model the lexical ranking alone orders the paragraphs and `semantic` is False.
A score is the fused RRF value scaled so that first place on both signals is 1.0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from perspectives.corpus.model import Corpus
from perspectives.workspace.suggest.embedding import Embedder, load_embedder
from perspectives.workspace.suggest.lexical import BM25, terms
from perspectives.workspace.suggest.profiles import Anchor, TopicProfile, topic_profiles

RRF_K = 10.0  # small: a topic list is short, and the first places should count
TOP_ANCHORS = 3  # a topic's semantic score: the mean of its three closest anchors


def _ranks(scores: np.ndarray, axis: int) -> np.ndarray:
    """1-based ranks along `axis`, the highest score first (ties by position)."""
    order = np.argsort(-scores, axis=axis, kind="stable")
    return np.argsort(order, axis=axis, kind="stable") + 1


def fuse(signals: Sequence[np.ndarray], axis: int) -> np.ndarray:
    """Reciprocal rank fusion of score matrices along `axis`, scaled to 1.0 for first place
    on every signal. A signal that is zero everywhere along the axis (no word in common)
    ranks nothing there and adds nothing."""
    total = np.zeros(signals[0].shape)
    for scores in signals:
        contribution = 1.0 / (RRF_K + _ranks(scores, axis))
        silent = ~np.any(scores > 0, axis=axis, keepdims=True)
        total += np.where(silent | (scores <= 0), 0.0, contribution)
    return total / (len(signals) / (RRF_K + 1.0))


@dataclass(frozen=True)
class ScoreTable:
    """Scores of `paragraphs` (rows) against `topics` (columns)."""

    topic_ids: tuple[str, ...]
    paragraph_query: np.ndarray  # lexical, topics as the collection
    topic_query: np.ndarray  # lexical, paragraphs as the collection
    semantic: np.ndarray | None  # cosine, or None without the model

    @cached_property
    def by_paragraph(self) -> np.ndarray:
        """Fused scores for ranking each paragraph's topics (compare along a row)."""
        signals = [self.paragraph_query]
        if self.semantic is not None:
            signals.append(np.clip(self.semantic, 1e-6, None))
        return fuse(signals, axis=1)

    @cached_property
    def by_topic(self) -> np.ndarray:
        """Fused scores for ranking each topic's paragraphs (compare down a column)."""
        signals = [self.topic_query]
        if self.semantic is not None:
            signals.append(np.clip(self.semantic, 1e-6, None))
        return fuse(signals, axis=0)

    def topics_for(self, row: int) -> list[tuple[str, float]]:
        """Paragraph `row`'s topics, best first, with their scores."""
        scores = self.by_paragraph[row]
        order = np.argsort(-scores, kind="stable")
        return [(self.topic_ids[i], round(float(scores[i]), 4)) for i in order]

    def paragraphs_for(self, topic_id: str) -> list[tuple[int, float]]:
        """(row, score) of every paragraph for a topic, best first."""
        column = self.by_topic[:, self.topic_ids.index(topic_id)]
        order = np.argsort(-column, kind="stable")
        return [(int(i), round(float(column[i]), 4)) for i in order]


class Suggester:
    """Suggestions against one corpus (optionally as if `exclude_document` had no quotes).
    Build it once per corpus: it embeds every topic's anchors."""

    def __init__(
        self,
        corpus: Corpus,
        exclude_document: str | None = None,
        embedder: Embedder | None | bool = True,
    ) -> None:
        self.profiles: tuple[TopicProfile, ...] = topic_profiles(corpus, exclude_document)
        self.topic_ids = tuple(profile.topic_id for profile in self.profiles)
        self.embedder: Embedder | None = load_embedder() if embedder is True else (embedder or None)
        self._profile_terms = [terms(profile.text) for profile in self.profiles]
        self._topic_index = BM25(self._profile_terms)
        self.anchors: tuple[Anchor, ...] = tuple(a for p in self.profiles for a in p.anchors)
        self.anchor_topic = np.array(
            [self.topic_ids.index(anchor.topic_id) for anchor in self.anchors], dtype=int
        )
        self.anchor_vectors: np.ndarray | None = None
        if self.embedder is not None:
            self.anchor_vectors = self.embedder.embed([a.text for a in self.anchors])

    @property
    def semantic(self) -> bool:
        """Whether the embedding model takes part (False: the lexical ranking alone)."""
        return self.embedder is not None

    @property
    def idf(self) -> dict[str, float]:
        """Inverse document frequency of each term over the topic profiles."""
        return self._topic_index.idf

    def similarities(self, texts: Sequence[str]) -> np.ndarray | None:
        """Cosine of each text with every anchor (rows: texts), or None without the model."""
        if self.embedder is None or self.anchor_vectors is None:
            return None
        return self.embedder.embed(list(texts)) @ self.anchor_vectors.T

    def score(self, paragraphs: Sequence[str]) -> ScoreTable:
        """The scores of each paragraph's text against every topic."""
        paragraph_terms = [terms(text) for text in paragraphs]
        rows, columns = len(paragraphs), len(self.profiles)
        paragraph_query = self._topic_index.matrix(paragraph_terms).reshape(rows, columns)
        paragraph_index = BM25(paragraph_terms)
        # a profile as a query: each term weighed by how much it tells topics apart too
        topic_query = paragraph_index.matrix(self._profile_terms, self.idf)
        topic_query = topic_query.reshape(columns, rows).T
        semantic = None
        similarity = self.similarities(paragraphs) if rows else None
        if similarity is not None:
            semantic = np.zeros((rows, columns))
            for column in range(columns):
                mine = np.sort(similarity[:, self.anchor_topic == column], axis=1)
                if mine.shape[1]:
                    semantic[:, column] = mine[:, -TOP_ANCHORS:].mean(axis=1)
        return ScoreTable(self.topic_ids, paragraph_query, topic_query, semantic)
