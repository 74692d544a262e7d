"""Cards shared by the explorer pages: a position with its quotes, a voice's profile.

Every piece of corpus text goes through `st_escape()`; colours come from the corpus' camps (checked
as hex colours at load time) through Streamlit's markdown colour directive, never raw HTML.
"""

from __future__ import annotations

import streamlit as st

from perspectives import stance
from perspectives.corpus.entities import Camp, Position, Topic, Voice
from perspectives.corpus.model import Corpus
from perspectives.markup import st_escape
from perspectives.ui import links
from perspectives.views import compare

RELATION_WORDS = {"author": "author of", "excerpted": "excerpted in", "quoted": "quoted in"}


def paragraphs(*texts: str | None) -> None:
    """Markdown paragraphs (None left out) as one element. Why: the browser's cost of a page
    switch or a rerun grows with the number of elements (about 1.5 ms of Chromium's main thread
    each, whatever they hold), and paragraphs in one element are drawn exactly as the same
    paragraphs in elements of their own (a paragraph's margin equals the gap between elements;
    checked on screenshots)."""
    shown = [text for text in texts if text]
    if shown:
        st.markdown("\n\n".join(shown))


def camp_marker(camp: Camp) -> str:
    """Markdown: a dot in the camp's own colour, then the camp's name."""
    return f':color[●]{{foreground="{camp.colour}"}} {st_escape(camp.name)}'


def stance_colour(value: int | None) -> str:
    """The badge colour that matches the heatmap's scheme (low blue, high orange)."""
    if not value:
        return "gray"
    return "blue" if value < 0 else "orange"


def stance_badge(position: Position, topic: Topic, state: bool = False) -> None:
    """The stance as a coloured badge, the pole it leans to (and the state) in a caption."""
    st.badge(stance.badge(position.stance, position.state), color=stance_colour(position.stance))  # type: ignore[arg-type]
    hint = stance.leaning(topic, position.stance)
    st.caption(st_escape(f"{hint} · {stance.STATES[position.state]}" if state else hint))


def quotes(corpus: Corpus, position: Position) -> None:
    """The position's quotes, each with a link that opens the reader at its paragraph. (A
    quote stays an element of its own: after a paragraph in the same element it would sit
    closer to it than it does now.)"""
    document = corpus.document(position.document)
    for evidence in position.evidence:
        st.markdown(f"> {st_escape(evidence.text)}")
        links.page_link(
            links.DOCUMENTS,
            f"Show in context (¶ {evidence.paragraph})",
            icon=":material/menu_book:",
            doc=evidence.document_id,
            p=evidence.paragraph,
        )
    st.caption(
        f"From *{st_escape(document.title)}*, "
        f"{st_escape(document.outlet)}, {st_escape(document.date_label)}"
    )


def exchange_links(corpus: Corpus, position: Position, lead: str | None = None) -> None:
    """Links to the positions this one answers, those that answer it, and those that dispute
    the same claim (`contests`, shown on both sides), each as a pair view; `lead` (Markdown),
    when given, is the paragraph above them, drawn with the first label."""
    answering = compare.positions_answering(corpus, position.id)
    for label, others in (
        ("Answers", [corpus.position_by_id(i) for i in position.answers]),
        ("Answered by", answering),
        ("Disputed by", compare.positions_contesting(corpus, position.id)),
    ):
        if not others:
            continue
        paragraphs(lead, f"**{label}:**")
        lead = None
        for other in others:
            name = corpus.voice(other.voice).name
            links.page_link(
                links.COMPARE,
                f"{st_escape(name)} ({stance.badge(other.stance, other.state)})",
                icon=":material/forum:",
                help="Show the two positions side by side",
                topic=other.topic,
                voices=[position.voice, other.voice],
            )
    paragraphs(lead)


def position_card(corpus: Corpus, position: Position, heading: str = "voice") -> None:
    """A position as a bordered card; `heading` names the voice (topic views) or the topic."""
    voice, topic = corpus.voice(position.voice), corpus.topic(position.topic)
    with st.container(border=True):
        if heading == "voice":
            st.subheader(st_escape(voice.name), anchor=False)
            st.markdown(camp_marker(corpus.camp(voice.camp)))
        else:
            st.subheader(st_escape(topic.label), anchor=False)
            st.caption(st_escape(topic.question))
        stance_badge(position, topic, state=True)
        st.markdown(st_escape(position.summary))
        quotes(corpus, position)
        kind = position.disagreement
        exchange_links(
            corpus, position, lead=f"**Kind of disagreement:** {st_escape(kind)}" if kind else None
        )


def head_to_head_cell(corpus: Corpus, voice: Voice, topic: Topic, position: Position | None):
    """One voice on one topic in the head-to-head grid: stance, summary, first quote."""
    st.markdown(f"**{st_escape(voice.name)}**")
    if position is None:
        st.markdown(":gray[silent: says nothing on this topic]")
        return
    stance_badge(position, topic)
    st.markdown(st_escape(position.summary))
    evidence = position.evidence[0]
    st.markdown(f"> {st_escape(evidence.text)}")
    links.page_link(
        links.DOCUMENTS,
        f"Show in context (¶ {evidence.paragraph})",
        icon=":material/menu_book:",
        doc=evidence.document_id,
        p=evidence.paragraph,
    )


def camp_legend(corpus: Corpus, camp_ids) -> None:
    """The camps' colours as a line of text (it wraps on a narrow screen)."""
    wanted = set(camp_ids)
    shown = [c for c in corpus.camps if c.id in wanted]
    if None in wanted:  # voices with no camp
        shown.append(corpus.camp(None))
    st.markdown(" · ".join(camp_marker(c) for c in shown))


def row_length(count: int, per_row: int = 3, one_row_up_to: int = 4) -> int:
    """Columns in a row of cards: all `count` in one row when they fit (a lone card takes the
    whole width, not a third of it beside two empty columns), else `per_row`."""
    return count if 0 < count <= one_row_up_to else per_row


def card_grid(
    corpus: Corpus, positions, heading: str = "voice", per_row: int = 3, one_row_up_to: int = 4
) -> None:
    """Cards side by side in rows (Streamlit stacks the columns on a narrow screen); up to
    `one_row_up_to` positions share one row, so a projector shows them all side by side, and
    a lone card or two take the whole width rather than a third each."""
    positions = list(positions)
    per_row = row_length(len(positions), per_row, one_row_up_to)
    for start in range(0, len(positions), per_row):
        columns = st.columns(per_row)
        for column, position in zip(columns, positions[start : start + per_row], strict=False):
            with column:
                position_card(corpus, position, heading)


def silent_line(label: str, names: list[str]) -> None:
    """The silent are listed, never left out: "Silent on this topic: A, B" (or "none")."""
    st.markdown(f"**{st_escape(label)}** " + (st_escape(", ".join(names)) if names else "none"))


def voice_profile(corpus: Corpus, voice: Voice) -> None:
    """Who the voice is and where its words come from, with the documents' provenance."""
    camp = corpus.camp(voice.camp)
    with st.container(border=True):
        st.header(st_escape(voice.name), anchor=False)
        paragraphs(
            f"**Role:** {st_escape(voice.role)}" if voice.role else None,
            f"**Affiliation:** {st_escape(voice.affiliation)}" if voice.affiliation else None,
            f"**Camp:** {camp_marker(camp)}",
        )
        if camp.description:
            st.caption(st_escape(camp.description))
        for document_id in voice.documents:
            document = corpus.document(document_id)
            authors = ", ".join(document.authors) or "unsigned"
            outlet, text = document.notes.outlet, document.notes.text
            paragraphs(
                f"**{RELATION_WORDS[voice.relation].capitalize()}:** *{st_escape(document.title)}* "
                f"({st_escape(authors)}), {st_escape(document.outlet)}, "
                f"{st_escape(document.date_label)} "
                f"(date certainty: {st_escape(document.date_certainty)})",
                f"**About the outlet:** {st_escape(outlet)}" if outlet else None,
                f"**About this text:** {st_escape(text)}" if text else None,
            )
            links.page_link(
                links.DOCUMENTS, "Read the document", icon=":material/article:", doc=document.id
            )
