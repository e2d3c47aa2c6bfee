"""What a playthrough tells its front ends.

The engine never draws or prints. It hands out these small, immutable events one at a time (see
`game.playthrough.Playthrough`), and each front end (the pygame game, the terminal player, the capture tool, the
branch tester) decides how to present them. Every field is plain data, so events can be logged, compared in tests
and replayed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

LineKind = Literal["speech", "narration", "thought", "message"]
StageAction = Literal["show", "hide", "background", "music", "sound", "effect", "mode"]
SpritePlace = str  # a named place or a fraction of the width, as text (game.staging)
Transition = tuple[str, float]  # (dissolve | fade | move | none, seconds): game.staging.Transition


@dataclass(frozen=True, slots=True)
class SceneEntered:
    """A scene begins: the front end sets the stage (background, music) and may show a chapter card."""

    scene: str
    title: str
    chapter: str
    background: str | None
    music: str | None  # an asset id, "none" to stop the music, or None to leave it playing
    new_chapter: bool  # the chapter differs from the previous scene's (or this is the first scene)
    transition: Transition | None = None  # how the new stage comes in; None: the front end's own way


@dataclass(frozen=True, slots=True)
class Line:
    """Something to read: speech, narration, a thought or a phone message.

    `speaker` is a character id (None for narration); `name` and `color` are how that character appears.
    `expression` is the sprite expression the speaker takes with this line, if the author gave one.
    `beat_id` is stable across edits of other beats, for seen-text tracking and translations.
    `continues` is how many characters at the start of `text` were already shown by the line before (an `extend`
    beat shows that line again with more after it): a front end may show them at once and reveal only the rest.
    """

    kind: LineKind
    text: str
    speaker: str | None
    name: str | None
    color: str | None
    expression: str | None
    beat_id: str
    continues: int = 0
    # Emphasis (`*italic*`, `**bold**`): (start, end, flags) over `text`, which holds no markers (game.emphasis).
    styles: tuple[tuple[int, int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class StageChange:
    """The stage changes: a sprite enters, changes or leaves, the background or music changes, a sound or effect.

    For `show`: `who`, `expression`, `at` and `outfit` (None: the character's default clothes). For `hide`: `who`.
    For `background`, `music`, `sound` and `effect`: `asset` (for music, "none" stops it; a background may be a
    colour, "#rrggbb"). For `mode`: `asset` is "nvl" (a full page of text) or "adv" (the dialogue box). A `show`
    without `at` keeps the sprite where it stands (the centre when it enters). `transition` is the author's `with:`.
    """

    action: StageAction
    who: str | None = None
    expression: str | None = None
    at: SpritePlace | None = None
    asset: str | None = None
    beat_id: str = ""
    outfit: str | None = None
    transition: Transition | None = None


@dataclass(frozen=True, slots=True)
class ChoiceOption:
    """One entry of a menu as the player sees it.

    `number` is the on-screen number (from 1, locked choices counted); `index` is what to pass to
    `Playthrough.choose` (the choice's position in the scene's list).
    """

    number: int
    index: int
    text: str
    available: bool
    locked_reason: str | None


@dataclass(frozen=True, slots=True)
class Choices:
    """A menu: the playthrough waits for `choose(index)` with the index of an available option."""

    scene: str
    options: tuple[ChoiceOption, ...]


@dataclass(frozen=True, slots=True)
class Ended:
    """The story is over with this ending."""

    ending: str
    title: str


Event = SceneEntered | Line | StageChange | Choices | Ended
