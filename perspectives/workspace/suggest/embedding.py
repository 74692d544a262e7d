"""The embedding model of passage suggestions: static token embeddings, read from a package.

The model is WordLlama's `l2_supercat` 256-dimension token embeddings (MIT licence), whose
weights and tokenizer ship inside the `wordllama` wheel on PyPI: a text's vector is the mean of
its tokens' vectors, normalised. Nothing is downloaded: the files are read from the installed
package (its own loader, which can fall back to a hub download, is not used), and when the
package is missing or `PERSPECTIVES_SUGGEST_MODEL=none` is set, `load_embedder()` returns None
and suggestions use the lexical ranking alone (`model_status()` says why). The choice against
a packaged MiniLM under onnxruntime is measured in docs/DECISIONS.md.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

MODEL_NAME = "WordLlama l2_supercat, 256 dimensions (static token embeddings)"
PACKAGE = "wordllama"
WEIGHTS = ("weights", "l2_supercat_256.safetensors")
TOKENIZER = ("tokenizers", "l2_supercat_tokenizer_config.json")
DISABLE_VARIABLE = "PERSPECTIVES_SUGGEST_MODEL"
MAX_TOKENS = 512  # a paragraph longer than this is embedded from its first 512 tokens


class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length row per text (a zero row for a text without tokens)."""
        ...


def normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0.0, 1.0, norms)


@dataclass
class StaticEmbedder:
    """Mean of static token vectors: `table[token id]`, tokens from a `tokenizers` tokenizer."""

    name: str
    table: np.ndarray  # (vocabulary, dimensions), float32
    tokenizer: Any  # tokenizers.Tokenizer

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        result = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        if not texts:
            return result
        for row, encoding in enumerate(
            self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        ):
            ids = np.asarray(encoding.ids[:MAX_TOKENS], dtype=np.int64)
            ids = ids[(ids >= 0) & (ids < self.table.shape[0])]
            if ids.size:
                result[row] = self.table[ids].mean(axis=0)
        return normalise(result)


def package_file(package: str, *parts: str) -> Path | None:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder).joinpath(*parts)
        if path.is_file():
            return path
    return None


_lock = threading.Lock()
_loaded: dict[str, Embedder | None] = {}
_status: dict[str, str] = {}


def _load() -> tuple[Embedder | None, str]:
    if os.environ.get(DISABLE_VARIABLE, "").strip().lower() in ("none", "off", "0", "lexical"):
        return None, f"the model is turned off ({DISABLE_VARIABLE}={os.environ[DISABLE_VARIABLE]})"
    weights, tokenizer_file = package_file(PACKAGE, *WEIGHTS), package_file(PACKAGE, *TOKENIZER)
    if weights is None or tokenizer_file is None:
        return None, f"the embedding model is not installed (pip install {PACKAGE})"
    try:
        from safetensors import safe_open
        from tokenizers import Tokenizer
    except ImportError as error:
        return None, f"the embedding model cannot run: {error}"
    try:
        with safe_open(str(weights), framework="np") as tensors:
            table = np.ascontiguousarray(tensors.get_tensor("embedding.weight"), dtype=np.float32)
        tokenizer = Tokenizer.from_file(str(tokenizer_file))
        tokenizer.no_padding()
        tokenizer.no_truncation()
    except Exception as error:  # a damaged install: say so, keep the lexical ranking
        return None, f"the embedding model could not be read: {error}"
    return StaticEmbedder(MODEL_NAME, table, tokenizer), "loaded"


def load_embedder() -> Embedder | None:
    """The model, loaded once per process; None when it cannot be had (see model_status)."""
    key = os.environ.get(DISABLE_VARIABLE, "")
    with _lock:
        if key not in _loaded:
            _loaded[key], _status[key] = _load()
        return _loaded[key]


def model_status() -> str:
    """Why the model is or is not in use: "loaded", or the reason it is not."""
    load_embedder()
    return _status[os.environ.get(DISABLE_VARIABLE, "")]
