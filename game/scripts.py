"""Playthrough files: scripted walks through a story that check what happens on the way.

Authors keep them beside the story (`story/playthroughs/*.yaml`) as branch tests. This module reads them (with the
same positioned problems as the story loader) and runs them through a real `Playthrough`, so a script passes
exactly when a player making those choices would see those things.

Between two `choose` steps, the checks (`expect_scene`, `expect_line`, `expect`, `expect_choices`) look at the
stretch of play that leads to the next menu or ending: the playthrough runs on until it waits, then they are
checked. `expect_scene` holds if that scene was entered in the stretch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from game.events import ChoiceOption, Choices, Event, Line, SceneEntered
from game.expressions import CompiledExpr, ExpressionError, compile_expression
from game.model import Location, Story
from game.playthrough import Playthrough, PlaythroughError
from game.problems import Problem, StoryError, display_path
from game.sources import DISK, Sources
from game.yaml_fields import FieldReader, type_name
from game.yaml_source import Pos, YMap

STEP_KINDS = ("choose", "expect_scene", "expect_line", "expect", "expect_choices")
SCRIPT_KEYS = ("name", "start", "given", "steps", "end")
MAX_EVENTS_PER_STRETCH = 100_000


@dataclass(frozen=True)
class ScriptStep:
    kind: str
    value: object  # str or int for choose; str for expect_scene/expect_line; list[str] for expect_choices
    where: Location
    condition: CompiledExpr | None = None

    def describe(self) -> str:
        value = self.condition.source if self.condition else self.value
        return f"{self.kind}: {value!r}" if not isinstance(value, str) else f'{self.kind}: "{value}"'


@dataclass(frozen=True)
class Script:
    name: str
    file: str
    start: str | None
    given: dict[str, object]
    steps: tuple[ScriptStep, ...]
    end: str | None
    where: Location


@dataclass
class Failure:
    step: ScriptStep | None  # None when the failure is about the end
    expected: str
    happened: str
    last_lines: list[str]

    def report(self, script: Script) -> str:
        where = str(self.step.where) if self.step else str(script.where)
        head = f"{where}: playthrough '{script.name}' failed"
        if self.step:
            head += f" at step {self.step.describe()}"
        lines = [head, f"    expected: {self.expected}", f"    happened: {self.happened}"]
        if self.last_lines:
            lines.append("    last lines shown:")
            lines += [f"      {line}" for line in self.last_lines]
        return "\n".join(lines)


@dataclass
class ScriptResult:
    script: Script
    failure: Failure | None
    ended: str | None
    choices_taken: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.failure is None


SHOWN_ENDINGS = 8
NO_SCENE = "no scene has this id"  # the hint for an unknown scene with no close match, as the loader gives it

# -- reading -----------------------------------------------------------------------------------------------------


def load_playthrough_file(path: Path, story: Story) -> Script:
    """Read and check one playthrough file against a story; raise `StoryError` with every problem."""
    problems: list[Problem] = []
    script = _read_script(path, story, problems)
    if problems or script is None:
        raise StoryError(problems or [Problem(str(path), 1, 1, "the playthrough file is empty")])
    return script


def check_playthrough_files(
    story: Story, paths: list[Path] | None = None, sources: Sources = DISK
) -> tuple[list[Script], list[Problem]]:
    """Read every playthrough file of a story (or the given ones) through `sources` (the disk, or a language
    server's view with the editor's unsaved text); return the good scripts and all problems."""
    scripts: list[Script] = []
    problems: list[Problem] = []
    for path in paths if paths is not None else story.playthrough_files:
        script = _read_script(Path(path), story, problems, sources)
        if script is not None:
            scripts.append(script)
    return scripts, problems


def _read_script(path: Path, story: Story, problems: list[Problem], sources: Sources = DISK) -> Script | None:
    display = display_path(path, story.story_dir.parent)
    before = len(problems)  # a file with any problem, its text's included, is reported and never run
    source = sources.read(path, display)
    problems.extend(source.problems)
    if source.value is None:
        if not source.problems:
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    "the playthrough file is empty",
                    "write name, steps and (optionally) start, given and end",
                )
            )
        return None
    reader = FieldReader(display, problems)
    spec = reader.mapping(source.value, Pos(1, 1), "a playthrough file", "{name: ..., steps: [...]}")
    if spec is None:
        return None
    reader.known_keys(spec, SCRIPT_KEYS, "a playthrough file")
    name = reader.text(spec, "name", "a playthrough file", required=True)
    start = None
    if "start" in spec:
        start = reader.reference(spec["start"], spec.where("start"), "scene", story.scenes, NO_SCENE)
    end = None
    if "end" in spec:
        end = reader.reference(spec["end"], spec.where("end"), "ending", story.endings, _endings_hint(story))
    given = _given(reader, spec, story)
    steps: list[ScriptStep] = []
    if "steps" not in spec:
        reader.error(spec.pos, "a playthrough file needs 'steps'", "add 'steps:' with a list of steps")
    else:
        items = reader.sequence(spec["steps"], spec.where("steps"), "'steps'", '[{choose: "..."}]')
        for item, pos in zip(items or [], items.item_pos if items else []):
            step = _step(reader, item, pos, story)
            if step is not None:
                steps.append(step)
    problems[before:] = sorted(problems[before:], key=lambda problem: (problem.line, problem.column))  # in line order
    if len(problems) > before or not isinstance(name, str):
        return None
    return Script(name, display, start, given, tuple(steps), end, Location(display, 1, 1))


def _endings_hint(story: Story) -> str:
    """The hint for an unknown ending with no close match: the endings the story has (the first few of many)."""
    if not story.endings:
        return "the story has no endings"
    endings = list(story.endings)
    more = f" and {len(endings) - SHOWN_ENDINGS:,} more" if len(endings) > SHOWN_ENDINGS else ""
    return f"the story's endings are {', '.join(endings[:SHOWN_ENDINGS])}{more}"


def _given(reader: FieldReader, spec: YMap, story: Story) -> dict[str, object]:
    given: dict[str, object] = {}
    if "given" not in spec:
        return given
    table = reader.mapping(spec["given"], spec.where("given"), "'given'", "{grades: 1}")
    if table is None:
        return given
    for name, value in table.items():
        variable_id = reader.reference(
            name, table.key_pos[name], "variable", story.variables, "the story declares no variable of this name"
        )
        if variable_id is None:
            continue
        variable = story.variables[variable_id]
        if not variable.accepts(value):
            reader.error(
                table.where(name),
                f"'{name}' must be {variable.describe()}, but it is given {value!r}",
                "change the value",
            )
            continue
        given[variable_id] = value
    return given


def _step(reader: FieldReader, item: object, pos: Pos, story: Story) -> ScriptStep | None:
    step = reader.mapping(item, pos, "a step", '{choose: "..."}')
    if step is None:
        return None
    if len(step) != 1:
        reader.error(step.pos, f"a step has one key, but this one has {len(step)}", "put each step in its own '- '")
        return None
    ((kind, value),) = step.items()
    where = step.where(kind)
    loc = Location(reader.display, where.line, where.column)
    if kind not in STEP_KINDS:
        reader.known_keys(step, STEP_KINDS, "a step")
        return None
    if kind == "choose":
        if (
            isinstance(value, bool)
            or not isinstance(value, (str, int))
            or value == ""
            or (isinstance(value, int) and value < 1)
        ):
            reader.error(
                where,
                "'choose' takes part of a choice's text, or its number from 1",
                'write for example choose: "Promise Mum" or choose: 2',
            )
            return None
        return ScriptStep(kind, value, loc)
    if kind == "expect_scene":
        scene = reader.reference(value, where, "scene", story.scenes, NO_SCENE)
        return None if scene is None else ScriptStep(kind, scene, loc)
    if kind == "expect_line":
        if not isinstance(value, str) or not value:
            reader.error(where, f"'expect_line' takes text, but it is {type_name(value)}", "put it in quotes")
            return None
        return ScriptStep(kind, value, loc)
    if kind == "expect":
        if not isinstance(value, str):
            reader.error(where, "'expect' takes a condition in quotes", 'for example expect: "grades >= 2"')
            return None
        try:
            condition = compile_expression(
                value, {k: v.type for k, v in story.variables.items()}, story.scenes, "bool", story.constants
            )
        except ExpressionError as error:
            column = where.column + error.offset + (1 if where.quoted else 0)
            reader.error(Pos(where.line, column), f"in 'expect': {error.message}", error.hint)
            return None
        return ScriptStep(kind, value, loc, condition)
    items = reader.sequence(value, where, "'expect_choices'", '["Promise Mum", "Argue"]')
    if items is None:
        return None
    if not all(isinstance(text, str) and text for text in items):
        reader.error(where, "'expect_choices' lists parts of choice texts, in quotes", 'e.g. ["Promise", "Argue"]')
        return None
    return ScriptStep(kind, list(items), loc)


# -- running -----------------------------------------------------------------------------------------------------


def resolve_choice(wanted: str | int, options: tuple[ChoiceOption, ...]) -> tuple[ChoiceOption | None, str]:
    """The option a `choose` value names: its on-screen number, or a substring of exactly one available text."""
    available = [option for option in options if option.available]
    if isinstance(wanted, int):
        for option in options:
            if option.number == wanted:
                if option.available:
                    return option, ""
                return None, f"choice {wanted} is locked ({option.locked_reason or 'no reason given'})"
        return None, f"there is no choice {wanted} (the menu has {len(options)})"
    matches = [option for option in available if wanted in option.text]
    if not matches:
        folded = wanted.casefold()
        matches = [option for option in available if folded in option.text.casefold()]
    if len(matches) == 1:
        return matches[0], ""
    if not matches:
        locked = [option for option in options if not option.available and wanted in option.text]
        if locked:
            return None, f'"{locked[0].text}" is locked ({locked[0].locked_reason or "no reason given"})'
        return None, "no choice that can be taken contains that text"
    return None, "several choices contain that text: " + "; ".join(f'"{o.text}"' for o in matches)


def _menu_text(menu: Choices) -> str:
    shown = [f'{o.number}. "{o.text}"' + ("" if o.available else " (locked)") for o in menu.options]
    return "the menu offers " + ", ".join(shown) if shown else "the menu is empty"


class _Runner:
    def __init__(self, script: Script, story: Story, on_event: Callable[[Event], None] | None, roundtrip: bool) -> None:
        self.script = script
        self.story = story
        self.on_event = on_event
        self.roundtrip = roundtrip
        self.playthrough = Playthrough(story, start=script.start, given=script.given, seed=0)
        self.lines: list[str] = []  # every line shown, for failure reports
        self.stretch_lines: list[str] = []
        self.stretch_scenes: set[str] = {self.playthrough.scene}
        self.choices_taken: list[str] = []

    def advance(self) -> str:
        """Play on until the playthrough waits; return '' or a description of what went wrong."""
        count = 0
        while self.playthrough.can_continue:
            count += 1
            if count > MAX_EVENTS_PER_STRETCH:
                return f"the story went on for {MAX_EVENTS_PER_STRETCH} events without a menu or an ending"
            event = self.playthrough.continue_()
            if self.on_event is not None:
                self.on_event(event)
            if isinstance(event, Line):
                shown = f"{event.name}: {event.text}" if event.name else event.text
                self.lines.append(shown)
                self.stretch_lines.append(event.text)
            elif isinstance(event, SceneEntered):
                self.stretch_scenes.add(event.scene)
            # The parts of a scene that show no card (a choice's reply, the lines after a call) count as entered too.
            self.stretch_scenes.update(self.playthrough.take_entered())
            if self.roundtrip:
                self.playthrough = Playthrough.from_save(self.story, self.playthrough.save())
                while self.playthrough.restoring:  # the events that set the stage again, not new play
                    self.playthrough.continue_()
        return ""

    def where_now(self) -> str:
        ended = self.playthrough.ended
        if ended is not None:
            return f"the story ended with '{ended.ending}'"
        menu = self.playthrough.current_choices
        return (
            f"in scene '{self.playthrough.scene}', {_menu_text(menu)}"
            if menu
            else f"in scene '{self.playthrough.scene}'"
        )

    def fail(self, step: ScriptStep | None, expected: str, happened: str) -> ScriptResult:
        return ScriptResult(
            self.script,
            Failure(step, expected, happened, self.lines[-5:]),
            self.playthrough.ended.ending if self.playthrough.ended else None,
            self.choices_taken,
        )

    def run(self) -> ScriptResult:
        for step in self.script.steps:
            problem = self.advance()
            if problem:
                return self.fail(step, "the story to stop at a menu or an ending", problem)
            result = self.check(step)
            if result is not None:
                return result
        if self.script.end is not None:
            problem = self.advance()
            if problem:
                return self.fail(None, f"the ending '{self.script.end}'", problem)
            ended = self.playthrough.ended
            if ended is None:
                return self.fail(
                    None,
                    f"the ending '{self.script.end}'",
                    f"the story stopped at a menu with no steps left: {self.where_now()}",
                )
            if ended.ending != self.script.end:
                return self.fail(None, f"the ending '{self.script.end}'", f"it ended with '{ended.ending}'")
        ended = self.playthrough.ended
        return ScriptResult(self.script, None, ended.ending if ended else None, self.choices_taken)

    def check(self, step: ScriptStep) -> ScriptResult | None:
        playthrough = self.playthrough
        if step.kind == "choose":
            menu = playthrough.current_choices
            if menu is None:
                return self.fail(step, "a menu to choose from", self.where_now())
            option, why = resolve_choice(step.value, menu.options)  # type: ignore[arg-type]
            if option is None:
                return self.fail(step, f"a choice matching {step.value!r}", f"{why}; {_menu_text(menu)}")
            playthrough.choose(option.index)
            self.choices_taken.append(option.text)
            self.stretch_lines = []
            self.stretch_scenes = {playthrough.scene}
            return None
        if step.kind == "expect_scene":
            if step.value not in self.stretch_scenes:
                entered = ", ".join(sorted(self.stretch_scenes))
                return self.fail(step, f"to enter scene '{step.value}'", f"the scenes entered were: {entered}")
            return None
        if step.kind == "expect_line":
            if not any(step.value in text for text in self.stretch_lines):  # type: ignore[operator]
                return self.fail(
                    step,
                    f'a line containing "{step.value}"',
                    f"no line since the last choice contains it ({len(self.stretch_lines)} shown)",
                )
            return None
        if step.kind == "expect":
            assert step.condition is not None
            state = playthrough.variables
            if not step.condition.fn(state, playthrough.visits):
                values = ", ".join(f"{name}={state[name]!r}" for name in sorted(step.condition.reads))
                return self.fail(step, f"{step.condition.source} to hold", f"it does not ({values})")
            return None
        menu = playthrough.current_choices
        if menu is None:
            return self.fail(step, "a menu", self.where_now())
        available = [option.text for option in menu.options if option.available]
        wanted: list[str] = step.value  # type: ignore[assignment]
        if len(available) != len(wanted) or not all(w in text for w, text in zip(wanted, available)):
            return self.fail(
                step,
                "the choices " + ", ".join(f'"{w}"' for w in wanted),
                "the choices that can be taken are " + ", ".join(f'"{t}"' for t in available),
            )
        return None


def run_script(
    script: Script, story: Story, on_event: Callable[[Event], None] | None = None, *, roundtrip: bool = False
) -> ScriptResult:
    """Run a playthrough script; `roundtrip` saves and reloads after every event (to test saving)."""
    try:
        return _Runner(script, story, on_event, roundtrip).run()
    except PlaythroughError as error:
        return ScriptResult(script, Failure(None, "the playthrough to run", str(error), []), None)
