"""The lint rules, one module per subject; each has `check(ctx) -> Iterator[Problem]`.

`RULES` is the order they run in; the linter sorts what they report by position, so the order only matters for
reading the code.
"""

from __future__ import annotations

from game.authoring.rules import (
    assets,
    calls,
    cast,
    choices,
    conditions,
    effects,
    emphasis,
    scenes,
    stage,
    textfit,
    variables,
)

RULES = (variables, cast, assets, scenes, calls, choices, conditions, effects, stage, textfit, emphasis)
