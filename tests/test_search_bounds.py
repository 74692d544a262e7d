"""Search is bounded so one visitor cannot freeze it for everyone: caps on a query's length and
terms, a time limit per query, and no lock shared between two users' searches."""

from __future__ import annotations

import threading

import pytest

from perspectives.views import search_index
from perspectives.views.search_index import SearchError, SearchIndex
from tests.test_search import document

TEXT = "\n\n".join(f"Tenants and landlords argue about rent number {n}." for n in range(300))


@pytest.fixture
def index():
    return SearchIndex([document("rents", TEXT)])


def test_a_query_over_the_length_cap_is_refused_with_a_message(index):
    with pytest.raises(SearchError, match="at most 500"):
        index.search("rent " * 101)


def test_a_query_over_the_term_cap_is_refused_with_a_message(index):
    with pytest.raises(SearchError, match="31 terms; a search takes at most 30"):
        index.search(" ".join(f"w{n}" for n in range(31)))


def test_a_query_over_the_time_limit_is_stopped_with_a_message(monkeypatch):
    monkeypatch.setattr(search_index, "_PROGRESS_STEPS", 1)
    monkeypatch.setattr(search_index, "QUERY_SECONDS", -1.0)  # every query is already late
    slow = SearchIndex([document("rents", TEXT)])
    with pytest.raises(SearchError, match="took longer than"):
        slow.search("rent*")


def test_the_limit_applies_after_the_filters(index):
    hits = index.search("rent", limit=3, keep=lambda doc, number: number % 7 == 0)
    assert len(hits) == 3 and all(h.paragraph % 7 == 0 for h in hits)
    first = index.search("rent", limit=2, first=lambda doc, number: number == 250)
    assert first[0].paragraph == 250


def test_a_search_in_progress_does_not_hold_up_another_users_search(index):
    """User A's search is held inside its ranking pass (its statement open on its connection);
    user B's search, in another thread, still runs to the end."""
    inside, release = threading.Event(), threading.Event()

    def held(doc: str, number: int) -> bool:
        inside.set()
        release.wait(timeout=30)
        return True

    a = threading.Thread(target=lambda: index.search("rent*", limit=5, keep=held))
    a.start()
    assert inside.wait(timeout=10)
    b_hits: list = []
    b = threading.Thread(target=lambda: b_hits.extend(index.search("landlords", limit=5)))
    b.start()
    b.join(timeout=10)
    b_done = not b.is_alive()
    release.set()
    a.join(timeout=30)
    assert b_done, "a second user's search waited for the first one"
    assert len(b_hits) == 5
