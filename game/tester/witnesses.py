"""Shortest paths written as playthrough files (`--witnesses DIR`), so a finding can be replayed and kept as a test.

Each witness names its start (and `given` values) when not the story's own, checks every scene on the way with
`expect_scene`, takes each choice by its number on screen (with its text in a comment, as the number is what the
player sees and a text may match several choices), and ends with what it proves: `end:` for an ending,
`expect_choices: []` for a menu with nothing to take, `expect: "not (...)"` for a broken invariant when the values
can be checked where play stops. Run again with `heartstopper test FILE` (or the pytest plugin), each passes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path as FilePath

from game.jsonfiles import write_output
from game.machine import PlayState, choice_is_available
from game.model import Story
from game.program import run_silently
from game.tester.explore import Exploration, expand, initial_variables
from game.tester.paths import Path
from game.tester.report import ExploreReport
from game.wording import plural


@dataclass(frozen=True)
class Witness:
    file: FilePath
    claim: str


def _quote(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def _comment(text: str) -> str:
    return " ".join(text.split())


def witness_text(
    story: Story,
    path: Path,
    *,
    name: str,
    about: str,
    end: str | None = None,
    final: list[str] | None = None,
    stops: bool = True,
) -> str:
    """A playthrough file following `path`; `final` holds the checks after it (already written as YAML items).

    `stops` is False when play never reaches a menu or an ending after the path's last choice (a loop with no
    menu): then no check can follow, and the file says so in a comment.
    """
    lines = [f"# {about}", "# Written by `heartstopper test --witnesses`; run it with `heartstopper test FILE`."]
    lines.append(f"name: {_quote(name)}")
    if path.start != story.start:
        lines.append(f"start: {path.start}")
    if path.given:
        lines.append("given: {" + ", ".join(f"{key}: {_quote(value)}" for key, value in path.given) + "}")
    steps: list[str] = []
    for step in path.steps:
        if step.take == "finish":
            continue
        steps.append(f"  - expect_scene: {step.scene}")
        if step.is_choice:
            steps.append(f"  - choose: {step.number}  # {_comment(step.take)}")
    if stops:
        steps.append(f"  - expect_scene: {path.scene}")
        steps.extend(final or [])
    else:
        # Play never waits again after the last choice: any check there would wait for ever, so stop at it.
        while steps and not steps[-1].startswith("  - choose:"):
            steps.pop()
        last = max((index for index, step in enumerate(path.steps) if step.is_choice), default=-1)
        passed = " > ".join([step.scene for step in path.steps[last + 1 :]] + [path.scene])
        steps.append(f"  # From here play goes round without a menu or an ending, so no check can follow: {passed}")
    if any(not line.lstrip().startswith("#") for line in steps):
        lines.append("steps:")
        lines.extend(steps)
    else:
        lines.append("steps: []")
        lines.extend(steps)
    if end is not None:
        lines.append(f"end: {end}")
    return "\n".join(lines) + "\n"


def replay(exploration: Exploration, path: Path) -> PlayState:
    """Follow a path from the exact start values through the machine; the state at the entry of `path.scene`."""
    story = exploration.story
    state = PlayState(path.start, initial_variables(story, dict(path.given)), {path.start: 1}, set())
    for step in path.steps:
        if step.take == "finish":
            break
        _, successors = expand(story, state)
        if step.is_choice:
            successors = [(how, successor) for how, successor in successors if how == step.choice]
        if len(successors) != 1:
            raise ValueError(f"the path cannot be followed at scene '{step.scene}'")
        state = successors[0][1]
    return state


def _stops_at_menu(exploration: Exploration, state: PlayState) -> bool:
    """Whether play from this scene entry reaches a menu or an ending before going round (a playthrough waits)."""
    story = exploration.story
    caps = exploration.tracking.caps
    seen: set[tuple] = set()
    current = state.copy()
    while True:
        scene = story.scenes[current.state]
        if scene.ending is not None:
            return True
        probe = current.copy()
        program = story.programs[scene.id]
        if program.has_effects and run_silently(program, probe.variables, probe.visits) is not None:
            pass
        elif scene.returns:
            if not probe.stack:
                return True  # nothing to return to: play stops there
        elif scene.next is None:
            if any(not c.fallback and choice_is_available(c, probe) for c in scene.choices):
                return True
            if not any(c.fallback for c in scene.choices):
                return True  # a menu with nothing to take: play waits there
        counts = tuple(
            (scene_id, count if caps[scene_id] is None else min(count, caps[scene_id]))  # type: ignore[type-var]
            for scene_id, count in sorted(current.visits.items())
            if scene_id in caps
        )
        key = (current.state, tuple(current.variables.items()), counts)
        if key in seen or len(seen) > 100_000:
            return False
        seen.add(key)
        _, successors = expand(story, current)
        if len(successors) != 1:
            return True
        current = successors[0][1]


def write_witnesses(exploration: Exploration, report: ExploreReport, folder: FilePath) -> list[Witness]:
    """Write one playthrough file per reachable ending, soft-lock and broken invariant; return what was written."""
    story = exploration.story
    written: list[Witness] = []

    def put(file_name: str, text: str, claim: str) -> None:
        target = folder / file_name
        write_output(target, text)
        written.append(Witness(target, claim))

    for ending in report.endings:
        if ending.path is None:
            continue
        claim = f"reaches the ending '{ending.id}' ({ending.title})"
        text = witness_text(
            story,
            ending.path,
            name=f"Witness: the ending {ending.id}",
            about=(
                f"A way found by directed search ({plural(ending.path.choices, 'choice')}, maybe not the fewest)"
                if ending.found_by
                else f"The shortest way ({plural(ending.path.choices, 'choice')})"
            )
            + f" to the ending '{ending.id}': {ending.title}.",
            end=ending.id,
        )
        put(f"ending-{ending.id}.yaml", text, claim)
    for lock in report.soft_locks:
        if lock.kind == "menu":
            claim = f"reaches the menu of '{lock.scene}' with nothing to take"
            text = witness_text(
                story,
                lock.path,
                name=f"Witness: soft-lock in {lock.scene}",
                about=f"The shortest way ({plural(lock.path.choices, 'choice')}) to a menu with nothing to take, in "
                f"'{lock.scene}'.",
                final=["  - expect_choices: []"],
            )
            put(f"soft-lock-{lock.scene}.yaml", text, claim)
        else:
            state = replay(exploration, lock.path)
            claim = f"reaches '{lock.scene}', from where no ending can be reached"
            text = witness_text(
                story,
                lock.path,
                name=f"Witness: no way out from {lock.scene}",
                about=f"The shortest way ({plural(lock.path.choices, 'choice')}) to '{lock.scene}', from where no "
                "ending can be reached.",
                stops=_stops_at_menu(exploration, state),
            )
            put(f"no-ending-{lock.scene}.yaml", text, claim)
    numbers = {invariant.where: number for number, invariant in enumerate(story.invariants, start=1)}
    for violation in report.invariant_violations:
        number = numbers[violation.where]  # the invariant's own number in the manifest, not the violation's
        state = replay(exploration, violation.path)
        stops = _stops_at_menu(exploration, state)
        final = []
        if stops and _broken_where_play_stops(story, state, violation.invariant):
            final.append(f"  - expect: {_quote('not (' + violation.invariant + ')')}")
        claim = f"reaches '{violation.scene}', where '{violation.invariant}' does not hold"
        text = witness_text(
            story,
            violation.path,
            name=f"Witness: invariant {number} broken in {violation.scene}",
            about=f"The shortest way ({plural(violation.path.choices, 'choice')}) to '{violation.scene}', where the "
            f"invariant '{violation.invariant}' does not hold ({violation.when.replace('_', ' ')}).",
            final=final,
            stops=stops,
        )
        put(f"invariant-{number}-{violation.scene}.yaml", text, claim)
    return written


def _broken_where_play_stops(story: Story, state: PlayState, invariant: str) -> bool:
    """Whether a playthrough stopping after entering this scene sees the invariant broken (so `expect` can say so).

    A playthrough checks `expect` where play next waits: this scene's menu or ending, if play stops there.
    """
    condition = next(inv.condition for inv in story.invariants if inv.condition.source == invariant)
    scene = story.scenes[state.state]
    probe = state.copy()
    program = story.programs[scene.id]
    if program.has_effects and run_silently(program, probe.variables, probe.visits) is not None:
        return False
    if scene.next is not None:
        return False
    nothing_to_take = not any(not c.fallback and choice_is_available(c, probe) for c in scene.choices)
    if scene.ending is None and nothing_to_take and any(c.fallback for c in scene.choices):
        return False  # the fallback is taken by itself: play goes on
    return not condition.fn(probe.variables, probe.visits)
