"""Scenes no one can see (HS011 nothing leads there, HS012 not reachable from the start), endings no scene uses
(HS013), beats after a `goto` (HS014), and scenes with nothing to read (HS022)."""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.context import LintContext
from game.authoring.scene_graph import SceneGraph
from game.model import Beat, GotoBeat, IfBeat, TextBeat
from game.problems import Problem
from game.summary import iter_beats


def check(ctx: LintContext) -> Iterator[Problem]:
    story = ctx.story
    graph = SceneGraph(story)
    reachable = graph.reachable()
    for scene_id, scene in story.scenes.items():
        leads = graph.sources[scene_id] - {scene_id}
        if scene_id != story.start and not leads:
            yield ctx.problem(
                "HS011",
                scene.where,
                f"no goto, next or choice leads to the scene '{scene_id}'",
                "link to it from another scene, or remove it",
            )
        elif scene_id not in reachable:
            names = sorted(leads)
            via = (
                f"only '{names[0]}' leads there, and it"
                if len(names) == 1
                else ("only " + ", ".join(f"'{n}'" for n in names) + " lead there, and they")
            )
            yield ctx.problem(
                "HS012",
                scene.where,
                f"the scene '{scene_id}' cannot be reached from the start ({via} cannot be reached either)",
                "link it into the story, or remove it with the scenes that lead to it",
            )
        yield from _after_goto(ctx, scene.beats)
        beats = list(iter_beats(scene.beats))
        menu = any(not choice.fallback for choice in scene.choices)  # a menu is something to read too
        if not menu and not any(isinstance(b, (TextBeat, GotoBeat)) for b in beats):
            yield ctx.problem(
                "HS022",
                scene.where,
                f"the scene '{scene_id}' has nothing to read",
                "add narration or lines, or join it to the scene before",
            )
    used = {scene.ending for scene in story.scenes.values() if scene.ending}
    for ending_id, ending in story.endings.items():
        if ending_id not in used:
            yield ctx.problem(
                "HS013",
                ending.where,
                f"no scene ends with the ending '{ending_id}'",
                f"end a scene with 'ending: {ending_id}', or remove the declaration",
            )


def _after_goto(ctx: LintContext, beats: tuple[Beat, ...]) -> Iterator[Problem]:
    for position, beat in enumerate(beats):
        if isinstance(beat, IfBeat):
            yield from _after_goto(ctx, beat.then)
            yield from _after_goto(ctx, beat.otherwise)
        elif isinstance(beat, GotoBeat) and position + 1 < len(beats):
            yield ctx.problem(
                "HS014",
                beats[position + 1].where,
                f"this beat never plays: the 'goto: {beat.target}' before it leaves the scene",
                "move it before the goto, or into the scene it goes to",
            )
            return
