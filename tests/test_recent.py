"""`recent.Recent`, the per-corpus memo every view keeps its tables in."""

from __future__ import annotations

import threading
import time

import pytest

from perspectives.recent import Recent


def test_a_value_is_made_once_and_the_least_recently_used_is_forgotten():
    made = []
    kept: Recent[str, str] = Recent(2)
    make = lambda key: lambda: made.append(key) or key.upper()  # noqa: E731
    assert kept.get("a", make("a")) == "A"
    assert kept.get("a", make("a")) == "A" and made == ["a"]
    kept.get("b", make("b"))
    kept.get("a", make("a"))  # used again: now the most recent
    kept.get("c", make("c"))  # evicts b
    assert kept.keys() == ["a", "c"] and made == ["a", "b", "c"]
    kept.get("b", make("b"))
    assert made == ["a", "b", "c", "b"]
    kept.clear()
    assert kept.keys() == []


def test_a_falsy_value_is_kept_too():
    made = []
    kept: Recent[str, frozenset] = Recent(4)
    for _ in range(3):
        kept.get("empty", lambda: made.append(1) or frozenset())
    assert made == [1]


def test_a_size_below_one_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        Recent(0)


def _blocking(value: str, made: list | None = None):
    """A maker that holds until released: (make, making, release); `made` counts its calls."""
    making, release = threading.Event(), threading.Event()

    def make():
        if made is not None:
            made.append(1)
        making.set()
        release.wait(10)
        return value

    return make, making, release


@pytest.mark.parametrize("serial", [False, True])
def test_a_value_being_made_never_holds_up_another_key(serial):
    """A large corpus' index being built (seconds) must not make another user's search on
    another corpus wait: no lock of the map is held while a value is made."""
    kept: Recent[str, str] = Recent(4, serial=serial)
    kept.get("hit", lambda: "ready")
    slow, making, release = _blocking("slow")
    builder = threading.Thread(target=kept.get, args=("slow", slow))
    builder.start()
    assert making.wait(10)
    got: list[str] = []
    other = threading.Thread(target=lambda: got.append(kept.get("other", lambda: "made")))
    reader = threading.Thread(target=lambda: got.append(kept.get("hit", lambda: "again")))
    for thread in (other, reader):
        thread.start()
        thread.join(10)
        assert not thread.is_alive()
    assert got == ["made", "ready"]  # both done while "slow" is still being made
    release.set()
    builder.join(10)
    assert sorted(kept.keys()) == ["hit", "other", "slow"]


def test_a_serial_value_is_awaited_not_made_again():
    kept: Recent[str, str] = Recent(4, serial=True)
    made: list[int] = []
    slow, making, release = _blocking("index", made)
    first = threading.Thread(target=kept.get, args=("corpus", slow))
    first.start()
    assert making.wait(10)
    got: list[str] = []
    second = threading.Thread(target=lambda: got.append(kept.get("corpus", slow)))
    second.start()
    second.join(0.3)
    assert second.is_alive()  # waits for the value being made
    release.set()
    first.join(10)
    second.join(10)
    assert got == ["index"] and made == [1]


def test_a_failed_serial_value_is_made_again_by_the_next_caller():
    kept: Recent[str, str] = Recent(4, serial=True)

    def fail():
        raise OSError("disk full")

    with pytest.raises(OSError):
        kept.get("corpus", fail)
    assert kept.get("corpus", lambda: "index") == "index"


def test_serial_values_are_made_once_for_many_threads():
    made = []
    kept: Recent[str, str] = Recent(4, serial=True)

    def make():
        made.append(1)
        time.sleep(0.1)
        return "index"

    threads = [threading.Thread(target=kept.get, args=("corpus", make)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert made == [1]
