"""The current corpus for a page, with its problems shown instead of a traceback."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from perspectives.corpus import Problem
from perspectives.corpus.model import Corpus
from perspectives.corpus.salvage import LoadResult
from perspectives.markup import st_escape
from perspectives.ui import active
from perspectives.wording import counted

LISTED = 30  # problems written out in full; the table below holds them all
PROBLEMS_PAGE = "perspectives/ui/pages/problems.py"  # relative to app.py, as st.page_link wants


def corpus_result() -> tuple[str, LoadResult]:
    """Where the active corpus comes from (its folder, or "workspace NAME") and what of it
    loads: all of it, or its valid part and the problems (see `ui.active`)."""
    result = active.active_result()
    missing = active.take_missing()
    if missing is not None:
        st.warning(
            f"There is no workspace called “{st_escape(missing)}”; showing the default corpus.",
            icon=":material/warning:",
        )
    active.sidebar_note()
    return result


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
        st.page_link(
            PROBLEMS_PAGE,
            label="See the problems",
            icon=":material/build:",
            query_params=active.link_params(),
        )
    return result.corpus


def place(problem: Problem) -> str:
    """Where a problem is: "analysis/topics.yaml, line 12" ("The corpus folder" for ".")."""
    file = "The corpus folder" if problem.file in ("", ".") else problem.file
    return file if problem.line is None else f"{file}, line {problem.line}"


def show_problems(path: str, problems: Sequence[Problem]) -> None:
    """Each problem as wrapped text (file, entry, problem: readable on a phone), then the
    whole list as a table."""
    folder = f"`{path}`" if "`" not in path else st_escape(path)
    where = st_escape(path) if path.startswith("workspace ") else f"the corpus in {folder}"
    st.error(
        f"{where[0].upper()}{where[1:]} has {counted(len(problems), 'problem')}; "
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
