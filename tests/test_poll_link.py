"""The poll's public address: the setting, Streamlit's option, the page, the network, and
loopback only as a last resort that is flagged."""

from __future__ import annotations

import socket

import pytest

from perspectives.teaching import poll_link
from perspectives.teaching.poll_link import is_loopback, listens_only_on_loopback, public_base

LAN = "192.168.1.20"


def _base(setting=None, address="localhost", port=8501, page=None, path="", lan=LAN):
    return public_base(setting, address, port, page, path, 8501, network=lambda: lan)


@pytest.mark.parametrize(
    "host",
    ["localhost", "LOCALHOST.", "app.localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]",
     "0.0.0.0", "::", "", None],
)  # fmt: skip
def test_loopback_hosts(host):
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["192.168.1.20", "10.0.0.5", "fe80::1", "poll.example.org"])
def test_reachable_hosts(host):
    assert not is_loopback(host)


def test_the_setting_wins_and_is_taken_whole():
    base = _base("https://poll.example.org/class/", page="http://localhost:8501/poll", path="x")
    assert (base.url, base.source, base.loopback) == (
        "https://poll.example.org/class",
        "PERSPECTIVES_PUBLIC_URL",
        False,
    )


def test_a_setting_without_scheme_is_http():
    assert _base("10.0.0.5:8501").url == "http://10.0.0.5:8501"


@pytest.mark.parametrize("bad", ["ftp://host", "http://", "https://host/?a=1", "://x"])
def test_an_unusable_setting_is_named_and_the_next_choice_used(bad):
    base = _base(bad, page="http://localhost:8501/poll")
    assert base.url == f"http://{LAN}:8501"
    assert base.problem and "PERSPECTIVES_PUBLIC_URL" in base.problem and repr(bad) in base.problem


def test_a_loopback_setting_is_kept_but_flagged():
    base = _base("http://localhost:9000")
    assert base.url == "http://localhost:9000" and base.loopback


def test_browser_server_address_when_not_loopback():
    base = _base(address="seminar.local", port=80, page="http://127.0.0.1:8501/poll", path="/p/")
    assert (base.url, base.source) == ("http://seminar.local/p", "browser.serverAddress")
    assert _base(address="10.1.1.1", port=8600).url == "http://10.1.1.1:8600"


def test_the_pages_own_address_when_reachable():
    base = _base(page="https://perspectives.example.org/poll?code=ABC")
    assert (base.url, base.source) == ("https://perspectives.example.org", "the page's address")
    assert _base(page=f"http://{LAN}:8502/poll").url == f"http://{LAN}:8502"


def test_the_network_address_replaces_loopback():
    base = _base(page="http://localhost:8599/poll?code=ABC", path="app")
    assert (base.url, base.source, base.loopback) == (
        f"http://{LAN}:8501/app",
        "the network address",
        False,
    )


def test_an_ipv6_network_address_is_bracketed():
    assert _base(page="http://localhost:8501/", lan="fd00::7").url == "http://[fd00::7]:8501"


def test_loopback_only_when_nothing_else_is_known():
    base = _base(page="http://127.0.0.1:8501/poll", lan=None)
    assert (base.url, base.loopback) == ("http://127.0.0.1:8501", True)
    assert _base(lan=None).url == "http://localhost:8501"  # no page url (as under AppTest)


def test_network_address_sends_nothing_and_skips_loopback(monkeypatch):
    calls = []

    class Probe:
        def __init__(self, family, kind):
            assert kind == socket.SOCK_DGRAM  # UDP: connect() only picks a route
            self.family = family

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def connect(self, target):
            calls.append(target)
            if self.family == socket.AF_INET6:
                raise OSError("no route")

        def getsockname(self):
            return ("127.0.1.1", 0)

        def send(self, *args):  # pragma: no cover - must not be called
            raise AssertionError("a packet was sent")

    monkeypatch.setattr(poll_link.socket, "socket", Probe)
    assert poll_link.network_address() is None  # loopback, then no route
    assert [c[0] for c in calls] == ["192.0.2.1", "2001:db8::1"]


def test_network_address_on_this_machine_is_never_loopback():
    host = poll_link.network_address()
    assert host is None or not is_loopback(host)


@pytest.mark.parametrize(
    ("bind", "only"),
    [(None, False), ("", False), ("0.0.0.0", False), ("::", False), ("127.0.0.1", True),
     ("localhost", True), ("192.168.1.20", False)],
)  # fmt: skip
def test_listens_only_on_loopback(bind, only):
    assert listens_only_on_loopback(bind) is only
