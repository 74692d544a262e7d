"""Perspectives: who says what on a contested question, mapped from a corpus of texts.

The package holds the domain logic (model, corpus loading and validation, comparison, search,
briefs, export); `perspectives.ui` holds the Streamlit pages and is the only place that imports
Streamlit.
"""

__version__ = "0.1.0"
