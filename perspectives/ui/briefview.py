"""Widgets for the debate and seminar pages: briefs, handouts and reading guides on screen,
and their downloads (built on click; the views are cached in `perspectives.ui.cache`).

Every piece of corpus or user text goes through `md()`; nothing is rendered as HTML.
"""

from __future__ import annotations

import streamlit as st

from perspectives import stance
from perspectives.corpus.model import Corpus
from perspectives.exports.printed import (
    ANSWER_LINKS,
    COMMON_GROUND_NOTE,
    FORMATS,
    NOTHING_INVENTED,
    answer_text,
    side_line,
)
from perspectives.teaching.brief import DebateBrief
from perspectives.teaching.evidence_cards import Argument, Card
from perspectives.teaching.guide import ReadingGuide
from perspectives.teaching.handout import SeminarHandout, TopicSheet
from perspectives.ui.widgets import md

FORMAT_LABELS = {"md": "Markdown", "docx": "Word (DOCX)", "pdf": "PDF"}


def downloads(make, names: dict[str, str], key: str, what: str) -> None:
    """Three download buttons named for `what` they deliver ("Download handout as PDF": a page
    may offer two documents); `make(fmt)` returns (filename, bytes, mime) and runs only when
    a button is clicked (Streamlit's deferred download), then stays cache."""
    for column, fmt in zip(st.columns(len(FORMAT_LABELS)), FORMAT_LABELS, strict=True):
        column.download_button(
            f"Download {what} as {FORMAT_LABELS[fmt]}",
            data=lambda fmt=fmt: make(fmt)[1],
            file_name=names[fmt],
            mime=FORMATS[fmt],
            icon=":material/download:",
            key=f"{key}-{fmt}",
            on_click="ignore",
            width="stretch",
        )


def card(card: Card) -> None:
    st.markdown(f"> “{md(card.quote)}”")
    st.caption(
        md(f"— {card.speaker}. {card.document_title}, {card.outlet}, {card.date_label}, ")
        + f"¶ {card.paragraph}"
    )


def argument(arg: Argument, cards: int = 3) -> None:
    with st.container(border=True):
        kind = f" · disagreement: {arg.disagreement}" if arg.disagreement else ""
        st.markdown(f"**{md(arg.voice)}** · {md(stance.printed(arg.stance, arg.state))}")
        st.caption(md(f"{arg.camp}{kind}"))
        st.markdown(md(arg.summary))
        for item in arg.cards[:cards]:
            card(item)


def show_brief(b: DebateBrief) -> None:
    st.markdown(f"**{md(side_line(b))}**")
    st.caption(NOTHING_INVENTED)
    case, attacks, figures, questions, common, sources = st.tabs(
        ["Our case", "Attacks and answers", "Figures", "Questions", "Common ground", "Sources"]
    )
    with case:
        if not b.lines:
            st.info("No voice in the corpus stands on this side of the axis.")
        for i, line in enumerate(b.lines, 1):
            st.subheader(md(f"Line {i}: {line.heading}"), anchor=False)
            for arg in line.arguments:
                argument(arg)
    with attacks:
        if not b.attacks:
            st.info("No voice in the corpus stands on the other side of the axis.")
        for i, attack in enumerate(b.attacks, 1):
            st.subheader(f"Attack {i}", anchor=False)
            argument(attack.argument, cards=1)
            for answer in attack.answers:
                a = answer.argument
                st.markdown(
                    f"↳ *{ANSWER_LINKS[answer.link]}:* **{md(a.voice)}** "
                    f"({md(stance.printed(a.stance, a.state))}): {md(answer_text(b, answer))}"
                )
                card(a.cards[0])
            if not attack.answers:
                st.caption("No position in the corpus answers this one.")
    with figures:
        for f in b.figures:
            st.markdown(f"**{md(f.figure)}**: {md(f.about)}; {md(f.caveat)}.")
            card(f.card)
        if not b.figures:
            st.info("The corpus records no figures for this side of the topic.")
    with questions:
        for i, q in enumerate(b.questions, 1):
            st.markdown(f"{i}\\. {md(q.text)}")
            st.caption(md(f"{q.voices[0]}'s position: {q.about}"))
    with common:
        st.caption(COMMON_GROUND_NOTE)
        for arg in b.common_ground:
            argument(arg, cards=1)
        if not b.common_ground:
            st.info("No voice holds a balanced, mixed or neutral position on this topic.")
        st.markdown(f"**Silent on this topic:** {md(', '.join(b.silent) or 'none')}")
    with sources:
        sources_list(b.sources)


def sources_list(sources) -> None:
    for i, s in enumerate(sources, 1):
        st.markdown(f"{i}\\. **{md(s.title)}**. {md(s.byline)}. {md(s.genre)}.")


def show_sheet(corpus: Corpus, sheet: TopicSheet) -> None:
    from perspectives.charts import spectrum

    st.subheader(md(sheet.label), anchor=False, divider="gray")
    st.markdown(f"**{md(sheet.question)}**")
    if sheet.description:
        st.caption(md(sheet.description))
    if sheet.spectrum:
        st.altair_chart(spectrum.spectrum_strip(corpus, sheet.topic_id), width="stretch")
    if sheet.mentions:
        st.caption(md(f"Mentions, takes no side: {', '.join(sheet.mentions)}"))
    st.markdown("**Contrasting quotes**")
    if sheet.one_sided:
        st.caption(
            "Every voice placed here stands on the same side: these quotes differ in degree."
        )
    for quote in sheet.quotes:
        st.markdown(f"Stance {stance.sign(quote.stance)}: **{md(quote.card.voice)}**")
        card(quote.card)
    st.markdown("**Questions for discussion**")
    for i, q in enumerate(sheet.questions, 1):
        st.markdown(f"{i}\\. {md(q.text)}")
    st.markdown("**What the corpus leaves out**")
    st.markdown(f"Silent on this topic: {md(', '.join(sheet.silent) or 'none')}")


def show_guide(g: ReadingGuide) -> None:
    st.caption(md(g.source.byline))
    st.markdown(f"**Genre:** {md(g.genre)}")
    if not g.has_guide:
        st.info("No reading guide has been written for this document yet.")
        return
    st.markdown(f"**Thesis:** {md(g.thesis)}")
    if g.structure:
        st.markdown(f"**Structure:** {md(g.structure)}")
    st.markdown("**Evidence it relies on:**  \n" + "  \n".join(f"• {md(e)}" for e in g.evidence))
    st.markdown("**Cautions:**  \n" + "  \n".join(f"• {md(c)}" for c in g.cautions))


def handout_blind_spots(h: SeminarHandout) -> None:
    with st.expander("What these texts leave out, and the sources"):
        for title, text in h.blind_spots:
            st.markdown(f"- **{md(title)}**: {md(text)}")
        sources_list(h.sources)
