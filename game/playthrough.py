"""Playing a story, pulled one event at a time (in the spirit of ink's `Continue()`).

A `Playthrough` walks the compiled steps of the current scene and hands out events (scene entered, lines, stage
changes, a menu, the ending); when a scene is done it fires the story machine's trigger to move on. Front ends call
`continue_()` while `can_continue`, show a menu with `current_choices`, and answer with `choose(index)`.

Everything that changes during play lives here as plain data, so `save()` is one call and `from_save()` resumes
exactly, setting the stage again first.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Mapping

from game.emphasis import shift
from game.events import ChoiceOption, Choices, Ended, Event, Line, SceneEntered, StageChange
from game.inline_text import VarietyCounter, render
from game.machine import (
    FALLBACK,
    FINISH,
    NEXT,
    CallError,
    PlayState,
    choice_is_available,
    choice_is_shown,
    choice_trigger,
    pop_return,
    push_call,
)
from game.model import Choice, Story
from game.program import (
    OP_ADD,
    OP_BRANCH,
    OP_EVAL,
    OP_EVENT,
    OP_GOTO,
    OP_JUMP,
    OP_SET,
    Extension,
    LineTemplate,
    apply_add,
    apply_eval,
    apply_set,
    emphasised,
)
from game.save import SaveError, read_save, write_save_data
from game.stage import Stage

QUIET_LIMIT = 10_000  # scenes entered in a row with no line shown and no menu: a loop nothing can leave


class PlaythroughError(ValueError):
    """A playthrough was started or driven wrongly (an unknown start scene, a bad given value, a bad choice)."""


class PlayStopped(PlaythroughError):
    """Play itself stopped on a mistake in the story: runaway `call` recursion, or a `return` with no call waiting
    (`no_caller`: what a game started inside a sub-scene meets at the sub-scene's end)."""

    def __init__(self, message: str, *, no_caller: bool = False) -> None:
        super().__init__(message)
        self.no_caller = no_caller


def stopped_message(error: PlaythroughError, start: str | None) -> str:
    """What the players' front ends (the terminal and the window) say when play stops mid-story, with the hint for
    a game started with `--start` inside a sub-scene."""
    hint = ""
    if start is not None and (not isinstance(error, PlayStopped) or error.no_caller):
        hint = f" (play began at '{start}', inside a sub-scene: start at a scene that calls it)"
    return f"play stopped: {error}{hint}"


class Playthrough:
    """One player's way through a story."""

    def __init__(
        self,
        story: Story,
        *,
        start: str | None = None,
        given: Mapping[str, object] | None = None,
        seed: int | None = None,
    ) -> None:
        """`seed` fixes what shuffled variety texts (`{~a|b}`) show; by default each playthrough draws its own."""
        scene = start or story.start
        if scene not in story.scenes:
            raise PlaythroughError(f"there is no scene '{scene}' to start at")
        self.story = story
        self._machine = story.machine
        self._programs = story.programs
        variables: dict[str, object] = dict(story.defaults())
        for name, value in (given or {}).items():
            variable = story.variables.get(name)
            if variable is None:
                raise PlaythroughError(f"'{name}' is not a variable of this story")
            if not variable.accepts(value):
                raise PlaythroughError(f"'{name}' must be {variable.describe()}, not {value!r}")
            variables[name] = value
        self._state = PlayState(scene, variables, {scene: 1})
        self._pos = 0
        self._pending: deque[Event] = deque()
        self._announce = True
        self._menu: Choices | None = None
        self._ended: Ended | None = None
        self._seen: set[str] = set()
        self._chapter: str | None = None
        self._stage = Stage()
        self._ended_in: str | None = None
        self._variety = VarietyCounter(random.randrange(2**31) if seed is None else seed)
        self._last_line: Line | None = None  # what an `extend` beat continues
        self._passed: list[str] = []  # scenes entered since `take_entered` was last asked (cards or not)
        self._quiet = 0  # scenes entered since a line was shown or a menu offered (`QUIET_LIMIT`)

    # -- reading the state ---------------------------------------------------------------------------------------

    @property
    def scene(self) -> str:
        """The current scene (after an ending, the scene that ended the story)."""
        return self._ended_in or self._state.state

    @property
    def variables(self) -> Mapping[str, object]:
        return dict(self._state.variables)

    @property
    def visits(self) -> Mapping[str, int]:
        return dict(self._state.visits)

    @property
    def seen(self) -> frozenset[str]:
        return frozenset(self._seen)

    @property
    def stage(self) -> Stage:
        return self._stage

    @property
    def ended(self) -> Ended | None:
        return self._ended

    @property
    def current_choices(self) -> Choices | None:
        return self._menu

    @property
    def can_continue(self) -> bool:
        return bool(self._pending) or (self._ended is None and self._menu is None)

    @property
    def restoring(self) -> bool:
        """True while the events that set a loaded save's stage again are still to be pulled."""
        return bool(self._pending)

    # -- playing -------------------------------------------------------------------------------------------------

    def continue_(self) -> Event:
        """The next event. Raises `PlaythroughError` when waiting on a choice or after the ending."""
        if self._pending:
            return self._emit(self._pending.popleft())
        if self._ended is not None:
            raise PlaythroughError("the story has ended")
        if self._menu is not None:
            raise PlaythroughError("the playthrough is waiting for a choice")
        state = self._state
        while True:
            if self._announce:
                self._announce = False
                if self.story.scenes[state.state].part_of is None:  # a choice's reply continues its scene
                    return self._emit(self._scene_entered())
            steps = self._programs[state.state].steps
            if self._pos < len(steps):
                step = steps[self._pos]
                self._pos += 1
                op = step[0]
                if op == OP_EVENT:
                    event = step[1]
                    if type(event) is LineTemplate:
                        event = self._render_line(event)
                    elif type(event) is Extension:
                        event = self._extend(event)
                    return self._emit(event)
                if op == OP_SET:
                    apply_set(state.variables, step[1])
                elif op == OP_ADD:
                    apply_add(state.variables, step[1])
                elif op == OP_BRANCH:
                    if not step[1](state.variables, state.visits):
                        self._pos = step[2]
                elif op == OP_JUMP:
                    self._pos = step[1]
                elif op == OP_GOTO:
                    self._fire(step[2])
                elif op == OP_EVAL:
                    apply_eval(state.variables, state.visits, step[1])
                continue
            scene = self.story.scenes[state.state]
            if scene.next is not None:
                if scene.returns_to is not None:
                    self._call_error(push_call, state, scene.returns_to)
                self._fire(NEXT)
                continue
            if scene.returns:
                self._call_error(pop_return, state)
                self._entered()
                continue
            if scene.ending is not None:
                self._ended_in = scene.id
                self._machine.fire(state, FINISH)
                ending = self.story.endings[scene.ending]
                self._ended = Ended(ending.id, ending.title)
                return self._ended
            menu = self._build_menu()
            if not any(option.available for option in menu.options) and any(c.fallback for c in scene.choices):
                self._fire(FALLBACK)
                continue
            self._menu = menu
            self._quiet = 0
            return menu

    def choose(self, index: int) -> None:
        """Take the available choice with this index (a `ChoiceOption.index`)."""
        menu = self._menu
        if menu is None:
            raise PlaythroughError("there is no menu to choose from")
        if not any(option.index == index and option.available for option in menu.options):
            raise PlaythroughError(f"choice {index} cannot be taken now")
        self._menu = None
        self._fire(choice_trigger(index))

    @staticmethod
    def _call_error(step, *args) -> None:
        try:
            step(*args)
        except CallError as error:
            raise PlayStopped(str(error), no_caller=step is pop_return) from None

    def _fire(self, trigger: str) -> None:
        if not self._machine.fire(self._state, trigger):
            raise PlaythroughError(f"the story machine refused '{trigger}' in scene '{self._state.state}'")
        self._entered()

    def _entered(self) -> None:
        """A scene was entered (by a trigger, or back after a call): play goes on from its first step. Play that
        goes round a loop with nothing to show or choose would go on for ever without a word: it stops."""
        self._pos = 0
        self._announce = True
        self._passed.append(self._state.state)
        if len(self._passed) > QUIET_LIMIT:  # nobody asks (`take_entered`): keep only the newest
            del self._passed[: len(self._passed) - QUIET_LIMIT]
        self._quiet += 1
        if self._quiet > QUIET_LIMIT:
            raise PlayStopped(
                f"the story goes round a loop with no line to show and no choice to make: {QUIET_LIMIT:,} scenes "
                f"entered in a row without either, the last '{self._state.state}'"
            )

    def take_entered(self) -> list[str]:
        """The scenes entered since the last call, in order, those that show no card included (a choice's reply,
        the lines after a call, a scene with no lines passed through on the way)."""
        passed, self._passed = self._passed, []
        return passed

    def _emit(self, event: Event) -> Event:
        if type(event) is Line:
            self._seen.add(event.beat_id)
            self._last_line = event
            self._quiet = 0
        self._stage.apply(event)
        return event

    def _render_line(self, template: LineTemplate) -> Line:
        line = template.line
        state = self._state
        text = render(template.parts, state.variables, state.visits, self._variety, line.beat_id)
        return emphasised(Line(line.kind, text, line.speaker, line.name, line.color, line.expression, line.beat_id))

    def _extend(self, extension: Extension) -> Line:
        own = extension.line
        if extension.parts is not None:
            state = self._state
            text = render(extension.parts, state.variables, state.visits, self._variety, own.beat_id)
            own = emphasised(Line(own.kind, text, own.speaker, own.name, own.color, own.expression, own.beat_id))
        before = self._last_line
        if before is None:  # nothing shown before it (a save from before extend beats): the extension alone
            return own
        return Line(
            before.kind,
            before.text + own.text,
            before.speaker,
            before.name,
            before.color,
            None,
            own.beat_id,
            continues=len(before.text),
            styles=before.styles + shift(own.styles, len(before.text)),
        )

    def _choice_text(self, choice: Choice, available: bool) -> tuple[str, str | None]:
        """A menu entry's text and locked reason, rendered (each counts its variety places when shown)."""
        state = self._state
        text = choice.text or ""
        if choice.text_inline is not None:
            text = render(choice.text_inline.parts, state.variables, state.visits, self._variety, choice.id)
        if available:
            return text, None
        locked = choice.locked
        if choice.locked_inline is not None:
            owner = choice.id + ":locked"
            locked = render(choice.locked_inline.parts, state.variables, state.visits, self._variety, owner)
        return text, locked

    def _scene_entered(self) -> SceneEntered:
        scene = self.story.scenes[self._state.state]
        # "": a scene in no chapter; and a sub-scene (a call waiting) plays within its caller's chapter, wherever it
        # is written: no chapter card in the middle of the caller's scene
        new_chapter = scene.chapter != self._chapter and scene.chapter != "" and not self._state.stack
        if not self._state.stack:
            self._chapter = scene.chapter
        return SceneEntered(
            scene.id,
            scene.title,
            scene.chapter if not self._state.stack else self._chapter or scene.chapter,
            scene.background,
            scene.music,
            new_chapter,
            scene.transition,
        )

    def _build_menu(self) -> Choices:
        state = self._state
        options = []
        number = 0
        for choice in self.story.scenes[state.state].choices:
            if not choice_is_shown(choice, state):
                continue
            number += 1
            available = choice_is_available(choice, state)
            text, locked = self._choice_text(choice, available)
            options.append(ChoiceOption(number, choice.index, text, available, locked))
        return Choices(state.state, tuple(options))

    # -- saving --------------------------------------------------------------------------------------------------

    def save(self) -> dict:
        """Everything needed to resume, as plain JSON-able data."""
        scene = self.story.scenes[self.scene]
        return write_save_data(
            story=self.story,
            scene=scene,
            position=self._pos,
            announce=self._announce,
            beat=self._last_beat_before(self._pos),
            state=self._state,
            seen=self._seen,
            stage=self._stage,
            chapter=self._chapter,
            ended=self._ended.ending if self._ended else None,
            waiting_menu=self._menu is not None,
            variety=self._variety,
            last_line=None
            if self._last_line is None
            else (self._last_line.kind, self._last_line.speaker, self._last_line.text, self._last_line.styles),
        )

    def _last_beat_before(self, position: int) -> str | None:
        steps = self._programs[self.scene].steps
        for index in range(min(position, len(steps)) - 1, -1, -1):
            if steps[index][0] == OP_EVENT:
                return steps[index][2]
        return None

    @classmethod
    def from_save(cls, story: Story, data: object) -> Playthrough:
        """Resume a saved playthrough; raises `SaveError` for a damaged save or one the story cannot resume."""
        saved = read_save(story, data)
        playthrough = cls(story, start=saved.scene)
        playthrough._state = PlayState(saved.scene, saved.variables, saved.visits, saved.once, saved.stack)
        playthrough._seen = set(saved.seen)
        if saved.variety is not None:
            playthrough._variety = saved.variety
        if saved.last_line is not None:
            kind, speaker, text, styles = saved.last_line
            character = story.characters.get(speaker) if speaker else None
            name, color = (character.name, character.color) if character else (None, None)
            playthrough._last_line = Line(
                kind,  # type: ignore[arg-type]
                text,
                speaker,
                name,
                color,
                None,
                "",
                styles=styles,
            )
        playthrough._chapter = saved.chapter
        program = story.programs[saved.scene]
        position = saved.position
        if position > len(program.steps) or playthrough._last_beat_before(position) != saved.beat:
            # The scene was edited since the save: find the last beat shown, or start the scene again.
            found = program.beat_positions.get(saved.beat) if saved.beat else None
            position = found + 1 if found is not None else 0
            saved.announce = found is None
        playthrough._pos = position
        playthrough._announce = saved.announce
        if saved.ended is not None and saved.ended in story.endings:
            ending = story.endings[saved.ended]
            playthrough._ended = Ended(ending.id, ending.title)
            playthrough._ended_in = saved.scene
        if saved.waiting_menu and not playthrough._announce and playthrough._ended is None:
            if story.scenes[saved.scene].exit_kind != "choices" or position < len(program.steps):
                raise SaveError("damaged", "the save is damaged: it waits at a menu where the scene has none")
            playthrough._menu = playthrough._build_menu()
        playthrough._stage = saved.stage
        if saved.stage.background or saved.stage.music or saved.stage.sprites or saved.stage.mode != "adv":
            playthrough._pending.extend(_stage_events(story, saved.scene, saved.stage))
        return playthrough


def _stage_events(story: Story, scene_id: str, stage: Stage) -> list[Event]:
    """The events that set a saved stage again: the scene (with the background and music it had), then sprites."""
    scene = story.scenes[scene_id]
    events: list[Event] = [
        SceneEntered(scene.id, scene.title, scene.chapter, stage.background, stage.music or "none", False)
    ]
    events += [
        StageChange("show", who, expression, place, outfit=stage.outfits.get(who))
        for who, (expression, place) in stage.sprites.items()
    ]
    if stage.mode != "adv":
        events.append(StageChange("mode", asset=stage.mode))
    return events


__all__ = ["Playthrough", "PlaythroughError", "SaveError"]
