"""Deep links: read the view from the query string, write it back, offer it to copy."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import streamlit as st

from perspectives.ui.active import PARAM, current_name


def param(name: str, default: str | None = None) -> str | None:
    value = st.query_params.get(name)
    return value if value not in (None, "") else default


def param_list(name: str) -> list[str]:
    """A comma-separated list parameter (`voices=a,b`)."""
    value = param(name)
    return [item for item in value.split(",") if item] if value else []


def set_params(**params: str | list[str] | None) -> None:
    """Make the query string say exactly what the view shows (empty values are dropped), with
    the active workspace (`ws`) kept."""
    params = {**params, PARAM: current_name()}
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
    (`ws`) is kept.
    """
    params = {**params, PARAM: current_name()}
    clean = {
        k: ",".join(v) if isinstance(v, list | tuple) else str(v)
        for k, v in params.items()
        if v not in (None, "", [], ())
    }
    parts = urlsplit(st.context.url or "")
    origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    prefix = (st.get_option("server.baseUrlPath") or "").strip("/")
    path = "/".join(p for p in (prefix, url_path) if p)
    return f"{origin}/{path}" + ("?" + urlencode(clean) if clean else "")


def copy_link(url_path: str, **params: str | list[str] | None) -> None:
    """A "copy link to this view" affordance: the link in a code box with a copy button."""
    with st.popover("Copy link to this view", icon=":material/link:"):
        st.caption("Anyone who opens this link sees this same view.")
        st.code(view_url(url_path, **params), language=None, wrap_lines=True)
