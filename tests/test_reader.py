"""The reader's computations: document aliases, paragraph views, highlight segments, the
paragraph table and the `?p=` parser, on the small test corpus and hand-made paragraphs."""

from __future__ import annotations

import pytest

from perspectives.corpus import load_corpus
from perspectives.corpus.document import Paragraph
from perspectives.views.reader import (
    Segment,
    paragraph_table,
    paragraph_views,
    paragraphs_touched,
    parse_paragraph,
    resolve_document,
    segments,
)


@pytest.fixture
def corpus(corpus_dir):
    return load_corpus(corpus_dir)


@pytest.fixture
def default_corpus():
    return load_corpus("data")


def para(text: str, start: int = 100) -> Paragraph:
    return Paragraph(number=1, start=start, end=start + len(text), text=text)


def test_segments_without_spans_is_the_whole_paragraph():
    assert segments(para("plain text"), []) == (Segment("plain text"),)


def test_segments_cut_plain_and_highlighted_runs():
    p = para("aaa bbb ccc")  # offsets 100..111
    assert segments(p, [(104, 107, 1)]) == (
        Segment("aaa "),
        Segment("bbb", (1,)),
        Segment(" ccc"),
    )


def test_overlapping_spans_merge_into_one_run_listing_both_numbers():
    p = para("aaa bbb ccc ddd")
    runs = segments(p, [(104, 111, 1), (108, 115, 2)])
    assert runs == (Segment("aaa "), Segment("bbb ccc ddd", (1, 2)))


def test_nested_and_touching_spans_merge():
    p = para("0123456789")
    assert segments(p, [(100, 108, 1), (102, 104, 2), (108, 110, 3)]) == (
        Segment("0123456789", (1, 2, 3)),
    )


def test_spans_are_clipped_to_the_paragraph_and_outside_spans_ignored():
    p = para("inside text")  # 100..111
    runs = segments(p, [(90, 106, 1), (0, 50, 2), (200, 210, 3)])
    assert runs == (Segment("inside", (1,)), Segment(" text"))


def test_segments_rebuild_the_paragraph_text():
    p = para("one two three four five")
    runs = segments(p, [(104, 107, 1), (112, 117, 2), (114, 122, 3)])
    assert "".join(r.text for r in runs) == p.text
    assert [r.highlighted for r in runs] == [False, True, False, True, False]


def test_resolve_document_by_id_seed_stem_and_number(default_corpus):
    assert resolve_document(default_corpus, "gardels-2018").id == "gardels-2018"
    assert resolve_document(default_corpus, "003_5ad0f37811a2384d").id == "gardels-2018"
    assert resolve_document(default_corpus, "003_5ad0f37811a2384d.txt").id == "gardels-2018"
    assert resolve_document(default_corpus, "003").id == "gardels-2018"
    assert resolve_document(default_corpus, "000").id == "yang-2023"
    assert resolve_document(default_corpus, "3").id == "gardels-2018"


@pytest.mark.parametrize("key", [None, "", "  ", "nope", "999", "003_wrong", "gardels"])
def test_resolve_document_refuses_what_names_nothing(default_corpus, key):
    assert resolve_document(default_corpus, key) is None


def test_paragraph_views_place_evidence_topics_voices_and_claims(corpus):
    views = {v.number: v for v in paragraph_views(corpus, "trust-essay")}
    document = corpus.document("trust-essay")
    assert len(views) == len(document.paragraphs)
    critic = views[4]  # "Critics such as Ben Critic call it ‘a cage of data’ and warn ..."
    assert [m.voice_id for m in critic.marks] == ["ben-critic"]
    assert critic.topics == ("social-credit",)
    highlighted = "".join(s.text for s in critic.segments if s.highlighted)
    assert highlighted == "call it ‘a cage of data’ and warn"
    plan = views[5]  # "In 2014 the State Council published a plan for the system."
    assert plan.claims == ("plan-2014",)
    assert plan.marks == ()
    assert plan.topics == ("social-credit",)  # from the claim's topics
    assert plan.voices == ("ann-writer",)  # the claim's voice
    assert views[1].marks == () and views[1].topics == ()


def test_paragraphs_touched(corpus):
    document = corpus.document("camera-report")
    first, second = document.paragraphs[1], document.paragraphs[2]
    touched = paragraphs_touched(document, first.end - 5, second.start + 5)
    assert [p.number for p in touched] == [first.number, second.number]
    assert paragraphs_touched(document, first.start, first.end) == (first,)
    assert paragraphs_touched(document, first.end, second.start) == ()  # only the line break


def test_a_quote_over_a_paragraph_break_marks_both_paragraphs(write_corpus, corpus_files):
    positions = corpus_files["analysis/positions/camera-report.yaml"]["positions"]
    positions[0]["evidence"] = ["and citizens few. Ben Critic, quoted here"]
    corpus = load_corpus(write_corpus(corpus_files))
    views = {v.number: v for v in paragraph_views(corpus, "camera-report")}
    assert [s.text for s in views[3].segments if s.highlighted] == ["and citizens few."]
    assert [s.text for s in views[4].segments if s.highlighted] == ["Ben Critic, quoted here"]
    assert (
        "technology-and-control" in views[3].topics and "technology-and-control" in views[4].topics
    )


def test_quotes_of_one_position_share_a_number(corpus):
    views = {v.number: v for v in paragraph_views(corpus, "camera-report")}
    uneven = views[5]  # two quotes of cara-voice/social-credit in the same paragraph
    assert [m.position_id for m in uneven.marks] == ["cara-voice/social-credit"] * 2
    assert {m.number for m in uneven.marks} == {1}
    assert [s.marks for s in uneven.segments if s.highlighted] == [(1,), (1,)]


def test_paragraph_table_has_one_row_per_paragraph(corpus):
    table = paragraph_table(corpus, "trust-essay")
    assert list(table.columns) == [
        "document_id",
        "number",
        "start",
        "end",
        "text",
        "topics",
        "voices",
        "claims",
    ]
    assert list(table["number"]) == list(range(1, 7))
    row = table.set_index("number").loc[6]
    assert row["topics"] == "social-credit,technology-and-control"
    assert row["voices"] == "ann-writer"
    document = corpus.document("trust-essay")
    assert document.text[row["start"] : row["end"]] == row["text"]


def test_parse_paragraph(corpus):
    document = corpus.document("trust-essay")
    assert parse_paragraph(None, document) == (None, None)
    assert parse_paragraph("", document) == (None, None)
    assert parse_paragraph("4", document) == (4, None)
    assert parse_paragraph(" 6 ", document) == (6, None)
    number, message = parse_paragraph("7", document)
    assert number is None and "Paragraph 7 does not exist" in message and "6 paragraphs" in message
    number, message = parse_paragraph("0", document)
    assert number is None and "does not exist" in message
    number, message = parse_paragraph("four", document)
    assert number is None and "not a paragraph number" in message


def test_every_default_document_has_views_whose_highlights_are_its_evidence(default_corpus):
    for document in default_corpus.documents:
        views = paragraph_views(default_corpus, document.id)
        for view in views:
            assert "".join(s.text for s in view.segments) == view.text
            for mark in view.marks:
                assert document.text[mark.start : mark.end] in view.text
        quotes = sum(len(p.evidence) for p in default_corpus.positions_for_document(document.id))
        assert sum(len(v.marks) for v in views) >= quotes
