"""Two relations between positions (issue 9): `answers`, a reply the texts make, never earlier
than what it answers; `contests`, a symmetric dispute over the same claim, shown on both sides
as "Disputed by ..." on every page and in briefs."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs

import pytest

from perspectives.corpus import default_corpus_path, load_corpus
from perspectives.exports.layout import brief_layout
from perspectives.exports.markdown import write_markdown
from perspectives.teaching.brief import build_brief, custom_motion
from perspectives.views import compare
from perspectives.views.tables import positions_table
from tests.apptest import open_page, paragraphs
from tests.loader_helpers import ESSAY_POSITIONS, only_problem, position

RENT = Path(__file__).parent / "corpora" / "rent-control"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(default_corpus_path())


@pytest.mark.parametrize("path", [default_corpus_path(), RENT], ids=["default", "rent-control"])
def test_no_answer_predates_what_it_answers(path):
    loaded = load_corpus(path)
    dates = {d.id: d.date for d in loaded.documents}
    links = [(p, loaded.position_by_id(a)) for p in loaded.positions for a in p.answers]
    assert links, "each corpus keeps at least one reply"
    for answering, answered in links:
        assert dates[answering.document] >= dates[answered.document], answering.id


def test_an_answer_that_predates_its_target_is_refused_with_file_and_entry(
    corpus_files, write_corpus
):
    position(corpus_files, ESSAY_POSITIONS, "ann-writer", "social-credit")["answers"] = [
        "cara-voice/social-credit"
    ]
    problem = only_problem(
        write_corpus(corpus_files),
        ESSAY_POSITIONS,
        "ann-writer/social-credit",
        "document 'camera-report' (May 2020)",
        "own document 'trust-essay' (March 2019) is earlier",
        "`contests`",
    )
    assert problem.line is not None


def test_a_later_answer_and_a_dispute_either_way_are_accepted(corpus_files, write_corpus):
    position(corpus_files, "analysis/positions/camera-report.yaml", "cara-voice", "social-credit")[
        "answers"
    ] = ["ann-writer/social-credit"]
    position(corpus_files, ESSAY_POSITIONS, "ann-writer", "social-credit")["contests"] = [
        "cara-voice/social-credit"
    ]
    small = load_corpus(write_corpus(corpus_files))
    assert compare.contested(small, "cara-voice/social-credit") == ["ann-writer/social-credit"]
    assert compare.contested(small, "ann-writer/social-credit") == ["cara-voice/social-credit"]
    assert compare.disputed_by(small, "cara-voice/social-credit") == "Disputed by Ann Writer"


def test_contests_is_symmetric_on_the_default_corpus(corpus):
    declared = [(p.id, other) for p in corpus.positions for other in p.contests]
    assert len(declared) >= 10
    for one, other in declared:
        assert other in compare.contested(corpus, one)
        assert one in compare.contested(corpus, other)
        assert corpus.voice(corpus.position_by_id(one).voice).name in compare.disputed_by(
            corpus, other
        )
    table = positions_table(corpus)
    rows = table.drop_duplicates("position_id").set_index("position_id")["contests"]
    for one, other in declared:
        assert one in rows[other].split(",") and other in rows[one].split(",")


def test_no_declared_dispute_is_also_a_reply(corpus):
    for p in corpus.positions:
        assert not set(p.contests) & set(p.answers), p.id


def test_compare_shows_the_dispute_on_both_cards():
    at = open_page("compare", topic="social-credit")
    labels = [text for text in paragraphs(at) if text == "**Disputed by:**"]
    assert len(labels) == 3  # Song (by Rothschild and Dobson), Rothschild and Dobson (by Song)
    pairs = [
        parse_qs(link.proto.query_string)["voices"][0]
        for link in at.get("page_link")
        if link.proto.page == "compare" and "voices" in parse_qs(link.proto.query_string)
    ]
    assert {"bing-song,viola-rothschild", "viola-rothschild,bing-song"} <= set(pairs)
    assert {"bing-song,john-dobson", "john-dobson,bing-song"} <= set(pairs)


def test_voice_page_shows_who_disputes_the_voice():
    at = open_page("voices", voice="viola-rothschild")
    assert "**Disputed by:**" in paragraphs(at)
    links = [link.proto.label for link in at.get("page_link")]
    assert any(label.startswith("Bing Song") for label in links)
    assert any(label.startswith("Chinese officials") for label in links)


def test_reader_notes_the_dispute_beside_the_quote():
    at = open_page("documents", doc="rothschild-2018")
    captions = " ".join(c.value for c in at.caption)
    assert "; disputed by Bing Song" in captions
    assert "; disputed by Chinese officials" in captions


def test_brief_marks_a_dispute_in_every_format(corpus):
    brief = build_brief(corpus, custom_motion(corpus, "social-credit", "high"), "proposition")
    text = write_markdown(brief_layout(brief))
    assert "*Disputes the same claim:*" in text
    assert "Replies in the texts" not in text
