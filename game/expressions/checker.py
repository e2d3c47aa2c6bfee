"""Type-checking a parsed condition against the story's declarations.

Rules: `and`/`or`/`not` take true/false; `<` `<=` `>` `>=`, `+`, `-` take numbers; `==` and `!=` take two
values of the same type: two numbers, two true/false values, an enum variable and one of its quoted values, or
two enum variables with the same set of values. Names must be declared variables and `visited()` must name
a scene.

The result is the same tree with every node's `type` filled in and each `Var` carrying its `VarType`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from typing import Literal

from game.expressions import nodes
from game.expressions.errors import ExpressionError, did_you_mean, quoted_list
from game.expressions.mistakes import ALWAYS_A_VALUE
from game.expressions.vartype import VarType

Want = Literal["bool", "int", "any"]

_PHRASES: dict[nodes.ValueType, str] = {"int": "a number", "bool": "true or false", "str": "text"}
_NOT_A_VALUE = frozenset({"null", "none", "nil", "undefined"})


class _Checker:
    def __init__(
        self,
        text: str,
        variables: Mapping[str, VarType],
        scenes: Collection[str],
        constants: Mapping[str, int | bool] | None = None,
    ) -> None:
        self.text = text
        self.variables = variables
        self.scenes = scenes
        self.constants = constants or {}

    # --- describing nodes in messages -------------------------------------------------------------

    def subject(self, node: nodes.Expr) -> str:
        """How a message names a node: its own source if short, else 'this'."""
        source = self.text[node.offset : node.end]
        if len(source) > 40:
            return "this"
        return source if isinstance(node, nodes.StrLit) else f"'{source}'"

    def phrase(self, node: nodes.Expr) -> str:
        """What kind of value a typed node is, in words."""
        if isinstance(node, nodes.Var) and node.var_type is not None and node.var_type.kind == "enum":
            return f"one of {quoted_list(node.var_type.values)}"
        assert node.type is not None
        return _PHRASES[node.type]

    def fail(self, node: nodes.Expr, message: str, hint: str) -> ExpressionError:
        return ExpressionError(message, node.offset, hint, node.end - node.offset)

    def require(self, node: nodes.Expr, wanted: nodes.ValueType, rule: str) -> None:
        """Raise unless `node` has type `wanted`; `rule` says why, e.g. "'not' needs true or false"."""
        if node.type == wanted:
            return
        raise self.fail(node, f"{rule}, but {self.subject(node)} is {self.phrase(node)}", self.mend_hint(node, wanted))

    def mend_hint(self, node: nodes.Expr, wanted: nodes.ValueType) -> str:
        source = self.text[node.offset : node.end]
        enum = node.var_type if isinstance(node, nodes.Var) and node.var_type and node.var_type.kind == "enum" else None
        if wanted == "bool" and node.type == "int":
            return f"compare it with a number, e.g. '{source} > 0'"
        if enum is not None:
            return f"compare it with one of its values, e.g. \"{source} == '{enum.values[0]}'\""
        if wanted == "int" and node.type == "bool":
            return "only numbers can be added, subtracted or ordered; true/false go with 'and', 'or', 'not'"
        if isinstance(node, nodes.StrLit) and wanted == "int" and node.value.strip().lstrip("-").isdigit():
            return f"write numbers without quotes: {node.value.strip()}"
        if isinstance(node, nodes.StrLit) and wanted == "bool" and node.value.strip().lower() in ("true", "false"):
            return f"write {node.value.strip().lower()} without quotes"
        if isinstance(node, nodes.StrLit):
            return "quoted text can only be compared with an enum variable, e.g. \"roommate == 'tao'\""
        return "use a number here" if wanted == "int" else "use a comparison or a true/false variable here"

    # --- the rules --------------------------------------------------------------------------------

    def check(self, node: nodes.Expr) -> nodes.Expr:
        if isinstance(node, (nodes.IntLit, nodes.BoolLit, nodes.StrLit)):
            kind: nodes.ValueType = (
                "int" if isinstance(node, nodes.IntLit) else "bool" if isinstance(node, nodes.BoolLit) else "str"
            )
            return dataclasses.replace(node, type=kind)
        if isinstance(node, nodes.Var):
            if node.name in self.constants:  # a named constant is its value, as if written there
                value = self.constants[node.name]
                if isinstance(value, bool):
                    return nodes.BoolLit(value, node.offset, node.end, "bool")
                return nodes.IntLit(value, node.offset, node.end, "int")
            return self.variable(node)
        if isinstance(node, nodes.Visited):
            return self.visited(node)
        if isinstance(node, nodes.Not):
            operand = self.check(node.operand)
            self.require(operand, "bool", "'not' needs true or false")
            return dataclasses.replace(node, operand=operand, type="bool")
        if isinstance(node, nodes.Neg):
            operand = self.check(node.operand)
            self.require(operand, "int", "'-' needs a number")
            return dataclasses.replace(node, operand=operand, type="int")
        if isinstance(node, nodes.BoolOp):
            operands = []
            for operand in node.operands:  # left to right, so the leftmost problem is the one reported
                operands.append(self.check(operand))
                self.require(operands[-1], "bool", f"'{node.op}' needs true or false on both sides")
            return dataclasses.replace(node, operands=tuple(operands), type="bool")
        if isinstance(node, nodes.Arith):
            operands = []
            for position, operand in enumerate(node.operands):
                operands.append(self.check(operand))
                self.require(operands[-1], "int", f"'{node.ops[max(0, position - 1)]}' works on numbers")
            return dataclasses.replace(node, operands=tuple(operands), type="int")
        if isinstance(node, nodes.Compare):
            return self.compare(node)
        raise TypeError(f"not a condition node: {node!r}")

    def variable(self, node: nodes.Var) -> nodes.Var:
        declared = self.variables.get(node.name)
        if declared is not None:
            return dataclasses.replace(node, type=declared.value_type, var_type=declared)
        if node.name == "visited":
            hint = "visited needs a scene id in parentheses: visited(scene_id)"
        elif node.name in self.scenes:
            hint = f"'{node.name}' is a scene; to ask whether it was entered write 'visited({node.name}) > 0'"
        elif node.name.lower() in _NOT_A_VALUE:
            hint = ALWAYS_A_VALUE
        else:
            hint = did_you_mean(node.name, self.variables) or "declare it under 'variables' in story.yaml"
        raise self.fail(node, f"unknown variable '{node.name}'", hint)

    def visited(self, node: nodes.Visited) -> nodes.Visited:
        if node.scene not in self.scenes:
            hint = did_you_mean(node.scene, self.scenes) or "visited() takes the id of a scene in this story"
            raise ExpressionError(f"unknown scene '{node.scene}'", node.scene_offset, hint, len(node.scene))
        return dataclasses.replace(node, type="int")

    def compare(self, node: nodes.Compare) -> nodes.Compare:
        self.unquoted_enum_value(node)
        left, right = self.check(node.left), self.check(node.right)
        if node.op not in ("==", "!="):
            self.require(left, "int", f"'{node.op}' compares numbers")
            self.require(right, "int", f"'{node.op}' compares numbers")
        elif left.type == "str" or right.type == "str":
            self.compare_text(node, left, right)
        elif left.type != right.type:
            raise self.fail(
                right,
                f"cannot compare {self.subject(left)} ({self.phrase(left)}) "
                f"with {self.subject(right)} ({self.phrase(right)})",
                self.mismatch_hint(left, right),
            )
        return dataclasses.replace(node, left=left, right=right, type="bool")

    def unquoted_enum_value(self, node: nodes.Compare) -> None:
        """`roommate == tao`: the value was meant as quoted text, not a variable."""
        for enum_side, other in ((node.left, node.right), (node.right, node.left)):
            if not (isinstance(enum_side, nodes.Var) and isinstance(other, nodes.Var)) or other.name in self.variables:
                continue
            declared = self.variables.get(enum_side.name)
            if declared is not None and declared.kind == "enum" and other.name in declared.values:
                raise self.fail(
                    other,
                    f"'{other.name}' is a value of '{enum_side.name}' and needs quotes",
                    f"write \"{enum_side.name} {node.op} '{other.name}'\"",
                )

    def compare_text(self, node: nodes.Compare, left: nodes.Expr, right: nodes.Expr) -> None:
        if isinstance(left, nodes.StrLit) and isinstance(right, nodes.StrLit):
            raise self.fail(
                right,
                "comparing two quoted texts always gives the same answer",
                "compare an enum variable with one of its values, e.g. \"roommate == 'tao'\"",
            )
        for variable, other in ((left, right), (right, left)):
            if not (isinstance(variable, nodes.Var) and variable.type == "str" and variable.var_type is not None):
                continue
            values = variable.var_type.values
            if isinstance(other, nodes.StrLit):
                if other.value not in values:
                    raise self.fail(
                        other,
                        f"'{other.value}' is not a value of '{variable.name}'",
                        self.enum_values_hint(other.value, values),
                    )
                return
            if isinstance(other, nodes.Var) and other.type == "str" and other.var_type is not None:
                if set(other.var_type.values) != set(values):
                    raise self.fail(
                        right,
                        f"'{variable.name}' and '{other.name}' have different values and cannot be compared",
                        f"'{variable.name}' is one of {quoted_list(values)}; "
                        f"'{other.name}' is one of {quoted_list(other.var_type.values)}",
                    )
                return
        raise self.fail(
            right,
            f"cannot compare {self.subject(left)} ({self.phrase(left)}) "
            f"with {self.subject(right)} ({self.phrase(right)})",
            self.mismatch_hint(left, right),
        )

    def enum_values_hint(self, written: str, values: tuple[str, ...]) -> str:
        listed = f"its values are {quoted_list(values, 'and')}"
        suggestion = did_you_mean(written, values)
        return f"{suggestion} ({listed})" if suggestion else listed

    def mismatch_hint(self, left: nodes.Expr, right: nodes.Expr) -> str:
        for node, other in ((right, left), (left, right)):
            if isinstance(node, nodes.StrLit) and other.type != "str":
                return self.mend_hint(node, other.type)  # type: ignore[arg-type]
            if isinstance(node, nodes.Var) and node.type == "str" and other.type != "str":
                return self.mend_hint(node, "bool")
        if {left.type, right.type} == {"int", "bool"}:
            return "true/false values compare with true, false or each other; numbers with numbers"
        return "both sides of == and != must be the same kind of value"


def check_expression(
    tree: nodes.Expr,
    text: str,
    variables: Mapping[str, VarType],
    scenes: Collection[str],
    want: Want = "bool",
    constants: Mapping[str, int | bool] | None = None,
) -> nodes.Expr:
    """The typed tree of a parsed condition; raises ExpressionError if it breaks a rule or is not a `want`.

    A name in `constants` stands for its value (a number or true/false), exactly as if the value were written.
    """
    checker = _Checker(text, variables, scenes, constants)
    typed = checker.check(tree)
    if want == "bool" and typed.type != "bool":
        raise checker.fail(
            typed,
            f"condition must be true or false, but {checker.subject(typed)} is {checker.phrase(typed)}",
            checker.mend_hint(typed, "bool"),
        )
    if want == "int" and typed.type != "int":
        raise checker.fail(
            typed,
            f"expected a number, but {checker.subject(typed)} is {checker.phrase(typed)}",
            checker.mend_hint(typed, "int"),
        )
    return typed
