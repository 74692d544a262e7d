"""The Corpus, Problems and Quiz pages offer their tables as CSV and JSON and a link to copy;
a quiz link (`?mode=camp&round=N`) gives the same ten questions in any session."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from perspectives.corpus import default_corpus_path, load_cached
from perspectives.markup import st_escape
from perspectives.teaching import quiz
from perspectives.wording import quoted
from tests.apptest import open_page

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def default_corpus(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("PERSPECTIVES_CORPUS", raising=False)


def download_labels(at) -> list[str]:
    return [button.proto.label for button in at.get("download_button")]


def copied_links(at) -> list[str]:
    return [c.value for c in at.code if c.value.startswith("/")]


def test_the_corpus_page_offers_its_documents_and_positions_and_its_link():
    at = open_page("corpus")
    assert download_labels(at).count("Download CSV") == 2
    assert download_labels(at).count("Download JSON") == 2
    assert at.get("popover")
    assert copied_links(at) == ["/corpus"]


def test_the_problems_page_offers_its_table_with_or_without_problems(tmp_path, monkeypatch):
    at = open_page("problems")
    assert download_labels(at) == ["Download CSV", "Download JSON"]
    assert copied_links(at) == ["/problems"]
    broken = shutil.copytree(default_corpus_path(), tmp_path / "broken")
    (broken / "analysis" / "topics.yaml").write_text("- id: [unclosed\n", "utf-8")
    monkeypatch.setenv("PERSPECTIVES_CORPUS", str(broken))
    at = open_page("problems")
    assert at.error
    assert download_labels(at) == ["Download CSV", "Download JSON"]
    assert copied_links(at) == ["/problems"]


def shown_quote(at) -> str:
    """The quote asked; `wording.quoted` wraps it in ‘…’ when it opens or ends with “."""
    (quote,) = [m.value for m in at.markdown if m.value.startswith(("#### “", "#### ‘"))]
    bare = quote.removeprefix("#### ")
    assert (bare[0], bare[-1]) in {("“", "”"), ("‘", "’")}
    return bare[1:-1]


def play_round(at) -> list[str]:
    """Answer every question with its first option; the quotes asked, in order."""
    quotes = []
    for index in range(quiz.ROUND_LENGTH):
        quotes.append(shown_quote(at))
        at.button(key=f"quiz-123-{index}-0").click().run()
        if index < quiz.ROUND_LENGTH - 1:
            at.button(key=f"quiz-next-{index}").click().run()
    return quotes


def test_a_quiz_link_gives_the_same_round_in_any_session():
    corpus = load_cached(default_corpus_path())
    wanted = quiz.draw_round(corpus, quiz.ROUND_LENGTH, "camp", random.Random(123))
    first = open_page("quiz", mode="camp", round="123")
    assert first.segmented_control(key="quiz-mode").value == "camp"
    assert first.query_params["mode"] == "camp" and first.query_params["round"] == "123"
    assert copied_links(first) == ["/quiz?mode=camp&round=123"]
    assert download_labels(first) == ["Download CSV", "Download JSON"]
    buttons = [b for b in first.button if b.key and b.key.startswith("quiz-123-0-")]
    options = [b.label for b in sorted(buttons, key=lambda b: b.key)]
    assert options == [st_escape(quiz.label(corpus, "camp", o)) for o in wanted[0].options]
    assert play_round(first) == [st_escape(q.evidence.text) for q in wanted]
    second = open_page("quiz", mode="camp", round="123")  # another session, the same link
    assert shown_quote(second) == st_escape(wanted[0].evidence.text)


def test_a_bad_round_says_so_and_plays_another():
    at = open_page("quiz", mode="voice", round="not-a-number")
    assert any("not\\-a\\-number" in w.value or "not-a-number" in w.value for w in at.warning)
    assert at.query_params["round"].isdigit()
    assert shown_quote(at)


def test_a_quote_with_its_own_double_marks_is_asked_in_single_marks():
    corpus = load_cached(default_corpus_path())
    seed, first = next(
        (seed, round_[0])
        for seed in range(1000)
        for round_ in [quiz.draw_round(corpus, quiz.ROUND_LENGTH, "voice", random.Random(seed))]
        if quoted(round_[0].evidence.text).startswith("‘")
    )
    at = open_page("quiz", mode="voice", round=str(seed))
    assert f"#### ‘{st_escape(first.evidence.text)}’" in [m.value for m in at.markdown]
    assert shown_quote(at) == st_escape(first.evidence.text)


def test_changing_the_mode_starts_a_new_round_and_the_link_follows():
    at = open_page("quiz", mode="camp", round="123")
    at.segmented_control(key="quiz-mode").set_value("voice").run()
    assert at.query_params["mode"] == "voice" and at.query_params["round"] != "123"
    assert copied_links(at) == [f"/quiz?mode=voice&round={at.query_params['round']}"]


def test_the_corpus_page_builds_a_large_positions_table_only_for_its_download(monkeypatch):
    from perspectives.ui import cache, widgets

    built = []
    real = cache.positions_table
    monkeypatch.setattr(cache, "positions_table", lambda corpus: built.append(1) or real(corpus))
    at = open_page("corpus")
    assert built and download_labels(at).count("Download CSV") == 2  # a class-sized corpus
    built.clear()
    monkeypatch.setattr(widgets, "EAGER_ROWS", 10)  # as if every table were long
    at = open_page("corpus")
    assert not at.exception
    assert not built
    assert download_labels(at).count("Download CSV") == 2
