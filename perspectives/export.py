"""Write tables and documents to files without ever leaving a half-written file behind."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

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


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write to a temporary file beside `path`, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
