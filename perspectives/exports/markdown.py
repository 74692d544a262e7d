"""The printed layout as a Markdown file that reads well as plain text too.

Every piece of text is escaped so that nothing from the corpus can turn into markup, HTML or a
link: Markdown's inline markup characters are backslash-escaped, a line can never start as a
heading, list or quote, and a web address becomes a link only when it is a plain http(s) address
(`blocks.web_link`); any other (`javascript:`, `data:`, one holding markup) is written as
escaped text. Characters no file can hold are replaced first (`safe_text.printable`).
"""

from __future__ import annotations

import re

from perspectives.exports.blocks import (
    Block,
    Figure,
    Group,
    Heading,
    Image,
    Item,
    Layout,
    Note,
    PageBreak,
    Paragraph,
    Quote,
    Run,
    Runs,
    web_link,
)
from perspectives.markup import md_escape
from perspectives.wording import quoted


def _run(run: Run, first: bool = False) -> str:
    """A run with its style; spaces around it stay outside the markers ("**a** b"). The
    `first` run of a line, if plain, gets its leading list marker escaped."""
    core = run.text.strip()
    if not core:
        return " " if run.text else ""
    marks = ("**" if run.bold else "") + ("*" if run.italic else "")
    link = web_link(core) if run.url else None
    text = f"<{link}>" if link else md_escape(core, line_start=first and not marks)
    lead = " " if run.text[:1].isspace() else ""
    trail = " " if run.text[-1:].isspace() else ""
    return f"{lead}{marks}{text}{marks[::-1]}{trail}"


def inline(runs: Runs) -> str:
    text = "".join(_run(r, first=i == 0) for i, r in enumerate(runs))
    return re.sub(r" {2,}", " ", text).strip()


def _quote(quote: Quote) -> list[str]:
    where = md_escape(f"{quote.where}, paragraph {quote.paragraph}.")
    return [
        f"> {quoted(md_escape(quote.text))}",
        ">",
        f"> — {md_escape(quote.speaker)}. *{md_escape(quote.title)}*, {where}",
        "",
    ]


def _item(item: Item) -> list[str]:
    marker = f"{item.number}." if item.number is not None else "-"
    pad = " " * (len(marker) + 1)
    lines = [f"{marker} {inline(item.runs)}"]
    if item.detail:
        lines.append(f"{pad}{inline(item.detail)}")
    if item.quote:
        lines.append(f"{pad}{md_escape(item.quote.short)}")
    return ["  \n".join(lines)]


def _figure(figure: Figure) -> list[str]:
    lines = [
        f"- **{md_escape(figure.figure)}**: {md_escape(f'{figure.about}; {figure.attribution}.')}"
    ]
    if figure.caution:
        lines.append(f"  *Caution:* {md_escape(figure.caution)}")
    lines.append(f"  {md_escape(figure.quote.short)}")
    return ["  \n".join(lines)]


def block_lines(block: Block) -> list[str]:
    """The Markdown lines of one block; list items come without the blank line that closes
    their list (see `write_markdown`)."""
    match block:
        case Heading():
            return [
                "#" * (block.level + 1) + " " + md_escape(block.full, line_start=False),
                "",
            ]
        case Paragraph():
            text = inline(block.runs)
            return [f"*{text}*" if block.size == "small" and _all_muted(block.runs) else text, ""]
        case Note():
            return [
                md_escape(block.text) if block.empty else f"*{md_escape(block.text)}*",
                "",
            ]
        case Quote():
            return _quote(block)
        case Item():
            return _item(block)
        case Figure():
            return _figure(block)
        case Image():
            return [line for item in block.fallback for line in _item(item)]  # no pictures here
        case PageBreak():
            return []
        case Group():
            return [line for child in block.blocks for line in block_lines(child)]
    raise TypeError(f"not a block: {block!r}")


def _all_muted(runs: Runs) -> bool:
    """A byline or a corpus name, written in italics (they carry their own italics already)."""
    return all(r.muted and not r.italic for r in runs)


def write_markdown(layout: Layout) -> str:
    lines: list[str] = []
    for block in layout.blocks():
        out = block_lines(block)
        listed = isinstance(block, Item | Figure) or (isinstance(block, Image) and out)
        if lines and lines[-1] != "" and not listed:
            lines.append("")  # a list ends before the next block
        lines += out
    return "\n".join(lines).rstrip("\n") + "\n"
