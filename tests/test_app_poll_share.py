"""The poll's invitation under AppTest: the participants' link uses the public address, and the
leader is warned when only this computer can open it."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from perspectives.markup import st_escape
from perspectives.store import polls as store
from perspectives.teaching import poll_link
from tests.apptest import open_page

ROOT = Path(__file__).resolve().parents[1]
POLL = "perspectives/ui/pages/poll.py"


@pytest.fixture(autouse=True)
def poll_db(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("PERSPECTIVES_CORPUS", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv(poll_link.ENV, raising=False)
    monkeypatch.setenv("PERSPECTIVES_DB", str(tmp_path / "workspace.db"))
    yield
    store.dispose_engines()


def lead_poll() -> tuple[AppTest, str]:
    leader = open_page(POLL)
    next(b for b in leader.button if b.label == "Open poll").click().run()
    assert not leader.exception, leader.exception
    return leader, leader.query_params["code"]


def _links(at: AppTest) -> list[str]:
    return [c.value for c in at.code]


def test_the_link_uses_the_public_url_setting(monkeypatch):
    monkeypatch.setenv(poll_link.ENV, "https://poll.example.org/seminar/")
    leader, code = lead_poll()
    participant, leader_link = _links(leader)
    assert participant == f"https://poll.example.org/seminar/poll?code={code}"
    assert leader_link.startswith(f"https://poll.example.org/seminar/poll?code={code}&lead=")
    assert not leader.warning
    assert leader.image[0].proto.imgs[0].caption == "Scan to vote"


def test_the_link_uses_the_network_address_instead_of_loopback(monkeypatch):
    monkeypatch.setattr(poll_link, "network_address", lambda: "10.20.30.40")
    leader, code = lead_poll()
    assert _links(leader)[0] == f"http://10.20.30.40:8501/poll?code={code}"
    assert not leader.warning


def test_the_leader_is_warned_when_only_loopback_is_known(monkeypatch):
    monkeypatch.setattr(poll_link, "network_address", lambda: None)
    leader, code = lead_poll()
    assert "localhost" in _links(leader)[0]
    warning = leader.warning[0].value
    assert warning.startswith("Only this computer can open this link")
    assert "--server.address 0.0.0.0" in warning and poll_link.ENV in warning
    participant = open_page(POLL, code=code)
    assert not participant.warning  # the participant is not told about the leader's setup


def test_a_bad_setting_is_named_and_the_network_address_used(monkeypatch):
    monkeypatch.setenv(poll_link.ENV, "ftp://nope")
    monkeypatch.setattr(poll_link, "network_address", lambda: "10.20.30.40")
    leader, code = lead_poll()
    assert _links(leader)[0] == f"http://10.20.30.40:8501/poll?code={code}"
    problem = "PERSPECTIVES_PUBLIC_URL='ftp://nope' is not an http(s) address"
    assert st_escape(problem) in leader.warning[0].value


def test_the_leader_can_download_the_results_and_a_participant_cannot():
    leader, code = lead_poll()
    buttons = leader.get("download_button")
    assert [b.proto.label for b in buttons] == ["Votes (CSV)", "Votes (JSON)", "Chart (PNG)"]
    participant = open_page(POLL, code=code)
    assert not participant.get("download_button")
