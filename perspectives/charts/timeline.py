"""The timeline chart: one row per document, ordered by date; a large mark at the publication
date, its shape and opacity saying how certain the date is, and a small mark at each event the
document refers to, joined to it by a faint line."""

from __future__ import annotations

import altair as alt

from perspectives.corpus.model import Corpus
from perspectives.views.timeline import documents_table, mentions_table

CERTAINTY_ORDER = ["high", "medium", "low"]
CERTAINTY_SHAPES = ["diamond", "square", "triangle-up"]
CERTAINTY_OPACITY = [1.0, 0.7, 0.4]
DOCUMENT_COLOUR = "#0072B2"  # Okabe-Ito blue
EVENT_COLOUR = "#E69F00"  # Okabe-Ito orange


def timeline_chart(corpus: Corpus, topic: str | None = None) -> alt.LayerChart | alt.FacetChart:
    """Documents by date (shape and opacity by date certainty) and the events each refers to."""
    docs = documents_table(corpus)
    mentions = mentions_table(corpus, topic)
    order = list(docs["row"])
    y = alt.Y("row:N", sort=order, title=None, axis=alt.Axis(labelLimit=140))
    links = (
        alt.Chart(mentions)
        .mark_rule(color="#999999", opacity=0.5)
        .encode(x=alt.X("event_date:T", title="Date"), x2="document_date:T", y=y)
    )
    events = (
        alt.Chart(mentions)
        .mark_circle(size=60, color=EVENT_COLOUR, opacity=0.9)
        .encode(
            x="event_date:T",
            y=y,
            tooltip=[
                alt.Tooltip("event:N", title="Event"),
                alt.Tooltip("event_date_label:N", title="Date"),
                alt.Tooltip("title:N", title="Mentioned in"),
            ],
        )
    )
    published = (
        alt.Chart(docs)
        .mark_point(size=220, filled=True, color=DOCUMENT_COLOUR)
        .encode(
            x="date:T",
            y=y,
            shape=alt.Shape(
                "date_certainty:N",
                title="Date certainty",
                scale=alt.Scale(domain=CERTAINTY_ORDER, range=CERTAINTY_SHAPES),
                legend=alt.Legend(orient="bottom"),
            ),
            opacity=alt.Opacity(
                "date_certainty:N",
                scale=alt.Scale(domain=CERTAINTY_ORDER, range=CERTAINTY_OPACITY),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("title:N", title="Document"),
                alt.Tooltip("authors:N", title="By"),
                alt.Tooltip("date_label:N", title="Published"),
                alt.Tooltip("date_certainty:N", title="Date certainty"),
                alt.Tooltip("date_note:N", title="About the date"),
            ],
        )
    )
    # The height holds the axis and the legend too (Streamlit fits the chart to it).
    return alt.layer(links, events, published).properties(height=120 + 44 * len(order))
