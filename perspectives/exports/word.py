"""Briefs, handouts and reading guides as Word documents (python-docx), for teachers and
debaters who want to edit before printing. Each topic of a handout starts on a new page."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Cm, Pt, RGBColor

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

GREY = RGBColor(0x55, 0x55, 0x55)
CHART_WIDTH = Cm(16)


def _new(title: str) -> DocxDocument:
    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.author = "Perspectives"
    doc.styles["Normal"].font.size = Pt(10.5)
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(1.8)
    doc.add_heading(title, level=0)
    return doc


def _bytes(doc: DocxDocument) -> bytes:
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _labelled(doc: DocxDocument, label: str, text: str, style: str | None = None) -> None:
    paragraph = doc.add_paragraph(style=style)
    paragraph.add_run(label).bold = True
    paragraph.add_run(text)


def _note(doc: DocxDocument, text: str) -> None:
    run = doc.add_paragraph().add_run(text)
    run.italic = True
    run.font.color.rgb = GREY


def _card(doc: DocxDocument, card: Card) -> None:
    doc.add_paragraph(f"“{card.quote}”", style="Quote")
    cite = doc.add_paragraph()
    cite.paragraph_format.left_indent = Cm(1)
    run = cite.add_run(f"— {card.speaker}. ")
    run.font.size = Pt(9)
    title = cite.add_run(card.document_title)
    title.italic = True
    title.font.size = Pt(9)
    rest = cite.add_run(f", {card.outlet}, {card.date_label}, paragraph {card.paragraph}.")
    rest.font.size = Pt(9)


def _argument(doc: DocxDocument, arg: Argument, heading: str, level: int, cards: int = 3) -> None:
    kind = f" · disagreement: {arg.disagreement}" if arg.disagreement else ""
    doc.add_heading(f"{heading}{arg.voice} · {stance.printed(arg.stance, arg.state)}", level=level)
    meta = doc.add_paragraph().add_run(f"{arg.camp}{kind}")
    meta.font.color.rgb = GREY
    doc.add_paragraph(arg.summary)
    for card in arg.cards[:cards]:
        _card(doc, card)


def _sources(doc: DocxDocument, sources: tuple[Source, ...]) -> None:
    doc.add_heading("Sources", level=1)
    for s in sources:
        paragraph = doc.add_paragraph(style="List Number")
        paragraph.add_run(s.title).bold = True
        url = f" {s.url}" if s.url else ""
        paragraph.add_run(f". {s.byline}. {s.genre}.{url}")


def brief_docx(brief: DebateBrief) -> bytes:
    doc = _new(brief_title(brief))
    _labelled(doc, "Motion: ", brief.motion_text)
    _labelled(doc, "Topic: ", brief.topic_question)
    doc.add_paragraph().add_run(side_line(brief)).bold = True
    _note(doc, NOTHING_INVENTED)
    doc.add_heading("1. The case for our side", level=1)
    if not brief.lines:
        doc.add_paragraph("No voice in the corpus stands on this side of the axis.")
    for i, line in enumerate(brief.lines, 1):
        doc.add_heading(f"Line {i}: {line.heading}", level=2)
        for arg in line.arguments:
            _argument(doc, arg, "", level=3)
    doc.add_heading("2. Attacks to expect, and answers", level=1)
    if not brief.attacks:
        doc.add_paragraph("No voice in the corpus stands on the other side of the axis.")
    for i, attack in enumerate(brief.attacks, 1):
        _argument(doc, attack.argument, f"Attack {i}: ", level=2, cards=1)
        doc.add_paragraph().add_run("Answers").bold = True
        for answer in attack.answers:
            a = answer.argument
            paragraph = doc.add_paragraph(style="List Bullet")
            paragraph.add_run(f"{ANSWER_LINKS[answer.link]}: ").italic = True
            paragraph.add_run(a.voice).bold = True
            paragraph.add_run(
                f" ({stance.printed(a.stance, a.state)}): {answer_text(brief, answer)}"
            )
            c = a.cards[0]
            quote = paragraph.add_run(f" “{c.quote}” ({c.document_title}, paragraph {c.paragraph})")
            quote.font.color.rgb = GREY
        if not attack.answers:
            doc.add_paragraph("No position in the corpus answers this one.", style="List Bullet")
    doc.add_heading("3. Figures worth citing", level=1)
    for f in brief.figures:
        paragraph = doc.add_paragraph(style="List Bullet")
        paragraph.add_run(f.figure).bold = True
        paragraph.add_run(f": {f.about}; {f.caveat}.")
        c = f.card
        quote = paragraph.add_run(f" “{c.quote}” ({c.document_title}, paragraph {c.paragraph})")
        quote.font.color.rgb = GREY
    if not brief.figures:
        doc.add_paragraph("The corpus records no figures for this side of the topic.")
    doc.add_heading("4. Questions to put to the other side", level=1)
    for q in brief.questions:
        doc.add_paragraph(q.text, style="List Number")
        about = doc.add_paragraph()
        about.paragraph_format.left_indent = Cm(1.25)
        about.add_run(f"{q.voices[0]}'s position: ").italic = True
        about.add_run(q.about).font.color.rgb = GREY
    doc.add_heading("5. Common ground", level=1)
    _note(doc, COMMON_GROUND_NOTE)
    for arg in brief.common_ground:
        paragraph = doc.add_paragraph(style="List Bullet")
        paragraph.add_run(arg.voice).bold = True
        paragraph.add_run(f" ({stance.printed(arg.stance, arg.state)}): {arg.summary}")
    if not brief.common_ground:
        doc.add_paragraph("No voice holds a balanced, mixed or neutral position on this topic.")
    _labelled(doc, "Silent on this topic: ", ", ".join(brief.silent) or "none")
    _sources(doc, brief.sources)
    return _bytes(doc)


def _sheet(doc: DocxDocument, sheet: TopicSheet) -> None:
    doc.add_heading(sheet.label, level=1)
    doc.add_paragraph().add_run(sheet.question).bold = True
    if sheet.description:
        doc.add_paragraph(sheet.description)
    _labelled(doc, "−2: ", sheet.low_label)
    _labelled(doc, "+2: ", sheet.high_label)
    if sheet.chart_png:
        doc.add_picture(BytesIO(sheet.chart_png), width=CHART_WIDTH)
    else:
        for value, names in sheet.spectrum:
            doc.add_paragraph(f"{stance.sign(value)}: {', '.join(names)}", style="List Bullet")
    if sheet.mentions:
        _labelled(doc, "Mentions, takes no side: ", ", ".join(sheet.mentions))
    doc.add_heading("Contrasting quotes", level=2)
    if sheet.one_sided:
        _note(
            doc, "Every voice placed here stands on the same side: these quotes differ in degree."
        )
    for quote in sheet.quotes:
        _labelled(doc, f"Stance {stance.sign(quote.stance)}: ", quote.card.voice)
        _card(doc, quote.card)
    doc.add_heading("Questions for discussion", level=2)
    for q in sheet.questions:
        doc.add_paragraph(q.text, style="List Number")
    doc.add_heading("What the corpus leaves out", level=2)
    _labelled(doc, "Silent on this topic: ", ", ".join(sheet.silent) or "none")
    doc.add_paragraph("The corpus as a whole: see “What these texts leave out” at the end.")


def handout_docx(handout: SeminarHandout) -> bytes:
    doc = _new(f"Seminar handout: {handout.corpus_name}")
    doc.add_paragraph(f"Stance runs from −2 ({handout.low_name}) to +2 ({handout.high_name}).")
    for sheet in handout.sheets:
        doc.add_page_break()
        _sheet(doc, sheet)
    doc.add_page_break()
    doc.add_heading("What these texts leave out", level=1)
    for title, text in handout.blind_spots:
        paragraph = doc.add_paragraph(style="List Bullet")
        paragraph.add_run(title).bold = True
        paragraph.add_run(f": {text}" if text else "")
    _sources(doc, handout.sources)
    return _bytes(doc)


def guide_docx(guide: ReadingGuide) -> bytes:
    s = guide.source
    doc = _new(f"Reading guide: {s.title}")
    doc.add_paragraph().add_run(s.byline).italic = True
    _labelled(doc, "Genre: ", guide.genre)
    for label, text in (
        ("About the date: ", guide.date_note),
        ("About the outlet: ", guide.outlet_note),
        ("About this copy: ", guide.text_note),
    ):
        if text:
            _labelled(doc, label, text)
    if guide.has_guide:
        doc.add_heading("Thesis", level=1)
        doc.add_paragraph(guide.thesis)
        if guide.structure:
            doc.add_heading("Structure", level=1)
            doc.add_paragraph(guide.structure)
        doc.add_heading("Evidence it relies on", level=1)
        for item in guide.evidence:
            doc.add_paragraph(item, style="List Bullet")
        doc.add_heading("Cautions", level=1)
        for item in guide.cautions:
            doc.add_paragraph(item, style="List Bullet")
    else:
        _note(doc, "No reading guide has been written for this document yet.")
    doc.add_heading("Voices in this text", level=1)
    for name, role, relation in guide.voices:
        paragraph = doc.add_paragraph(style="List Bullet")
        paragraph.add_run(name).bold = True
        paragraph.add_run(f" ({role or 'role not stated'}; {relation})")
    doc.add_heading("Positions it takes", level=1)
    for p in guide.positions:
        paragraph = doc.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{p.topic}, {p.voice}").bold = True
        paragraph.add_run(f" ({p.stance}): {p.summary}")
    _sources(doc, guide.sources)
    return _bytes(doc)
