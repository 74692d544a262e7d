"""A database that cannot be reached is one plain message on every page that needs it, never a
traceback or the driver's words (which name the server's host, port and user)."""

from __future__ import annotations

import pytest

from perspectives.store.engine import dispose_engines
from perspectives.ui.navigation import STORE_UNAVAILABLE
from tests.apptest import open_page

# Nothing listens on port 1: the connection is refused at once.
DOWN = "postgresql://perspectives:s3cretpw@127.0.0.1:1/classdb"
LEAKS = ("127.0.0.1", "s3cretpw", "classdb", "port 1", "psycopg", "OperationalError")


def _texts(at) -> list[str]:
    kinds = ("error", "warning", "info", "markdown", "caption", "text", "code", "exception")
    return [str(getattr(e, "value", "")) for kind in kinds for e in getattr(at, kind)]


@pytest.fixture
def store_down(monkeypatch):
    dispose_engines()
    monkeypatch.setenv("DATABASE_URL", DOWN)
    yield
    dispose_engines()


@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("poll", {}),
        ("poll", {"code": "ABCDEF"}),
        ("workspace", {}),
        ("compare", {"ws": "my-list"}),
        ("documents", {"ws": "my-list"}),
    ],
)
def test_an_unreachable_database_is_a_plain_message(store_down, page, params):
    at = open_page(page, **params)  # fails on any exception shown
    texts = _texts(at)
    assert any(STORE_UNAVAILABLE in text for text in texts), texts
    assert not [text for text in texts if any(leak in text for leak in LEAKS)]
