"""Load a corpus into one immutable, validated `Corpus`, from a folder or from files in memory.

`load_cached` reloads a folder only when one of its files changed; `default_corpus_path` is the
default corpus shipped with the package unless $PERSPECTIVES_CORPUS names another folder.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import yaml
from pydantic import ValidationError

from perspectives.corpus import snapshot
from perspectives.corpus.entities import Orientation
from perspectives.corpus.file_shapes import ManifestInput
from perspectives.corpus.files import CorpusFiles, FolderFiles
from perspectives.corpus.loader import MANIFEST, read_corpus
from perspectives.corpus.model import Corpus
from perspectives.corpus.yamlfile import parse_yaml

ENV_VAR = "PERSPECTIVES_CORPUS"


def load_corpus(source: CorpusFiles | Path | str) -> Corpus:
    """Load and validate a corpus (a folder's path, or its files); raise one CorpusError with
    every problem.

    The cyclic garbage collector is paused meanwhile: a load builds hundreds of thousands of
    long-lived objects, and each full collection walked the whole growing heap again (a fifth
    of the load at 100x, more the larger the corpus)."""
    with snapshot.paused_gc():
        return Corpus(**read_corpus(source))


def default_corpus_path() -> Path:
    """The folder named by $PERSPECTIVES_CORPUS, else the default corpus: inside the installed
    package (a wheel carries it as `perspectives/default_corpus`), or the repository's data/
    folder when the package runs from a checkout (or an editable install)."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    package = Path(__file__).resolve().parent.parent
    shipped = package / "default_corpus"
    return shipped if shipped.is_dir() else package.parent / "data"


def read_orientation(path: Path | str) -> Orientation | None:
    """The orientation in a corpus folder's manifest alone (None if it cannot be read): enough
    to name the corpus' sides without loading it."""
    try:
        data = parse_yaml((Path(path) / MANIFEST).read_text(encoding="utf-8"))
        return ManifestInput.model_validate(data).orientation
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValidationError):
        return None


_cache: dict[Path, tuple[tuple, Corpus, float]] = {}  # root -> (stamp, corpus, checked at)
_cache_lock = threading.Lock()


def load_cached(path: Path | str | None = None, recheck_after: float = 0.0) -> Corpus:
    """`load_corpus` of a folder, reloading only when a file was added, removed or changed.

    The folder is stamped (each file's path, mtime and size) at most once per `recheck_after`
    seconds: a page run does not walk a folder of thousands of files every time. A changed
    folder is read from the snapshot of its content fingerprint when there is one (another
    process or an earlier run loaded the same files), else loaded, checked and snapshotted.
    """
    root = Path(path if path is not None else default_corpus_path()).resolve()
    with _cache_lock:
        hit = _cache.get(root)
    now = time.monotonic()
    if hit is not None and recheck_after > 0 and now - hit[2] < recheck_after:
        return hit[1]
    files = FolderFiles(root)
    stamp = files.stamp() if root.is_dir() else ()
    if hit is not None and hit[0] == stamp:
        with _cache_lock:
            _cache[root] = (stamp, hit[1], now)
        return hit[1]
    corpus = load_snapshotted(files) if stamp else load_corpus(files)
    with _cache_lock:
        _cache[root] = (stamp, corpus, now)
    return corpus


def load_snapshotted(files: CorpusFiles) -> Corpus:
    """The corpus of `files`, from its snapshot when one exists; a valid corpus loaded from its
    files is snapshotted for next time."""
    key = snapshot.content_fingerprint(files)
    corpus = snapshot.read(key)
    if corpus is None:
        corpus = load_corpus(files)
        snapshot.write(key, corpus)
    return corpus


def clear_cache() -> None:
    """Forget the corpora held in memory (the snapshots on disk stay)."""
    with _cache_lock:
        _cache.clear()
