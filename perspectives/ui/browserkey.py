"""This browser's key for drafts: what it typed and has not saved is kept under this key in
the store (`WorkspaceStore.drafts`), so a page refresh, or coming back tomorrow, finds it.

The key is a random 32-hex-digit token kept in the session and in a cookie
(`perspectives_editor`, 180 days, SameSite=Lax), not in the url: a url is copied and shared,
and whoever opened a shared link would see, and overwrite, the sharer's unsaved typing. A
cookie stays in the browser that typed. Without cookies the key lasts as long as the session.
"""

from __future__ import annotations

import re
import uuid

import streamlit as st

COOKIE, COOKIE_SECONDS = "perspectives_editor", 180 * 24 * 3600
_SESSION = "_browser_key"
TOKEN_FORM = re.compile(r"[0-9a-f]{32}")


def cookie_value() -> str | None:
    """The key the browser sent in its cookie, if it is one this module wrote."""
    kept = st.context.cookies.get(COOKIE)
    return kept if isinstance(kept, str) and TOKEN_FORM.fullmatch(kept) else None


def browser_key() -> str:
    """This browser's drafts key: the cookie's, else one made now (and written to the cookie
    by `keep_browser_key`)."""
    key = st.session_state.get(_SESSION)
    if not isinstance(key, str) or not TOKEN_FORM.fullmatch(key):
        key = cookie_value() or uuid.uuid4().hex
        st.session_state[_SESSION] = key
    return key


def keep_browser_key() -> None:
    """Write the key into the browser's cookie when it is not there yet. The script holds
    nothing but the 32 hex digits (checked)."""
    key = browser_key()
    if not TOKEN_FORM.fullmatch(key) or cookie_value() == key:
        return
    cookie = f"{COOKIE}={key}; path=/; max-age={COOKIE_SECONDS}; SameSite=Lax"
    st.iframe(f"<script>window.parent.document.cookie='{cookie}';</script>", height=1)
