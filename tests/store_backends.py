"""The store's two backends for a test: a fresh SQLite file, and the PostgreSQL server named by
$PERSPECTIVES_TEST_POSTGRES_URL (`.ci/postgres start` prints it) with its workspaces emptied.
Without that server the PostgreSQL case skips, unless $PERSPECTIVES_REQUIRE_POSTGRES is set.

    def test_x(store_url): ...   # the fixture, imported by tests/conftest.py
"""

from __future__ import annotations

import os

import pytest
from sqlalchemy import delete

from perspectives.store.engine import dispose_engines, get_engine, write_transaction
from perspectives.store.tables import workspaces

PG_URL = os.environ.get("PERSPECTIVES_TEST_POSTGRES_URL", "").strip()
PG_REQUIRED = bool(os.environ.get("PERSPECTIVES_REQUIRE_POSTGRES"))


def postgres_url_or_skip() -> str:
    if not PG_URL:
        reason = "PostgreSQL tests need PERSPECTIVES_TEST_POSTGRES_URL (see .ci/postgres start)"
        if PG_REQUIRED:
            pytest.fail(reason + "; PERSPECTIVES_REQUIRE_POSTGRES is set")
        pytest.skip(reason)
    return PG_URL


def empty_workspaces(url: str) -> None:
    """Delete every workspace (their files, revisions and drafts go with them)."""
    with get_engine(url).connect() as conn, write_transaction(conn):
        conn.execute(delete(workspaces))


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'workspace.db'}"
        dispose_engines()
        return
    url = postgres_url_or_skip()
    empty_workspaces(url)
    yield url
    empty_workspaces(url)
