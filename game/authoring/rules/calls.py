"""Sub-scenes (`call: scene` ... `return`): a `return` some way through the story reaches with no call waiting
(HS030), which stops play with an error.

The calls waiting are followed exactly along the story's links (conditions are not worked out: a way the
conditions forbid still counts, as for the other reachability checks), to a bounded depth and number of
situations, so a story of any size is checked quickly; what lies past the bounds is not reported.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from game.authoring.context import LintContext
from game.model import GotoBeat
from game.problems import Problem
from game.summary import iter_beats

MAX_DEPTH = 16  # calls waiting at once that the check follows
MAX_SITUATIONS = 50_000  # (scene, calls waiting) pairs it looks at, at most


def check(ctx: LintContext) -> Iterator[Problem]:
    story = ctx.story
    if not any(scene.returns for scene in story.scenes.values()):
        return
    start: tuple[str, tuple[str, ...]] = (story.start, ())
    seen = {start}
    queue = deque([start])
    flagged: set[str] = set()
    while queue and len(seen) < MAX_SITUATIONS:
        scene_id, stack = queue.popleft()
        scene = story.scenes[scene_id]
        following: list[tuple[str, tuple[str, ...]]] = [
            (beat.target, stack) for beat in iter_beats(scene.beats) if isinstance(beat, GotoBeat)
        ]
        if scene.returns:
            if stack:
                following.append((stack[-1], stack[:-1]))
            elif scene_id not in flagged:
                flagged.add(scene_id)
                yield ctx.problem(
                    "HS030",
                    scene.where,
                    f"the scene '{scene_id}' ends with 'return', but a way from the start reaches it with no call "
                    "waiting to come back to",
                    "reach it only through 'call: " + scene_id + "', or end it with 'next', 'choices' or 'ending'",
                )
        elif scene.next is not None and scene.returns_to is not None:
            if len(stack) < MAX_DEPTH:
                following.append((scene.next, (*stack, scene.returns_to)))
        else:
            if scene.next is not None:
                following.append((scene.next, stack))
            following.extend((choice.goto, stack) for choice in scene.choices)
        for item in following:
            if item not in seen and item[0] in story.scenes:
                seen.add(item)
                queue.append(item)
