"""What is wrong in the corpus files, in plain words, and what the other pages leave out until
it is fixed (`/problems`)."""

import streamlit as st

from perspectives.markup import st_escape
from perspectives.ui import links, widgets
from perspectives.ui.state import corpus_result, show_problems
from perspectives.views import tables


def share() -> None:
    """The problems (and what is left out) as CSV and JSON, and the link to this page."""
    st.divider()
    st.caption("The problems, and what is left out until they are fixed, as a table:")
    widgets.download_table(tables.problems_table(result.problems, result.left_out), "problems")
    links.copy_link("problems")


path, result = corpus_result()
st.title("Problems", anchor=False)
if not result.problems:
    st.success("The corpus files have no problems: every entry is shown.", icon=":material/check:")
    if result.corpus is not None:
        widgets.sidebar(result.corpus)
    share()
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
share()
