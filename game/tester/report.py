"""The branch tester's findings as plain data: what the text summary, `--json`, JUnit and witnesses are made from.

Each finding that a story must not have (an unreachable ending or scene, a choice that can never be taken, a
soft-lock, a broken invariant, a failing playthrough) makes the run fail; warnings (a choice that is always shown
locked, a fallback never needed, an `if` whose answer never changes) are reported and do not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from game.model import Location
from game.problems import Problem
from game.tester.paths import Path

Severity = Literal["error", "warning"]
Status = Literal["proven", "refuted", "unknown"]  # of a claim: see `verdicts`


@dataclass
class EndingResult:
    id: str
    title: str
    reachable: bool
    path: Path | None
    why: str = ""  # when not reachable
    status: Status | None = None  # set by `verdicts.settle_claims`: proven (a path), refuted, or unknown
    found_by: str = ""  # "directed search" when its path came from `directed` (then maybe not the fewest choices)

    def to_json(self) -> dict:
        data: dict = {
            "title": self.title,
            "reachable": None if self.status == "unknown" else self.reachable,
            "path": self.path.to_json() if self.path else None,
        }
        if self.path is not None:
            data["choices"] = self.path.choices
        if self.why:
            data["why"] = self.why
        return data


@dataclass
class UnreachedScene:
    scene: str
    where: Location


@dataclass
class UntakenChoice:
    scene: str
    index: int  # the choice's place in the scene's list, from 0
    text: str | None  # None for a fallback
    where: Location
    why: str
    severity: Severity

    def to_json(self) -> dict:
        return {
            "scene": self.scene,
            "choice": self.index + 1,
            "text": self.text,
            "fallback": self.text is None,
            "why": self.why,
            "severity": self.severity,
            "where": self.where.record(),
        }


@dataclass
class SoftLock:
    kind: Literal["menu", "no_ending"]
    scene: str
    path: Path
    states: int  # how many explored states share this problem in this scene
    detail: str

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "scene": self.scene,
            "path": self.path.to_json(),
            "choices": self.path.choices,
            "states": self.states,
            "detail": self.detail,
        }


@dataclass
class InvariantViolation:
    invariant: str
    where: Location
    scene: str
    when: Literal["entry", "after_effects"]
    path: Path
    states: int
    values: dict[str, object]

    def to_json(self) -> dict:
        return {
            "invariant": self.invariant,
            "where": self.where.record(),
            "scene": self.scene,
            "when": self.when,
            "path": self.path.to_json(),
            "choices": self.path.choices,
            "states": self.states,
            "values": self.values,
        }


@dataclass
class ConstantIf:
    scene: str
    where: Location
    condition: str
    outcome: Literal["always true", "always false", "never evaluated"]

    def to_json(self) -> dict:
        return {"scene": self.scene, "where": self.where.record(), "condition": self.condition, "outcome": self.outcome}


@dataclass
class PointOfNoReturn:
    scene: str
    index: int
    text: str
    where: Location
    closes: list[str]

    def to_json(self) -> dict:
        return {
            "scene": self.scene,
            "choice": self.index + 1,
            "text": self.text,
            "where": self.where.record(),
            "closes": self.closes,
        }


@dataclass
class ExploreReport:
    """What exhaustive exploration found."""

    states: int
    transitions: int
    partial: bool
    max_states: int
    endings: list[EndingResult]
    unreachable_scenes: list[UnreachedScene]
    untaken_choices: list[UntakenChoice]
    soft_locks: list[SoftLock]
    invariant_violations: list[InvariantViolation]
    invariants_checked: int
    constant_ifs: list[ConstantIf]
    stuck_states: int
    uncapped: dict[str, str]  # scene -> the condition that keeps its visit count exact
    ranges: dict[str, dict[str, list]] | None = None
    points_of_no_return: list[PointOfNoReturn] | None = None
    # Claims a partial run can neither prove nor refute (see `verdicts`), and the status of the global claims.
    unknown_scenes: list[UnreachedScene] = field(default_factory=list)
    unknown_choices: list[UntakenChoice] = field(default_factory=list)
    invariant_status: dict[str, Status] = field(default_factory=dict)  # invariant -> "holds everywhere" is ...
    no_soft_locks: Status | None = None  # "no play gets stuck" is ...
    measures: object | None = None  # measures.Measures, with --measures: whether choices matter

    @property
    def failures(self) -> int:
        return (
            sum(1 for ending in self.endings if not ending.reachable and ending.status != "unknown")
            + len(self.unreachable_scenes)
            + sum(1 for choice in self.untaken_choices if choice.severity == "error")
            + len(self.soft_locks)
            + len(self.invariant_violations)
            + (1 if self.partial else 0)
        )


@dataclass
class WalkProblem:
    kind: Literal["menu", "too_long", "invariant"]
    scene: str
    walk: int
    choices: list[str]  # the texts chosen, in order
    detail: str

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "scene": self.scene,
            "walk": self.walk,
            "choices": self.choices,
            "detail": self.detail,
        }


@dataclass
class RandomReport:
    """What `--random N --seed S` found: sampled, so never a proof."""

    walks: int
    seed: int
    endings: dict[str, int]  # ending -> walks that reached it
    ending_paths: dict[str, list[str]]  # ending -> the choices of the first walk that reached it
    scenes_covered: int
    scenes_total: int
    choices_covered: int
    choices_total: int
    never_entered: list[str]
    never_chosen: list[tuple[str, int, str]]  # (scene, index, text)
    problems: list[WalkProblem]  # one per kind and scene (invariants: one per invariant), first walk first
    outcomes: dict[str, int] = field(default_factory=dict)  # how the walks stopped: ended, menu, too_long, stopped

    @property
    def failures(self) -> int:
        return len(self.problems)

    def to_json(self) -> dict:
        return {
            "walks": self.walks,
            "seed": self.seed,
            "outcomes": self.outcomes,
            "endings": self.endings,
            "scenes": {"covered": self.scenes_covered, "total": self.scenes_total, "never_entered": self.never_entered},
            "choices": {
                "covered": self.choices_covered,
                "total": self.choices_total,
                "never_chosen": [
                    {"scene": scene, "choice": index + 1, "text": text} for scene, index, text in self.never_chosen
                ],
            },
            "problems": [problem.to_json() for problem in self.problems],
        }


@dataclass
class PlaythroughOutcome:
    file: str
    name: str
    passed: bool
    report: str  # the failure report (step, expected, happened, last lines), empty when passed
    ended: str | None

    def to_json(self) -> dict:
        return {"file": self.file, "name": self.name, "passed": self.passed, "ended": self.ended, "report": self.report}


@dataclass
class TestRun:
    """Everything one `heartstopper test` found."""

    title: str
    invariant_sources: tuple[str, ...] = ()
    explore: ExploreReport | None = None
    random: RandomReport | None = None
    playthroughs: list[PlaythroughOutcome] = field(default_factory=list)
    playthrough_problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def unreadable_playthrough_files(self) -> list[str]:
        """The playthrough files that could not be read: each counts as one that failed."""
        return sorted({problem.file for problem in self.playthrough_problems})

    @property
    def failures(self) -> int:
        count = sum(1 for outcome in self.playthroughs if not outcome.passed) + len(self.playthrough_problems)
        if self.explore is not None:
            count += self.explore.failures
        if self.random is not None:
            count += self.random.failures
        return count

    @property
    def passed(self) -> bool:
        return self.failures == 0

    def to_json(self) -> dict:
        explored = self.explore
        data: dict = {"title": self.title, "passed": self.passed, "failures": self.failures}
        if explored is not None:
            data.update(
                mode="exhaustive",
                endings={ending.id: ending.to_json() for ending in explored.endings},
                unreachable_scenes=[scene.scene for scene in explored.unreachable_scenes],
                untaken_choices=[choice.to_json() for choice in explored.untaken_choices],
                soft_locks=[lock.to_json() for lock in explored.soft_locks],
                invariant_violations=[violation.to_json() for violation in explored.invariant_violations],
                constant_ifs=[item.to_json() for item in explored.constant_ifs],
                states=explored.states,
                transitions=explored.transitions,
                stuck_states=explored.stuck_states,
                partial=explored.partial,
                max_states=explored.max_states,
                exact_visit_counts=explored.uncapped,
                unknown_scenes=[scene.scene for scene in explored.unknown_scenes],
                unknown_choices=[choice.to_json() for choice in explored.unknown_choices],
                claims={
                    "endings": {ending.id: ending.status for ending in explored.endings},
                    "invariants": explored.invariant_status,
                    "no_soft_locks": explored.no_soft_locks,
                    "ranges_are_exact": not explored.partial,
                },
            )
            if explored.ranges is not None:
                data["ranges"] = explored.ranges
            if explored.points_of_no_return is not None:
                data["points_of_no_return"] = [item.to_json() for item in explored.points_of_no_return]
            if explored.measures is not None:
                data.update(explored.measures.to_json())  # type: ignore[attr-defined]
        if self.random is not None:
            walks = self.random
            data.setdefault("mode", "random")
            data["random"] = walks.to_json()
            if explored is None:  # the common keys, from the walks: sampled, so partial
                data.update(
                    endings={
                        ending: {"reachable": count > 0, "path": walks.ending_paths.get(ending)}
                        for ending, count in walks.endings.items()
                    },
                    unreachable_scenes=walks.never_entered,
                    untaken_choices=[
                        {"scene": scene, "choice": index + 1, "text": text, "why": "never taken by a walk"}
                        for scene, index, text in walks.never_chosen
                    ],
                    soft_locks=[p.to_json() for p in walks.problems if p.kind == "menu"],
                    invariant_violations=[p.to_json() for p in walks.problems if p.kind == "invariant"],
                    states=0,
                    partial=True,
                )
        data["playthroughs"] = [outcome.to_json() for outcome in self.playthroughs]
        data["playthrough_problems"] = [str(problem) for problem in self.playthrough_problems]
        data["unreadable_playthroughs"] = self.unreadable_playthrough_files
        data["seconds"] = round(self.seconds, 3)
        return data
