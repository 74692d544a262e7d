"""Charts as plain Altair specs (no Streamlit): a chart is a function of the corpus, so its spec
can be checked in tests and rendered by any front end, or to PNG for print."""
