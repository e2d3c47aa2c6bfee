"""'Play from here': the terminal command that starts the text player at a scene, in the state of the shortest way
there.

Starting a scene cold would play it with every variable at its default, which is rarely how a player arrives. So
the story's states of play are searched from its start, breadth first over the choices (fewest choices first), until
one enters the scene; the variables at that moment become `--given` values. The search is bounded: a scene it does
not reach in time is started with the defaults, and the message says so.
"""

from __future__ import annotations

import shlex
from collections import deque
from dataclasses import dataclass
from heapq import heappop, heappush
from itertools import count
from pathlib import Path
from typing import NamedTuple

from game import story_cache
from game.loader import load_story
from game.machine import PlayState
from game.model import Story
from game.problems import StoryError
from game.sources import Sources
from game.tester.analysis import scene_conditions
from game.tester.explore import Explorer, expand, initial_variables
from game.wording import plural

MAX_STATES = 300_000  # states of play looked at before giving up on a shortest way (seconds on the shipped story)


@dataclass(frozen=True)
class PlayPlan:
    argv: list[str]
    message: str

    def named(self, story_dir: str, name: str) -> PlayPlan:
        """The same plan with the story folder given by another name for it (the editor's, through a link)."""
        argv = [name if part == story_dir else part for part in self.argv]
        return PlayPlan(argv, self.message.replace(shlex.join(self.argv), shlex.join(argv)))


def play_command(
    story_dir: Path, sources: Sources, scene: str, records: story_cache.Records = story_cache.DISK_RECORDS
) -> PlayPlan:
    """The command line that plays `scene`, and a sentence for the author about the state it starts in."""
    try:
        story = load_story(story_dir, sources, records=records)
    except StoryError as error:
        return not_loaded(error)
    return play_plan(story, scene)


def not_loaded(error: StoryError) -> PlayPlan:
    return PlayPlan([], f"the story does not load ({plural(error.count, 'problem')}): mend it, then play from here")


def play_plan(story: Story, scene: str) -> PlayPlan:
    """`play_command` for a loaded story: the search for the shortest way (up to seconds on a large story)."""
    argv = ["heartstopper", "play", "--text", "--story", str(story.story_dir), "--start", scene]
    way = shortest_way(story, scene)
    if way is None:
        message = f"no short way reaches '{scene}' from the start: it plays with every variable at its default"
    else:
        choices, values, waiting = way
        changed = {name: value for name, value in values.items() if value != story.variables[name].default}
        for name, value in changed.items():
            argv += ["--given", f"{name}={_written(value)}"]
        message = f"'{scene}' is reached after {plural(choices, 'choice')}"
        message += ", with " + ", ".join(f"{n}={_written(v)}" for n, v in changed.items()) if changed else ""
        if waiting:
            message += (
                f"; it is inside a sub-scene ({plural(waiting, 'call')} waiting then), so played from"
                " here its `return` has nothing to come back to and play stops there"
            )
    return PlayPlan(argv, f"{message}. Run: {shlex.join(argv)}")


class Way(NamedTuple):
    """The way with the fewest choices into a scene: how many, the variables on entering, and the calls waiting to
    return then (a scene inside a sub-scene has some: started on its own, its `return` has nowhere to go)."""

    choices: int
    variables: dict[str, object]
    calls_waiting: int


def shortest_way(story: Story, scene: str) -> Way | None:
    """The way with the fewest choices into `scene`, or None.

    A search over the states of play (the branch tester's `expand`, one scene at a time) where a `goto` or `next`
    costs nothing and a choice one, fewest choices first (A*): each state is ranked by the choices made so far plus
    the fewest choices the scene graph needs from its scene to `scene`, conditions left aside. That can only be less
    than the real number, so the first state found in `scene` is on a shortest way, and states whose scene cannot
    lead there are never looked at. States that play alike from then on are met once: the same scene, the same
    variables as far as anything later can tell (the branch tester's value classes and live variables), the same
    once-choices taken, the same calls waiting to return, and the same visit counts of the scenes some condition asks
    `visited()` about (no other count changes what happens). The variables returned are the real ones of the state
    found. Bounded by MAX_STATES: a scene the search does not reach by then gets None.
    """
    if scene not in story.scenes:
        return None
    to_go = _choices_to(story, scene)
    if story.start not in to_go:
        return None
    watched = sorted(_visits_read(story))
    # The branch tester's value classes: at a scene's entry, values no later condition tells apart are one (and a
    # variable nothing reads again is left out), so states that differ only there are met once.
    explorer = Explorer(story)
    live, _ = explorer.live_variables()
    canon = {scene_id: dict(explorer.classes.canon_maps(scene_id)) for scene_id in story.scenes}
    start = PlayState(story.start, initial_variables(story, None), {story.start: 1}, set())
    order = count()  # among equal estimates the state furthest on, then the one found first
    waiting: list[tuple[int, int, int, int, PlayState]] = [(to_go[story.start], 0, next(order), 0, start)]
    seen: set[tuple] = set()
    while waiting and len(seen) < MAX_STATES:
        _, _, _, choices, state = heappop(waiting)
        if state.state == scene:
            return Way(choices, dict(state.variables), len(state.stack))
        maps, values = canon[state.state], state.variables
        key = (
            state.state,
            tuple(
                maps[name].get(values[name], values[name]) if name in maps else values[name]
                for name in live[state.state]
            ),
            tuple(state.visits.get(name, 0) for name in watched),
            frozenset(state.once),
            state.stack,  # where the sub-scenes under way come back to
        )
        if key in seen:
            continue
        seen.add(key)
        menu = story.scenes[state.state].choices
        _, successors = expand(story, state)
        for how, successor in successors:
            left = to_go.get(successor.state)
            if left is not None:
                made = choices + (1 if how >= 0 and not menu[how].fallback else 0)  # a fallback is taken by itself
                heappush(waiting, (made + left, -made, next(order), made, successor))
    return None


def _choices_to(story: Story, target: str) -> dict[str, int]:
    """For every scene that can lead to `target` in the scene graph, the fewest choices on the way (0-1 search
    backwards: a choice's edge costs one, a `next`, `goto` or fallback nothing)."""
    into: dict[str, list[tuple[str, int]]] = {}
    comebacks = [scene.returns_to for scene in story.scenes.values() if scene.returns_to is not None]
    for scene in story.scenes.values():
        if scene.returns:  # a sub-scene's `return` may come back to any call's rest of its scene
            for back in comebacks:
                into.setdefault(back, []).append((scene.id, 0))
        for choice in scene.choices:
            into.setdefault(choice.goto, []).append((scene.id, 0 if choice.fallback else 1))
        for free in ([scene.next] if scene.next is not None else []) + list(story.programs[scene.id].goto_targets):
            into.setdefault(free, []).append((scene.id, 0))
    best = {target: 0}
    queue: deque[str] = deque([target])
    while queue:
        here = queue.popleft()
        for source, cost in into.get(here, ()):
            found = best[here] + cost
            if found < best.get(source, found + 1):
                best[source] = found
                if cost:
                    queue.append(source)
                else:
                    queue.appendleft(source)
    return best


def _visits_read(story: Story) -> set[str]:
    """The scenes whose visit counts some condition reads (`visited(...)`)."""
    read: set[str] = set()
    for invariant in story.invariants:
        read |= invariant.condition.visits_read
    for item in story.scenes.values():
        for condition in scene_conditions(item):
            read |= condition.visits_read
    return read


def _written(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
