"""The values of the last few keys used, shared by every session's thread.

Per-corpus memos (an index, a corpus' link tables, a chart's PNG) are keyed by the corpus'
fingerprint: an edited corpus gets a new one, so a long-running app must forget old ones
instead of keeping a copy of every version it has seen.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Recent(Generic[K, V]):
    """`get(key, make)`: the value kept for `key`, made by `make()` when missing; the
    `size` most recently used are kept.

    `serial`: values are made one at a time, under the lock (an index or a corpus-wide table:
    two sessions opening the same large corpus at once would otherwise build it twice, at
    twice the peak memory). Otherwise `make` runs outside the lock and a slow value for one key
    never holds up another key's hit."""

    def __init__(self, size: int, *, serial: bool = False) -> None:
        if size < 1:
            raise ValueError(f"size must be at least 1, not {size}")
        self.size = size
        self.serial = serial
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K, make: Callable[[], V]) -> V:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            if self.serial:
                return self._keep(key, make())
        value = make()
        with self._lock:
            return self._keep(key, value)

    def _keep(self, key: K, value: V) -> V:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)
        return value

    def keys(self) -> list[K]:
        """The kept keys, least recently used first."""
        with self._lock:
            return list(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
