"""The story map: every scene and ending, and every way between them, drawn through `transitions`' diagrams.

The engine already holds the whole story as one `transitions` machine (`story.machine.machine`): scenes and
`ending:ID` states, with triggers for choices, `next`, fallbacks, mid-scene `goto`s and endings. This module copies
that machine's states and transitions into a `GraphMachine`, labelling each edge from the story (the choice's text,
its condition, its `set`/`add`, `once`; the conditions a `goto` sits under) and each state with its title, and lets
`transitions` draw it: the Mermaid engine (`stateDiagram-v2`, no Graphviz needed) or the Graphviz engine (DOT,
through the `graphviz` Python package, which only writes text; rendering it needs Graphviz's `dot`).

Two small subclasses of `transitions`' graph classes group the scenes by chapter (Mermaid composite states, DOT
clusters) and mark the endings (DOT: a cluster of double octagons; Mermaid: an arrow to the end marker `[*]`) and
the start (Mermaid's `[*] -->`; DOT: a double border).
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from typing import ClassVar, Literal

from transitions import State
from transitions.extensions.diagrams import GraphMachine
from transitions.extensions.diagrams_mermaid import Graph as MermaidGraph

from game.expressions import CompiledExpr, Not, unparse
from game.machine import FALLBACK, FINISH, NEXT, choice_trigger
from game.model import Assignment, Beat, Choice, GotoBeat, IfBeat, Scene, Story

Format = Literal["mermaid", "dot"]

ENDING_PREFIX = "END_"  # ending states are named END_id: ids are lower case, so this never meets a scene id
CHOICE_TEXT_CHARS = 36
AFTER_CALL = "after_call"  # the map's own edge from a calling scene to where its sub-scene's `return` comes back


class GraphError(Exception):
    """The map cannot be drawn as asked (an unknown chapter, the graphviz package missing for DOT)."""


# Labels ------------------------------------------------------------------------------------------------------------


def _condition(expr: CompiledExpr) -> str:
    return unparse(expr.tree)


def _effects(sets: tuple[Assignment, ...], adds: tuple[Assignment, ...]) -> list[str]:
    parts = []
    for change in sets:
        value = change.value
        if change.expression is not None:
            shown = _condition(change.expression)
        else:
            shown = ("true" if value else "false") if isinstance(value, bool) else str(value)
        parts.append(f"set {change.variable} = {shown}")
    for change in adds:
        if change.expression is not None:
            parts.append(f"add {change.variable} + ({_condition(change.expression)})")
            continue
        amount = change.value
        assert isinstance(amount, int)  # the loader accepts only a whole number to add
        parts.append(f"add {change.variable} {'+' if amount >= 0 else '-'}{abs(amount)}")
    return parts


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= CHOICE_TEXT_CHARS else text[: CHOICE_TEXT_CHARS - 1].rstrip() + "…"


def choice_label(choice: Choice) -> str:
    parts = ["fallback"] if choice.fallback else [f"“{_short(choice.text or '')}”"]
    if choice.condition is not None:
        parts.append(f"if {_condition(choice.condition)}")
        if choice.locked is not None:
            parts.append("else locked")
    parts += _effects(choice.sets, choice.adds)
    if choice.once:
        parts.append("once")
    return " · ".join(parts)


def goto_conditions(scene: Scene, target: str) -> list[str]:
    """For each `goto target` in a scene, the conditions it sits under ('' for one that is not under any `if`)."""
    found: list[str] = []

    def walk(beats: tuple[Beat, ...], path: tuple[str, ...]) -> None:
        for beat in beats:
            if isinstance(beat, GotoBeat) and beat.target == target:
                found.append(" and ".join(path))
            elif isinstance(beat, IfBeat):
                tree = beat.condition.tree
                walk(beat.then, (*path, unparse(tree)))
                walk(beat.otherwise, (*path, unparse(Not(tree, tree.offset, tree.end, "bool"))))

    walk(scene.beats, ())
    return found


def goto_label(scene: Scene, target: str) -> str:
    paths = goto_conditions(scene, target)
    if not paths or "" in paths:
        return "goto"
    if len(paths) == 1:
        return f"goto if {paths[0]}"
    return "goto if " + " or ".join(f"({p})" if " " in p else p for p in paths)


def edge_label(story: Story, source: str, trigger: str, dest: str) -> str:
    """What takes the engine's transition `trigger` from scene `source` to `dest`, in the story's own words."""
    scene = story.scenes[source]
    if trigger == NEXT:
        return "call" if scene.returns_to is not None else "next"
    if trigger == AFTER_CALL:
        return "after the call returns"
    if trigger == FINISH:
        return "ending"
    for choice in scene.choices:
        if trigger == (FALLBACK if choice.fallback else choice_trigger(choice.index)):
            return choice_label(choice)
    if dest in story.programs[source].goto_targets:
        return goto_label(scene, dest)
    return trigger


# transitions' graph classes, grouped by chapter -------------------------------------------------------------------


class _MapState(State):
    """A state with the title shown on the map (transitions' markup reads `label`)."""

    def __init__(self, name: str, label: str, final: bool = False) -> None:
        super().__init__(name, final=final)
        self.label = label


_MERMAID_UNSAFE = {
    "<=": "≤",
    ">=": "≥",
    "!=": "≠",
    "<": "＜",
    ">": "＞",
    '"': "'",
    ";": ",",
    "{": "(",
    "}": ")",
    "#": "＃",
    "%": "％",
    ":": "：",
    "\n": " ",
}
_MERMAID_PATTERN = re.compile("|".join(re.escape(k) for k in sorted(_MERMAID_UNSAFE, key=len, reverse=True)))


def mermaid_text(text: str) -> str:
    """Text made safe inside a Mermaid label (no character Mermaid would read as syntax)."""
    return _MERMAID_PATTERN.sub(lambda m: _MERMAID_UNSAFE[m.group(0)], text)


def _grouped(machine: StoryMapMachine, states: list[dict]) -> list[tuple[str | None, list[dict]]]:
    groups: dict[str | None, list[dict]] = {}
    for state in states:
        groups.setdefault(machine.group_of.get(state["name"]), []).append(state)
    order = [name for name in machine.group_order if name in groups]
    return [(name, groups[name]) for name in order] + ([(None, groups[None])] if None in groups else [])


class _MermaidMap(MermaidGraph):
    def _convert_state_attributes(self, state: dict) -> str:
        label = state.get("label", state["name"])
        return mermaid_text(label if state.get("final") else f"{label} ({state['name']})")

    def _transition_label(self, tran: dict) -> str:
        return mermaid_text(super()._transition_label(tran))

    def _add_nodes(self, states: list[dict], container: list[str]) -> None:
        machine: StoryMapMachine = self.machine  # type: ignore[assignment]
        for group, members in _grouped(machine, states):
            if group is None:
                super()._add_nodes(members, container)
                continue
            container.append(f"state {machine.group_ids[group]} {{")
            super()._add_nodes(members, container)
            container.append("}")
        for state in states:
            if state.get("final"):
                container.append(f"{state['name']} --> [*]")


def _dot_map_class():
    from transitions.extensions.diagrams_graphviz import Graph as DotGraph
    from transitions.extensions.diagrams_graphviz import pgv  # type: ignore[attr-defined]  # set on import, unstubbed

    if pgv is None:
        raise GraphError("DOT output needs the 'graphviz' Python package: pip install graphviz")

    class _DotMap(DotGraph):
        def _convert_state_attributes(self, state: dict) -> str:
            label = _dot_text(state.get("label", state["name"]))
            return label if state.get("final") else f"{label}\\n{state['name']}"

        def _transition_label(self, tran: dict) -> str:
            return _dot_text(super()._transition_label(tran))

        def _add_nodes(self, states: list[dict], container) -> None:
            machine: StoryMapMachine = self.machine  # type: ignore[assignment]
            for number, (group, members) in enumerate(_grouped(machine, states)):
                if group is None:
                    super()._add_nodes(members, container)
                    continue
                with container.subgraph(name=f"cluster_{number}") as cluster:
                    cluster.attr(label=_dot_text(group), style="rounded,dashed", color="#8a7a70", fontcolor="#4a3a34")
                    super()._add_nodes(members, cluster)

    return _DotMap


def _dot_text(text: str) -> str:
    return text.replace("\\", "/")


_STYLES = {
    "start": {"fillcolor": "#dcecfa", "color": "#1e6fb8", "peripheries": "2"},
    "ending": {"fillcolor": "#fbe3ea", "color": "#b0406a", "shape": "doubleoctagon", "peripheries": "1"},
    "elsewhere": {"fillcolor": "#f2f0ee", "color": "#9a8f88", "style": "rounded,dashed,filled", "peripheries": "1"},
}


class StoryMapMachine(GraphMachine):
    """A `GraphMachine` whose diagrams group states by chapter (see `_MermaidMap`, `_DotMap`)."""

    # transitions' stubs declare these two as instance variables, but GraphMachine reads them from the class.
    machine_attributes: ClassVar[dict] = {**GraphMachine.machine_attributes, "rankdir": "TB"}  # type: ignore[misc]
    style_attributes: ClassVar[dict] = copy.deepcopy(GraphMachine.style_attributes)  # type: ignore[misc]
    style_attributes["node"].update(_STYLES)

    def __init__(self, group_of: dict[str, str], group_order: list[str], **kwargs) -> None:
        self.group_of = group_of
        self.group_order = group_order
        self.group_ids = _group_ids(group_order)
        super().__init__(**kwargs)

    def _init_graphviz_engine(self, graph_engine: str):
        return _dot_map_class() if graph_engine == "graphviz" else _MermaidMap


def _group_ids(names: list[str]) -> dict[str, str]:
    """Mermaid ids for chapter groups: the name's letters and digits, capitalised (ids of states are lower case)."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        base = re.sub(r"\W+", "_", name, flags=re.ASCII).strip("_") or "Chapter"
        base = base[0].upper() + base[1:] if base[0].isalpha() else f"Chapter_{base}"
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}_{number}", number + 1
        taken.add(candidate)
        ids[name] = candidate
    return ids


# Building the map ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoryMap:
    text: str  # the Mermaid or DOT source
    states: tuple[str, ...]  # every state drawn (scene ids, and END_id for endings)


def ending_node(ending_id: str) -> str:
    return ENDING_PREFIX + ending_id


def build_map(story: Story, fmt: Format = "mermaid", chapter: str | None = None) -> StoryMap:
    """Draw the story (or one chapter, with the scenes and endings it leads to or comes from) as Mermaid or DOT."""
    engine_machine = story.machine.machine
    edges: list[tuple[str, str, str]] = []  # (trigger, source, dest) with endings renamed
    for trigger, event in engine_machine.events.items():
        for source, transitions in event.transitions.items():
            for transition in transitions:
                dest = transition.dest
                assert dest is not None  # the engine's machine has no internal transitions: each leads somewhere
                if dest.startswith("ending:"):
                    dest = ending_node(dest.removeprefix("ending:"))
                edges.append((trigger, source, dest))
    # A call is the calling scene's `next` (drawn "call"); the way back is not a transition of the machine (where
    # a `return` goes depends on the calls waiting), so the map draws it from the caller to the lines after it.
    edges += [(AFTER_CALL, scene.id, scene.returns_to) for scene in story.scenes.values() if scene.returns_to]
    chapters = [c.name for c in story.chapters]
    if chapter is not None and chapter not in chapters:
        from game.problems import did_you_mean

        hint = did_you_mean(chapter, chapters) or "the chapters are " + ", ".join(chapters)
        raise GraphError(f"there is no chapter '{chapter}' ({hint})")
    inside = {s for s, scene in story.scenes.items() if chapter is None or scene.chapter == chapter}
    if chapter is not None:
        edges = [e for e in edges if e[1] in inside or e[2] in inside]
    shown_endings = {e[2] for e in edges if e[2].startswith(ENDING_PREFIX)}
    shown_scenes = [s for s in story.scenes if s in inside or any(s in (e[1], e[2]) for e in edges)]

    group_of = {s: story.scenes[s].chapter for s in shown_scenes}
    endings_group = "Endings"
    states = [_MapState(s, story.scenes[s].title) for s in shown_scenes]
    for ending_id, ending in story.endings.items():
        node = ending_node(ending_id)
        if chapter is None or node in shown_endings:
            states.append(_MapState(node, f"Ending — {ending.title}", final=True))
            if fmt == "dot":
                group_of[node] = endings_group
    order = chapters + ([endings_group] if fmt == "dot" else [])
    initial = story.start if story.start in shown_scenes else None
    machine = StoryMapMachine(
        group_of,
        order,
        model=None,
        states=states,
        initial=initial,
        auto_transitions=False,
        graph_engine="graphviz" if fmt == "dot" else "mermaid",
        title=story.title,
        show_conditions=False,
    )
    for trigger, source, dest in edges:
        machine.add_transition(trigger, source, dest, label=edge_label(story, source, trigger, dest))
    graph = machine.graph_cls(machine)
    if initial is not None:
        graph.set_node_style(initial, "start")
    for state in states:
        if state.final:
            graph.set_node_style(state.name, "ending")
        elif state.name not in inside:
            graph.set_node_style(state.name, "elsewhere")
    title = story.title if fmt == "dot" else f"title: {json.dumps(story.title, ensure_ascii=False)}"
    drawn = graph.get_graph(title=title)
    text: str = drawn.source  # type: ignore[attr-defined]  # both back ends' graphs have it; the protocol omits it
    return StoryMap(text, tuple(state.name for state in states))
