"""Passage suggestions: which paragraphs of a document bear on which topic of a corpus.

    suggester = Suggester(corpus)                  # once per corpus (embeds its topics)
    table = suggester.score([p.text for p in document.paragraphs])
    table.topics_for(0)            # [(topic_id, score), ...] best first, for paragraph 1
    table.paragraphs_for(topic_id) # [(row, score), ...] best first
    suggester.semantic             # False: the lexical ranking alone (no model); model_status()
    stance_hint(suggester, paragraph.text, topic_id)      # a hint, with its confidence
    evidence_quote(suggester, document.text, paragraph, topic_id)  # accepting: the quote

See ranking.py for how the two signals are fused, profiles.py for what a topic's profile
holds, embedding.py for the model, and docs/DECISIONS.md for the measured choice.
"""

from perspectives.workspace.suggest.embedding import MODEL_NAME, load_embedder, model_status
from perspectives.workspace.suggest.hints import (
    StanceHint,
    best_sentences,
    evidence_quote,
    stance_hint,
)
from perspectives.workspace.suggest.ranking import ScoreTable, Suggester
from perspectives.workspace.suggest.source import SourceText, read_source

__all__ = [
    "MODEL_NAME",
    "ScoreTable",
    "SourceText",
    "StanceHint",
    "Suggester",
    "best_sentences",
    "evidence_quote",
    "load_embedder",
    "model_status",
    "read_source",
    "stance_hint",
]
