"""Counting what a story holds (scenes, beats, words, endings), for `check`'s one-line summary and `stats`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from game.inline_text import InlineText, word_count
from game.model import Beat, IfBeat, Scene, Story, TextBeat
from game.terminal_text import escape_for_terminal
from game.wording import plural

_WORD = re.compile(r"[\w'’-]+")


def iter_beats(beats: tuple[Beat, ...]) -> Iterator[Beat]:
    """Every beat, depth first, including those inside `if` branches."""
    for beat in beats:
        yield beat
        if isinstance(beat, IfBeat):
            yield from iter_beats(beat.then)
            yield from iter_beats(beat.otherwise)


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def text_words(text: str, inline: InlineText | None) -> int:
    """Words a reader meets in one showing of a text: of braces, a value counts one and a pick its longer way."""
    return count_words(text) if inline is None else word_count(inline.parts, count_words)


def beat_words(beat: TextBeat) -> int:
    return text_words(beat.text, beat.inline)


def scene_words(scene: Scene) -> int:
    words = sum(beat_words(beat) for beat in iter_beats(scene.beats) if isinstance(beat, TextBeat))
    return words + sum(text_words(choice.text, choice.text_inline) for choice in scene.choices if choice.text)


def story_summary(story: Story) -> str:
    beats = sum(sum(1 for _ in iter_beats(scene.beats)) for scene in story.scenes.values())
    words = sum(scene_words(scene) for scene in story.scenes.values())
    choices = sum(len(scene.choices) for scene in story.scenes.values())
    title = escape_for_terminal(story.title)
    scenes = sum(1 for scene in story.scenes.values() if scene.part_of is None)  # replies are part of their menus
    return (
        f"ok: '{title}': {plural(scenes, 'scene')}, {plural(beats, 'beat')}, {plural(choices, 'choice')}, "
        f"{plural(words, 'word')}, {plural(len(story.endings), 'ending')}"
    )
