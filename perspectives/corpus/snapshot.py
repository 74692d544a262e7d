"""A loaded corpus saved to disk, so that the next process skips parsing and checking.

The file is keyed by the corpus' content fingerprint (every file of the corpus, byte for byte)
and by the code that builds a Corpus (the sources of this package and the pydantic and Python
versions): change either and the key changes. It lives under the user's cache folder
(`$PERSPECTIVES_CACHE_DIR`, else `$XDG_CACHE_HOME/perspectives`, else `~/.cache/perspectives`;
`PERSPECTIVES_CACHE_DIR=off` turns it off), is written atomically (a temporary file renamed
into place) and only for a valid corpus. An entry that cannot be read back, whatever the reason,
is removed and ignored: the corpus is loaded from its files as if there were no cache.

Models are written as (class, field values) rather than pydantic's own pickled state: reading
half a million objects back that way is several times faster, and the garbage collector is
paused while they are built (a pass over a growing heap of new objects is wasted work).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import os
import pickle
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import BinaryIO

import pydantic
from pydantic import BaseModel

from perspectives.corpus.compact import shared_names
from perspectives.corpus.files import CorpusFiles, join
from perspectives.corpus.model import Corpus

ENV_VAR = "PERSPECTIVES_CACHE_DIR"
FREEZE_AFTER = 100_000  # objects made by a load past which they are frozen (1x: about 2,000)
KEEP = 8  # entries kept: a few versions of a few corpora
_PREFIX, _SUFFIX = "corpus-", ".pickle"
_FORMAT = b"perspectives corpus snapshot 1\n"


def cache_dir() -> Path | None:
    """Where snapshots go; None when turned off."""
    chosen = os.environ.get(ENV_VAR, "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or Path.home() / ".cache"
    return Path(base) / "perspectives"


def content_fingerprint(files: CorpusFiles) -> str:
    """sha256 over every visible regular file of a corpus: its path, size and bytes. It covers
    at least every file the loader reads, so no change the loader could see keeps the key."""
    digest = hashlib.sha256()
    pending = [""]
    while pending:
        folder = pending.pop()
        for name in files.names(folder):
            rel = join(folder, name)
            kind = files.kind(rel)
            if kind == "folder":
                pending.append(rel)
            elif kind == "file":
                try:
                    data = files.read(rel)
                except OSError:
                    data = b"\0unreadable"
                digest.update(f"{rel}\0{len(data)}\0".encode())
                digest.update(data)
    return digest.hexdigest()


@cache
def code_version() -> str:
    """What the pickled classes depend on: this package's corpus sources and the libraries."""
    digest = hashlib.sha256(f"{sys.version}\0{pydantic.VERSION}\0".encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _path(key: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"{_PREFIX}{code_version()}-{key}{_SUFFIX}"


# --- the format: models as (class, values) -----------------------------------------------------

_FIELDS: dict[type, tuple[str, ...]] = {}
_SHARED: dict[type, set[str]] = {}
_set = object.__setattr__
_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def _fields(cls: type[BaseModel]) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(cls.model_fields)
        _SHARED[cls] = shared_names(names)
    return names


def _model(cls: type[BaseModel], values: tuple) -> BaseModel:
    """A model from its validated field values, as pydantic's own unpickling builds it (the
    slots set straight through their descriptors: this runs once per object of the corpus)."""
    names = _FIELDS.get(cls) or _fields(cls)
    made = _new(cls)
    _set_dict(made, dict(zip(names, values, strict=False)))  # keyed by this code: they match
    _set_fields_set(made, _SHARED[cls])
    _set_extra(made, None)
    _set_private(made, None)
    return made


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, BaseModel):
            state = obj.__dict__  # fields only: cached properties are rebuilt on use
            return _model, (type(obj), tuple(state[name] for name in _fields(type(obj))))
        return NotImplemented


def dump(corpus: Corpus, out: BinaryIO) -> None:
    """Write the snapshot of `corpus` to `out`, as it is made (at 1000x it is 170 MB: built as
    bytes first, and copied out of its buffer, it was twice that on top of the corpus)."""
    out.write(_FORMAT)
    _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(corpus)


def dumps(corpus: Corpus) -> bytes:
    buffer = io.BytesIO()
    dump(corpus, buffer)
    return buffer.getvalue()


def loads(data: bytes) -> Corpus:
    """The corpus in `data`; ValueError if it is not a snapshot of one."""
    if not data.startswith(_FORMAT):
        raise ValueError("not a corpus snapshot")
    with paused_gc():
        corpus = pickle.loads(memoryview(data)[len(_FORMAT) :])  # noqa: S301 - our own cache
    if not isinstance(corpus, Corpus):
        raise ValueError("not a corpus snapshot")
    return corpus


@contextlib.contextmanager
def paused_gc():
    """No cyclic garbage collection while a large, long-lived structure is built, and once a
    large one is built (without an error), the objects then alive frozen (`gc.freeze`): later
    collections do not walk the corpus' half a million objects again and again (at 100x a page
    run's allocations after a load cost twice as much CPU without it). A frozen object is still
    freed when nothing refers to it; only a cycle among objects alive at that moment would stay
    (so small loads, tests and workspace checks among them, are not frozen)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if gc.get_count()[0] > FREEZE_AFTER:  # the objects made meanwhile (small loads: never)
            gc.freeze()
    finally:
        if enabled:
            gc.enable()


# --- the cache ---------------------------------------------------------------------------------


def read(key: str) -> Corpus | None:
    """The corpus saved under `key`, or None (missing, or unreadable: then it is removed)."""
    path = _path(key)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        return loads(data)
    except Exception:  # noqa: BLE001 - any damage to a cache entry means: no cache entry
        with contextlib.suppress(OSError):
            path.unlink()
        return None


def write(key: str, corpus: Corpus) -> None:
    """Save `corpus` under `key`, atomically; a cache that cannot be written is skipped."""
    path = _path(key)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=_SUFFIX)
        try:
            with os.fdopen(handle, "wb") as out:
                dump(corpus, out)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _prune(path.parent)
    except OSError:
        return


def _prune(folder: Path) -> None:
    entries = []
    for path in folder.glob(f"{_PREFIX}*{_SUFFIX}"):
        with contextlib.suppress(OSError):
            entries.append((path.stat().st_mtime, path))
    for _, path in sorted(entries, reverse=True)[KEEP:]:
        with contextlib.suppress(OSError):
            path.unlink()
