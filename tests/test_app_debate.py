"""App tests of the debate and seminar pages (streamlit.testing AppTest): deep links reproduce
the view, widgets write the view back to the url, and corpus text is escaped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from perspectives.corpus import default_corpus_path, load_cached, load_corpus
from perspectives.teaching.brief import MOTION_TEXT_LIMIT, custom_motion
from tests.apptest import open_page

ROOT = Path(__file__).resolve().parents[1]
DEBATE, SEMINAR = "perspectives/ui/pages/debate.py", "perspectives/ui/pages/seminar.py"
UNESCAPED = re.compile(r"(?<!\\)[<\[]")  # a "<" or "[" that markdown would read as markup


@pytest.fixture(autouse=True)
def at_the_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("PERSPECTIVES_CORPUS", raising=False)


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "data")


def text_of(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [h.value for h in (*at.header, *at.subheader)]
    return " ".join(parts).replace("\\", "")


def downloads(at: AppTest) -> list[str]:
    return [button.proto.label for button in at.get("download_button")]


def test_debate_deep_link_to_a_motion_and_side(corpus):
    at = open_page(DEBATE, motion="economic-nato", side="opposition")
    motion = corpus.motion("economic-nato")
    assert at.selectbox(key="debate-motion").value == "economic-nato"
    assert at.radio(key="debate-side").value == "opposition"
    assert at.subheader[0].value.replace("\\", "") == motion.text
    text = text_of(at)
    assert "Our side: the opposition" in text
    assert "Bing Song" in text and "Jianli Yang" in text  # the case and an attack
    # no position on this topic answers or disputes another in the texts (issue 9)
    assert "Opposite stance, not linked" in text
    assert downloads(at) == [
        "Download brief as Markdown",
        "Download brief as Word (DOCX)",
        "Download brief as PDF",
    ]
    assert dict(at.query_params) == {"motion": "economic-nato", "side": "opposition"}
    assert not at.warning


def test_switching_side_rewrites_the_link(corpus):
    at = open_page(DEBATE, motion="social-credit-trust-not-control", side="proposition")
    assert "Bing Song" in " ".join(m.value for m in at.markdown if m.value.startswith("**"))
    at.radio(key="debate-side").set_value("opposition").run()
    assert at.query_params["side"] == "opposition"
    cases = [m.value for m in at.markdown if m.value.startswith("**")]
    assert any(v.startswith("**John Dobson**") for v in cases)


def test_debate_deep_link_to_a_motion_of_ones_own():
    at = open_page(
        DEBATE,
        topic="covid-19",
        pole="high",
        text="This House salutes the lockdowns",
        side="opposition",
    )
    assert at.segmented_control(key="debate-mode").value == "A motion of my own"
    assert at.selectbox(key="debate-topic").value == "covid-19"
    assert at.radio(key="debate-pole").value == "high"
    assert at.subheader[0].value == "This House salutes the lockdowns"
    text = text_of(at)
    assert "defending “The pandemic exposed disorder, coercion and censorship”" in text
    assert "Xi Jinping" in text  # the attack the opposition must expect
    assert at.query_params["text"] == "This House salutes the lockdowns"
    at.text_input(key="debate-text").set_value("This House <b>[x](y)</b>").run()
    assert at.query_params["text"] == "This House <b>[x](y)</b>"
    assert not UNESCAPED.search(at.subheader[0].value)


def test_unknown_motion_warns_and_falls_back(corpus):
    at = open_page(DEBATE, motion="no-such-motion", side="opposition")
    assert any("no-such-motion" in w.value.replace("\\", "") for w in at.warning)
    assert at.selectbox(key="debate-motion").value == corpus.motions[0].id
    assert at.query_params["motion"] == corpus.motions[0].id


def test_seminar_deep_link(corpus):
    at = open_page(SEMINAR, topics="regime-future,covid-19", doc="yang-2023")
    assert at.multiselect(key="seminar-topics").value == ["regime-future", "covid-19"]
    labels = [s.value.replace("\\", "") for s in at.subheader]
    assert labels == ["The future of one-party rule", "Covid-19"]
    text = text_of(at)
    assert "Questions for discussion" in text and "What the corpus leaves out" in text
    assert corpus.guide("yang-2023").thesis[:60] in text
    assert len(at.get("vega_lite_chart")) == 2
    # the handout and the reading guide, each button named for what it delivers
    assert "Download handout as PDF" in downloads(at) and "Download guide as PDF" in downloads(at)
    assert len(set(downloads(at))) == len(downloads(at)) == 6
    assert dict(at.query_params) == {"topics": "regime-future,covid-19", "doc": "yang-2023"}


def test_seminar_widgets_write_the_link():
    at = open_page(SEMINAR, topics="covid-19")
    at.multiselect(key="seminar-topics").set_value(["covid-19", "hong-kong"]).run()
    assert at.query_params["topics"] == "covid-19,hong-kong"
    at.selectbox(key="seminar-doc").set_value("dobson-2020").run()
    assert at.query_params["doc"] == "dobson-2020"
    assert "Xi Jinping's dystopian world" in text_of(at)
    at.multiselect(key="seminar-topics").set_value([]).run()
    assert any("at least one topic" in i.value for i in at.info)
    assert "topics" not in at.query_params


def test_seminar_unknown_topic_warns():
    at = open_page(SEMINAR, topics="covid-19,nope")
    assert any("nope" in w.value for w in at.warning)
    assert at.multiselect(key="seminar-topics").value == ["covid-19"]


def test_a_motion_in_the_link_is_held_to_the_forms_limit():
    at = open_page(DEBATE, topic="covid-19", pole="high", text="x" * 5000, side="proposition")
    assert not at.exception
    assert any("5000 characters" in w.value for w in at.warning)
    assert at.text_input(key="debate-text").value == "x" * MOTION_TEXT_LIMIT
    assert at.subheader[0].value == "x" * MOTION_TEXT_LIMIT


def test_a_motion_over_the_limit_is_refused_by_name():
    corpus = load_cached(default_corpus_path())
    with pytest.raises(ValueError, match="at most 300"):
        custom_motion(corpus, corpus.topics[0].id, "low", "y" * (MOTION_TEXT_LIMIT + 1))


def test_debate_says_at_the_top_when_our_side_is_thin():
    """Issue 9.8: a side resting on one voice is said plainly, above the tabs, with counts."""
    at = open_page(DEBATE, motion="change-from-dissent-within", side="opposition")
    text = text_of(at)
    assert "Thin side: our side rests on much less evidence than the other" in text
    assert "our side 1 voice, 1 document, 2 quotes; the other side 5 voices" in text
    at = open_page(DEBATE, motion="legitimacy-through-listening", side="proposition")
    text = text_of(at)
    assert "Thin side" not in text
    assert "our side 4 voices, 1 document, 9 quotes" in text
