"""Briefs, handouts and reading guides as Markdown files that read well as plain text too.

Text from the corpus is escaped so that a quote can never turn into markup or a link.
"""

from __future__ import annotations

import re

from perspectives import stance
from perspectives.exports.printed import (
    ANSWER_LINKS,
    COMMON_GROUND_NOTE,
    NOTHING_INVENTED,
    answer_text,
    brief_title,
    side_line,
)
from perspectives.teaching.brief import DebateBrief
from perspectives.teaching.evidence_cards import Argument, Card, Source
from perspectives.teaching.guide import ReadingGuide
from perspectives.teaching.handout import SeminarHandout, TopicSheet

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def esc(text: str) -> str:
    """Escape Markdown's inline markup; a leading '#' or list marker is kept literal too."""
    text = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return re.sub(r"^([#+-]|\d+\.)", r"\\\1", text)


def _card(card: Card) -> list[str]:
    return [
        f"> “{esc(card.quote)}”",
        ">",
        f"> — {esc(card.speaker)}. *{esc(card.document_title)}*, {esc(card.outlet)}, "
        f"{esc(card.date_label)}, paragraph {card.paragraph}.",
        "",
    ]


def _argument(arg: Argument, level: str = "####", cards: int = 3) -> list[str]:
    kind = f" · disagreement: {arg.disagreement}" if arg.disagreement else ""
    head = f"{level} {esc(arg.voice)} ({esc(arg.camp)}) · {stance.printed(arg.stance, arg.state)}"
    out = [head + kind, "", esc(arg.summary), ""]
    for card in arg.cards[:cards]:
        out += _card(card)
    return out


def _sources(sources: tuple[Source, ...]) -> list[str]:
    out = ["## Sources", ""]
    for i, s in enumerate(sources, 1):
        url = f" <{s.url}>" if s.url else ""
        out.append(f"{i}. **{esc(s.title)}**. {esc(s.byline)}. {esc(s.genre)}.{url}")
    return [*out, ""]


def brief_md(brief: DebateBrief) -> str:
    out = [f"# {esc(brief_title(brief))}", "", f"*{esc(brief.corpus_name)}*", ""]
    out += [f"**Motion:** {esc(brief.motion_text)}  ", f"**Topic:** {esc(brief.topic_question)}  "]
    out += [f"**{esc(side_line(brief))}**", "", f"*{NOTHING_INVENTED}*", ""]
    out += ["## 1. The case for our side", ""]
    if not brief.lines:
        out += ["No voice in the corpus stands on this side of the axis.", ""]
    for i, line in enumerate(brief.lines, 1):
        out += [f"### Line {i}: {esc(line.heading)}", ""]
        for arg in line.arguments:
            out += _argument(arg)
    out += ["## 2. Attacks to expect, and answers", ""]
    if not brief.attacks:
        out += ["No voice in the corpus stands on the other side of the axis.", ""]
    for i, attack in enumerate(brief.attacks, 1):
        out += _argument(attack.argument, f"### Attack {i}:", cards=1)
        out += ["**Answers:**", ""]
        for answer in attack.answers:
            a = answer.argument
            out.append(
                f"- *{ANSWER_LINKS[answer.link]}:* **{esc(a.voice)}** "
                f"({stance.printed(a.stance, a.state)}): {esc(answer_text(brief, answer))}"
            )
            card = a.cards[0]
            out.append(
                f"  “{esc(card.quote)}” ({esc(card.document_title)}, paragraph {card.paragraph})"
            )
        if not attack.answers:
            out.append("- No position in the corpus answers this one.")
        out.append("")
    out += ["## 3. Figures worth citing", ""]
    for f in brief.figures:
        out.append(f"- **{esc(f.figure)}**: {esc(f.about)}; {esc(f.caveat)}.")
        out.append(
            f"  “{esc(f.card.quote)}” ({esc(f.card.document_title)}, paragraph {f.card.paragraph})"
        )
    if not brief.figures:
        out.append("The corpus records no figures for this side of the topic.")
    out += ["", "## 4. Questions to put to the other side", ""]
    for i, q in enumerate(brief.questions, 1):
        out += [f"{i}. {esc(q.text)}  ", f"   *{esc(q.voices[0])}'s position:* {esc(q.about)}"]
    out += ["", "## 5. Common ground", "", f"*{COMMON_GROUND_NOTE}*", ""]
    for arg in brief.common_ground:
        out.append(
            f"- **{esc(arg.voice)}** ({stance.printed(arg.stance, arg.state)}): {esc(arg.summary)}"
        )
    if not brief.common_ground:
        out.append("- No voice holds a balanced, mixed or neutral position on this topic.")
    silent = ", ".join(brief.silent) or "none"
    out += ["", f"Silent on this topic: {esc(silent)}.", ""]
    return "\n".join(out + _sources(brief.sources))


def _sheet(sheet: TopicSheet) -> list[str]:
    out = [f"## {esc(sheet.label)}", "", f"**{esc(sheet.question)}**", ""]
    if sheet.description:
        out += [esc(sheet.description), ""]
    out += [f"−2: {esc(sheet.low_label)}  ", f"+2: {esc(sheet.high_label)}", ""]
    out += ["### Where the voices stand", ""]
    for value, names in sheet.spectrum:
        out.append(f"- {stance.sign(value)}: {esc(', '.join(names))}")
    if sheet.mentions:
        out.append(f"- mentions, takes no side: {esc(', '.join(sheet.mentions))}")
    out += ["", "### Contrasting quotes", ""]
    if sheet.one_sided:
        out += [
            "*Every voice placed here stands on the same side: these quotes differ in degree.*",
            "",
        ]
    for quote in sheet.quotes:
        out += [f"Stance {stance.sign(quote.stance)}:", "", *_card(quote.card)]
    out += ["### Questions for discussion", ""]
    out += [f"{i}. {esc(q.text)}" for i, q in enumerate(sheet.questions, 1)]
    out += ["", "### What the corpus leaves out", ""]
    out.append(f"- Silent on this topic: {esc(', '.join(sheet.silent) or 'none')}.")
    return [*out, "- The corpus as a whole: see “What these texts leave out” below.", ""]


def handout_md(handout: SeminarHandout) -> str:
    out = [f"# Seminar handout: {esc(handout.corpus_name)}", ""]
    out += [f"Stance runs from −2 ({esc(handout.low_name)}) to +2 ({esc(handout.high_name)}).", ""]
    for sheet in handout.sheets:
        out += _sheet(sheet)
    out += ["## What these texts leave out", ""]
    out += [f"- **{esc(title)}**: {esc(text)}" for title, text in handout.blind_spots]
    return "\n".join([*out, "", *_sources(handout.sources)])


def guide_md(guide: ReadingGuide) -> str:
    s = guide.source
    out = [f"# Reading guide: {esc(s.title)}", "", f"*{esc(s.byline)}*", ""]
    out += [f"**Genre:** {esc(guide.genre)}  "]
    if guide.date_note:
        out.append(f"**About the date:** {esc(guide.date_note)}  ")
    if guide.outlet_note:
        out.append(f"**About the outlet:** {esc(guide.outlet_note)}  ")
    if guide.text_note:
        out.append(f"**About this copy:** {esc(guide.text_note)}  ")
    out.append("")
    if guide.has_guide:
        out += ["## Thesis", "", esc(guide.thesis), ""]
        if guide.structure:
            out += ["## Structure", "", esc(guide.structure), ""]
        out += ["## Evidence it relies on", "", *[f"- {esc(e)}" for e in guide.evidence], ""]
        out += ["## Cautions", "", *[f"- {esc(c)}" for c in guide.cautions], ""]
    else:
        out += ["*No reading guide has been written for this document yet.*", ""]
    out += ["## Voices in this text", ""]
    out += [f"- **{esc(n)}** ({esc(r or 'role not stated')}; {rel})" for n, r, rel in guide.voices]
    out += ["", "## Positions it takes", ""]
    for p in guide.positions:
        out.append(f"- **{esc(p.topic)}**, {esc(p.voice)} ({p.stance}): {esc(p.summary)}")
    return "\n".join([*out, "", *_sources(guide.sources)])
