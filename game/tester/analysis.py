"""What the explorer must remember about visit counts and once-choices, worked out once from the story's text.

A state of play holds every scene's visit count, but only a few of them can ever change what happens, and most
of those only up to a point. Two facts keep the explored state space finite for hubs and loops:

**Caps.** A count `visited(x)` only matters through the comparisons it appears in. Every integer expression of
the condition language is linear (`+`, `-`, unary minus over numbers, int variables and visit counts), so each
comparison is `sum(c_i * visited(s_i)) + sum(d_j * var_j) + k  OP  0`. For a scene `x` with coefficient `c > 0`
(flip the comparison when it is negative), when every other visit count in it has a coefficient of the same sign
and every variable in it has a declared bound on the side that can pull the sum down, the rest of the sum is at
least `R`. Then from `T = smallest n with c*n + R + k > 0` on (`>= 0` suffices for `>=` and `<`) the comparison
has the same outcome however large the count gets, whatever the other counts are. The cap of `x` is the
largest such `T` over every comparison that reads it, and the explorer stores `min(count, cap)`: counts only grow
by one at each entry, so `min(min(n, cap) + 1, cap) == min(n + 1, cap)` and the stored value is exact below the
cap and decides every comparison the same way at and above it. `visited(x) > 0` gives cap 1 (never / at least
once), `visited(x) >= 3` gives 3, `visited(a) + visited(b) > 2` gives 3 for both. When no sound cap exists (two
counts subtracted, a count compared with a variable that has no bound on that side) the count is kept exactly,
and a story that loops through `x` forever then has infinitely many situations: `--max-states` stops it.
A scene whose count no comparison reads is not remembered at all. Only conditions that can change what happens
count: a choice's guard, an invariant, and an `if` with a `set`, `add` or `goto` inside (see `deciding`); an `if`
that only picks which lines to show reads counts the tester need not keep.

**Horizons.** A count, or the record that a once-choice was taken, can only matter while some scene that reads it
can still be entered. The scene graph (choices, `next`, fallbacks, gotos) is split into strongly connected parts
in topological order; an item's horizon is the topological position of the last part that reads it. On entering a
scene whose position is past an item's horizon, no scene that reads the item can ever be reached again (a scene
reachable from here never comes earlier in the order), so the item is forgotten: states that differ only in it
behave the same. Invariants read their counts everywhere, so those never expire.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from game.expressions import Arith, Compare, CompiledExpr, Expr, IntLit, Neg, Var, Visited, walk
from game.graphs import topological_numbers
from game.model import Beat, EffectBeat, GotoBeat, IfBeat, Scene, Story

NEVER = 1 << 60  # the horizon of an item that never expires


@dataclass(frozen=True)
class Tracking:
    """How the explorer remembers counts and once-choices.

    `caps`: scene -> cap, only for scenes whose count some comparison reads (a cap of None means exact).
    `uncapped`: scene -> the condition that stopped a cap, for the report.
    `topo`: scene -> topological position. `horizon`: tracked item (scene id or once-choice id) -> position
    of the last part that reads it.
    """

    caps: dict[str, int | None]
    uncapped: dict[str, str]
    topo: dict[str, int]
    horizon: dict[str, int]


def deciding(beat: IfBeat) -> bool:
    """Whether an `if` can change what happens: a `set`, `add` or `goto` somewhere inside it.

    An `if` that only chooses which lines and stage changes to show cannot change any state, choice or ending,
    so the tester does not tell states apart by its condition.
    """
    stack: list[Beat] = [*beat.then, *beat.otherwise]
    while stack:
        inner = stack.pop()
        if isinstance(inner, (EffectBeat, GotoBeat)):
            return True
        if isinstance(inner, IfBeat):
            stack.extend(inner.then)
            stack.extend(inner.otherwise)
    return False


def if_beats(scene: Scene) -> Iterator[IfBeat]:
    """Every `if` of a scene, nested ones too, in the order written."""
    stack: list[Beat] = list(reversed(scene.beats))
    while stack:
        beat = stack.pop()
        if isinstance(beat, IfBeat):
            yield beat
            stack.extend(reversed(beat.otherwise))
            stack.extend(reversed(beat.then))


def scene_conditions(scene: Scene) -> Iterator[CompiledExpr]:
    """Every condition of a scene that can change what happens: deciding `if`s and choices' conditions."""
    for beat in if_beats(scene):
        if deciding(beat):
            yield beat.condition
    for choice in scene.choices:
        if choice.condition is not None:
            yield choice.condition


def effect_expressions(scene: Scene) -> Iterator[CompiledExpr]:
    """Every expression a scene's `set`/`add` beats and its choices' effects compute (`trust: "trust + 1"`)."""
    stack: list[Beat] = list(scene.beats)
    while stack:
        beat = stack.pop()
        if isinstance(beat, EffectBeat):
            yield from (change.expression for change in beat.changes if change.expression is not None)
        elif isinstance(beat, IfBeat):
            stack.extend(beat.then)
            stack.extend(beat.otherwise)
    for choice in scene.choices:
        yield from (c.expression for c in (*choice.sets, *choice.adds) if c.expression is not None)


def scene_successors(story: Story, scene: Scene) -> list[str]:
    """Every scene this one can lead to: choices (fallback included), `next`, and mid-scene gotos; a scene that
    ends with `return`, every scene a `return` can come back to (which one depends on the calls waiting)."""
    targets = [choice.goto for choice in scene.choices]
    if scene.next is not None:
        targets.append(scene.next)
    targets.extend(story.programs[scene.id].goto_targets)
    if scene.returns:
        targets.extend(return_targets(story))
    return targets


def scene_predecessors(story: Story) -> dict[str, set[str]]:
    """Scene -> every scene that can lead to it (the other way round from `scene_successors`)."""
    predecessors: dict[str, set[str]] = {scene_id: set() for scene_id in story.scenes}
    for scene in story.scenes.values():
        for target in scene_successors(story, scene):
            predecessors[target].add(scene.id)
    return predecessors


def settle_backwards(
    order: Iterable[str], predecessors: Mapping[str, Iterable[str]], update: Callable[[str], bool]
) -> None:
    """A backward analysis run to its fixpoint: `update(scene)` works out what it knows of a scene from what its
    successors know and says whether that changed; each time it does, the scenes that lead there are looked at
    again (each on the work list once at a time). `order` is where to start: every scene, once."""
    work = deque(order)
    queued = set(work)
    while work:
        scene_id = work.popleft()
        queued.discard(scene_id)
        if update(scene_id):
            for source in predecessors[scene_id]:
                if source not in queued:
                    queued.add(source)
                    work.append(source)


def return_targets(story: Story) -> tuple[str, ...]:
    """Every scene a `return` can come back to: the part after each `call`."""
    return tuple(scene.returns_to for scene in story.scenes.values() if scene.returns_to is not None)


# -- caps ----------------------------------------------------------------------------------------------------------


class _Unbounded(Exception):
    pass


def _linear(node: Expr, sign: int, visits: dict[str, int], variables: dict[str, int], constant: list[int]) -> None:
    """Add `sign * node` to a linear form (visit coefficients, variable coefficients, constant)."""
    if isinstance(node, IntLit):
        constant[0] += sign * node.value
    elif isinstance(node, Visited):
        visits[node.scene] = visits.get(node.scene, 0) + sign
    elif isinstance(node, Var):
        variables[node.name] = variables.get(node.name, 0) + sign
    elif isinstance(node, Neg):
        _linear(node.operand, -sign, visits, variables, constant)
    elif isinstance(node, Arith):
        _linear(node.operands[0], sign, visits, variables, constant)
        for op, operand in zip(node.ops, node.operands[1:]):
            _linear(operand, sign if op == "+" else -sign, visits, variables, constant)
    else:  # not an int expression: cannot happen in a type-checked tree
        raise _Unbounded


_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


def _floor_div(a: int, b: int) -> int:
    return a // b


def _ceil_div(a: int, b: int) -> int:
    return -((-a) // b)


def comparison_caps(node: Compare, bounds: dict[str, tuple[int | None, int | None]]) -> dict[str, int | None]:
    """For each visit count an int comparison reads: the count from which its outcome no longer changes.

    `bounds` maps int variables to their declared (minimum, maximum). None means no sound cap exists.
    """
    visits: dict[str, int] = {}
    variables: dict[str, int] = {}
    constant = [0]
    try:
        _linear(node.left, 1, visits, variables, constant)
        _linear(node.right, -1, visits, variables, constant)
    except _Unbounded:
        return dict.fromkeys((n.scene for n in walk(node) if isinstance(n, Visited)), None)
    caps: dict[str, int | None] = {}
    for scene, coefficient in visits.items():
        if coefficient == 0:  # visited(x) - visited(x): the count cannot matter here
            caps[scene] = 0
            continue
        sign = 1 if coefficient > 0 else -1
        op = node.op if sign > 0 else _FLIP[node.op]
        rest = sign * constant[0]
        bounded = True
        for other, c in visits.items():
            if other != scene and sign * c < 0:
                bounded = False  # another count pulls the other way, without limit
        for name, d in variables.items():
            d *= sign
            low, high = bounds.get(name, (None, None))
            if d > 0:
                if low is None:
                    bounded = False
                else:
                    rest += d * low
            elif d < 0:
                if high is None:
                    bounded = False
                else:
                    rest += d * high
        if not bounded:
            caps[scene] = None
            continue
        c = abs(coefficient)
        # The sum is c*n + rest: decided once it is > 0 (or >= 0 for `>=` and `<`), whatever else holds.
        cap = _ceil_div(-rest, c) if op in (">=", "<") else _floor_div(-rest, c) + 1
        caps[scene] = max(cap, 0)
    return caps


def visit_caps(story: Story) -> tuple[dict[str, int | None], dict[str, str]]:
    """The cap of every scene whose count some condition (or invariant) reads; see the module docstring."""
    bounds = {
        name: (var.type.minimum, var.type.maximum) for name, var in story.variables.items() if var.type.kind == "int"
    }
    caps: dict[str, int | None] = {}
    uncapped: dict[str, str] = {}
    conditions = [inv.condition for inv in story.invariants]
    for scene in story.scenes.values():
        conditions.extend(scene_conditions(scene))
        for expression in effect_expressions(scene):  # a count copied into a variable is kept exactly
            for read in expression.visits_read:
                caps[read] = None
                uncapped.setdefault(read, expression.source)
    for condition in conditions:
        if not condition.visits_read:
            continue
        for node in walk(condition.tree):
            if not isinstance(node, Compare) or node.left.type != "int":
                continue
            for counted, cap in comparison_caps(node, bounds).items():
                if counted in uncapped:
                    continue
                if cap is None:
                    caps[counted] = None
                    uncapped[counted] = condition.source
                else:
                    caps[counted] = max(caps.get(counted, 0) or 0, cap)
    return {scene: cap for scene, cap in caps.items() if cap != 0}, uncapped


# -- horizons ------------------------------------------------------------------------------------------------------


def topological_positions(story: Story) -> dict[str, int]:
    """Each scene's strongly connected part, numbered so that a scene reachable from another never comes earlier."""
    graph = {scene_id: scene_successors(story, scene) for scene_id, scene in story.scenes.items()}
    return topological_numbers(graph, graph.__getitem__)


def tracking(story: Story) -> Tracking:
    """Caps, topological positions and horizons for a story."""
    caps, uncapped = visit_caps(story)
    topo = topological_positions(story)
    horizon: dict[str, int] = {}
    invariant_reads: set[str] = set()
    for invariant in story.invariants:
        invariant_reads |= invariant.condition.visits_read
    for scene in story.scenes.values():
        position = topo[scene.id]
        for condition in (*scene_conditions(scene), *effect_expressions(scene)):
            for read in condition.visits_read:
                if read in caps:
                    horizon[read] = max(horizon.get(read, -1), position)
        for choice in scene.choices:
            if choice.once:
                horizon[choice.id] = position
    for read in invariant_reads:
        if read in caps:
            horizon[read] = NEVER
    return Tracking(caps, uncapped, topo, horizon)
