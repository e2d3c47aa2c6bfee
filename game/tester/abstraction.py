"""Which values of each variable play can still tell apart, worked out once per scene from the story's text.

Exploring every combination of every variable's exact value multiplies quickly: a story with a dozen small
scores has millions of combinations, most of which behave identically. Two values of a variable behave the same
from a scene on when nothing that can still happen tells them apart: no condition still to be evaluated gives a
different answer for them, now or after the `add`s still to come. So for each variable and each scene entry the
tester computes a partition of the variable's values into classes, and the explorer keeps, for each variable,
the smallest value of its class instead of the value itself. States that differ only within classes are one
state: they offer the same choices, pass the same invariants and reach the same scenes and endings, step for step
(the classes are a bisimulation), so every finding and every shortest path stays exact.

The partition is the coarsest one that is stable backwards through the compiled steps (a greatest fixpoint,
refined until nothing changes):

- a condition (a deciding `if`, i.e. one with a `set`, `add` or `goto` inside; a choice's guard; an invariant at
  entry and after the scene's effects) splits values by each of its atoms that reads the variable (`grades >= 3`,
  `bet == 'on'`, a bool variable itself); an `if` that only picks lines to show splits nothing;
- `set` makes earlier values irrelevant (one class); `add` takes the classes after it back through the clamped
  addition; an `if` needs the classes of both ways on; a scene's exit needs those of every way out (a choice's
  `set`/`add` included); `next`, `goto` and choices need the classes at the next scene's entry;
- an ending needs nothing: after it, no value matters;
- a `set`/`add` worked out from an expression (`flag: "score >= 3"`, in a beat or on a choice) keeps every variable
  the expression reads exact before it (any two of their values may give the written variable different values),
  and counts those reads as touching the scene; the variable it writes is forgotten before a `set`, and kept exact
  before an `add` whose result still matters.

A variable read together with another variable or a visit count in one comparison (`a + b >= 7`) keeps its exact
value wherever that comparison can still be evaluated, as does an int variable without both bounds wherever
anything can still read it; both are still forgotten where they are dead (set before they are read again, or never
read again).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from game.expressions import Compare, CompiledExpr, Var, Visited, walk
from game.expressions.compiler import compile_tree
from game.model import Choice, Scene, Story, Variable
from game.program import OP_ADD, OP_BRANCH, OP_EVAL, OP_EVENT, OP_GOTO, OP_JUMP, OP_SET, Constant
from game.tester.analysis import (
    deciding,
    effect_expressions,
    if_beats,
    return_targets,
    scene_predecessors,
    settle_backwards,
)

MAX_DOMAIN = 4096  # an int variable with a wider declared range is treated as unbounded

Partition = tuple  # class number per value index, numbered by first occurrence; or ONE / EXACT for unbounded ints
UNBOUNDED_ONE = ("one",)
UNBOUNDED_EXACT = ("exact",)


def _canon(raw) -> Partition:
    ids: dict = {}
    return tuple(ids.setdefault(item, len(ids)) for item in raw)


class Domain:
    """The values one variable can take, and the partition operations on them."""

    def __init__(self, variable: Variable) -> None:
        kind = variable.type.kind
        self.name = variable.id
        values: tuple | None
        if kind == "bool":
            values = (False, True)
        elif kind == "enum":
            values = tuple(variable.type.values)
        else:
            low, high = variable.type.minimum, variable.type.maximum
            values = tuple(range(low, high + 1)) if low is not None and high is not None else None
            if values is not None and len(values) > MAX_DOMAIN:
                values = None
        self.values = values
        self.finite = values is not None
        self.position = {value: index for index, value in enumerate(values)} if values else {}
        self.one: Partition = (0,) * len(values) if values else UNBOUNDED_ONE
        self.exact: Partition = tuple(range(len(values))) if values else UNBOUNDED_EXACT
        self.minimum = variable.type.minimum
        self.maximum = variable.type.maximum

    def meet(self, *partitions: Partition) -> Partition:
        if not self.finite:
            return UNBOUNDED_EXACT if UNBOUNDED_EXACT in partitions else UNBOUNDED_ONE
        if len(partitions) == 1:
            return partitions[0]
        return _canon(zip(*partitions))

    def after_add(self, partition: Partition, amount: int) -> Partition:
        """The partition before `add amount` (clamped), given the one after it."""
        if not self.finite:
            return partition
        values = self.values
        assert values is not None
        index = self.position
        moved = []
        for value in values:
            result = value + amount
            if self.minimum is not None and result < self.minimum:
                result = self.minimum
            elif self.maximum is not None and result > self.maximum:
                result = self.maximum
            moved.append(partition[index[result]])
        return _canon(moved)

    def split(self, predicate: list[bool]) -> Partition:
        return _canon(predicate) if self.finite else UNBOUNDED_EXACT

    def representatives(self, partition: Partition) -> dict | None:
        """Value -> the first value of its class; None when every value is its own class (nothing to map)."""
        if not self.finite:
            return None
        if partition == self.exact:
            return None
        assert self.values is not None
        first: dict[int, object] = {}
        for value, number in zip(self.values, partition):
            first.setdefault(number, value)
        return {value: first[number] for value, number in zip(self.values, partition)}

    def members(self, partition: Partition, value: object) -> list:
        """The values in the same class as `value`."""
        if not self.finite or partition == self.exact:
            return [value]
        assert self.values is not None
        number = partition[self.position[value]]
        return [other for other, n in zip(self.values, partition) if n == number]


@dataclass(frozen=True)
class Classes:
    """The result: per scene, for each variable whose values are grouped there, the map to representatives.

    `entry[scene][name]` and `menu[scene][name]` are the partitions at the scene's entry and at its exit (after its
    effects); `exact` the variables read together with something else somewhere (kept exact where that counts).
    """

    domains: dict[str, Domain]
    entry: dict[str, dict[str, Partition]]
    menu: dict[str, dict[str, Partition]]
    exact: frozenset[str]

    def canon_maps(self, scene: str) -> tuple[tuple[str, dict], ...]:
        """(variable, value -> representative) for the variables grouped at this scene's entry."""
        found = []
        for name, partition in self.entry[scene].items():
            mapping = self.domains[name].representatives(partition)
            if mapping is not None and any(key != value for key, value in mapping.items()):
                found.append((name, mapping))
        return tuple(found)

    def unbounded_dead(self, scene: str) -> tuple[str, ...]:
        """Unbounded int variables whose value no longer matters at this scene's entry."""
        return tuple(name for name, partition in self.entry[scene].items() if partition == UNBOUNDED_ONE)

    def grouped(self, scene: str, name: str) -> bool:
        partition = self.entry[scene][name]
        return partition != self.domains[name].exact


# -- atoms -----------------------------------------------------------------------------------------------------------


def _atoms(condition: CompiledExpr) -> Iterator[tuple[str | None, object, frozenset[str]]]:
    """(variable, atom node, variables mixed in) for each atom of a condition that reads variables.

    An atom is a comparison of numbers or enum values, or a bool variable used as a truth value. A comparison
    reading one variable and nothing else yields (name, node, {}); one reading several things yields
    (None, node, those variables).
    """
    for node in walk(condition.tree):
        if isinstance(node, Compare) and node.left.type in ("int", "str"):
            names = {inner.name for inner in walk(node) if isinstance(inner, Var)}
            counts = any(isinstance(inner, Visited) for inner in walk(node))
            if not names:
                continue
            if len(names) == 1 and not counts:
                yield next(iter(names)), node, frozenset()
            else:
                yield None, node, frozenset(names)
        elif isinstance(node, Var) and node.type == "bool":
            yield node.name, node, frozenset()


def _scene_conditions(scene: Scene) -> dict[int, CompiledExpr]:
    """id(condition fn) -> condition, for every deciding `if` of a scene (matching compiled branch steps back)."""
    return {id(beat.condition.fn): beat.condition for beat in if_beats(scene) if deciding(beat)}


class _Splitter:
    """Partitions induced by conditions, per variable, cached."""

    def __init__(self, domains: dict[str, Domain]) -> None:
        self.domains = domains
        self.cache: dict[tuple[int, str], Partition | None] = {}

    def of(self, condition: CompiledExpr | None, name: str) -> Partition | None:
        """The partition a condition needs for one variable, or None when it does not read it."""
        if condition is None or name not in condition.reads:
            return None
        key = (id(condition), name)
        if key in self.cache:
            return self.cache[key]
        domain = self.domains[name]
        parts = []
        for variable, node, mixed in _atoms(condition):
            if variable is None and name in mixed:
                parts.append(domain.exact)  # read together with something else: every value counts here
                continue
            if variable != name:
                continue
            if not domain.finite:
                parts.append(UNBOUNDED_EXACT)
                continue
            fn = compile_tree(node)  # type: ignore[arg-type]
            assert domain.values is not None
            parts.append(domain.split([bool(fn({name: value}, {})) for value in domain.values]))
        result = domain.meet(*parts) if parts else None
        self.cache[key] = result
        return result


# -- the fixpoint ------------------------------------------------------------------------------------------------------
# Near-linear in the story's size: partitions are interned as small numbers, so the backward passes move and compare
# numbers, and each meet or pull-back through an `add` is computed once per distinct set of partitions (a stats-heavy
# story meets the same few partitions hundreds of thousands of times). A scene whose steps and choices never touch a
# variable is not walked step by step for it: its entry needs exactly the meet of where its reachable exits lead.


class _Lattice:
    """One variable's partitions, numbered; meet and pull-back through `add` on numbers, remembered."""

    def __init__(self, domain: Domain) -> None:
        self.domain = domain
        self.parts: list[Partition] = []
        self.numbers: dict[Partition, int] = {}
        self.one = self.number(domain.one)
        self.exact = self.number(domain.exact)
        self.meets: dict[frozenset[int], int] = {}
        self.adds: dict[tuple[int, int], int] = {}
        self.split_numbers: dict[int, int] = {}  # id of a `_Splitter` result (kept alive by its cache) -> number

    def number_of_split(self, partition: Partition) -> int:
        found = self.split_numbers.get(id(partition))
        if found is None:
            found = self.split_numbers[id(partition)] = self.number(partition)
        return found

    def number(self, partition: Partition) -> int:
        found = self.numbers.get(partition)
        if found is None:
            found = self.numbers[partition] = len(self.parts)
            self.parts.append(partition)
        return found

    def meet(self, numbers) -> int:
        distinct = set(numbers)
        distinct.discard(self.one)
        if not distinct:
            return self.one
        if len(distinct) == 1:
            return next(iter(distinct))
        if self.exact in distinct:
            return self.exact
        key = frozenset(distinct)
        found = self.meets.get(key)
        if found is None:
            found = self.meets[key] = self.number(self.domain.meet(*(self.parts[n] for n in distinct)))
        return found

    def after_add(self, number: int, amount: int) -> int:
        if number == self.one:
            return number
        key = (number, amount)
        found = self.adds.get(key)
        if found is None:
            found = self.adds[key] = self.number(self.domain.after_add(self.parts[number], amount))
        return found


@dataclass(frozen=True)
class _SceneShape:
    """What the fixpoint needs of a scene, whatever the variable: its steps, the scenes its reachable gotos lead
    to, whether its exit can be reached, and the variables its steps or choices touch."""

    steps: tuple
    goto_targets: tuple[str, ...]
    exit_reached: bool
    touches: frozenset[str]
    conditions: dict[int, CompiledExpr]
    exits: tuple[str, ...]  # where its end leads (`next`, every choice's target); empty for an ending
    eval_reads: dict[int, frozenset[str]]  # step index of each `OP_EVAL` -> the variables its expressions read


def _shape(story: Story, scene: Scene) -> _SceneShape:
    every_variable = frozenset(story.variables)
    steps = story.programs[scene.id].steps
    conditions = _scene_conditions(scene)
    touches: set[str] = set()
    for step in steps:
        if step[0] == OP_SET:
            touches.update(variable for variable, _ in step[1])
        elif step[0] == OP_ADD:
            touches.update(change[0] for change in step[1])
        elif step[0] == OP_BRANCH and id(step[1]) in conditions:
            touches.update(conditions[id(step[1])].reads)
        elif step[0] == OP_EVAL:
            touches.update(change[0] for change in step[1])
    # What each `OP_EVAL` reads, matched back to the expressions written by their compiled functions: a variable
    # read there is touched by the scene (the skip for untouched scenes below must never pass over a read). A
    # function not matched (never expected) is taken to read every variable.
    by_fn = {id(expression.fn): expression.reads for expression in effect_expressions(scene)}
    eval_reads: dict[int, frozenset[str]] = {}
    for index, step in enumerate(steps):
        if step[0] == OP_EVAL:
            reads: set[str] = set()
            for _, fn, _, _, _ in step[1]:
                if not isinstance(fn, Constant):
                    reads |= by_fn.get(id(fn), every_variable)
            eval_reads[index] = frozenset(reads)
            touches |= reads
    for choice in scene.choices:
        if choice.condition is not None:
            touches.update(choice.condition.reads)
        touches.update(change.variable for change in (*choice.sets, *choice.adds))
        touches.update(_choice_reads(choice))
    # The steps reachable from the first, following branches both ways, jumps, and stopping at gotos.
    reached: set[int] = set()
    targets: list[str] = []
    exit_reached = False
    work = [0]
    while work:
        index = work.pop()
        if index in reached:
            continue
        reached.add(index)
        if index >= len(steps):
            exit_reached = True
            continue
        step = steps[index]
        if step[0] == OP_GOTO:
            targets.append(step[1])
        elif step[0] == OP_JUMP:
            work.append(step[1])
        elif step[0] == OP_BRANCH:
            work += [index + 1, step[2]]
        else:
            work.append(index + 1)
    exits = (scene.next,) if scene.next is not None else tuple(dict.fromkeys(c.goto for c in scene.choices))
    if scene.ending is not None:
        exits = ()
    elif scene.returns:  # it comes back to whichever call is waiting: what any of them needs
        exits = return_targets(story)
    return _SceneShape(
        steps, tuple(dict.fromkeys(targets)), exit_reached, frozenset(touches), conditions, exits, eval_reads
    )


def _choice_reads(choice: Choice) -> frozenset[str]:
    """The variables the expressions of a choice's `set`/`add` read."""
    return frozenset().union(
        *(change.expression.reads for change in (*choice.sets, *choice.adds) if change.expression is not None)
    )


def compute_classes(story: Story) -> Classes:
    domains = {name: Domain(variable) for name, variable in story.variables.items()}
    exact: set[str] = set()
    conditions: list[CompiledExpr] = [invariant.condition for invariant in story.invariants]
    for scene in story.scenes.values():
        conditions.extend(_scene_conditions(scene).values())
        conditions.extend(choice.condition for choice in scene.choices if choice.condition is not None)
    for condition in conditions:
        for variable, _, mixed in _atoms(condition):
            if variable is None:
                exact |= mixed
    splitter = _Splitter(domains)
    predecessors = scene_predecessors(story)
    shapes = {scene_id: _shape(story, scene) for scene_id, scene in story.scenes.items()}

    entry: dict[str, dict[str, Partition]] = {scene_id: {} for scene_id in story.scenes}
    menu: dict[str, dict[str, Partition]] = {scene_id: {} for scene_id in story.scenes}
    for name, domain in domains.items():
        lattice = _Lattice(domain)
        invariant_split = [
            lattice.number(part)
            for part in (splitter.of(inv.condition, name) for inv in story.invariants)
            if part is not None
        ]
        current, menus = _settled(story, predecessors, shapes, name, lattice, splitter, invariant_split)
        parts = lattice.parts
        for scene_id in story.scenes:
            entry[scene_id][name] = parts[current[scene_id]]
            menu[scene_id][name] = parts[menus[scene_id]]
    return Classes(domains, entry, menu, frozenset(exact))


def _settled(
    story: Story,
    predecessors: dict[str, set[str]],
    shapes: dict[str, _SceneShape],
    name: str,
    lattice: _Lattice,
    splitter: _Splitter,
    invariant_split: list[int],
) -> tuple[dict[str, int], dict[str, int]]:
    """Per scene, the partition of one variable's values needed at its entry and at its menu (as numbers): the
    backward fixpoint of `_scene_entry`, from every scene needing nothing."""
    current = dict.fromkeys(story.scenes, lattice.one)
    menus = dict.fromkeys(story.scenes, lattice.one)

    def update(scene_id: str) -> bool:
        new, menus[scene_id] = _scene_entry(
            story, story.scenes[scene_id], shapes[scene_id], name, lattice, current, splitter, invariant_split
        )
        changed = new != current[scene_id]
        current[scene_id] = new
        return changed

    settle_backwards(reversed(list(story.scenes)), predecessors, update)
    return current, menus


def _scene_entry(
    story: Story,
    scene: Scene,
    shape: _SceneShape,
    name: str,
    lattice: _Lattice,
    current: dict[str, int],
    splitter: _Splitter,
    invariant_split: list[int],
) -> tuple[int, int]:
    """One backward pass over a scene's steps: the partition needed at its entry, and at its exit (as numbers)."""
    meet = lattice.meet
    if name not in shape.touches:
        # Nothing in the scene reads or changes the variable: its entry needs what its reachable exits need.
        at_exit = meet([*(current[target] for target in shape.exits), *invariant_split])
        reached = [current[target] for target in shape.goto_targets]
        if shape.exit_reached:
            reached.append(at_exit)
        return meet([*reached, *invariant_split]), at_exit
    at_exit = meet([*_exit_parts(story, scene, name, lattice, current, splitter), *invariant_split])
    steps = shape.steps
    needed: list[int] = [lattice.one] * (len(steps) + 1)
    needed[len(steps)] = at_exit
    for index in range(len(steps) - 1, -1, -1):
        step = steps[index]
        op = step[0]
        after = needed[index + 1]
        if op == OP_EVENT:
            needed[index] = after
        elif op == OP_SET:
            needed[index] = lattice.one if any(variable == name for variable, _ in step[1]) else after
        elif op == OP_ADD:
            part = after
            for variable, amount, _, _ in step[1]:
                if variable == name:
                    part = lattice.after_add(part, amount)
            needed[index] = part
        elif op == OP_BRANCH:
            split = splitter.of(shape.conditions.get(id(step[1])), name)
            parts = [after, needed[step[2]]]
            if split is not None:
                parts.append(lattice.number_of_split(split))
            needed[index] = meet(parts)
        elif op == OP_JUMP:
            needed[index] = needed[step[1]]
        elif op == OP_EVAL:
            needed[index] = _before_evaluated(step, shape.eval_reads[index], name, lattice, after)
        elif op == OP_GOTO:
            needed[index] = meet([current[step[1]], *invariant_split])
        else:  # pragma: no cover - every op is handled above
            raise AssertionError(f"unknown step {op}")
    return meet([needed[0], *invariant_split]), at_exit


def _exit_parts(
    story: Story, scene: Scene, name: str, lattice: _Lattice, current: dict[str, int], splitter: _Splitter
) -> Iterator[int]:
    if scene.ending is not None:
        yield lattice.one
        return
    if scene.next is not None:
        yield current[scene.next]
        return
    if scene.returns:
        yield from (current[target] for target in return_targets(story))
        return
    for choice in scene.choices:
        split = splitter.of(choice.condition, name)
        if split is not None:
            yield lattice.number_of_split(split)
        yield _through_choice(choice, name, lattice, current[choice.goto])


def _before_evaluated(step: tuple, reads: frozenset[str], name: str, lattice: _Lattice, after: int) -> int:
    """The partition before a `set`/`add` with expressions (`OP_EVAL`), given the one after it.

    Kept simple and sound: a variable an expression reads keeps its exact value (any two of its values may give
    the written variable different values); one that an `add` changes keeps it too while its value still matters
    after; one only `set` is forgotten, as by a plain `set`.
    """
    if name in reads:
        return lattice.exact
    adds = [adds for variable, _, adds, _, _ in step[1] if variable == name]
    if not adds:
        return after
    if any(adds) and after != lattice.one:
        return lattice.exact
    return lattice.one


def _through_choice(choice: Choice, name: str, lattice: _Lattice, after: int) -> int:
    """The partition before a choice's effects (its `set`, then its `add`) given the one at its target's entry."""
    if any(change.expression is not None for change in (*choice.sets, *choice.adds)):
        if name in _choice_reads(choice):
            return lattice.exact
        written = [c for c in (*choice.sets, *choice.adds) if c.variable == name]
        if not written:
            return after
        if any(c in choice.adds for c in written) and after != lattice.one:
            return lattice.exact
        return lattice.one
    part = after
    for change in choice.adds:
        if change.variable == name:
            part = lattice.after_add(part, change.value)  # type: ignore[arg-type]
    if any(change.variable == name for change in choice.sets):
        return lattice.one
    return part
