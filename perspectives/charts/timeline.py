"""The timeline charts.

`timeline_chart`: one row per document, ordered by date; a large mark at the publication date,
its shape and opacity saying how certain the date is, and a small mark at each event the
document refers to, joined to it by a faint line.

`events_chart`: the events labelled, one row each, oldest first (its date and name on the axis,
the documents that mention it beside the dot), on the same time axis: the events' names are
read on the chart, not by hover, and never overlap however close their dates.
"""

from __future__ import annotations

from datetime import date

import altair as alt

from perspectives.corpus.model import Corpus
from perspectives.views.timeline import documents_table, events_table, mentions_table

CERTAINTY_ORDER = ["high", "medium", "low"]
CERTAINTY_SHAPES = ["diamond", "square", "triangle-up"]
CERTAINTY_OPACITY = [1.0, 0.7, 0.4]
DOCUMENT_COLOUR = "#0072B2"  # Okabe-Ito blue
EVENT_COLOUR = "#E69F00"  # Okabe-Ito orange
EVENT_ROW_PX = 24
NOTES_SHOWN = alt.ExprRef("width < 320 ? 0 : 1")  # no room beside the dots on a phone
NOTE_COLOUR = "#4A4A4A"  # the documents beside an event's dot (8.9:1 on white)
# An event's label on the axis: whole on a wide screen, cut on a phone (the tooltip and the
# table below the charts have it whole), where the notes beside the dots are left out too.
EVENT_LABEL_LIMIT = alt.ExprRef("containerSize()[0] >= 640 ? 400 : 190")


def date_domain(corpus: Corpus, topic: str | None = None) -> list[str]:
    """The time axis both charts share: from the first of January of the decade of the earliest
    date shown to the end of the year of the latest."""
    dates = [d.date for d in corpus.documents] + [
        date.fromisoformat(day) for day in events_table(corpus, topic)["date"]
    ]
    first, last = min(dates), max(dates)
    start, end = date(first.year - first.year % 10, 1, 1), date(last.year, 12, 31)
    return [start.isoformat(), end.isoformat()]


def timeline_chart(corpus: Corpus, topic: str | None = None) -> alt.LayerChart | alt.FacetChart:
    """Documents by date (shape and opacity by date certainty) and the events each refers to."""
    docs = documents_table(corpus)
    mentions = mentions_table(corpus, topic)
    order = list(docs["row"])
    y = alt.Y("row:N", sort=order, title=None, axis=alt.Axis(labelLimit=140))
    domain = alt.Scale(domain=date_domain(corpus, topic))
    links = (
        alt.Chart(mentions)
        .mark_rule(color="#999999", opacity=0.5)
        .encode(x=alt.X("event_date:T", title="Date", scale=domain), x2="document_date:T", y=y)
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
            x=alt.X("date:T", scale=domain),
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


def events_chart(
    corpus: Corpus, topic: str | None = None
) -> alt.LayerChart | alt.FacetChart | None:
    """One row per event, oldest first, labelled "date · name" on the axis; beside its dot the
    documents that mention it (to the right of the dot, or to its left in the axis' later
    half). None when there is no dated event (on the topic)."""
    frame = events_table(corpus, topic)
    if frame.empty:
        return None
    frame["label"] = frame["date_label"] + " · " + frame["event"]
    domain = date_domain(corpus, topic)
    middle = (
        date.fromisoformat(domain[0])
        + (date.fromisoformat(domain[1]) - date.fromisoformat(domain[0])) / 2
    )
    frame["note"] = ["before" if day > middle.isoformat() else "after" for day in frame["date"]]
    x = alt.X("date:T", title=None, scale=alt.Scale(domain=domain), axis=alt.Axis(orient="top"))
    y = alt.Y(
        "label:N",
        sort=list(dict.fromkeys(frame["label"])),
        title=None,
        axis=alt.Axis(
            labelLimit=EVENT_LABEL_LIMIT,
            labelFontSize=12,
            labelColor="#1A1A1A",
            ticks=False,
            domain=False,
        ),
    )
    base = alt.Chart(frame).encode(x=x, y=y)
    tooltip = [
        alt.Tooltip("event:N", title="Event"),
        alt.Tooltip("date_label:N", title="Date"),
        alt.Tooltip("mentioned_in:N", title="Mentioned in"),
        alt.Tooltip("topics:N", title="Topics"),
    ]
    rules = base.mark_rule(color="#DDDDDD").encode(x=alt.value(0), x2=alt.value("width"))
    dots = base.mark_circle(size=80, color=EVENT_COLOUR, opacity=1).encode(tooltip=tooltip)
    notes = [  # after the dot, or before it on the axis' later half
        base.transform_filter(alt.datum.note == "after")
        .mark_text(align="left", dx=9, fontSize=11, color=NOTE_COLOUR, opacity=NOTES_SHOWN)
        .encode(text="mentioned_in:N"),
        base.transform_filter(alt.datum.note == "before")
        .mark_text(align="right", dx=-9, fontSize=11, color=NOTE_COLOUR, opacity=NOTES_SHOWN)
        .encode(text="mentioned_in:N"),
    ]
    return alt.layer(rules, dots, *notes).properties(height=EVENT_ROW_PX * len(frame) + 40)
