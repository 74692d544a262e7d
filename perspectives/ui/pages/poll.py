"""Class poll (`/poll`): a leader opens a poll on a topic and shares its code; participants
(`/poll?code=CODE`) place themselves on the topic's axis; the leader sees the class beside the
authors as the votes arrive, and before against after when the poll is run again."""

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from perspectives.markup import st_escape
from perspectives.store.polls import poll_store
from perspectives.ui import links, navigation, pollfiles, pollshare, pollview, present, widgets
from perspectives.ui.state import corpus_or_stop, require

corpus = corpus_or_stop()
require(corpus, "topics", title="Class poll", to="poll the class on")
widgets.sidebar(corpus)
present.setup()
code = links.param("code")

try:
    with poll_store() as ws:
        poll = ws.find_poll(code) if code else None
        if poll is None:
            st.title("Class poll")
            if code:
                st.error(
                    f"No poll has the code “{st_escape(code)}”. Check the code, or ask the "
                    "leader for the link."
                )
            pollview.start(ws, corpus)
            st.stop()
        if poll.topic_id not in {t.id for t in corpus.topics}:
            st.error(
                f"Poll {poll.code} is on the topic “{st_escape(poll.topic_id)}”, which the "
                "current corpus does not have."
            )
            st.stop()
        topic = corpus.topic(poll.topic_id)
        st.title(f"Class poll: {st_escape(topic.label)}", anchor=False)
        st.markdown(f"**{st_escape(topic.question)}**")
        if not pollview.is_leader(ws, poll):
            st.caption(f"Session {poll.code} · round {poll.round}")
            pollview.vote(ws, poll, topic)
            pollview.watch_round(poll.code, poll.round, not poll.closed)
            st.stop()
        pollshare.share(poll)
        pollview.leader_controls(ws, poll)
    pollview.live_results(corpus, poll.code, poll.round, not poll.closed)  # own connection
    pollfiles.downloads(poll.code, topic)
except SQLAlchemyError:  # connection details stay in the server's log
    navigation.store_unavailable()
