"""Tables as CSV and JSON text: what pages offer as downloads and `export` writes."""

from __future__ import annotations

import json

import pandas as pd


def table_to_csv(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False)


def table_to_json(frame: pd.DataFrame) -> str:
    records = json.loads(frame.to_json(orient="records", force_ascii=False))
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def render_table(frame: pd.DataFrame, fmt: str) -> str:
    if fmt == "csv":
        return table_to_csv(frame)
    if fmt == "json":
        return table_to_json(frame)
    raise ValueError(f"unknown table format {fmt!r}: use csv or json")
