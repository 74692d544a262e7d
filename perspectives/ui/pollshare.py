"""The poll's invitation: the session code, the participants' link and its QR code, on the
public address students' phones can reach (`teaching.poll_link`), with a warning to the leader
when only this computer can open it."""

from __future__ import annotations

import os

import streamlit as st

from perspectives.exports.qr import qr_png
from perspectives.markup import st_escape
from perspectives.store.polls import Poll
from perspectives.teaching import poll_link
from perspectives.ui import links, present

RUN_HELP = (
    "Start the app with `--server.address 0.0.0.0`, join the laptop to the room's network, "
    f"or set `{poll_link.ENV}` to the address students can reach (see the README, "
    "“Running a class poll”)."
)


def public_base() -> poll_link.PublicBase:
    """The base of the participants' link, from the environment and Streamlit's options."""
    return poll_link.public_base(
        os.environ.get(poll_link.ENV),
        st.get_option("browser.serverAddress"),
        st.get_option("browser.serverPort"),
        st.context.url,
        st.get_option("server.baseUrlPath"),
        st.get_option("server.port"),
    )


def warnings(base: poll_link.PublicBase) -> None:
    """Tell the leader why phones may not reach the link, and what to do."""
    if base.problem:
        st.warning(st_escape(base.problem) + ".", icon=":material/link_off:")
    if base.loopback:
        st.warning(
            "Only this computer can open this link: no network address is known, so phones "
            "cannot join. " + RUN_HELP,
            icon=":material/wifi_off:",
        )
    elif base.source == "the network address" and poll_link.listens_only_on_loopback(
        st.get_option("server.address")
    ):
        st.warning(
            f"The app listens only on {st_escape(st.get_option('server.address'))}, so phones "
            "cannot open this link. " + RUN_HELP,
            icon=":material/wifi_off:",
        )


def share(poll: Poll) -> None:
    """The session code, the participants' link and its QR code, big enough to project."""
    base = public_base()
    url = links.url_at(base.url, "poll", code=poll.code)
    warnings(base)
    code_col, qr_col = st.columns([3, 1])
    with code_col:
        st.metric("Session code", poll.code)
        st.caption("Participants open this link, scan the code, or type the session code at /poll:")
        st.code(url, language=None, wrap_lines=True)
        leader_box = present.chrome("poll-leader-link")  # never on the room's screen
        with leader_box.expander("Leader link (keep it private: it opens these controls)"):
            leader = links.url_at(base.url, "poll", code=poll.code, lead=poll.leader_key)
            st.code(leader, language=None)
    qr_col.image(qr_png(url), caption="Scan to vote", width=200, alt=f"QR code of {url}")
