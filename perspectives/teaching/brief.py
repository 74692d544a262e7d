"""Debate briefs: the case for one side of a motion, built only from the corpus.

    motion = corpus.motion("cap-increases")   # or custom_motion(...)
    brief = build_brief(corpus, motion, "opposition")

A side defends one pole of the motion's topic axis (the proposition defends
`motion.proposition`); its case is the positions whose stance lies on that side of 0. Every
sentence of a brief is a curated summary or label from the corpus, or one of the fixed templates
of `perspectives.cards` and `perspectives.questions` around one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from perspectives.corpus.entities import Motion, Position
from perspectives.corpus.model import Corpus
from perspectives.teaching.answer_pool import share_out
from perspectives.teaching.evidence_cards import (
    KINDS,
    Argument,
    Card,
    Figure,
    Source,
    argument,
    figure,
    kind_heading,
    sources_of,
    strength,
)
from perspectives.teaching.questions import DiscussionQuestion, brief_questions
from perspectives.views.compare import contested, positions_answering

Side = Literal["proposition", "opposition"]
SIDES: tuple[str, ...] = ("proposition", "opposition")
MAX_LINES, MAX_ANSWERS, MAX_FIGURES, MAX_QUESTIONS = 4, 3, 8, 5


@dataclass(frozen=True)
class Line:
    """A line of argument: the side's positions that turn on one or two kinds of disagreement."""

    heading: str
    kinds: tuple[str | None, ...]
    arguments: tuple[Argument, ...]


@dataclass(frozen=True)
class Answer:
    """A position that meets an attack. `link` says why it is listed: "explicit" when one text
    replies to the other (`answers`, in either direction), "contests" when the corpus records
    that the two dispute the same claim, "stance" when it only stands on the opposite side of
    the axis."""

    argument: Argument
    link: Literal["explicit", "contests", "stance"]
    quote: int = 0  # which of the argument's cards the brief shows with this answer

    @property
    def card(self) -> Card | None:
        cards = self.argument.cards
        return cards[self.quote % len(cards)] if cards else None


@dataclass(frozen=True)
class Attack:
    argument: Argument
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Weight:
    """How much evidence one side of a topic's axis holds in the corpus."""

    voices: int
    documents: int
    quotes: int

    def thin_beside(self, other: Weight) -> bool:
        """Whether this side rests on one voice or one quote, or on at most half the quotes of
        the other side, while the other has more (a side with none is not thin: the brief says
        it is empty; two sides of one voice and one quote each are even, neither is thin)."""
        if not self.quotes or not other.quotes:
            return False
        weaker = self.voices <= other.voices and self.quotes <= other.quotes and self != other
        return weaker and (self.voices == 1 or self.quotes == 1 or 2 * self.quotes <= other.quotes)


def weight(positions: list[Position]) -> Weight:
    return Weight(
        voices=len({p.voice for p in positions}),
        documents=len({p.document for p in positions}),
        quotes=sum(len(p.evidence) for p in positions),
    )


@dataclass(frozen=True)
class DebateBrief:
    corpus_name: str
    motion_id: str | None  # None for a motion written by the user
    motion_text: str
    topic_id: str
    topic_label: str
    topic_question: str
    side: str  # proposition | opposition
    pole: str  # low | high: the pole this side defends
    pole_label: str  # the topic's words for that pole
    other_pole_label: str
    orientation_label: str  # the corpus' words for that end of every axis
    lines: tuple[Line, ...]
    attacks: tuple[Attack, ...]
    figures: tuple[Figure, ...]
    questions: tuple[DiscussionQuestion, ...]
    common_ground: tuple[Argument, ...]  # balanced, mixed or mentions positions
    silent: tuple[str, ...]  # names of the voices with no position on the topic
    sources: tuple[Source, ...]
    ours: Weight  # the evidence of our side, and of the other
    theirs: Weight

    @property
    def thin(self) -> tuple[str, ...]:
        """The sides ("ours", "theirs") that rest on much less evidence than the other."""
        return tuple(
            name
            for name, side, other in (
                ("ours", self.ours, self.theirs),
                ("theirs", self.theirs, self.ours),
            )
            if side.thin_beside(other)
        )

    @property
    def arguments(self) -> tuple[Argument, ...]:
        return tuple(a for line in self.lines for a in line.arguments)

    def counts(self) -> dict[str, int]:
        return {
            "lines": len(self.lines),
            "arguments": len(self.arguments),
            "cards": sum(len(a.cards) for a in self.arguments),
            "attacks": len(self.attacks),
            "answers": sum(len(a.answers) for a in self.attacks),
            "figures": len(self.figures),
            "questions": len(self.questions),
            "common_ground": len(self.common_ground),
            "silent": len(self.silent),
            "sources": len(self.sources),
        }


MOTION_TEXT_LIMIT = 300  # characters of a user's own motion wording


def custom_motion(corpus: Corpus, topic_id: str, pole: str, text: str | None = None) -> Motion:
    """A motion written by the user; without wording, a fixed template around the pole label.
    Wording over MOTION_TEXT_LIMIT characters is refused (the form, the url and the CLI alike)."""
    topic = corpus.topic(topic_id)
    if pole not in ("low", "high"):
        raise ValueError(f"pole must be 'low' or 'high', not {pole!r}")
    wording = (text or "").strip()
    if len(wording) > MOTION_TEXT_LIMIT:
        raise ValueError(
            f"the motion's wording has {len(wording)} characters; at most {MOTION_TEXT_LIMIT}"
        )
    if not wording:
        wording = f"On “{topic.question}”, this House holds: {getattr(topic.poles, pole)}"
    return Motion(id="custom", topic=topic_id, text=wording, proposition=pole)


def side_pole(motion: Motion, side: str) -> str:
    """The pole a side defends: the proposition defends `motion.proposition`."""
    if side not in SIDES:
        raise ValueError(f"side must be 'proposition' or 'opposition', not {side!r}")
    if side == "proposition":
        return motion.proposition
    return "high" if motion.proposition == "low" else "low"


def on_side(position: Position, pole: str) -> bool:
    """Whether a position's stance lies on the `pole` side of 0 (a 0 or no stance is on none)."""
    if position.stance is None or position.stance == 0:
        return False
    return (position.stance < 0) == (pole == "low")


def group_lines(corpus: Corpus, positions: list[Position]) -> tuple[Line, ...]:
    """Two to four lines of argument from the side's positions, strongest first.

    Positions are grouped by kind of disagreement; past four groups the two smallest adjacent
    ones are merged; a single kind is split by camp, or if one camp holds it all, by document.
    With one position, or one kind from one camp in one document, there is one line.
    """
    ordered = sorted(positions, key=strength)
    groups: dict[str | None, list[Position]] = {}
    for position in ordered:
        groups.setdefault(position.disagreement, []).append(position)
    lines = [([kind], members) for kind, members in groups.items()]
    while len(lines) > MAX_LINES:
        sizes = [len(lines[i][1]) + len(lines[i + 1][1]) for i in range(len(lines) - 1)]
        i = sizes.index(min(sizes))
        kinds = sorted(lines[i][0] + lines[i + 1][0], key=_kind_order)
        lines[i : i + 2] = [(kinds, sorted(lines[i][1] + lines[i + 1][1], key=strength))]
    if len(lines) == 1 and len(ordered) >= 2:
        return _split(corpus, lines[0][0], ordered)
    return tuple(
        Line(kind_heading(kinds), tuple(kinds), tuple(argument(corpus, p) for p in members))
        for kinds, members in lines
    )


def _kind_order(kind: str | None) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def _split(corpus: Corpus, kinds: list, ordered: list[Position]) -> tuple[Line, ...]:
    """One kind of disagreement split into lines by camp, or else by document."""
    heading = kind_heading(kinds)
    ways = (
        (lambda p: corpus.voice(p.voice).camp or "", lambda key: corpus.camp(key).name),
        (lambda p: p.document, lambda key: f"as argued in “{corpus.document(key).title}”"),
    )
    for key_of, name_of in ways:  # noqa: B007 (name_of is used after the loop)
        groups: dict[str, list[Position]] = {}
        for position in ordered:
            groups.setdefault(key_of(position), []).append(position)
        if len(groups) >= 2:
            break
    else:
        return (Line(heading, tuple(kinds), tuple(argument(corpus, p) for p in ordered)),)
    named = [(f"{heading}: {name_of(key)}", members) for key, members in groups.items()]
    if len(named) > MAX_LINES:  # the weakest groups share the last line
        rest = sorted((p for _, members in named[MAX_LINES - 1 :] for p in members), key=strength)
        named = named[: MAX_LINES - 1] + [(f"{heading}: other voices", rest)]
    return tuple(
        Line(title, tuple(kinds), tuple(argument(corpus, p) for p in members))
        for title, members in named
    )


def linked_answers(corpus: Corpus, attack: Position, pole: str) -> tuple[Answer, ...]:
    """The positions the corpus links to an attack, not on the attack's side: replies
    (`answers`, either direction) first, then those that dispute the same claim (`contests`)."""
    other = "low" if pole == "high" else "high"
    known = corpus.position_index
    replies = {p.id for p in positions_answering(corpus, attack.id)}
    replies |= {target for target in attack.answers if _exists(corpus, target)}
    explicit = [corpus.position_by_id(i) for i in sorted(replies, key=known)]
    disputing = [corpus.position_by_id(i) for i in contested(corpus, attack.id)]
    found: dict[str, Answer] = {}
    for link, linked in (("explicit", explicit), ("contests", disputing)):
        chosen = [p for p in linked if p.stance is not None]
        for p in sorted(chosen, key=strength):
            if not on_side(p, other) and p.id not in found:
                found[p.id] = Answer(argument(corpus, p), link)  # type: ignore[arg-type]
    return tuple(found.values())


def _exists(corpus: Corpus, position_id: str) -> bool:
    try:
        corpus.position_index(position_id)
    except KeyError:
        return False
    return True


def all_answers(corpus: Corpus, attacks: list[Position], pole: str) -> list[tuple[Answer, ...]]:
    """Each attack's answers: the linked ones where the corpus has them; else the side's own
    positions by stance, same kind of disagreement first, shared out: each attack takes the
    least used position first, a second or third answer only from positions not used yet, and
    with two or more attacks no position answers all of them (an attack left without one
    says so in the brief)."""
    ours = [p for p in corpus.positions_for_topic(attacks[0].topic) if on_side(p, pole)]
    answers = [linked_answers(corpus, attack, pole) for attack in attacks]
    unlinked = [i for i, found in enumerate(answers) if not found]
    used: dict[str, int] = {}  # attacks each position answers, linked ones included
    for found in answers:
        for answer in found:
            used[answer.argument.position_id] = used.get(answer.argument.position_id, 0) + 1
    kinds = [attack.disagreement for attack in attacks]
    for i, given in share_out(ours, kinds, unlinked, used, MAX_ANSWERS).items():
        answers[i] += tuple(Answer(argument(corpus, p), "stance") for p in given)
    return _rotated(answers)


def _rotated(answers: list[tuple[Answer, ...]]) -> list[tuple[Answer, ...]]:
    """The same answering position shows its next quote each time it answers another attack,
    so that a position linked to several attacks does not meet them all with one quote."""
    uses: dict[str, int] = {}
    rotated = []
    for found in answers:
        turned = []
        for answer in found:
            n = uses.get(answer.argument.position_id, 0)
            uses[answer.argument.position_id] = n + 1
            turned.append(replace(answer, quote=n))
        rotated.append(tuple(turned))
    return rotated


def worth_citing(corpus: Corpus, topic_id: str, side: list[Position], other: list[Position]):
    """The topic's claims from the side's documents, leaving out those stated by a voice the
    other side holds; if the side's documents have none, the topic's other claims."""
    documents = {p.document for p in side}
    against = {p.voice for p in other}
    claims = [c for c in corpus.claims_for_topic(topic_id) if c.voice not in against]
    chosen = [c for c in claims if c.document in documents] or claims
    return tuple(figure(corpus, c) for c in chosen[:MAX_FIGURES])


def build_brief(corpus: Corpus, motion: Motion, side: str) -> DebateBrief:
    """The brief for `side` of `motion` (a curated motion or one from `custom_motion`)."""
    topic = corpus.topic(motion.topic)
    pole = side_pole(motion, side)
    other_pole = "high" if pole == "low" else "low"
    positions = list(corpus.positions_for_topic(topic.id))
    ours = [p for p in positions if on_side(p, pole)]
    theirs = sorted((p for p in positions if on_side(p, other_pole)), key=strength)
    answers = all_answers(corpus, theirs, pole) if theirs else []
    attacks = tuple(Attack(argument(corpus, p), a) for p, a in zip(theirs, answers, strict=True))
    common = [p for p in positions if p.stance in (None, 0) or p.state == "mixed"]
    lines = group_lines(corpus, ours)
    figures = worth_citing(corpus, topic.id, ours, theirs)
    shown = [a for line in lines for a in line.arguments]
    shown += [x for a in attacks for x in (a.argument, *(y.argument for y in a.answers))]
    cited = {c.document_id for a in shown for c in a.cards}
    cited |= {f.card.document_id for f in figures} | {p.document for p in common}
    return DebateBrief(
        corpus_name=corpus.name,
        motion_id=motion.id if motion in corpus.motions else None,
        motion_text=motion.text,
        topic_id=topic.id,
        topic_label=topic.label,
        topic_question=topic.question,
        side=side,
        pole=pole,
        pole_label=getattr(topic.poles, pole),
        other_pole_label=getattr(topic.poles, other_pole),
        orientation_label=getattr(corpus.orientation, pole).label,
        lines=lines,
        attacks=attacks,
        figures=figures,
        questions=brief_questions(corpus, topic, theirs, pole)[:MAX_QUESTIONS],
        common_ground=tuple(argument(corpus, p) for p in sorted(common, key=strength)),
        silent=tuple(v.name for v in corpus.silent_voices(topic.id)),
        sources=sources_of(corpus, cited),
        ours=weight(ours),
        theirs=weight(theirs),
    )
