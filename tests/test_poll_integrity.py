"""Poll integrity (issue 12): names when the leader asks for them, seen by the leader only; the
leader removes a participant; idle polls close to votes and are deleted after a month; an older
store gains the new columns. Store tests run on SQLite and (when it is up) PostgreSQL."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from perspectives.store import polls as store
from perspectives.store.engine import dispose_engines, get_engine
from perspectives.ui import pollview
from tests.apptest import open_page

ROOT = Path(__file__).resolve().parents[1]
A, B, C = "a" * 32, "b" * 32, "c" * 32


def _later(monkeypatch, **delta):
    now = store._now() + timedelta(**delta)
    monkeypatch.setattr(store, "_now", lambda: now)


def test_a_poll_that_asks_for_names_refuses_a_vote_without_one(store_url):
    with store.poll_store(store_url) as ws:
        poll = ws.create_poll("caps-and-supply", require_names=True)
        with pytest.raises(store.InvalidVote, match="asks for your name"):
            ws.cast_vote(poll.code, A, 1)
        with pytest.raises(store.InvalidVote, match="asks for your name"):
            ws.cast_vote(poll.code, A, 1, name="   ")
        ws.cast_vote(poll.code, A, 1, "Too slow.", name="  Ann\x00  Lee ")
        ws.cast_vote(poll.code, B, -2, name="Bo")
        people = ws.participants(poll.code)
        assert [(p.number, p.name, p.stance, p.sentence) for p in people] == [
            (1, "Ann\ufffd Lee", 1, "Too slow."),
            (2, "Bo", -2, None),
        ]
        assert ws.results(poll.code).sentences[0].text == "Too slow."  # no name with it
        with pytest.raises(store.InvalidVote, match="at most 60"):
            ws.cast_vote(poll.code, C, 0, name="x" * 61)


def test_the_leader_removes_a_participant_from_every_round(store_url):
    with store.poll_store(store_url) as ws:
        poll = ws.create_poll("caps-and-supply")
        for token in (A, B, C):
            ws.cast_vote(poll.code, token, 2, "stuffed" if token != C else None)
        ws.start_round(poll.code)
        ws.cast_vote(poll.code, A, 2)
        assert ws.remove_participant(poll.code, A) == 2
        assert ws.remove_participant(poll.code, A) == 0
        assert ws.results(poll.code, 1).total == 2
        assert ws.results(poll.code).total == 0
        assert [p.token for p in ws.participants(poll.code, 1)] == [B, C]


def test_an_idle_poll_closes_to_votes_and_a_month_later_is_deleted(store_url, monkeypatch):
    with store.poll_store(store_url) as ws:
        poll = ws.create_poll("caps-and-supply")
        ws.cast_vote(poll.code, A, 1)
        _later(monkeypatch, hours=store.IDLE_HOURS - 1)
        ws.cast_vote(poll.code, B, 1)  # activity keeps it open
        _later(monkeypatch, hours=store.IDLE_HOURS + 1)
        assert not ws.is_open(poll.code)
        with pytest.raises(store.PollClosed, match="closed after 12 hours"):
            ws.cast_vote(poll.code, C, 1)
        with pytest.raises(store.PollClosed):
            ws.start_round(poll.code)
        assert ws.results(poll.code).total == 2  # still readable
        _later(monkeypatch, days=store.KEEP_DAYS + 1)
        fresh = ws.create_poll("caps-and-supply")
        assert ws.find_poll(poll.code) is None
        assert ws.find_poll(fresh.code) is not None
        assert ws.vote_rows(fresh.code) == 0


def test_an_older_store_gains_the_new_columns(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE polls (code VARCHAR(12) PRIMARY KEY, topic_id VARCHAR(200) NOT NULL, "
            "corpus VARCHAR(500) NOT NULL, fingerprint VARCHAR(100) NOT NULL, "
            "leader_key VARCHAR(64) NOT NULL, round INTEGER NOT NULL, "
            "created_at DATETIME NOT NULL)"
        )
        conn.execute(
            "INSERT INTO polls VALUES ('KKKKKK', 't', '', '', 'key', 1, '2026-01-01 00:00:00')"
        )
    url = f"sqlite:///{path}"
    try:
        with get_engine(url).connect() as conn:
            assert conn.scalar(text("SELECT require_names FROM polls")) in (0, False)
        with store.poll_store(url) as ws:
            assert (
                ws.get_poll("KKKKKK").require_names is False
                or not ws.get_poll("KKKKKK").require_names
            )
    finally:
        dispose_engines()


@pytest.fixture
def poll_db(tmp_path, monkeypatch):
    monkeypatch.delenv("PERSPECTIVES_CORPUS", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("PERSPECTIVES_DB", str(tmp_path / "workspace.db"))
    yield
    dispose_engines()


def test_leader_sees_names_and_removes_a_participant(poll_db):
    leader = open_page("poll")
    next(c for c in leader.checkbox if c.label.startswith("Ask participants")).check()
    next(b for b in leader.button if b.label == "Open poll").click().run()
    code = leader.query_params["code"]

    phone = open_page("poll", code=code)
    assert phone.text_input[0].label.startswith("Your name")
    next(b for b in phone.button if b.label == "Send my vote").click().run()
    assert any("asks for your name" in e.value for e in phone.error)
    phone.text_input[0].input("<b>Mallory</b>")
    phone.text_input[1].input("Vote early, vote often")
    next(b for b in phone.button if b.label == "Send my vote").click().run()
    assert phone.success

    leader.run()
    lines = [m.value for m in leader.markdown]
    assert any("\\<b\\>Mallory\\</b\\>" in line for line in lines), lines  # escaped
    assert not any("Mallory" in m.value for m in phone.markdown)  # the class does not see it
    removes = [b for b in leader.button if b.label == "Remove"]
    assert len(removes) == 1
    removes[0].click().run()
    assert not leader.exception
    assert not [b for b in leader.button if b.label == "Remove"]
    with store.poll_store() as ws:
        assert ws.results(code).total == 0


def test_a_closed_poll_says_so_to_participants(poll_db, monkeypatch):
    with store.poll_store() as ws:
        code = ws.create_poll(open_page("poll").selectbox[0].value).code
    _later(monkeypatch, hours=store.IDLE_HOURS + 1)
    phone = open_page("poll", code=code)
    assert [i.value for i in phone.info] == [pollview.CLOSED_NOTE]
    assert not [b for b in phone.button if b.label == "Send my vote"]
