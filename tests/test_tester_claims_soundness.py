"""Three-valued answers are never wrong: on random small stories (those of `test_tester_soundness`), the interval
over-approximation covers everything the complete exploration finds, and a run capped anywhere states nothing the
complete run contradicts (what it cannot settle is unknown)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_tester_soundness import MANIFEST, generated_story, stories

from game.tester.checks import build_report
from game.tester.explore import explore
from game.tester.static_reach import static_reach


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories(), st.floats(0.0, 1.0))
def test_capped_claims_never_contradict_the_complete_run(scenes, fraction):
    with generated_story(scenes, MANIFEST) as (story, _):
        exploration = explore(story, max_states=200_000)
        assert not exploration.partial
        truth = build_report(exploration)
        reach = static_reach(story)
        assert {key[0] for key in exploration.keys} <= set(reach.entered)
        assert set(exploration.endings_at.values()) <= reach.endings
        keys = exploration.keys
        for source, how in zip(exploration.edge_from, exploration.edge_via):
            if how >= 0:
                assert reach.may_take(keys[source][0], how)
        for violation in truth.invariant_violations:
            number = [inv.condition.source for inv in story.invariants].index(violation.invariant)
            assert reach.invariant_may_break(story, number)

        cap = max(1, int(fraction * exploration.states))
        report = build_report(explore(story, max_states=cap))
        true_endings = {ending.id: ending.status for ending in truth.endings}
        for ending in report.endings:
            assert ending.status in ("unknown", true_endings[ending.id])
        for source, status in report.invariant_status.items():
            assert status in ("unknown", truth.invariant_status[source])
        assert report.no_soft_locks in ("unknown", truth.no_soft_locks)
        assert {s.scene for s in report.unreachable_scenes} <= {s.scene for s in truth.unreachable_scenes}
        refuted = {(c.scene, c.index) for c in report.untaken_choices}
        assert refuted <= {(c.scene, c.index) for c in truth.untaken_choices}
        # A soft-lock the capped run states is a real one: the complete run has a state in that scene from which no
        # ending can be reached (or whose menu is locked). It may name another scene of the same stuck region than
        # the complete report names, which shows one scene per region.
        stuck, locked_menus = _stuck_scenes(exploration)
        for lock in report.soft_locks:
            assert lock.scene in (locked_menus if lock.kind == "menu" else stuck), (lock.kind, lock.scene)


def _stuck_scenes(exploration) -> tuple[set[str], set[str]]:
    """The scenes with a state from which no ending can be reached, and those with a locked menu, in a complete
    exploration."""
    before: list[list[int]] = [[] for _ in range(exploration.states)]
    for source, target in zip(exploration.edge_from, exploration.edge_to):
        before[target].append(source)
    can_end = set(exploration.endings_at)
    waiting = list(can_end)
    while waiting:
        state = waiting.pop()
        for earlier in before[state]:
            if earlier not in can_end:
                can_end.add(earlier)
                waiting.append(earlier)
    keys = exploration.keys
    stuck = {keys[state][0] for state in range(exploration.states) if state not in can_end}
    return stuck, {keys[state][0] for state in exploration.menu_locks}
