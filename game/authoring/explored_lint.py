"""Lint findings that need the branch tester's exploration (`heartstopper lint --explore`): cosmetic choices.

Plain `lint` reads the story's text only and stays fast; these findings explore every reachable state first, so
they are opt-in (and `heartstopper test --measures` reports the same choices with more detail).
"""

from __future__ import annotations

from game.authoring.codes import CODES
from game.model import Story
from game.problems import Problem


def explored_problems(story: Story) -> tuple[list[Problem], list[str]]:
    """(HS029 problems, notes): one per choice that changes nothing a player will ever see."""
    from game.tester.cosmetic import choice_findings
    from game.tester.explore import explore

    exploration = explore(story)
    notes = []
    if exploration.partial:
        notes.append("the exploration stopped at its state limit: cosmetic choices were not looked for")
        return [], notes
    cosmetic, _ = choice_findings(exploration)
    severity = CODES["HS029"].severity
    problems = [
        Problem(
            item.where.file,
            item.where.line,
            item.where.column,
            f"choice {item.index + 1} of '{item.scene}' (\"{item.text}\") changes nothing a player will ever see: "
            "a sibling choice leads to the same lines, menus and endings",
            "make it matter, merge it with its sibling, or mark it 'flavor: true' if the flavour is the point",
            severity,
            "HS029",
        )
        for item in cosmetic
    ]
    return problems, notes
