"""`add`s that always clamp or change nothing (HS020) and `set`s that change nothing (HS021), judged with what is
known where they stand: the declared range, what the scene set before, what an `if` or the choice's own condition
tested (see `game.authoring.flow`)."""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.context import LintContext, show_value
from game.authoring.flow import apply_assignments
from game.authoring.intervals import Env, IntDom, SetDom, declared, refine
from game.model import Assignment, EffectBeat
from game.problems import Problem
from game.summary import iter_beats


def check(ctx: LintContext) -> Iterator[Problem]:
    story = ctx.story
    for scene_id, scene in story.scenes.items():
        flow = ctx.flows[scene_id]
        for beat in iter_beats(scene.beats):
            known = flow.before.get(id(beat))
            if isinstance(beat, EffectBeat) and known is not None:
                yield from _changes(ctx, beat.op, beat.changes, known.env)
        if flow.end is None:
            continue
        for choice in scene.choices:
            offered = flow.end.env
            env = offered if choice.condition is None else refine(choice.condition.tree, offered, True)
            if env is None:
                continue  # the choice is never offered (reported as HS018)
            yield from _changes(ctx, "set", choice.sets, env)
            env = apply_assignments(story, env, "set", choice.sets)
            yield from _changes(ctx, "add", choice.adds, env)


def _changes(ctx: LintContext, op: str, changes: tuple[Assignment, ...], env: Env) -> Iterator[Problem]:
    for change in changes:
        if change.expression is not None:
            env = apply_assignments(ctx.story, env, op, (change,))
            continue  # a value worked out in play: nothing to say about it here
        variable = ctx.story.variables[change.variable]
        dom = env.get(change.variable, declared(variable.type))
        name = change.variable
        if op == "set":
            if _single(dom) == change.value and _single(dom) is not None:
                yield ctx.problem(
                    "HS021",
                    change.where,
                    f"'{name}' is certainly {show_value(change.value)} already here, so this 'set' changes nothing",
                    "remove it, or set the value you meant",
                )
            continue
        assert isinstance(dom, IntDom)
        amount = change.value
        assert isinstance(amount, int)
        low, high = variable.type.minimum, variable.type.maximum
        if amount == 0:
            yield ctx.problem("HS020", change.where, f"adding 0 to '{name}' changes nothing", "remove it")
        elif (amount > 0 and high is not None and dom.lo >= high) or (amount < 0 and low is not None and dom.hi <= low):
            end = "max" if amount > 0 else "min"
            bound = high if amount > 0 else low
            yield ctx.problem(
                "HS020",
                change.where,
                f"'{name}' is already at its {end} ({bound}) here, so this 'add' changes nothing",
                "remove it",
            )
        elif amount > 0 and high is not None and dom.lo + amount >= high:
            yield _always(ctx, change, name, "max", high, dom)
        elif amount < 0 and low is not None and dom.hi + amount <= low:
            yield _always(ctx, change, name, "min", low, dom)


def _always(ctx: LintContext, change: Assignment, name: str, end: str, bound: int, dom: IntDom) -> Problem:
    return ctx.problem(
        "HS020",
        change.where,
        f"adding {change.value} always leaves '{name}' at its {end}, {bound} ({dom.describe(name)} here)",
        f"write 'set: {{{name}: {bound}}}' instead, or a smaller amount",
    )


def _single(dom: IntDom | SetDom) -> object:
    if isinstance(dom, IntDom):
        return int(dom.lo) if dom.lo == dom.hi else None
    return next(iter(dom.values)) if len(dom.values) == 1 else None
