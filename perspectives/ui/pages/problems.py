"""What is wrong in the corpus files, in plain words, and what the other pages leave out until
it is fixed (`/problems`)."""

import streamlit as st

from perspectives.markup import st_escape
from perspectives.ui import widgets
from perspectives.ui.state import corpus_result, show_problems

path, result = corpus_result()
st.title("Problems", anchor=False)
if not result.problems:
    st.success("The corpus files have no problems: every entry is shown.", icon=":material/check:")
    if result.corpus is not None:
        widgets.sidebar(result.corpus)
    st.stop()
show_problems(path, result.problems)
if result.corpus is not None:
    widgets.sidebar(result.corpus)
    st.subheader("Left out until fixed", anchor=False)
    st.caption(
        "The other pages show the rest of the corpus. These entries are left out because they "
        "are broken or depend on something that is:"
    )
    for item in result.left_out:
        st.markdown(f"- {st_escape(item)}")
