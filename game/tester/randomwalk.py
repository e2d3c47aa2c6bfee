"""Random walks (`--random N --seed S`): sampling a story through the real playthrough, for stories too big to explore.

Each walk is an ordinary `Playthrough` pulled event by event, as a player would see it. At each menu the walk takes
one of the choices taken least often so far over all walks (ties broken by a seeded `random.Random`), so the
walks spread over the story instead of wandering the same likely routes; the same seed gives the same walks.
Invariants are checked at every scene entry and at every menu and ending. A walk stops at an ending, at a menu
with nothing to take (a soft-lock), when play itself stops on a mistake in the story (runaway `call` recursion: a
soft-lock too, as the full exploration reports it), or when it goes on too long (a loop with no way out, most
likely); each kind of
problem is reported once per scene (with the first walk that met it), and counted over all walks.

A scene counts as entered when a walk passes through it, as the exhaustive tester counts states: a scene with no
card of its own (a choice's reply, the lines after a call) included (`Playthrough.take_entered`), so the scenes
entered and their total are the same scenes the full exploration reports on.

Walks sample: a scene or choice they never reach may still be reachable, so only what they did find (soft-locks,
broken invariants, walks that never end) makes the run fail.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Mapping

from game.events import Choices, Ended, SceneEntered
from game.model import Story
from game.playthrough import Playthrough, PlaythroughError
from game.tester.odds import Policy
from game.tester.report import RandomReport, WalkProblem

MAX_CHOICES = 2_000
KEEP_CHOICES = 50  # of a walk that went on too long: the way into the loop is what matters
MAX_EVENTS = 1_000_000


def random_walks(
    story: Story,
    walks: int,
    seed: int,
    *,
    start: str | None = None,
    given: Mapping[str, object] | None = None,
    max_choices: int = MAX_CHOICES,
    progress: Callable[[int, int], None] | None = None,
    policy: Policy | None = None,
) -> RandomReport:
    """N walks; with a policy, each menu is picked by its odds instead of spreading over the least taken."""
    rng = random.Random(seed)
    taken: Counter[tuple[str, int]] = Counter()
    entered: set[str] = set()
    endings: Counter[str] = Counter({ending: 0 for ending in story.endings})
    ending_paths: dict[str, list[str]] = {}
    problems: list[WalkProblem] = []
    broken: set[int] = set()
    reported: set[tuple[str, str]] = set()
    outcomes: Counter[str] = Counter()

    def stop(kind: str, walk: int, scene: str, path: list[str], detail: str, outcome: str = "") -> None:
        outcomes[outcome or kind] += 1
        if (kind, scene) not in reported:
            reported.add((kind, scene))
            kept = list(path[:KEEP_CHOICES]) if kind == "too_long" else list(path)
            problems.append(WalkProblem(kind, scene, walk, kept, detail))  # type: ignore[arg-type]

    invariants = list(enumerate(story.invariants))

    def check(walk: int, scene: str, variables: Mapping[str, object], visits: Mapping[str, int], path: list[str]):
        for number, invariant in invariants:
            if number not in broken and not invariant.condition.fn(variables, visits):
                broken.add(number)
                values = ", ".join(f"{name}={variables[name]!r}" for name in sorted(invariant.condition.reads))
                problems.append(
                    WalkProblem(
                        "invariant", scene, walk, list(path), f"'{invariant.condition.source}' does not hold ({values})"
                    )
                )

    for walk in range(1, walks + 1):
        playthrough = Playthrough(story, start=start, given=given, seed=walk)
        path: list[str] = []
        events = 0
        try:
            while True:
                if not playthrough.can_continue:
                    break
                event = playthrough.continue_()
                entered.update(playthrough.take_entered())  # those passed with no card: a reply, after a call
                events += 1
                if events > MAX_EVENTS:
                    detail = f"the walk went on for {MAX_EVENTS:,} events without a menu or an ending"
                    stop("too_long", walk, playthrough.scene, path, detail)
                    break
                if isinstance(event, SceneEntered):
                    entered.add(event.scene)
                    check(walk, event.scene, playthrough.variables, playthrough.visits, path)
                elif isinstance(event, Ended):
                    check(walk, playthrough.scene, playthrough.variables, playthrough.visits, path)
                    endings[event.ending] += 1
                    ending_paths.setdefault(event.ending, list(path))
                    outcomes["ended"] += 1
                    break
                elif isinstance(event, Choices):
                    check(walk, event.scene, playthrough.variables, playthrough.visits, path)
                    options = [option for option in event.options if option.available]
                    if not options:
                        stop("menu", walk, event.scene, path, "a menu with nothing to take and no fallback")
                        break
                    if len(path) >= max_choices:
                        detail = f"the walk made {max_choices:,} choices without reaching an ending"
                        stop("too_long", walk, event.scene, path, detail)
                        break
                    if policy is not None:
                        shares = policy.pick(event.scene, [option.index for option in options])
                        option = rng.choices(options, weights=[float(share) for share in shares])[0]
                    else:
                        fewest = min(taken[(event.scene, option.index)] for option in options)
                        option = rng.choice([item for item in options if taken[(event.scene, item.index)] == fewest])
                    taken[(event.scene, option.index)] += 1
                    path.append(option.text)
                    playthrough.choose(option.index)
        except PlaythroughError as error:  # play itself stopped: runaway `call` recursion, a `return` to nothing
            entered.update(playthrough.take_entered())
            stop("menu", walk, playthrough.scene, path, f"play stopped: {error}", outcome="stopped")
        if progress is not None:
            progress(walk, walks)
    choices = [
        (scene.id, choice.index, choice.text or "")
        for scene in story.scenes.values()
        for choice in scene.choices
        if not choice.fallback
    ]
    return RandomReport(
        walks=walks,
        seed=seed,
        endings=dict(endings),
        ending_paths=ending_paths,
        scenes_covered=len(entered),
        scenes_total=len(story.scenes),
        choices_covered=sum(1 for scene, index, _ in choices if (scene, index) in taken),
        choices_total=len(choices),
        never_entered=[scene for scene in story.scenes if scene not in entered],
        never_chosen=[(scene, index, text) for scene, index, text in choices if (scene, index) not in taken],
        problems=problems,
        outcomes={kind: outcomes[kind] for kind in ("ended", "menu", "too_long", "stopped")},
    )
