"""Conditions that can never hold (HS018) or always hold (HS019), given the variables' declared ranges and enum
values and what the scene has set or tested before them (see `game.authoring.flow`).

A whole condition that is constant is reported once, at its start. Otherwise each part that is constant in its place
is reported at that part: an `and`'s operand that always holds, or an `or`'s operand that never does, adds nothing.
Each operand is judged knowing the operands before it (in `a and b`, `b` is only evaluated when `a` held).
Invariants are meant to always hold, so only an invariant that can never hold is reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.context import LintContext
from game.authoring.intervals import Env, describe_reads, refine, truth
from game.expressions import BoolOp, CompiledExpr, Expr
from game.model import IfBeat, Location
from game.problems import Problem
from game.summary import iter_beats


def check(ctx: LintContext) -> Iterator[Problem]:
    story = ctx.story
    index = ctx.index
    for invariant in story.invariants:
        start, source = invariant.where, invariant.condition.source
        for node, holds, whole in constant_parts(invariant.condition, {}):
            if not holds:
                quoted = index.item_quoted(start)  # read from the manifest's YAML only when there is a problem
                where = index.offset_in(start, quoted, node.offset, source)
                yield _report(ctx, invariant.condition, node, holds, whole, {}, where, "invariant")
    for scene_id, scene in story.scenes.items():
        flow = ctx.flows[scene_id]
        for beat in iter_beats(scene.beats):
            known = flow.before.get(id(beat))
            if isinstance(beat, IfBeat) and known is not None:
                kind = "if-else" if beat.otherwise else "if"
                yield from _check(ctx, beat.condition, known.env, beat.where, kind)
        if flow.end is None:
            continue
        for choice in scene.choices:
            if choice.condition is not None:
                kind = "locked choice" if choice.locked else "choice"
                yield from _check(ctx, choice.condition, flow.end.env, choice.where, kind)


def _check(ctx: LintContext, condition: CompiledExpr, env: Env, where: Location, kind: str) -> Iterator[Problem]:
    for node, holds, whole in constant_parts(condition, env):
        at = ctx.index.text_pos(where, "if", node.offset, condition.source)
        yield _report(ctx, condition, node, holds, whole, env, at, kind)


def constant_parts(condition: CompiledExpr, env: Env) -> Iterator[tuple[Expr, bool, bool]]:
    """(node, whether it always holds, whether it is the whole condition) for each maximal constant part."""
    values = truth(condition.tree, env)
    if len(values) == 1:
        yield condition.tree, True in values, True
        return
    yield from _parts(condition.tree, env)


def _parts(node: Expr, env: Env) -> Iterator[tuple[Expr, bool, bool]]:
    if isinstance(node, BoolOp):
        current: Env | None = env
        for operand in node.operands:
            if current is None:
                return
            yield from _settled_or_parts(operand, current)
            # `and` goes on to its next operand only when this one held; `or` only when it failed
            current = refine(operand, current, node.op == "and")
        return
    for child in node.children():
        if child.type == "bool":
            yield from _settled_or_parts(child, env)


def _settled_or_parts(node: Expr, env: Env) -> Iterator[tuple[Expr, bool, bool]]:
    """A part whose truth is settled here, or else the settled parts inside it."""
    values = truth(node, env)
    if len(values) == 1:
        yield node, True in values, False
    else:
        yield from _parts(node, env)


_WHOLE = {
    ("invariant", False): "the invariant can never hold",
    ("if", False): "this condition can never hold here, so its 'then' beats never play",
    ("if-else", False): "this condition can never hold here, so its 'then' beats never play",
    ("if", True): "this condition always holds here, so the 'if' changes nothing",
    ("if-else", True): "this condition always holds here, so its 'else' beats never play",
    ("choice", False): "this choice's condition can never hold here, so the choice is never offered",
    ("locked choice", False): "this choice's condition can never hold here, so the choice is always locked",
    ("choice", True): "this choice's condition always holds here, so it never hides the choice",
    ("locked choice", True): "this choice's condition always holds here, so the choice is never locked",
}


def _report(
    ctx: LintContext,
    condition: CompiledExpr,
    node: Expr,
    holds: bool,
    whole: bool,
    env: Env,
    at: Location,
    kind: str,
) -> Problem:
    reads = describe_reads(node, env)
    why = f" ({reads})" if reads else " (it has no variables)"
    if whole:
        message = _WHOLE[(kind, holds)] + why
        hint = "remove the condition" if holds else "check the numbers and values against the variables' declarations"
    else:
        part = condition.source[node.offset : node.end]
        verb = "always holds" if holds else "can never hold"
        message = f"'{part}' {verb} here{why}, so it adds nothing to the condition"
        hint = "remove that part, or check it against the variables' declarations"
    return ctx.problem("HS019" if holds else "HS018", at, message, hint)
