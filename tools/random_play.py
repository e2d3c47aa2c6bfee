"""Measure a story by playing it at random, as an uninformed player would: every available choice equally likely.

`heartstopper test --random` spreads its walks over the story (least-taken choice first) to find problems; that
says nothing about how likely each ending is for a player. This tool plays N seeded playthroughs through the
engine's own `Playthrough`, choosing uniformly among the choices that can be taken, and reports what a story
editor wants to know about the shape of the story:

- the odds of each ending;
- per variable: how many conditions read it (story text and flow that depend on it), and in how many
  playthroughs it ends at its maximum (int) or at each value (bool, enum);
- repeated sentences within one playthrough (the median and the worst, and the sentences repeated most often);
- "diamonds": choices that set nothing and whose target only runs on (`next`, through scenes that set nothing and
  that no `visited()` asks about) to the place a sibling choice that also sets nothing reaches too: pairs of
  choices between which the story remembers no difference.

Usage: python tools/random_play.py [STORY_DIR] [-n 2000] [--seed 1] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

from game.events import Choices, Ended, Line
from game.loader import load_story
from game.model import Choice, EffectBeat, GotoBeat, IfBeat, Scene, Story
from game.playthrough import Playthrough

SENTENCE = re.compile(r"[^.!?]+[.!?]+")
MIN_SENTENCE_WORDS = 4  # "Yeah." and "Thank you." repeat in any story; count sentences with some content


def sentences(text: str) -> list[str]:
    """The sentences of a line worth counting, normalised for comparison."""
    found = []
    for match in SENTENCE.finditer(text):
        sentence = " ".join(match.group(0).lower().split()).strip(" '\"")
        if len(sentence.split()) >= MIN_SENTENCE_WORDS:
            found.append(sentence)
    return found


def play_once(story: Story, rng: random.Random) -> tuple[str, dict, Counter[str]]:
    """One uniform random playthrough: its ending, final variables and how often each sentence was shown."""
    playthrough = Playthrough(story)
    said: Counter[str] = Counter()
    while playthrough.can_continue:
        event = playthrough.continue_()
        if isinstance(event, Line):
            said.update(sentences(event.text))
        elif isinstance(event, Choices):
            options = [option for option in event.options if option.available]
            if not options:
                return "(soft-lock)", dict(playthrough.variables), said
            playthrough.choose(rng.choice(options).index)
        elif isinstance(event, Ended):
            return event.ending, dict(playthrough.variables), said
    return "(stopped)", dict(playthrough.variables), said


def _walk_beats(beats, visit) -> None:
    for beat in beats:
        visit(beat)
        if isinstance(beat, IfBeat):
            _walk_beats(beat.then, visit)
            _walk_beats(beat.otherwise, visit)


def story_conditions(story: Story) -> list:
    """Every condition that changes text or flow: on `if` beats (at any depth) and on choices."""
    found = []

    def visit(beat) -> None:
        if isinstance(beat, IfBeat):
            found.append(beat.condition)

    for scene in story.scenes.values():
        _walk_beats(scene.beats, visit)
        found.extend(choice.condition for choice in scene.choices if choice.condition is not None)
    return found


def condition_reads(story: Story) -> Counter[str]:
    """How many conditions (in `if` beats and on choices) read each variable."""
    reads: Counter[str] = Counter()
    for condition in story_conditions(story):
        reads.update(condition.reads)
    return reads


def visits_read(story: Story) -> set[str]:
    """The scenes some condition asks `visited()` about: passing through one of them is remembered."""
    conditions = [*story_conditions(story), *(invariant.condition for invariant in story.invariants)]
    return {scene for condition in conditions for scene in condition.visits_read}


def _plain_run(scene: Scene, remembered: set[str]) -> bool:
    """A scene that sets nothing, branches nowhere, is never asked about, and simply runs on to `next`."""
    if scene.id in remembered:
        return False
    found = []

    def visit(beat) -> None:
        if isinstance(beat, EffectBeat | GotoBeat | IfBeat):
            found.append(beat)

    _walk_beats(scene.beats, visit)
    return not found and scene.next is not None


def _rejoin(story: Story, choice: Choice, remembered: set[str]) -> str:
    """Where a choice leads once the plain run-on scenes after it are passed (at most three of them)."""
    target = choice.goto
    for _ in range(3):
        scene = story.scenes[target]
        if not _plain_run(scene, remembered):
            return target
        target = scene.next  # type: ignore[assignment]
    return target


def diamonds(story: Story) -> list[tuple[str, str, str]]:
    """Choices that set nothing and end where a sibling ends after only plain run-on scenes: (scene, text, where)."""
    found = []
    remembered = visits_read(story)
    for scene in story.scenes.values():
        menu = [choice for choice in scene.choices if not choice.fallback]
        if len(menu) < 2:
            continue
        ends = {choice.index: _rejoin(story, choice, remembered) for choice in menu}
        for choice in menu:
            if choice.sets or choice.adds:
                continue
            # the sibling must forget too: a "not yet" beside a choice that sets something is a real choice
            siblings = [other for other in menu if other.index != choice.index and not (other.sets or other.adds)]
            if any(ends[other.index] == ends[choice.index] for other in siblings):
                found.append((scene.id, choice.text or "", ends[choice.index]))
    return found


def measure(story: Story, runs: int, seed: int) -> dict:
    rng = random.Random(seed)
    endings: Counter[str] = Counter()
    at_value: dict[str, Counter] = {name: Counter() for name in story.variables}
    repeated_counts: list[int] = []
    repeated_sentences: Counter[str] = Counter()
    for _ in range(runs):
        ending, variables, said = play_once(story, rng)
        endings[ending] += 1
        for name, value in variables.items():
            at_value[name][value] += 1
        repeats = [sentence for sentence, count in said.items() if count > 1]
        repeated_counts.append(sum(said[sentence] - 1 for sentence in repeats))
        repeated_sentences.update(repeats)
    reads = condition_reads(story)
    variables = {}
    for name, variable in story.variables.items():
        entry: dict = {"conditions": reads[name]}
        if variable.type.kind == "int" and variable.type.maximum is not None:
            entry["at_max"] = round(at_value[name][variable.type.maximum] / runs, 3)
        entry["final"] = {
            str(value): round(count / runs, 3) for value, count in sorted(at_value[name].items(), key=str)
        }
        variables[name] = entry
    found = diamonds(story)
    return {
        "runs": runs,
        "seed": seed,
        "endings": {
            ending: round(endings[ending] / runs, 3)
            for ending in [*story.endings, *sorted(endings)]
            if ending in endings or ending in story.endings
        },
        "variables": variables,
        "repeated_sentences": {
            "median": statistics.median(repeated_counts),
            "max": max(repeated_counts),
            "most_often": [
                [sentence, round(count / runs, 3)] for sentence, count in repeated_sentences.most_common(12)
            ],
        },
        "choices": sum(1 for scene in story.scenes.values() for choice in scene.choices if not choice.fallback),
        "diamonds": len(found),
        "diamond_list": [list(item) for item in found],
    }


def print_report(result: dict) -> None:
    print(f"{result['runs']} uniform random playthroughs (seed {result['seed']})")
    print("Endings")
    for ending, share in result["endings"].items():
        print(f"  {ending:20} {share:6.1%}")
    print("Variables (conditions reading it; share of playthroughs ending at its max, or its final values)")
    for name, entry in result["variables"].items():
        detail = (
            f"at max {entry['at_max']:.0%}"
            if "at_max" in entry
            else ", ".join(f"{value} {share:.0%}" for value, share in entry["final"].items())
        )
        print(f"  {name:14} {entry['conditions']:3}  {detail}")
    repeated = result["repeated_sentences"]
    print(f"Repeated sentences in one playthrough: median {repeated['median']}, max {repeated['max']}")
    for sentence, share in repeated["most_often"]:
        print(f"  {share:5.0%}  {sentence[:100]}")
    print(
        f"Diamonds (choices that set nothing and rejoin a sibling at once): {result['diamonds']} of {result['choices']}"
    )
    for scene, text, where in result["diamond_list"]:
        print(f"  {scene}: {text!r} -> {where}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("story", nargs="?", default="story", type=Path)
    parser.add_argument("-n", "--runs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    story = load_story(args.story)
    result = measure(story, args.runs, args.seed)
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
    else:
        print_report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
