"""Deep links: read the view from the query string, write it back, offer it to copy, and
link to other views.

Every link is a real url: `page_link` gives Streamlit a page's own url path and the target
view's whole query (never session state), so the link's href, opened in a new tab, another
browser or a message, shows the same view as a left click.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from perspectives.ui import present
from perspectives.ui.active import PARAM, current_name

PAGES = "perspectives/ui/pages"  # relative to app.py, as st.page_link wants
COMPARE, MATRIX, VOICES = f"{PAGES}/compare.py", f"{PAGES}/matrix.py", f"{PAGES}/voices.py"
DOCUMENTS, SEARCH, SEMINAR = f"{PAGES}/documents.py", f"{PAGES}/search.py", f"{PAGES}/seminar.py"
CORPUS = f"{PAGES}/corpus.py"


def param(name: str, default: str | None = None) -> str | None:
    value = st.query_params.get(name)
    return value if value not in (None, "") else default


def param_list(name: str) -> list[str]:
    """A comma-separated list parameter (`voices=a,b`)."""
    value = param(name)
    return [item for item in value.split(",") if item] if value else []


def set_params(**params: str | list[str] | None) -> None:
    """Make the query string say exactly what the view shows (empty values are dropped), with
    the active workspace (`ws`) and projector mode (`present`) kept."""
    params = {**params, PARAM: current_name(), present.PARAM: present.current()}
    clean = {}
    for key, value in params.items():
        if isinstance(value, list | tuple):
            value = ",".join(value)
        if value not in (None, ""):
            clean[key] = str(value)
    if dict(st.query_params) != clean:
        st.query_params.from_dict(clean)


def view_url(url_path: str, **params: str | list[str] | None) -> str:
    """The absolute link to a view (relative when the app's own url is unknown, as in tests).

    `url_path` is the page's path ("" for the default page at "/"). The active workspace
    (`ws`) and projector mode (`present`) are kept.
    """
    return url_at(None, url_path, **{present.PARAM: present.current(), **params})


def url_at(base: str | None, url_path: str, **params: str | list[str] | None) -> str:
    """`view_url` with `base` (an origin and any path prefix, such as the poll's public
    address) in place of the page's own origin and `server.baseUrlPath`. Only the active
    workspace is added: a participant's link never opens in projector mode."""
    params = {**params, PARAM: current_name()}
    clean = {
        k: ",".join(v) if isinstance(v, list | tuple) else str(v)
        for k, v in params.items()
        if v not in (None, "", [], ())
    }
    query_text = "?" + urlencode(clean) if clean else ""
    if base is not None:
        return f"{base.rstrip('/')}/{url_path}" + query_text
    parts = urlsplit(st.context.url or "")
    origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    prefix = (st.get_option("server.baseUrlPath") or "").strip("/")
    path = "/".join(p for p in (prefix, url_path) if p)
    return f"{origin}/{path}" + query_text


def copy_link(url_path: str, **params: str | list[str] | None) -> None:
    """A "copy link to this view" affordance: the link in a code box with a copy button."""
    with st.popover("Copy link to this view", icon=":material/link:"):
        st.caption("Anyone who opens this link sees this same view.")
        st.code(view_url(url_path, **params), language=None, wrap_lines=True)


def query(**params: str | int | list[str] | None) -> dict[str, str]:
    """A link's query parameters: lists joined by commas, empty values dropped, the active
    workspace (`ws`) and projector mode (`present`) kept."""
    params = {**params, PARAM: current_name(), present.PARAM: present.current()}
    clean = {}
    for key, value in params.items():
        if isinstance(value, list | tuple):
            value = ",".join(value)
        if value not in (None, ""):
            clean[key] = str(value)
    return clean


def page_link(
    page_file: str,
    label: str,
    icon: str | None = None,
    help: str | None = None,
    **params: str | int | list[str] | None,
) -> None:
    """A link to another view: `page_file` (relative to app.py) with exactly `params` as its
    query. Where the page is not registered (a page run on its own), its label as a caption."""
    try:
        st.page_link(page_file, label=label, icon=icon, help=help, query_params=query(**params))
    except StreamlitPageNotFoundError:
        st.caption(f"{label} (this page is not available)")
