"""A scene's beats compiled to a flat list of steps.

Beats are a tree (an `if` holds beats of its own); playing, saving and exploring all want a single number for
"where we are in this scene". So each scene is compiled once into steps with jumps, its presentable beats turned
into ready-made immutable events. A playthrough's position in a scene is just a step index, and the branch tester
can run a scene's effects without presenting anything (`run_silently`), through the very same steps.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, replace

from game.emphasis import has_markers, read_emphasis
from game.events import Line, StageChange
from game.expressions import clamp
from game.inline_text import Parts
from game.model import Assignment, Beat, EffectBeat, GotoBeat, IfBeat, Scene, StageBeat, Story, TextBeat

OP_EVENT = 0  # (OP_EVENT, event, beat_id)
OP_SET = 1  # (OP_SET, ((variable, value), ...))
OP_ADD = 2  # (OP_ADD, ((variable, amount, minimum, maximum), ...))
OP_BRANCH = 3  # (OP_BRANCH, condition_fn, index_when_false)
OP_JUMP = 4  # (OP_JUMP, index)
OP_GOTO = 5  # (OP_GOTO, target_scene, trigger_name)
OP_EVAL = 6  # (OP_EVAL, ((variable, fn, adds, minimum, maximum), ...)): a set/add with expressions, in written order

Step = tuple
Condition = Callable[[Mapping[str, object], Mapping[str, int]], object]


def goto_trigger(slot: int) -> str:
    """The machine trigger for a scene's n-th distinct `goto` target."""
    return f"goto_{slot}"


@dataclass(frozen=True, slots=True)
class SceneProgram:
    """The compiled steps of one scene, and where each beat id landed."""

    scene: Scene
    steps: tuple[Step, ...]
    beat_positions: dict[str, int]
    goto_targets: tuple[str, ...]  # slot -> target scene
    has_effects: bool  # any set/add/if/goto: the tester must run the steps; otherwise it can skip them


def compile_story(story: Story) -> dict[str, SceneProgram]:
    """Every scene's program, by scene id (what `Story.programs` holds)."""
    return {scene_id: compile_scene(story, scene) for scene_id, scene in story.scenes.items()}


def compile_scene(story: Story, scene: Scene) -> SceneProgram:
    steps: list[Step] = []
    positions: dict[str, int] = {}
    slots: dict[str, int] = {}

    def emit(beats: tuple[Beat, ...]) -> None:
        for beat in beats:
            if isinstance(beat, TextBeat):
                positions[beat.id] = len(steps)
                steps.append((OP_EVENT, _line_event(story, beat), beat.id))
            elif isinstance(beat, StageBeat):
                positions[beat.id] = len(steps)
                event = StageChange(
                    beat.action,
                    beat.who,
                    beat.expression,
                    beat.at,
                    beat.asset,
                    beat.id,
                    outfit=beat.outfit,
                    transition=beat.transition,
                )
                steps.append((OP_EVENT, event, beat.id))
            elif isinstance(beat, EffectBeat):
                if any(change.expression is not None for change in beat.changes):
                    steps.append((OP_EVAL, evaluated_changes(story, beat.op, beat.changes)))
                elif beat.op == "set":
                    steps.append((OP_SET, tuple((c.variable, c.value) for c in beat.changes)))
                else:
                    changes = []
                    for change in beat.changes:
                        var_type = story.variables[change.variable].type
                        changes.append((change.variable, change.value, var_type.minimum, var_type.maximum))
                    steps.append((OP_ADD, tuple(changes)))
            elif isinstance(beat, IfBeat):
                branch_at = len(steps)
                steps.append((OP_BRANCH, beat.condition.fn, -1))
                emit(beat.then)
                if beat.otherwise:
                    jump_at = len(steps)
                    steps.append((OP_JUMP, -1))
                    steps[branch_at] = (OP_BRANCH, beat.condition.fn, len(steps))
                    emit(beat.otherwise)
                    steps[jump_at] = (OP_JUMP, len(steps))
                else:
                    steps[branch_at] = (OP_BRANCH, beat.condition.fn, len(steps))
            elif isinstance(beat, GotoBeat):
                slot = slots.setdefault(beat.target, len(slots))
                steps.append((OP_GOTO, beat.target, goto_trigger(slot)))

    emit(scene.beats)
    has_effects = any(step[0] != OP_EVENT for step in steps)
    return SceneProgram(scene, tuple(steps), positions, tuple(slots), has_effects)


@dataclass(frozen=True, slots=True)
class LineTemplate:
    """A line whose text changes with play (`{...}` in it): the playthrough renders `parts` into `line`'s text.

    It stands where a `Line` event stands in a program's `OP_EVENT` step, so anything that skips events (the
    branch tester's silent runs) skips it alike: text never changes what happens.
    """

    line: Line
    parts: Parts


@dataclass(frozen=True, slots=True)
class Extension:
    """An `extend` beat, in an `OP_EVENT` step: the playthrough shows the line before it again, `line.text` (or
    `parts`, rendered) added, with `Line.continues` saying how much was shown already."""

    line: Line  # the extension alone, in the voice the beat was written under (shown so if no line came before)
    parts: Parts | None


def _line_event(story: Story, beat: TextBeat) -> Line | LineTemplate | Extension:
    character = story.characters.get(beat.speaker) if beat.speaker else None
    inline = beat.inline
    line = Line(
        kind=beat.kind,
        text=beat.text if inline is None else inline.plain,
        speaker=beat.speaker,
        name=character.name if character else None,
        color=character.color if character else None,
        expression=beat.expression,
        beat_id=beat.id,
    )
    dynamic = inline is not None and inline.dynamic
    if not dynamic:  # read once here; a line that changes with play is read when it is rendered
        line = emphasised(line)
    if beat.extends:
        return Extension(line, inline.parts if dynamic else None)  # type: ignore[union-attr]
    return LineTemplate(line, inline.parts) if dynamic else line  # type: ignore[union-attr]


def emphasised(line: Line) -> Line:
    """The line with its emphasis markers read into `styles` (the text without them)."""
    if not has_markers(line.text):
        return line
    read = read_emphasis(line.text)
    return replace(line, text=read.text, styles=read.spans)


def evaluated_changes(story: Story, op: str, changes: tuple[Assignment, ...]) -> tuple:
    """`set`/`add` changes as `OP_EVAL` runs them: (variable, fn(variables, visits), adds, minimum, maximum)."""
    compiled = []
    for change in changes:
        var_type = story.variables[change.variable].type
        fn = change.expression.fn if change.expression is not None else Constant(change.value)
        compiled.append((change.variable, fn, op == "add", var_type.minimum, var_type.maximum))
    return tuple(compiled)


class Constant:
    """A literal value in an `OP_EVAL` step, called like an expression's function (the tester knows it reads
    nothing)."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __call__(self, variables: Mapping[str, object], visits: Mapping[str, int]) -> object:
        return self.value


def apply_eval(variables: MutableMapping[str, object], visits: Mapping[str, int], changes: tuple) -> None:
    """Work out and apply changes one after another (each sees the ones before), ints clamped to their range."""
    for name, fn, adds, minimum, maximum in changes:
        value = fn(variables, visits)
        if adds:
            value = variables[name] + value
        variables[name] = clamp(value, minimum, maximum)


def apply_set(variables: MutableMapping[str, object], changes: tuple) -> None:
    for name, value in changes:
        variables[name] = value


def apply_add(variables: MutableMapping[str, object], changes: tuple) -> None:
    """Add to int variables, clamped to their declared range."""
    for name, amount, minimum, maximum in changes:
        variables[name] = clamp(variables[name] + amount, minimum, maximum)


def run_silently(
    program: SceneProgram,
    variables: MutableMapping[str, object],
    visits: Mapping[str, int],
    on_event: Callable[[object], None] | None = None,
) -> str | None:
    """Play a scene's effects without presenting anything; return the goto trigger taken, or None at the end.

    Used by the branch tester: the same steps as a playthrough, so no second copy of the rules. `on_event`, when
    given, is called with each event a playthrough would present (a line, a stage change), in order.
    """
    steps = program.steps
    index = 0
    end = len(steps)
    while index < end:
        step = steps[index]
        op = step[0]
        index += 1
        if op == OP_EVENT:
            if on_event is not None:
                on_event(step[1])
            continue
        if op == OP_SET:
            apply_set(variables, step[1])
        elif op == OP_ADD:
            apply_add(variables, step[1])
        elif op == OP_BRANCH:
            if not step[1](variables, visits):
                index = step[2]
        elif op == OP_JUMP:
            index = step[1]
        elif op == OP_EVAL:
            apply_eval(variables, visits, step[1])
        else:
            return step[2]
    return None
