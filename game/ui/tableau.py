"""An ending's picture for the endings gallery: the place where it happens and who is there, read from the story.

The story already says everything the picture needs: the scene that ends in the ending sets (or inherits) a
background, and its `show` and `hide` beats put people on stage. Reading them statically, without playing, means
a locked ending can be drawn too (as silhouettes), and an author gets a gallery picture without writing anything.
A hint for a locked ending comes from the manifest's `hint:` when the author wrote one, else from its chapter.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.model import Beat, IfBeat, Scene, StageBeat, Story
from game.staging import place_fraction


@dataclass(frozen=True, slots=True)
class Figure:
    who: str
    expression: str
    at: str
    outfit: str | None = None


@dataclass(frozen=True, slots=True)
class Tableau:
    background: str | None
    figures: tuple[Figure, ...]
    hint: str


def _stage_beats(beats: Iterable[Beat]) -> Iterable[StageBeat]:
    """Stage beats in reading order, taking the first branch of every `if` (the picture needs one likely path)."""
    for beat in beats:
        if isinstance(beat, StageBeat):
            yield beat
        elif isinstance(beat, IfBeat):
            yield from _stage_beats(beat.then or beat.otherwise)


def _predecessor(story: Story, scene: Scene) -> Scene | None:
    """A scene that leads straight into `scene` (the earliest in story order), if any."""
    sources = [s for s in story.scenes.values() if s.next == scene.id or any(c.goto == scene.id for c in s.choices)]
    return min(sources, key=lambda s: s.order) if sources else None


def _background(story: Story, scene: Scene) -> str | None:
    seen: set[str] = set()
    current: Scene | None = scene
    while current is not None and current.id not in seen:
        seen.add(current.id)
        named = [b.asset for b in _stage_beats(current.beats) if b.action == "background" and b.asset]
        if named:
            return named[-1]
        if current.background:
            return current.background
        current = _predecessor(story, current)
    return None


def _cast(scene: Scene) -> tuple[Figure, ...]:
    """Who stands on stage as `scene` ends, at most one per place, left to right."""
    on_stage: dict[str, Figure] = {}
    everyone: dict[str, Figure] = {}
    for beat in _stage_beats(scene.beats):
        if beat.action == "background":
            on_stage.clear()
        elif beat.action == "show" and beat.who:
            old = on_stage.get(beat.who) or everyone.get(beat.who)
            at = beat.at or (old.at if old else "center")
            expression = beat.expression or (old.expression if old else "neutral")
            figure = Figure(beat.who, expression, at, getattr(beat, "outfit", None))
            on_stage = {k: v for k, v in on_stage.items() if v.at != at or k == beat.who}
            on_stage[beat.who] = everyone[beat.who] = figure
        elif beat.action == "hide" and beat.who:
            on_stage.pop(beat.who, None)
    cast = on_stage or everyone  # a scene that clears the stage before it ends is pictured with whoever was in it
    by_place = {figure.at: figure for figure in cast.values()}
    return tuple(sorted(by_place.values(), key=lambda f: place_fraction(f.at)))


def tableau(story: Story, ending_id: str) -> Tableau:
    """The picture of `ending_id`: its scene's place and the people on stage as the scene ends."""
    ending = story.endings.get(ending_id)
    scenes = sorted((s for s in story.scenes.values() if s.ending == ending_id), key=lambda s: s.order)
    if not scenes:
        return Tableau(None, (), getattr(ending, "hint", "") or "")
    scene = scenes[0]
    figures: tuple[Figure, ...] = ()
    current: Scene | None = scene
    seen: set[str] = set()
    while current is not None and current.id not in seen and not figures:
        # a scene that shows nobody goes on with the stage of the scene before it
        seen.add(current.id)
        figures = _cast(current)
        if any(b.action == "background" for b in _stage_beats(current.beats)) or current.background:
            break
        current = _predecessor(story, current)
    hint = getattr(ending, "hint", "") or f"An ending of the chapter \u201c{scene.chapter}\u201d."
    return Tableau(_background(story, scene), figures, hint)
