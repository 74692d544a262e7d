"""The printed layout's blocks (`exports.blocks`) on screen, with Streamlit elements.

Only rendering: what a brief, a handout or a guide says is decided in `exports.layout`. Every
string goes through `st_escape()`, so corpus text is shown as text, never as markup or HTML; web
addresses are shown as text too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import streamlit as st

from perspectives.corpus.model import Corpus
from perspectives.exports.blocks import (
    Block,
    Figure,
    Group,
    Heading,
    Image,
    Item,
    Note,
    PageBreak,
    Paragraph,
    Quote,
    Run,
    Runs,
)
from perspectives.markup import st_escape
from perspectives.ui import present
from perspectives.wording import quoted

HeadingStyle = Literal["skip", "subheader", "divided", "bold"]
Headings = dict[int, HeadingStyle]


def _run(run: Run) -> str:
    """A run as Markdown: escaped text inside its style's markers, spaces kept outside (muted
    runs are plain: the lines that hold them show as captions)."""
    core = run.text.strip()
    if not core:
        return " " if run.text else ""
    text = st_escape(core)
    marks = ("**" if run.bold else "") + ("*" if run.italic else "")
    lead = " " if run.text[:1].isspace() else ""
    trail = " " if run.text[-1:].isspace() else ""
    return f"{lead}{marks}{text}{marks[::-1]}{trail}"


def inline(runs: Runs) -> str:
    return "".join(_run(r) for r in runs).strip()


def card(quote: Quote) -> None:
    st.markdown(f"> {quoted(st_escape(quote.text))}")
    st.caption(
        st_escape(f"— {quote.speaker}. {quote.title}, {quote.where}, ") + f"¶ {quote.paragraph}"
    )


def heading(block: Heading, style: HeadingStyle) -> None:
    if style == "skip":
        return
    if style in ("subheader", "divided"):
        divider = "gray" if style == "divided" else False
        st.subheader(st_escape(block.full), anchor=False, divider=divider)
        return
    detail = f" · {st_escape(block.detail)}" if block.detail else ""
    st.markdown(f"**{st_escape(block.text)}**{detail}")


def item(block: Item) -> None:
    marker = f"{block.number}\\." if block.number is not None else "-"
    st.markdown(f"{marker} {inline(block.runs)}")
    if block.detail:
        st.caption(inline(block.detail))
    if block.quote:
        card(block.quote)


def figure(block: Figure) -> None:
    st.markdown(
        f"**{st_escape(block.figure)}**: {st_escape(block.about)}; {st_escape(block.attribution)}."
    )
    if block.caution:
        st.markdown(f"*Caution:* {st_escape(block.caution)}")
    card(block.quote)


def show_block(block: Block, headings: Headings, corpus: Corpus | None = None) -> None:
    """One block. A spectrum chart is drawn live from `corpus` when given (else its PNG, else
    the words that stand in for it)."""
    match block:
        case Heading():
            heading(block, headings.get(block.level, "bold"))
        case Paragraph() if block.size == "small":
            st.caption(inline(block.runs))
        case Paragraph():
            st.markdown(inline(block.runs))
        case Note() if block.empty:
            st.info(st_escape(block.text))
        case Note():
            st.caption(st_escape(block.text))
        case Quote():
            card(block)
        case Item():
            item(block)
        case Figure():
            figure(block)
        case Image():
            _image(block, corpus)
        case PageBreak():
            pass
        case Group():
            with st.container(border=True):
                show_blocks(block.blocks, headings, corpus)


def _image(block: Image, corpus: Corpus | None) -> None:
    if block.topic_id and corpus is not None:
        if block.fallback:  # somebody is placed: there is something to draw
            from perspectives.ui import cache

            present.vega_chart(cache.spectrum_spec(corpus, block.topic_id), width="stretch")
    elif block.picture:
        st.image(block.picture)
    else:
        for entry in block.fallback:
            item(entry)


def show_blocks(blocks: Iterable[Block], headings: Headings, corpus: Corpus | None = None) -> None:
    for block in blocks:
        show_block(block, headings, corpus)


# Long documents on screen, a page at a time (a brief at 100 copies holds some 300 arguments).
Entry = tuple[Heading | None, tuple[Block, ...]]  # (the part it continues, its blocks)


def _is_content(block: Block) -> bool:
    return not isinstance(block, Heading | Note)


def entries(blocks: Iterable[Block]) -> list[Entry]:
    """`blocks` cut into entries to page through: a part (a level-2 heading: "Attack 3") is
    one entry unless it holds several arguments (`Group`s: "Line 1" of a case), which are
    then an entry each; outside parts every argument, item and figure is one. Headings and
    notes go with the entry that follows them, a closing line with the entry before it.
    Each entry knows the part it belongs to, to repeat that part's heading on a new page."""
    found: list[tuple[Heading | None, list[Block]]] = []
    part: Heading | None = None
    groups = 0
    for block in blocks:
        starts = False
        if isinstance(block, Heading) and block.level <= 2:
            starts = True
            part, groups = (block if block.level == 2 else None), 0
        elif isinstance(block, Group):
            starts = part is None or groups > 0
            groups += 1
        elif isinstance(block, Item | Figure):
            starts = part is None
        if not found or (starts and any(_is_content(b) for b in found[-1][1])):
            found.append((part, []))
        found[-1][1].append(block)
    return [(owner, tuple(members)) for owner, members in found]


def entry_blocks(shown: Iterable[Entry]) -> list[Block]:
    """The blocks of a page of entries; the first one's part heading repeated ("(continued)")
    when the part began on an earlier page."""
    blocks: list[Block] = []
    for number, (part, members) in enumerate(shown):
        if number == 0 and part is not None and members[:1] != (part,):
            blocks.append(Heading(f"{part.text} (continued)", part.level, part.detail))
        blocks += members
    return blocks
