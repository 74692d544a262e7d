"""What the charts share that needs no Altair: row height, axis labels, stance labels,
wrapping. The printed handout's spectrum (`charts.spectrum_plain`) is built from these
without importing Altair or pandas; `charts.style` re-exports them for the Altair charts."""

from __future__ import annotations

import json
import textwrap

from perspectives.stance import STANCES, sign

ROW_PX = 26


def stance_label(stance: int | None) -> str:
    """The stance's sign for a chart's data ("" where there is none)."""
    return sign(stance) if stance is not None else ""


# Axis labels drawn by Vega from the same signs: {"-2": "−2", ...}[datum.value].
SIGN_EXPR = json.dumps({str(s): sign(s) for s in STANCES}, ensure_ascii=False) + "[datum.value]"


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width) or [""]
