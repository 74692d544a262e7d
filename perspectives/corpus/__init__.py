"""Read a corpus folder into one validated, immutable `Corpus`.

    corpus = load_corpus("data")          # raises CorpusError listing every problem
    corpus.position("jonas-brandt", "caps-and-supply").evidence[0].text

The concepts are typed classes (`entities`, `document`, `model`); the files' shapes are in
`file_shapes`, their reading in `yamlfile` and `loader`, the checks between entries in
`checks`, quote location in `quotes`.
"""

from perspectives.corpus.loading import (
    clear_cache,
    default_corpus_path,
    load_cached,
    load_corpus,
    read_orientation,
)
from perspectives.corpus.model import Corpus
from perspectives.corpus.problems import CorpusError, Problem, UnknownIdError

__all__ = [
    "Corpus",
    "CorpusError",
    "Problem",
    "UnknownIdError",
    "clear_cache",
    "default_corpus_path",
    "load_cached",
    "load_corpus",
    "read_orientation",
]
