"""The current corpus for a page, with its problems shown instead of a traceback."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import streamlit as st

from perspectives.corpus import CorpusError, Problem, default_corpus_path, load_cached
from perspectives.corpus.model import Corpus
from perspectives.corpus.salvage import LoadResult, load_valid
from perspectives.markup import st_escape
from perspectives.wording import counted

LISTED = 30  # problems written out in full; the table below holds them all
RECHECK_SECONDS = 2.0  # how often a page run looks for changed corpus files
PROBLEMS_PAGE = "perspectives/ui/pages/problems.py"  # relative to app.py, as st.page_link wants


_salvaged: dict[tuple[str, tuple[Problem, ...]], LoadResult] = {}


def corpus_result() -> tuple[Path, LoadResult]:
    """The corpus folder and what of it loads: all of it, or its valid part and the problems
    (the valid part found once per distinct list of problems, not on every page run)."""
    path = default_corpus_path()
    try:
        return path, LoadResult(load_cached(path, recheck_after=RECHECK_SECONDS), (), ())
    except CorpusError as error:
        key = (str(path), error.problems)
        if key not in _salvaged:
            if len(_salvaged) >= 4:
                _salvaged.clear()
            _salvaged[key] = load_valid(path)
        return path, _salvaged[key]


def corpus_or_stop() -> Corpus:
    """The corpus (reloaded when its files change). With problems, its valid part and a
    warning that points to the Problems page; when nothing can be shown, the problems alone."""
    path, result = corpus_result()
    if result.corpus is None:
        show_problems(path, result.problems)
        st.stop()
    if result.problems:
        st.warning(
            f"The corpus files have {counted(len(result.problems), 'problem')}: "
            f"{counted(len(result.left_out), 'entry', 'entries')} "
            f"{'is' if len(result.left_out) == 1 else 'are'} left out until "
            f"{'it is' if len(result.problems) == 1 else 'they are'} fixed.",
            icon=":material/warning:",
        )
        st.page_link(PROBLEMS_PAGE, label="See the problems", icon=":material/build:")
    return result.corpus


def place(problem: Problem) -> str:
    """Where a problem is: "analysis/topics.yaml, line 12" ("The corpus folder" for ".")."""
    file = "The corpus folder" if problem.file in ("", ".") else problem.file
    return file if problem.line is None else f"{file}, line {problem.line}"


def show_problems(path: Path, problems: Sequence[Problem]) -> None:
    """Each problem as wrapped text (file, entry, problem: readable on a phone), then the
    whole list as a table."""
    folder = f"`{path}`" if "`" not in str(path) else st_escape(str(path))
    st.error(
        f"The corpus in {folder} has {counted(len(problems), 'problem')}; "
        f"fix {'it' if len(problems) == 1 else 'them'} and reload the page."
    )
    for problem in problems[:LISTED]:
        entry = f" · {st_escape(problem.entry)}" if problem.entry else ""
        st.markdown(f"**{st_escape(place(problem))}**{entry}  \n{st_escape(problem.message)}")
    if len(problems) > LISTED:
        st.caption(f"… and {len(problems) - LISTED} more in the table below.")
    with st.expander("All problems as a table", expanded=len(problems) > LISTED):
        st.dataframe(
            [
                {"file": p.file, "entry": p.entry or "", "line": p.line or "", "problem": p.message}
                for p in problems
            ],
            hide_index=True,
            width="stretch",
        )


_WHERE = {"topics": "analysis/topics.yaml", "voices": "analysis/voices.yaml"}


def require(corpus: Corpus, *parts: str, title: str, to: str) -> None:
    """Stop a page that needs topics or voices, with a plain message, when the corpus (valid,
    but still being built) has none: an empty part is a stage of work, not an error."""
    missing = [part for part in parts if not getattr(corpus, part)]
    if not missing:
        return
    st.title(title, anchor=False)
    where = " and ".join(f"`{_WHERE[part]}`" for part in missing)
    st.info(
        f"This corpus has no {' and no '.join(missing)} yet, so there is nothing to {to}. "
        f"They are listed in {where} of the corpus folder (see docs/FORMAT.md)."
    )
    st.stop()
