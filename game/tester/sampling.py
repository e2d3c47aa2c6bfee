"""Plays sampled under a policy, for what is cheaper to sample than to prove: repeated sentences and saturation.

Each play is an ordinary `Playthrough` pulled event by event, as a player sees it, choosing at each menu by the
policy's odds (a seeded `random.Random`, so the same seed gives the same plays). Per play it keeps every
sentence read (of 4 words or more) and the variables' values at the ending. Also used by `--random N --policy P`.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from game.events import Choices, Ended, Line, SceneEntered
from game.model import Story
from game.playthrough import Playthrough
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


def sentences(text: str) -> list[str]:
    """The sentences of a line with at least MIN_WORDS words, as read (whitespace tidied)."""
    found = []
    for match in _SENTENCE.finditer(text):
        sentence = " ".join(match.group().split())
        if len(_WORD.findall(sentence)) >= MIN_WORDS:
            found.append(sentence)
    return found


def sample_plays(
    story: Story,
    policy: Policy,
    plays: int,
    seed: int,
    *,
    start: str | None = None,
    given: Mapping[str, object] | None = None,
) -> Samples:
    rng = random.Random(seed)
    result = Samples(plays, seed, policy.name)
    split: dict[str, list[str]] = {}
    for _ in range(plays):
        playthrough = Playthrough(story, start=start, given=given)
        read: Counter = Counter()
        events = scenes = 0
        while playthrough.can_continue and events < MAX_EVENTS and scenes < MAX_SCENES_WITHOUT_MENU:
            event = playthrough.continue_()
            events += 1
            if isinstance(event, SceneEntered):
                scenes += 1
            elif isinstance(event, Line):
                parts = split.get(event.text)
                if parts is None:
                    parts = split[event.text] = sentences(event.text)
                read.update(parts)
            elif isinstance(event, Choices):
                options = [option.index for option in event.options if option.available]
                if not options:
                    break  # a soft-lock: `test` reports those
                scenes = 0
                odds = policy.pick(event.scene, options)
                playthrough.choose(rng.choices(options, weights=[float(share) for share in odds])[0])
            elif isinstance(event, Ended):
                result.endings[event.ending] += 1
                result.end_values.append(dict(playthrough.variables))
                break
        if playthrough.ended is None:
            result.unfinished += 1
        for sentence, count in read.items():
            if count > 1:
                result.repeated[sentence] += 1
    return result
