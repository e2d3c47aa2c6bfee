"""The stage: a fourth character pushing someone off (HS025), hiding someone who is not there (HS026), changes that
change nothing (HS027), and an `as:` for a speaker who is not on stage (HS028).

What is on stage before each beat comes from `game.authoring.flow`, which follows the engine's own stage rules
(`game.stage`). Where a scene inherits the stage of the scene before (it names no background), only what the scene
itself shows is certain, so HS026 and HS028 are only reported where the stage is known: in scenes that name a
background, or after a `hide: all`.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.context import LintContext, beat_key
from game.authoring.flow import UNKNOWN, StageKnown
from game.model import StageBeat, TextBeat
from game.problems import Problem
from game.stage import shown_place
from game.summary import iter_beats


def check(ctx: LintContext) -> Iterator[Problem]:
    for scene_id, scene in ctx.story.scenes.items():
        flow = ctx.flows[scene_id]
        for beat in iter_beats(scene.beats):
            known = flow.before.get(id(beat))
            if known is None:
                continue
            if isinstance(beat, StageBeat):
                yield from _stage_beat(ctx, beat, known.stage)
            elif isinstance(beat, TextBeat) and beat.expression and beat.speaker:
                maybe = known.stage.maybe
                if maybe is not None and beat.speaker not in maybe and ctx.expressions(beat.speaker):
                    yield ctx.problem(
                        "HS028",
                        ctx.index.inner_value_pos(beat.where, beat_key(beat), "as"),
                        f"'{beat.speaker}' is not on stage here, so 'as: {beat.expression}' changes nothing",
                        f"show them first (show: {{who: {beat.speaker}, as: {beat.expression}}}), or drop the 'as:'",
                    )


def _stage_beat(ctx: LintContext, beat: StageBeat, stage: StageKnown) -> Iterator[Problem]:
    if beat.action == "show" and beat.who:
        sprites = stage.sprites()
        at = shown_place(sprites, beat.who, beat.at)
        if sprites.get(beat.who) == (beat.expression, at) and beat.transition is None:
            yield ctx.problem(
                "HS027",
                beat.where,
                f"'{beat.who}' is already shown as {beat.expression} at {at}, so this 'show' changes nothing",
                "remove it",
            )
        elif beat.who not in sprites and len(sprites) >= 3 and any(place == at for _, place in sprites.values()):
            pushed = next(who for who, (_, place) in sprites.items() if place == at)
            names = sorted(sprites)
            others = ", ".join(names[:-1]) + f" and {names[-1]}"
            yield ctx.problem(
                "HS025",
                beat.where,
                f"{others} are on stage, so showing '{beat.who}' at {at} sends '{pushed}' off",
                f"hide someone first (hide: {pushed}), or show '{beat.who}' later",
            )
    elif beat.action == "hide" and beat.who:
        maybe = stage.maybe
        if maybe is None:
            return
        if beat.who == "all" and not maybe:
            yield ctx.problem("HS026", beat.where, "nobody is on stage here, so 'hide: all' does nothing", "remove it")
        elif beat.who != "all" and beat.who not in maybe:
            yield ctx.problem(
                "HS026",
                beat.where,
                f"'{beat.who}' is not on stage here, so this 'hide' does nothing",
                "remove it, or show them before",
            )
    elif beat.action in ("background", "music") and beat.asset is not None:
        current = stage.background if beat.action == "background" else stage.music
        wanted = None if beat.action == "music" and beat.asset == "none" else beat.asset
        if current != UNKNOWN and current == wanted:
            what = "the music is already" if beat.action == "music" else "the background is already"
            state = "stopped" if wanted is None else f"'{wanted}'"
            yield ctx.problem("HS027", beat.where, f"{what} {state} here, so this beat changes nothing", "remove it")
