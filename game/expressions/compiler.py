"""Turning a typed condition tree into nested closures, built once and called on every evaluation.

Evaluating a condition is a call of `fn(variables, visits)`: no tree is walked at run time. Parts that read
nothing are folded into constants, and the common shapes get a single closure each: `var OP number`,
`visited(scene) OP number`, `var OP var`, `var + number`, `not var`, and `not (a < b)` (compiled as
`a >= b`).
`and`/`or` short-circuit, evaluating their operands left to right.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from game.expressions import nodes

Variables = Mapping[str, object]
Visits = Mapping[str, int]
Fn = Callable[[Variables, Visits], object]


class _NotConstant:
    __slots__ = ()


_NOT_CONSTANT = _NotConstant()


@dataclass(frozen=True, slots=True)
class _Code:
    """A compiled node: its closure, plus what a parent needs to pick a specialised closure."""

    fn: Fn
    constant: object = _NOT_CONSTANT  # the node's value when it reads nothing
    var: str | None = None  # the node is a plain read of this variable
    scene: str | None = None  # the node is visited(this scene)

    @property
    def is_constant(self) -> bool:
        return self.constant is not _NOT_CONSTANT


def _constant(value: object) -> _Code:
    return _Code(lambda v, n: value, constant=value)


# `a OP b` is `b FLIPPED[OP] a`; `not (a OP b)` is `a NEGATED[OP] b` (ints are totally ordered).
_FLIPPED: dict[nodes.CompareOp, nodes.CompareOp] = {"==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}
_NEGATED: dict[nodes.CompareOp, nodes.CompareOp] = {"==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}

_Maker = Callable[..., Fn]

# One closure per operator and operand shape, so evaluation makes a single call and no operator lookup.
_VAR_CONST: dict[nodes.CompareOp, _Maker] = {
    "==": lambda a, c: lambda v, n: v[a] == c,
    "!=": lambda a, c: lambda v, n: v[a] != c,
    "<": lambda a, c: lambda v, n: v[a] < c,
    "<=": lambda a, c: lambda v, n: v[a] <= c,
    ">": lambda a, c: lambda v, n: v[a] > c,
    ">=": lambda a, c: lambda v, n: v[a] >= c,
}
_VISITS_CONST: dict[nodes.CompareOp, _Maker] = {
    "==": lambda s, c: lambda v, n: n.get(s, 0) == c,
    "!=": lambda s, c: lambda v, n: n.get(s, 0) != c,
    "<": lambda s, c: lambda v, n: n.get(s, 0) < c,
    "<=": lambda s, c: lambda v, n: n.get(s, 0) <= c,
    ">": lambda s, c: lambda v, n: n.get(s, 0) > c,
    ">=": lambda s, c: lambda v, n: n.get(s, 0) >= c,
}
# Two variables are ordered only when the checker has found both numbers; values are typed `object` here.
_VAR_VAR: dict[nodes.CompareOp, _Maker] = {
    "==": lambda a, b: lambda v, n: v[a] == v[b],
    "!=": lambda a, b: lambda v, n: v[a] != v[b],
    "<": lambda a, b: lambda v, n: v[a] < v[b],  # type: ignore[operator]
    "<=": lambda a, b: lambda v, n: v[a] <= v[b],  # type: ignore[operator]
    ">": lambda a, b: lambda v, n: v[a] > v[b],  # type: ignore[operator]
    ">=": lambda a, b: lambda v, n: v[a] >= v[b],  # type: ignore[operator]
}
_FN_CONST: dict[nodes.CompareOp, _Maker] = {
    "==": lambda f, c: lambda v, n: f(v, n) == c,
    "!=": lambda f, c: lambda v, n: f(v, n) != c,
    "<": lambda f, c: lambda v, n: f(v, n) < c,
    "<=": lambda f, c: lambda v, n: f(v, n) <= c,
    ">": lambda f, c: lambda v, n: f(v, n) > c,
    ">=": lambda f, c: lambda v, n: f(v, n) >= c,
}
_FN_FN: dict[nodes.CompareOp, _Maker] = {
    "==": lambda f, g: lambda v, n: f(v, n) == g(v, n),
    "!=": lambda f, g: lambda v, n: f(v, n) != g(v, n),
    "<": lambda f, g: lambda v, n: f(v, n) < g(v, n),
    "<=": lambda f, g: lambda v, n: f(v, n) <= g(v, n),
    ">": lambda f, g: lambda v, n: f(v, n) > g(v, n),
    ">=": lambda f, g: lambda v, n: f(v, n) >= g(v, n),
}


def _compare(op: nodes.CompareOp, left: _Code, right: _Code) -> _Code:
    if left.is_constant and right.is_constant:
        return _constant(_FN_FN[op](left.fn, right.fn)({}, {}))
    if left.is_constant:  # put the constant on the right
        left, right, op = right, left, _FLIPPED[op]
    if right.is_constant:
        value = right.constant
        if left.var is not None:
            return _Code(_VAR_CONST[op](left.var, value))
        if left.scene is not None:
            return _Code(_VISITS_CONST[op](left.scene, value))
        return _Code(_FN_CONST[op](left.fn, value))
    if left.var is not None and right.var is not None:
        return _Code(_VAR_VAR[op](left.var, right.var))
    return _Code(_FN_FN[op](left.fn, right.fn))


def _and(codes: list[_Code]) -> _Code:
    """`a and b and ...`: the first false operand decides."""
    return _short_circuit(codes, decisive=False)


def _or(codes: list[_Code]) -> _Code:
    """`a or b or ...`: the first true operand decides."""
    return _short_circuit(codes, decisive=True)


def _short_circuit(codes: list[_Code], decisive: bool) -> _Code:
    """A chain that stops at the first operand whose truth is `decisive` (false for `and`, true for `or`).

    Constant operands are settled here, and chains of two or three are one lambda each (the common case, and
    faster than a loop)."""
    if any(code.is_constant and bool(code.constant) is decisive for code in codes):
        return _constant(decisive)
    fns = [code.fn for code in codes if not code.is_constant]
    if not fns:
        return _constant(not decisive)
    if len(fns) == 1:
        return _Code(fns[0])
    if len(fns) == 2:
        f, g = fns
        return _Code((lambda v, n: f(v, n) or g(v, n)) if decisive else (lambda v, n: f(v, n) and g(v, n)))
    if len(fns) == 3:
        f, g, h = fns
        if decisive:
            return _Code(lambda v, n: f(v, n) or g(v, n) or h(v, n))
        return _Code(lambda v, n: f(v, n) and g(v, n) and h(v, n))
    chain = tuple(fns)

    def decides(v: Variables, n: Visits) -> object:
        for fn in chain:
            if bool(fn(v, n)) is decisive:
                return decisive
        return not decisive

    return _Code(decides)


def _arith(codes: list[_Code], ops: tuple[str, ...]) -> _Code:
    total = 0  # the constant operands, summed at compile time
    terms: list[tuple[str, _Code]] = []
    for code, op in zip(codes, ("+", *ops), strict=True):
        if not code.is_constant:
            terms.append((op, code))
        elif op == "+":
            total += code.constant  # type: ignore[operator]
        else:
            total -= code.constant  # type: ignore[operator]
    if not terms:
        return _constant(total)
    if len(terms) == 1:
        op, code = terms[0]
        f = code.fn
        if op == "-":
            return _Code(lambda v, n: total - f(v, n))  # type: ignore[operator]
        if code.var is not None:
            name = code.var
            return _Code(lambda v, n: v[name] + total)  # type: ignore[operator]
        if code.scene is not None:
            scene = code.scene
            return _Code(lambda v, n: n.get(scene, 0) + total)
        return _Code(lambda v, n: f(v, n) + total)  # type: ignore[operator]
    if total == 0 and len(terms) == 2 and terms[0][0] == "+":
        f, g = terms[0][1].fn, terms[1][1].fn
        if terms[1][0] == "+":
            return _Code(lambda v, n: f(v, n) + g(v, n))  # type: ignore[operator]
        return _Code(lambda v, n: f(v, n) - g(v, n))  # type: ignore[operator]
    adds = tuple(code.fn for op, code in terms if op == "+")
    subtracts = tuple(code.fn for op, code in terms if op == "-")

    def summed(v: Variables, n: Visits) -> object:
        result = total
        for fn in adds:
            result += fn(v, n)  # type: ignore[operator]
        for fn in subtracts:
            result -= fn(v, n)  # type: ignore[operator]
        return result

    return _Code(summed)


def _compile(node: nodes.Expr) -> _Code:
    if isinstance(node, (nodes.IntLit, nodes.BoolLit, nodes.StrLit)):
        return _constant(node.value)
    if isinstance(node, nodes.Var):
        name = node.name
        return _Code(lambda v, n: v[name], var=name)
    if isinstance(node, nodes.Visited):
        scene = node.scene
        return _Code(lambda v, n: n.get(scene, 0), scene=scene)
    if isinstance(node, nodes.Not):
        if isinstance(node.operand, nodes.Compare):
            inner = node.operand
            return _compare(_NEGATED[inner.op], _compile(inner.left), _compile(inner.right))
        operand = _compile(node.operand)
        if operand.is_constant:
            return _constant(not operand.constant)
        if operand.var is not None:
            name = operand.var
            return _Code(lambda v, n: not v[name])
        f = operand.fn
        return _Code(lambda v, n: not f(v, n))
    if isinstance(node, nodes.Neg):
        operand = _compile(node.operand)
        if operand.is_constant:
            return _constant(-operand.constant)  # type: ignore[operator]
        f = operand.fn
        return _Code(lambda v, n: -f(v, n))  # type: ignore[operator]
    if isinstance(node, nodes.BoolOp):
        codes = [_compile(operand) for operand in node.operands]
        return _and(codes) if node.op == "and" else _or(codes)
    if isinstance(node, nodes.Arith):
        return _arith([_compile(operand) for operand in node.operands], node.ops)
    if isinstance(node, nodes.Compare):
        return _compare(node.op, _compile(node.left), _compile(node.right))
    raise TypeError(f"not a condition node: {node!r}")


def compile_tree(tree: nodes.Expr) -> Fn:
    """The closure computing a type-checked tree's value from `(variables, visits)`."""
    return _compile(tree).fn
