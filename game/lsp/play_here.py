"""'Play from here': the terminal command that starts the text player at a scene, in the state of the shortest way
there.

Starting a scene cold would play it with every variable at its default, which is rarely how a player arrives. So
the story is played from its start, breadth first over the choices (fewest choices first), until a way enters the
scene; the variables at that moment become `--given` values. The search is bounded: a scene no short way reaches is
started with the defaults, and the message says so.
"""

from __future__ import annotations

import shlex
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from game import story_cache
from game.events import Choices, Ended, SceneEntered
from game.loader import load_story
from game.model import Story
from game.playthrough import Playthrough
from game.problems import StoryError
from game.sources import Sources

MAX_WAYS = 4_000  # menus looked at before giving up on a shortest way
MAX_EVENTS = 100_000  # events played in all (a way replays its choices from the start)


@dataclass(frozen=True)
class PlayPlan:
    argv: list[str]
    message: str


def play_command(
    story_dir: Path, sources: Sources, scene: str, records: story_cache.Records = story_cache.DISK_RECORDS
) -> PlayPlan:
    """The command line that plays `scene`, and a sentence for the author about the state it starts in."""
    try:
        story = load_story(story_dir, sources, records=records)
    except StoryError as error:
        return PlayPlan([], f"the story does not load ({error.count} problems): mend them, then play from here")
    argv = ["heartstopper", "play", "--text", "--story", str(story.story_dir), "--start", scene]
    way = shortest_way(story, scene)
    if way is None:
        message = f"no short way reaches '{scene}' from the start: it plays with every variable at its default"
    else:
        choices, values = way
        changed = {name: value for name, value in values.items() if value != story.variables[name].default}
        for name, value in changed.items():
            argv += ["--given", f"{name}={_written(value)}"]
        message = f"'{scene}' is reached after {choices} choice{'s' if choices != 1 else ''}"
        message += ", with " + ", ".join(f"{n}={_written(v)}" for n, v in changed.items()) if changed else ""
    return PlayPlan(argv, f"{message}. Run: {shlex.join(argv)}")


def shortest_way(story: Story, scene: str) -> tuple[int, dict[str, object]] | None:
    """(choices made, variables on entering) for the way with the fewest choices into `scene`, or None."""
    queue: deque[tuple[int, ...]] = deque([()])
    seen: set[tuple] = set()
    budget = MAX_EVENTS
    while queue and len(seen) < MAX_WAYS and budget > 0:
        path = queue.popleft()
        playthrough = Playthrough(story)
        menu: Choices | None = None
        for number, index in enumerate((*path, None)):
            while playthrough.can_continue and budget > 0:
                budget -= 1
                event = playthrough.continue_()
                if isinstance(event, SceneEntered) and event.scene == scene:
                    return number, dict(playthrough.variables)
                if isinstance(event, (Choices, Ended)):
                    break
            menu = playthrough.current_choices
            if index is None or menu is None:
                break
            playthrough.choose(index)
        if menu is None:
            continue
        key = (menu.scene, tuple(sorted(playthrough.variables.items())))
        if key in seen:
            continue
        seen.add(key)
        queue.extend((*path, option.index) for option in menu.options if option.available)
    return None


def _written(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
