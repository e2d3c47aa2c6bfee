"""Cosmetic choices, proven: a bisimulation of the explored graph over what a player can observe.

Each explored state gets a *label*: what a player sees from entering its scene to leaving it (the scene's title,
chapter, background and music; every line and stage change shown, with an `if` that only picks lines recorded as
itself, not its outcome; the menu as shown, locked choices and their reasons included; the ending), and each edge
a label: the choice's text. Two states are *equivalent* when their labels are the same and each way out of one is
matched by a way out of the other with the same label into equivalent states (the coarsest bisimulation). A choice
whose outcome is equivalent to a sibling's changes nothing a player will ever see: it is cosmetic.

The explorer's value classes merge values that only line-picking `if`s tell apart, so those `if`s cannot be
evaluated on a stored state. They stay sound here because their outcome is carried instead of evaluated: every
write to a variable such an `if` reads (its value or amount, on a choice's edge or in a scene) and every entry to a
scene whose visits such an `if` reads is part of the labels, so along matched paths those values are equal and the
`if`s show the same lines.

On an acyclic explored graph (the common case: every loop makes progress) the bisimulation is one bottom-up pass in
reverse topological order, linear in the edges; with cycles it is Paige and Tarjan's partition refinement, in
O(m log n) (`bisimulation`).
For each choice that is not cosmetic, the depth at which its outcome first differs observably from the nearest
sibling's says where its consequence first shows: in the next scene, n scenes later, or only at the ending (the
latest over the first MEASURED_SITUATIONS states that offer it, those reached with the fewest choices first).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass

from game.expressions import clamp
from game.inline_text import inline_expressions
from game.machine import choice_is_available, choice_is_shown
from game.model import Beat, EffectBeat, GotoBeat, IfBeat, Location, StageBeat, Story, TextBeat
from game.tester.analysis import deciding
from game.tester.bisimulation import coarsest_bisimulation
from game.tester.explore import Exploration
from game.tester.graph import EndingMasks
from game.tester.odds import out_edges
from game.wording import plural

MEASURED_SITUATIONS = 64  # per choice: the states (fewest choices first) whose consequence depth is measured


@dataclass
class ChoiceFinding:
    scene: str
    index: int  # 0-based, in the scene's list of choices
    text: str
    where: Location
    first_shows: str = ""  # for consequences: "next scene", "N scenes later", "only at the ending"
    scenes_later: int = 0

    def to_json(self) -> dict:
        data: dict = {"scene": self.scene, "choice": self.index, "file": self.where.file, "line": self.where.line}
        if self.first_shows:
            data["first_shows"] = self.first_shows
        return data


def choice_findings(exploration: Exploration, masks: EndingMasks | None = None, edges: Sequence[range] | None = None):
    """(cosmetic choices, consequences of the others): choices marked `flavor: true` are in neither."""
    story = exploration.story
    edges = edges if edges is not None else out_edges(exploration)
    labels = _Labels(story)
    state_labels = [labels.state(exploration, state) for state in range(exploration.states)]
    edge_labels = [labels.edge(story, exploration.keys[source][0], how) for source, how in _sources(exploration)]
    masks = masks or EndingMasks(exploration)
    blocks = _bisimulation(exploration, edges, state_labels, edge_labels, masks)
    keys = exploration.keys
    via, edge_to = exploration.edge_via, exploration.edge_to
    always_cosmetic: dict[tuple[str, int], bool] = {}
    depth: dict[tuple[str, int], tuple[int, bool]] = {}
    measured: dict[tuple[str, int], int] = {}
    distance = _Distance(exploration, edges, state_labels, edge_labels, blocks)
    for state, span in enumerate(edges):
        if len(span) < 2:
            continue
        scene = keys[state][0]
        outcomes = [(edge_labels[index][1], blocks[edge_to[index]]) for index in span]
        for position, index in enumerate(span):
            item = (scene, via[index])
            same = any(outcomes[other] == outcomes[position] for other in range(len(span)) if other != position)
            always_cosmetic[item] = always_cosmetic.get(item, True) and same
            if not same and measured.get(item, 0) < MEASURED_SITUATIONS:
                measured[item] = measured.get(item, 0) + 1
                nearest = min(
                    distance.between(edge_to[index], edge_to[other_index])
                    for other_index in span
                    if outcomes[span.index(other_index)] != outcomes[position]
                )
                known = depth.get(item)
                if known is None or nearest[0] > known[0]:
                    depth[item] = nearest
    cosmetic, consequences = [], []
    for (scene_id, index), is_cosmetic in sorted(always_cosmetic.items(), key=lambda item: _order(story, item[0])):
        choice = story.scenes[scene_id].choices[index]
        if choice.flavor or choice.fallback:
            continue
        finding = ChoiceFinding(scene_id, index, choice.text or "", choice.where)
        if is_cosmetic:
            cosmetic.append(finding)
        else:
            later, at_ending = depth[(scene_id, index)]
            finding.scenes_later = later
            if at_ending:
                finding.first_shows = "only at the ending"
            elif later == 0:
                finding.first_shows = "next scene"
            else:
                finding.first_shows = f"{plural(later, 'scene')} later"
            consequences.append(finding)
    return cosmetic, consequences


def _order(story: Story, item: tuple[str, int]) -> tuple[int, int]:
    return (story.scenes[item[0]].order, item[1])


def _sources(exploration: Exploration):
    return zip(exploration.edge_from, exploration.edge_via)


class _Labels:
    """What a player observes in a state, and on an edge, as hashable values (interned per scene where possible)."""

    def __init__(self, story: Story) -> None:
        self.story = story
        watched: set[str] = set()
        watched_visits: set[str] = set()
        self.line_ifs: dict[int, tuple] = {}  # id of each line-picking `if` -> how it is observed
        computed: dict[str, set[str]] = {}  # variable -> what the expressions written into it read
        for scene in story.scenes.values():
            for beat in _all_beats(scene.beats):
                if isinstance(beat, IfBeat) and not deciding(beat):
                    watched |= beat.condition.reads
                    watched_visits |= beat.condition.visits_read
                    self.line_ifs[id(beat)] = (
                        "if",
                        beat.condition.source,
                        _signature(beat.then),
                        _signature(beat.otherwise),
                    )
                elif isinstance(beat, EffectBeat):
                    for change in beat.changes:
                        if change.expression is not None:
                            computed.setdefault(change.variable, set()).update(change.expression.reads)
                            watched_visits |= change.expression.visits_read
            # Text with braces shows values, like a line-picking `if`: what it reads is watched too.
            for expression in _shown_expressions(scene):
                watched |= expression.reads
                watched_visits |= expression.visits_read
            for choice in scene.choices:
                for change in (*choice.sets, *choice.adds):
                    if change.expression is not None:
                        computed.setdefault(change.variable, set()).update(change.expression.reads)
                        watched_visits |= change.expression.visits_read
        # A watched variable written from an expression is equal along matched paths only if what the expression
        # reads is: those are watched too (every write to them labelled), to a fixpoint.
        pending = list(watched)
        while pending:
            for name in computed.get(pending.pop(), ()):
                if name not in watched:
                    watched.add(name)
                    pending.append(name)
        self.watched = watched
        self.watched_visits = watched_visits
        self.fixed: dict[str, tuple | None] = {}
        self.interned: dict[tuple, tuple] = {}  # one copy of each label
        self.edge_cache: dict[tuple[str, int], tuple] = {}

    def edge(self, story: Story, scene_id: str, how: int) -> tuple:
        """(what the player picked, the writes it makes to watched variables)."""
        key = (scene_id, how)
        found = self.edge_cache.get(key)
        if found is None:
            if how < 0:
                found = ("go on", ())
            else:
                choice = story.scenes[scene_id].choices[how]
                writes = tuple(
                    (kind, change.variable, _written(change))
                    for kind, changes in (("set", choice.sets), ("add", choice.adds))
                    for change in changes
                    if change.variable in self.watched
                )
                found = ("fallback" if choice.fallback else choice.text, writes)
            self.edge_cache[key] = found
        return found

    def state(self, exploration: Exploration, state_id: int) -> tuple:
        scene_id = exploration.keys[state_id][0]
        scene = self.story.scenes[scene_id]
        if scene_id not in self.fixed:
            self.fixed[scene_id] = self._fixed(scene) if not self._varies(scene) else None
        fixed = self.fixed[scene_id]
        if fixed is not None:
            return fixed
        play = exploration.play_state(state_id)
        found = self._observe(scene, play.variables, play.visits, play)
        return self.interned.setdefault(found, found)

    def _varies(self, scene) -> bool:
        """Whether the scene's label can depend on the state: a deciding `if`, or a menu with conditions."""
        if any(isinstance(beat, IfBeat) and deciding(beat) for beat in _all_beats(scene.beats)):
            return True
        return any(choice.condition is not None or choice.once for choice in scene.choices)

    def _fixed(self, scene) -> tuple:
        return self._observe(scene, {}, {}, None)

    def _observe(self, scene, variables: dict, visits: dict, play) -> tuple:
        seen: list = [("scene", scene.title, scene.chapter, scene.background, scene.music)]
        if scene.id in self.watched_visits:
            seen.append(("entered", scene.id))
        stayed = self._beats(scene.beats, variables, visits, seen)
        if stayed and scene.ending is None and scene.next is None and not scene.returns:
            menu = []
            for choice in scene.choices:
                if choice.fallback:
                    continue
                if play is None:
                    menu.append((choice.text, True, None))
                elif choice_is_shown(choice, play):
                    available = choice_is_available(choice, play)
                    menu.append((choice.text, available, None if available else choice.locked))
            seen.append(("menu", tuple(menu)))
        elif stayed and scene.ending is not None:
            seen.append(("ending", scene.ending))
        return tuple(seen)

    def _beats(self, beats: tuple[Beat, ...], variables: dict, visits: dict, seen: list) -> bool:
        """Observe beats in order; False once a `goto` leaves the scene."""
        for beat in beats:
            shown = _shown(beat)
            if shown is not None:
                seen.append(shown)
            elif isinstance(beat, IfBeat):
                observed = self.line_ifs.get(id(beat))
                if observed is None:  # a deciding `if`: what it shows depends on its answer
                    taken = beat.then if beat.condition.fn(variables, visits) else beat.otherwise
                    if not self._beats(taken, variables, visits, seen):
                        return False
                else:
                    seen.append(observed)
            elif isinstance(beat, EffectBeat):
                for change in beat.changes:
                    name = change.variable
                    written: object = change.value
                    if name in variables and change.expression is not None:
                        written = change.expression.fn(variables, visits)
                    if name not in variables:
                        pass  # a scene whose label is fixed: no deciding `if` reads what it writes
                    elif beat.op == "set":
                        variables[name] = written
                    else:
                        declared = self.story.variables[name].type
                        variables[name] = clamp(variables[name] + written, declared.minimum, declared.maximum)
                    if name in self.watched:
                        seen.append((beat.op, name, _written(change)))
            elif isinstance(beat, GotoBeat):
                return False  # where it leads shows in the next state
        return True


def _written(change) -> object:
    """What a write is labelled with: its literal, or the text of its expression (equal along matched paths, as
    everything it reads is watched)."""
    return change.value if change.expression is None else ("expression", change.expression.source)


def _shown_expressions(scene):
    """The expressions inside the braces of a scene's lines and of its choices' texts."""
    for beat in _all_beats(scene.beats):
        if isinstance(beat, TextBeat) and beat.inline is not None:
            yield from inline_expressions(beat.inline.parts)
    for choice in scene.choices:
        for inline in (choice.text_inline, choice.locked_inline):
            if inline is not None:
                yield from inline_expressions(inline.parts)


def _shown(beat: Beat) -> tuple | None:
    """What a line or a stage change shows, as a value; None for any other beat."""
    if isinstance(beat, TextBeat):
        return ("line", beat.kind, beat.speaker, beat.text, beat.expression)
    if isinstance(beat, StageBeat):
        return ("stage", beat.action, beat.who, beat.expression, beat.at, beat.asset, beat.outfit)
    return None


def _signature(beats: tuple[Beat, ...]) -> tuple:
    """What a line-picking branch would show, as a value (it has no effects and no `goto`)."""
    found: list = []
    for beat in beats:
        shown = _shown(beat)
        if shown is not None:
            found.append(shown)
        elif isinstance(beat, IfBeat):
            found.append(("if", beat.condition.source, _signature(beat.then), _signature(beat.otherwise)))
    return tuple(found)


def _all_beats(beats: tuple[Beat, ...]):
    for beat in beats:
        yield beat
        if isinstance(beat, IfBeat):
            yield from _all_beats(beat.then)
            yield from _all_beats(beat.otherwise)


def _bisimulation(exploration: Exploration, edges, state_labels: list, edge_labels: list, masks) -> list[int]:
    """Block number per state: equal numbers for equivalent states (the coarsest bisimulation)."""
    edge_to = exploration.edge_to
    count = exploration.states
    order = _reverse_topological(count, edges, masks)
    if order is not None:
        blocks = [0] * count
        signatures: dict[tuple, int] = {}
        label_ids: dict[tuple, int] = {}
        edge_ids: dict[tuple, int] = {}
        state_ids = [label_ids.setdefault(label, len(label_ids)) for label in state_labels]
        edge_label_ids = [edge_ids.setdefault(label, len(edge_ids)) for label in edge_labels]
        for state in order:
            span = edges[state]
            if len(span) == 1:
                index = span[0]
                signature: tuple = (state_ids[state], edge_label_ids[index], blocks[edge_to[index]])
            else:
                outcomes = frozenset((edge_label_ids[index], blocks[edge_to[index]]) for index in span)
                if len(outcomes) == 1:  # several ways out to the same place look like one
                    signature = (state_ids[state], *next(iter(outcomes)))
                else:
                    signature = (state_ids[state], outcomes)
            blocks[state] = signatures.setdefault(signature, len(signatures))
        return blocks
    edge_from = exploration.edge_from
    return coarsest_bisimulation(
        state_labels, [(edge_from[index], edge_labels[index], edge_to[index]) for index in range(len(edge_to))]
    )


def _reverse_topological(count: int, edges, masks: EndingMasks) -> list[int] | None:
    """States with every successor before them, or None when the graph has a cycle (predecessors from `masks`)."""
    waiting = [len(span) for span in edges]
    starts, sources = masks.pred_starts, masks.pred_sources
    ready = [state for state in range(count) if waiting[state] == 0]
    order = []
    while ready:
        state = ready.pop()
        order.append(state)
        for position in range(starts[state], starts[state + 1]):
            source = sources[position]
            waiting[source] -= 1
            if waiting[source] == 0:
                ready.append(source)
    return order if len(order) == count else None


class _Distance:
    """How many scenes after two non-equivalent states the first observable difference comes (memoized on blocks)."""

    def __init__(self, exploration: Exploration, edges, state_labels, edge_labels, blocks) -> None:
        self.exploration = exploration
        self.edges = edges
        self.state_labels = state_labels
        self.edge_labels = edge_labels
        self.blocks = blocks
        self.memo: dict[tuple[int, int], tuple[int, bool]] = {}
        sys.setrecursionlimit(max(sys.getrecursionlimit(), 20_000))

    def between(self, first: int, second: int) -> tuple[int, bool]:
        """(scenes before the difference shows, whether it shows only as a different ending)."""
        blocks = self.blocks
        key = (blocks[first], blocks[second])
        found = self.memo.get(key)
        if found is not None:
            return found
        self.memo[key] = (0, False)  # a cycle back to this pair: the difference shows no later than here
        first_label, second_label = self.state_labels[first], self.state_labels[second]
        if first_label != second_label:
            endings = first_label[-1][0] == "ending" and second_label[-1][0] == "ending"
            found = (0, endings and first_label[:-1] == second_label[:-1])
        else:
            edge_to, edge_labels = self.exploration.edge_to, self.edge_labels
            theirs = {edge_labels[index]: edge_to[index] for index in self.edges[second]}
            options = []
            for index in self.edges[first]:
                other = theirs.get(edge_labels[index])
                if other is None:
                    options.append((0, False))
                elif blocks[other] != blocks[edge_to[index]]:
                    later, at_ending = self.between(edge_to[index], other)
                    options.append((later + 1, at_ending))
            found = min(options) if options else (0, False)
        self.memo[key] = found
        return found
