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

    `serial`: a key's value is made once, however many threads ask for it at the same time
    (an index or a corpus-wide table: two sessions opening the same large corpus at once would
    otherwise build it twice, at twice the peak memory); the others wait for it. Either way
    `make` runs outside the map's lock: a slow value for one key never holds up another key."""

    def __init__(self, size: int, *, serial: bool = False) -> None:
        if size < 1:
            raise ValueError(f"size must be at least 1, not {size}")
        self.size = size
        self.serial = serial
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()
        self._making: dict[K, threading.Lock] = {}  # serial: the lock of each key being made

    def get(self, key: K, make: Callable[[], V]) -> V:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            making = self._making.setdefault(key, threading.Lock()) if self.serial else None
        if making is None:
            value = make()
            with self._lock:
                return self._keep(key, value)
        with making:  # one maker per key; the others find its value when they get the lock
            with self._lock:
                if key in self._items:
                    self._items.move_to_end(key)
                    return self._items[key]
            value = make()
            with self._lock:
                self._making.pop(key, None)
                return self._keep(key, value)

    def _keep(self, key: K, value: V) -> V:
        """Under the lock: keep `value`, forgetting the least recently used past `size`."""
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
