"""What a topic is about, for suggestions: its own words and what the corpus already files
under it.

A topic's profile is a list of *anchors*, short texts each matched against a paragraph: the
topic's label with its question, its description and each pole label; the evidence quotes of
the positions on it; the quotes of the claims, the events (label and description) and the
motions tagged with it. Anything of an excluded document (its positions' quotes, its claims,
the events only it mentions) is left out, so a document already in the corpus can be
suggested for as if it were new.
"""

from __future__ import annotations

from dataclasses import dataclass

from perspectives.corpus.model import Corpus


@dataclass(frozen=True)
class Anchor:
    """A text filed under a topic. A position's quote carries the position, its voice and its
    stance (None for a position that only mentions the topic)."""

    topic_id: str
    kind: str  # "topic" | "quote" | "claim" | "event" | "motion"
    text: str
    document_id: str | None = None
    position_id: str | None = None
    voice_id: str | None = None
    stance: int | None = None


@dataclass(frozen=True)
class TopicProfile:
    topic_id: str
    label: str
    anchors: tuple[Anchor, ...]

    @property
    def text(self) -> str:
        """Every anchor, one per line: what the lexical ranking matches against."""
        return "\n".join(anchor.text for anchor in self.anchors)

    @property
    def quotes(self) -> tuple[Anchor, ...]:
        return tuple(anchor for anchor in self.anchors if anchor.kind == "quote")


def topic_profiles(corpus: Corpus, exclude_document: str | None = None) -> tuple[TopicProfile, ...]:
    """One profile per topic of the corpus, in the corpus' order."""
    anchors: dict[str, list[Anchor]] = {}
    for topic in corpus.topics:
        own = [f"{topic.label}. {topic.question}", topic.description, topic.poles.low]
        anchors[topic.id] = [Anchor(topic.id, "topic", text) for text in own + [topic.poles.high]]
    for position in corpus.positions:
        if position.document == exclude_document or position.topic not in anchors:
            continue
        for evidence in position.evidence:
            if evidence.document_id != exclude_document:
                anchors[position.topic].append(
                    Anchor(
                        position.topic,
                        "quote",
                        evidence.text,
                        evidence.document_id,
                        position.id,
                        position.voice,
                        position.stance,
                    )
                )
    for claim in corpus.claims:
        if claim.document != exclude_document:
            for topic_id in claim.topics:
                if topic_id in anchors:
                    anchors[topic_id].append(
                        Anchor(topic_id, "claim", claim.quote.text, claim.document)
                    )
    for event in corpus.events:
        if (
            exclude_document
            and event.mentions
            and {mention.document_id for mention in event.mentions} == {exclude_document}
        ):
            continue  # an event only the excluded document speaks of
        for topic_id in event.topics:
            if topic_id in anchors:
                text = f"{event.label}. {event.description}".strip()
                anchors[topic_id].append(Anchor(topic_id, "event", text))
    for motion in corpus.motions:
        if motion.topic in anchors:
            anchors[motion.topic].append(Anchor(motion.topic, "motion", motion.text))
    return tuple(
        TopicProfile(
            topic.id,
            topic.label,
            tuple(anchor for anchor in anchors[topic.id] if anchor.text.strip()),
        )
        for topic in corpus.topics
    )
