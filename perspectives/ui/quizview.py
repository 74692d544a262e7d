"""The quiz's widgets: the round kept in the session (a seed and the answers), a question with
its four options, and the reveal with the position and a link to the quote in its context."""

from __future__ import annotations

import secrets

import streamlit as st

from perspectives import stance
from perspectives.corpus.model import Corpus
from perspectives.markup import st_escape
from perspectives.teaching import quiz
from perspectives.ui import cache, links
from perspectives.wording import quoted

STATE = "quiz_round"


def new_round() -> None:
    """Forget the answers and draw a fresh seed (also the callback of the mode control)."""
    st.session_state[STATE] = {
        "seed": secrets.randbits(32),
        "answers": {},
        "index": 0,
        "mode": st.session_state.get("quiz-mode"),
    }


def open_round(seed: str | None, mode: str) -> None:
    """Start the round a link names (`round=N`, its seed, in `mode`), unless it is the one
    being played; no (or a bad) seed keeps the current round's seed."""
    playing = current()
    wanted = int(seed) if seed is not None and seed.isdigit() and len(seed) <= 12 else None
    if wanted is None:
        if seed is not None:
            st.warning(
                f"There is no round “{st_escape(seed)}” (a round is a number up to 12 digits); "
                "showing the round being played."
            )
        wanted = playing["seed"]
    if (playing["seed"], playing.get("mode", mode)) != (wanted, mode):
        st.session_state[STATE] = {"seed": wanted, "answers": {}, "index": 0, "mode": mode}


def current() -> dict:
    if STATE not in st.session_state:
        new_round()
    return st.session_state[STATE]


def questions(corpus: Corpus, mode: str, seed: int) -> tuple[quiz.QuizQuestion, ...]:
    """The round of this seed, drawn once (each answer reruns the page)."""
    return cache.quiz_round(corpus, mode, seed)


def _answer(index: int, option: str) -> None:
    current()["answers"][index] = option


def _next() -> None:
    current()["index"] += 1


def ask(corpus: Corpus, question: quiz.QuizQuestion, index: int, seed: int) -> None:
    """The quote, the topic it speaks to, and one button per option."""
    topic = corpus.topic(question.position.topic)
    with st.container(border=True):
        st.markdown(f"#### {quoted(st_escape(question.evidence.text))}")
        st.caption(f"On {st_escape(topic.label)}: {st_escape(topic.question)}")
    prompt = "Who said it?" if question.mode == "voice" else "Which camp does this come from?"
    st.markdown(f"**{prompt}**")
    columns = st.columns(2)
    for k, option in enumerate(question.options):
        columns[k % 2].button(
            st_escape(quiz.label(corpus, question.mode, option)),
            key=f"quiz-{seed}-{index}-{k}",
            width="stretch",
            on_click=_answer,
            args=(index, option),
        )


def reveal(
    corpus: Corpus, question: quiz.QuizQuestion, choice: str, index: int, last: bool
) -> None:
    """Right or wrong, then the position the quote comes from and the way to its context."""
    position, evidence = question.position, question.evidence
    right = quiz.label(corpus, question.mode, question.answer)
    with st.container(border=True):
        st.markdown(quoted(st_escape(evidence.text)))
    if question.is_right(choice):
        st.success(f"Right: {st_escape(right)}.")
    else:
        picked = quiz.label(corpus, question.mode, choice)
        st.error(f"Not quite: you said {st_escape(picked)}; it was {st_escape(right)}.")
    voice, topic = corpus.voice(position.voice), corpus.topic(position.topic)
    document = corpus.document(position.document)
    with st.container(border=True):
        st.markdown(f"**{st_escape(voice.name)}** · {st_escape(corpus.camp(voice.camp).name)}")
        st.markdown(
            f"**{st_escape(topic.label)}**: "
            f"{st_escape(stance.describe(topic, position.stance, position.state))}"
        )
        st.markdown(st_escape(position.summary))
        st.caption(st_escape(f"{document.title} · {document.outlet} · {document.date_label}"))
        links.page_link(
            links.DOCUMENTS,
            "Show in context",
            icon=":material/article:",
            doc=document.id,
            p=evidence.paragraph,
        )
    if not last:
        st.button("Next question", type="primary", on_click=_next, key=f"quiz-next-{index}")


def summary(result: quiz.Score) -> None:
    st.subheader(f"Round over: {result.right} of {result.total} right", anchor=False)
    st.caption("Start a new round for new quotes.")
