"""Quiz (`/quiz`): "Who said it?" A quote from the corpus, four voices (or camps) to choose
from; the answer shows the position it comes from and links to the quote in its document."""

import streamlit as st

from perspectives.teaching import quiz
from perspectives.ui import quizview, widgets
from perspectives.ui.state import corpus_or_stop

corpus = corpus_or_stop()
widgets.sidebar(corpus)

st.title("Who said it?")
modes = {"voice": "Guess the voice", "camp": "Guess the camp"}
mode = st.segmented_control(
    "Mode",
    list(modes),
    format_func=modes.__getitem__,
    default="voice",
    key="quiz-mode",
    on_change=quizview.new_round,
    required=True,
)
state = quizview.current()
questions = quizview.questions(corpus, mode, state["seed"])
if not questions:
    st.info("This corpus has no quote that makes a fair question yet.")
    st.stop()
result = quiz.score(questions, state["answers"])

score_col, progress_col, new_col = st.columns([1, 2, 1], vertical_alignment="center")
score_col.metric("Score", f"{result.right} / {result.answered}")
index = min(state["index"], len(questions) - 1)
progress_col.progress(result.answered / result.total, f"Question {index + 1} of {result.total}")
new_col.button("New round", icon=":material/restart_alt:", on_click=quizview.new_round)

question = questions[index]
choice = state["answers"].get(index)
if choice is None:
    quizview.ask(corpus, question, index, state["seed"])
else:
    quizview.reveal(corpus, question, choice, index, last=index == len(questions) - 1)
if result.finished:
    quizview.summary(result)
