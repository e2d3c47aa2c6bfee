"""The syntax tree of a condition: public, immutable node classes the linter and tools can walk.

This is the one home of the language's names and types (node classes, `ValueType`, the operators): the parser,
the checker, the compiler and the linter's interval analysis import this module and write `nodes.Compare`,
`nodes.ValueType`, rather than each keeping its own list of them.

`parse_expression` returns a tree of these nodes with every `type` left as None. `compile_expression`
returns the same shape with every `type` filled in ("int", "bool" or "str") and each `Var` carrying its
declared `VarType`, so an interval analysis needs nothing but the tree: an `IntLit` is a point, a `Var` of
kind int spans `var_type.minimum..var_type.maximum` (unbounded where not declared), a `Visited` is 0 or more,
and so on.

Every node records where it came from: `offset` is the 0-based index of its first character in the condition's
text and `end` the index just past its last one, so `text[node.offset:node.end]` is the node's own source and a
message about it can point at it. Parentheses around a node are not part of its own span, but are part of the
span of the node containing it.

`and`/`or` chains and `+`/`-` chains are single n-ary nodes (`BoolOp`, `Arith`), which keeps every tree
shallow: its depth is bounded by the parser's limit on nested parentheses and unary operators, whatever the
text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from game.expressions.vartype import VarType

ValueType = Literal["int", "bool", "str"]
CompareOp = Literal["==", "!=", "<", "<=", ">", ">="]
ArithOp = Literal["+", "-"]
BoolOpName = Literal["and", "or"]

COMPARE_OPS: tuple[CompareOp, ...] = ("==", "!=", "<", "<=", ">", ">=")


class Expr:
    """Base class of every node; see the subclasses for their fields.

    Every node has `offset` and `end` (its span in the source text) and `type` (None until type-checked).
    """

    __slots__ = ()
    offset: int
    end: int
    type: ValueType | None

    def children(self) -> tuple[Expr, ...]:
        """The node's direct sub-expressions, left to right."""
        return ()


_Value = TypeVar("_Value", int, bool, str)


@dataclass(frozen=True, slots=True)
class _Literal(Expr, Generic[_Value]):
    """A value written in the text: the fields the three kinds of literal share (each is its own class)."""

    value: _Value
    offset: int
    end: int
    type: ValueType | None = None


class IntLit(_Literal[int]):
    """A whole-number literal; a minus sign written directly before a number is folded into it (`-3`)."""

    __slots__ = ()


class BoolLit(_Literal[bool]):
    """`true` or `false`."""

    __slots__ = ()


class StrLit(_Literal[str]):
    """A quoted text, only meaningful compared with an enum variable (`roommate == 'tao'`)."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Var(Expr):
    """A variable read; once typed, `var_type` is its declaration (kind, enum values, int range)."""

    name: str
    offset: int
    end: int
    type: ValueType | None = None
    var_type: VarType | None = None


@dataclass(frozen=True, slots=True)
class Visited(Expr):
    """`visited(scene)`: how many times that scene has been entered (an int, 0 if never)."""

    scene: str
    offset: int  # where `visited` starts
    end: int
    scene_offset: int  # where the scene id starts, for messages about it
    type: ValueType | None = None


@dataclass(frozen=True, slots=True)
class _Unary(Expr):
    """An operator written before one operand: the fields `not` and unary minus share (each is its own class)."""

    operand: Expr
    offset: int
    end: int
    type: ValueType | None = None

    def children(self) -> tuple[Expr, ...]:
        return (self.operand,)


class Not(_Unary):
    """`not operand`."""

    __slots__ = ()


class Neg(_Unary):
    """Unary minus applied to something other than a number literal (`-grades`)."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class BoolOp(Expr):
    """`a and b and ...` or `a or b or ...`: two or more operands, evaluated left to right, short-circuit."""

    op: BoolOpName
    operands: tuple[Expr, ...]
    offset: int
    end: int
    type: ValueType | None = None

    def children(self) -> tuple[Expr, ...]:
        return self.operands


@dataclass(frozen=True, slots=True)
class Arith(Expr):
    """`a + b - c ...`, left-associative: `ops[i]` combines the running total with `operands[i + 1]`."""

    operands: tuple[Expr, ...]
    ops: tuple[ArithOp, ...]
    offset: int
    end: int
    op_offsets: tuple[int, ...] = ()  # where each of `ops` is written
    type: ValueType | None = None

    def children(self) -> tuple[Expr, ...]:
        return self.operands


@dataclass(frozen=True, slots=True)
class Compare(Expr):
    """`left op right` for one of == != < <= > >=; comparisons never chain."""

    op: CompareOp
    left: Expr
    right: Expr
    offset: int
    end: int
    op_offset: int = 0  # where the operator is written
    type: ValueType | None = None

    def children(self) -> tuple[Expr, ...]:
        return (self.left, self.right)


def walk(tree: Expr) -> Iterator[Expr]:
    """Every node of a tree, parents before children, left to right (without recursion)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children()))


# How tightly each kind of node binds, for `unparse`: a child binding more loosely than its place needs gets
# parentheses.
_OR, _AND, _NOT, _COMPARE, _SUM, _NEG, _ATOM = range(7)


def _precedence(node: Expr) -> int:
    if isinstance(node, BoolOp):
        return _OR if node.op == "or" else _AND
    if isinstance(node, Not):
        return _NOT
    if isinstance(node, Compare):
        return _COMPARE
    if isinstance(node, Arith):
        return _SUM
    if isinstance(node, Neg) or (isinstance(node, IntLit) and node.value < 0):
        return _NEG
    return _ATOM


def _quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def unparse(tree: Expr) -> str:
    """Condition text for a tree, with the parentheses it needs; parsing it gives back the same meaning."""

    def wrap(child: Expr, needed: int) -> str:
        text = unparse(child)
        return f"({text})" if _precedence(child) < needed else text

    if isinstance(tree, IntLit):
        return str(tree.value)
    if isinstance(tree, BoolLit):
        return "true" if tree.value else "false"
    if isinstance(tree, StrLit):
        return _quote(tree.value)
    if isinstance(tree, Var):
        return tree.name
    if isinstance(tree, Visited):
        return f"visited({tree.scene})"
    if isinstance(tree, Not):
        return "not " + wrap(tree.operand, _NOT)
    if isinstance(tree, Neg):
        return "-" + wrap(tree.operand, _NEG)
    if isinstance(tree, BoolOp):
        level = _precedence(tree)
        return f" {tree.op} ".join(wrap(operand, level + 1) for operand in tree.operands)
    if isinstance(tree, Arith):
        parts = [wrap(tree.operands[0], _SUM + 1)]
        for op, operand in zip(tree.ops, tree.operands[1:], strict=True):
            parts.append(f"{op} {wrap(operand, _SUM + 1)}")
        return " ".join(parts)
    if isinstance(tree, Compare):
        return f"{wrap(tree.left, _SUM)} {tree.op} {wrap(tree.right, _SUM)}"
    raise TypeError(f"not a condition node: {tree!r}")
