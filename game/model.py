"""The story as the engine understands it, after loading and checking.

The loader turns YAML into these immutable objects; everything downstream (the playthrough, the branch tester, the
linter, the story map, the statistics) reads them and never the YAML. Every object keeps the `Location` it came
from, so any tool can point an author at the exact line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable

from game.expressions import CompiledExpr, VarType
from game.problems import shown_path

if TYPE_CHECKING:
    from game.branding import Branding
    from game.inline_text import InlineText
    from game.machine import StoryMachine
    from game.program import SceneProgram
    from game.staging import Transition


class Location(NamedTuple):
    """Where something was written: a file as authors see it, 1-based line and column."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        """As messages show it: the file relative to the working directory (`game.problems.shown_path`)."""
        return f"{shown_path(self.file)}:{self.line}:{self.column}"

    def record(self) -> str:
        """As reports for programs keep it (JSON): the file relative to the folder above the story, the same
        wherever the program runs."""
        return f"{self.file}:{self.line}:{self.column}"


Value = int | bool | str


@dataclass(frozen=True, slots=True)
class Character:
    id: str
    name: str
    color: str
    where: Location


@dataclass(frozen=True, slots=True)
class Variable:
    id: str
    type: VarType
    default: Value
    about: str
    where: Location
    labels: tuple[tuple[str, str], ...] = ()  # an enum's value -> how `{variable}` shows it in text

    def accepts(self, value: object) -> bool:
        """Whether a value fits this variable's type, range or enum."""
        kind = self.type.kind
        if kind == "bool":
            return isinstance(value, bool)
        if kind == "enum":
            return isinstance(value, str) and value in self.type.values
        if isinstance(value, bool) or not isinstance(value, int):
            return False
        low, high = self.type.minimum, self.type.maximum
        return (low is None or value >= low) and (high is None or value <= high)

    def describe(self) -> str:
        """The type as authors wrote it, for messages: 'an int from 0 to 5', 'one of tao, isaac'."""
        kind = self.type.kind
        if kind == "bool":
            return "true or false"
        if kind == "enum":
            return "one of " + ", ".join(f"'{v}'" for v in self.type.values)
        low, high = self.type.minimum, self.type.maximum
        if low is not None and high is not None:
            return f"a whole number from {low} to {high}"
        if low is not None:
            return f"a whole number of at least {low}"
        if high is not None:
            return f"a whole number of at most {high}"
        return "a whole number"


@dataclass(frozen=True, slots=True)
class Ending:
    id: str
    title: str
    where: Location
    hint: str = ""  # shown in the endings gallery while the ending is still locked


@dataclass(frozen=True, slots=True)
class Invariant:
    condition: CompiledExpr
    where: Location


# Beats ----------------------------------------------------------------------------------------------------------

TextKind = Literal["speech", "narration", "thought", "message"]


@dataclass(frozen=True, slots=True)
class TextBeat:
    """Something the player reads: speech, narration, a thought or a phone message."""

    id: str
    kind: TextKind
    speaker: str | None
    text: str
    expression: str | None
    where: Location
    inline: InlineText | None = None  # the text's braces, read (None: plain text, shown as written)
    extends: bool = False  # an `extend` beat: more of the line shown before it (kind and speaker: that line's)


@dataclass(frozen=True, slots=True)
class StageBeat:
    """A change of stage: show, hide, background, music, sound or effect."""

    id: str
    action: Literal["show", "hide", "background", "music", "sound", "effect", "mode"]
    who: str | None
    expression: str | None
    at: str | None  # for `show`: a place (game.staging); None keeps the sprite where it stands (the centre if new)
    asset: str | None  # for `mode`: "nvl" or "adv"
    where: Location
    outfit: str | None = None  # for `show`: the outfit it resolved to (None: the default clothes)
    transition: Transition | None = None  # `with:` and `duration:` (game.staging)


@dataclass(frozen=True, slots=True)
class Assignment:
    """One `set` (value) or `add` (amount) of one variable.

    `value` is the literal written; when an expression was written instead (`trust: "trust + 1"`), `expression`
    holds it and `value` is None.
    """

    variable: str
    value: Value | None
    where: Location
    expression: CompiledExpr | None = None


@dataclass(frozen=True, slots=True)
class EffectBeat:
    op: Literal["set", "add"]
    changes: tuple[Assignment, ...]
    where: Location


@dataclass(frozen=True, slots=True)
class IfBeat:
    condition: CompiledExpr
    then: tuple[Beat, ...]
    otherwise: tuple[Beat, ...]
    where: Location


@dataclass(frozen=True, slots=True)
class GotoBeat:
    target: str
    where: Location


Beat = TextBeat | StageBeat | EffectBeat | IfBeat | GotoBeat


# Scenes and choices ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Choice:
    """One entry of a scene's menu. `index` is its place in the scene's list of choices."""

    id: str
    index: int
    text: str | None  # None for a fallback
    goto: str
    sets: tuple[Assignment, ...]
    adds: tuple[Assignment, ...]
    condition: CompiledExpr | None
    locked: str | None
    once: bool
    fallback: bool
    where: Location
    flavor: bool = False  # marked deliberately cosmetic: the branch tester does not report it
    text_inline: InlineText | None = None  # the braces of `text`, read (None: plain text)
    locked_inline: InlineText | None = None  # the braces of `locked`, read


@dataclass(frozen=True, slots=True)
class Scene:
    id: str
    title: str
    chapter: str
    background: str | None
    music: str | None
    beats: tuple[Beat, ...]
    choices: tuple[Choice, ...]
    next: str | None
    ending: str | None
    where: Location
    order: int  # position in story order (files in glob order, scenes in file order)
    part_of: str | None = None  # for a choice's own `lines`: the menu's scene (the reply has no card or title)
    # `call: X`: this scene's `next` is X, played as a sub-scene; its `return` comes back to `returns_to`, the
    # scene's lines after the call (a scene of its own, `part_of` this one), pushed on the play state's stack.
    returns_to: str | None = None
    returns: bool = False  # the scene ends with `return`: play goes back to the scene on top of the stack
    transition: Transition | None = None  # how the scene's stage comes in (`with:`, game.staging)

    @property
    def exit_kind(self) -> Literal["choices", "next", "ending", "return"]:
        if self.ending is not None:
            return "ending"
        if self.next is not None:
            return "next"
        if self.returns:
            return "return"
        return "choices"


@dataclass(frozen=True, slots=True)
class Chapter:
    name: str
    first_scene: str


@dataclass(eq=False)
class Story:
    """A loaded, checked story. Compiled forms (scene programs, the state machine) are built on first use."""

    title: str
    version: int | str
    start: str
    scenes: dict[str, Scene]
    characters: dict[str, Character]
    variables: dict[str, Variable]
    invariants: tuple[Invariant, ...]
    endings: dict[str, Ending]
    chapters: list[Chapter]
    content_note: str | None
    closing_note: str | None
    story_dir: Path
    assets_dir: Path
    manifest_file: str
    source_files: tuple[str, ...] = ()
    playthrough_files: tuple[Path, ...] = field(default_factory=tuple)
    constants: dict[str, int | bool] = field(default_factory=dict)  # the manifest's named values
    icon: str | None = None  # an id in the assets' icons/ folder; standalone builds take it (tools/build_standalone.py)
    id: str = ""  # the stable name saves are kept under (game.story_id): the manifest's `id`, else the title's slug
    branding: Branding | None = None  # the title screen and window (game.branding.branding_of); None: the defaults

    def chapter_start(self, chapter: str) -> str | None:
        for item in self.chapters:
            if item.name == chapter:
                return item.first_scene
        return None

    def defaults(self) -> dict[str, Value]:
        return {name: var.default for name, var in self.variables.items()}

    # How the compiled forms are built, given by whoever makes the story (the loader passes `game.program` and
    # `game.machine`), so this module needs neither: the model sits below the program and the machine that run it.
    compile_programs: Callable[[Story], dict[str, SceneProgram]] | None = field(default=None, repr=False)
    build_machine: Callable[[Story], StoryMachine] | None = field(default=None, repr=False)

    @cached_property
    def programs(self) -> dict[str, SceneProgram]:
        if self.compile_programs is None:
            raise RuntimeError("this story was made without a compiler for its scenes (see game.loader)")
        return self.compile_programs(self)

    @cached_property
    def machine(self) -> StoryMachine:
        if self.build_machine is None:
            raise RuntimeError("this story was made without a builder for its machine (see game.loader)")
        return self.build_machine(self)
