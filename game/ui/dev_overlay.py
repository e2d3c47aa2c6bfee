"""The authors' overlay (with --dev): the scene id, the beat id and every variable, plus reload problems.

It stands at the top right and never reaches down over the text box (or its name plate), so the line being
checked stays readable: the problems of a reload come first, wrapped to a width that leaves the rest of the stage
in view, and when the variables do not fit under them they flow into more columns; what still does not fit is
counted on the last row.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from game.ui.canvas import Canvas
from game.ui.textlayout import wrap
from game.ui.theme import PAPER

Rect = tuple[float, float, float, float]

PX = 15
LINE = PX * 1.35
TOP = 60
PAD = 12
RIGHT = 1268
PROBLEM_W = 620  # a problem wraps at this width; the stage stays in view beside the overlay
COLUMN_GAP = 24
COLUMN_W = 360  # a variable's row is cut at this width (a long string value)
MAX_COLUMNS = 3
PROBLEM_INK = (255, 190, 180)


def draw_overlay(
    canvas: Canvas,
    scene: str,
    beat: str | None,
    variables: Mapping[str, object],
    problem: str | None,
    bottom: float,
) -> Rect:
    """Draw the overlay above `bottom` (the top of the text box and its plate); the panel's logical rectangle."""
    font = canvas.font(PX)
    problems: list[str] = []
    for row in problem.splitlines() if problem else []:
        indent = " " * (len(row) - len(row.lstrip()))  # a problem's hint is indented under it, and stays so
        room_w = canvas.p(PROBLEM_W - 2 * PAD) - font.size(indent + "    ")[0]
        wrapped = wrap(row.strip(), lambda s: font.size(s)[0], room_w).rows
        problems += [indent + ("    " if i else "") + part for i, part in enumerate(wrapped)]
    head = [f"scene: {scene}"] + ([f"beat: {beat}"] if beat is not None else [])
    names = [f"{name} = {value!r}" for name, value in sorted(variables.items())]
    hint = "Shift+R reload \u00b7 F3 hide"
    room = max(len(head) + 3, int((bottom - TOP - 2 * PAD) // LINE))
    problems = _fit(problems, room - len(head) - 2, "problem rows")  # a row stays for variables, one for the hint
    left = room - len(problems) - len(head) - 1
    count = max(1, min(math.ceil(len(names) / left), MAX_COLUMNS))
    shown = _fit(names, left * count, "variables")
    columns = [shown[i : i + left] for i in range(0, len(shown), left)]
    column_w = [min(COLUMN_W, max(canvas.measure(r, PX) for r in column)) for column in columns]
    table_w = sum(column_w) + COLUMN_GAP * max(0, len(columns) - 1)
    widest = max([canvas.measure(r, PX) for r in problems + head + [hint]] + [table_w, 200])
    panel_w = min(widest + 2 * PAD, RIGHT - 12)
    rows = len(problems) + len(head) + max([len(c) for c in columns] + [0]) + 1
    rect = (RIGHT - panel_w, float(TOP), panel_w, rows * LINE + 2 * PAD)
    x, y = rect[0] + PAD, float(TOP + PAD)
    canvas.panel(rect, (24, 20, 28, 200), radius=10)
    clip = canvas.p(panel_w - 2 * PAD)
    for row in problems:
        canvas.text(row, (x, y), PX, PROBLEM_INK, clip_width=clip)
        y += LINE
    for row in head:
        canvas.text(row, (x, y), PX, PAPER, clip_width=clip)
        y += LINE
    column_x = x
    for column, column_width in zip(columns, column_w):
        for i, row in enumerate(column):
            canvas.text(row, (column_x, y + i * LINE), PX, PAPER, clip_width=canvas.p(column_width))
        column_x += column_width + COLUMN_GAP
    y += max([len(c) for c in columns] + [0]) * LINE
    canvas.text(hint, (x, y), PX, PAPER, clip_width=clip)
    return rect


def _fit(rows: list[str], room: int, what: str) -> list[str]:
    """`rows`, or as many as fit in `room` with the last one saying how many more there are."""
    if len(rows) <= room:
        return rows
    keep = max(0, room - 1)
    return [*rows[:keep], f"\u2026 {len(rows) - keep} more {what}"]
