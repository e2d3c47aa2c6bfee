"""The coarsest bisimulation of a labelled graph, by Paige and Tarjan's partition refinement in O(m log n).

The tester's cosmetic choices (`cosmetic`) need, for a graph whose states and edges carry labels, the coarsest
partition of the states in which two states of one block have the same label and, for each edge out of one, an
edge with the same label out of the other into the same block. Refining "by signature" until nothing changes is
simple, but on a graph with loops it can take as many rounds as there are states, each touching every edge.

This is Paige and Tarjan's relational coarsest partition algorithm ("Three partition refinement algorithms",
SIAM J. Computing 16(6), 1987), which is Hopcroft's "process the smaller half" made sound for graphs where a state
has several edges: next to the partition Q it keeps a coarser partition X of which Q is stable, and each state's
count of edges into each block of X. Splitting a compound block S of X into B (the smaller of two of its Q-blocks)
and S - B, it splits Q by "has an edge into B" and then by "has edges into B only, of those into S" (count into B
equals count into S), looking only at the edges into B. Each edge is looked at each time its target's block is at
most half of what it was: O(m log n) in all.

A few rounds of plain refinement come first (each O(m)), as most explored graphs are stable after them; only a
graph that is not goes on to Paige and Tarjan, from the partition reached. Labelled edges are made plain for it:
an edge `s -a-> t` becomes `s -> (a, t) -> t`, with one middle state per distinct (label, target) pair, labelled
by `a`. Two states are bisimilar in the labelled graph exactly when they are in the plain one.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

QUICK_ROUNDS = 6  # rounds of plain refinement tried first: most explored graphs are stable after a few


def coarsest_bisimulation(
    labels: Sequence[Hashable], edges: Sequence[tuple[int, Hashable, int]], quick_rounds: int = QUICK_ROUNDS
) -> list[int]:
    """Block number per state (equal numbers for bisimilar states), numbered by first state.

    `labels[state]` is each state's label; `edges` are (source, label, target). A few rounds of plain refinement
    come first (each O(m), and usually enough); if the partition is not stable by then, Paige-Tarjan finishes
    from it (any partition coarser than the bisimulation is a sound start), so the whole is O(m log n).
    """
    count = len(labels)
    outgoing: list[list[tuple[Hashable, int]]] = [[] for _ in range(count)]
    for source, label, target in edges:
        outgoing[source].append((label, target))
    blocks, stable = _rounds(labels, outgoing, quick_rounds)
    if stable:
        return blocks
    label_ids: dict[Hashable, int] = {}
    initial = [label_ids.setdefault(("state", block), len(label_ids)) for block in blocks]
    middles: dict[tuple[int, int], int] = {}
    plain: list[tuple[int, int]] = []
    for source, label, target in edges:
        edge_label = label_ids.setdefault(("edge", label), len(label_ids))
        middle = middles.get((edge_label, target))
        if middle is None:
            middle = middles[(edge_label, target)] = count + len(middles)
            initial.append(edge_label)
            plain.append((middle, target))
        plain.append((source, middle))
    return _canonical(_refine(initial, plain)[:count])


def _rounds(labels: Sequence[Hashable], outgoing: list, limit: int | None) -> tuple[list[int], bool]:
    """Refine by signatures (own block, the set of (edge label, target block)) up to `limit` rounds (None: until
    stable); the partition, and whether it is stable."""
    interned: dict[Hashable, int] = {}
    blocks = [interned.setdefault(label, len(interned)) for label in labels]
    number = len(interned)
    rounds = 0
    while limit is None or rounds < limit:
        rounds += 1
        signatures: dict[tuple, int] = {}
        refined = [
            signatures.setdefault(
                (blocks[state], frozenset((label, blocks[target]) for label, target in outgoing[state])),
                len(signatures),
            )
            for state in range(len(blocks))
        ]
        if len(signatures) == number:
            return _canonical(refined), True
        blocks, number = refined, len(signatures)
    return blocks, False


def _canonical(blocks: list[int]) -> list[int]:
    numbers: dict[int, int] = {}
    return [numbers.setdefault(block, len(numbers)) for block in blocks]


def _refine(initial: list[int], edges: list[tuple[int, int]]) -> list[int]:
    """Paige-Tarjan on a plain graph: the coarsest stable partition refining `initial` (a block number per node)."""
    nodes = len(initial)
    source = [edge[0] for edge in edges]
    predecessors: list[list[int]] = [[] for _ in range(nodes)]  # node -> the edges into it
    out_degree = [0] * nodes
    for number, (tail, head) in enumerate(edges):
        predecessors[head].append(number)
        out_degree[tail] += 1

    # Q as a refinable partition: the nodes of block b are elements[start[b]:end[b]]; the first marked[b] of them
    # are marked during a split.
    order = sorted(range(nodes), key=lambda node: (initial[node], out_degree[node] > 0))
    elements = order
    position = [0] * nodes
    block = [0] * nodes
    start: list[int] = []
    end: list[int] = []
    marked: list[int] = []
    previous = None
    for index, node in enumerate(order):
        position[node] = index
        key = (initial[node], out_degree[node] > 0)  # stable with respect to all nodes: has an edge or not
        if key != previous:
            if start:
                end.append(index)
            start.append(index)
            marked.append(0)
            previous = key
        block[node] = len(start) - 1
    if start:
        end.append(nodes)

    # X: compound blocks, each a list of Q-blocks; `within[b]` is the X-block of Q-block b, `slot[b]` its place.
    members: list[list[int]] = [list(range(len(start)))]
    within = [0] * len(start)
    slot = list(range(len(start)))
    compound = [0] if len(start) > 1 else []
    # Per edge: the count record of (its source, the X-block of its target); one record per node at first.
    counts = list(out_degree)
    record = list(source)

    def add_to(xblock: int, qblock: int) -> None:
        """Put a Q-block into an X-block (a new Q-block gets its entries here); note it when it becomes compound."""
        if qblock == len(within):
            within.append(xblock)
            slot.append(0)
        within[qblock] = xblock
        slot[qblock] = len(members[xblock])
        members[xblock].append(qblock)
        if len(members[xblock]) == 2:
            compound.append(xblock)

    def split(chosen: list[int]) -> None:
        """Split every Q-block into its chosen nodes and the rest (a new block for the chosen, when both exist)."""
        touched = []
        for node in chosen:
            owner = block[node]
            here = position[node]
            there = start[owner] + marked[owner]
            if marked[owner] == 0:
                touched.append(owner)
            other = elements[there]
            elements[there], elements[here] = node, other
            position[node], position[other] = there, here
            marked[owner] += 1
        for owner in touched:
            size = marked[owner]
            marked[owner] = 0
            if size == end[owner] - start[owner]:
                continue
            new = len(start)
            start.append(start[owner])
            end.append(start[owner] + size)
            marked.append(0)
            start[owner] += size
            for index in range(start[new], end[new]):
                block[elements[index]] = new
            add_to(within[owner], new)

    while compound:
        xblock = compound[-1]
        group = members[xblock]
        first, second = group[0], group[1]
        chosen = first if end[first] - start[first] <= end[second] - start[second] else second
        # Take the chosen Q-block out of its X-block into an X-block of its own.
        last = group.pop()
        if last != chosen:
            group[slot[chosen]] = last
            slot[last] = slot[chosen]
        if len(group) < 2:
            compound.pop()
        members.append([])
        add_to(len(members) - 1, chosen)
        # The nodes with an edge into the chosen block, and how many edges each has into it.
        inside = elements[start[chosen] : end[chosen]]
        into: dict[int, int] = {}  # node -> its new count record (edges into the chosen block)
        before: dict[int, int] = {}  # node -> its count record of the whole old X-block
        for node in inside:
            for edge in predecessors[node]:
                tail = source[edge]
                found = into.get(tail)
                if found is None:
                    found = into[tail] = len(counts)
                    counts.append(0)
                    before[tail] = record[edge]
                counts[found] += 1
        split(list(into))
        split([tail for tail, found in into.items() if counts[found] == counts[before[tail]]])
        for node in inside:
            for edge in predecessors[node]:
                counts[record[edge]] -= 1
                record[edge] = into[source[edge]]
    return block


def naive_bisimulation(labels: Sequence[Hashable], edges: Sequence[tuple[int, Hashable, int]]) -> list[int]:
    """The same partition by refining signatures until stable: O(n m), the reference the tests and bench use."""
    outgoing: list[list[tuple[Hashable, int]]] = [[] for _ in range(len(labels))]
    for source, label, target in edges:
        outgoing[source].append((label, target))
    return _rounds(labels, outgoing, None)[0]
