"""The class poll's widgets: join or open a poll, the participant's vote, the leader's results.

Who leads: the browser session that opened the poll, or whoever opens the private leader link
(`/poll?code=CODE&lead=KEY`, the key stored with the poll). The key is taken out of the address
bar at once, so a projected screen never shows it. Participants are a random token per poll and
browser, kept in a cookie named after the poll for four hours; "Someone else votes on this
device" makes a new one (a shared computer's next student does not replace the vote before).
They are anonymous unless the leader asks for names, which only the leader sees, beside a
button that removes a participant's votes. Sentences and names are user text: always escaped
with `st_escape()`.
"""

from __future__ import annotations

import re
import uuid

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from perspectives import stance
from perspectives.charts import poll as poll_charts
from perspectives.corpus.entities import Topic
from perspectives.corpus.model import Corpus
from perspectives.markup import st_escape
from perspectives.store.polls import (
    IDLE_HOURS,
    Poll,
    PollClosed,
    PollStore,
    RoundClosed,
    StoreError,
    poll_store,
)
from perspectives.teaching import class_poll as polls
from perspectives.ui import cache, links, navigation, pollfiles, present
from perspectives.wording import counted

LEADER_KEYS = "poll_leader_keys"
PENDING, MOVED = "poll_pending_vote", "poll_moved_from_round"
ROUND_CHECK_SECONDS = 5  # a participant's page looks for a new round
LIVE_SECONDS = 3  # the leader's results redraw themselves
TOKENS, COOKIE, COOKIE_SECONDS = "poll_participants", "perspectives_participant_", 4 * 3600
TOKEN_FORM = re.compile(r"[0-9a-f]{32}")
MAX_POLLS_PER_SESSION = 10  # a leader opens a few per class; a flood opens thousands
CLOSED_NOTE = (
    f"This poll closed after {IDLE_HOURS} hours without a vote and takes no more; ask the "
    "leader for a new code."
)


def participant_token(code: str) -> str:
    """This browser's anonymous token in poll `code`: made once, then kept in the session and
    in a cookie of that poll (see `keep_token`), so that reloading the page, or a phone coming
    back after its session expired, does not make a new participant who could vote twice in
    one round. Scoped to one poll: the same browser is a different participant in the next."""
    tokens: dict[str, str] = st.session_state.setdefault(TOKENS, {})
    if code not in tokens:
        kept = st.context.cookies.get(COOKIE + code)
        fine = isinstance(kept, str) and TOKEN_FORM.fullmatch(kept)
        tokens[code] = kept if isinstance(kept, str) and fine else uuid.uuid4().hex
    return tokens[code]


def new_participant(code: str) -> None:
    """Button callback: the next person on this device votes as a new participant, from a
    slider in the middle and no sentence."""
    st.session_state.setdefault(TOKENS, {})[code] = uuid.uuid4().hex
    for part in ("stance", "sentence"):
        st.session_state.pop(f"poll-{code}-{part}", None)


@st.fragment(run_every=ROUND_CHECK_SECONDS)
def watch_round(code: str, shown_round: int, shown_open: bool) -> None:
    """Every few seconds, on a participant's page: when the leader has started a new round,
    or closed the poll, rerun the page so that it shows so (the answer on the slider stays)."""
    try:
        with poll_store() as ws:
            poll = ws.find_poll(code)
    except SQLAlchemyError:
        return  # the page says so on its next full run
    if poll is None or (poll.round, not poll.closed) == (shown_round, shown_open):
        return
    if poll.round != shown_round:
        st.session_state[MOVED] = shown_round
    st.rerun()


def keep_token(code: str, token: str) -> None:
    """Store the participant token in the poll's cookie for four hours. The script holds
    nothing but the poll code and the token's 32 hex digits (both checked), and runs only
    while the browser lacks that cookie."""
    if not TOKEN_FORM.fullmatch(token) or not re.fullmatch(r"[A-Z0-9]{1,12}", code):
        return
    if st.context.cookies.get(COOKIE + code) == token:
        return
    cookie = f"{COOKIE}{code}={token}; path=/; max-age={COOKIE_SECONDS}; SameSite=Lax"
    st.iframe(f"<script>window.parent.document.cookie='{cookie}';</script>", height=1)


def is_leader(ws: PollStore, poll: Poll) -> bool:
    """Whether this session leads the poll; a `lead=KEY` in the url is checked and consumed."""
    keys: dict[str, str] = st.session_state.setdefault(LEADER_KEYS, {})
    offered = links.param("lead")
    if offered is not None:
        if ws.is_leader(poll.code, offered):
            keys[poll.code] = offered
        else:
            st.warning("This leader link does not match the poll: you see the participant view.")
        links.set_params(code=poll.code)
    return poll.code in keys and ws.is_leader(poll.code, keys[poll.code])


def start(ws: PollStore, corpus: Corpus) -> None:
    """No code in the url: join a poll with its code, or open a new one on a topic."""
    join, lead = st.columns(2, gap="large")
    with join, st.form("poll-join"):
        st.subheader("Join a poll", anchor=False)
        typed = st.text_input("Session code", max_chars=12, placeholder="e.g. K7MQ3D")
        if st.form_submit_button("Join", type="primary"):
            code = polls.normalise_code(typed)
            if ws.find_poll(code) is None:
                st.error(
                    f"No poll has the code “{st_escape(typed.strip())}”. Check it and try again."
                )
            else:
                links.set_params(code=code)
                st.rerun()
    # Not a form: the question under the picker follows the topic as soon as it is picked.
    with lead, st.container(border=True):
        st.subheader("Open a poll for your class", anchor=False)
        labels = {t.id: t.label for t in corpus.topics}
        topic_id = st.selectbox(
            "Topic", list(labels), format_func=labels.__getitem__, key="poll-open-topic"
        )
        st.caption(st_escape(corpus.topic(topic_id).question))
        names = st.checkbox(
            "Ask participants for their name",
            key="poll-open-names",
            help="You then see who voted; the class still sees the votes without names.",
        )
        if len(st.session_state.get(LEADER_KEYS, {})) >= MAX_POLLS_PER_SESSION:
            st.info(
                f"You lead {MAX_POLLS_PER_SESSION} polls in this browser session, the most one "
                "session may open; reload the page to start afresh."
            )
        elif st.button("Open poll", type="primary"):
            poll = ws.create_poll(topic_id, corpus.name, corpus.fingerprint, require_names=names)
            st.session_state.setdefault(LEADER_KEYS, {})[poll.code] = poll.leader_key
            links.set_params(code=poll.code)
            st.rerun()


def _queue_vote(code: str, round_number: int, key: str) -> None:
    """Button callback: keep the vote with the round it was cast in (the round as shown)."""
    st.session_state[PENDING] = (
        code,
        round_number,
        st.session_state[f"{key}-stance"],
        st.session_state[f"{key}-sentence"],
        st.session_state.get(f"{key}-name"),
    )


def vote(ws: PollStore, poll: Poll, topic: Topic) -> None:
    """The participant's view: place yourself on the axis, add a sentence if you like.

    Not a form: the slider and the sentence are keyed by poll, not by round, so they keep what
    the participant chose across reruns and a new round. A vote sent from a round that has
    closed, or a page that `watch_round` finds behind, moves the participant to the current
    round with a message and their answer still in place."""
    token = participant_token(poll.code)
    pending = st.session_state.pop(PENDING, None)
    moved_from = st.session_state.pop(MOVED, None)
    if pending is not None:
        code, round_number, value, sentence, name = pending
        try:
            ws.cast_vote(code, token, value, sentence, round=round_number, name=name)
            st.success("Your vote is in. You can change it until the leader starts a new round.")
        except RoundClosed:
            moved_from = round_number
        except PollClosed:
            st.warning("Your vote arrived after the poll closed: it was not counted.")
        except StoreError as error:
            st.error(st_escape(str(error)))
    if not poll.closed and not ws.is_open(poll.code):  # idle too long
        st.info(CLOSED_NOTE)
        return
    if moved_from is not None and moved_from != poll.round:
        st.info(
            f"The leader has started round {poll.round}: you are in it now. Your answer is "
            f"kept below; send it to vote in round {poll.round}.",
            icon=":material/fast_forward:",
        )
    if poll.closed:
        # The widgets stay, disabled, so the answer is still there if the poll runs again.
        st.info("The leader has closed the poll: it takes no more votes.", icon=":material/lock:")
    mine = ws.results(poll.code).stances.get(token)
    labels = stance.scale_labels(topic)
    key = f"poll-{poll.code}"
    if poll.require_names:
        st.text_input(
            "Your name (the leader sees it; the class does not)",
            max_chars=polls.NAME_MAX,
            key=f"{key}-name",
            disabled=poll.closed,
        )
    st.select_slider(
        "Where do you stand?",
        options=list(stance.STANCES),
        value=mine if mine is not None else 0,
        format_func=stance.scale_steps().__getitem__,
        key=f"{key}-stance",
        disabled=poll.closed,
    )
    low, high = st.columns(2)
    low.caption(f"◀ {stance.end_sign('low')}: {st_escape(topic.poles.low)}")
    with high:
        st.caption(
            f"{stance.end_sign('high')}: {st_escape(topic.poles.high)} ▶",
            text_alignment="right",
        )
    st.text_input(
        "One sentence on why (optional)",
        max_chars=polls.SENTENCE_MAX,
        key=f"{key}-sentence",
        placeholder="Shown to the class without your name.",
        disabled=poll.closed,
    )
    st.button(
        "Send my vote" if mine is None else "Change my vote",
        type="primary",
        on_click=_queue_vote,
        args=(poll.code, poll.round, key),
        disabled=poll.closed,
    )
    if mine is not None:
        st.caption(f"Your vote in round {poll.round}: {st_escape(labels[mine])}.")
    if mine is not None and not poll.closed:
        st.button(
            "Someone else votes on this device",
            icon=":material/person_add:",
            on_click=new_participant,
            args=(poll.code,),
            help="Your vote stays counted; the next person votes as a new participant.",
        )
    keep_token(poll.code, token)


def leader_controls(ws: PollStore, poll: Poll) -> None:
    """Run the poll again (a new round, reopening a closed poll), or close it. Only the page
    of a leader calls this: participants never see these buttons."""
    again, close = st.columns(2)
    if again.button(
        f"Run again (start round {poll.round + 1})",
        icon=":material/replay:",
        width="stretch",
        help="Open a new round; the current one closes and is kept for the comparison.",
    ):
        try:
            ws.start_round(poll.code)
            st.rerun()
        except StoreError as error:  # a poll idle too long is not run again
            st.error(st_escape(str(error)))
    if not poll.closed:
        if close.button(
            "Close the poll",
            icon=":material/lock:",
            width="stretch",
            help="Take no more votes; the results stay. “Run again” reopens it.",
        ):
            ws.close_poll(poll.code)
            st.rerun()
    else:
        close.info(
            f"Closed: round {poll.round} takes no more votes. “Run again” reopens the poll.",
            icon=":material/lock:",
        )


@st.fragment(run_every=LIVE_SECONDS)
def live_results(corpus: Corpus, code: str, shown_round: int, shown_open: bool) -> None:
    """The leader's results, redrawn every few seconds on their own (a fragment: the rest of
    the page, its controls and the QR code, does not rerun)."""
    try:
        with poll_store() as ws:
            poll = ws.get_poll(code)
            if (poll.round, not poll.closed) != (shown_round, shown_open):
                st.rerun()  # a change from the leader link elsewhere: redraw the controls
            topic = corpus.topic(poll.topic_id)
            if not poll.closed:
                st.caption(
                    f"Live: the results update by themselves every {LIVE_SECONDS} seconds.",
                    help="Votes appear as they arrive; nobody needs to reload the page.",
                )
            results(ws, corpus, poll, topic)
            if poll.round >= 2:
                before_after(ws, poll, topic)
            pollfiles.downloads(ws, poll, topic)
    except SQLAlchemyError:  # connection details stay in the server's log
        navigation.store_unavailable()
    except StoreError as error:
        st.error(st_escape(str(error)))


def results(ws: PollStore, corpus: Corpus, poll: Poll, topic: Topic) -> None:
    """The class distribution beside the authors' positions, and the class's sentences."""
    current = ws.results(poll.code)
    mean = "no votes yet" if current.mean is None else f"{current.mean:+.2f}"
    votes, average = st.columns(2)
    votes.metric(f"Votes in round {poll.round}", current.total)
    average.metric("Class mean (−2 to +2)", mean)
    class_col, authors_col = st.columns(2)
    frame = polls.distribution_frame(current)
    with class_col:  # larger in projector mode, as every chart
        present.altair_chart(poll_charts.class_chart(frame, topic), width="stretch")
    with authors_col:
        present.vega_chart(cache.spectrum_spec(corpus, topic.id), width="stretch")
    who_voted(ws, poll, topic)
    sentences(current, topic)


def _remove(code: str, token: str) -> None:
    """Button callback: the leader removes a participant's votes."""
    with poll_store() as ws:
        ws.remove_participant(code, token)


def who_voted(ws: PollStore, poll: Poll, topic: Topic) -> None:
    """For the leader: each participant of the round (by name when the poll asks for names),
    with a button that removes their votes (a stuffed ballot, a sentence unfit for the
    screen)."""
    if not poll.closed and not ws.is_open(poll.code):
        st.info(f"This poll closed after {IDLE_HOURS} hours without a vote; open a new one.")
    voted = ws.participants(poll.code)
    labels = stance.scale_labels(topic)
    # The label stays the same as votes come and go, so the expander stays open.
    with st.expander(f"Who voted in round {poll.round}"):
        st.caption(counted(len(voted), "participant") if voted else "Nobody yet.")
        for person in voted:
            who = person.name or f"Participant {person.number}"
            line, button = st.columns([5, 1], vertical_alignment="center")
            said = f": “{person.sentence}”" if person.sentence else ""
            line.markdown(st_escape(f"{who} · {labels[person.stance]}{said}"))
            button.button(
                "Remove",
                key=f"poll-remove-{poll.code}-{person.token}",
                on_click=_remove,
                args=(poll.code, person.token),
                help="Delete this participant's votes in every round of this poll.",
            )


def sentences(current: polls.Results, topic: Topic) -> None:
    st.subheader(f"What the class wrote ({len(current.sentences)})", anchor=False)
    if not current.sentences:
        st.caption("No sentences yet.")
    labels = stance.scale_labels(topic)
    for sentence in current.sentences:
        with st.container(border=True):
            st.caption(st_escape(labels[sentence.stance]))
            st.markdown(st_escape(sentence.text))


def before_after(ws: PollStore, poll: Poll, topic: Topic) -> None:
    """Round 1 against the latest round: means, distributions side by side, who moved."""
    comparison = ws.compare_rounds(poll.code)
    st.header(f"Before and after: round 1 and round {poll.round}", anchor=False)
    before, after, moved = st.columns(3)
    before.metric("Mean before", _mean(comparison.before))
    shift = None if comparison.shift is None else f"{comparison.shift:+.2f}"
    after.metric(
        "Mean after",
        _mean(comparison.after),
        delta=shift,
        delta_color="off",
        delta_arrow="off" if round(comparison.shift or 0, 2) == 0 else "auto",
    )
    moved.metric(
        "Changed their stance",
        f"{comparison.moved} of {comparison.both}",
        help="Participants who voted in both rounds from the same browser session.",
    )
    y_max = max(max(comparison.before.counts.values()), max(comparison.after.counts.values()))
    for column, result, when in zip(
        st.columns(2), (comparison.before, comparison.after), ("Before", "After"), strict=True
    ):
        frame = polls.distribution_frame(result)
        chart = poll_charts.class_chart(frame, topic, f"{when}: round {result.round}", y_max)
        with column:
            present.altair_chart(chart, width="stretch")


def _mean(results: polls.Results) -> str:
    if results.mean is None:
        return "no votes"
    return f"{results.mean:+.2f} ({counted(results.total, 'vote')})"
