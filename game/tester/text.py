"""The readable summary `heartstopper test` prints: a headline, one section per check, and the verdict.

Problems always come with what an author needs to act: the file and line, why, and the shortest path to them
(one line per choice, with the scenes passed on the way). Ending paths are long, so they are shown with `--paths`
(and are always in `--json` and `--witnesses`).
"""

from __future__ import annotations

from game.tester.report import ExploreReport, RandomReport, TestRun
from game.wording import plural

SHOWN_CHOICES = 12  # of a random walk's choices in the summary
SHOWN_UNKNOWN = 10  # of the scenes or choices a partial run could not settle


def summary(run: TestRun, *, paths: bool = False, witnesses: list[str] | None = None) -> str:
    lines: list[str] = []
    if run.explore is not None:
        lines += _explored(run, run.explore, paths)
        if run.explore.measures is not None:
            from game.tester.measures import text_lines

            lines += text_lines(run.explore.measures)  # type: ignore[arg-type]
    if run.random is not None:
        lines += _random(run, run.random)
    lines += _playthroughs(run)
    if witnesses:
        lines.append("")
        lines.append(f"Witnesses: {plural(len(witnesses), 'playthrough file')} written")
        lines += [f"  {item}" for item in witnesses]
    lines.append("")
    if run.passed:
        lines.append("All checks hold.")
    else:
        lines.append(f"{plural(run.failures, 'problem')}: the story fails its checks.")
    return "\n".join(lines)


def _explored(run: TestRun, report: ExploreReport, paths: bool) -> list[str]:
    state = f"PARTIAL: stopped at --max-states {report.max_states:,}" if report.partial else "complete"
    lines = [
        f"{run.title}: {plural(report.states, 'state')} and {plural(report.transitions, 'transition')} explored "
        f"in {run.seconds:.1f} s ({state})"
    ]
    if report.partial:
        lines.append(
            "  Not every state was explored, so what is not reached below may be reachable: each claim is proven"
            " (with a path), refuted (no play can do it) or UNKNOWN."
        )
    for scene, condition in report.uncapped.items():
        lines.append(f"  note: visits to '{scene}' are counted exactly (read by \"{condition}\"), which may not end")

    reachable = sum(1 for ending in report.endings if ending.reachable)
    unknown = sum(1 for ending in report.endings if ending.status == "unknown")
    lines += [
        "",
        f"Endings: {reachable} of {len(report.endings)} reachable" + (f", {unknown} unknown" if unknown else ""),
    ]
    width = max((len(ending.id) for ending in report.endings), default=0)
    for ending in report.endings:
        if ending.path is not None:
            choices = plural(ending.path.choices, "choice")
            found = " (found by directed search: maybe not the fewest)" if ending.found_by else ""
            lines.append(f"  {ending.id:<{width}}  reachable in {choices}{found}: {ending.title}")
            if paths:
                lines += ending.path.describe("      ")
        elif ending.status == "unknown":
            lines.append(f"  {ending.id:<{width}}  UNKNOWN: {ending.why}")
        else:
            lines.append(f"  {ending.id:<{width}}  NOT REACHABLE: {ending.why}")

    lines += ["", f"Scenes: {plural(len(report.unreachable_scenes), 'scene')} never reached"]
    for unreached in report.unreachable_scenes:
        lines.append(f"  {unreached.where}: '{unreached.scene}' is never reached")
    lines += _unknown([f"  {scene.where}: '{scene.scene}'" for scene in report.unknown_scenes], "scene", "not reached")

    errors = [choice for choice in report.untaken_choices if choice.severity == "error"]
    warnings = [choice for choice in report.untaken_choices if choice.severity == "warning"]
    lines += ["", f"Choices: {plural(len(errors), 'choice')} never taken"]
    for choice in errors:
        lines.append(f"  {choice.where}: {_choice(choice)}: {choice.why}")
    for choice in warnings:
        lines.append(f"  {choice.where}: warning: {_choice(choice)}: {choice.why}")
    lines += _unknown(
        [f"  {choice.where}: {_choice(choice)}" for choice in report.unknown_choices], "choice", "not taken"
    )

    found = plural(len(report.soft_locks), "soft-lock") if report.soft_locks else "none"
    if report.no_soft_locks == "unknown":
        found = f"{found} found in the states explored (UNKNOWN beyond them)"
    lines += ["", f"Soft-locks: {found}"]
    for lock in report.soft_locks:
        lines.append(f"  in '{lock.scene}': {lock.detail} ({plural(lock.states, 'state')}); the shortest way there:")
        lines += lock.path.describe("      ")
    if report.stuck_states:
        lines.append(f"  {plural(report.stuck_states, 'state')} in all cannot reach any ending")

    if report.invariants_checked:
        broken = len(report.invariant_violations)
        open_ = [source for source, status in report.invariant_status.items() if status == "unknown"]
        if broken:
            lines += ["", f"Invariants: {broken} of {report.invariants_checked} broken"]
        elif not open_:
            lines += ["", f"Invariants: all {report.invariants_checked} hold in every reachable state"]
        else:
            held = report.invariants_checked - len(open_)
            lines += ["", f"Invariants: {held} of {report.invariants_checked} proven to hold everywhere"]
        for source in open_:
            lines.append(f"  UNKNOWN: '{source}' holds in every state explored; the states not explored may break it")
        for violation in report.invariant_violations:
            values = ", ".join(f"{name}={_show(value)}" for name, value in violation.values.items())
            lines.append(
                f"  {violation.where}: '{violation.invariant}' does not hold in '{violation.scene}' "
                f"({'at its entry' if violation.when == 'entry' else 'after its effects'}: {values}; "
                f"{plural(violation.states, 'state')}); the shortest way there:"
            )
            lines += violation.path.describe("      ")

    if report.constant_ifs:
        lines += ["", f"Warnings: {plural(len(report.constant_ifs), 'if')} whose answer never changes"]
        for item in report.constant_ifs:
            lines.append(f"  {item.where}: in '{item.scene}', if \"{item.condition}\" is {item.outcome}")

    if report.ranges is not None:
        caveat = " in the states explored (the true ranges may be wider)" if report.partial else ""
        lines += ["", f"Ranges at each scene's entry (min..max){caveat}:"]
        for scene, ranges in report.ranges.items():
            shown = ", ".join(
                f"{name} {_show(pair[0])}" if pair[0] == pair[1] else f"{name} {_show(pair[0])}..{_show(pair[1])}"
                for name, pair in ranges.items()
                if pair
            )
            lines.append(f"  {scene}: {shown}")

    if report.points_of_no_return is not None:
        lines += ["", f"Points of no return: {plural(len(report.points_of_no_return), 'choice')}"]
        for point in report.points_of_no_return:
            lines.append(f"  {point.where}: '{point.scene}' \"{point.text}\" rules out {', '.join(point.closes)}")
    return lines


def _unknown(items: list[str], noun: str, verb: str) -> list[str]:
    """Claims a partial run could not settle: a count, and the first few (each with its file and line)."""
    if not items:
        return []
    lines = [f"  UNKNOWN: {plural(len(items), noun)} {verb} in the states explored (reachable or not: not known)"]
    lines += [f"  {item}" for item in items[:SHOWN_UNKNOWN]]
    if len(items) > SHOWN_UNKNOWN:
        lines.append(f"    ... and {len(items) - SHOWN_UNKNOWN:,} more (all in --json)")
    return lines


def _random(run: TestRun, report: RandomReport) -> list[str]:
    lines = [
        f"{run.title}: {plural(report.walks, 'random walk')} (seed {report.seed}) in {run.seconds:.1f} s",
        f"  scenes entered: {report.scenes_covered} of {report.scenes_total}"
        f" ({100 * report.scenes_covered / max(report.scenes_total, 1):.0f}%)",
        f"  choices taken: {report.choices_covered} of {report.choices_total}"
        f" ({100 * report.choices_covered / max(report.choices_total, 1):.0f}%)",
        "  endings: " + ", ".join(f"{ending} {count}" for ending, count in report.endings.items()),
    ]
    outcomes = report.outcomes
    if outcomes.get("menu", 0) + outcomes.get("too_long", 0) + outcomes.get("stopped", 0):
        lines.append(
            f"  walks stopped without an ending: {outcomes.get('menu', 0)} at a menu with nothing to take, "
            f"{outcomes.get('too_long', 0)} going on too long"
            + (f", {outcomes['stopped']} by play itself stopping" if outcomes.get("stopped") else "")
        )
    if report.never_entered:
        shown = ", ".join(report.never_entered[:12]) + (", ..." if len(report.never_entered) > 12 else "")
        lines.append(f"  never entered: {shown}")
    lines.append("  (walks sample the story: something they never reach may still be reachable)")
    lines += ["", f"Walk problems: {len(report.problems) if report.problems else 'none'}"]
    for problem in report.problems:
        lines.append(f"  walk {problem.walk}, in '{problem.scene}': {problem.detail}; its choices:")
        lines += [f'      "{text}"' for text in problem.choices[:SHOWN_CHOICES]] or ["      (none)"]
        if len(problem.choices) > SHOWN_CHOICES:
            lines.append(f"      ... and {len(problem.choices) - SHOWN_CHOICES} more")
    return lines


def _playthroughs(run: TestRun) -> list[str]:
    if not run.playthroughs and not run.playthrough_problems:
        return ["", "Playthroughs: none"]
    passed = sum(1 for outcome in run.playthroughs if outcome.passed)
    total = len(run.playthroughs) + len(run.unreadable_playthrough_files)
    lines = ["", f"Playthroughs: {passed} of {total} pass"]
    for outcome in run.playthroughs:
        if not outcome.passed:
            lines += ["  " + line for line in outcome.report.splitlines()]
    for problem in run.playthrough_problems:
        lines += ["  " + line for line in str(problem).splitlines()]
    return lines


def _choice(choice) -> str:
    text = "the fallback" if choice.text is None else f'"{choice.text}"'
    return f"'{choice.scene}' choice {choice.index + 1} {text}"


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
