"""Streamlit entry point: navigation over the pages, nothing else."""

import streamlit as st

from perspectives.ui.navigation import pages

st.set_page_config(page_title="Perspectives", page_icon="⚖️", layout="wide")
st.navigation(pages(), position="sidebar").run()
