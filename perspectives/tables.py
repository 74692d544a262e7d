"""Flat tables of a corpus, the shape that exports, downloads and the CLI share."""

from __future__ import annotations

import pandas as pd

from perspectives.model import Corpus

POSITION_COLUMNS = [
    "document_id",
    "document_title",
    "voice_id",
    "voice_name",
    "camp",
    "topic_id",
    "topic_label",
    "stance",
    "state",
    "summary",
    "quote",
    "quote_start",
    "quote_end",
    "paragraph",
    "disagreement",
    "answers",
    "position_id",
]


def positions_table(corpus: Corpus) -> pd.DataFrame:
    """One row per position and evidence quote (the contract of `export`)."""
    rows = []
    for position in corpus.positions:
        voice = corpus.voice(position.voice)
        topic = corpus.topic(position.topic)
        document = corpus.document(position.document)
        for evidence in position.evidence:
            rows.append(
                {
                    "document_id": document.id,
                    "document_title": document.title,
                    "voice_id": voice.id,
                    "voice_name": voice.name,
                    "camp": voice.camp,
                    "topic_id": topic.id,
                    "topic_label": topic.label,
                    "stance": position.stance,
                    "state": position.state,
                    "summary": position.summary,
                    "quote": evidence.text,
                    "quote_start": evidence.start,
                    "quote_end": evidence.end,
                    "paragraph": evidence.paragraph,
                    "disagreement": position.disagreement or "",
                    "answers": ",".join(position.answers),
                    "position_id": position.id,
                }
            )
    frame = pd.DataFrame(rows, columns=POSITION_COLUMNS)
    frame["stance"] = frame["stance"].astype("Int64")
    return frame


def claims_table(corpus: Corpus) -> pd.DataFrame:
    """Facts and figures with whom each document attributes them to."""
    rows = [
        {
            "claim_id": claim.id,
            "document_id": claim.document,
            "figure": claim.figure,
            "about": claim.about,
            "attributed_to": claim.attributed_to,
            "source_kind": claim.source_kind,
            "voice_id": claim.voice or "",
            "topics": ",".join(claim.topics),
            "quote": claim.quote.text,
            "quote_start": claim.quote.start,
            "quote_end": claim.quote.end,
            "paragraph": claim.quote.paragraph,
        }
        for claim in corpus.claims
    ]
    return pd.DataFrame(rows)
