"""Reading a condition's text into a syntax tree: a small recursive-descent parser with bounded depth.

Grammar, loosest first:

    condition  := or_expr
    or_expr    := and_expr ('or' and_expr)*
    and_expr   := not_expr ('and' not_expr)*
    not_expr   := 'not' not_expr | comparison
    comparison := sum (('==' | '!=' | '<' | '<=' | '>' | '>=') sum)?     -- never chained
    sum        := unary (('+' | '-') unary)*
    unary      := '-' unary | primary
    primary    := INT | 'true' | 'false' | STRING | NAME | 'visited' '(' NAME ')' | '(' or_expr ')'

Each parenthesis and each `not`/`-` counts towards a nesting limit checked as it is read, so no text (the
length limit aside) can push the parser, or anything walking its tree, near Python's recursion limit.
"""

from __future__ import annotations

from collections.abc import Callable

from game.expressions import nodes
from game.expressions.errors import ExpressionError, did_you_mean
from game.expressions.lexer import Token, tokenize
from game.expressions.mistakes import (
    EXAMPLE,
    JOIN_HINT,
    after_hint,
    at_token,
    python_word,
    show,
    value_hint,
    wrong_case,
)

MAX_LENGTH = 1000
MAX_DEPTH = 32


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.index = 0
        self.depth = 0

    # --- tokens -----------------------------------------------------------------------------------

    def peek(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.tokens[self.index]
        if token.kind != "end":
            self.index += 1
        return token

    def previous(self) -> Token:
        return self.tokens[self.index - 1]

    def at_keyword(self, word: str) -> bool:
        token = self.peek()
        return token.kind == "keyword" and token.text == word

    def enter(self, token: Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(
                "nested too deeply",
                token.offset,
                f"conditions may nest at most {MAX_DEPTH} parentheses and 'not'/'-' signs deep; simplify it",
                len(token.text),
            )

    def leave(self) -> None:
        self.depth -= 1

    # --- grammar ----------------------------------------------------------------------------------

    def parse(self) -> nodes.Expr:
        tree = self.or_expr()
        token = self.peek()
        if token.kind != "end":
            if token.kind == ")":
                raise ExpressionError("unmatched ')'", token.offset, "remove it, or add the '(' it closes")
            self.unexpected_after_value(token)
        return tree

    def or_expr(self) -> nodes.Expr:
        return self.bool_chain("or", self.and_expr)

    def and_expr(self) -> nodes.Expr:
        return self.bool_chain("and", self.not_expr)

    def bool_chain(self, word: nodes.BoolOpName, parse_operand: Callable[[], nodes.Expr]) -> nodes.Expr:
        start = self.peek().offset
        operands = [parse_operand()]
        while self.at_keyword(word):
            self.advance()
            operands.append(parse_operand())
        if len(operands) == 1:
            return operands[0]
        return nodes.BoolOp(word, tuple(operands), start, self.previous().end)

    def not_expr(self) -> nodes.Expr:
        if not self.at_keyword("not"):
            return self.comparison()
        token = self.advance()
        self.enter(token)
        operand = self.not_expr()
        self.leave()
        return nodes.Not(operand, token.offset, self.previous().end)

    def comparison(self) -> nodes.Expr:
        start = self.peek().offset
        left = self.sum()
        token = self.peek()
        if not (token.kind == "op" and token.text in nodes.COMPARE_OPS):
            return left
        self.advance()
        right = self.sum()
        end = self.previous().end
        node = nodes.Compare(token.text, left, right, start, end, token.offset)
        following = self.peek()
        if following.kind == "op" and following.text in nodes.COMPARE_OPS:
            raise ExpressionError(
                "comparisons cannot be chained",
                following.offset,
                self.unchain_hint(node, following),
                len(following.text),
            )
        return node

    def unchain_hint(self, first: nodes.Compare, op: Token) -> str:
        self.advance()
        try:
            third = self.sum()
        except ExpressionError:
            return "write 'a <= x and x <= b'"
        left, middle = self.source(first.left), self.source(first.right)
        return f"write '{left} {first.op} {middle} and {middle} {op.text} {self.source(third)}'"

    def source(self, node: nodes.Expr) -> str:
        return self.text[node.offset : node.end]

    def sum(self) -> nodes.Expr:
        start = self.peek().offset
        first = self.unary()
        operands = [first]
        ops: list[str] = []
        op_offsets: list[int] = []
        while (token := self.peek()).kind == "op" and token.text in ("+", "-"):
            self.advance()
            ops.append(token.text)
            op_offsets.append(token.offset)
            operands.append(self.unary())
        if not ops:
            return first
        return nodes.Arith(
            tuple(operands),
            tuple(ops),  # type: ignore[arg-type]
            start,
            self.previous().end,
            tuple(op_offsets),
        )

    def unary(self) -> nodes.Expr:
        token = self.peek()
        if not (token.kind == "op" and token.text == "-"):
            return self.primary()
        self.advance()
        self.enter(token)
        operand = self.unary()
        self.leave()
        if isinstance(operand, nodes.IntLit):
            return nodes.IntLit(-operand.value, token.offset, self.previous().end)
        return nodes.Neg(operand, token.offset, self.previous().end)

    def primary(self) -> nodes.Expr:
        token = self.peek()
        if token.kind == "int":
            self.advance()
            return nodes.IntLit(token.value, token.offset, token.end)  # type: ignore[arg-type]
        if token.kind == "str":
            self.advance()
            return nodes.StrLit(token.value, token.offset, token.end)  # type: ignore[arg-type]
        if token.kind == "keyword" and token.text in ("true", "false"):
            self.advance()
            return nodes.BoolLit(token.text == "true", token.offset, token.end)
        if token.kind == "name":
            return self.name()
        if token.kind == "(":
            return self.group()
        self.expected_value(token)
        raise AssertionError("unreachable")

    def group(self) -> nodes.Expr:
        opening = self.advance()
        self.enter(opening)
        inner = self.or_expr()
        self.leave()
        closing = self.peek()
        if closing.kind == ")":
            self.advance()
            return inner
        if closing.kind == "end":
            raise ExpressionError(
                "'(' is never closed",
                opening.offset,
                "add the matching ')' where the parenthesised part ends",
            )
        self.unexpected_after_value(closing, inside=opening)
        raise AssertionError("unreachable")

    def name(self) -> nodes.Expr:
        token = self.advance()
        word = token.text
        if self.peek().kind == "(":
            if word == "visited":
                return self.visited(token)
            raise ExpressionError(
                f"'{word}' is not something a condition can call",
                token.offset,
                "the only call in conditions is visited(scene_id)"
                + (f"; {hint}" if (hint := did_you_mean(word, ["visited"])) else ""),
                len(word),
            )
        problem = wrong_case(word)
        if problem is None and word == "lambda":
            problem = ExpressionError("lambdas are not part of conditions", 0, EXAMPLE)
        if problem is not None:
            raise at_token(problem, token)
        return nodes.Var(word, token.offset, token.end)

    def visited(self, name: Token) -> nodes.Expr:
        opening = self.advance()
        argument = self.advance()
        example = "write visited(scene_id) with a scene's id, unquoted"
        if argument.kind == "bad":
            raise argument.error  # type: ignore[misc]
        if argument.kind == "end":
            raise ExpressionError("'(' is never closed", opening.offset, "write visited(scene_id)")
        if argument.kind == ")":
            raise ExpressionError("visited() needs a scene id", argument.offset, example)
        if argument.kind == "str":
            raise ExpressionError(
                "visited() takes a scene id without quotes",
                argument.offset,
                f"write visited({argument.value})",
                len(argument.text),
            )
        if argument.kind != "name":
            raise ExpressionError(
                f"visited() takes a scene id, not {show(argument)}",
                argument.offset,
                example,
                len(argument.text),
            )
        closing = self.advance()
        if closing.kind == ")":
            return nodes.Visited(argument.text, name.offset, closing.end, argument.offset)
        if closing.kind == "bad":
            raise closing.error  # type: ignore[misc]
        if closing.kind == "end":
            raise ExpressionError("'(' is never closed", opening.offset, f"write visited({argument.text})")
        if closing.kind == ",":
            raise ExpressionError("visited() takes exactly one scene id", closing.offset, example)
        raise ExpressionError(
            f"expected ')' after the scene id, found {show(closing)}",
            closing.offset,
            example,
            len(closing.text),
        )

    # --- errors -----------------------------------------------------------------------------------

    def expected_value(self, token: Token) -> None:
        if token.kind == "bad":
            raise token.error  # type: ignore[misc]
        if token.kind == "end":
            previous = self.previous()
            raise ExpressionError(
                f"the condition ends too early: expected a value after '{previous.text}'",
                token.offset,
                after_hint(previous),
            )
        if token.kind == ")":
            if self.index > 0 and self.previous().kind == "(":
                raise ExpressionError("empty parentheses", self.previous().offset, "put a condition inside them", 2)
            raise ExpressionError("expected a value before ')'", token.offset, EXAMPLE)
        if token.kind == ",":
            raise ExpressionError("commas are not allowed in conditions", token.offset, JOIN_HINT)
        raise ExpressionError(
            f"expected a value, found {show(token)}", token.offset, value_hint(token), len(token.text)
        )

    def unexpected_after_value(self, token: Token, inside: Token | None = None) -> None:
        """A token that cannot follow a complete value: report the likeliest mistake."""
        if token.kind == "bad":
            raise token.error  # type: ignore[misc]
        if token.kind == ",":
            raise ExpressionError("commas are not allowed in conditions", token.offset, JOIN_HINT)
        if token.kind == "name":
            problem = wrong_case(token.text) or python_word(token.text)
            if problem is not None:
                raise at_token(problem, token)
        if token.kind == "op" and token.text in nodes.COMPARE_OPS:  # after a complete comparison inside parentheses
            raise ExpressionError(
                "comparisons cannot be chained", token.offset, "write 'a <= x and x <= b'", len(token.text)
            )
        where = f"; the '(' at character {inside.offset + 1} needs its ')'" if inside is not None else ""
        raise ExpressionError(
            f"missing operator before {show(token)}",
            token.offset,
            f"{JOIN_HINT}, or compare values with == != < <= > >={where}",
            len(token.text),
        )


def parse_expression(text: str) -> nodes.Expr:
    """The syntax tree of a condition (types not yet checked); raises ExpressionError if it is malformed."""
    if not isinstance(text, str):
        raise ExpressionError(f"a condition must be text, not {type(text).__name__}", 0, "put the condition in quotes")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(
            f"expression too long ({len(text):,} characters)",
            MAX_LENGTH,
            f"conditions may be at most {MAX_LENGTH} characters; keep a variable for the complicated part",
        )
    if not text.strip():
        raise ExpressionError("the condition is empty", 0, EXAMPLE)
    return _Parser(text).parse()


__all__ = ["MAX_DEPTH", "MAX_LENGTH", "parse_expression"]
