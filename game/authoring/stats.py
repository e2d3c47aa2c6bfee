"""How big a story is and how long it takes to read: totals, per chapter, per character, and play time.

Counts reuse `game.summary` (the same words `check` counts: every word of every line and choice). Play time is an
estimate with its assumptions written down (see `READING`):

- reading everything: every word at `words_per_minute`, plus `seconds_per_menu` for each menu;
- one playthrough: the words a player actually reads, measured by playing the story with the real engine
  `playthrough_runs` times, choosing at random among the choices that can be taken (with a fixed seed, so the
  numbers are the same on every run), and timed the same way. It reports the average, the shortest and the longest
  of the playthroughs that reached an ending, and how many did not and why (play stopped on a mistake in the story,
  such as `call` recursion without end; a loop the random player kept taking; no choice left to take).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from game.events import Choices, Ended, Line
from game.model import Story, TextBeat
from game.playthrough import Playthrough, PlaythroughError
from game.summary import beat_words, count_words, iter_beats, scene_words
from game.wording import plural, word_for

NARRATOR = "narrator"


@dataclass(frozen=True)
class ReadingPace:
    words_per_minute: int = 200  # a relaxed on-screen reading pace for fiction (adults read prose at ~200-300)
    seconds_per_menu: int = 6  # reading the options and deciding
    playthrough_runs: int = 64
    seed: int = 2  # season two
    max_events: int = 200_000  # a run that goes on this long is stopped (a loop the random player keeps taking)

    def minutes(self, words: int, menus: int) -> float:
        return words / self.words_per_minute + menus * self.seconds_per_menu / 60


READING = ReadingPace()


def story_stats(story: Story, pace: ReadingPace = READING) -> dict[str, Any]:
    """Everything `heartstopper stats --json` prints."""
    chapters: dict[str, dict[str, Any]] = {
        c.name: {"name": c.name, "scenes": 0, "beats": 0, "choices": 0, "menus": 0, "words": 0} for c in story.chapters
    }
    characters: dict[str, dict[str, Any]] = {
        char_id: {"name": char.name, "lines": 0, "words": 0} for char_id, char in story.characters.items()
    }
    characters[NARRATOR] = {"name": "Narrator", "lines": 0, "words": 0}
    totals = {"beats": 0, "lines": 0, "choices": 0, "menus": 0, "words": 0}
    for scene in story.scenes.values():
        chapter = chapters.setdefault(
            scene.chapter, {"name": scene.chapter, "scenes": 0, "beats": 0, "choices": 0, "menus": 0, "words": 0}
        )
        beats = list(iter_beats(scene.beats))
        words = scene_words(scene)
        shown = sum(1 for c in scene.choices if not c.fallback)
        menu = 1 if shown else 0
        chapter["scenes"] += 1 if scene.part_of is None else 0  # a choice's reply is part of its menu's scene
        chapter["beats"] += len(beats)
        chapter["choices"] += len(scene.choices)
        chapter["menus"] += menu
        chapter["words"] += words
        totals["beats"] += len(beats)
        totals["choices"] += len(scene.choices)
        totals["menus"] += menu
        totals["words"] += words
        for beat in beats:
            if isinstance(beat, TextBeat):
                totals["lines"] += 1
                who = characters[beat.speaker if beat.speaker else NARRATOR]
                who["lines"] += 1
                who["words"] += beat_words(beat)
    for chapter in chapters.values():
        chapter["minutes"] = round(pace.minutes(chapter["words"], chapter["menus"]), 1)
    played = _random_playthroughs(story, pace)
    runs = played.ended
    minutes = [pace.minutes(words, menus) for words, menus in runs]
    return {
        "title": story.title,
        "version": story.version,
        "scenes": sum(1 for scene in story.scenes.values() if scene.part_of is None),
        "beats": totals["beats"],
        "lines": totals["lines"],
        "choices": totals["choices"],
        "menus": totals["menus"],
        "endings": len(story.endings),
        "calls": sum(1 for scene in story.scenes.values() if scene.returns_to is not None),
        "sub_scenes": sum(1 for scene in story.scenes.values() if scene.returns),
        "ending_titles": {ending_id: ending.title for ending_id, ending in story.endings.items()},
        "words": totals["words"],
        "chapters": list(chapters.values()),
        "characters": characters,
        "play_time": {
            "words_per_minute": pace.words_per_minute,
            "seconds_per_menu": pace.seconds_per_menu,
            "everything_minutes": round(pace.minutes(totals["words"], totals["menus"]), 1),
            "playthrough_runs": len(runs),
            "playthroughs_tried": pace.playthrough_runs,
            "playthroughs_unfinished": [
                {"why": why, "count": count} for why, count in sorted(played.unfinished.items(), key=_most_first)
            ],
            "playthrough_minutes": {
                "average": round(sum(minutes) / len(minutes), 1) if minutes else 0.0,
                "shortest": round(min(minutes), 1) if minutes else 0.0,
                "longest": round(max(minutes), 1) if minutes else 0.0,
            },
        },
    }


@dataclass
class RandomPlay:
    """What the random playthroughs came to: (words read, menus met) for each that reached an ending, and for the
    rest, how many ended each way (the reason as a sentence)."""

    ended: list[tuple[int, int]] = field(default_factory=list)
    unfinished: Counter[str] = field(default_factory=Counter)


LOOPED = "went on past {events:,} steps without an ending (a loop the random player kept taking)"
STUCK = "got stuck: no choice could be taken and no ending was reached"


def _most_first(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def _random_playthroughs(story: Story, pace: ReadingPace) -> RandomPlay:
    """Play the story `pace.playthrough_runs` times choosing at random, and say how each run went."""
    chooser = random.Random(pace.seed)
    played = RandomPlay()
    for _ in range(pace.playthrough_runs):
        try:
            outcome = _one_random_playthrough(Playthrough(story), chooser, pace)
        except PlaythroughError as error:  # play itself stopped: runaway `call` recursion, a `return` to nothing
            outcome = f"play stopped: {error}"
        if isinstance(outcome, tuple):
            played.ended.append(outcome)
        else:
            played.unfinished[outcome] += 1
    return played


def _one_random_playthrough(
    playthrough: Playthrough, chooser: random.Random, pace: ReadingPace
) -> tuple[int, int] | str:
    """(words read, menus met) when the playthrough reaches an ending, else why it did not."""
    words = menus = events = 0
    while events < pace.max_events:
        if playthrough.can_continue:
            event = playthrough.continue_()
            events += 1
            if isinstance(event, Line):
                words += count_words(event.text)
            elif isinstance(event, Ended):
                return words, menus
            continue
        menu: Choices | None = playthrough.current_choices
        available = [option for option in menu.options if option.available] if menu is not None else []
        if not available:
            return STUCK
        menus += 1
        option = chooser.choice(available)
        words += count_words(option.text)
        playthrough.choose(option.index)
    return LOOPED.format(events=pace.max_events)


def describe_minutes(minutes: float) -> str:
    """Minutes as a person would say them: "<1 min" (for anything short of half a minute but nothing), "7 min",
    "1 h 21 min"."""
    whole = round(minutes)
    if whole == 0 and minutes > 0:
        return "<1 min"
    if whole < 60:
        return f"{whole} min"
    return f"{whole // 60} h {whole % 60:02d} min"


def _about(minutes: float) -> str:
    """A chapter's minutes in the table: "~7 min", or "<1 min" (which needs no "~")."""
    said = describe_minutes(minutes)
    return said if said.startswith("<") else f"~{said}"


def render_text(data: dict[str, Any]) -> str:
    """The report `heartstopper stats` prints."""
    play = data["play_time"]
    runs = play["playthrough_minutes"]
    lines = [
        f"{data['title']} (version {data['version']})",
        f"  {plural(data['scenes'], 'scene')}, {plural(data['beats'], 'beat')}, {plural(data['lines'], 'line')}, "
        f"{plural(data['choices'], 'choice')} in {plural(data['menus'], 'menu')}, {plural(data['endings'], 'ending')}",
        f"  {plural(data['words'], 'word')}; reading everything takes about "
        f"{describe_minutes(play['everything_minutes'])}",
    ]
    if data.get("calls"):
        calls, subs = data["calls"], data["sub_scenes"]
        lines.append(f"  {plural(calls, 'call')} of sub-scenes; {plural(subs, 'scene ends', 'scenes end')} with return")
    tried = play.get("playthroughs_tried", play["playthrough_runs"])
    if play["playthrough_runs"]:
        source = f"{plural(tried, 'playthrough')} choosing at random"
        if play["playthrough_runs"] < tried:
            source = f"the {play['playthrough_runs']:,} of {tried:,} random playthroughs that reached an ending"
        lines.append(
            f"  one playthrough takes about {describe_minutes(runs['average'])} "
            f"({describe_minutes(runs['shortest'])} to {describe_minutes(runs['longest'])}, "
            f"from {source})"
        )
    unfinished = play.get("playthroughs_unfinished", [])
    if unfinished:
        missed = sum(item["count"] for item in unfinished)
        lines.append(
            f"  {missed:,} of {plural(tried, 'random playthrough')} did not reach an ending"
            + ("" if play["playthrough_runs"] else " (so no play time for one playthrough)")
            + ":"
        )
        lines.extend(f"    {item['count']:,} {item['why']}" for item in unfinished)
    lines.append(
        f"  (at {play['words_per_minute']} words a minute and {play['seconds_per_menu']} seconds for each menu)"
    )
    lines.append("")
    lines.append("Chapters")
    width = max((len(c["name"]) for c in data["chapters"]), default=8)
    for chapter in data["chapters"]:
        lines.append(
            f"  {chapter['name']:<{width}}  {chapter['scenes']:>4} {word_for(chapter['scenes'], 'scene '):6}  "
            f"{chapter['beats']:>5} {word_for(chapter['beats'], 'beat '):5}  "
            f"{chapter['choices']:>4} {word_for(chapter['choices'], 'choice '):7}  "
            f"{chapter['words']:>6} {word_for(chapter['words'], 'word '):5}  {_about(chapter['minutes'])}"
        )
    lines.append("")
    lines.append("Characters (by words)")
    cast = sorted(data["characters"].items(), key=lambda item: (-item[1]["words"], item[0]))
    width = max((len(char["name"]) for _, char in cast), default=8)
    for char_id, char in cast:
        if char["lines"]:
            noun = word_for(char["lines"], "line ")
            words = word_for(char["words"], "word ")
            lines.append(
                f"  {char['name']:<{width}}  {char['lines']:>5} {noun}  {char['words']:>6} {words}  ({char_id})"
            )
    silent = [char_id for char_id, char in cast if not char["lines"]]
    if silent:
        lines.append("  no lines: " + ", ".join(silent))
    return "\n".join(lines)
