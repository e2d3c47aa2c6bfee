"""The few rules for writing SVG text that both art generators (backgrounds and sprites) share.

Numbers are written with at most one decimal and no trailing '.0' (so rebuilds are byte-identical), attributes
from keyword arguments (underscores become hyphens), and gradient stops with an optional opacity.
"""

from __future__ import annotations

# A gradient stop: (offset 0..1, colour) or (offset, colour, opacity).
Stop = tuple[float, str] | tuple[float, str, float]


def num(value: float) -> str:
    """Format a coordinate compactly: one decimal at most, no trailing '.0'."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def attrs(values: dict[str, object]) -> str:
    """Render keyword attributes; underscores become hyphens, None values are left out."""
    parts = []
    for key, value in values.items():
        if value is None:
            continue
        shown = num(value) if isinstance(value, float) else str(value)
        parts.append(f'{key.rstrip("_").replace("_", "-")}="{shown}"')
    return " ".join(parts)


def stop_markup(stop: Stop) -> str:
    """One `<stop>` of a gradient."""
    opacity = stop[2] if len(stop) == 3 else 1.0
    extra = "" if opacity == 1.0 else f' stop-opacity="{opacity:g}"'
    return f'<stop offset="{stop[0]:g}" stop-color="{stop[1]}"{extra}/>'
