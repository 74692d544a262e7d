"""Briefs, handouts and reading guides as PDF (fpdf2), ready to print on A4.

A handout has a cover page, then exactly one page per topic (type and chart shrink step by step
until the topic fits, measured on a scratch document first), then a page of what the corpus
leaves out and the sources.
"""

from __future__ import annotations

from perspectives import stance
from perspectives.exports.pdf_printer import GREY, Printer, picture_size
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

SCALES = (1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6)
CHART_W, CHART_MIN_H = 174.0, 55.0  # mm: the widest a chart prints, and the least height


def _cite(card: Card) -> str:
    return f"{card.document_title}, {card.outlet}, {card.date_label}, paragraph {card.paragraph}."


def _argument(pdf: Printer, arg: Argument, heading: str, level: int, cards: int = 3) -> None:
    pdf.heading(f"{heading}{arg.voice} · {stance.printed(arg.stance, arg.state)}", level)
    kind = f" · disagreement: {arg.disagreement}" if arg.disagreement else ""
    pdf.para(f"{arg.camp}{kind}", size=8.5, colour=GREY)
    pdf.para(arg.summary)
    for card in arg.cards[:cards]:
        pdf.card(card.quote, card.speaker, _cite(card))


def _sources(pdf: Printer, sources: tuple[Source, ...]) -> None:
    pdf.heading("Sources", 1)
    for i, s in enumerate(sources, 1):
        url = f" {s.url}" if s.url else ""
        pdf.runs([("B", s.title), ("", f". {s.byline}. {s.genre}.{url}")], 9.5, bullet=f"{i}.")


def brief_pdf(brief: DebateBrief) -> bytes:
    pdf = Printer(brief_title(brief))
    pdf.add_page()
    pdf.heading(brief_title(brief), 0)
    pdf.para(brief.corpus_name, size=9, style="I", colour=GREY)
    pdf.runs([("B", "Motion: "), ("", brief.motion_text)], 11)
    pdf.runs([("B", "Topic: "), ("", brief.topic_question)])
    pdf.runs([("B", side_line(brief))])
    pdf.para(NOTHING_INVENTED, size=8.5, style="I", colour=GREY)
    pdf.heading("1. The case for our side", 1)
    if not brief.lines:
        pdf.para("No voice in the corpus stands on this side of the axis.")
    for i, line in enumerate(brief.lines, 1):
        pdf.heading(f"Line {i}: {line.heading}", 2)
        for arg in line.arguments:
            _argument(pdf, arg, "", 3)
    pdf.heading("2. Attacks to expect, and answers", 1)
    if not brief.attacks:
        pdf.para("No voice in the corpus stands on the other side of the axis.")
    for i, attack in enumerate(brief.attacks, 1):
        _argument(pdf, attack.argument, f"Attack {i}: ", 2, cards=1)
        pdf.para("Answers", size=10, style="B")
        for answer in attack.answers:
            a, c = answer.argument, answer.argument.cards[0]
            parts = [("I", f"{ANSWER_LINKS[answer.link]}: "), ("B", a.voice)]
            parts += [
                ("", f" ({stance.printed(a.stance, a.state)}): {answer_text(brief, answer)} ")
            ]
            parts += [("g", f"“{c.quote}” ({c.document_title}, paragraph {c.paragraph})")]
            pdf.runs(parts, 9.5, bullet="•")
        if not attack.answers:
            pdf.runs([("", "No position in the corpus answers this one.")], 9.5, bullet="•")
    pdf.heading("3. Figures worth citing", 1)
    for f in brief.figures:
        c = f.card
        parts = [("B", f.figure), ("", f": {f.about}; {f.caveat}. ")]
        parts += [("g", f"“{c.quote}” ({c.document_title}, paragraph {c.paragraph})")]
        pdf.runs(parts, 9.5, bullet="•")
    if not brief.figures:
        pdf.para("The corpus records no figures for this side of the topic.")
    pdf.heading("4. Questions to put to the other side", 1)
    for i, q in enumerate(brief.questions, 1):
        pdf.runs([("B", q.text)], 10, bullet=f"{i}.")
        pdf.runs([("gI", f"{q.voices[0]}'s position: "), ("g", q.about)], 8.5, indent=5)
    pdf.heading("5. Common ground", 1)
    pdf.para(COMMON_GROUND_NOTE, size=8.5, style="I", colour=GREY)
    for arg in brief.common_ground:
        parts = [
            ("B", arg.voice),
            ("", f" ({stance.printed(arg.stance, arg.state)}): {arg.summary}"),
        ]
        pdf.runs(parts, 9.5, bullet="•")
    if not brief.common_ground:
        pdf.para("No voice holds a balanced, mixed or neutral position on this topic.")
    pdf.runs([("B", "Silent on this topic: "), ("", ", ".join(brief.silent) or "none")], 9.5)
    _sources(pdf, brief.sources)
    return pdf.output_bytes()


def _sheet(pdf: Printer, sheet: TopicSheet, spots: str, chart_h: float | None) -> None:
    """One topic; `chart_h` None leaves the chart out (to measure the rest of the page)."""
    pdf.heading(sheet.label, 0)
    pdf.para(sheet.question, size=12, style="B")
    if sheet.description:
        pdf.para(sheet.description, size=9.5)
    pdf.runs([("B", "−2: "), ("", sheet.low_label), ("B", "    +2: "), ("", sheet.high_label)], 9)
    if sheet.chart_png and chart_h is not None:
        pdf.picture(sheet.chart_png, CHART_W, chart_h)
    elif not sheet.chart_png:
        for value, names in sheet.spectrum:
            pdf.runs([("B", f"{stance.sign(value)}: "), ("", ", ".join(names))], 9.5, bullet="•")
    if sheet.mentions:
        pdf.runs([("B", "Mentions, takes no side: "), ("", ", ".join(sheet.mentions))], 9)
    pdf.heading("Contrasting quotes", 2)
    if sheet.one_sided:
        note = "Every voice placed here stands on the same side: these quotes differ in degree."
        pdf.para(note, size=8.5, style="I", colour=GREY)
    for quote in sheet.quotes:
        pdf.runs([("B", f"Stance {stance.sign(quote.stance)}: "), ("", quote.card.voice)], 9)
        pdf.card(quote.card.quote, quote.card.speaker, _cite(quote.card))
    pdf.heading("Questions for discussion", 2)
    for i, q in enumerate(sheet.questions, 1):
        pdf.runs([("", q.text)], 10, bullet=f"{i}.")
    pdf.heading("What the corpus leaves out", 2)
    pdf.runs([("B", "Silent on this topic: "), ("", ", ".join(sheet.silent) or "none")], 9)
    pdf.runs([("B", "The corpus as a whole (last page): "), ("", spots)], 9)


def _fit(scratch: Printer, sheet: TopicSheet, spots: str) -> tuple[float, float]:
    """The largest scale at which the sheet's text leaves room for its chart on one page, and
    the chart's height there: the chart takes what is left, up to its full-width height."""
    natural = 0.0
    if sheet.chart_png:
        width, height = picture_size(sheet.chart_png)
        natural = CHART_W * height / width
    for scale in SCALES:
        scratch.scale = scale
        scratch.add_page()
        first = scratch.page
        _sheet(scratch, sheet, spots, None)
        room = scratch.page_break_trigger - scratch.y - 2
        if scratch.page == first and room >= min(natural, CHART_MIN_H):
            return scale, min(natural, room)
    return SCALES[-1], CHART_MIN_H


def handout_pdf(handout: SeminarHandout) -> bytes:
    title = f"Seminar handout: {handout.corpus_name}"
    pdf = Printer(title)
    pdf.add_page()
    pdf.heading(title, 0)
    pdf.para(f"Stance runs from −2 ({handout.low_name}) to +2 ({handout.high_name}).")
    pdf.heading("Topics", 1)
    for i, sheet in enumerate(handout.sheets, 2):
        parts = [("B", sheet.label), ("", f": {sheet.question} "), ("g", f"(page {i})")]
        pdf.runs(parts, 10.5, bullet="•")
    pdf.para(
        "Each topic has a page: where the voices stand, contrasting quotes with their sources, "
        "three questions for discussion and what the corpus leaves out.",
        size=9,
        style="I",
        colour=GREY,
    )
    spots = "; ".join(title for title, _ in handout.blind_spots) or "none recorded"
    scratch = Printer(title, use_unicode=pdf.unicode)
    for sheet in handout.sheets:
        pdf.scale, chart_h = _fit(scratch, sheet, spots)
        pdf.add_page()
        _sheet(pdf, sheet, spots, chart_h)
    pdf.scale = 1.0
    pdf.add_page()
    pdf.heading("What these texts leave out", 1)
    for name, text in handout.blind_spots:
        pdf.runs([("B", name), ("", f": {text}" if text else "")], 9.5, bullet="•")
    _sources(pdf, handout.sources)
    return pdf.output_bytes()


def guide_pdf(guide: ReadingGuide) -> bytes:
    s = guide.source
    pdf = Printer(f"Reading guide: {s.title}")
    pdf.add_page()
    pdf.heading(f"Reading guide: {s.title}", 0)
    pdf.para(s.byline, size=9.5, style="I", colour=GREY)
    pdf.runs([("B", "Genre: "), ("", guide.genre)])
    for label, text in (
        ("About the date: ", guide.date_note),
        ("About the outlet: ", guide.outlet_note),
        ("About this copy: ", guide.text_note),
    ):
        if text:
            pdf.runs([("B", label), ("", text)], 9.5)
    if guide.has_guide:
        pdf.heading("Thesis", 1)
        pdf.para(guide.thesis)
        if guide.structure:
            pdf.heading("Structure", 1)
            pdf.para(guide.structure)
        pdf.heading("Evidence it relies on", 1)
        for item in guide.evidence:
            pdf.runs([("", item)], 10, bullet="•")
        pdf.heading("Cautions", 1)
        for item in guide.cautions:
            pdf.runs([("", item)], 10, bullet="•")
    else:
        pdf.para("No reading guide has been written for this document yet.", style="I")
    pdf.heading("Voices in this text", 1)
    for name, role, relation in guide.voices:
        pdf.runs(
            [("B", name), ("", f" ({role or 'role not stated'}; {relation})")], 9.5, bullet="•"
        )
    pdf.heading("Positions it takes", 1)
    for p in guide.positions:
        pdf.runs(
            [("B", f"{p.topic}, {p.voice}"), ("", f" ({p.stance}): {p.summary}")], 9.5, bullet="•"
        )
    _sources(pdf, guide.sources)
    return pdf.output_bytes()
