"""The authors' overlay (with --dev): the scene id, the beat id and every variable, plus reload problems."""

from __future__ import annotations

from game.events import Line
from game.ui.canvas import Canvas
from game.ui.session import StorySession
from game.ui.theme import DANGER, PAPER

PX = 15


def draw_overlay(canvas: Canvas, session: StorySession, line: Line | None, problem: str | None) -> None:
    rows = [f"scene: {session.playthrough.scene}"]
    if line is not None:
        rows.append(f"beat: {line.beat_id}")
    rows += [f"{name} = {value!r}" for name, value in sorted(session.playthrough.variables.items())]
    rows.append("Shift+R reload \u00b7 F3 hide")
    problems = problem.splitlines() if problem else []
    width = max([canvas.measure(r, PX) for r in rows + problems] + [200]) + 24
    height = (len(rows) + len(problems)) * PX * 1.35 + 16
    x = 1280 - width - 12
    canvas.panel((x, 60, width, height), (24, 20, 28, 200), radius=10)
    y = 68.0
    for row in rows:
        canvas.text(row, (x + 12, y), PX, PAPER)
        y += PX * 1.35
    for row in problems:
        canvas.text(row, (x + 12, y), PX, (255, 190, 180) if DANGER else PAPER)
        y += PX * 1.35
