"""Exhaustive exploration of a story's states of play, through the story's own compiled machine.

A state is taken at scene entry: the scene; every variable's value in declared order, each replaced by the first
value of its class there (see `abstraction`); the visit counts that can still matter, capped; the once-choices
taken that can still matter (see `analysis`); and the calls waiting to return (the scenes their `return`s come
back to, innermost last: a `return` leads to the one on top). From each state the explorer runs the scene's
compiled steps with `run_silently` (the very steps a playthrough runs, so variables change and a `goto` fires
exactly as in play), then leaves the scene through the same `transitions` machine the game uses
(`machine_firer`): `finish` for an ending, `next` (pushing the call first, for a scene that calls), each choice
the machine's guard allows, or the fallback when none is; a `return` pops the stack. A call past the depth limit,
or a `return` with no call waiting, stops play with an error: such a state is a dead end (kept with the menus
that have nothing to take). Invariants are checked at
every scene entry (which also covers each choice's `set`/`add`, applied on the way in) and again after the scene's
own effects, before it is left.

States are deduplicated, and explored in order of the number of choices made to reach them (a 0-1 breadth-first
search: `next`, `goto` and fallbacks cost nothing), so the parent pointer kept for each state gives a path with
the fewest choices. Every transition is kept as an edge (source, target, how) for the graph questions asked
afterwards (which endings each state can still reach).
"""

from __future__ import annotations

import gc
from array import array
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Literal

from transitions.core import EventData

from game.machine import (
    FALLBACK,
    FINISH,
    NEXT,
    CallError,
    PlayState,
    choice_is_available,
    choice_trigger,
    pop_return,
    push_call,
)
from game.model import Story
from game.program import run_silently
from game.tester.abstraction import Classes, compute_classes
from game.tester.analysis import Tracking, tracking

# How a state was left, as stored on edges: a choice's index (>= 0), or one of these.
VIA_NEXT = -1
VIA_FALLBACK = -2
VIA_GOTO = -3

# When an invariant was found broken.
AT_ENTRY: Literal["entry"] = "entry"
AFTER_EFFECTS: Literal["after_effects"] = "after_effects"

# What `Exploration.expanded` says of a state.
UNEXPLORED = 0  # its scene was never played: nothing is known of where it leads
EXPLORED = 1  # every way out was followed and kept as an edge
CUT = 2  # played, but the cap refused a state it leads to: its edges are only some of its ways out

DEFAULT_MAX_STATES = 1_000_000
PROGRESS_EVERY = 4096

Key = tuple  # (scene, variable values, frozenset of (scene, count), frozenset of once-choice ids, call stack)
_EMPTY: frozenset = frozenset()


class ExplorationError(RuntimeError):
    """The machine refused a transition the explorer expected it to take: a bug, never a story problem."""


@dataclass
class FirstViolation:
    """Where an invariant was first found broken (on a path with the fewest choices), and how often."""

    state: int
    when: Literal["entry", "after_effects"]
    count: int = 1


@dataclass
class Exploration:
    """Everything the exploration found, as flat tables indexed by state id (0 is the start)."""

    story: Story
    tracking: Tracking
    classes: Classes
    start_values: dict[str, object]  # the variables at the start, as given (keys hold class representatives)
    keys: list[Key]
    parent: array  # state id -> the state it was first reached from (-1 for the start)
    via: array  # state id -> how that parent was left (a choice index or a VIA_ code)
    distance: array  # state id -> choices made to reach it
    edge_from: array
    edge_to: array
    edge_via: array
    endings_at: dict[int, str]  # state id -> the ending it finishes with
    menu_locks: list[int]  # states whose menu has nothing to take and no fallback
    violations: dict[int, FirstViolation]  # invariant index -> first violation
    expanded: bytearray  # state id -> EXPLORED, CUT or UNEXPLORED (all are EXPLORED, unless partial)
    first_edge: array  # state id -> index of its first edge (its edges are consecutive), -1 if not explored
    partial: bool
    variable_names: tuple[str, ...]
    menu_scenes: set[str] = field(default_factory=set)  # scenes whose menu was reached at least once
    # Per scene: the variables a state there keeps (the live ones, in declared order), and every variable's value
    # with the dead ones at the value they are all sent to (see `live_variables`).
    live_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    dead_fill: dict[str, dict[str, object]] = field(default_factory=dict)
    # How the run went, not what it found (the same findings whatever these say): jobs, memory, spilling.
    stats: dict[str, object] = field(default_factory=dict)

    @property
    def states(self) -> int:
        return len(self.keys)

    @property
    def transitions(self) -> int:
        return len(self.edge_from)

    def fully_explored(self, state_id: int) -> bool:
        """Whether every way out of this state is known (an edge kept for each)."""
        return self.expanded[state_id] == EXPLORED

    def play_state(self, state_id: int) -> PlayState:
        """A fresh PlayState for a stored state (at its scene's entry)."""
        scene, values, visits, once, stack = self.keys[state_id]
        variables = dict(self.dead_fill[scene])
        variables.update(zip(self.live_names[scene], values))
        return PlayState(scene, variables, dict(visits), set(once), stack)


def initial_variables(story: Story, given: Mapping[str, object] | None) -> dict[str, object]:
    variables: dict[str, object] = dict(story.defaults())
    variables.update(given or {})
    return variables


class Explorer:
    """Explores a story from its start (or a given scene and variables); call `run()` once."""

    def __init__(
        self,
        story: Story,
        *,
        start: str | None = None,
        given: Mapping[str, object] | None = None,
        max_states: int = DEFAULT_MAX_STATES,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self.story = story
        self.start = start or story.start
        self.given = dict(given or {})
        self.max_states = max_states
        self.progress = progress
        self.tracking = tracking(story)
        self.classes = compute_classes(story)

    def live_variables(self) -> tuple[dict[str, tuple[str, ...]], dict[str, dict]]:
        """Which variables the states keep at each scene (`bench/` keeps them all, to measure what this saves)."""
        return live_variables(self.story, self.classes)

    def fire_function(self) -> Callable[[PlayState, str], bool]:
        """How the explorer fires a trigger: through the story's machine (`bench/` swaps in a plain table)."""
        return machine_firer(self.story)

    def start_values(self) -> dict[str, object]:
        """The variables before the first scene, as given (not yet sent to their classes)."""
        return initial_variables(self.story, self.given)

    def start_state(self) -> PlayState:
        """The state at the first scene's entry, before it is settled into a key."""
        return PlayState(self.start, dict(self.start_values()), {self.start: 1}, set())

    def rules(self) -> Rules:
        """What every explorer of this story shares: the per-scene plan and how a state is settled into a key."""
        return state_rules(self.story, self.tracking, self.classes, self.live_variables())

    def run(self) -> Exploration:
        # Millions of small containers stay alive until the end: the cyclic collector would scan them again and
        # again for nothing (nothing here makes cycles), slowing large explorations down by half.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._run()
        finally:
            if collecting:
                gc.enable()

    def _run(self) -> Exploration:
        story = self.story
        fire = self.fire_function()
        rules = self.rules()
        plan = rules.plan
        invariants = rules.invariants
        settle = rules.settle
        track = self.tracking
        classes = self.classes
        live_names, dead_fill = rules.live_names, rules.dead_fill

        keys: list[Key] = []
        seen: dict[Key, int] = {}
        parent = array("q")
        via = array("q")
        distance = array("q")
        edge_from = array("q")
        edge_to = array("q")
        edge_via = array("q")
        expanded = bytearray()
        first_edge = array("q")
        endings_at: dict[int, str] = {}
        menu_locks: list[int] = []
        menu_scenes: set[str] = set()
        violations: dict[int, FirstViolation] = {}
        queue: deque[int] = deque()
        max_states = self.max_states
        partial = False

        def add(state: PlayState, source: int, how: int, cost: int) -> bool:
            """Record an edge to a state; queue the state when new or newly reached with fewer choices."""
            nonlocal partial
            key = settle(state)
            target = seen.get(key)
            if target is None:
                if len(keys) >= max_states:
                    partial = True
                    expanded[source] = CUT
                    return False
                target = len(keys)
                seen[key] = target
                keys.append(key)
                parent.append(source)
                via.append(how)
                distance.append(distance[source] + cost)
                expanded.append(0)
                first_edge.append(-1)
                if cost:
                    queue.append(target)
                else:
                    queue.appendleft(target)
            elif not expanded[target] and distance[source] + cost < distance[target]:
                parent[target] = source
                via[target] = how
                distance[target] = distance[source] + cost
                queue.appendleft(target)
            edge_from.append(source)
            edge_to.append(target)
            edge_via.append(how)
            return True

        start_variables = initial_variables(story, self.given)
        first = PlayState(self.start, dict(start_variables), {self.start: 1}, set())
        key = settle(first)
        seen[key] = 0
        keys.append(key)
        parent.append(-1)
        via.append(0)
        distance.append(0)
        expanded.append(0)
        first_edge.append(-1)
        queue.append(0)

        progress = self.progress
        count = 0
        while queue and not partial:
            sid = queue.popleft()
            if expanded[sid]:  # queued twice (reached again with fewer choices) and already explored
                continue
            # Rebuilt from its key rather than kept from when it was found: the key holds everything the state
            # is (settled in place), and a queue of keys takes a fraction of the memory of one of whole states.
            scene_id, values, counts, once_taken, stack = keys[sid]
            variables = dict(dead_fill[scene_id])
            variables.update(zip(live_names[scene_id], values))
            state = PlayState(scene_id, variables, dict(counts), set(once_taken), stack)
            expanded[sid] = EXPLORED
            first_edge[sid] = len(edge_from)
            count += 1
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(len(keys), len(queue))
            program, kind, ending, choices, fallback, returns_to = plan[state.state]
            variables = state.variables
            visits = state.visits
            for number, fn in invariants:
                if not fn(variables, visits):
                    _violated(violations, number, sid, AT_ENTRY)
            trigger = None
            if program is not None:
                trigger = run_silently(program, variables, visits)
                for number, fn in invariants:
                    if not fn(variables, visits):
                        _violated(violations, number, sid, AFTER_EFFECTS)
            scene = state.state
            if trigger is not None:
                _fire(fire, state, trigger)
                add(state, sid, VIA_GOTO, 0)
            elif kind == "next":
                if returns_to is not None:
                    try:
                        push_call(state, returns_to)
                    except CallError:  # runaway recursion: play stops here with an error, a dead end
                        menu_locks.append(sid)
                        continue
                _fire(fire, state, NEXT)
                add(state, sid, VIA_NEXT, 0)
            elif kind == "return":
                try:
                    pop_return(state)
                except CallError:  # a return with no call waiting: play stops here with an error
                    menu_locks.append(sid)
                    continue
                add(state, sid, VIA_NEXT, 0)
            elif kind == "ending":
                _fire(fire, state, FINISH)
                endings_at[sid] = ending
            else:
                menu_scenes.add(scene)
                available = [item for item in choices if choice_is_available(item[0], state)]
                if available:
                    last = len(available) - 1
                    for position, (choice, choice_trigger_name) in enumerate(available):
                        branch = state if position == last else state.copy()
                        _fire(fire, branch, choice_trigger_name)
                        if not add(branch, sid, choice.index, 1):
                            break
                elif fallback is not None:
                    _fire(fire, state, FALLBACK)
                    add(state, sid, fallback, 0)
                else:
                    menu_locks.append(sid)
        if progress is not None:
            progress(len(keys), len(queue))
        return Exploration(
            story=story,
            tracking=track,
            classes=classes,
            start_values=start_variables,
            keys=keys,
            parent=parent,
            via=via,
            distance=distance,
            edge_from=edge_from,
            edge_to=edge_to,
            edge_via=edge_via,
            endings_at=endings_at,
            menu_locks=menu_locks,
            violations=violations,
            expanded=expanded,
            first_edge=first_edge,
            partial=partial,
            variable_names=tuple(story.variables),
            menu_scenes=menu_scenes,
            live_names=live_names,
            dead_fill=dead_fill,
        )


@dataclass
class Rules:
    """How states are played and stored: per scene (program or None, exit kind, ending, choices, fallback index or
    None, the scene a call returns to or None); the invariants as (number, function); `settle`, which turns a state
    at a scene's entry into its key (forgetting, capping and classing in place); and the live variables with the
    dead ones' fill."""

    plan: dict[str, tuple]
    invariants: list[tuple[int, Callable]]
    settle: Callable[[PlayState], Key]
    live_names: dict[str, tuple[str, ...]]
    dead_fill: dict[str, dict[str, object]]


def state_rules(
    story: Story,
    track: Tracking,
    classes: Classes,
    live: tuple[dict[str, tuple[str, ...]], dict[str, dict]],
) -> Rules:
    caps = track.caps
    topo = track.topo
    horizon = track.horizon
    invariants = [(number, invariant.condition.fn) for number, invariant in enumerate(story.invariants)]
    programs = story.programs
    # Per scene: (program, or None when it has no effects; exit kind; ending; choices; fallback's index or None;
    # the scene a call made here returns to, or None)
    plan: dict[str, tuple] = {}
    for scene_id, scene in story.scenes.items():
        program = programs[scene_id]
        choices = tuple((c, choice_trigger(c.index)) for c in scene.choices if not c.fallback)
        fallback = next((c.index for c in scene.choices if c.fallback), None)
        plan[scene_id] = (
            program if program.has_effects else None,
            scene.exit_kind,
            scene.ending,
            choices,
            fallback,
            scene.returns_to,
        )
    interned: dict[tuple, tuple] = {}
    interned_visits: dict[frozenset, frozenset] = {}
    canon = {scene_id: classes.canon_maps(scene_id) for scene_id in story.scenes}
    defaults = story.defaults()
    for scene_id in story.scenes:
        dead = classes.unbounded_dead(scene_id)
        if dead:
            canon[scene_id] += tuple((name, _Always(defaults[name])) for name in dead)
    live_names, dead_fill = live
    live_getter = {scene_id: _getter(names) for scene_id, names in live_names.items()}

    def settle(state: PlayState) -> Key:
        """Forget the counts and once-choices that can no longer matter, cap the rest; return the key."""
        scene = state.state
        visits = state.visits
        if visits:
            position = topo[scene]
            cap = caps.get(scene, 0)
            if cap == 0 or horizon[scene] < position:
                visits.pop(scene, None)
            elif cap is not None and visits[scene] > cap:
                visits[scene] = cap
            for item in [item for item in visits if horizon[item] < position]:
                del visits[item]
        once = state.once
        if once:
            position = topo[scene]
            for item in [item for item in once if horizon[item] < position]:
                once.discard(item)
        variables = state.variables
        for name, mapping in canon[scene]:
            variables[name] = mapping[variables[name]]
        values = live_getter[scene](variables)
        values = interned.setdefault(values, values)
        if visits:
            counts = frozenset(visits.items())
            counts = interned_visits.setdefault(counts, counts)
        else:
            counts = _EMPTY
        return (scene, values, counts, frozenset(once) if once else _EMPTY, state.stack)

    return Rules(plan, invariants, settle, live_names, dead_fill)


def machine_firer(story: Story) -> Callable[[PlayState, str], bool]:
    """Fire triggers through the story's `transitions` machine, without its per-call dispatch.

    `Event.trigger` wraps every call in a partial, a queue check, a model-state lookup, a source check and the
    machine-wide prepare/finalize callbacks, and only then executes the `Transition` objects registered for the
    current state. The explorer fires hundreds of thousands of times, so it looks each (scene, trigger) pair's
    transitions up once and executes them itself with an `EventData`, exactly as `Event._process` does: the
    machine's own conditions, callbacks, state change and `on_enter` visit count, nothing else. When the machine
    has machine-wide callbacks (which that shortcut would skip), or is queued, it uses `StoryMachine.fire`.
    """
    story_machine = story.machine
    machine = story_machine.machine
    if machine.prepare_event or machine.finalize_event or machine.on_exception or machine.has_queue:
        return story_machine.fire
    events = story_machine.events
    states = machine.states
    found: dict[tuple[str, str], tuple] = {}

    def fire(state: PlayState, trigger: str) -> bool:
        key = (state.state, trigger)
        entry = found.get(key)
        if entry is None:
            event = events[trigger]
            if state.state not in event.transitions:
                return story_machine.fire(state, trigger)  # let the machine say what is wrong
            entry = found[key] = (event, tuple(event.transitions[state.state]), states[state.state])
        event, transitions, source = entry
        data = EventData(source, event, machine, state, (), {})
        for transition in transitions:
            data.transition = transition
            if transition.execute(data):
                data.result = True
                return True
        return False

    return fire


def live_variables(story: Story, classes: Classes) -> tuple[dict[str, tuple[str, ...]], dict[str, dict]]:
    """Per scene: the variables live at its entry (some value can still be told from another), and the value of
    each variable a state there stands for when it is dead (the one every value is sent to: its domain's first, or
    its default for an unbounded int). A dead variable is left out of the state key, so states are smaller and a
    variable nothing reads again costs nothing."""
    defaults = story.defaults()
    live: dict[str, tuple[str, ...]] = {}
    fill: dict[str, dict] = {}
    for scene_id in story.scenes:
        names = []
        values = {}
        dead_unbounded = set(classes.unbounded_dead(scene_id))
        for name in story.variables:
            domain = classes.domains[name]
            if domain.finite and domain.values and classes.entry[scene_id][name] == domain.one:
                values[name] = domain.values[0]
            elif name in dead_unbounded:
                values[name] = defaults[name]
            else:
                values[name] = defaults[name]  # a placeholder: the state's own value replaces it
                names.append(name)
        live[scene_id] = tuple(names)
        fill[scene_id] = values
    return live, fill


def _getter(names: tuple[str, ...]) -> Callable[[dict], tuple]:
    """A fast `lambda variables: tuple(variables[name] for name in names)`."""
    if not names:
        return lambda variables: ()
    if len(names) == 1:
        name = names[0]
        return lambda variables: (variables[name],)
    return itemgetter(*names)


class _Always(dict):
    """A mapping that sends every value to one: a variable nothing reads any more."""

    def __init__(self, value: object) -> None:
        super().__init__()
        self.value = value

    def __missing__(self, key: object) -> object:
        return self.value


def _fire(fire: Callable[[PlayState, str], bool], state: PlayState, trigger: str) -> None:
    scene = state.state
    if not fire(state, trigger):
        raise ExplorationError(f"the story machine refused '{trigger}' in scene '{scene}'")


def _violated(
    violations: dict[int, FirstViolation], number: int, state: int, when: Literal["entry", "after_effects"]
) -> None:
    found = violations.get(number)
    if found is None:
        violations[number] = FirstViolation(state, when)
    else:
        found.count += 1


def expand(story: Story, state: PlayState) -> tuple[str | None, list[tuple[int, PlayState]]]:
    """Play one state's scene and every way out of it, the way the explorer does, one step at a time.

    Returns (the ending it finishes with or None, [(how, the state at the next scene's entry), ...]) in the order
    the explorer records edges; a menu with nothing to take gives no successors. The state is changed: pass a copy
    to keep it. Used to replay stored states (paths, ranges, tests), where speed matters less than clarity.
    """
    fire = story.machine.fire
    scene = story.scenes[state.state]
    program = story.programs[scene.id]
    trigger = run_silently(program, state.variables, state.visits) if program.has_effects else None
    if trigger is not None:
        _fire(fire, state, trigger)
        return None, [(VIA_GOTO, state)]
    if scene.next is not None:
        if scene.returns_to is not None:
            try:
                push_call(state, scene.returns_to)
            except CallError:  # runaway recursion: a dead end, as in the explorer
                return None, []
        _fire(fire, state, NEXT)
        return None, [(VIA_NEXT, state)]
    if scene.ending is not None:
        _fire(fire, state, FINISH)
        return scene.ending, []
    if scene.returns:
        try:
            pop_return(state)
        except CallError:  # nothing to return to: a dead end
            return None, []
        return None, [(VIA_NEXT, state)]
    available = [c for c in scene.choices if not c.fallback and choice_is_available(c, state)]
    found = []
    for choice in available:
        branch = state.copy()
        _fire(fire, branch, choice_trigger(choice.index))
        found.append((choice.index, branch))
    if not found:
        for choice in scene.choices:
            if choice.fallback:
                _fire(fire, state, FALLBACK)
                found.append((choice.index, state))
    return None, found


def explore(
    story: Story,
    *,
    start: str | None = None,
    given: Mapping[str, object] | None = None,
    max_states: int = DEFAULT_MAX_STATES,
    progress: Callable[[int, int], None] | None = None,
) -> Exploration:
    """Explore every reachable state of a story (up to `max_states`)."""
    return Explorer(story, start=start, given=given, max_states=max_states, progress=progress).run()
