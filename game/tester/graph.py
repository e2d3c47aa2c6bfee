"""Questions about the explored state graph as a whole: which endings each state can still reach.

Reverse reachability over the kept edges gives, for every state, the set of endings reachable from it (a bit
mask, one bit per declared ending). From that follow the states no ending can be reached from (soft-locks and
loops with no way out) and, per choice, the endings that taking it rules out (points of no return).
"""

from __future__ import annotations

from array import array
from collections import deque

from game.tester.explore import EXPLORED, Exploration


class EndingMasks:
    """For each state, the endings still reachable from it, as a bit mask over `order`."""

    def __init__(self, exploration: Exploration) -> None:
        self.order = list(exploration.story.endings)
        bit = {ending: 1 << number for number, ending in enumerate(self.order)}
        self.everything = (1 << len(self.order)) - 1
        count = exploration.states
        masks = [0] * count
        # Predecessor lists in compressed form: for each target, its sources.
        starts = array("q", [0]) * (count + 1)
        for target in exploration.edge_to:
            starts[target + 1] += 1
        for index in range(count):
            starts[index + 1] += starts[index]
        fill = array("q", starts)
        sources = array("q", [0]) * len(exploration.edge_to)
        for source, target in zip(exploration.edge_from, exploration.edge_to):
            sources[fill[target]] = source
            fill[target] += 1
        self.pred_starts = starts
        self.pred_sources = sources
        work: deque[int] = deque()
        for state, ending in exploration.endings_at.items():
            masks[state] |= bit[ending]
            work.append(state)
        if exploration.partial:
            # A state never explored, or explored only in part (the cap refused a state it leads to), might lead
            # anywhere: assume the best, so nothing is called stuck wrongly.
            for state, done in enumerate(exploration.expanded):
                if done != EXPLORED:
                    masks[state] = self.everything
                    work.append(state)
        while work:
            state = work.popleft()
            mask = masks[state]
            for index in range(starts[state], starts[state + 1]):
                source = sources[index]
                merged = masks[source] | mask
                if merged != masks[source]:
                    masks[source] = merged
                    work.append(source)
        self.masks = masks

    def names(self, mask: int) -> list[str]:
        return [ending for number, ending in enumerate(self.order) if mask >> number & 1]

    def reaching(self, exploration: Exploration, targets: list[int]) -> bytearray:
        """Which states can reach any of `targets` (the targets included)."""
        marked = bytearray(exploration.states)
        work = deque(targets)
        for target in targets:
            marked[target] = 1
        starts, sources = self.pred_starts, self.pred_sources
        while work:
            state = work.popleft()
            for index in range(starts[state], starts[state + 1]):
                source = sources[index]
                if not marked[source]:
                    marked[source] = 1
                    work.append(source)
        return marked


def stuck_entries(exploration: Exploration, masks: EndingMasks) -> tuple[list[int], int]:
    """States from which no ending can be reached, where play first gets stuck; and how many states are stuck.

    Only the first stuck state on each way in is returned (the start, or one with a predecessor that could still
    end), and only when being stuck is not explained by a menu with nothing to take (those are reported on their
    own): what is left are loops with no way out.
    """
    stuck = [state for state, mask in enumerate(masks.masks) if mask == 0]
    if not stuck:
        return [], 0
    leads_to_lock = masks.reaching(exploration, exploration.menu_locks)
    entries = []
    starts, sources = masks.pred_starts, masks.pred_sources
    for state in stuck:
        if leads_to_lock[state]:
            continue
        if state == 0 or any(masks.masks[sources[index]] != 0 for index in range(starts[state], starts[state + 1])):
            entries.append(state)
    return entries, len(stuck)


def points_of_no_return(exploration: Exploration, masks: EndingMasks) -> dict[tuple[str, int], tuple[int, int]]:
    """For each choice taken: (endings reachable before it somewhere, endings reachable after it anywhere)."""
    found: dict[tuple[str, int], tuple[int, int]] = {}
    keys = exploration.keys
    scenes = exploration.story.scenes
    values = masks.masks
    for source, target, how in zip(exploration.edge_from, exploration.edge_to, exploration.edge_via):
        if how < 0:
            continue
        scene = keys[source][0]
        if scenes[scene].choices[how].fallback:
            continue
        before, after = found.get((scene, how), (0, 0))
        found[(scene, how)] = (before | values[source], after | values[target])
    return found
