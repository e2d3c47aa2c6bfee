"""What the story declares about a variable, as far as conditions care.

The story loader turns each entry under `variables:` into a `VarType`; the type checker uses it to reject
conditions that compare the wrong kinds of value, and the linter reads `minimum`/`maximum` (carried on every
typed `Var` node) to find conditions that can never, or always, hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeVar

VarKind = Literal["int", "bool", "enum"]
_Number = TypeVar("_Number", int, float)


def clamp(value: _Number, minimum: int | None, maximum: int | None) -> _Number | int:
    """`value` brought into a declared int range (None: no bound on that side): what an `add`, or a `set` worked
    out from an expression, leaves in an int variable. The one place the rule is written, for play and analysis."""
    if minimum is not None and value < minimum:
        return minimum
    if maximum is not None and value > maximum:
        return maximum
    return value


@dataclass(frozen=True, slots=True)
class VarType:
    """A declared variable's kind, its enum values, and its int range when the story gives one."""

    kind: VarKind
    values: tuple[str, ...] = ()  # the allowed values of an enum, in declaration order
    minimum: int | None = None  # an int's declared `min`, if any
    maximum: int | None = None  # an int's declared `max`, if any

    @property
    def value_type(self) -> Literal["int", "bool", "str"]:
        """The type of this variable's values inside a condition (an enum's values are text)."""
        return "str" if self.kind == "enum" else self.kind
