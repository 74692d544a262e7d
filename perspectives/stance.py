"""The one stance vocabulary: every sign or word shown beside a stance comes from here.

A stance is an integer from -2 to +2 on a topic's axis. What its ends mean is written by the
corpus, never by the code: each topic has its own pole labels, and the corpus' orientation says
what the low and high ends mean across all topics. So the words here are of two kinds only:
- degree words that are true on any axis ("fully", "mostly", "in between, or both");
- the corpus' own labels, quoted ("toward “a resilient system”").
"+1 · sympathetic" on a topic about a regime's future would put words in a reader's mouth that
the axis does not hold; "+1 · mostly toward “the system endures”" cannot.
"""

from __future__ import annotations

from typing import Literal

from perspectives.corpus.entities import Orientation, Topic

Pole = Literal["low", "high"]
STANCES: tuple[int, ...] = (-2, -1, 0, 1, 2)
POLES: tuple[Pole, Pole] = ("low", "high")
SIGNS = {-2: "−2", -1: "−1", 0: "0", 1: "+1", 2: "+2"}
DEGREES = {2: "fully", 1: "mostly", 0: "in between, or both"}
STATES = {
    "asserts": "asserts a view",
    "mixed": "mixed: weighs both readings",
    "mentions": "mentions the topic, takes no side",
}
NO_SIDE = "mentions, takes no side"
SILENT = "silent"
NOT_PLACED = "not placed on the axis"


def sign(stance: int) -> str:
    """ "−2", "−1", "0", "+1", "+2" (a true minus sign, as printed)."""
    return SIGNS[stance]


def end_sign(pole: Pole) -> str:
    """The sign of a pole's end of the axis: "−2" for low, "+2" for high."""
    return SIGNS[-2 if pole == "low" else 2]


def pole_of(stance: int | None) -> Pole | None:
    """The pole a stance leans to (None for 0 or no stance)."""
    if not stance:
        return None
    return "low" if stance < 0 else "high"


def other(pole: Pole) -> Pole:
    return "high" if pole == "low" else "low"


def degree(stance: int) -> str:
    return DEGREES[abs(stance)]


def badge(stance: int | None, state: str) -> str:
    """A short label that is true on any axis: "+1 · mostly", "0 · in between, or both",
    "mentions, takes no side" or "silent" (pass state "silent" for a voice with no position)."""
    if stance is None:
        return NO_SIDE if state == "mentions" else SILENT
    return f"{sign(stance)} · {degree(stance)}"


def pole_label(topic: Topic, pole: Pole) -> str:
    return topic.poles.low if pole == "low" else topic.poles.high


def leaning(topic: Topic, stance: int | None) -> str:
    """Where a stance leans, in the topic's own words: toward “…”, or between the two."""
    if stance is None:
        return NOT_PLACED
    pole = pole_of(stance)
    if pole is None:
        return f"between “{topic.poles.low}” and “{topic.poles.high}”"
    return f"toward “{pole_label(topic, pole)}”"


def describe(topic: Topic, stance: int | None, state: str) -> str:
    """The stance in full: "+1 · mostly toward “…”", "0 · between “…” and “…”",
    "mentions, takes no side" or "silent"."""
    if stance is None:
        return badge(stance, state)
    if stance == 0:
        return f"{sign(0)} · {leaning(topic, 0)}"
    return f"{sign(stance)} · {degree(stance)} {leaning(topic, stance)}"


def scale_labels(topic: Topic) -> dict[int, str]:
    """The five places on a topic's axis in words, the topic's poles at both ends."""
    return {
        s: f"{sign(s)} · {degree(s)}: {pole_label(topic, pole)}"
        if (pole := pole_of(s))
        else f"{sign(0)} · {DEGREES[0]}"
        for s in STANCES
    }


def scale_steps() -> dict[int, str]:
    """The five places, short (for a slider whose ends are labelled beside it)."""
    return {
        -2: f"◀ {sign(-2)} · {degree(-2)}",
        -1: f"◀ {sign(-1)} · {degree(-1)}",
        0: f"{sign(0)} · {DEGREES[0]}",
        1: f"{sign(1)} · {degree(1)} ▶",
        2: f"{sign(2)} · {degree(2)} ▶",
    }


def printed(stance: int | None, state: str) -> str:
    """A stance as a printed brief lists it beside a name: "−2, asserts" or "mentions, takes
    no side"."""
    if stance is None:
        return NO_SIDE
    return f"{sign(stance)}, {state}"


def axis_line(topic: Topic) -> str:
    """From “low” (−2) to “high” (+2)."""
    return (
        f"From “{topic.poles.low}” ({end_sign('low')}) to “{topic.poles.high}” ({end_sign('high')})"
    )


def orientation_line(orientation: Orientation) -> str:
    """Stance runs from −2 (the corpus' low label) to +2 (its high label)."""
    return (
        f"Stance runs from {end_sign('low')} ({orientation.low.label}) "
        f"to {end_sign('high')} ({orientation.high.label})."
    )


def side_names(orientation: Orientation) -> tuple[str, str]:
    """The ids a user may give for a side: the corpus' own pole ids (low first)."""
    return orientation.low.id, orientation.high.id


def pole_for(orientation: Orientation, side: str) -> Pole | None:
    """`low` / `high` for one of the corpus' orientation pole ids, or for "low" / "high"."""
    for pole in POLES:
        if side in (pole, getattr(orientation, pole).id):
            return pole
    return None
