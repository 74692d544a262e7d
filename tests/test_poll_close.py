"""Closing a poll: the leader's action, on SQLite and PostgreSQL, and on the page; a closed
poll takes no votes until it is run again, and a participant keeps their answer meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest

from perspectives.store import polls as store
from tests.apptest import open_page

ROOT = Path(__file__).resolve().parents[1]
POLL = "perspectives/ui/pages/poll.py"


def test_a_closed_poll_takes_no_votes_until_run_again(store_url):
    with store.poll_store(store_url) as ws:
        code = ws.create_poll("topic-a").code
        ws.cast_vote(code, "p1", -1)
        assert ws.is_open(code) and not ws.get_poll(code).closed
        closed = ws.close_poll(code)
        assert closed.closed and closed.closed_at is not None and not ws.is_open(code)
        assert ws.close_poll(code).closed_at == closed.closed_at  # idempotent
        with pytest.raises(store.PollClosed, match="is closed: it takes no more votes"):
            ws.cast_vote(code, "p2", 2)
        assert ws.results(code).total == 1  # the results stay
        assert ws.start_round(code) == 2  # run again: reopened
        assert ws.is_open(code) and not ws.get_poll(code).closed
        ws.cast_vote(code, "p2", 2)
        assert ws.results(code).total == 1 and ws.results(code, 1).total == 1


@pytest.fixture
def poll_db(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("PERSPECTIVES_CORPUS", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("PERSPECTIVES_DB", str(tmp_path / "workspace.db"))
    yield
    store.dispose_engines()


def _button(at, label):
    return next(b for b in at.button if b.label == label)


def test_the_leader_closes_and_reopens_and_the_participant_follows(poll_db):
    leader = open_page(POLL)
    _button(leader, "Open poll").click().run()
    code = leader.query_params["code"]
    phone = open_page(POLL, code=code)
    assert not [b for b in phone.button if b.label == "Close the poll"]  # leader only
    phone.select_slider[0].set_value(1).run()
    phone.text_input[0].input("Hold on.").run()

    _button(leader, "Close the poll").click().run()
    assert not leader.exception
    assert any("Closed: round 1 takes no more votes" in i.value for i in leader.info)
    assert not [b for b in leader.button if b.label == "Close the poll"]

    _button(phone, "Send my vote").click().run()  # sent from the open page, after closing
    assert phone.warning[0].value.startswith("Your vote arrived after the poll closed")
    assert phone.info[0].value.startswith("The leader has closed the poll")
    assert phone.select_slider[0].disabled and _button(phone, "Send my vote").disabled
    with store.poll_store() as ws:
        assert ws.results(code).total == 0

    _button(leader, "Run again (start round 2)").click().run()
    phone.run()  # what the round check's rerun does
    assert not phone.select_slider[0].disabled
    assert phone.select_slider[0].value == 1 and phone.text_input[0].value == "Hold on."
    _button(phone, "Send my vote").click().run()
    with store.poll_store() as ws:
        assert ws.results(code, 2).counts[1] == 1
