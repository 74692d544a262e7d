"""Views computed from a Corpus: spectra, the stance matrix, controversy and agreement.

Pure functions of the corpus, so the UI can cache them and tests can check them on small
hand-made corpora. "Placed" positions are those with a stance; a `mentions` position has
none and is never put on an axis.
"""

from __future__ import annotations

from perspectives.corpus.entities import Position, Voice
from perspectives.corpus.model import Corpus
from perspectives.recent import Recent


def placed(positions) -> list[Position]:
    return [p for p in positions if p.stance is not None]


def ordered_positions(corpus: Corpus, topic_id: str, voice_ids=None) -> list[Position]:
    """A topic's positions from the low (critical) pole to the high one; mentions come last."""
    corpus.topic(topic_id)
    wanted = set(voice_ids) if voice_ids else None
    chosen = [
        p for p in corpus.positions_for_topic(topic_id) if wanted is None or p.voice in wanted
    ]
    return sorted(
        chosen,
        key=lambda p: (
            p.stance is None,
            p.stance if p.stance is not None else 0,
            corpus.voice(p.voice).name,
        ),
    )


def silent_voices(corpus: Corpus, topic_id: str, voice_ids=None) -> list[Voice]:
    """Voices with no position at all on the topic, in corpus order."""
    corpus.topic(topic_id)
    speaking = {p.voice for p in corpus.positions_for_topic(topic_id)}
    wanted = set(voice_ids) if voice_ids else None
    return [v for v in corpus.voices if v.id not in speaking and (wanted is None or v.id in wanted)]


def head_to_head(corpus: Corpus, voice_ids: list[str]) -> list[tuple[str, list[Position | None]]]:
    """For two to four voices: each topic where at least one speaks, with their positions."""
    for voice_id in voice_ids:
        corpus.voice(voice_id)
    by_key = {(p.topic, p.voice): p for p in corpus.positions}
    rows = []
    for topic in corpus.topics:
        cells = [by_key.get((topic.id, v)) for v in voice_ids]
        if any(cells):
            rows.append((topic.id, cells))
    return rows


# Per corpus fingerprint: who answers each position, and the contests links both ways. A
# card asked by scanning every position (one scan per card, and per row of the positions
# table) was quadratic: Compare 40 s and Corpus 64 s per run at 100 copies.
Links = tuple[dict[str, list[Position]], dict[str, list[str]]]
_LINKS: Recent[str, Links] = Recent(8)


def _links(corpus: Corpus) -> Links:
    """(position id -> the positions answering it, position id -> the ids of the positions
    contesting it, in corpus order and without itself), once per corpus."""
    return _LINKS.get(corpus.fingerprint, lambda: _linked(corpus))


def _linked(corpus: Corpus) -> Links:
    answered: dict[str, list[Position]] = {}
    linked: dict[str, set[str]] = {}
    for p in corpus.positions:
        for target in dict.fromkeys(p.answers):
            answered.setdefault(target, []).append(p)
        for other in p.contests:
            linked.setdefault(p.id, set()).add(other)
            linked.setdefault(other, set()).add(p.id)
    order = {p.id: i for i, p in enumerate(corpus.positions)}
    contesting = {
        key: sorted((i for i in ids if i != key and i in order), key=order.__getitem__)
        for key, ids in linked.items()
    }
    return answered, contesting


def positions_answering(corpus: Corpus, position_id: str) -> list[Position]:
    """Positions that list `position_id` among those they reply to (`answers`)."""
    return list(_links(corpus)[0].get(position_id, ()))


def contested(corpus: Corpus, position_id: str) -> list[str]:
    """The ids of the positions that dispute the same claim as `position_id`: `contests` is
    symmetric, so it holds whichever of the two declares the link; corpus order, each once."""
    corpus.position_by_id(position_id)
    return list(_links(corpus)[1].get(position_id, ()))


def positions_contesting(corpus: Corpus, position_id: str) -> list[Position]:
    """The positions `contested` names, as positions ("Disputed by ...")."""
    return [corpus.position_by_id(i) for i in contested(corpus, position_id)]


def disputed_by(corpus: Corpus, position_id: str) -> str:
    """ "Disputed by Name, Name (on Other topic)" (the topic named when it is not this
    position's own), or "" when no position contests this one."""
    topic = corpus.position_by_id(position_id).topic
    names = [
        corpus.voice(p.voice).name
        + ("" if p.topic == topic else f" (on {corpus.topic(p.topic).label})")
        for p in positions_contesting(corpus, position_id)
    ]
    return "Disputed by " + ", ".join(names) if names else ""
