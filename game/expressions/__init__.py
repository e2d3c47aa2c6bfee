"""The story's condition language: parsed by our own small parser, type-checked, compiled to closures.

Conditions guard choices and beats (`if: "grades >= 2 and not out_to_team"`), and playthrough files
`expect` them. The language has whole numbers, `true`/`false`, 'quoted' enum values, declared variables,
`and`/`or`/`not`, `==` `!=` `<` `<=` `>` `>=`, `+` `-`, parentheses and `visited(scene_id)`; nothing else, and
no Python is ever evaluated. Modules, in the order a condition passes through them:

- `lexer`: text to tokens; `parser`: tokens to a tree of the public `nodes`;
- `checker`: types against the story's `VarType` declarations and scene ids;
- `compiler`: the typed tree to one closure `fn(variables, visits)`.

Every problem is an `ExpressionError` with a message, the offset it starts at, and a hint.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from game.expressions.checker import Want, check_expression
from game.expressions.compiler import Fn, Variables, Visits, compile_tree
from game.expressions.errors import ExpressionError
from game.expressions.nodes import (
    Arith,
    BoolLit,
    BoolOp,
    Compare,
    Expr,
    IntLit,
    Neg,
    Not,
    StrLit,
    ValueType,
    Var,
    Visited,
    unparse,
    walk,
)
from game.expressions.parser import MAX_DEPTH, MAX_LENGTH, parse_expression
from game.expressions.vartype import VarType, clamp

_WANTS = ("bool", "int", "any")


@dataclass(frozen=True, slots=True)
class CompiledExpr:
    """A checked condition, ready to evaluate: `fn(variables, visits)` gives its value.

    `variables` must hold a value for every name in `reads`; `visits` maps scene ids to visit counts (a scene
    missing from it counts as never visited).
    """

    source: str
    tree: Expr  # the typed tree: every node's `type` set, every `Var` carrying its `VarType`
    type: ValueType
    reads: frozenset[str]  # variable names read
    visits_read: frozenset[str]  # scene ids passed to visited()
    fn: Fn

    def evaluate(self, variables: Variables, visits: Visits | None = None) -> object:
        """The condition's value for these variables and visit counts."""
        return self.fn(variables, visits if visits is not None else {})


def compile_expression(
    text: str,
    variables: Mapping[str, VarType],
    scenes: Collection[str],
    want: Want = "bool",
    constants: Mapping[str, int | bool] | None = None,
) -> CompiledExpr:
    """Parse, type-check and compile a condition; raises ExpressionError for anything wrong with it.

    `want` is the type the caller needs: "bool" for conditions, "int" for numbers, "any" for either (or text).
    `constants` are the story's named constants, each read as its value.
    """
    if want not in _WANTS:
        raise ValueError(f"want must be one of {_WANTS}, not {want!r}")
    tree = check_expression(parse_expression(text), text, variables, scenes, want, constants)
    nodes = list(walk(tree))
    assert tree.type is not None
    return CompiledExpr(
        source=text,
        tree=tree,
        type=tree.type,
        reads=frozenset(node.name for node in nodes if isinstance(node, Var)),
        visits_read=frozenset(node.scene for node in nodes if isinstance(node, Visited)),
        fn=compile_tree(tree),
    )


__all__ = [
    "MAX_DEPTH",
    "MAX_LENGTH",
    "Arith",
    "BoolLit",
    "BoolOp",
    "Compare",
    "CompiledExpr",
    "Expr",
    "ExpressionError",
    "IntLit",
    "Neg",
    "Not",
    "StrLit",
    "ValueType",
    "Var",
    "VarType",
    "Visited",
    "clamp",
    "compile_expression",
    "parse_expression",
    "unparse",
    "walk",
]
