"""Flat tables of a corpus: the one-row-per-quote table that `export` writes (a contract), and
the tables behind the explorer's views (compare, head to head, matrix, voices).

Each is what a page offers as its CSV/JSON download, so what a reader downloads is what the
page shows, in the same order. Silent voices and topics appear as rows with state "silent":
a download says so rather than leaving them out.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from perspectives.corpus.entities import Position
from perspectives.corpus.model import Corpus
from perspectives.corpus.problems import Problem
from perspectives.views import agreement, compare, matrix

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
    "contests",
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
                    "contests": ",".join(compare.contested(corpus, position.id)),
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
            "kind": claim.kind,
            "figure": claim.figure,
            "about": claim.about,
            "caution": claim.caution,
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


def chosen_voices(corpus: Corpus, voice_ids=None, camp_id: str | None = None) -> list[str] | None:
    """The voice ids a view is narrowed to (None means every voice).

    Both filters narrow: the voices picked, within the camp picked.
    """
    if not voice_ids and not camp_id:
        return None
    picked = set(voice_ids) if voice_ids else {v.id for v in corpus.voices}
    if camp_id:
        picked &= {v.id for v in corpus.voices_in_camp(camp_id)}
    return [v.id for v in corpus.voices if v.id in picked]


def _silent_row(corpus: Corpus, voice_id: str, topic_id: str) -> dict:
    voice, topic = corpus.voice(voice_id), corpus.topic(topic_id)
    row: dict[str, object] = dict.fromkeys(POSITION_COLUMNS, "")
    row.update(
        voice_id=voice.id,
        voice_name=voice.name,
        camp=voice.camp,
        topic_id=topic.id,
        topic_label=topic.label,
        stance=None,
        state="silent",
        quote_start=None,
        quote_end=None,
        paragraph=None,
    )
    return row


def _ordered_rows(corpus: Corpus, positions: list[Position]) -> pd.DataFrame:
    table = positions_table(corpus)
    rank = {p.id: i for i, p in enumerate(positions)}
    table = table[table["position_id"].isin(rank)].copy()
    table["_rank"] = table["position_id"].map(rank)
    return table.sort_values(["_rank", "quote_start"], kind="stable").drop(columns="_rank")


def _with_silent(table: pd.DataFrame, silent_rows: list[dict]) -> pd.DataFrame:
    if silent_rows:
        table = pd.concat([table, pd.DataFrame(silent_rows, columns=POSITION_COLUMNS)])
    table = table.reset_index(drop=True)
    table["stance"] = table["stance"].astype("Int64")
    for column in ("quote_start", "quote_end", "paragraph"):
        table[column] = table[column].astype("Int64")
    return table


def topic_table(corpus: Corpus, topic_id: str, voice_ids=None) -> pd.DataFrame:
    """A topic's positions with every quote, low pole first, then its silent voices."""
    positions = compare.ordered_positions(corpus, topic_id, voice_ids)
    silent = [
        _silent_row(corpus, v.id, topic_id)
        for v in compare.silent_voices(corpus, topic_id, voice_ids)
    ]
    return _with_silent(_ordered_rows(corpus, positions), silent)


def voice_table(corpus: Corpus, voice_id: str) -> pd.DataFrame:
    """A voice's positions with every quote, in topic order, then the topics it is silent on."""
    order = {t.id: i for i, t in enumerate(corpus.topics)}
    positions = sorted(corpus.positions_for_voice(voice_id), key=lambda p: order[p.topic])
    spoken = {p.topic for p in positions}
    silent = [_silent_row(corpus, voice_id, t.id) for t in corpus.topics if t.id not in spoken]
    return _with_silent(_ordered_rows(corpus, positions), silent)


def head_to_head_table(corpus: Corpus, voice_ids: list[str]) -> pd.DataFrame:
    """One row per topic (where at least one of the voices speaks) and voice."""
    rows = []
    for topic_id, cells in compare.head_to_head(corpus, voice_ids):
        topic = corpus.topic(topic_id)
        for voice_id, position in zip(voice_ids, cells, strict=True):
            rows.append(
                {
                    "topic_id": topic.id,
                    "topic_label": topic.label,
                    "voice_id": voice_id,
                    "voice_name": corpus.voice(voice_id).name,
                    "stance": position.stance if position else None,
                    "state": position.state if position else "silent",
                    "summary": position.summary if position else "",
                    "first_quote": position.evidence[0].text if position else "",
                    "document_id": position.document if position else "",
                    "paragraph": position.evidence[0].paragraph if position else None,
                }
            )
    frame = pd.DataFrame(
        rows,
        columns=[
            "topic_id",
            "topic_label",
            "voice_id",
            "voice_name",
            "stance",
            "state",
            "summary",
            "first_quote",
            "document_id",
            "paragraph",
        ],
    )
    frame["stance"] = frame["stance"].astype("Int64")
    frame["paragraph"] = frame["paragraph"].astype("Int64")
    return frame


def spread_table(corpus: Corpus, spreads: list[matrix.Spread]) -> pd.DataFrame:
    """Topics with how divided they are (matrix.Spread), in the order given."""
    rows = [
        {
            "topic_id": s.topic_id,
            "topic_label": corpus.topic(s.topic_id).label,
            "placed": s.placed,
            "silent": s.silent,
            "mean": round(s.mean, 2) if s.mean is not None else None,
            "spread": round(s.spread, 2),
            "range": s.range,
            "share_low": round(s.share_low, 2),
            "share_high": round(s.share_high, 2),
            "divide": round(s.divide, 2),
        }
        for s in spreads
    ]
    columns = ["topic_id", "topic_label", "placed", "silent", "mean", "spread", "range"]
    return pd.DataFrame(rows, columns=[*columns, "share_low", "share_high", "divide"])


def agreement_table(corpus: Corpus, pairs: list[agreement.Agreement]) -> pd.DataFrame:
    """Pairs of voices with their distance and agreement over the topics both are placed on."""
    rows = [
        {
            "voice_a": r.voice_a,
            "voice_a_name": corpus.voice(r.voice_a).name,
            "voice_b": r.voice_b,
            "voice_b_name": corpus.voice(r.voice_b).name,
            "shared_topics": r.shared,
            "distance": round(r.distance, 2),
            "agreement": round(r.agreement, 2),
        }
        for r in pairs
    ]
    columns = ["voice_a", "voice_a_name", "voice_b", "voice_b_name", "shared_topics"]
    return pd.DataFrame(rows, columns=[*columns, "distance", "agreement"])


def pairs_table(corpus: Corpus, min_shared: int = 1) -> pd.DataFrame:
    """`agreement_table` of `agreement.ranked_pairs`, the same rows, made from columns."""
    found = agreement.pair_columns(corpus, min_shared)
    names = {v.id: v.name for v in corpus.voices}
    frame = pd.DataFrame(
        {
            "voice_a": found.voice_a,
            "voice_a_name": [names[v] for v in found.voice_a],
            "voice_b": found.voice_b,
            "voice_b_name": [names[v] for v in found.voice_b],
            "shared_topics": found.shared,
            "distance": found.distance,
            "agreement": found.agreement,
        }
    )
    return frame


def documents_table(corpus: Corpus) -> pd.DataFrame:
    """The corpus' documents with their provenance and what the corpus draws from each."""
    rows = [
        {
            "document_id": d.id,
            "title": d.title,
            "authors": ", ".join(d.authors),
            "outlet": d.outlet,
            "date": d.date.isoformat() if d.date else "",
            "date_label": d.date_label,
            "date_certainty": d.date_certainty,
            "genre": d.genre,
            "url": d.url or "",
            "voices": ",".join(v.id for v in corpus.voices_for_document(d.id)),
            "positions": len(corpus.positions_for_document(d.id)),
            "paragraphs": len(d.paragraphs),
            "note_on_outlet": d.notes.outlet or "",
            "note_on_text": d.notes.text or "",
        }
        for d in corpus.documents
    ]
    columns = ["document_id", "title", "authors", "outlet", "date", "date_label"]
    columns += ["date_certainty", "genre", "url", "voices", "positions", "paragraphs"]
    return pd.DataFrame(rows, columns=[*columns, "note_on_outlet", "note_on_text"])


def problems_table(problems: Sequence[Problem], left_out: Sequence[str] = ()) -> pd.DataFrame:
    """What is wrong in a corpus' files (file, line, entry, problem), then what the pages leave
    out because of it (kind "left out")."""
    rows = [
        {
            "kind": "problem",
            "file": p.file,
            "line": p.line,
            "entry": p.entry or "",
            "problem": p.message,
        }
        for p in problems
    ]
    rows += [
        {"kind": "left out", "file": "", "line": None, "entry": item, "problem": ""}
        for item in left_out
    ]
    frame = pd.DataFrame(rows, columns=["kind", "file", "line", "entry", "problem"])
    frame["line"] = frame["line"].astype("Int64")
    return frame
