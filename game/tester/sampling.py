"""Plays sampled under a policy, for what is cheaper to sample than to prove: repeated sentences and saturation.

Each play runs the scenes' compiled steps and the story machine as a `Playthrough` does (`run_silently`, told of
every line it passes, and the machine's own transitions, as the explorer fires them), choosing at each menu among
the available choices by the policy's odds (a seeded `random.Random`, so the same seed gives the same plays),
taking the fallback when none is. That is the event-by-event playthrough without building what only a screen
needs (the stage, menus as shown), about three times as fast. A story with lines that change with play (`{...}`,
`extend`), choices with replies or sub-scenes is sampled through ordinary `Playthrough`s instead, pulled event by event.
Per play it keeps every sentence read (of 4 words or more)
and the variables' values at the ending.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

from game.events import Choices, Ended, Line, SceneEntered, StageChange
from game.machine import FALLBACK, NEXT, PlayState, choice_is_available, choice_trigger
from game.model import Story
from game.playthrough import Playthrough, PlaythroughError
from game.program import OP_EVENT, run_silently
from game.tester.explore import initial_variables, machine_firer
from game.tester.odds import Policy

MAX_EVENTS = 200_000  # per play: a play that goes on longer is abandoned (a loop; `test` reports those)
MAX_SCENES_WITHOUT_MENU = 500  # so is one that enters this many scenes without a menu (a loop with no way out)
MIN_WORDS = 4
_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*")
_WORD = re.compile(r"[\w'’]+")


@dataclass
class Samples:
    plays: int
    seed: int
    policy: str
    endings: Counter = field(default_factory=Counter)  # ending -> plays
    end_values: list[dict[str, object]] = field(default_factory=list)  # per ended play: the variables
    repeated: Counter = field(default_factory=Counter)  # sentence -> plays that read it twice or more
    unfinished: int = 0

    def record(self, ending: str | None, variables: Mapping[str, object], read: Counter) -> None:
        """One play: the ending it reached (None: it did not finish), the variables there, how often it read what."""
        if ending is None:
            self.unfinished += 1
        else:
            self.endings[ending] += 1
            self.end_values.append(dict(variables))
        for sentence, count in read.items():
            if count > 1:
                self.repeated[sentence] += 1


def sentences(text: str) -> list[str]:
    """The sentences of a line with at least MIN_WORDS words, as read (whitespace tidied)."""
    found = []
    for match in _SENTENCE.finditer(text):
        sentence = " ".join(match.group().split())
        if len(_WORD.findall(sentence)) >= MIN_WORDS:
            found.append(sentence)
    return found


Split = Callable[[str], list[str]]  # a line's text -> its sentences (`sentences`, remembered per text)


def sample_plays(
    story: Story,
    policy: Policy,
    plays: int,
    seed: int,
    *,
    start: str | None = None,
    given: Mapping[str, object] | None = None,
) -> Samples:
    run = _Sampling(story, policy, random.Random(seed), Samples(plays, seed, policy.name), start, given)
    (_plain_plays if _plain(story) else _through_playthroughs)(run)
    return run.result


@dataclass
class _Sampling:
    """One call of `sample_plays`: what both ways of playing share, and the samples they add to."""

    story: Story
    policy: Policy
    rng: random.Random
    result: Samples
    start: str | None
    given: Mapping[str, object] | None
    split: Split = field(default_factory=lambda: cache(sentences))

    def pick(self, scene: str, options: list[int]) -> int:
        """One of the available choices (their indexes), drawn by the policy's odds."""
        odds = self.policy.pick(scene, options)
        return self.rng.choices(options, weights=[float(share) for share in odds])[0]


def _plain_plays(run: _Sampling) -> None:
    """The plays run as the explorer runs scenes: compiled steps, told of every event they pass."""
    story, result = run.story, run.result
    fire = machine_firer(story)
    scenes_by_id, programs = story.scenes, story.programs
    first = run.start or story.start
    values = initial_variables(story, run.given)
    for _ in range(result.plays):
        state = PlayState(first, dict(values), {first: 1}, set())
        shown: list = []  # every event the play passes (run_silently appends them: a C call, no Python frame)
        entered = 0  # scenes entered and menus answered, counted as events too
        scenes = 0
        ending: str | None = None
        while len(shown) + entered < MAX_EVENTS and scenes < MAX_SCENES_WITHOUT_MENU:
            scene = scenes_by_id[state.state]
            scenes += 1
            entered += 1
            trigger = run_silently(programs[scene.id], state.variables, state.visits, shown.append)
            if trigger is not None:
                _fire(fire, state, trigger)
            elif scene.next is not None:
                _fire(fire, state, NEXT)
            elif scene.ending is not None:
                ending = scene.ending
                break
            else:
                options = [c.index for c in scene.choices if not c.fallback and choice_is_available(c, state)]
                if options:
                    entered += 1
                    scenes = 0
                    _fire(fire, state, choice_trigger(run.pick(scene.id, options)))
                elif any(choice.fallback for choice in scene.choices):
                    _fire(fire, state, FALLBACK)
                else:
                    break  # a soft-lock: `test` reports those
        result.record(ending, state.variables, _read(shown, run.split))


def _read(shown: list, split: Split) -> Counter:
    """How often each sentence was read among the events shown."""
    read: Counter = Counter()
    for event in shown:
        if type(event) is Line:
            read.update(split(event.text))
    return read


def _fire(fire, state: PlayState, trigger: str) -> None:
    if not fire(state, trigger):
        raise PlaythroughError(f"the story machine refused '{trigger}' in scene '{state.state}'")


def _plain(story: Story) -> bool:
    """Whether every line is shown as written (no `{...}`, no `extend`), no scene is a choice's reply and none calls
    or returns: then the plain runs above read exactly what a playthrough shows."""
    if any(
        scene.part_of is not None or scene.returns_to is not None or scene.returns for scene in story.scenes.values()
    ):
        return False  # replies and sub-scenes (`call`, `return`): the playthrough knows their ways
    return all(
        step[0] != OP_EVENT or type(step[1]) in (Line, StageChange)
        for program in story.programs.values()
        for step in program.steps
    )


def _through_playthroughs(run: _Sampling) -> None:
    """The same samples from ordinary `Playthrough`s pulled event by event (lines rendered as a player sees them)."""
    for _ in range(run.result.plays):
        playthrough = Playthrough(run.story, start=run.start, given=run.given)
        read: Counter = Counter()
        events = scenes = 0
        while playthrough.can_continue and events < MAX_EVENTS and scenes < MAX_SCENES_WITHOUT_MENU:
            event = playthrough.continue_()
            events += 1
            if isinstance(event, SceneEntered):
                scenes += 1
            elif isinstance(event, Line):
                read.update(run.split(event.text))
            elif isinstance(event, Choices):
                options = [option.index for option in event.options if option.available]
                if not options:
                    break  # a soft-lock: `test` reports those
                scenes = 0
                playthrough.choose(run.pick(event.scene, options))
            elif isinstance(event, Ended):
                break
        ended = playthrough.ended
        run.result.record(None if ended is None else ended.ending, playthrough.variables, read)
