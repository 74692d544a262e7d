"""Quiz (`/quiz?mode=voice&round=N`): "Who said it?" A quote from the corpus, four voices (or
camps) to choose from; the answer shows the position it comes from and links to the quote in
its document. `round` is the round's seed: the same link gives the same ten questions, so a
class can play one round together."""

import pandas as pd
import streamlit as st

from perspectives.teaching import quiz
from perspectives.ui import links, quizview, urlstate, widgets
from perspectives.ui.state import corpus_or_stop

PAGE = "quiz"

corpus = corpus_or_stop()
widgets.sidebar(corpus)

fresh = urlstate.url_changed(PAGE)
modes = {"voice": "Guess the voice", "camp": "Guess the camp"}
urlstate.seed(
    "quiz-mode", urlstate.checked(links.param("mode"), modes, "mode", "voice", fresh), fresh
)
if fresh:
    quizview.open_round(links.param("round"), st.session_state["quiz-mode"])

st.title("Who said it?")
mode = (
    st.segmented_control(
        "Mode",
        list(modes),
        format_func=modes.__getitem__,
        key="quiz-mode",
        on_change=quizview.new_round,
        required=True,
    )
    or "voice"
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

links.set_params(mode=mode, round=str(state["seed"]))
urlstate.remember(PAGE, fresh)
st.divider()
with st.expander("For the teacher: this round as a table, with the answers"):
    st.caption("The ten quotes, their options and answers (and what was answered so far):")
    rows = quiz.round_rows(corpus, questions, state["answers"])
    widgets.download_table(pd.DataFrame(rows), f"quiz-{mode}-{state['seed']}")
links.copy_link(PAGE, mode=mode, round=str(state["seed"]))
