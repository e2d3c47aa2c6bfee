"""Line-picking `if`s whose answer never changes, found exactly from the explored graph (`--measures`).

An `if` that only picks which lines to show (no `set`, `add` or `goto` inside) is one the explorer's value classes
ignore: values that only such an `if` tells apart share a class, and a state keeps only its class's first value.
So evaluating the `if` on a stored state would be wrong: `if: "grades >= 3"` on a state holding 0 for the class
{0, ..., 5} says "false" for plays where it is true. Instead, the exact values the `if` reads are carried along
the explored edges on their own, and the `if` is evaluated on each of them.

The values read by the line-picking `if`s are split into *groups*: the variables and visit counts read together
(by one condition, or by an `if` and the ones nested in it) are one group. Every `set` and `add` writes a
constant, and a visit count only grows by one on entering its scene, so a group's values after an edge depend
only on its values before it and on the way the edge takes through the scene, which is the same for every value a
state's classes stand for (the classes are a bisimulation: that is what makes them classes). Hence the set of a
group's exact values at each state is a least fixpoint, computed forward from the start's values: along each
edge, every value that has arrived goes through the scene's steps as the explorer ran them (the same branches
taken), the choice's `set`/`add` and the next scene's visit. Each line-picking `if` met on the way is evaluated on
each value, nested ones only where the `if` around them takes their way. What it gives is exactly the set of
answers the `if` gives in play, so "always true" and "always false" are proofs, not guesses.

A visit count is kept up to the largest cap its line-picking comparisons need (see `analysis.comparison_caps`):
from there on no such comparison changes its answer. A group that cannot be kept finite this way (an int without
both bounds, a count with no sound cap, or too many combinations) is not judged, and neither is anything on a
partial exploration (a state never expanded may give the other answer). Nor is a group one of whose variables is
written from an expression (`set: {grades: "trust + 1"}`): its value then comes from outside the group.

Every other variable is carried too, as a group of its own, so that the values each variable holds at some scene
entry (or ending) of some play are known: the rest of its declared values are values it can never take.

A group's set of values at a state is a bit set over the group's combinations; all groups of a state are packed
into one Python int, so an edge that touches no group is one `|`, and the work per edge is proportional to the
groups it touches; the effect of a scene's way through on one group's bit set is computed once and remembered.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from game.expressions import Compare, Visited, clamp, walk
from game.model import Beat, IfBeat, Location, Story, Value
from game.program import (
    OP_ADD,
    OP_BRANCH,
    OP_EVAL,
    OP_EVENT,
    OP_JUMP,
    OP_SET,
    Constant,
    apply_add,
    apply_eval,
    apply_set,
    evaluated_changes,
)
from game.tester.analysis import comparison_caps, deciding, if_beats
from game.tester.explore import Exploration
from game.tester.report import ConstantIf

WIDTH = 256  # a group whose values meet in more combinations than this is not judged

Item = tuple[str, str]  # ("var", name) or ("visits", scene)
Combination = tuple[Value, ...]  # a group's values, one per item (a visit count is an int)
# What a way through a scene does to the items, in order: a constant written or added (clamped to low..high), a
# value worked out from an expression ("computed": its group is given up), a line-picking `if` met, a scene entered.
SetEvent = tuple[Literal["set"], str, Value]
AddEvent = tuple[Literal["add"], str, int, int | None, int | None]
ComputedEvent = tuple[Literal["computed"], str]
IfEvent = tuple[Literal["if"], "_Node"]
VisitEvent = tuple[Literal["visit"], str]
Event = SetEvent | AddEvent | ComputedEvent | IfEvent | VisitEvent
Tops = dict[str, dict[int, tuple["_Node", int]]]  # scene -> step of each outermost line-picking if -> (it, step after)


@dataclass(frozen=True, eq=False)
class _Node:
    """A line-picking `if` and the line-picking `if`s directly inside each of its ways."""

    number: int  # position in the list of all line-picking ifs
    beat: IfBeat
    then: tuple[_Node, ...]
    otherwise: tuple[_Node, ...]


class _Group:
    """Variables and visit counts read together, and the combinations of their exact values met so far.

    Combinations are numbered as they are first met (bit i of a state's set for the group is combination i), up
    to its `width`: the number of combinations its declared types allow (a bool 2, an enum its values, an int
    with both bounds its range, a capped count its cap + 1), at most WIDTH. A group that meets more is given up
    (`lost`) and its ifs are not judged.
    """

    def __init__(self, items: tuple[Item, ...], caps: tuple[int | None, ...]) -> None:
        self.items = items
        self.caps = caps  # per item: a visit count's cap (None: kept exactly); None for a variable
        self.offset = 0  # where its bits start in a state's packed set
        self.width = WIDTH
        self.full = (1 << WIDTH) - 1
        self.numbers: dict[Combination, int] = {}
        self.combinations: list[Combination] = []
        self.lost = False

    def number(self, values: Combination) -> int:
        found = self.numbers.get(values)
        if found is None:
            found = self.numbers[values] = len(self.combinations)
            self.combinations.append(values)
            if found >= self.width:
                self.lost = True
        return found


@dataclass
class LineIfs:
    """The findings, and what could not be judged."""

    constant: list[ConstantIf]
    judged: int  # line-picking ifs evaluated at least once with every value they read carried exactly
    unjudged: list[tuple[str, Location, str]]  # (scene, where, condition): their values could not be carried
    answers: dict[Location, frozenset[bool]] = field(default_factory=dict)  # every judged if: the answers it gave
    # Per variable whose values were all carried: the values it holds at some scene entry or ending of some play.
    taken: dict[str, frozenset[Value]] = field(default_factory=dict)


def line_if_findings(exploration: Exploration) -> LineIfs:
    """Every line-picking `if` that gives the same answer in every reachable play where it is evaluated."""
    story = exploration.story
    nodes, tops = _nodes(story)
    if exploration.partial:
        return LineIfs([], 0, [], {})
    groups, group_of = _groups(story, nodes, tops)
    offset = 0
    for group in groups:
        group.width = min(WIDTH, _combinations(story, group))
        group.full = (1 << group.width) - 1
        group.offset = offset
        offset += group.width
    run = _Propagation(exploration, nodes, tops, groups, group_of)
    outcomes = run.outcomes()
    constant: list[ConstantIf] = []
    unjudged: list[tuple[str, Location, str]] = []
    answers: dict[Location, frozenset[bool]] = {}
    judged = 0
    for node in nodes:
        scene_id = run.scene_of[node.number]
        condition = node.beat.condition
        group_number = run.group_of_node.get(node.number)
        if group_number is None or groups[group_number].lost:
            unjudged.append((scene_id, node.beat.where, condition.source))
            continue
        seen = outcomes[node.number]
        answers[node.beat.where] = frozenset(seen)
        if seen:
            judged += 1
        if len(seen) == 1:
            constant.append(
                ConstantIf(
                    scene_id, node.beat.where, condition.source, "always true" if True in seen else "always false"
                )
            )
    order = {scene_id: scene.order for scene_id, scene in story.scenes.items()}
    constant.sort(key=lambda item: (order[item.scene], item.where.line))
    taken: dict[str, frozenset[Value]] = {}
    for group in groups:
        if group.lost:
            continue
        for slot, (kind, name) in enumerate(group.items):
            if kind == "var":
                taken[name] = frozenset(values[slot] for values in group.combinations)
    return LineIfs(constant, judged, unjudged, answers, taken)


# -- the line-picking ifs and their groups -----------------------------------------------------------------------------


def _nodes(story: Story) -> tuple[list[_Node], Tops]:
    """All line-picking ifs as nodes, and per scene: step index of each outermost one -> (node, step after it).

    The step indexes mirror `program.compile_scene` (one step per line, stage change, effect and goto; an `if`
    is a branch, its `then`, a jump and its `otherwise` when it has one) and are checked against the program.
    """
    numbered: dict[int, _Node] = {}  # numbered in the order written (an if before the ones inside it)
    tops: Tops = {}
    written = 0

    def build(beat: IfBeat) -> _Node:
        nonlocal written
        number = written
        written += 1
        then = tuple(build(inner) for inner in beat.then if isinstance(inner, IfBeat))
        otherwise = tuple(build(inner) for inner in beat.otherwise if isinstance(inner, IfBeat))
        node = numbered[number] = _Node(number, beat, then, otherwise)
        return node

    def layout(beats: Sequence[Beat], index: int, scene_tops: dict[int, tuple[_Node, int]], outer_line: bool) -> int:
        for beat in beats:
            if isinstance(beat, IfBeat):
                at = index
                line_picking = not deciding(beat)
                index = layout(beat.then, index + 1, scene_tops, outer_line or line_picking)
                if beat.otherwise:
                    index = layout(beat.otherwise, index + 1, scene_tops, outer_line or line_picking)
                if line_picking and not outer_line:
                    scene_tops[at] = (build(beat), index)
            else:
                index += 1
        return index

    for scene_id, scene in story.scenes.items():
        scene_tops: dict[int, tuple[_Node, int]] = {}
        end = layout(scene.beats, 0, scene_tops, False)
        steps = story.programs[scene_id].steps
        if end != len(steps) or any(
            steps[at][0] != OP_BRANCH or steps[at][1] is not node.beat.condition.fn
            for at, (node, _) in scene_tops.items()
        ):  # pragma: no cover - the compiler and this layout disagree: a bug, caught by the tests
            raise AssertionError(f"scene {scene_id!r}: its steps do not match its beats")
        if scene_tops:
            tops[scene_id] = scene_tops
    return [numbered[number] for number in range(written)], tops


def _reads(node: _Node) -> set[Item]:
    condition = node.beat.condition
    found = {("var", name) for name in condition.reads} | {("visits", scene) for scene in condition.visits_read}
    for inner in (*node.then, *node.otherwise):
        found |= _reads(inner)
    return found


def _groups(story: Story, nodes: list[_Node], tops: Tops) -> tuple[list[_Group], dict[int, int]]:
    """The groups of items read together, and (outermost node number -> its group)."""
    parent: dict[Item, Item] = {}

    def root(item: Item) -> Item:
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    top_reads: dict[int, set[Item]] = {}
    for scene_tops in tops.values():
        for node, _ in scene_tops.values():
            reads = top_reads[node.number] = _reads(node)
            if reads:
                first = root(next(iter(reads)))
                for item in reads:
                    parent[root(item)] = first
    for name in story.variables:  # every variable is carried, so that the values it never takes are known too
        root(("var", name))
    caps = _line_caps(story, nodes)
    members: dict[Item, list[Item]] = {}
    for item in sorted(parent, key=str):
        members.setdefault(root(item), []).append(item)
    groups: list[_Group] = []
    number_of: dict[Item, int] = {}
    for items in members.values():
        for item in items:
            number_of[item] = len(groups)
        groups.append(_Group(tuple(items), tuple(caps.get(name) if kind == "visits" else None for kind, name in items)))
    group_of: dict[int, int] = {}
    reads_nothing: int | None = None  # the group of the conditions that read nothing: one combination, the empty one
    for number, reads in top_reads.items():
        if not reads:
            if reads_nothing is None:
                reads_nothing = len(groups)
                groups.append(_Group((), ()))
            group_of[number] = reads_nothing
        else:
            group_of[number] = number_of[next(iter(reads))]
    return groups, group_of


def _combinations(story: Story, group: _Group) -> int:
    """How many combinations of values the group's declared types allow (WIDTH + 1 for "more than WIDTH")."""
    found = 1
    for (kind, name), cap in zip(group.items, group.caps):
        if kind == "visits":
            found *= cap + 1 if cap is not None else WIDTH + 1
            continue
        var_type = story.variables[name].type
        if var_type.kind == "bool":
            found *= 2
        elif var_type.kind == "enum":
            found *= len(var_type.values)
        elif var_type.minimum is not None and var_type.maximum is not None:
            found *= var_type.maximum - var_type.minimum + 1
        else:
            found *= WIDTH + 1
        found = min(found, WIDTH + 1)
    return found


def _line_caps(story: Story, nodes: list[_Node]) -> dict[str, int | None]:
    """Per visit count the line-picking ifs read: the count from which none of their comparisons changes answer."""
    bounds = {
        name: (var.type.minimum, var.type.maximum) for name, var in story.variables.items() if var.type.kind == "int"
    }
    caps: dict[str, int | None] = {}
    for node in nodes:
        for inner in walk(node.beat.condition.tree):
            if isinstance(inner, Compare) and any(isinstance(part, Visited) for part in walk(inner)):
                for scene, cap in comparison_caps(inner, bounds).items():
                    if scene in caps and caps[scene] is None:
                        continue
                    caps[scene] = None if cap is None else max(caps.get(scene) or 0, cap)
    return caps


# -- carrying the values -------------------------------------------------------------------------------------------


Way = tuple[int, int | None, str | None]  # out of a state: (its trace's number, the choice taken, the next scene)


class _Propagation:
    """The least fixpoint: each state's packed set of every group's exact values, and the answers met on the way."""

    def __init__(
        self, exploration: Exploration, nodes: list[_Node], tops: Tops, groups: list[_Group], group_of: dict[int, int]
    ) -> None:
        self.exploration = exploration
        self.story = exploration.story
        self.nodes = nodes
        self.tops = tops
        self.groups = groups
        self.group_of = group_of
        self.answers: list[set[bool]] = [set() for _ in nodes]
        self.scene_of: dict[int, str] = {}
        for scene_id, scene_tops in tops.items():
            for node, _ in scene_tops.values():
                for inner in _subtree(node):
                    self.scene_of[inner.number] = scene_id
        self.group_of_node: dict[int, int] = {}
        for number, group_number in group_of.items():
            for inner in _subtree(nodes[number]):
                self.group_of_node[inner.number] = group_number
        self.item_group: dict[Item, int] = {}
        for number, group in enumerate(groups):
            for item in group.items:
                self.item_group[item] = number
        self.fixed_traces: dict[str, int] = {}  # scene -> its trace's number, or -1 when it depends on the state
        self.trace_numbers: dict[tuple[str, tuple[Event, ...]], int] = {}
        self.traces: list[tuple[str, tuple[Event, ...]]] = []  # number -> (scene, events)
        self.plans: dict[Way, tuple[_Table, ...]] = {}  # way out of a state -> the tables it goes through
        self.tables: dict[tuple[int, tuple[Event, ...]], _Table] = {}  # (group, events) -> where its combos go

    def outcomes(self) -> list[set[bool]]:
        """Carry the values to the fixpoint, then collect every answer met (see `_Table`).

        States are taken in the order of their scene's topological position (see `analysis`): every edge goes to
        the same or a later position, so only the states of a loop, sharing a position, are ever taken twice.
        """
        exploration = self.exploration
        if not self.groups:
            return self.answers
        keys = exploration.keys
        topo = exploration.tracking.topo
        edge_from, edge_to, edge_via, first_edge = (
            exploration.edge_from,
            exploration.edge_to,
            exploration.edge_via,
            exploration.first_edge,
        )
        edge_count = len(edge_to)
        count = exploration.states
        position = [topo[key[0]] for key in keys]
        order = sorted(range(count), key=position.__getitem__)
        values: list[int] = [0] * count
        values[0] = self._start()
        queued = bytearray(count)
        plans = self.plans
        low = 0
        while low < count:
            here = position[order[low]]
            high = low
            while high < count and position[order[high]] == here:
                high += 1
            block = order[low:high]
            work = deque(block)
            for state in block:
                queued[state] = 1
            low = high
            while work:
                state = work.popleft()
                queued[state] = 0
                current = values[state]
                if not current:
                    continue  # nothing has arrived yet: taken again when something does
                trace = self._trace(state)
                index = first_edge[state]
                if index < 0 or index >= edge_count or edge_from[index] != state:
                    self._move(current, (trace, None, None))  # an ending or a stuck menu: its lines are still shown
                    continue
                while index < edge_count and edge_from[index] == state:
                    target = edge_to[index]
                    key = (trace, edge_via[index], keys[target][0])
                    arriving = self._move(current, key) if plans.get(key, True) else current
                    known = values[target]
                    merged = known | arriving
                    if merged != known:
                        values[target] = merged
                        if position[target] == here and not queued[target]:
                            queued[target] = 1
                            work.append(target)
                    index += 1
            for state in block:  # no edge comes back to an earlier position: these sets are needed no more
                values[state] = 0
        for table in self.tables.values():
            bits = table.reached
            while table.has_ifs and bits:
                lowest = bits & -bits
                for node, answer in table.answers[lowest.bit_length() - 1]:
                    self.answers[node].add(answer)
                bits ^= lowest
        return self.answers

    def _start(self) -> int:
        exploration = self.exploration
        start_scene = exploration.keys[0][0]
        packed = 0
        for group in self.groups:
            values: list[Value] = []
            for (kind, name), cap in zip(group.items, group.caps):
                if kind == "var":
                    value = exploration.start_values[name]
                    assert isinstance(value, (int, str)), f"{name} starts as {value!r}"  # the loader checked its type
                    values.append(value)
                else:
                    count = 1 if name == start_scene else 0
                    values.append(count if cap is None else min(count, cap))
            packed |= 1 << (group.offset + group.number(tuple(values)))
        return packed

    # -- a state's way through its scene --------------------------------------------------------------------------

    def _trace(self, state: int) -> int:
        """The number of the events on group items, in order, as the explorer ran this state's scene: writes and
        outermost ifs (the same number for the same events)."""
        scene_id = self.exploration.keys[state][0]
        fixed = self.fixed_traces.get(scene_id)
        if fixed is None:
            scene = self.story.scenes[scene_id]
            if any(deciding(beat) for beat in if_beats(scene)):
                fixed = self.fixed_traces[scene_id] = -1
            else:
                fixed = self.fixed_traces[scene_id] = self._number(scene_id, self._walk(scene_id, {}, {}, True))
        if fixed >= 0:
            return fixed
        play = self.exploration.play_state(state)
        return self._number(scene_id, self._walk(scene_id, play.variables, play.visits, fixed_path=False))

    def _number(self, scene_id: str, events: tuple[Event, ...]) -> int:
        key = (scene_id, events)
        found = self.trace_numbers.get(key)
        if found is None:
            found = self.trace_numbers[key] = len(self.traces)
            self.traces.append(key)
        return found

    def _walk(
        self, scene_id: str, variables: dict[str, object], visits: Mapping[str, int], fixed_path: bool
    ) -> tuple[Event, ...]:
        """Run the scene's steps like `run_silently`, recording group events; skip each line-picking `if` whole.

        On a fixed path (no deciding `if` in the scene) nothing is evaluated, so no values are needed.
        """
        steps = self.story.programs[scene_id].steps
        tops = self.tops.get(scene_id, {})
        items = self.item_group
        events: list[Event] = []
        index = 0
        while index < len(steps):
            step = steps[index]
            op = step[0]
            if op == OP_EVENT:
                index += 1
            elif op == OP_SET:
                if not fixed_path:
                    apply_set(variables, step[1])
                events.extend(("set", name, value) for name, value in step[1] if ("var", name) in items)
                index += 1
            elif op == OP_ADD:
                if not fixed_path:
                    apply_add(variables, step[1])
                events.extend(
                    ("add", name, amount, low, high) for name, amount, low, high in step[1] if ("var", name) in items
                )
                index += 1
            elif op == OP_EVAL:
                if not fixed_path:
                    apply_eval(variables, visits, step[1])
                for name, fn, adds, low, high in step[1]:
                    if ("var", name) in items:
                        events.append(_written(name, fn, adds, low, high))
                index += 1
            elif op == OP_BRANCH:
                top = tops.get(index)
                if top is not None:
                    node, index = top
                    if node.number in self.group_of:
                        events.append(("if", node))
                elif fixed_path:  # pragma: no cover - a scene without deciding ifs has no other branch
                    raise AssertionError("a deciding branch on a fixed path")
                else:
                    index = index + 1 if step[1](variables, visits) else step[2]
            elif op == OP_JUMP:
                index = step[1]
            else:  # OP_GOTO: the rest of the scene is not played
                break
        return tuple(events)

    # -- one edge ---------------------------------------------------------------------------------------------------

    def _move(self, packed: int, key: Way) -> int:
        """The packed sets after a way out of a state: key is (trace number, how it was left, the next scene)."""
        plan = self.plans.get(key)
        if plan is None:
            plan = self.plans[key] = self._plan(*key)
        for table in plan:
            group = table.group
            if group.lost:
                continue
            offset, full = group.offset, group.full
            bits = (packed >> offset) & full
            table.reached |= bits
            moved = table.moved
            after = 0
            while bits:
                low = bits & -bits
                number = low.bit_length() - 1
                bit = moved.get(number)
                if bit is None:
                    bit = table.move(number)
                after |= bit
                bits ^= low
            packed = (packed & ~(full << offset)) | (after << offset)
        return packed

    def _plan(self, trace: int, via: int | None, target_scene: str | None) -> tuple[_Table, ...]:
        """The table of each group this way touches (its trace, the choice's `set`/`add` and the next visit)."""
        scene_id, events_in_scene = self.traces[trace]
        events = list(events_in_scene)
        if via is not None and via >= 0:
            choice = self.story.scenes[scene_id].choices[via]
            story = self.story
            for name, fn, adds, low, high in evaluated_changes(story, "set", choice.sets) + evaluated_changes(
                story, "add", choice.adds
            ):
                events.append(_written(name, fn, adds, low, high))
        if target_scene is not None:
            events.append(("visit", target_scene))
        per_group: dict[int, list[Event]] = {}
        for event in events:
            if event[0] == "if":
                found = self.group_of[event[1].number]
            else:
                item_group = self.item_group.get(("visits", event[1]) if event[0] == "visit" else ("var", event[1]))
                if item_group is None:
                    continue
                if event[0] == "computed":
                    self.groups[item_group].lost = True  # its value comes from outside the group: give it up
                found = item_group
            per_group.setdefault(found, []).append(event)
        plan = []
        for number, its_events in sorted(per_group.items()):
            key = (number, tuple(its_events))
            table = self.tables.get(key)
            if table is None:
                table = self.tables[key] = _Table(self.groups[number], key[1])
            plan.append(table)
        return tuple(plan)


class _Table:
    """Where each combination of a group's values goes through some events, worked out when first needed, and the
    answers of the line-picking ifs among the events."""

    def __init__(self, group: _Group, events: tuple[Event, ...]) -> None:
        self.group = group
        self.events = events
        self.slots = {item: slot for slot, item in enumerate(group.items)}
        self.moved: dict[int, int] = {}  # combination number -> the bit of the combination after the events
        self.has_ifs = any(event[0] == "if" for event in events)
        self.answers: dict[int, tuple[tuple[int, bool], ...]] = {}  # combination number -> (if, answer) met
        self.reached = 0  # the combinations that went through (a bit set)

    def move(self, number: int) -> int:
        group, slots = self.group, self.slots
        values = list(group.combinations[number])
        met: list[tuple[int, bool]] = []
        for event in self.events:
            if event[0] == "set":
                values[slots[("var", event[1])]] = event[2]
            elif event[0] == "add":
                _, name, amount, low, high = event
                slot = slots[("var", name)]
                current = values[slot]
                assert isinstance(current, int)  # an `add` is only ever to an int variable
                values[slot] = clamp(current + amount, low, high)
            elif event[0] == "visit":
                slot = slots[("visits", event[1])]
                cap, count = group.caps[slot], values[slot]
                assert isinstance(count, int)
                values[slot] = count + 1 if cap is None else min(count + 1, cap)
            elif event[0] == "if":
                _evaluate(event[1], group, values, met)
            # ("computed", name) never gets here: its group is given up, and a lost group's tables never move
        bit = self.moved[number] = 1 << min(group.number(tuple(values)), group.width - 1)
        if self.has_ifs:
            self.answers[number] = tuple(met)
        return bit


def _written(name: str, fn: Callable[..., object], adds: bool, low: int | None, high: int | None) -> Event:
    """A write as an event: a constant `set` or `add`, or "computed" when an expression works its value out."""
    if not isinstance(fn, Constant):
        return ("computed", name)
    value = fn.value
    if adds:
        assert isinstance(value, int)  # the loader accepts only whole numbers to add
        return ("add", name, value, low, high)
    assert isinstance(value, (int, str))  # a bool, a whole number or an enum's value
    return ("set", name, value)


def _evaluate(node: _Node, group: _Group, values: list[Value], met: list[tuple[int, bool]]) -> None:
    """Evaluate a line-picking `if` on one combination, and the ones nested in the way it takes."""
    variables = {name: value for (kind, name), value in zip(group.items, values) if kind == "var"}
    visits = {
        name: value for (kind, name), value in zip(group.items, values) if kind == "visits" and type(value) is int
    }
    answer = bool(node.beat.condition.fn(variables, visits))
    met.append((node.number, answer))
    for inner in node.then if answer else node.otherwise:
        _evaluate(inner, group, values, met)


def _subtree(node: _Node) -> Iterator[_Node]:
    yield node
    for inner in (*node.then, *node.otherwise):
        yield from _subtree(inner)
