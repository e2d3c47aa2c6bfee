"""Variables nobody reads (HS001) and variables nobody writes (HS002)."""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.context import LintContext, show_value
from game.inline_text import expressions_in
from game.model import EffectBeat, IfBeat, TextBeat
from game.problems import Problem


def check(ctx: LintContext) -> Iterator[Problem]:
    story = ctx.story
    read: set[str] = set()
    written: set[str] = set()
    for invariant in story.invariants:
        read |= invariant.condition.reads
    for scene in story.scenes.values():
        for choice in scene.choices:
            if choice.condition is not None:
                read |= choice.condition.reads
            written.update(change.variable for change in choice.sets + choice.adds)
            read.update(*(change.expression.reads for change in choice.sets + choice.adds if change.expression))
            for inline in (choice.text_inline, choice.locked_inline):
                if inline is not None:
                    read.update(*(expression.reads for expression in expressions_in(inline.parts)))
    for _, beat in ctx.beats():
        if isinstance(beat, IfBeat):
            read |= beat.condition.reads
        elif isinstance(beat, EffectBeat):
            written.update(change.variable for change in beat.changes)
            read.update(*(change.expression.reads for change in beat.changes if change.expression))
        elif isinstance(beat, TextBeat) and beat.inline is not None:
            read.update(*(expression.reads for expression in expressions_in(beat.inline.parts)))
    for name, variable in story.variables.items():
        if name not in read:
            yield ctx.problem(
                "HS001",
                variable.where,
                f"the variable '{name}' is never read by any condition",
                "use it in an 'if' or a choice's condition, or remove it and the 'set'/'add's that change it",
            )
        if name not in written:
            yield ctx.problem(
                "HS002",
                variable.where,
                f"the variable '{name}' is never set or added to, so it is always {show_value(variable.default)}",
                "set it where the story decides it, or remove it",
            )
