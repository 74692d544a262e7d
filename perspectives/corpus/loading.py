"""Load a corpus folder into one immutable, validated `Corpus`.

    corpus = load_corpus("data")          # raises CorpusError listing every problem
    corpus.position("bing-song", "social-credit").evidence[0].text

`load_cached` reloads only when a file changed; `default_corpus_path` is the repository's data/
folder unless $PERSPECTIVES_CORPUS names another.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from perspectives.corpus.loader import ANALYSIS, DOCUMENTS, MANIFEST, read_corpus
from perspectives.corpus.model import Corpus

ENV_VAR = "PERSPECTIVES_CORPUS"


def load_corpus(path: Path | str) -> Corpus:
    """Load and validate the corpus in folder `path`; raise one CorpusError with every problem."""
    return Corpus(**read_corpus(path))


def default_corpus_path() -> Path:
    """The repository's data/ folder, or the folder named by $PERSPECTIVES_CORPUS."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(__file__).resolve().parent.parent.parent / "data"


_cache: dict[Path, tuple[tuple, Corpus]] = {}
_cache_lock = threading.Lock()


def _stamp(root: Path) -> tuple:
    """What changes when a file of the corpus changes: each file's path, mtime and size."""
    stamp = []
    for top in (root / MANIFEST, root / DOCUMENTS, root / ANALYSIS):
        paths = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in paths:
            stat = path.stat()
            stamp.append((path.relative_to(root).as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(stamp)


def load_cached(path: Path | str | None = None) -> Corpus:
    """`load_corpus`, reloading only when a file of the corpus was added, removed or changed."""
    root = Path(path if path is not None else default_corpus_path()).resolve()
    stamp = _stamp(root) if root.is_dir() else ()
    with _cache_lock:
        hit = _cache.get(root)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    corpus = load_corpus(root)
    with _cache_lock:
        _cache[root] = (stamp, corpus)
    return corpus


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()
