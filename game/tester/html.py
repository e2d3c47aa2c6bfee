"""`heartstopper test --measures --html FILE`: the findings as one self-contained page (no network, no scripts).

The page holds the story map (every scene a box, in rows from the start down along the scene graph, coloured by
the probability of visiting it under the policy, with that probability in the box), the ending odds as a bar
chart, the cosmetic choices, consequences, conditions that never change anything and dead writes with their
file:line, and the whole text summary. Everything from the story is escaped.
"""

from __future__ import annotations

from html import escape

from game.model import Story
from game.tester.analysis import scene_successors
from game.tester.measures import Measures

BOX_W, BOX_H, GAP_X, GAP_Y = 210, 26, 24, 24  # the map's boxes and the room between them
NAME_CHARS = 25  # of a scene's id in its box (the whole id is its tooltip)
LEGEND = ((0.0, "no play"), (0.25, "25%"), (0.5, "half"), (0.75, "75%"), (1.0, "every play"))
LEGEND_H, LEGEND_W = 40, 560  # the map's key, above it
LOW, HIGH = (236, 240, 246), (214, 48, 92)  # the map's colour at probability 0 and 1
BAR = "#3d7ea6"


def _colour(probability: float) -> str:
    mixed = [round(low + (high - low) * probability) for low, high in zip(LOW, HIGH)]
    return "#{:02x}{:02x}{:02x}".format(*mixed)


def _layers(story: Story) -> dict[str, int]:
    """Each scene's column: the longest way to it from the start, not counting edges that go back round a loop.

    A depth-first search from the start sorts the edges: one into a scene still on the search's path goes back
    round a loop and is left out; what is left has no cycle, and each scene goes one column past every scene
    before it on that graph (scenes the start cannot reach are placed from column 0).
    """
    successors = {
        scene_id: list(dict.fromkeys(scene_successors(story, scene))) for scene_id, scene in story.scenes.items()
    }
    forward: dict[str, list[str]] = {scene_id: [] for scene_id in story.scenes}
    finished: list[str] = []
    state: dict[str, int] = {}  # 1 on the path, 2 done
    for root in [story.start, *story.scenes]:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(successors[root]))]
        while stack:
            scene_id, pending = stack[-1]
            target = next(pending, None)
            if target is None:
                state[scene_id] = 2
                finished.append(scene_id)
                stack.pop()
            elif state.get(target) == 1:
                continue  # back round a loop
            else:
                forward[scene_id].append(target)
                if target not in state:
                    state[target] = 1
                    stack.append((target, iter(successors[target])))
    layer = dict.fromkeys(story.scenes, 0)
    for scene_id in reversed(finished):
        for target in forward[scene_id]:
            layer[target] = max(layer[target], layer[scene_id] + 1)
    return layer


def _percent(chance: float) -> str:
    """A probability for a box: whole percents, but never 0% or 100% for what only nearly is."""
    if 0 < chance < 0.005:
        return "<1%"
    if 0.995 <= chance < 1:
        return ">99%"
    return f"{chance:.0%}"


def _legend() -> list[str]:
    parts = ['<text x="10" y="18" font-size="11">visited in</text>']
    for number, (chance, label) in enumerate(LEGEND):
        x = 80 + number * 92
        parts.append(
            f'<rect x="{x}" y="6" width="16" height="16" rx="3" fill="{_colour(chance)}" stroke="#56606b"/>'
            f'<text x="{x + 22}" y="18" font-size="11">{label}</text>'
        )
    return parts


def story_map(story: Story, visits: dict[str, float]) -> str:
    """The scenes from the start downwards, a row per layer (see `_layers`), each row centred under the widest, so
    the map reads down the page as the story does; a line from a scene to each scene it leads to (dashed where it
    goes back up, round a loop); each box with the chance a play visits it."""
    layer = _layers(story)
    rows: dict[int, list[str]] = {}
    for scene_id in sorted(story.scenes, key=lambda item: story.scenes[item].order):
        rows.setdefault(layer[scene_id], []).append(scene_id)
    widest = max(len(scenes) for scenes in rows.values())
    width = max(widest * (BOX_W + GAP_X) - GAP_X + 20, LEGEND_W)
    place = {}
    for row, scenes in rows.items():
        left = (width - (len(scenes) * (BOX_W + GAP_X) - GAP_X)) // 2
        for column, scene_id in enumerate(scenes):
            place[scene_id] = (left + column * (BOX_W + GAP_X), LEGEND_H + row * (BOX_H + GAP_Y))
    height = LEGEND_H + (max(rows) + 1) * (BOX_H + GAP_Y) - GAP_Y + 10
    parts = [f'<svg id="map" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">', *_legend()]
    for scene_id, scene in story.scenes.items():
        x, y = place[scene_id]
        for target in dict.fromkeys(scene_successors(story, scene)):
            tx, ty = place[target]
            back = ' stroke-dasharray="4 3"' if ty <= y else ""
            parts.append(
                f'<line x1="{x + BOX_W // 2}" y1="{y + BOX_H}" x2="{tx + BOX_W // 2}" y2="{ty}" '
                f'stroke="#9aa5b1" stroke-width="1"{back}/>'
            )
    for scene_id in story.scenes:
        x, y = place[scene_id]
        chance = visits.get(scene_id, 0.0)
        ink = "#ffffff" if chance > 0.55 else "#1d2733"
        name = scene_id if len(scene_id) <= NAME_CHARS else scene_id[: NAME_CHARS - 1] + "…"
        parts.append(
            f'<g class="scene"><title>{escape(scene_id)}: {chance:.1%}</title>'
            f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="4" fill="{_colour(chance)}" '
            'stroke="#56606b"/>'
            f'<text x="{x + 6}" y="{y + 17}" font-size="11" fill="{ink}">{escape(name)}</text>'
            f'<text x="{x + BOX_W - 6}" y="{y + 17}" font-size="11" fill="{ink}" text-anchor="end">'
            f"{_percent(chance)}</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def ending_chart(endings: dict[str, float], never: float) -> str:
    rows = sorted(endings.items(), key=lambda item: -item[1])
    if never:
        rows.append(("(never ends)", never))
    height = len(rows) * 30 + 10
    parts = [f'<svg id="chart" xmlns="http://www.w3.org/2000/svg" width="720" height="{height}">']
    for number, (ending, value) in enumerate(rows):
        y = number * 30 + 5
        parts.append(
            f'<text x="0" y="{y + 17}" font-size="13">{escape(ending)}</text>'
            f'<rect class="bar" x="200" y="{y}" width="{max(1.0, value * 440):.1f}" height="22" fill="{BAR}"/>'
            f'<text x="{208 + value * 440:.1f}" y="{y + 17}" font-size="13">{value:.2%}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _where(file: str, line: int) -> str:
    return f'<a href="{escape(file)}">{escape(file)}:{line}</a>'


def render(story: Story, measures: Measures, summary: str) -> str:
    odds = measures.odds
    visits = {scene: float(value) for scene, value in odds.scenes.items()}
    cosmetic = "".join(
        f"<li>{_where(item.where.file, item.where.line)} {escape(item.scene)} choice {item.index + 1}: "
        f"“{escape(item.text)}”</li>"
        for item in measures.cosmetic
    )
    consequences = "".join(
        f"<li>{_where(item.where.file, item.where.line)} {escape(item.scene)} choice {item.index + 1}: "
        f"{escape(item.first_shows)}</li>"
        for item in measures.consequences
    )
    dead = "".join(
        f"<li>{escape(name)}: {_where(where.file, where.line)}</li>"
        for name, use in measures.variables.items()
        for where in use.dead_writes
    )
    conditions = "".join(
        f"<li>{_where(where.file, where.line)} {escape(scene)} choice {index + 1}: its condition holds at every "
        "menu</li>"
        for scene, index, where in measures.always_offered
    ) + "".join(
        f"<li>{_where(item.where.file, item.where.line)} {escape(item.scene)}: if “{escape(item.condition)}” is "
        f"{item.outcome}</li>"
        for item in measures.line_ifs.constant
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(story.title)}: do choices matter?</title>
<style>
body {{ font-family: sans-serif; margin: 24px; color: #1d2733; }}
h1 {{ font-size: 22px; }} h2 {{ font-size: 17px; margin-top: 28px; }}
.scroll {{ overflow-x: auto; border: 1px solid #d0d7de; padding: 6px; }}
pre {{ background: #f6f8fa; padding: 12px; overflow-x: auto; font-size: 12px; }}
</style></head><body>
<h1>{escape(story.title)}: do choices matter?</h1>
<h2>Ending odds (policy {escape(odds.policy)}, exact)</h2>
{ending_chart({ending: float(value) for ending, value in odds.endings.items()}, float(odds.never_ends))}
<h2>Story map, coloured by the probability of visiting each scene</h2>
<div class="scroll">{story_map(story, visits)}</div>
<h2>Cosmetic choices ({len(measures.cosmetic)})</h2><ul>{cosmetic or "<li>none</li>"}</ul>
<h2>Where each other choice's consequence first shows</h2><ul>{consequences or "<li>none</li>"}</ul>
<h2>Conditions that never change anything (dead text, dead branches)</h2><ul>{conditions or "<li>none</li>"}</ul>
<h2>Dead writes</h2><ul>{dead or "<li>none</li>"}</ul>
<h2>The full report</h2><pre>{escape(summary)}</pre>
</body></html>
"""
