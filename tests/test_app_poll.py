"""The poll and quiz pages through Streamlit's AppTest, on the default corpus.

Each AppTest is one browser session: a leader and a participant are two AppTests sharing the
store file that $PERSPECTIVES_DB names (a temporary one per test).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from perspectives.corpus import default_corpus_path, load_cached
from perspectives.markup import st_escape
from perspectives.store import polls as store
from perspectives.teaching import quiz
from perspectives.wording import quoted
from tests.apptest import open_page as _open

ROOT = Path(__file__).resolve().parents[1]
POLL = "perspectives/ui/pages/poll.py"
QUIZ = "perspectives/ui/pages/quiz.py"


@pytest.fixture(autouse=True)
def poll_db(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("PERSPECTIVES_CORPUS", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("PERSPECTIVES_DB", str(tmp_path / "workspace.db"))
    yield tmp_path / "workspace.db"
    store.dispose_engines()


def _button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def _metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def _lead_poll(topic: str = "social-credit") -> tuple[AppTest, str]:
    leader = _open(POLL)
    leader.selectbox[0].select(topic)
    _button(leader, "Open poll").click().run()
    assert not leader.exception, leader.exception
    return leader, leader.query_params["code"]


def _vote(code: str, stance: int, sentence: str = "", at: AppTest | None = None) -> AppTest:
    at = at or _open(POLL, code=code)
    at.select_slider[0].set_value(stance)
    at.text_input[0].input(sentence)
    next(b for b in at.button if b.label in ("Send my vote", "Change my vote")).click().run()
    assert not at.exception, at.exception
    return at


def test_leader_opens_a_poll_and_sees_a_participants_vote():
    leader, code = _lead_poll()
    assert _metric(leader, "Session code") == code
    assert len(code) == 6
    assert leader.image[0].captions == ["Scan to vote"]  # the QR code
    assert any(f"/poll?code={code}" in c.value for c in leader.code)
    assert _metric(leader, "Votes in round 1") == "0"

    participant = _vote(code, -1, "They watch <b>us</b> *all*")
    assert participant.success[0].value.startswith("Your vote is in")
    assert not [b for b in participant.button if b.label.startswith("Run again")]  # no controls

    leader.run()
    assert _metric(leader, "Votes in round 1") == "1"
    assert _metric(leader, "Class mean (−2 to +2)") == "-1.00"
    sentences = [m.value for m in leader.markdown]
    assert st_escape("They watch <b>us</b> *all*") in sentences  # shown as text, escaped


def test_a_second_vote_changes_the_first_and_counts_once():
    leader, code = _lead_poll()
    participant = _vote(code, 2, "First thought.")
    _vote(code, -2, "Second thought.", at=participant)
    leader.run()
    assert _metric(leader, "Votes in round 1") == "1"
    assert _metric(leader, "Class mean (−2 to +2)") == "-2.00"


def test_unknown_code_is_a_clear_message():
    at = _open(POLL, code="NOPE42")
    assert "No poll has the code “NOPE42”" in at.error[0].value
    assert [f.label for f in at.text_input] == ["Session code"]  # and the join form


def test_a_participant_joins_by_typing_the_code():
    _, code = _lead_poll()
    at = _open(POLL)
    at.text_input[0].input(f" {code.lower()[:3]}-{code.lower()[3:]} ")
    _button(at, "Join").click().run()
    assert at.query_params["code"] == code
    assert at.caption[0].value == f"Session {code} · round 1"
    assert at.select_slider[0].value == 0


def test_leader_link_gives_the_controls_and_a_wrong_key_does_not():
    leader, code = _lead_poll()
    with store.poll_store() as ws:
        key = ws.get_poll(code).leader_key
    other = _open(POLL, code=code, lead=key)
    assert _button(other, "Run again (start round 2)")
    assert "lead" not in other.query_params  # the key leaves the address bar
    wrong = _open(POLL, code=code, lead="not-the-key")
    assert "does not match" in wrong.warning[0].value
    assert wrong.select_slider  # the participant view


def test_run_again_compares_before_and_after():
    leader, code = _lead_poll()
    one = _vote(code, -2)
    two = _vote(code, -1)
    _button(leader, "Run again (start round 2)").click().run()
    assert _metric(leader, "Votes in round 2") == "0"
    one.run()  # the participant's page now shows round 2
    _vote(code, 1, at=one)
    _vote(code, -1, at=two.run())
    leader.run()
    assert _metric(leader, "Mean before").startswith("-1.50")
    assert _metric(leader, "Mean after").startswith("+0.00")
    assert _metric(leader, "Changed their stance") == "1 of 2"


def test_a_vote_sent_from_a_closed_round_moves_the_participant_keeping_the_answer():
    leader, code = _lead_poll()
    participant = _open(POLL, code=code)  # the page shows round 1
    _button(leader, "Run again (start round 2)").click().run()
    _vote(code, 2, "Changed my mind.", at=participant)
    assert not participant.error  # not told that the round takes no votes
    assert participant.info[0].value.startswith("The leader has started round 2")
    assert participant.caption[0].value == f"Session {code} · round 2"
    assert participant.select_slider[0].value == 2  # the answer is kept, not reset
    assert participant.text_input[0].value == "Changed my mind."
    with store.poll_store() as ws:  # counted nowhere until sent again
        assert ws.results(code, 1).total == 0 and ws.results(code, 2).total == 0
    next(b for b in participant.button if b.label == "Send my vote").click().run()
    assert participant.success[0].value.startswith("Your vote is in")
    with store.poll_store() as ws:
        assert ws.results(code, 2).counts[2] == 1 and ws.results(code, 1).total == 0


def test_a_participant_keeps_their_last_value_into_the_next_round():
    leader, code = _lead_poll()
    participant = _vote(code, -1, "Round one.")
    _button(leader, "Run again (start round 2)").click().run()
    participant.run()  # the round watcher's rerun
    assert participant.caption[0].value == f"Session {code} · round 2"
    assert participant.select_slider[0].value == -1
    assert _button(participant, "Send my vote")  # no vote in round 2 yet


def test_leader_controls_are_not_offered_to_participants():
    _, code = _lead_poll()
    participant = _open(POLL, code=code)
    labels = [b.label for b in participant.button]
    assert not [label for label in labels if label.startswith("Run again")], labels
    assert not any("lead=" in c.value for c in participant.code)


def _right_and_wrong(at: AppTest, index: int):
    corpus = load_cached(default_corpus_path())
    seed = at.session_state["quiz_round"]["seed"]
    question = quiz.draw_round(corpus, quiz.ROUND_LENGTH, "voice", random.Random(seed))[index]
    buttons = {b.key: b for b in at.button if b.key}
    keys = [f"quiz-{seed}-{index}-{k}" for k in range(len(question.options))]
    right = question.options.index(question.answer)
    wrong = next(k for k in range(len(keys)) if k != right)
    return question, buttons[keys[right]], buttons[keys[wrong]]


def test_quiz_renders_and_answering_updates_the_score():
    at = _open(QUIZ)
    assert at.title[0].value == "Who said it?"
    assert _metric(at, "Score") == "0 / 0"
    question, right, _ = _right_and_wrong(at, 0)
    assert at.markdown[0].value == f"#### {quoted(st_escape(question.evidence.text))}"
    right.click().run()
    assert _metric(at, "Score") == "1 / 1"
    assert at.success[0].value.startswith("Right")
    link = at.get("page_link")[0]
    assert link.value == "Show in context"
    assert f"doc={question.position.document}" in link.proto.query_string
    assert f"p={question.evidence.paragraph}" in link.proto.query_string

    _button(at, "Next question").click().run()
    _, _, wrong = _right_and_wrong(at, 1)
    wrong.click().run()
    assert _metric(at, "Score") == "1 / 2"
    assert at.error[0].value.startswith("Not quite")

    _button(at, "New round").click().run()
    assert _metric(at, "Score") == "0 / 0"


@pytest.mark.parametrize("key", ["é", "ключ", "\u202e", "x" * 5000])
def test_a_leader_key_of_any_characters_is_refused_without_a_traceback(key):
    _, code = _lead_poll()
    visitor = _open(POLL, code=code, lead=key)
    assert not visitor.exception, visitor.exception
    assert not any(b.label.startswith("Run again") for b in visitor.button)  # no leader control


def test_the_next_person_on_a_device_votes_as_a_new_participant():
    _, code = _lead_poll()
    phone = _open(POLL, code=code)
    phone.select_slider[0].set_value(-2)
    next(b for b in phone.button if b.label == "Send my vote").click().run()
    _button(phone, "Someone else votes on this device").click().run()
    assert not phone.exception
    assert _button(phone, "Send my vote")  # a new participant, with no vote yet
    phone.select_slider[0].set_value(2)
    next(b for b in phone.button if b.label == "Send my vote").click().run()
    with store.poll_store() as ws:
        results = ws.results(code)
    assert results.total == 2 and results.counts[-2] == 1 and results.counts[2] == 1


def test_a_session_opens_a_bounded_number_of_polls(monkeypatch):
    from perspectives.ui import pollview

    leader = _open(POLL)
    leader.session_state[pollview.LEADER_KEYS] = {f"P{n}": "k" for n in range(10)}
    leader.run()
    assert not any(b.label == "Open poll" for b in leader.button)
    assert any("the most one session may open" in i.value for i in leader.info)
