"""Three-valued answers: every claim the branch tester makes is proven, refuted, or unknown, and says which.

A claim (an ending is reachable, a scene is reached, a choice can be taken, an invariant holds everywhere, no play
gets stuck) is **proven** by a witness (a path the explorer found, replayable as a playthrough) or by the complete
exploration; **refuted** by a witness against it, by the complete exploration, or by a sound over-approximation
(`static_reach`: interval abstract interpretation over every scene); and otherwise **unknown**: the exploration
stopped at `--max-states` before it could tell. A run stopped by the cap never states as fact that an ending or a
scene is unreachable, that a choice is never offered, or that nothing gets stuck.

`settle_claims` takes the findings `checks.build_report` made as if the exploration were complete and moves what
only the complete exploration could have shown into the unknown lists, unless the over-approximation refutes it.
"""

from __future__ import annotations

from typing import Literal

from game.model import Choice
from game.tester.explore import Exploration
from game.tester.report import ExploreReport, Severity, UntakenChoice
from game.tester.static_reach import StaticReach, static_reach

Status = Literal["proven", "refuted", "unknown"]
PROVEN: Status = "proven"
REFUTED: Status = "refuted"
UNKNOWN: Status = "unknown"

NOT_REACHED = "not reached in the states explored before --max-states stopped the run"
STATICALLY = "no play can reach it: following every scene's conditions and effects, nothing leads there"


def reach_of(exploration: Exploration) -> StaticReach:
    """The over-approximation from the exploration's own start and start values."""
    return static_reach(exploration.story, exploration.keys[0][0], exploration.start_values)


def settle_claims(exploration: Exploration, report: ExploreReport) -> None:
    """Give every claim in the report its status; in a partial run, keep as fact only what is proven or refuted."""
    story = exploration.story
    complete = not exploration.partial
    reach = None if complete else reach_of(exploration)
    for ending in report.endings:
        if ending.reachable:
            ending.status = PROVEN
        elif complete:
            ending.status = REFUTED
        elif reach is not None and ending.id not in reach.endings:
            ending.status = REFUTED
            ending.why = STATICALLY if any(s.ending == ending.id for s in story.scenes.values()) else ending.why
        else:
            ending.status = UNKNOWN
            ending.why = NOT_REACHED
    if reach is not None:
        report.unknown_scenes = [item for item in report.unreachable_scenes if reach.may_enter(item.scene)]
        report.unreachable_scenes = [item for item in report.unreachable_scenes if not reach.may_enter(item.scene)]
        refuted: list[UntakenChoice] = []
        unknown: list[UntakenChoice] = []
        for choice in report.untaken_choices:
            if not reach.may_enter(choice.scene):
                choice.why = "never offered because the scene is never reached (no play leads there)"
                refuted.append(choice)
            elif not reach.may_take(choice.scene, choice.index):
                choice.why, choice.severity = _statically_closed(story.scenes[choice.scene].choices[choice.index])
                refuted.append(choice)
            else:
                choice.why = NOT_REACHED.replace("reached", "taken", 1)
                choice.severity = "warning"
                unknown.append(choice)
        report.untaken_choices = refuted
        report.unknown_choices = unknown
    report.invariant_status = {}
    broken = {violation.invariant for violation in report.invariant_violations}
    for number, invariant in enumerate(story.invariants):
        source = invariant.condition.source
        if source in broken:
            report.invariant_status[source] = REFUTED
        elif complete or (reach is not None and not reach.invariant_may_break(story, number)):
            report.invariant_status[source] = PROVEN
        else:
            report.invariant_status[source] = UNKNOWN
    if report.soft_locks:
        report.no_soft_locks = REFUTED
    else:
        report.no_soft_locks = PROVEN if complete else UNKNOWN


def _statically_closed(choice: Choice) -> tuple[str, Severity]:
    """Why no play takes a choice the over-approximation closes, and whether that fails the run (as in `checks`)."""
    if choice.fallback:
        return "never needed: another choice can always be taken when this menu is reached", "warning"
    if choice.locked is not None:
        return f"always locked: '{choice.locked}' (its condition can never hold where this menu is reached)", "warning"
    return "its condition can never hold where this scene's menu is reached (no play can take it)", "error"
