"""What values a condition's variables can have, and so whether a condition can hold: a small abstract interpreter.

Each variable has a domain: an int an interval (from its declared `min`/`max`, unbounded where none), an enum a set
of its declared values, a bool a set of truth values; `visited(x)` is 0 or more. An `Env` narrows some of them
(after a `set`, inside an `if`'s branches); names it does not mention keep their declared domain.

`refine(tree, env, want)` gives the env narrowed by assuming the condition evaluates to `want`, or None when it
cannot: that one function answers both "can this ever hold?" (`refine(..., True) is None` means never) and "can this
ever fail?". It is sound: it only says "never" when no values in the domains could make it so; where it cannot tell
(two variables compared, a sum), it keeps the domains as they are.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from game.expressions import VarType, nodes

INF = math.inf


@dataclass(frozen=True, slots=True)
class IntDom:
    lo: float  # an int, or -inf
    hi: float  # an int, or inf

    def describe(self, name: str) -> str:
        if self.lo == self.hi:
            return f"{name} is {int(self.lo)}"
        if self.lo == -INF and self.hi == INF:
            return f"{name} can be any number"
        if self.lo == -INF:
            return f"{name} is at most {int(self.hi)}"
        if self.hi == INF:
            return f"{name} is at least {int(self.lo)}"
        return f"{name} is from {int(self.lo)} to {int(self.hi)}"


@dataclass(frozen=True, slots=True)
class SetDom:
    """The possible values of an enum (text) or a bool (True/False)."""

    values: frozenset

    def describe(self, name: str) -> str:
        shown = sorted(("true" if v else "false") if isinstance(v, bool) else f"'{v}'" for v in self.values)
        if len(shown) == 1:
            return f"{name} is {shown[0]}"
        return f"{name} is one of {', '.join(shown)}"


Dom = IntDom | SetDom
Env = Mapping[str, Dom]  # variable name (or "visited:SCENE") -> its narrowed domain


def declared(var_type: VarType) -> Dom:
    if var_type.kind == "int":
        low = -INF if var_type.minimum is None else var_type.minimum
        high = INF if var_type.maximum is None else var_type.maximum
        return IntDom(low, high)
    if var_type.kind == "bool":
        return SetDom(frozenset((True, False)))
    return SetDom(frozenset(var_type.values))


def _visited_key(scene: str) -> str:
    return f"visited:{scene}"


def domain_of(node: nodes.Var | nodes.Visited, env: Env) -> Dom:
    if isinstance(node, nodes.Visited):
        return env.get(_visited_key(node.scene), IntDom(0, INF))
    found = env.get(node.name)
    if found is not None:
        return found
    assert node.var_type is not None, "refine needs a type-checked tree"
    return declared(node.var_type)


def _key(node: nodes.Var | nodes.Visited) -> str:
    return _visited_key(node.scene) if isinstance(node, nodes.Visited) else node.name


def _with(env: Env, node: nodes.Var | nodes.Visited, dom: Dom) -> dict[str, Dom] | None:
    if isinstance(dom, IntDom) and dom.lo > dom.hi:
        return None
    if isinstance(dom, SetDom) and not dom.values:
        return None
    narrowed = dict(env)
    narrowed[_key(node)] = dom
    return narrowed


def join(a: Env | None, b: Env | None) -> Env | None:
    """Domains that cover both envs (None is 'no way gets here')."""
    if a is None:
        return b
    if b is None:
        return a
    joined: dict[str, Dom] = {}
    for name in a.keys() & b.keys():
        x, y = a[name], b[name]
        if isinstance(x, IntDom) and isinstance(y, IntDom):
            joined[name] = IntDom(min(x.lo, y.lo), max(x.hi, y.hi))
        elif isinstance(x, SetDom) and isinstance(y, SetDom):
            joined[name] = SetDom(x.values | y.values)
    return joined


# Values of int and text expressions --------------------------------------------------------------------------------


def int_range(node: nodes.Expr, env: Env) -> IntDom:
    if isinstance(node, nodes.IntLit):
        return IntDom(node.value, node.value)
    if isinstance(node, (nodes.Var, nodes.Visited)):
        dom = domain_of(node, env)
        return dom if isinstance(dom, IntDom) else IntDom(-INF, INF)
    if isinstance(node, nodes.Neg):
        inner = int_range(node.operand, env)
        return IntDom(-inner.hi, -inner.lo)
    if isinstance(node, nodes.Arith):
        total = int_range(node.operands[0], env)
        for op, operand in zip(node.ops, node.operands[1:]):
            part = int_range(operand, env)
            if op == "+":
                total = IntDom(_add(total.lo, part.lo), _add(total.hi, part.hi))
            else:
                total = IntDom(_add(total.lo, -part.hi), _add(total.hi, -part.lo))
        return total
    return IntDom(-INF, INF)


def _add(a: float, b: float) -> float:
    total = a + b
    return a if math.isnan(total) else total  # inf - inf cannot bound anything: keep the open end


def _values(node: nodes.Expr, env: Env) -> frozenset | None:
    """The possible values of a text or bool expression, or None when unknown."""
    if isinstance(node, nodes.StrLit):
        return frozenset((node.value,))
    if isinstance(node, nodes.BoolLit):
        return frozenset((node.value,))
    if isinstance(node, nodes.Var):
        dom = domain_of(node, env)
        return dom.values if isinstance(dom, SetDom) else None
    if node.type == "bool":
        return frozenset(want for want in (True, False) if refine(node, env, want) is not None)
    return None


# Conditions -------------------------------------------------------------------------------------------------------

_NEGATED = {"==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}
_FLIPPED = {"==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}


def refine(node: nodes.Expr, env: Env, want: bool) -> Env | None:
    """`env` narrowed by assuming `node` evaluates to `want`; None when no values in `env` make it so."""
    if isinstance(node, nodes.BoolLit):
        return env if node.value == want else None
    if isinstance(node, nodes.Not):
        return refine(node.operand, env, not want)
    if isinstance(node, nodes.Var):
        dom = domain_of(node, env)
        if not isinstance(dom, SetDom):
            return env
        return _with(env, node, SetDom(dom.values & {want}))
    if isinstance(node, nodes.BoolOp):
        every = (node.op == "and") == want  # `and` wanted true, or `or` wanted false: each operand must agree
        if every:
            current: Env = env
            for operand in node.operands:
                refined = refine(operand, current, want)
                if refined is None:
                    return None
                current = refined
            return current
        result: Env | None = None
        for operand in node.operands:
            result = join(result, refine(operand, env, want))
        return result
    if isinstance(node, nodes.Compare):
        op = node.op if want else _NEGATED[node.op]
        if node.left.type == "int":
            return _refine_int(node.left, op, node.right, env)
        return _refine_values(node.left, op, node.right, env)
    return env


def _refine_int(left: nodes.Expr, op: str, right: nodes.Expr, env: Env) -> Env | None:
    a, b = int_range(left, env), int_range(right, env)
    possible = {
        "<": a.lo < b.hi,
        "<=": a.lo <= b.hi,
        ">": a.hi > b.lo,
        ">=": a.hi >= b.lo,
        "==": a.lo <= b.hi and b.lo <= a.hi,
        "!=": not (a.lo == a.hi == b.lo == b.hi),
    }[op]
    if not possible:
        return None
    narrowed: Env | None = env
    if isinstance(left, (nodes.Var, nodes.Visited)):
        narrowed = _narrow_int(left, op, b, env)
    if narrowed is not None and isinstance(right, (nodes.Var, nodes.Visited)):
        narrowed = _narrow_int(right, _FLIPPED[op], int_range(left, narrowed), narrowed)
    return narrowed


def _narrow_int(node: nodes.Var | nodes.Visited, op: str, other: IntDom, env: Env) -> Env | None:
    """`node op x` for some x in `other`: the values of `node` for which that can be."""
    dom = int_range(node, env)
    lo, hi = dom.lo, dom.hi
    if op == "<":
        hi = min(hi, other.hi - 1)
    elif op == "<=":
        hi = min(hi, other.hi)
    elif op == ">":
        lo = max(lo, other.lo + 1)
    elif op == ">=":
        lo = max(lo, other.lo)
    elif op == "==":
        lo, hi = max(lo, other.lo), min(hi, other.hi)
    elif other.lo == other.hi:  # != one value: only an end of the range can be cut off
        if lo == other.lo:
            lo += 1
        elif hi == other.hi:
            hi -= 1
    return _with(env, node, IntDom(lo, hi))


def _refine_values(left: nodes.Expr, op: str, right: nodes.Expr, env: Env) -> Env | None:
    a, b = _values(left, env), _values(right, env)
    if a is None or b is None:
        return env
    if op == "==":
        if not a & b:
            return None
    elif len(a) == 1 and a == b:
        return None
    narrowed: Env | None = env
    for side, other in ((left, b), (right, a)):
        if narrowed is None or not isinstance(side, nodes.Var):
            continue
        dom = domain_of(side, narrowed)
        if not isinstance(dom, SetDom):
            continue
        if op == "==":
            narrowed = _with(narrowed, side, SetDom(dom.values & other))
        elif len(other) == 1:
            narrowed = _with(narrowed, side, SetDom(dom.values - other))
    return narrowed


def truth(node: nodes.Expr, env: Env) -> frozenset[bool]:
    """The values a condition can have: {True}, {False} or both (empty only where no way gets here)."""
    return frozenset(want for want in (True, False) if refine(node, env, want) is not None)


def describe_reads(node: nodes.Expr, env: Env) -> str:
    """'grades is from 0 to 5, bet is one of ...' for the variables a condition reads, in the order read."""
    seen: dict[str, str] = {}
    for item in nodes.walk(node):
        if isinstance(item, (nodes.Var, nodes.Visited)):
            name = item.name if isinstance(item, nodes.Var) else f"visited({item.scene})"
            if name not in seen:
                seen[name] = domain_of(item, env).describe(name)
    return ", ".join(seen.values())
