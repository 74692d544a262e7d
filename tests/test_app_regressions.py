"""Regression tests for the bugs found by using the app as a seminar leader and a debater would
(QA pass): corpus text shown as markup, a stale caption, an unreadable problem list, a
participant who could vote twice, rankings that listed every topic, ids where names belong."""

from __future__ import annotations

from pathlib import Path

import pytest

from perspectives import stance
from perspectives.charts import heatmap
from perspectives.corpus import load_corpus
from perspectives.markup import st_escape
from perspectives.store import polls as store
from perspectives.ui import cards
from perspectives.views import matrix
from perspectives.views.timeline import document_row_label, events_table
from perspectives.wording import counted
from tests.apptest import open_page

ROOT = Path(__file__).resolve().parents[1]
MARKUP = "*star* _under_ [x](https://e.org) :red[c] D. Kaplan \\. `tick`"


@pytest.fixture(autouse=True)
def at_the_root(monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("PERSPECTIVES_CORPUS", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("PERSPECTIVES_DB", str(tmp_path / "workspace.db"))
    yield
    store.dispose_engines()


@pytest.fixture
def marked_up_corpus(write_corpus, corpus_files, monkeypatch) -> Path:
    """The test corpus with markup in its name, description, a topic's poles and a document's
    url (not a web address), opened by the app."""
    manifest = corpus_files["corpus.yaml"]
    manifest["name"] = f"Corpus {MARKUP}"
    manifest["description"] = f"About {MARKUP}"
    corpus_files["analysis/topics.yaml"][0]["poles"] = {
        "low": f"Low {MARKUP}",
        "high": f"High {MARKUP}",
    }
    corpus_files["documents/trust-essay.md"].meta["url"] = "javascript:alert(1)"
    folder = write_corpus(corpus_files)
    monkeypatch.setenv("PERSPECTIVES_CORPUS", str(folder))
    return folder


# Corpus text in widget options and titles is escaped (it was rendered as markdown).


def test_debate_radios_show_the_poles_as_written(marked_up_corpus):
    at = open_page("debate", topic="social-credit", pole="high", side="opposition")
    poles = at.radio(key="debate-pole").options
    assert poles == [
        f"{st_escape('Low ' + MARKUP)} (−2)",
        f"{st_escape('High ' + MARKUP)} (+2)",
    ]
    sides = at.radio(key="debate-side").options
    assert sides == [
        f"Proposition: {st_escape('High ' + MARKUP)}",
        f"Opposition: {st_escape('Low ' + MARKUP)}",
    ]


def test_corpus_page_escapes_name_and_description_and_links_only_web_addresses(
    marked_up_corpus,
):
    at = open_page("corpus")
    assert [t.value for t in at.title] == [st_escape(f"Corpus {MARKUP}")]
    assert st_escape(f"About {MARKUP}") in [m.value for m in at.markdown]
    assert not [m.value for m in at.markdown if "](javascript" in m.value]
    assert "**Source:** " + st_escape("javascript:alert(1)") in [m.value for m in at.markdown]
    reader_links = [link.proto.query_string for link in at.get("page_link")]
    assert "doc=trust-essay" in reader_links and "doc=camera-report" in reader_links


def test_poll_slider_holds_no_corpus_text_and_the_poles_are_escaped(marked_up_corpus):
    leader = open_page("poll")
    next(b for b in leader.button if b.label == "Open poll").click().run()
    participant = open_page("poll", code=leader.query_params["code"])
    (slider,) = participant.select_slider
    assert list(slider.options) == list(stance.scale_steps().values())
    captions = [c.value for c in participant.caption]
    assert f"◀ −2: {st_escape('Low ' + MARKUP)}" in captions
    assert f"+2: {st_escape('High ' + MARKUP)} ▶" in captions


# The poll's "open" picker: the question under it follows the topic (it was inside a form).


def test_open_poll_question_follows_the_picked_topic():
    corpus = load_corpus(ROOT / "data")
    second = corpus.topics[1]
    at = open_page("poll")
    at.selectbox(key="poll-open-topic").select(second.id).run()
    assert st_escape(second.question) in [c.value for c in at.caption]
    assert st_escape(corpus.topics[0].question) not in [c.value for c in at.caption]
    next(b for b in at.button if b.label == "Open poll").click().run()
    assert at.title[0].value == f"Class poll: {st_escape(second.label)}"


def test_before_after_says_one_vote_not_one_votes():
    leader = open_page("poll")
    next(b for b in leader.button if b.label == "Open poll").click().run()
    code = leader.query_params["code"]
    participant = open_page("poll", code=code)
    next(b for b in participant.button if b.label == "Send my vote").click().run()
    next(b for b in leader.button if b.label.startswith("Run again")).click().run()
    metrics = {m.label: m for m in leader.metric}
    assert metrics["Mean before"].value == "+0.00 (1 vote)"
    assert metrics["Mean after"].value == "no votes"


# The problem list: readable text per problem (the table cut the message off on a phone).


def test_problems_are_listed_as_text_with_file_line_entry_and_message(
    write_corpus, corpus_files, monkeypatch
):
    positions = corpus_files["analysis/positions/trust-essay.yaml"]["positions"]
    positions[0]["evidence"] = ["a sentence that is nowhere in the essay"]
    corpus_files["analysis/motions.yaml"] = "- id: [unclosed\n"
    monkeypatch.setenv("PERSPECTIVES_CORPUS", str(write_corpus(corpus_files)))
    at = open_page("problems")
    assert "has 2 problems; fix them" in at.error[0].value
    listed = [m.value for m in at.markdown]
    assert any(
        m.startswith("**analysis/motions\\.yaml, line ") and "cannot be read" in m for m in listed
    ), listed
    quote = [m for m in listed if "quote not found" in m]
    assert quote and st_escape("ann-writer/social-credit") in quote[0]
    assert len(at.dataframe[0].value) == 2  # and the whole list as a table


def test_a_missing_folder_is_named_as_such(tmp_path, monkeypatch):
    monkeypatch.setenv("PERSPECTIVES_CORPUS", str(tmp_path / "nowhere"))
    at = open_page("timeline")
    assert "has 1 problem; fix it" in at.error[0].value
    assert any(m.value.startswith("**The corpus folder**") for m in at.markdown)


# Matrix: each ranking shows its top, not every topic twice in opposite orders.


def test_matrix_rankings_show_the_top_five_and_the_download_keeps_all():
    corpus = load_corpus(ROOT / "data")
    at = open_page("matrix")
    divided, agreeing = at.dataframe[0].value, at.dataframe[1].value
    assert len(divided) == len(agreeing) == 5
    assert set(divided["topic_id"]) != set(agreeing["topic_id"])
    assert len(matrix.most_divided(corpus)) > 5  # so the cut is real


def test_heatmap_topic_labels_are_whole_on_a_wide_screen():
    corpus = load_corpus(ROOT / "data")
    axis = heatmap.stance_heatmap(corpus).to_dict()["layer"][0]["encoding"]["y"]["axis"]
    expr = axis["labelLimit"]["expr"]  # was a fixed 160 px, which cut two labels short
    assert expr == "containerSize()[0] >= 640 ? 280 : 150"
    longest = max(len(t.label) for t in corpus.topics)
    assert longest * 6.5 < 280  # about 6.5 px a character at the axis' font size


# Timeline: documents named as on the chart's rows, not by id.


def test_timeline_names_the_documents_that_mention_an_event():
    corpus = load_corpus(ROOT / "data")
    table = events_table(corpus)
    row = table[table["event_id"] == "tiananmen-massacre"].iloc[0]
    names = {document_row_label(corpus.document(d)) for d in row["documents"].split(", ")}
    assert set(row["mentioned_in"].split(", ")) == names
    at = open_page("timeline")
    assert "Mentioned in" in at.table[0].value.columns  # a table that wraps (issue 11.4)


def test_counted_says_one_vote_and_two_votes():
    assert counted(1, "vote") == "1 vote"
    assert counted(0, "vote") == "0 votes"
    assert counted(3, "shared topic") == "3 shared topics"
    assert counted(2, "analysis", "analyses") == "2 analyses"


# A lone position card took a third of the width, leaving two empty columns beside it.


@pytest.mark.parametrize(
    ("count", "up_to", "length"), [(1, 3, 1), (2, 3, 2), (3, 3, 3), (4, 4, 4), (5, 4, 3), (7, 3, 3)]
)
def test_position_cards_fill_the_row_they_are_in(count, up_to, length):
    assert cards.row_length(count, per_row=3, one_row_up_to=up_to) == length
