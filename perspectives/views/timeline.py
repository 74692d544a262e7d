"""The timeline: documents by publication date (with how sure that date is) and the dated
events they refer to.

The chart has one row per document, ordered by date: a large mark at the publication date, its
shape and opacity saying how certain the date is, and a small mark at each event the document
refers to, joined to it by a faint line. Events are dated only as precisely as they are known:
"1989", "June 1989", "4 June 1989".
"""

from __future__ import annotations

from datetime import date as Date

import pandas as pd

from perspectives.corpus.document import Document
from perspectives.corpus.entities import Event
from perspectives.corpus.model import Corpus


def event_date_label(day: Date, precision: str) -> str:
    """A date written only as precisely as it is known."""
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{day:%B} {day.year}"
    return f"{day.day} {day:%B} {day.year}"


def document_row_label(document: Document) -> str:
    """A short name for a document's row: its first author (or outlet) and year."""
    who = document.authors[0] if document.authors else document.outlet
    return f"{who} ({document.date.year})"


def documents_table(corpus: Corpus) -> pd.DataFrame:
    """The documents by publication date, oldest first."""
    rows = [
        {
            "document_id": d.id,
            "row": document_row_label(d),
            "title": d.title,
            "authors": ", ".join(d.authors) or "unsigned",
            "outlet": d.outlet,
            "date": d.date.isoformat(),
            "date_label": d.date_label,
            "date_certainty": d.date_certainty,
            "date_note": d.date_note,
        }
        for d in sorted(corpus.documents, key=lambda d: (d.date, d.id))
    ]
    return pd.DataFrame(rows)


def events_in(corpus: Corpus, topic: str | None = None) -> list[Event]:
    """The events, by date, optionally only those tagged with a topic."""
    chosen = corpus.events_for_topic(topic) if topic else corpus.events
    return sorted(chosen, key=lambda e: (e.date, e.id))


def events_table(corpus: Corpus, topic: str | None = None) -> pd.DataFrame:
    """One row per event: its date as precisely as known, the documents that mention it (ids,
    titles, and the short names the chart's rows use, e.g. "Jianli Yang (2023)")."""
    labels = {t.id: t.label for t in corpus.topics}
    rows = []
    for event in events_in(corpus, topic):
        documents = list(dict.fromkeys(m.document_id for m in event.mentions))
        rows.append(
            {
                "event_id": event.id,
                "date": event.date.isoformat(),
                "date_label": event_date_label(event.date, event.precision),
                "precision": event.precision,
                "event": event.label,
                "description": event.description,
                "documents": ", ".join(documents),
                "document_titles": "; ".join(corpus.document(d).title for d in documents),
                "mentioned_in": ", ".join(
                    document_row_label(corpus.document(d)) for d in documents
                ),
                "topics": ", ".join(labels.get(t, t) for t in event.topics),
                "topic_ids": ",".join(event.topics),
            }
        )
    columns = [
        "event_id",
        "date",
        "date_label",
        "precision",
        "event",
        "description",
        "documents",
        "document_titles",
        "mentioned_in",
        "topics",
        "topic_ids",
    ]
    return pd.DataFrame(rows, columns=columns)


def mentions_table(corpus: Corpus, topic: str | None = None) -> pd.DataFrame:
    """One row per (event, document that mentions it): the chart's small marks and links."""
    documents = {d.id: d for d in corpus.documents}
    rows = []
    for event in events_in(corpus, topic):
        for document_id in dict.fromkeys(m.document_id for m in event.mentions):
            document = documents[document_id]
            rows.append(
                {
                    "row": document_row_label(document),
                    "event": event.label,
                    "event_date": event.date.isoformat(),
                    "event_date_label": event_date_label(event.date, event.precision),
                    "document_date": document.date.isoformat(),
                    "title": document.title,
                }
            )
    columns = ["row", "event", "event_date", "event_date_label", "document_date", "title"]
    return pd.DataFrame(rows, columns=columns)
