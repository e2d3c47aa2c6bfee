"""Emphasis markers that found no partner (HS031): `*` or `**` before a word that no closing run matches, or after
one that none opened. They show as written (so no story reads differently for them), which is seldom what the
author meant; the warning points at the exact column."""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.context import LintContext
from game.emphasis import read_emphasis
from game.model import TextBeat
from game.problems import Problem


def check(ctx: LintContext) -> Iterator[Problem]:
    index = ctx.index
    for _, beat in ctx.beats():
        if not isinstance(beat, TextBeat) or "*" not in beat.text:
            continue
        unmatched = read_emphasis(beat.text).unmatched
        if not unmatched:
            continue
        if beat.extends:
            key = "extend"
        elif beat.kind == "speech":
            assert beat.speaker is not None  # a spoken line always names its speaker
            key = beat.speaker
        else:
            key = "narrate"
        at = index.text_pos(beat.where, key, unmatched[0], beat.text)
        if at == beat.where and beat.kind == "narration":
            at = index.text_pos(beat.where, "narrator", unmatched[0], beat.text)
        yield ctx.problem(
            "HS031",
            at,
            "this asterisk starts or ends no emphasis, so it shows as written",
            "close it (*italic*, **bold**), or write \\* for an asterisk meant as itself",
        )
