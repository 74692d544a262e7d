"""The analysis of the default corpus (issue 3): contract ids, verbatim quotes, attribution,
paraphrased summaries, motions that can be debated, and the density figures.

These tests read data/ and re-check, independently of the loader, what a seminar leader must be
able to trust in every cell. Where a test fails, its message lists every offending entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from perspectives.corpus import CorpusError, load_cached
from perspectives.corpus.document import Document
from perspectives.corpus.entities import Evidence
from perspectives.corpus.model import Corpus
from perspectives.corpus.paraphrase import COPIED_RUN, shared_runs, words

DATA = Path(__file__).resolve().parents[1] / "data"

CONTRACT_TOPICS = {
    "social-credit",
    "technology-and-control",
    "responsiveness-and-legitimacy",
    "growth-trade-middle-class",
    "tiananmen-legacy",
    "minorities-and-faith",
    "hong-kong",
    "law-and-rights",
    "china-model-abroad",
    "democracies-response",
    "regime-future",
    "dissent-and-civil-society",
    "covid-19",
}
CONTRACT_VOICES = {
    "nathan-gardels",
    "john-keane",
    "maria-repnikova",
    "bing-song",
    "pony-ma",
    "francis-fukuyama",
    "xiao-qiang",
    "jianli-yang",
    "john-dobson",
    "the-bl",
    "viola-rothschild",
    "liu-xiaobo",
    "robert-kaplan",
}
AUTHORS = {
    "jianli-yang": "yang-2023",
    "the-bl": "the-bl-2022",
    "john-dobson": "dobson-2020",
    "nathan-gardels": "gardels-2018",
    "viola-rothschild": "rothschild-2018",
}
# The eight Okabe-Ito colours and the grey that R's palette.colors("Okabe-Ito") adds as a ninth.
OKABE_ITO = {
    *("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"),
    "#999999",
}
# A passage presenting a voice may run on with "It also explains", "He added" for a few
# paragraphs; it ends where another voice of the document speaks (a paragraph holding that
# voice's own quotes). A voice merely named, as Mao is in Kaplan's sentences about him, does
# not end it.
ATTRIBUTION_REACH = 6  # paragraphs after the last one that names the voice

# Quotes attributed to a voice outside the passage that presents it; strict, so a fix shows up
# as XPASS. Empty: keep it so.
KNOWN_ATTRIBUTION_GAPS: set[str] = set()


def corpus() -> Corpus:
    return load_cached(DATA)


# --- an independent reading of FORMAT.md's rules ----------------------------------------------

_QUOTE_MARKS = str.maketrans(
    {"’": "'", "‘": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"'}
)


def normalise(text: str) -> str:
    """Whitespace runs as one space, quote marks straight, ends trimmed (FORMAT.md)."""
    return " ".join(text.split()).translate(_QUOTE_MARKS)


def names(text: str, name: str) -> bool:
    """Whether `text` names `name` as a whole word or phrase, ignoring case."""
    pattern = r"(?<!\w)" + re.escape(normalise(name).casefold()) + r"(?!\w)"
    return re.search(pattern, normalise(text).casefold()) is not None


def all_evidence(c: Corpus) -> Iterator[tuple[str, Evidence]]:
    """Every located quote of the corpus, labelled by the entry it belongs to."""
    for position in c.positions:
        for evidence in position.evidence:
            yield f"position {position.id}", evidence
    for claim in c.claims:
        yield f"claim {claim.id}", claim.quote
    for event in c.events:
        for evidence in event.mentions:
            yield f"event {event.id}", evidence


def attributed_quotes(c: Corpus) -> dict[str, tuple[str, tuple[Evidence, ...]]]:
    """Quotes attributed to a voice that is not the author: label -> (voice id, quotes)."""
    found = {}
    for position in c.positions:
        if c.voice(position.voice).relation != "author":
            found[f"position:{position.id}"] = (position.voice, position.evidence)
    for claim in c.claims:
        if claim.voice and c.voice(claim.voice).relation != "author":
            found[f"claim:{claim.id}"] = (claim.voice, (claim.quote,))
    return found


def _attribution_params() -> list:
    try:
        labels = sorted(attributed_quotes(corpus()))
    except CorpusError:  # reported by the test itself, not as an error at collection
        return [pytest.param("corpus-invalid", id="corpus-invalid")]
    return [
        pytest.param(
            label,
            marks=pytest.mark.xfail(
                strict=True, reason="quote too far from the paragraph naming the voice"
            )
            if label in KNOWN_ATTRIBUTION_GAPS
            else (),
            id=label,
        )
        for label in labels
    ]


# --- the helper -------------------------------------------------------------------------------


def test_words_are_lower_cased_without_punctuation():
    assert words("China’s “phantom democracy” — party-state, 2014!") == [
        "chinas",
        "phantom",
        "democracy",
        "party",
        "state",
        "2014",
    ]


def test_shared_runs_finds_a_copied_run_despite_case_and_punctuation():
    source = "Alpha beta, gamma: delta epsilon zeta eta theta iota kappa lambda mu nu xi."
    copied = "We read: ALPHA beta gamma delta “epsilon” zeta eta theta iota kappa lambda mu!"
    assert shared_runs(copied, source) == [
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"
    ]
    eleven = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda"
    assert shared_runs(eleven, source) == []
    assert shared_runs(eleven, source, length=11) == [eleven]


# --- contract ids and structure -----------------------------------------------------------------


def test_contract_topics_exist():
    missing = CONTRACT_TOPICS - {t.id for t in corpus().topics}
    assert not missing, sorted(missing)


def test_contract_voices_exist():
    missing = CONTRACT_VOICES - {v.id for v in corpus().voices}
    assert not missing, sorted(missing)


def test_authors_are_authors_of_their_documents():
    c = corpus()
    for voice_id, document_id in AUTHORS.items():
        voice = c.voice(voice_id)
        assert voice.relation == "author", voice_id
        assert document_id in voice.documents, voice_id


# --- quotes ---------------------------------------------------------------------------------------


def test_every_quote_is_a_verbatim_non_empty_span():
    c = corpus()
    wrong = []
    count = 0
    for label, evidence in all_evidence(c):
        count += 1
        text = c.document(evidence.document_id).text
        span = text[evidence.start : evidence.end]
        if not 0 <= evidence.start < evidence.end <= len(text) or not span.strip():
            wrong.append(f"{label}: empty or out-of-range span {evidence.start}..{evidence.end}")
        elif normalise(span) != normalise(evidence.quote) or span != evidence.text:
            wrong.append(f"{label}: text[{evidence.start}:{evidence.end}] is {span!r}")
    assert count > 0
    assert not wrong, "\n".join(wrong)


def test_every_non_author_voice_is_named_in_its_documents():
    c = corpus()
    unnamed = [
        f"{voice.id} in {document_id}"
        for voice in c.voices
        if voice.relation != "author"
        for document_id in voice.documents
        if not any(names(c.document(document_id).text, name) for name in voice.names)
    ]
    assert not unnamed, unnamed


def naming_paragraphs(document: Document, names_of_voice: tuple[str, ...]) -> list[int]:
    return [p.number for p in document.paragraphs if any(names(p.text, n) for n in names_of_voice)]


def speaking_paragraphs(c: Corpus, document: Document, voice_id: str) -> set[int]:
    """The paragraphs of `document` that hold quotes attributed to `voice_id` (positions and
    the claims the voice states)."""
    quotes = [e for label, (v, qs) in attributed_quotes(c).items() if v == voice_id for e in qs]
    return {
        document.paragraph_at(offset).number
        for e in quotes
        if e.document_id == document.id
        for offset in (e.start, e.end - 1)
    }


def attribution_gaps(c: Corpus, voice_id: str, quotes: tuple[Evidence, ...]) -> list[str]:
    """The quotes outside the passage that presents the voice: the passage starts at a
    paragraph naming the voice and runs for ATTRIBUTION_REACH paragraphs, or until another
    quoted voice of the document speaks. A quote spanning paragraphs is checked at both ends."""
    voice = c.voice(voice_id)
    gaps = []
    for evidence in quotes:
        document = c.document(evidence.document_id)
        naming = naming_paragraphs(document, voice.names)
        others = {
            n
            for other in c.voices
            if other.id != voice_id
            and other.relation != "author"
            and document.id in other.documents
            for n in speaking_paragraphs(c, document, other.id)
        }
        for offset in (evidence.start, evidence.end - 1):
            number = document.paragraph_at(offset).number
            before = [n for n in naming if n <= number]
            interrupted = bool(before) and any(before[-1] < n <= number for n in others)
            if not before or number - before[-1] > ATTRIBUTION_REACH or interrupted:
                gaps.append(
                    f"¶{number} (named in ¶{', ¶'.join(map(str, naming)) or ' none'}): "
                    f"{evidence.text[:70]!r}"
                )
                break
    return gaps


@pytest.mark.parametrize("label", _attribution_params())
def test_quotes_come_from_the_part_of_the_text_that_presents_the_voice(label):
    c = corpus()
    voice_id, quotes = attributed_quotes(c)[label]
    gaps = attribution_gaps(c, voice_id, quotes)
    assert not gaps, f"{label}: " + "; ".join(gaps)


def test_attribution_check_places_the_gardels_excerpts():
    """Song's, Repnikova's and Pony Ma's quotes lie at or after the paragraph introducing them."""
    c = corpus()
    document = c.document("gardels-2018")
    for voice_id in ("bing-song", "maria-repnikova", "pony-ma"):
        voice = c.voice(voice_id)
        first = naming_paragraphs(document, (voice.name,))[0]
        positions = [p for p in c.positions_for_voice(voice_id) if p.document == document.id]
        assert positions, voice_id
        for position in positions:
            assert not attribution_gaps(c, voice_id, position.evidence), position.id
            for evidence in position.evidence:
                assert evidence.paragraph >= first, (position.id, evidence.paragraph, first)


def test_attribution_check_rejects_a_quote_from_the_framing():
    """The check has teeth: Gardels' opening framing attributed to Bing Song is caught."""
    c = corpus()
    framing = next(
        p for p in c.positions_for_voice("nathan-gardels") if p.evidence[0].paragraph < 5
    )
    assert attribution_gaps(c, "bing-song", framing.evidence[:1])


# --- own words ----------------------------------------------------------------------------------


def test_no_text_of_ours_copies_twelve_words_of_its_document():
    c = corpus()
    copied = []

    def check(label: str, ours: str, document_id: str) -> None:
        for run in shared_runs(ours, c.document(document_id).text, COPIED_RUN):
            copied.append(f"{label} copies {document_id}: {run!r}")

    for position in c.positions:
        check(f"summary of {position.id}", position.summary, position.document)
    for event in c.events:
        for document_id in {m.document_id for m in event.mentions}:
            check(f"description of event {event.id}", event.description, document_id)
    for guide in c.guides:
        check(f"thesis of the guide to {guide.document}", guide.thesis, guide.document)
        check(f"structure of the guide to {guide.document}", guide.structure, guide.document)
    assert not copied, "\n".join(copied)


# --- positions ----------------------------------------------------------------------------------


def test_stance_is_present_exactly_when_the_voice_takes_a_side():
    wrong = [p.id for p in corpus().positions if (p.stance is None) != (p.state == "mentions")]
    assert not wrong, wrong


def test_positions_that_take_a_side_name_the_kind_of_disagreement():
    missing = [
        p.id for p in corpus().positions if p.state in ("asserts", "mixed") and not p.disagreement
    ]
    assert not missing, missing


def test_each_position_has_one_to_three_quotes():
    wrong = [p.id for p in corpus().positions if not 1 <= len(p.evidence) <= 3]
    assert not wrong, wrong


def test_each_motion_topic_has_voices_on_both_sides():
    c = corpus()
    one_sided = []
    for motion in c.motions:
        stances = [p.stance for p in c.positions_for_topic(motion.topic) if p.placed]
        if not (any(s < 0 for s in stances) and any(s > 0 for s in stances)):
            one_sided.append(f"{motion.id} ({motion.topic}: {sorted(stances)})")
    assert not one_sided, one_sided


# --- density --------------------------------------------------------------------------------------


def test_each_author_takes_positions_on_six_topics_or_more():
    c = corpus()
    topics = {a: {p.topic for p in c.positions_for_voice(a)} for a in AUTHORS}
    thin = {a: len(t) for a, t in topics.items() if len(t) < 6}
    assert not thin, thin


def test_eight_topics_or_more_have_three_voices_or_more():
    c = corpus()
    voices = {t.id: {p.voice for p in c.positions_for_topic(t.id)} for t in c.topics}
    assert sum(len(v) >= 3 for v in voices.values()) >= 8, {t: len(v) for t, v in voices.items()}


def test_corpus_wide_counts():
    c = corpus()
    assert len(c.positions) >= 60
    assert len(c.claims) >= 25
    assert len(c.events) >= 15
    assert len(c.motions) >= 6
    assert len(c.blind_spots) >= 1


def test_four_camps_or_more_with_distinct_okabe_ito_colours():
    camps = corpus().camps
    assert len(camps) >= 4
    colours = [camp.colour.upper() for camp in camps]
    assert set(colours) <= OKABE_ITO, set(colours) - OKABE_ITO
    assert len(set(colours)) == len(colours), colours


def test_every_document_has_a_guide():
    c = corpus()
    assert [d.id for d in c.documents if c.guide(d.id) is None] == []


def test_blind_spots_are_described():
    spots = corpus().blind_spots
    assert spots
    assert all(spot.title.strip() and spot.description.strip() for spot in spots)
