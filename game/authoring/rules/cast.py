"""Characters and their sprites: nobody declared for nothing (HS003), and every sprite a beat asks for exists
(HS004 no sprites at all, HS005 not this expression, HS006 an `as:` that can never show)."""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.context import LintContext, beat_key
from game.model import Location, StageBeat, TextBeat
from game.problems import Problem, did_you_mean


def check(ctx: LintContext) -> Iterator[Problem]:
    appearing: set[str] = set()
    index = ctx.index
    for _, beat in ctx.beats():
        if isinstance(beat, TextBeat):
            if beat.speaker:
                appearing.add(beat.speaker)
            if beat.expression is None or beat.speaker is None:
                continue
            known = ctx.expressions(beat.speaker)
            if known and beat.expression in known:
                continue
            # the position inside the beat is looked for only when there is a problem to put there
            where = index.inner_value_pos(beat.where, beat_key(beat), "as")
            if not known:
                yield ctx.problem(
                    "HS006",
                    where,
                    f"'{beat.speaker}' has no sprites, so 'as: {beat.expression}' never shows",
                    "remove the 'as:' (or add sprites in assets/sprites/" + beat.speaker + "/)",
                )
            else:
                yield _missing_expression(ctx, beat.speaker, beat.expression, known, where)
        elif isinstance(beat, StageBeat) and beat.action in ("show", "hide") and beat.who and beat.who != "all":
            appearing.add(beat.who)
            if beat.action != "show":
                continue
            known = ctx.expressions(beat.who)
            if not known:
                yield ctx.problem(
                    "HS004",
                    index.inner_value_pos(beat.where, "show", "who"),
                    f"'{beat.who}' has no sprites to show (nothing in assets/sprites/{beat.who}/)",
                    "add the character's art, or remove the 'show'",
                )
            elif beat.outfit:
                yield from _check_outfit(ctx, beat)
            elif beat.expression not in known:
                where = index.inner_value_pos(beat.where, "show", "as")
                yield _missing_expression(ctx, beat.who, beat.expression or "neutral", known, where)
    for char_id, character in ctx.story.characters.items():
        if char_id not in appearing:
            yield ctx.problem(
                "HS003",
                character.where,
                f"the character '{char_id}' never speaks, thinks, sends a message or appears on stage",
                "remove the declaration, or give them a line",
            )


def _check_outfit(ctx: LintContext, beat: StageBeat) -> Iterator[Problem]:
    """A `show` in an outfit (its own, or its scene's or chapter's): the outfit and the expression in it exist."""
    who, outfit, expression = beat.who or "", beat.outfit or "", beat.expression or "neutral"
    in_outfit = ctx.catalog.expressions(who, outfit)
    if not in_outfit:
        where = ctx.index.inner_value_pos(beat.where, "show", "outfit")
        outfits = ctx.catalog.outfits(who)
        hint = did_you_mean(outfit, outfits) or (
            f"'{who}' has: " + ", ".join(sorted(outfits)) if outfits else f"draw it in assets/sprites/{who}/{outfit}/"
        )
        yield ctx.problem("HS005", where, f"'{who}' has no outfit '{outfit}' (assets/sprites/{who}/{outfit}/)", hint)
    elif expression not in in_outfit:
        yield _missing_expression(ctx, who, expression, in_outfit, ctx.index.inner_value_pos(beat.where, "show", "as"))


def _missing_expression(ctx: LintContext, who: str, expression: str, known: set[str], where: Location) -> Problem:
    hint = did_you_mean(expression, known) or f"'{who}' has: " + ", ".join(sorted(known))
    return ctx.problem(
        "HS005",
        where,
        f"there is no sprite of '{who}' with the expression '{expression}' "
        f"(assets/sprites/{who}/{expression}.svg or .png)",
        hint,
    )
