"""Streamlit pages and widgets: they call the package and hold no domain logic."""
