""" "Who said it?": a quote from a position's evidence, four voices (or camps) to choose from.

Pure and seeded: `draw_round(corpus, rng=random.Random(seed))` gives the same questions for the
same seed, so a page keeps only the seed and the answers in its session, and tests can pin a
round. A round never shows the same quote twice and spreads over different positions; a quote
is left out where it would give the answer away (it names the voice), where it names any other
voice of the corpus (an editor's sentence about a voice he quotes: the player could not tell
whose words they are), or where it has two right answers (the same words are evidence for two
voices, or for two camps in camp mode).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache

from perspectives.corpus.entities import Evidence, Position
from perspectives.corpus.model import Corpus
from perspectives.recent import Recent

MODES = ("voice", "camp")
ROUND_LENGTH = 10
OPTIONS = 4
MIN_QUOTE = 40  # characters: shorter quotes are used only when too few long ones remain


@dataclass(frozen=True)
class QuizQuestion:
    position: Position
    evidence: Evidence
    mode: str
    answer: str  # the voice id (voice mode) or camp id (camp mode)
    options: tuple[str, ...]  # the answer and the distractors, shuffled

    def is_right(self, choice: str) -> bool:
        return choice == self.answer


@dataclass(frozen=True)
class Score:
    right: int
    answered: int
    total: int

    @property
    def finished(self) -> bool:
        return self.answered >= self.total


def answer_of(corpus: Corpus, position: Position, mode: str) -> str:
    _check_mode(mode)
    return position.voice if mode == "voice" else corpus.voice(position.voice).camp or ""


def label(corpus: Corpus, mode: str, option: str) -> str:
    """The name a player sees for an option id."""
    _check_mode(mode)
    return corpus.voice(option).name if mode == "voice" else corpus.camp(option).name


def _names(corpus: Corpus, mode: str, option: str) -> tuple[str, ...]:
    """The words that would give `option` away if a quote contained them."""
    if mode == "camp":
        return (corpus.camp(option).name,)
    voice = corpus.voice(option)
    surnames = tuple(name.split()[-1] for name in voice.names if len(name.split()) > 1)
    return tuple(n for n in (*voice.names, *surnames) if len(n) >= 3)


def _mentions(text: str, names: tuple[str, ...]) -> bool:
    """Whether any of `names` is in `text` as whole words, any case."""
    pattern = _names_pattern(names)
    return pattern is not None and pattern.search(text) is not None


@lru_cache(maxsize=65_536)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One compiled pattern for a voice's names: a pattern per name and call overflowed
    `re`'s own cache of 512 with a long reading list's voices (22,000: 10 s a new round)."""
    if not names:
        return None
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})\b", re.IGNORECASE)


def _voice_names(corpus: Corpus) -> tuple[str, ...]:
    """Every name and alias of every voice (two letters or more)."""
    return tuple(n for voice in corpus.voices for n in voice.names if len(n) >= 2)


_WORD = re.compile(r"\w+")


class _NameFinder:
    """`_mentions(text, names)` for many names at once: a name is tried only where a word
    of the text equals its first word (any case), so a quote costs its words, not the names
    (every quote against every name of 2,200 voices took minutes per round at 100 copies).
    Names that do not begin with a word character are tried everywhere, as before."""

    def __init__(self, names: tuple[str, ...]) -> None:
        by_word: dict[str, list[str]] = {}
        self.anywhere: tuple[str, ...] = ()
        for name in dict.fromkeys(names):
            first = _WORD.match(name)
            if first:
                by_word.setdefault(first.group().lower(), []).append(re.escape(name))
            else:
                self.anywhere += (name,)
        # One pattern per first word: any of its names, whole words (as `_mentions` asks).
        self.by_word = {
            word: re.compile(rf"\b(?:{'|'.join(escaped)})\b", re.IGNORECASE)
            for word, escaped in by_word.items()
        }

    def __call__(self, text: str) -> bool:
        if self.anywhere and _mentions(text, self.anywhere):
            return True
        for word in _WORD.finditer(text):
            pattern = self.by_word.get(word.group().lower())
            if pattern is not None and pattern.match(text, word.start()):
                return True
        return False


_CANDIDATES: Recent[tuple[str, str], list[tuple[Position, Evidence]]] = Recent(8)


def candidates(corpus: Corpus, mode: str = "voice") -> list[tuple[Position, Evidence]]:
    """Every (position, quote) pair that makes a fair question, in corpus order; found once
    per corpus and mode (every quote checked against every voice's names: seconds at 22,000
    voices, for each new round)."""
    _check_mode(mode)
    found = _CANDIDATES.get((corpus.fingerprint, mode), lambda: _candidates(corpus, mode))
    return list(found)


def _candidates(corpus: Corpus, mode: str) -> list[tuple[Position, Evidence]]:
    names_a_voice = _NameFinder(_voice_names(corpus))
    owners: dict[tuple[str, int, int], set[str]] = {}
    for position in corpus.positions:
        for evidence in position.evidence:
            span = (evidence.document_id, evidence.start, evidence.end)
            owners.setdefault(span, set()).add(answer_of(corpus, position, mode))
    pairs, seen = [], set()
    for position in corpus.positions:
        answer = answer_of(corpus, position, mode)
        for evidence in position.evidence:
            span = (evidence.document_id, evidence.start, evidence.end)
            if span in seen or len(owners[span]) > 1:
                continue
            if _mentions(evidence.text, _names(corpus, mode, answer)):
                continue
            if names_a_voice(evidence.text):  # names a voice of the corpus
                continue
            seen.add(span)
            pairs.append((position, evidence))
    return pairs


def _distractors(corpus: Corpus, question: tuple[Position, Evidence], mode: str, rng) -> list:
    """Three wrong options: in voice mode, voices that also speak on the topic first. Options
    are drawn in a random order and checked until three fair ones are found (checking every
    voice of a long reading list for its names in the quote took seconds per round)."""
    position, evidence = question
    answer = answer_of(corpus, position, mode)
    pool = [c.id for c in corpus.camps] if mode == "camp" else [v.id for v in corpus.voices]
    pool = [o for o in pool if o != answer]

    def fair(options: list[str], wanted: int) -> list[str]:
        picked: list[str] = []
        for option in rng.sample(options, len(options)):
            if len(picked) == wanted:
                break
            if not _mentions(evidence.text, _names(corpus, mode, option)):
                picked.append(option)
        return picked

    if mode == "voice":
        speaking = {p.voice for p in corpus.positions_for_topic(position.topic)}
        near = fair([o for o in pool if o in speaking], OPTIONS - 1)
        return near + fair([o for o in pool if o not in speaking], OPTIONS - 1 - len(near))
    return fair(pool, OPTIONS - 1)


def draw_round(
    corpus: Corpus,
    n: int = ROUND_LENGTH,
    mode: str = "voice",
    rng: random.Random | None = None,
) -> tuple[QuizQuestion, ...]:
    """Up to `n` questions, no quote twice, one per position while positions last."""
    rng = rng or random.Random()
    pairs = candidates(corpus, mode)
    long_ones = [pair for pair in pairs if len(pair[1].text) >= MIN_QUOTE]
    pool = long_ones if len(long_ones) >= n else pairs
    by_position: dict[str, list[tuple[Position, Evidence]]] = {}
    for pair in pool:
        by_position.setdefault(pair[0].id, []).append(pair)
    order = rng.sample(list(by_position), len(by_position))
    chosen = [rng.choice(by_position[pid]) for pid in order[:n]]
    if len(chosen) < n:  # fewer positions than questions: take the other quotes too
        rest = [pair for pair in pool if pair not in chosen]
        chosen += rng.sample(rest, min(len(rest), n - len(chosen)))
    questions = []
    for position, evidence in chosen:
        options = [answer_of(corpus, position, mode)]
        options += _distractors(corpus, (position, evidence), mode, rng)
        rng.shuffle(options)
        answer = answer_of(corpus, position, mode)
        questions.append(QuizQuestion(position, evidence, mode, answer, tuple(options)))
    return tuple(questions)


def score(questions: tuple[QuizQuestion, ...], answers: dict[int, str]) -> Score:
    """How many of the answered questions (index -> chosen option) are right."""
    answered = {i: a for i, a in answers.items() if 0 <= i < len(questions)}
    right = sum(questions[i].is_right(choice) for i, choice in answered.items())
    return Score(right, len(answered), len(questions))


def _check_mode(mode: str) -> None:
    if mode not in MODES:
        raise ValueError(f"unknown quiz mode {mode!r}: use voice or camp")


def round_rows(
    corpus: Corpus, questions: tuple[QuizQuestion, ...], answers: dict[int, str]
) -> list[dict]:
    """The round as rows, one per question: the quote, its topic, the options, the answer and,
    where given, the player's answer (a teacher's answer key, or a record of a round)."""
    rows = []
    for index, question in enumerate(questions):
        position, chosen = question.position, answers.get(index)
        rows.append(
            {
                "question": index + 1,
                "mode": question.mode,
                "quote": question.evidence.text,
                "topic_id": position.topic,
                "options": " | ".join(label(corpus, question.mode, o) for o in question.options),
                "answer": label(corpus, question.mode, question.answer),
                "answer_id": question.answer,
                "given": label(corpus, question.mode, chosen) if chosen else "",
                "right": question.is_right(chosen) if chosen else None,
                "document_id": position.document,
                "paragraph": question.evidence.paragraph,
            }
        )
    return rows
