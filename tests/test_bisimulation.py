"""The O(m log n) bisimulation (Paige-Tarjan) gives exactly the partition of refining signatures until stable, on
random labelled graphs with loops and on the explored graphs of random stories (where the cosmetic measure takes a
linear pass when the graph has no loop)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_tester_soundness import MANIFEST, generated_story, stories

from game.tester.bisimulation import coarsest_bisimulation, naive_bisimulation
from game.tester.cosmetic import _bisimulation, _Labels, _sources
from game.tester.explore import explore
from game.tester.graph import EndingMasks
from game.tester.odds import out_edges


@st.composite
def labelled_graphs(draw) -> tuple[list[str], list[tuple[int, str, int]]]:
    """Random graphs with loops, few labels (so that many states look alike), several edges per label allowed."""
    count = draw(st.integers(1, 40))
    labels = draw(st.lists(st.sampled_from("ab"), min_size=count, max_size=count))
    edge = st.tuples(st.integers(0, count - 1), st.sampled_from("xyz"), st.integers(0, count - 1))
    edges = draw(st.lists(edge, max_size=3 * count))
    return labels, edges


@settings(max_examples=400, deadline=None)
@given(labelled_graphs())
def test_the_same_partition_as_naive_refinement(graph):
    labels, edges = graph
    expected = naive_bisimulation(labels, edges)
    assert coarsest_bisimulation(labels, edges, quick_rounds=0) == expected  # Paige-Tarjan from the labels
    assert coarsest_bisimulation(labels, edges, quick_rounds=1) == expected  # from the partition after a round
    assert coarsest_bisimulation(labels, edges) == expected


def test_a_ring_with_one_marked_state_splits_into_every_distance():
    # Naive refinement needs a round per state here; every state is at its own distance from the marked one.
    size = 50
    labels = ["marked", *["plain"] * (size - 1)]
    edges = [(state, "go", (state + 1) % size) for state in range(size)]
    assert coarsest_bisimulation(labels, edges) == list(range(size))
    assert coarsest_bisimulation(labels, edges, quick_rounds=0) == list(range(size))


def test_two_rings_of_equal_length_are_bisimilar_and_a_shorter_is_not():
    labels = ["m", "p", "p", "m", "p", "p", "m", "p"]
    edges = [(0, "go", 1), (1, "go", 2), (2, "go", 0), (3, "go", 4), (4, "go", 5), (5, "go", 3)]
    edges += [(6, "go", 7), (7, "go", 6)]
    blocks = coarsest_bisimulation(labels, edges, quick_rounds=0)
    assert blocks[0] == blocks[3] and blocks[1] == blocks[4] and blocks[2] == blocks[5]
    assert blocks[6] != blocks[0] and blocks[7] not in (blocks[1], blocks[2])


def test_nondeterminism_is_judged_by_sets_of_successors():
    # 0 has edges x into a dead end and into a loop, 1 only into the loop, 2 both twice: 0 and 2 are alike, 1 is not.
    labels = ["s", "s", "s", "end", "loop", "end", "loop"]
    edges = [(0, "x", 3), (0, "x", 4), (1, "x", 4), (2, "x", 5), (2, "x", 6), (2, "x", 6), (4, "y", 4), (6, "y", 6)]
    blocks = coarsest_bisimulation(labels, edges, quick_rounds=0)
    assert blocks[0] == blocks[2] != blocks[1]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories())
def test_the_cosmetic_measure_partitions_explored_stories_as_naive_refinement_does(scenes):
    # Acyclic explorations take the one bottom-up pass, the others Paige-Tarjan: both must be the coarsest.
    with generated_story(scenes, MANIFEST) as (story, _):
        exploration = explore(story, max_states=200_000)
        labels = _Labels(story)
        state_labels = [labels.state(exploration, state) for state in range(exploration.states)]
        edge_labels = [labels.edge(story, exploration.keys[source][0], how) for source, how in _sources(exploration)]
        blocks = _bisimulation(exploration, out_edges(exploration), state_labels, edge_labels, EndingMasks(exploration))
        edges = list(zip(exploration.edge_from, edge_labels, exploration.edge_to))
        numbers: dict[int, int] = {}
        assert [numbers.setdefault(block, len(numbers)) for block in blocks] == naive_bisimulation(state_labels, edges)
