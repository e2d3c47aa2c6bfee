"""game/graphs.py: the one Tarjan the linter and the tester share, and its topological numbering."""

from __future__ import annotations

from game.graphs import strongly_connected, topological_numbers

GRAPH = {"a": ["b"], "b": ["c", "d"], "c": ["b"], "d": ["e"], "e": []}


def test_parts_come_sinks_first_and_a_loop_is_one_part() -> None:
    parts = strongly_connected(GRAPH, GRAPH.__getitem__)
    assert [sorted(p) for p in parts] == [["e"], ["d"], ["b", "c"], ["a"]]


def test_numbers_never_decrease_along_an_edge_and_a_loop_shares_one() -> None:
    numbers = topological_numbers(GRAPH, GRAPH.__getitem__)
    assert numbers["b"] == numbers["c"]
    for node, targets in GRAPH.items():
        for target in targets:
            assert numbers[target] >= numbers[node]
    assert numbers["a"] == 0 and numbers["e"] == 3


def test_a_deep_chain_needs_no_recursion() -> None:
    chain = {i: [i + 1] for i in range(20_000)} | {20_000: []}
    numbers = topological_numbers(chain, chain.__getitem__)
    assert numbers[0] == 0 and numbers[20_000] == 20_000
