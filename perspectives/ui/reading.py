"""Widgets of the reader, search and timeline pages: escaped highlights, deep-linked widget
state, links between pages and the scroll to a paragraph. No domain logic here."""

from __future__ import annotations

import streamlit as st

from perspectives import stance
from perspectives.corpus.document import Document
from perspectives.corpus.entities import Guide
from perspectives.corpus.model import Corpus
from perspectives.markup import st_escape
from perspectives.ui import links
from perspectives.views import compare
from perspectives.views.reader import Mark, ParagraphView, Segment

HIGHLIGHT = "orange"


def segments_markdown(segments: tuple[Segment, ...], colour: str = HIGHLIGHT) -> str:
    """A paragraph as markdown: every run escaped, highlighted runs coloured and numbered."""
    parts = []
    for segment in segments:
        text = st_escape(segment.text)
        if segment.highlighted and text.strip():
            numbers = ",".join(str(n) for n in segment.marks)
            parts.append(f":{colour}-background[{text}]:{colour}-badge[{numbers}]")
        else:
            parts.append(text)
    return "".join(parts)


def paragraph_markdown(view: ParagraphView) -> str:
    return f":gray[**{view.number}**]\u2003" + segments_markdown(view.segments)


def hit_markdown(segments: tuple[tuple[str, bool], ...]) -> str:
    """A search snippet as markdown: matched terms bold, every piece escaped."""
    return "".join(
        f"**{st_escape(text)}**" if is_match and text.strip() else st_escape(text)
        for text, is_match in segments
    )


def badges(labels: list[str], colour: str = "blue") -> str:
    """Labels as a row of markdown badges (escaped)."""
    return " ".join(f":{colour}-badge[{st_escape(label)}]" for label in labels)


def scroll_to_paragraph(number: int) -> None:
    """Scroll the page to paragraph `number` (its container has key p-N).

    The script holds nothing but the integer: no document text reaches it. It retries for a
    second while the page renders, then scrolls once more after late layout shifts.
    """
    n = int(number)
    script = (
        "<script>(function(){let tries=0;"
        f"const sel='.st-key-p-{n}';"
        "function scroll(){const el=window.parent.document.querySelector(sel);"
        "if(el){el.style.scrollMarginTop='4rem';el.scrollIntoView({block:'start'});}return el;}"
        "function go(){if(scroll()){setTimeout(scroll,400);}"
        "else if(tries++<20){setTimeout(go,50);}}"
        "go();})();</script>"
    )
    st.iframe(script, height=1)


def paragraph(corpus: Corpus, view: ParagraphView, marked: bool = False) -> None:
    """One numbered paragraph: the text with its highlights, then what each highlight supports,
    the figures it cites, its topic chips and links to compare the voices on those topics."""
    with st.container(key=f"p-{view.number}", border=marked, gap="xsmall"):
        if marked:
            st.caption(f":material/my_location: Opened from a quote: paragraph {view.number}")
        st.markdown(paragraph_markdown(view))
        notes = [mark_note(corpus, mark) for mark in {m.number: m for m in view.marks}.values()]
        notes += [claim_note(corpus, claim_id) for claim_id in view.claims]
        if notes:
            st.caption("  \n".join(notes))
        if view.topics:
            st.markdown(badges([corpus.topic(t).label for t in view.topics]))
        compared = list(dict.fromkeys(m.topic_id for m in view.marks))
        if compared:
            with st.container(horizontal=True, gap="small"):
                for topic_id in compared:
                    links.page_link(
                        links.COMPARE,
                        f"Compare on {st_escape(corpus.topic(topic_id).label)}",
                        icon=":material/compare_arrows:",
                        topic=topic_id,
                    )


def mark_note(corpus: Corpus, mark: Mark) -> str:
    """What a numbered highlight supports: the voice, the topic and the stance."""
    position = corpus.position_by_id(mark.position_id)
    voice, topic = corpus.voice(mark.voice_id), corpus.topic(mark.topic_id)
    where = stance.describe(topic, position.stance, position.state)
    disputed = compare.disputed_by(corpus, position.id)
    return (
        f":{HIGHLIGHT}-badge[{mark.number}] supports **{st_escape(voice.name)}** on "
        f"**{st_escape(topic.label)}** ({st_escape(where)})"
        + (f"; {st_escape(disputed)}" if disputed else "")
    )


def claim_note(corpus: Corpus, claim_id: str) -> str:
    """ "Figure: ..." for a quantity, "Claim: ..." for any other fact, with whom the text
    attributes it to and, where the corpus has one, the caution a careful reader adds."""
    claim = corpus.claim(claim_id)
    icon = ":material/bar_chart:" if claim.kind == "figure" else ":material/fact_check:"
    caution = f" :orange[Caution:] {st_escape(claim.caution)}" if claim.caution else ""
    return (
        f"{icon} {claim.label}: **{st_escape(claim.figure)}**, {st_escape(claim.about)}. "
        f"Attributed to {st_escape(claim.attributed_to)} ({st_escape(claim.source_kind)})."
        + caution
    )


def byline(document: Document) -> str:
    """Authors (or "unsigned"), outlet and date with its certainty, escaped for a caption."""
    who = ", ".join(document.authors) or "unsigned"
    return st_escape(
        f"{who} · {document.outlet} · {document.date_label} "
        f"(date certainty: {document.date_certainty})"
    )


def document_about(document: Document) -> None:
    """The document's metadata; the longer notes on outlet and text in an expander."""
    with st.container(border=True):
        st.subheader("About this document", anchor=False)
        st.markdown(f"**Genre:** {st_escape(document.genre)}")
        note = f". {st_escape(document.date_note)}" if document.date_note else ""
        st.markdown(
            f"**Date:** {st_escape(document.date_label)}, "
            f"certainty {st_escape(document.date_certainty)}{note}"
        )
        if document.url and document.url.startswith(("https://", "http://")):
            st.page_link(document.url, label="Original publication", icon=":material/open_in_new:")
        elif document.url:
            st.markdown(f"**Source:** {st_escape(document.url)}")
        if document.notes.outlet or document.notes.text:
            with st.expander("Notes on the outlet and the text", expanded=False):
                if document.notes.outlet:
                    st.markdown(f"**The outlet:** {st_escape(document.notes.outlet)}")
                if document.notes.text:
                    st.markdown(f"**This text:** {st_escape(document.notes.text)}")


def reading_guide(guide: Guide | None) -> None:
    """The thesis in view; genre, structure, kinds of evidence and cautions in an expander."""
    with st.container(border=True):
        st.subheader("Reading guide", anchor=False)
        if guide is None:
            st.caption("No reading guide for this document yet.")
            return
        st.markdown(f"**Thesis:** {st_escape(guide.thesis)}")
        with st.expander("Genre, structure, evidence and cautions", expanded=False):
            for label, value in (("Genre", guide.genre), ("Structure", guide.structure)):
                if value:
                    st.markdown(f"**{label}:** {st_escape(value)}")
            if guide.evidence:
                st.markdown("**Evidence it relies on:** " + st_escape("; ".join(guide.evidence)))
            if guide.cautions:
                st.markdown("**Cautions:**")
                for caution in guide.cautions:
                    st.markdown(f"- {st_escape(caution)}")
