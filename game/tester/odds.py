"""Exact odds on the explored state graph: how likely each ending and each scene is, as an absorbing Markov chain.

A *policy* says how a player picks among the choices a menu offers (`uniform`: every available choice equally
likely; `first`: always the first available one; or weights per choice read from a file). With it, every edge of
the explored graph gets a probability (`next`, `goto` and fallbacks: 1), and the explored graph becomes a Markov
chain whose absorbing states are the endings. Because the explorer's states are a bisimulation of the real ones
(see `abstraction`), the chain on them gives the same odds as the real game, exactly.

The odds are exact (`fractions.Fraction`), not sampled: the expected number of times each state is entered in
one play is pushed forward through the graph in topological order (Kahn's algorithm; states on a cycle, where a
play can come back to the very same state, are then ordered by their strongly connected parts, and each part with a
cycle is solved by Gaussian elimination over fractions). States from which no ending can be reached (soft-locks,
loops with no way out) absorb what flows into them: that is the probability of never ending. The probability of
*visiting* a scene is its expected number of entries when no play can enter it twice; for a scene some play
enters twice it is computed again with the scene's states made absorbing (entering it at least once).

For speed, the forward pass works on whole numbers: every value is kept as a numerator over one common
denominator `D` (a power of the least common multiple of every menu's total weight, deep enough for the longest
chain of menus), so each step is one big-integer multiply and exact division. Where a value does not divide
(a cycle's solution, say), the pass is run again over `Fraction`s: the answer is exact either way.
"""

from __future__ import annotations

import math
from array import array
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, overload

from game.graphs import strongly_connected
from game.tester.explore import Exploration
from game.tester.graph import EndingMasks

if TYPE_CHECKING:
    from game.model import Story

ONE = Fraction(1)
ZERO = Fraction(0)

POLICY_NAMES = ("uniform", "first")


class PolicyError(ValueError):
    """A policy name or weights file that cannot be used, with a message for the author."""


@dataclass(frozen=True)
class Policy:
    """How a player picks a choice: `uniform`, `first`, or per-choice weights (`weights[scene][index]`).

    With weights, a choice not listed weighs 1; a menu whose available choices all weigh 0 picks uniformly.
    """

    name: str
    weights: Mapping[str, tuple[Fraction, ...]] = field(default_factory=dict)

    def pick(self, scene: str, available: list[int]) -> list[Fraction]:
        """The probability of each available choice (given by its index in the scene's list), in that order."""
        count = len(available)
        if count == 1:
            return [ONE]
        if self.name == "first":
            return [ONE] + [ZERO] * (count - 1)
        given = self.weights.get(scene)
        if given:
            weights = [given[index] if index < len(given) else ONE for index in available]
            total = sum(weights, ZERO)
            if total > 0:
                return [weight / total for weight in weights]
        share = Fraction(1, count)
        return [share] * count


def policy_from(text: str, story: Story) -> Policy:
    """`uniform`, `first`, or the path of a YAML/JSON weights file: `scene: [weight per choice, in order]`."""
    if text in POLICY_NAMES:
        return Policy(text)
    path = Path(text)
    if not path.is_file():
        raise PolicyError(f"'{text}' is neither a policy ({', '.join(POLICY_NAMES)}) nor a weights file")
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise PolicyError(f"cannot read the weights file '{text}': {type(error).__name__}") from None
    if not isinstance(data, dict):
        raise PolicyError(f"the weights file '{text}' must map scene ids to lists of weights")
    weights: dict[str, tuple[Fraction, ...]] = {}
    for scene, listed in data.items():
        if scene not in story.scenes:
            raise PolicyError(f"the weights file names a scene the story does not have: '{scene}'")
        choices = story.scenes[scene].choices
        if not isinstance(listed, list) or len(listed) != len(choices):
            raise PolicyError(
                f"the weights for '{scene}' must be a list of {len(choices)} numbers, one per choice in order"
            )
        parsed: list[Fraction] = []
        for weight in listed:
            if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight < 0:
                raise PolicyError(f"the weights for '{scene}' must be numbers of 0 or more, not {weight!r}")
            parsed.append(Fraction(weight).limit_denominator(10**6) if isinstance(weight, float) else Fraction(weight))
        weights[scene] = tuple(parsed)
    return Policy(path.name, weights)


@dataclass
class Odds:
    """What the chain gives, exactly. Fractions; `to_json` turns them into floats."""

    policy: str
    endings: dict[str, Fraction]  # every declared ending, in declared order
    never_ends: Fraction  # soft-locks and loops with no way out
    unexplored: Fraction  # states a partial exploration never expanded
    scenes: dict[str, Fraction]  # probability of entering each scene at least once
    expected_entries: dict[str, Fraction]  # mean number of times each scene is entered
    state_mass: Mass  # per state, the expected number of entries (for the other measures)
    edge_probability: list[Fraction]  # per edge

    def to_json(self) -> dict[str, object]:
        return {
            "policy": self.policy,
            "never_ends": float(self.never_ends),
            "unexplored": float(self.unexplored),
            "scenes": {scene: float(value) for scene, value in self.scenes.items()},
        }


class OutEdges(Sequence[range]):
    """State id -> the range of its edges (a state's edges are consecutive), held as two arrays rather than a range
    object per state (a tenth of the memory on a large exploration)."""

    __slots__ = ("first", "sizes")

    def __init__(self, first: array[int], sizes: array[int]) -> None:
        self.first = first  # state id -> its first edge, -1 for a state never expanded
        self.sizes = sizes  # state id -> how many edges it has

    def __len__(self) -> int:
        return len(self.sizes)

    @overload
    def __getitem__(self, state: int) -> range: ...

    @overload
    def __getitem__(self, states: slice) -> list[range]: ...

    def __getitem__(self, state: int | slice) -> range | list[range]:
        if isinstance(state, slice):
            return [self[index] for index in range(*state.indices(len(self)))]
        first = self.first[state]
        return range(first, first + self.sizes[state]) if first >= 0 else _NONE

    def __iter__(self) -> Iterator[range]:
        for first, number in zip(self.first, self.sizes):
            yield range(first, first + number) if first >= 0 else _NONE


_NONE = range(0)


def out_edges(exploration: Exploration) -> OutEdges:
    """State id -> the range of its edges (a state's edges are consecutive)."""
    sizes = array("q", bytes(8 * exploration.states))
    for source in exploration.edge_from:
        sizes[source] += 1
    return OutEdges(exploration.first_edge, sizes)


def edge_probabilities(exploration: Exploration, policy: Policy, edges: Sequence[range]) -> list[Fraction]:
    """The probability of each edge under a policy (a state's edges sum to 1)."""
    keys = exploration.keys
    via = exploration.edge_via
    found: list[Fraction] = [ONE] * exploration.transitions
    picked: dict[tuple[str, tuple[int, ...]], list[Fraction]] = {}
    for state, span in enumerate(edges):
        if len(span) > 1:
            menu = (keys[state][0], tuple(via[index] for index in span))
            shares = picked.get(menu)
            if shares is None:
                shares = picked[menu] = policy.pick(menu[0], list(menu[1]))
            for index, share in zip(span, shares):
                found[index] = share
    return found


def compute_odds(
    exploration: Exploration, policy: Policy, masks: EndingMasks | None = None, edges: Sequence[range] | None = None
) -> Odds:
    masks = masks or EndingMasks(exploration)
    edges = edges if edges is not None else out_edges(exploration)
    probability = edge_probabilities(exploration, policy, edges)
    if any(share == 0 for share in probability):
        stuck = _stuck_under(exploration, edges, probability)  # a choice never picked can strand a play
    else:
        stuck = [mask == 0 for mask in masks.masks]
    graph = _Graph(exploration, edges, probability, stuck)
    mass = graph.forward({0: ONE})
    story = exploration.story
    keys = exploration.keys
    endings: dict[str, int | Fraction] = dict.fromkeys(story.endings, 0)
    entries: dict[str, int | Fraction] = dict.fromkeys(story.scenes, 0)
    unexplored: int | Fraction = 0
    for state, value in enumerate(mass.values):
        if not value:
            continue
        entries[keys[state][0]] += value
        if not exploration.expanded[state]:
            unexplored += value
    for state, ending in exploration.endings_at.items():
        endings[ending] += mass.values[state]
    visit = {scene: mass.exact(value) for scene, value in entries.items()}
    for scene in graph.reentered():
        visit[scene] = graph.hitting(scene)
    return Odds(
        policy=policy.name,
        endings={ending: mass.exact(value) for ending, value in endings.items()},
        never_ends=graph.never_ends(mass),
        unexplored=mass.exact(unexplored),
        scenes=visit,
        expected_entries={scene: mass.exact(value) for scene, value in entries.items()},
        state_mass=mass,
        edge_probability=probability,
    )


def _stuck_under(exploration: Exploration, edges: Sequence[range], probability: list[Fraction]) -> list[bool]:
    """States from which no ending can be reached through choices the policy can pick (or never explored)."""
    count = exploration.states
    sources: list[list[int]] = [[] for _ in range(count)]
    edge_to = exploration.edge_to
    for state, span in enumerate(edges):
        for index in span:
            if probability[index]:
                sources[edge_to[index]].append(state)
    can_end = [False] * count
    work = [state for state in exploration.endings_at] + [s for s in range(count) if not exploration.expanded[s]]
    for state in work:
        can_end[state] = True
    while work:
        state = work.pop()
        for source in sources[state]:
            if not can_end[source]:
                can_end[source] = True
                work.append(source)
    return [not value for value in can_end]


@dataclass
class Mass:
    """Per state, the expected number of entries in one play: `values[state] / scale` (scale 1: fractions)."""

    values: Sequence[int | Fraction]
    scale: int

    def exact(self, value: int | Fraction) -> Fraction:
        return Fraction(value, self.scale) if self.scale != 1 else Fraction(value)

    def of(self, state: int) -> Fraction:
        return self.exact(self.values[state])


Part = int | list[int]  # in an order to push values in: a state, or a strongly connected part with a cycle


class _Graph:
    """The explored graph as a Markov chain: an order to push values in, and the pushing."""

    def __init__(
        self, exploration: Exploration, edges: Sequence[range], probability: list[Fraction], stuck: list[bool]
    ) -> None:
        self.exploration = exploration
        self.edges = edges
        self.probability = probability
        self.stuck = stuck
        self.edge_to = exploration.edge_to
        # A state that cannot end, or was never expanded, passes nothing on.
        self.passes = [not stuck[state] and bool(exploration.expanded[state]) for state in range(exploration.states)]
        topological, with_cycles = self._order()
        # The order to push values in; `acyclic` is the same list where the graph has no cycle (states only).
        self.order: Sequence[Part] = topological if with_cycles is None else with_cycles
        self.acyclic: list[int] | None = topological if with_cycles is None else None
        self.scale = self._scale()

    def _order(self) -> tuple[list[int], list[Part] | None]:
        """The states in topological order, and where some are on a cycle (None if none is) the whole order: an
        int per state, a list per strongly connected part with a cycle."""
        count = self.exploration.states
        edge_to, edges, passes = self.edge_to, self.edges, self.passes
        incoming = [0] * count
        for state in range(count):
            if passes[state]:
                for index in edges[state]:
                    incoming[edge_to[index]] += 1
        ready = [state for state in range(count) if incoming[state] == 0]
        order: list[int] = []
        while ready:
            state = ready.pop()
            order.append(state)
            if passes[state]:
                for index in edges[state]:
                    target = edge_to[index]
                    incoming[target] -= 1
                    if incoming[target] == 0:
                        ready.append(target)
        if len(order) == count:
            return order, None
        placed = set(order)
        rest = [state for state in range(count) if state not in placed]
        inside = {
            state: [edge_to[index] for index in edges[state] if edge_to[index] not in placed] if passes[state] else []
            for state in rest
        }
        # Single states as ints (no list each: half a million of them), cyclic parts as lists.
        parts: list[Part] = [*order]
        parts.extend(part if len(part) > 1 else part[0] for part in _components(rest, inside))
        return order, parts

    def _scale(self) -> int | None:
        """A common denominator every value of the forward pass divides, or None (use fractions)."""
        if self.acyclic is None:
            return None
        base = 1
        for share in self.probability:
            if share.denominator != 1:
                base = math.lcm(base, share.denominator)
        if base == 1:
            return 1
        depth = [0] * self.exploration.states
        edge_to, edges, probability, passes = self.edge_to, self.edges, self.probability, self.passes
        deepest = 0
        for state in self.acyclic:
            if not passes[state]:
                continue
            here = depth[state] + (1 if len(edges[state]) > 1 else 0)
            deepest = max(deepest, here)
            for index in edges[state]:
                target = edge_to[index]
                if depth[target] < here:
                    depth[target] = here
        del probability
        return base**deepest

    def forward(self, start: dict[int, Fraction], absorbing: AbstractSet[int] = frozenset()) -> Mass:
        """Expected entries of every state, given what enters where (`start`); `absorbing` states pass nothing."""
        if self.scale is not None and self.acyclic is not None:
            found = self._forward_whole(self.acyclic, start, absorbing, self.scale)
            if found is not None:
                return Mass(found, self.scale)
        return Mass(self._forward_fractions(self.order, start, absorbing), 1)

    def _forward_whole(
        self, states: list[int], start: dict[int, Fraction], absorbing: AbstractSet[int], scale: int
    ) -> list[int] | None:
        count = self.exploration.states
        numerators = [0] * count
        for state, entering in start.items():
            scaled = entering * scale
            if scaled.denominator != 1:
                return None
            numerators[state] = scaled.numerator
        edge_to, edges, passes = self.edge_to, self.edges, self.passes
        shares = [(share.numerator, share.denominator) for share in self.probability]
        for state in states:
            value = numerators[state]
            if not value or not passes[state] or state in absorbing:
                continue
            for index in edges[state]:
                top, bottom = shares[index]
                if bottom == 1:
                    numerators[edge_to[index]] += value * top
                else:
                    moved, left = divmod(value * top, bottom)
                    if left:
                        return None
                    numerators[edge_to[index]] += moved
        return numerators

    def _forward_fractions(
        self, parts: Sequence[Part], start: dict[int, Fraction], absorbing: AbstractSet[int]
    ) -> list[Fraction]:
        mass = [ZERO] * self.exploration.states
        for state, value in start.items():
            mass[state] = value
        edge_to, edges, passes, probability = self.edge_to, self.edges, self.passes, self.probability
        for item in parts:
            part = item if isinstance(item, list) else [item]
            if len(part) > 1 or any(edge_to[index] == part[0] for index in edges[part[0]] if passes[part[0]]):
                _gauss(part, self._inside(part, absorbing), mass)
            own: AbstractSet[int] = set(part) if len(part) > 1 else frozenset()
            for state in part:
                value = mass[state]
                if not value or not passes[state] or state in absorbing:
                    continue
                for index in edges[state]:
                    target = edge_to[index]
                    if target == state or target in own:
                        continue
                    mass[target] += value * probability[index]
        return mass

    def _inside(self, part: list[int], absorbing: AbstractSet[int]) -> dict[int, list[tuple[int, Fraction]]]:
        members = set(part)
        edge_to, edges, passes, probability = self.edge_to, self.edges, self.passes, self.probability
        return {
            state: [(edge_to[index], probability[index]) for index in edges[state] if edge_to[index] in members]
            if passes[state] and state not in absorbing
            else []
            for state in part
        }

    def never_ends(self, mass: Mass) -> Fraction:
        """What enters states from which no ending can be reached (it never leaves them)."""
        stuck, edge_to, probability = self.stuck, self.edge_to, self.probability
        total = mass.of(0) if stuck[0] else ZERO
        for state, value in enumerate(mass.values):
            if value and self.passes[state] and any(stuck[edge_to[index]] for index in self.edges[state]):
                for index in self.edges[state]:
                    if stuck[edge_to[index]]:
                        total += mass.exact(value) * probability[index]
        return total

    def reentered(self) -> list[str]:
        """The scenes some play enters twice (or more): their expected entries are not a probability."""
        keys = self.exploration.keys
        topo = self.exploration.tracking.topo
        story = self.exploration.story
        looping = _looping_scenes(self.exploration)
        if not looping:
            return []
        bit = {scene: 1 << number for number, scene in enumerate(sorted(looping, key=topo.__getitem__))}
        ahead = [0] * self.exploration.states  # per state: the looping scenes some play enters after it
        found = 0
        edge_to, edges, passes = self.edge_to, self.edges, self.passes
        for item in reversed(self.order):
            part = item if isinstance(item, list) else (item,)
            mask = 0
            for state in part:
                if passes[state]:
                    for index in edges[state]:
                        target = edge_to[index]
                        mask |= ahead[target] | bit.get(keys[target][0], 0)
            for state in part:
                ahead[state] = mask
                found |= mask & bit.get(keys[state][0], 0)
        return [scene for scene in story.scenes if bit.get(scene, 0) & found]

    def hitting(self, scene: str) -> Fraction:
        """The probability of entering a scene at least once: its states made absorbing, the mass there summed."""
        keys = self.exploration.keys
        absorbing = frozenset(state for state in range(self.exploration.states) if keys[state][0] == scene)
        mass = self.forward({0: ONE}, absorbing)
        return mass.exact(sum(mass.values[state] for state in absorbing))


def _looping_scenes(exploration: Exploration) -> set[str]:
    """Scenes that can lead back to themselves through the scene graph (a loop of several scenes, or one)."""
    from game.tester.analysis import scene_successors

    topo = exploration.tracking.topo
    counts: dict[int, int] = defaultdict(int)
    for position in topo.values():
        counts[position] += 1
    story = exploration.story
    return {
        scene.id
        for scene in story.scenes.values()
        if counts[topo[scene.id]] > 1 or scene.id in scene_successors(story, scene)
    }


def _gauss(part: list[int], inside: dict[int, list[tuple[int, Fraction]]], mass: list[Fraction]) -> None:
    """Solve x = b + x·Q restricted to one strongly connected part; b is what `mass` holds for it now."""
    index = {state: number for number, state in enumerate(part)}
    size = len(part)
    rows = [[ZERO] * size + [mass[state]] for state in part]  # (I - Q^T) x = b
    for number in range(size):
        rows[number][number] = ONE
    for source in part:
        for target, share in inside[source]:
            rows[index[target]][index[source]] -= share
    for column in range(size):
        pivot = next(row for row in range(column, size) if rows[row][column] != 0)
        rows[column], rows[pivot] = rows[pivot], rows[column]
        lead = rows[column][column]
        if lead != 1:
            rows[column] = [value / lead for value in rows[column]]
        for row in range(size):
            if row != column and rows[row][column] != 0:
                factor = rows[row][column]
                rows[row] = [value - factor * pivot_value for value, pivot_value in zip(rows[row], rows[column])]
    for number, state in enumerate(part):
        mass[state] = rows[number][size]


def _components(group: list[int], inside: dict[int, list[int]]) -> list[list[int]]:
    """Strongly connected parts of a graph, in topological order."""
    return strongly_connected(group, inside.__getitem__)[::-1]
