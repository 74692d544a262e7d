"""Tables as CSV and JSON text: what pages offer as downloads and `export` writes.

A CSV is opened in a spreadsheet, which runs a cell starting with `=`, `+`, `-`, `@`, a tab or a
carriage return as a formula (a quote or a title can start that way, and a hostile one can start
`=HYPERLINK(...)`): such a text cell is written with a leading `'`, the spreadsheet convention
for "this is text" (OWASP's advice on CSV injection). Characters no file can hold are replaced
(`safe_text.printable`). Numbers stay numbers; JSON is unchanged (it escapes them).
"""

from __future__ import annotations

import json

import pandas as pd

from perspectives.safe_text import printable

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _as_text(value: object) -> object:
    if not isinstance(value, str):
        return value
    value = printable(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def table_to_csv(frame: pd.DataFrame) -> str:
    text_columns = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]
    safe = frame.copy()
    for column in text_columns:
        safe[column] = safe[column].map(_as_text)
    return safe.to_csv(index=False)


def table_to_json(frame: pd.DataFrame) -> str:
    records = json.loads(frame.to_json(orient="records", force_ascii=False))
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def render_table(frame: pd.DataFrame, fmt: str) -> str:
    if fmt == "csv":
        return table_to_csv(frame)
    if fmt == "json":
        return table_to_json(frame)
    raise ValueError(f"unknown table format {fmt!r}: use csv or json")
