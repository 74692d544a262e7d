"""Keep a page's widgets and its query string in step, so a url always reproduces the view.

The query string wins when it is not the one the page last wrote (a deep link was opened, a
link to the same page was followed, the page was entered again); otherwise the widgets keep
what the reader picked, and the page writes their values back with `links.set_params`.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from perspectives.markup import st_escape


def url_changed(page: str) -> bool:
    """Whether the query string differs from what `page` last wrote to it."""
    return st.session_state.get(f"_url_{page}") != st.query_params.to_dict()


def seed(key: str, value, force: bool) -> None:
    """Give widget `key` its value before it is drawn.

    With `force` (the url changed) the url's value wins. Otherwise the widget keeps its state;
    if Streamlit dropped it (the widget was not drawn on the last run, as when a page switches
    between two modes), the last value `keep` saw comes back, else `value`.
    """
    if force:
        st.session_state[key] = value
    elif key not in st.session_state:
        st.session_state[key] = st.session_state.get(f"_keep_{key}", value)


def keep(*keys: str) -> None:
    """Remember widgets' values beyond the runs that draw them (see `seed`)."""
    for key in keys:
        if key in st.session_state:
            st.session_state[f"_keep_{key}"] = st.session_state[key]


def remember(page: str, resend: bool = False) -> None:
    """Call after `links.set_params`: the current query string is the page's own.

    `resend` (pass the run's `url_changed`) sends the query string to the browser again even
    if it did not change: a link to the same page with new parameters reruns the page with
    them but leaves the browser's address bar as it was.
    """
    if resend:
        st.query_params.from_dict(st.query_params.to_dict())
    st.session_state[f"_url_{page}"] = st.query_params.to_dict()


def checked(
    value: str | None, known, what: str, fallback, warn: bool = True, instead: str = "the default"
):
    """`value` if it names a known id, else `fallback` with a warning that names the bad id
    and says what is shown `instead`."""
    if value is None or value in known:
        return value if value is not None else fallback
    if warn:
        st.warning(
            f"There is no {what} “{st_escape(value)}” in this corpus; showing {st_escape(instead)}."
        )
    return fallback


def checked_list(values: list[str], known, what: str, warn: bool = True) -> list[str]:
    """The known ids among `values`, with one warning naming those that are not."""
    bad = [v for v in values if v not in known]
    if bad and warn:
        st.warning(f"Unknown {what} id(s) ignored: " + ", ".join(f"“{st_escape(b)}”" for b in bad))
    return [v for v in values if v in known]


def on_change_bump(key: str) -> Callable[[], None]:
    """A callback that increments counter `key` (used to give a chart a fresh selection)."""

    def bump() -> None:
        st.session_state[key] = st.session_state.get(key, 0) + 1

    return bump
