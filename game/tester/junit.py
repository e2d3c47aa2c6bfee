"""`--junit FILE`: the run as a JUnit XML report, for CI systems that show test results.

One test case per ending (reachable), per invariant (holds), per playthrough file (passes), and one each for
"every scene is reached", "every choice can be taken", "no soft-locks" and "the exploration is complete" (or, with
`--random`, "random walks find no problems"). Warnings go to the case's system-out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from game.jsonfiles import write_output
from game.problems import shown_path
from game.tester.report import TestRun
from game.wording import plural

SUITE = "heartstopper test"


class _Suite:
    def __init__(self, name: str, seconds: float) -> None:
        self.element = ET.Element("testsuite", name=name, time=f"{seconds:.3f}")
        self.tests = 0
        self.failures = 0
        self.skipped = 0

    def case(self, group: str, name: str, failure: str = "", output: str = "", skipped: str = "") -> None:
        """One test case; `skipped` (a claim a partial run could not settle: unknown) when it is neither."""
        self.tests += 1
        case = ET.SubElement(self.element, "testcase", classname=f"{SUITE}.{group}", name=name)
        if skipped and not failure:
            self.skipped += 1
            ET.SubElement(case, "skipped", message=skipped[:500])
        if failure:
            self.failures += 1
            first = failure.splitlines()[0] if failure else ""
            node = ET.SubElement(case, "failure", message=first[:500], type="StoryCheck")
            node.text = failure
        if output:
            ET.SubElement(case, "system-out").text = output

    def close(self) -> ET.Element:
        self.element.set("tests", str(self.tests))
        self.element.set("failures", str(self.failures))
        self.element.set("errors", "0")
        self.element.set("skipped", str(self.skipped))
        return self.element


def junit_xml(run: TestRun) -> str:
    suite = _Suite(f"{SUITE}: {run.title}", run.seconds)
    explored = run.explore
    if explored is not None:
        for ending in explored.endings:
            unknown = ending.status == "unknown"
            failure = "" if ending.reachable or unknown else f"the ending '{ending.id}' cannot be reached: {ending.why}"
            output = "\n".join(ending.path.describe("")) if ending.path else ""
            skipped = f"unknown: {ending.why}" if unknown else ""
            suite.case("endings", f"ending {ending.id} is reachable", failure, output, skipped)
        suite.case(
            "scenes",
            "every scene is reached",
            "\n".join(f"{item.where}: scene '{item.scene}' is never reached" for item in explored.unreachable_scenes),
            "\n".join(f"{item.where}: scene '{item.scene}' unknown: not reached" for item in explored.unknown_scenes),
            _unknown(len(explored.unknown_scenes), "scene"),
        )
        errors = [choice for choice in explored.untaken_choices if choice.severity == "error"]
        warnings = [choice for choice in explored.untaken_choices if choice.severity == "warning"]
        suite.case(
            "choices",
            "every choice can be taken",
            "\n".join(f"{choice.where}: {_choice_name(choice)}: {choice.why}" for choice in errors),
            "\n".join(
                f"{choice.where}: {_choice_name(choice)}: {choice.why}"
                for choice in (*warnings, *explored.unknown_choices)
            ),
            _unknown(len(explored.unknown_choices), "choice"),
        )
        suite.case(
            "soft-locks",
            "no soft-locks",
            "\n\n".join(
                f"{lock.scene}: {lock.detail}\n" + "\n".join(lock.path.describe()) for lock in explored.soft_locks
            ),
            skipped="unknown: none in the states explored" if explored.no_soft_locks == "unknown" else "",
        )
        broken = {violation.invariant: violation for violation in explored.invariant_violations}
        for invariant in sorted({v.invariant for v in explored.invariant_violations} | set(_invariants(run))):
            violation = broken.get(invariant)
            failure = ""
            if violation is not None:
                failure = (
                    f"{violation.where}: '{invariant}' does not hold in scene '{violation.scene}' "
                    f"({violation.when.replace('_', ' ')}; {_values(violation.values)})\n"
                    + "\n".join(violation.path.describe())
                )
            unknown = explored.invariant_status.get(invariant) == "unknown"
            skipped = "unknown: it holds in every state explored" if unknown else ""
            suite.case("invariants", f"invariant holds: {invariant}", failure, skipped=skipped)
        suite.case(
            "exploration",
            "the exploration is complete",
            f"stopped at {plural(explored.states, 'state')} (--max-states): results are partial"
            if explored.partial
            else "",
            "\n".join(f'{c.where}: if "{c.condition}" is {c.outcome}' for c in explored.constant_ifs),
        )
    if run.random is not None:
        suite.case(
            "random",
            "random walks find no problems",
            "\n".join(f"walk {p.walk}, scene '{p.scene}': {p.detail}" for p in run.random.problems),
        )
    for outcome in run.playthroughs:
        suite.case("playthroughs", f"{shown_path(outcome.file)}: {outcome.name}", outcome.report)
    for file in run.unreadable_playthrough_files:
        problems = [str(problem) for problem in run.playthrough_problems if problem.file == file]
        suite.case("playthroughs", f"{file}: can be read", "\n".join(problems))
    root = ET.Element("testsuites")
    root.append(suite.close())
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _unknown(count: int, noun: str) -> str:
    return f"unknown: {count} {noun}{'' if count == 1 else 's'} not settled in the states explored" if count else ""


def _choice_name(choice) -> str:
    text = "the fallback" if choice.text is None else f'"{choice.text}"'
    return f"scene '{choice.scene}', choice {choice.index + 1} {text}"


def _values(values: dict) -> str:
    return ", ".join(f"{name}={value!r}" for name, value in values.items())


def _invariants(run: TestRun) -> list[str]:
    return list(run.invariant_sources)


def write_junit(run: TestRun, target: Path) -> None:
    write_output(target, junit_xml(run))
