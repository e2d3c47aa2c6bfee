"""Menus: two choices with the same text (HS015), a fallback that can never be taken (HS016), and `once` on a
choice whose menu is only ever shown once (HS017)."""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.context import LintContext
from game.authoring.intervals import truth
from game.authoring.scene_graph import SceneGraph
from game.problems import Problem


def check(ctx: LintContext) -> Iterator[Problem]:
    story = ctx.story
    looping = SceneGraph(story).on_cycle()
    index = ctx.index
    for scene_id, scene in story.scenes.items():
        if not scene.choices:
            continue
        texts: dict[str, int] = {}
        once = [choice for choice in scene.choices if choice.once]
        if once and scene_id not in looping:  # said once per menu, at its first `once`
            others = f" (and on {len(once) - 1} more of its choices)" if len(once) > 1 else ""
            yield ctx.problem(
                "HS017",
                index.key_pos(once[0].where, "once"),
                f"no way through the story comes back to '{scene_id}', so 'once' changes nothing here{others}",
                "remove 'once: true'",
            )
        for choice in scene.choices:
            if choice.text is None:
                continue
            if choice.text in texts:
                yield ctx.problem(
                    "HS015",
                    index.value_pos(choice.where, "text"),
                    f'choice {texts[choice.text]} of this menu has the same text: "{choice.text}"',
                    "reword one of them, so players (and playthroughs) can tell them apart",
                )
            else:
                texts[choice.text] = choice.index + 1
        end = ctx.flows[scene_id].end
        fallback = next((c for c in scene.choices if c.fallback), None)
        if fallback is None or end is None:
            continue
        for choice in scene.choices:
            if choice.fallback or choice.once:
                continue
            if choice.condition is None or truth(choice.condition.tree, end.env) == {True}:
                yield ctx.problem(
                    "HS016",
                    index.key_pos(fallback.where, "fallback"),
                    f'the fallback is never taken: choice {choice.index + 1} ("{choice.text}") is always available',
                    "remove the fallback, or give that choice a condition",
                )
                break
