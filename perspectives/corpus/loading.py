"""Load a corpus into one immutable, validated `Corpus`, from a folder or from files in memory.

`load_cached` reloads a folder only when one of its files changed; `default_corpus_path` is the
default corpus shipped with the package unless $PERSPECTIVES_CORPUS names another folder.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import yaml
from pydantic import ValidationError

from perspectives.corpus.entities import Orientation
from perspectives.corpus.file_shapes import ManifestInput
from perspectives.corpus.files import CorpusFiles, FolderFiles
from perspectives.corpus.loader import MANIFEST, read_corpus
from perspectives.corpus.model import Corpus
from perspectives.corpus.yamlfile import parse_yaml

ENV_VAR = "PERSPECTIVES_CORPUS"


def load_corpus(source: CorpusFiles | Path | str) -> Corpus:
    """Load and validate a corpus (a folder's path, or its files); raise one CorpusError with
    every problem."""
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


_cache: dict[Path, tuple[tuple, Corpus]] = {}
_cache_lock = threading.Lock()


def load_cached(path: Path | str | None = None) -> Corpus:
    """`load_corpus` of a folder, reloading only when a file was added, removed or changed."""
    root = Path(path if path is not None else default_corpus_path()).resolve()
    files = FolderFiles(root)
    stamp = files.stamp() if root.is_dir() else ()
    with _cache_lock:
        hit = _cache.get(root)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    corpus = load_corpus(files)
    with _cache_lock:
        _cache[root] = (stamp, corpus)
    return corpus


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()
