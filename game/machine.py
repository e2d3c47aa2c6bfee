"""The whole story as one `transitions` state machine, shared by every playthrough and the branch tester.

Scenes are the machine's states (plus one terminal state per ending, named `ending:ID`). A scene's choices are
transitions fired by generic triggers, one per choice slot (`choose_0`, `choose_1`, ...), guarded by the choice's
condition and once-rule, with the choice's `set`/`add` applied in `before` callbacks. `next` is a transition fired
by the trigger `next`, a fallback by `fallback`, a mid-scene `goto` by `goto_N` (the scene's N-th distinct goto
target), and an ending scene's close by `finish`. Entering any scene counts a visit.

Playthrough states are small plain objects (`PlayState`) that are never registered with the machine; they are
fired through `machine.events[trigger].trigger(state)`, so one machine serves any number of playthroughs and
scales to thousands of scenes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from transitions import Machine, State

from game.model import Choice
from game.program import apply_add, apply_eval, evaluated_changes, goto_trigger

if TYPE_CHECKING:
    from game.model import Story

NEXT = "next"
FALLBACK = "fallback"
FINISH = "finish"


def choice_trigger(index: int) -> str:
    return f"choose_{index}"


def ending_state(ending_id: str) -> str:
    return f"ending:{ending_id}"


MAX_CALL_DEPTH = 64  # calls waiting to return at once: more is runaway recursion, stopped with `CallError`


class CallError(RuntimeError):
    """`call` nested past `MAX_CALL_DEPTH`, or a `return` with no call waiting: a mistake in the story."""


class PlayState:
    """Everything that changes during play and that conditions can read, as a plain object.

    `state` is the current scene id (the attribute name `transitions` uses); `variables` the story's variables;
    `visits` how often each scene was entered; `once` the ids of once-choices already taken; `stack` the scenes
    the calls waiting to return come back to, innermost last.
    """

    __slots__ = ("once", "stack", "state", "variables", "visits")

    def __init__(
        self,
        scene: str,
        variables: dict[str, object],
        visits: dict[str, int] | None = None,
        once: set[str] | None = None,
        stack: tuple[str, ...] = (),
    ) -> None:
        self.state = scene
        self.variables = variables
        self.visits = visits if visits is not None else {}
        self.once = once if once is not None else set()
        self.stack = stack

    def copy(self) -> PlayState:
        return PlayState(self.state, dict(self.variables), dict(self.visits), set(self.once), self.stack)


def push_call(state: PlayState, returns_to: str) -> None:
    """Before a calling scene's `next` is fired: remember where its sub-scene's `return` comes back to."""
    if len(state.stack) >= MAX_CALL_DEPTH:
        raise CallError(
            f"scene '{state.state}' calls a sub-scene while {MAX_CALL_DEPTH} calls are already waiting to return: "
            "the calls never come back (a sub-scene that calls itself, or its caller, without end)"
        )
    state.stack = (*state.stack, returns_to)


def pop_return(state: PlayState) -> None:
    """A scene's `return`: go back to the scene on top of the stack (entering it counts a visit)."""
    if not state.stack:
        raise CallError(f"scene '{state.state}' returns, but no call is waiting for it to come back to")
    target = state.stack[-1]
    state.stack = state.stack[:-1]
    state.state = target
    state.visits[target] = state.visits.get(target, 0) + 1


def _count_visit(event) -> None:
    state: PlayState = event.model
    state.visits[state.state] = state.visits.get(state.state, 0) + 1


def choice_is_available(choice: Choice, state: PlayState) -> bool:
    """Whether a choice can be taken now: its condition holds and, for a once-choice, it was not taken yet."""
    if choice.once and choice.id in state.once:
        return False
    return choice.condition is None or bool(choice.condition.fn(state.variables, state.visits))


def choice_is_shown(choice: Choice, state: PlayState) -> bool:
    """Whether a choice appears in the menu at all: available, or locked with a reason (and not used up)."""
    if choice.fallback or (choice.once and choice.id in state.once):
        return False
    return choice.locked is not None or choice_is_available(choice, state)


def _guard(choice: Choice) -> Callable:
    def condition(event) -> bool:
        return choice_is_available(choice, event.model)

    return condition


class StoryMachine:
    """Builds and fires the story's transitions machine."""

    def __init__(self, story: Story) -> None:
        self.story = story
        states = [State(scene_id, on_enter=[_count_visit]) for scene_id in story.scenes]
        states += [State(ending_state(ending_id)) for ending_id in story.endings]
        self.machine = Machine(
            model=None,
            states=states,
            initial=story.start,
            auto_transitions=False,
            send_event=True,
            queued=False,
        )
        add = self.machine.add_transition
        for scene_id, scene in story.scenes.items():
            program = story.programs[scene_id]
            for slot, target in enumerate(program.goto_targets):
                add(goto_trigger(slot), scene_id, target)
            if scene.next is not None:
                add(NEXT, scene_id, scene.next)
            elif scene.ending is not None:
                add(FINISH, scene_id, ending_state(scene.ending))
            for choice in scene.choices:
                trigger = FALLBACK if choice.fallback else choice_trigger(choice.index)
                conditions: list[str | Callable[..., bool | None]] = [] if choice.fallback else [_guard(choice)]
                add(trigger, scene_id, choice.goto, conditions=conditions, before=[self._effects(choice)])
        self.events = self.machine.events

    def _effects(self, choice: Choice) -> Callable:
        """The `before` callback of a choice: its `set`, then its `add` (clamped), then the once-record.

        It runs once the guard has passed and before the target scene is entered (and its visit counted), so an
        expression in a choice's `set` reads the counts as they were when the choice was taken.
        """
        once_id = choice.id if choice.once else None
        if any(change.expression is not None for change in (*choice.sets, *choice.adds)):
            evaluated = evaluated_changes(self.story, "set", choice.sets) + evaluated_changes(
                self.story, "add", choice.adds
            )

            def evaluate(event) -> None:
                state: PlayState = event.model
                apply_eval(state.variables, state.visits, evaluated)
                if once_id is not None:
                    state.once.add(once_id)

            return evaluate
        sets = tuple((c.variable, c.value) for c in choice.sets)
        adds = []
        for change in choice.adds:
            var_type = self.story.variables[change.variable].type
            adds.append((change.variable, change.value, var_type.minimum, var_type.maximum))
        adds_t = tuple(adds)

        def effects(event) -> None:
            state: PlayState = event.model
            variables = state.variables
            for name, value in sets:
                variables[name] = value
            if adds_t:
                apply_add(variables, adds_t)
            if once_id is not None:
                state.once.add(once_id)

        return effects

    def fire(self, state: PlayState, trigger: str) -> bool:
        """Fire a trigger for one playthrough state; True when a transition was taken."""
        return self.events[trigger].trigger(state)
