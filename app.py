"""Streamlit entry point: navigation over the pages, nothing else."""

import streamlit as st

from perspectives.ui.navigation import pages, run

st.set_page_config(page_title="Perspectives", page_icon="⚖️", layout="wide")
run(st.navigation(pages(), position="sidebar", expanded=True))
