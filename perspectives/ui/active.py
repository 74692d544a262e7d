"""The active corpus source: the default corpus folder, or a workspace named by `?ws=NAME`.

API (pages and the editors call these; all read `st.session_state` / `st.query_params`):

    active_workspace() -> str | None     # the active workspace's name (as stored), None = default
    set_active(name: str | None) -> None # switch (None: back to the default corpus)
    active_label() -> str                # "workspace Seminar 3" / "the default corpus"
    active_head() -> int | None          # the active workspace's head revision (None: default)
    active_result() -> (str, LoadResult) # where the corpus comes from, and what of it loads
    active_corpus() -> Corpus | None     # its valid part (None when nothing can be shown)
    link_params(**params) -> dict        # a page link's query_params, with `ws` kept
    sidebar_note() -> None               # the sidebar line saying which corpus is active

How the choice travels:
- `?ws=NAME` in the url selects a workspace (names compare ignoring case and runs of spaces;
  the url is rewritten with the stored spelling). An unknown name falls back to the default
  corpus with a warning (`take_missing` returns it once, for the page to show).
- The choice is kept in `st.session_state` and written back to `st.query_params` on every run:
  `st.navigation` drops the query string when the sidebar switches page, and within one
  browser session a url without `ws` is always such a switch (a typed or reloaded url starts a
  new session). Only `set_active(None)` goes back to the default corpus.
- Every link carries it: `links.set_params`, `links.view_url` (so "copy link") and the page
  links (`link_params`) add `ws`; a link opened in another tab or by someone else shows the
  same workspace.
- No `ws`: the default corpus (`$PERSPECTIVES_CORPUS`, else the shipped data/ folder).

A workspace's corpus is loaded through `WorkspaceStore.corpus` (cached per revision); with
problems, its valid part is found once per revision (`corpus.salvage.load_valid`).
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from perspectives.corpus import CorpusError, default_corpus_path, load_cached
from perspectives.corpus.model import Corpus
from perspectives.corpus.salvage import LoadResult, load_valid
from perspectives.markup import st_escape
from perspectives.recent import Recent
from perspectives.ui import present

if TYPE_CHECKING:
    from perspectives.store.workspaces import Workspace

PARAM = "ws"
_KEY = "_active_ws"  # session_state: the active workspace's name
_MISSING = "_active_ws_missing"  # session_state: a name from the url that is not a workspace
RECHECK_SECONDS = 2.0  # how often a page run looks for changed files of the default corpus
WORKSPACE_PAGE = "perspectives/ui/pages/workspace.py"  # relative to app.py, as st.page_link wants


def _requested() -> str | None:
    value = st.query_params.get(PARAM)
    if value not in (None, ""):
        return value
    return st.session_state.get(_KEY)


def _store():
    """The workspace store, imported on first use: the store brings SQLAlchemy (half a second
    of a cold start), which a page of the default corpus never needs."""
    from perspectives.store.workspaces import workspace_store

    return workspace_store()


def _find(name: str) -> Workspace | None:
    with _store() as store:
        return store.find(name)


def active_workspace() -> str | None:
    """The name of the active workspace (None: the default corpus), kept in the session and
    written back to the url; an unknown name is dropped (see `take_missing`)."""
    name = _requested()
    if name is None:
        return None
    workspace = _find(name)
    if workspace is None:
        st.session_state.pop(_KEY, None)
        st.session_state[_MISSING] = name
        if PARAM in st.query_params:
            del st.query_params[PARAM]
        return None
    st.session_state[_KEY] = workspace.name
    if st.query_params.get(PARAM) != workspace.name:
        st.query_params[PARAM] = workspace.name
    return workspace.name


def set_active(name: str | None) -> None:
    """Make workspace `name` the active source (None: the default corpus), url included."""
    if name is None:
        st.session_state.pop(_KEY, None)
        if PARAM in st.query_params:
            del st.query_params[PARAM]
        return
    st.session_state[_KEY] = name
    st.query_params[PARAM] = name


def take_missing() -> str | None:
    """The unknown workspace name the url asked for, once (then forgotten)."""
    return st.session_state.pop(_MISSING, None)


def current_name() -> str | None:
    """The active workspace's name as last checked this session, without asking the store
    (for links drawn after `active_workspace` ran)."""
    value = st.query_params.get(PARAM)
    return value if value not in (None, "") else st.session_state.get(_KEY)


def active_label() -> str:
    name = active_workspace()
    return "the default corpus" if name is None else f"workspace {name}"


def active_head() -> int | None:
    name = active_workspace()
    if name is None:
        return None
    workspace = _find(name)
    return None if workspace is None else workspace.head


def link_params(**params: str | int | None) -> dict[str, str]:
    """`st.page_link` query parameters (empty values dropped) with the active workspace (and
    projector mode, `present`, kept as the page links keep it)."""
    clean = {key: str(value) for key, value in params.items() if value not in (None, "")}
    name = current_name()
    if name:
        clean[PARAM] = name
    if present.is_on():
        clean[present.PARAM] = "1"
    return clean


_salvaged: Recent[tuple, LoadResult] = Recent(8)


def _remember(key: tuple, make) -> LoadResult:
    return _salvaged.get(key, make)


def active_result() -> tuple[str, LoadResult]:
    """Where the active corpus comes from (a folder path or "workspace NAME", for messages)
    and what of it loads: all of it, or its valid part with the problems."""
    name = active_workspace()
    if name is None:
        path = default_corpus_path()
        try:
            return str(path), LoadResult(load_cached(path, recheck_after=RECHECK_SECONDS), (), ())
        except CorpusError as error:
            return str(path), _remember(
                ("folder", str(path), error.problems), lambda: load_valid(path)
            )
    with _store() as store:
        workspace = store.get(name)
        try:
            return workspace.label, LoadResult(store.corpus(name), (), ())
        except CorpusError:
            key = ("workspace", str(store.conn.engine.url), workspace.id, workspace.head)
            snapshot = store.snapshot(name, workspace.head)
            return workspace.label, _remember(key, lambda: load_valid(snapshot.files))


def active_corpus() -> Corpus | None:
    """The active corpus' valid part (None when nothing of it can be shown)."""
    return active_result()[1].corpus


def sidebar_note() -> None:
    """Say in the sidebar which corpus the pages show, with a way to change it."""
    name = current_name()
    with st.sidebar:
        if name:
            st.caption(f":material/folder_open: Workspace **{st_escape(name)}**")
        else:
            st.caption(":material/library_books: The default corpus")
        with contextlib.suppress(StreamlitPageNotFoundError):  # a page run on its own
            st.page_link(
                WORKSPACE_PAGE,
                label="Change" if name else "Use your own reading list",
                icon=":material/swap_horiz:",
                query_params=link_params(),
            )
