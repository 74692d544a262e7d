"""Pure functions of a Corpus that pages show: compare, matrix, agreement, reader, search,
timeline, and the tables behind them (what each page offers for download)."""
