"""The current corpus for a page, with its problems shown instead of a traceback."""

from __future__ import annotations

import streamlit as st

from perspectives.corpus import CorpusError, default_corpus_path, load_cached
from perspectives.model import Corpus


def corpus_or_stop() -> Corpus:
    """The corpus (reloaded when its files change); on problems, list them all and stop."""
    path = default_corpus_path()
    try:
        return load_cached(path)
    except CorpusError as error:
        st.error(
            f"The corpus in `{path}` has {len(error.problems)} problem(s); "
            "fix them and reload the page."
        )
        st.dataframe(
            [
                {"file": p.file, "entry": p.entry or "", "line": p.line or "", "problem": p.message}
                for p in error.problems
            ],
            hide_index=True,
            width="stretch",
        )
        st.stop()
