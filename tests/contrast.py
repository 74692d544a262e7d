"""WCAG 2.x contrast, computed (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio)."""

from __future__ import annotations

import re

AA_TEXT = 4.5  # normal-size text
AA_GRAPHIC = 3.0  # non-text parts (a quote's rule)


def rgb(colour: str) -> tuple[float, float, float]:
    """'#1A1A1A', '#fff' or 'rgb(26, 26, 26)' as 0..255 floats (alpha ignored)."""
    colour = colour.strip()
    if colour.startswith("#"):
        digits = colour[1:]
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        return tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]
    numbers = [float(n) for n in re.findall(r"[\d.]+", colour)[:3]]
    return numbers[0], numbers[1], numbers[2]


def luminance(colour: str | tuple[float, float, float]) -> float:
    channels = rgb(colour) if isinstance(colour, str) else colour
    linear = []
    for value in channels:
        c = value / 255
        linear.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = linear
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(foreground, background) -> float:
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend(foreground, background, alpha: float) -> tuple[float, float, float]:
    """`foreground` drawn at `alpha` (opacity) over `background`."""
    f, b = rgb(foreground) if isinstance(foreground, str) else foreground, rgb(background)
    return tuple(alpha * x + (1 - alpha) * y for x, y in zip(f, b, strict=True))  # type: ignore[return-value]
