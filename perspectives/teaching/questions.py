"""Questions for debaters and seminars: fixed templates per kind of disagreement, filled only
with voice names, pole labels and topic questions from the corpus (never invented prose)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from perspectives import stance
from perspectives.corpus.entities import Position, Topic
from perspectives.corpus.model import Corpus
from perspectives.teaching.evidence_cards import KIND_PHRASES
from perspectives.views.pairblocks import id_ranks
from perspectives.wording import counted, quoted

# Put to the other side of a debate, about one of its positions. {voice}: that voice's name,
# {theirs} / {ours}: the topic's labels of the other side's pole and of ours.
BRIEF_TEMPLATES: dict[str | None, str] = {
    "fact": "What evidence beyond {voice}'s own account supports this, and what would show it "
    "wrong?",
    "value": "{voice} reads the question as “{theirs}”. Why should the values behind that "
    "reading outweigh those behind “{ours}”?",
    "prediction": "What would have to happen for {voice}'s forecast to fail, and by when would "
    "we know?",
    "policy": "What would {voice}'s course cost, who would bear the cost, and what happens if it "
    "fails?",
    "definition": "Why call it “{theirs}” rather than “{ours}”, as {voice} does, and what "
    "follows from the name?",
    None: "What would it take for {voice} to give up this view?",
}

# For a seminar, about two voices who disagree. {a} / {b}: names; {lean_a} / {lean_b}: the
# pole label each leans to, quoted, or the words for a balanced reading.
PAIR_TEMPLATES: dict[str | None, str] = {
    "fact": "{a} reads the record as {lean_a}, {b} as {lean_b}. Which facts would settle it, "
    "and does either text supply them?",
    "value": "{a} ({lean_a}) and {b} ({lean_b}) weigh the same events differently. Which values "
    "drive each reading, and which do you share?",
    "prediction": "{a} expects {lean_a}, {b} {lean_b}. What would each predict for the next "
    "five years, and what event would prove one of them wrong?",
    "policy": "{a} argues for {lean_a}, {b} for {lean_b}. What does each course assume, and "
    "what would it cost?",
    "definition": "{a} names it {lean_a}, {b} {lean_b}. Which name fits the evidence better, and "
    "what hangs on the choice?",
}
PAIR_TEMPLATES[None] = PAIR_TEMPLATES["fact"]
# A second wording per kind, for a second pair that turns on the same kind.
PAIR_VARIANTS: dict[str | None, str] = {
    "fact": "Where exactly do {a} ({lean_a}) and {b} ({lean_b}) part company on the facts, "
    "and whose sources are stronger?",
    "value": "What would {a} ({lean_a}) have to value differently to read the question as {b} "
    "does ({lean_b})?",
    "prediction": "{a} ({lean_a}) and {b} ({lean_b}) look ahead differently. Which signs in the "
    "texts does each rely on, and which would you watch?",
    "policy": "If you advised a government, would you follow {a} ({lean_a}) or {b} "
    "({lean_b}), and which risk would you accept?",
    "definition": "Is the quarrel between {a} ({lean_a}) and {b} ({lean_b}) about words or "
    "about what happens? What would each call the same event?",
}
PAIR_VARIANTS[None] = PAIR_VARIANTS["fact"]
# How many of the farthest pairs of a topic are weighed for its questions: every pair up to
# about 200 placed positions; past that, kinds of disagreement that first appear further down
# are not sought (the closest pairs of a long reading list make poor questions anyway).
RANKED_PAIRS = 20_000
BALANCED = "something between the two poles"
# Two voices on the same side who differ only in degree.
DEGREE = (
    "{a} ({stance_a}) and {b} ({stance_b}) both lean toward “{pole}”, {a} further. What does "
    "{b} concede that {a} does not, and does the difference lie in {ground}?"
)
ONE_SIDED = (
    "Every voice that takes a side here leans toward “{pole}”. What would the strongest case "
    "for “{other}” say, and why does no text here make it?"
)
SILENT = (
    "{names} {say} nothing on this question. How might they answer “{question}”, judging from "
    "what they say elsewhere?"
)
PLACE_YOURSELF = (
    "Where would you place yourself between “{low}” and “{high}”, and which quote moved you most?"
)


@dataclass(frozen=True)
class DiscussionQuestion:
    text: str
    kind: str | None  # the kind of disagreement it turns on; None for the general questions
    voices: tuple[str, ...]  # names of the voices it is about
    position_ids: tuple[str, ...]
    about: str = ""  # the curated summary it is built around, where there is one


def brief_questions(
    corpus: Corpus, topic: Topic, theirs: list[Position], pole: str
) -> tuple[DiscussionQuestion, ...]:
    """One question per position of the other side, strongest first."""
    ours_label = getattr(topic.poles, pole)
    theirs_label = getattr(topic.poles, "high" if pole == "low" else "low")
    result = []
    for position in theirs:
        voice = corpus.voice(position.voice).name
        text = BRIEF_TEMPLATES[position.disagreement].format(
            voice=voice, theirs=theirs_label, ours=ours_label
        )
        result.append(
            DiscussionQuestion(
                text, position.disagreement, (voice,), (position.id,), position.summary
            )
        )
    return tuple(result)


def lean(topic: Topic, position: Position) -> str:
    if not position.stance:
        return BALANCED
    return quoted(topic.poles.low if position.score < 0 else topic.poles.high)


def disagreeing_pairs(corpus: Corpus, topic: Topic) -> list[tuple[Position, Position, str | None]]:
    """Pairs of placed positions that differ, lower stance first, with the kind they turn on:
    pairs the corpus links by `answers` or `contests` first, then the farthest apart."""
    placed = [p for p in corpus.positions_for_topic(topic.id) if p.stance is not None]
    by_id = {p.id: p for p in placed}
    pairs: dict[frozenset, tuple[Position, Position, str | None]] = {}

    def add(p: Position, q: Position, kind: str | None) -> None:
        if p.stance != q.stance and frozenset((p.id, q.id)) not in pairs:
            low, high = sorted((p, q), key=lambda x: x.score)
            pairs[frozenset((p.id, q.id))] = (low, high, kind)

    for p in placed:
        for target in (*p.answers, *p.contests):
            if target in by_id:
                add(p, by_id[target], p.disagreement or by_id[target].disagreement)
    for p, q in farthest_pairs(placed, RANKED_PAIRS):
        add(p, q, p.disagreement or q.disagreement)
    return list(pairs.values())


def farthest_pairs(placed: Sequence[Position], limit: int) -> list[tuple[Position, Position]]:
    """The first `limit` pairs of placed positions that differ, each as (earlier, later) in
    `placed`, farthest apart first, then by the earlier's id and the later's: what sorting every
    pair gives, without forming them all (a topic of a 1,000-copy reading list has 30 million
    pairs, and sorting them took 16 GB and four minutes)."""
    scores = np.array([p.score for p in placed], dtype=np.int64)
    id_rank = id_ranks([p.id for p in placed])
    by_id = np.argsort(id_rank).tolist()
    values = sorted(set(scores.tolist()))
    result: list[tuple[Position, Position]] = []
    for apart in sorted({abs(a - b) for a in values for b in values} - {0}, reverse=True):
        at_distance = {v: np.abs(scores - v) == apart for v in values}
        for i in by_id:
            later = np.flatnonzero(at_distance[int(scores[i])][i + 1 :]) + i + 1
            for j in later[np.argsort(id_rank[later])][: limit - len(result)].tolist():
                result.append((placed[i], placed[j]))
            if len(result) >= limit:
                return result
    return result


def discussion_questions(
    corpus: Corpus, topic: Topic, count: int = 3
) -> tuple[DiscussionQuestion, ...]:
    """`count` questions: from disagreeing pairs, one per kind of disagreement first, then
    pairs of voices not yet asked about (in a second wording of their kind); then the
    one-sided, silent-voices and place-yourself templates."""
    pairs = disagreeing_pairs(corpus, topic)
    # Only the first `count` chosen are asked: stop there (going on over every pair of a long
    # reading list, comparing each with those chosen, took minutes at 100 copies).
    chosen: list[tuple[Position, Position, str | None]] = []
    for pair in pairs:
        if len(chosen) >= count:
            break
        if pair[2] not in {c[2] for c in chosen}:
            chosen.append(pair)
    for pair in pairs:
        if len(chosen) >= count:
            break
        used = {p.voice for c in chosen for p in c[:2]}
        if pair not in chosen and not {pair[0].voice, pair[1].voice} & used:
            chosen.append(pair)
    questions = []
    asked: dict[str | None, int] = {}
    for low, high, kind in chosen[:count]:
        if low.score * high.score > 0:  # same side: a difference of degree
            questions.append(_degree(corpus, topic, low, high, kind))
            continue
        a, b = corpus.voice(low.voice).name, corpus.voice(high.voice).name
        template = (PAIR_TEMPLATES, PAIR_VARIANTS)[asked.get(kind, 0) % 2][kind]
        asked[kind] = asked.get(kind, 0) + 1
        text = template.format(a=a, b=b, lean_a=lean(topic, low), lean_b=lean(topic, high))
        questions.append(DiscussionQuestion(text, kind, (a, b), (low.id, high.id)))
    questions += _general(corpus, topic)
    return tuple(questions[:count])


def _degree(corpus: Corpus, topic: Topic, p: Position, q: Position, kind) -> DiscussionQuestion:
    strong, mild = sorted((p, q), key=lambda x: -abs(x.score))
    a, b = corpus.voice(strong.voice).name, corpus.voice(mild.voice).name
    pole = topic.poles.low if strong.score < 0 else topic.poles.high
    ground = KIND_PHRASES[kind] if kind else "the facts, in values or in predictions"
    text = DEGREE.format(
        a=a,
        b=b,
        stance_a=stance.sign(strong.score),
        stance_b=stance.sign(mild.score),
        pole=pole,
        ground=ground,
    )
    return DiscussionQuestion(text, kind, (a, b), (strong.id, mild.id))


def _general(corpus: Corpus, topic: Topic) -> list[DiscussionQuestion]:
    placed = [p for p in corpus.positions_for_topic(topic.id) if p.stance is not None]
    result = []
    signs = {(p.score > 0) - (p.score < 0) for p in placed}
    if signs in ({-1}, {1}):
        pole, other = (topic.poles.low, topic.poles.high)
        if signs == {1}:
            pole, other = other, pole
        names = tuple(corpus.voice(p.voice).name for p in placed)
        ids = tuple(p.id for p in placed)
        result.append(
            DiscussionQuestion(ONE_SIDED.format(pole=pole, other=other), None, names, ids)
        )
    silent = [v.name for v in corpus.silent_voices(topic.id)]
    if silent:
        listed = ", ".join(silent[:3]) + (
            f" and {counted(len(silent) - 3, 'other')}" if len(silent) > 3 else ""
        )
        text = SILENT.format(
            names=listed, say="says" if len(silent) == 1 else "say", question=topic.question
        )
        result.append(DiscussionQuestion(text, None, tuple(silent), ()))
    text = PLACE_YOURSELF.format(low=topic.poles.low, high=topic.poles.high)
    result.append(DiscussionQuestion(text, None, (), ()))
    return result
