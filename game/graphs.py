"""Strongly connected parts of a directed graph, the one place the engine's tools find loops.

The linter asks which scenes lie on a loop, the tester's exact odds solve each loop of states on its own, and the
tester's horizons number the scenes in topological order; all need the same iterative Tarjan (iterative, since a
story's graphs are deeper than Python's recursion limit).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

Node = TypeVar("Node", bound=Hashable)


def strongly_connected(nodes: Iterable[Node], successors: Callable[[Node], Sequence[Node]]) -> list[list[Node]]:
    """The strongly connected parts reachable from `nodes`, each part after every part it leads to (sinks first)."""
    order: dict[Node, int] = {}
    low: dict[Node, int] = {}
    on_stack: set[Node] = set()
    stack: list[Node] = []
    found: list[list[Node]] = []
    counter = 0
    for root in nodes:
        if root in order:
            continue
        work = [(root, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                order[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            following = successors(node)
            if position < len(following):
                work.append((node, position + 1))
                target = following[position]
                if target not in order:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], order[target])
                continue
            if low[node] == order[node]:
                part = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    part.append(member)
                    if member == node:
                        break
                found.append(part)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found


def topological_numbers(nodes: Iterable[Node], successors: Callable[[Node], Sequence[Node]]) -> dict[Node, int]:
    """Each node's strongly connected part, numbered so that a node reachable from another never comes earlier
    (the nodes of one loop share a number; sources get the lowest)."""
    parts = strongly_connected(nodes, successors)
    return {member: len(parts) - 1 - number for number, part in enumerate(parts) for member in part}
