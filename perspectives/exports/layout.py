"""The one printed layout: what a debate brief, a seminar handout and a reading guide say, in
what order, as blocks (`exports.blocks`). The Markdown, DOCX and PDF writers and the Streamlit
view render these blocks and nothing else, so a change of wording or order is made here once.

    layout = brief_layout(build_brief(corpus, motion, "opposition"))

Every word is the corpus' own or one of the fixed phrases below; every stance sign or word comes
from `perspectives.stance`.
"""

from __future__ import annotations

from perspectives import stance
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
    Section,
    Size,
)
from perspectives.teaching.brief import DebateBrief, Weight
from perspectives.teaching.evidence_cards import Argument, Card, Source
from perspectives.teaching.guide import ReadingGuide
from perspectives.teaching.handout import SeminarHandout, TopicSheet
from perspectives.wording import counted

NOTHING_INVENTED = (
    "Every sentence of this brief is a curated summary from the corpus or a fixed template "
    "around one; every quote is verbatim, with its source."
)
COMMON_GROUND_NOTE = (
    "The corpus records no concessions as such. Listed here are the positions that take no "
    "side, are balanced (0) or hold both readings (mixed), and the voices silent on the topic."
)
ANSWER_LINKS = {
    "explicit": "Replies in the texts",
    "contests": "Disputes the same claim",
    "stance": "Opposite stance, not linked",
}
NO_CASE = "No voice in the corpus stands on this side of the axis."
NO_ATTACK = "No voice in the corpus stands on the other side of the axis."
NO_ANSWER = "No position in the corpus answers this one."
ANSWERED_ELSEWHERE = (
    "No position is linked to this attack, and each of our side's positions already answers "
    "another one: meet it from the case above, or concede it."
)
NO_FIGURES = "The corpus records no figures or claims for this side of the topic."
NO_COMMON = "No voice holds a balanced, mixed or neutral position on this topic."
ONE_SIDED = "Every voice placed here stands on the same side: these quotes differ in degree."
NO_GUIDE = "No reading guide has been written for this document yet."
EACH_TOPIC = (
    "Each topic has a page of its own: the question, where the voices stand, contrasting quotes "
    "with their sources, questions for discussion and what the corpus leaves out."
)
LEAVES_OUT = "What these texts leave out"
THIN_SIDE = {
    "ours": "Thin side: our side rests on much less evidence than the other (one voice or one "
    "quote, or half the quotes or fewer); expect to be pressed on it.",
    "theirs": "Thin side: the other side rests on much less evidence than ours (one voice or "
    "one quote, or half the quotes or fewer); its attacks below are few.",
}


def brief_title(brief: DebateBrief) -> str:
    return f"Debate brief for the {brief.side}: {brief.topic_label}"


def side_line(brief: DebateBrief) -> str:
    end = stance.end_sign("low" if brief.pole == "low" else "high")
    return (
        f"Our side: the {brief.side}, defending “{brief.pole_label}” (the {end} end of the "
        f"axis: {brief.orientation_label}); the other side defends “{brief.other_pole_label}”."
    )


def evidence_count(weight: Weight) -> str:
    """ "2 voices, 1 document, 3 quotes" (singular where one)."""
    return ", ".join(
        counted(n, word)
        for n, word in (
            (weight.voices, "voice"),
            (weight.documents, "document"),
            (weight.quotes, "quote"),
        )
    )


def balance(brief: DebateBrief) -> tuple[Block, ...]:
    """How much evidence each side has; when one side is thin, a plain notice first."""
    counts = labelled(
        "Evidence in the corpus",
        f"our side {evidence_count(brief.ours)}; the other side {evidence_count(brief.theirs)}.",
        "small",
    )
    notices = [Paragraph((Run(THIN_SIDE[name], bold=True),)) for name in brief.thin]
    return (*notices, counts)


def answer_text(brief: DebateBrief, answer) -> str:
    """An answer's summary, or a pointer to the line of our case that already gives it."""
    for number, line in enumerate(brief.lines, 1):
        if any(a.position_id == answer.argument.position_id for a in line.arguments):
            return f"see our case, line {number}."
    return answer.argument.summary


def labelled(label: str, text: str, size: Size = "normal") -> Paragraph:
    """ "Label: text", the label in bold."""
    return Paragraph((Run(f"{label}: ", bold=True), Run(text)), size)


def quote(card: Card) -> Quote:
    where = f"{card.outlet}, {card.date_label}"
    return Quote(card.quote, card.speaker, card.document_title, where, card.paragraph)


def argument(arg: Argument, cards: int = 3) -> Group:
    """A position as a brief argues it: the voice and its stance, camp and kind of
    disagreement, the curated summary, then up to `cards` verbatim quotes."""
    kind = f" · disagreement: {arg.disagreement}" if arg.disagreement else ""
    blocks: list[Block] = [
        Heading(arg.voice, 3, stance.printed(arg.stance, arg.state)),
        Paragraph((Run(f"{arg.camp}{kind}", muted=True),), "small"),
        Paragraph((Run(arg.summary),)),
    ]
    return Group((*blocks, *(quote(c) for c in arg.cards[:cards])))


def voice_item(arg: Argument, text: str, lead: str = "", card: Card | None = None) -> Item:
    """ "Name (−1, asserts): text", with `card` (by default the position's first quote)."""
    runs: Runs = (Run(lead, italic=True),) if lead else ()
    runs += (Run(arg.voice, bold=True), Run(f" ({stance.printed(arg.stance, arg.state)}): {text}"))
    shown = card or (arg.cards[0] if arg.cards else None)
    return Item(runs, quote=quote(shown) if shown else None)


def sources(items: tuple[Source, ...]) -> Section:
    blocks: list[Block] = [Heading("Sources", 1)]
    for number, s in enumerate(items, 1):
        runs: Runs = (Run(s.title, bold=True), Run(f". {s.byline}. {s.genre}."))
        if s.url:
            runs += (Run(" "), Run(s.url, url=True))
        blocks.append(Item(runs, number))
    return Section("sources", tuple(blocks))


def brief_layout(brief: DebateBrief) -> Layout:
    title = brief_title(brief)
    about = (
        Heading(title, 0),
        Paragraph((Run(brief.corpus_name, italic=True, muted=True),), "small"),
        labelled("Motion", brief.motion_text),
        labelled("Topic", brief.topic_question),
    )
    side = (
        Paragraph((Run(side_line(brief), bold=True),)),
        *balance(brief),
        Note(NOTHING_INVENTED),
    )
    case: list[Block] = [Heading("1. The case for our side", 1)]
    if not brief.lines:
        case.append(Note(NO_CASE, empty=True))
    for number, line in enumerate(brief.lines, 1):
        case.append(Heading(f"Line {number}: {line.heading}", 2))
        case += [argument(a) for a in line.arguments]
    attacks: list[Block] = [Heading("2. Attacks to expect, and answers", 1)]
    if not brief.attacks:
        attacks.append(Note(NO_ATTACK, empty=True))
    for number, attack in enumerate(brief.attacks, 1):
        attacks += [Heading(f"Attack {number}", 2), argument(attack.argument, cards=1)]
        attacks.append(Paragraph((Run("Answers", bold=True),)))
        for answer in attack.answers:
            text = answer_text(brief, answer)
            lead = f"{ANSWER_LINKS[answer.link]}: "
            attacks.append(voice_item(answer.argument, text, lead, answer.card))
        if not attack.answers:
            attacks.append(Note(ANSWERED_ELSEWHERE if brief.lines else NO_ANSWER))
    figures: list[Block] = [Heading("3. Figures and claims worth citing", 1)]
    figures += [
        Figure(f.figure, f.about, f.caveat, quote(f.card), f.caution) for f in brief.figures
    ]
    if not brief.figures:
        figures.append(Note(NO_FIGURES, empty=True))
    questions: list[Block] = [Heading("4. Questions to put to the other side", 1)]
    for number, q in enumerate(brief.questions, 1):
        detail = (Run(f"{q.voices[0]}'s position: ", italic=True), Run(q.about, muted=True))
        questions.append(Item((Run(q.text),), number, detail))
    common: list[Block] = [Heading("5. Common ground", 1), Note(COMMON_GROUND_NOTE)]
    common += [voice_item(a, a.summary) for a in brief.common_ground]
    if not brief.common_ground:
        common.append(Note(NO_COMMON, empty=True))
    common.append(labelled("Silent on this topic", ", ".join(brief.silent) or "none"))
    return Layout(
        title,
        (
            Section("about", about),
            Section("side", side),
            Section("case", tuple(case)),
            Section("attacks", tuple(attacks)),
            Section("figures", tuple(figures)),
            Section("questions", tuple(questions)),
            Section("common", tuple(common)),
            sources(brief.sources),
        ),
    )


def spectrum_items(sheet: TopicSheet) -> tuple[Item, ...]:
    """Where the voices stand, in words: "−2: Name, Name" from the low end to the high one."""
    return tuple(
        Item((Run(f"{stance.sign(value)}: ", bold=True), Run(", ".join(names))))
        for value, names in sheet.spectrum
    )


def corpus_gaps(spots: tuple[tuple[str, str], ...]) -> str:
    return "; ".join(title for title, _ in spots) or "none recorded"


def topic_section(sheet: TopicSheet, gaps: str) -> Section:
    """One topic of a handout (a page of its own in print); `gaps` names the corpus' blind
    spots, written out in full at the end."""
    blocks: list[Block] = [
        Heading(sheet.label, 1),
        Paragraph((Run(sheet.question, bold=True),), "large"),
    ]
    if sheet.description:
        blocks.append(Paragraph((Run(sheet.description),), "small"))
    blocks.append(Paragraph((Run(sheet.axis),), "small"))
    blocks.append(Image(sheet.chart, spectrum_items(sheet), sheet.topic_id))
    if sheet.mentions:
        blocks.append(labelled(stance.NO_SIDE.capitalize(), ", ".join(sheet.mentions), "small"))
    blocks.append(Heading("Contrasting quotes", 2))
    if sheet.one_sided:
        blocks.append(Note(ONE_SIDED))
    for q in sheet.quotes:
        label = f"Stance {stance.sign(q.stance)}"
        blocks += [labelled(label, q.card.voice, "small"), quote(q.card)]
    blocks.append(Heading("Questions for discussion", 2))
    blocks += [Item((Run(q.text),), n) for n, q in enumerate(sheet.questions, 1)]
    blocks.append(Heading("What the corpus leaves out", 2))
    blocks.append(labelled("Silent on this topic", ", ".join(sheet.silent) or "none", "small"))
    blocks.append(
        Paragraph(
            (
                Run("The corpus as a whole: ", bold=True),
                Run(f"{gaps} (see “{LEAVES_OUT}” at the end)."),
            ),
            "small",
        )
    )
    return Section("topic", tuple(blocks))


def blind_spots_section(handout: SeminarHandout) -> Section:
    items = tuple(
        Item((Run(title, bold=True), Run(f": {text}" if text else "")))
        for title, text in handout.blind_spots
    )
    return Section("leaves-out", (Heading(LEAVES_OUT, 1), *items))


def handout_layout(handout: SeminarHandout) -> Layout:
    """A cover, one page per topic (`PageBreak(fit=True)`), then what the texts leave out and
    the sources on a page of their own."""
    title = f"Seminar handout: {handout.corpus_name}"
    contents = tuple(
        Item((Run(s.label, bold=True), Run(f": {s.question}"))) for s in handout.sheets
    )
    cover: tuple[Block, ...] = (
        Heading(title, 0),
        Paragraph((Run(stance.orientation_line(handout.orientation)),)),
        Paragraph((Run("Topics", bold=True),)),
        *contents,
        Note(EACH_TOPIC),
    )
    gaps = corpus_gaps(handout.blind_spots)
    sections = [Section("cover", cover)]
    for sheet in handout.sheets:
        topic = topic_section(sheet, gaps)
        sections.append(Section("topic", (PageBreak(fit=True), *topic.blocks)))
    closing = blind_spots_section(handout)
    sections.append(Section(closing.key, (PageBreak(), *closing.blocks)))
    sections.append(sources(handout.sources))
    return Layout(title, tuple(sections))


def guide_layout(guide: ReadingGuide) -> Layout:
    s = guide.source
    title = f"Reading guide: {s.title}"
    about: list[Block] = [
        Heading(title, 0),
        Paragraph((Run(s.byline, italic=True, muted=True),), "small"),
        labelled("Genre", guide.genre),
    ]
    for label, text in (
        ("About the date", guide.date_note),
        ("About the outlet", guide.outlet_note),
        ("About this copy", guide.text_note),
    ):
        if text:
            about.append(labelled(label, text))
    body: list[Block] = []
    if guide.has_guide:
        body += [Heading("Thesis", 1), Paragraph((Run(guide.thesis),))]
        if guide.structure:
            body += [Heading("Structure", 1), Paragraph((Run(guide.structure),))]
        body.append(Heading("Evidence it relies on", 1))
        body += [Item((Run(e),)) for e in guide.evidence]
        body.append(Heading("Cautions", 1))
        body += [Item((Run(c),)) for c in guide.cautions]
    else:
        body.append(Note(NO_GUIDE, empty=True))
    voices: list[Block] = [Heading("Voices in this text", 1)]
    for name, role, relation in guide.voices:
        runs = (Run(name, bold=True), Run(f" ({role or 'role not stated'}; {relation})"))
        voices.append(Item(runs))
    positions: list[Block] = [Heading("Positions it takes", 1)]
    for p in guide.positions:
        runs = (Run(f"{p.topic}, {p.voice}", bold=True), Run(f" ({p.stance}): {p.summary}"))
        positions.append(Item(runs))
    return Layout(
        title,
        (
            Section("about", tuple(about)),
            Section("guide", tuple(body)),
            Section("voices", tuple(voices)),
            Section("positions", tuple(positions)),
            sources(guide.sources),
        ),
    )
