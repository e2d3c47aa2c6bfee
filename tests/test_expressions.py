"""The condition language: what it reads, how it binds, what it rejects and how it says so."""

from __future__ import annotations

import pickle
import random
import sys
import time
from collections.abc import Iterator, Mapping

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.expressions import (
    Arith,
    BoolLit,
    BoolOp,
    Compare,
    CompiledExpr,
    Expr,
    ExpressionError,
    IntLit,
    Neg,
    Not,
    StrLit,
    Var,
    VarType,
    Visited,
    compile_expression,
    parse_expression,
    unparse,
    walk,
)

VARIABLES: dict[str, VarType] = {
    "grades": VarType("int", minimum=0, maximum=5),
    "courage": VarType("int"),
    "out_to_team": VarType("bool"),
    "kissed": VarType("bool"),
    "roommate": VarType("enum", ("tao", "isaac", "james")),
    "seat": VarType("enum", ("james", "tao", "isaac")),  # the same values as roommate, in another order
    "mood": VarType("enum", ("happy", "sad")),
}
SCENES = frozenset({"paris_hotel", "paris_louvre", "grades_good_morning", "prom"})
STATE: dict[str, object] = {
    "grades": 2,
    "courage": -3,
    "out_to_team": False,
    "kissed": True,
    "roommate": "isaac",
    "seat": "tao",
    "mood": "happy",
}
VISITS = {"paris_hotel": 2, "prom": 1}


def compiled(text: str, want: str = "any") -> CompiledExpr:
    return compile_expression(text, VARIABLES, SCENES, want)  # type: ignore[arg-type]


def value(text: str, state: Mapping[str, object] = STATE, visits: Mapping[str, int] = VISITS) -> object:
    return compiled(text).evaluate(state, visits)


def error(text: str, want: str = "bool") -> ExpressionError:
    with pytest.raises(ExpressionError) as caught:
        compile_expression(text, VARIABLES, SCENES, want)  # type: ignore[arg-type]
    return caught.value


# --- precedence and associativity ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 - 2 - 3", -4),  # left-associative
        ("1 - (2 - 3)", 2),
        ("10 - 4 + 3", 9),
        ("-grades + 3", 1),  # unary minus binds tighter than +
        ("-(grades + 3)", -5),
        ("- -grades", 2),
        ("--3", 3),
        ("grades - -3", 5),
        ("true or false and false", True),  # and binds tighter than or
        ("(true or false) and false", False),
        ("false and true or true", True),
        ("not true and false", False),  # not binds tighter than and
        ("not (true and false)", True),
        ("not false or false", True),
        ("not (false or true)", False),
        ("not grades == 2", False),  # comparison binds tighter than not
        ("grades + 1 == 3", True),  # + binds tighter than comparison
        ("grades - 1 < 2 - 1", False),
        ("not not kissed", True),
        ("kissed == (grades > 1)", True),
        ("(kissed) == (out_to_team)", False),
    ],
)
def test_precedence_and_associativity(text: str, expected: object) -> None:
    assert value(text) == expected
    assert type(value(text)) is type(expected)


def test_tree_shapes_follow_precedence() -> None:
    tree = parse_expression("a or b and not c")
    assert isinstance(tree, BoolOp) and tree.op == "or"
    first, second = tree.operands
    assert isinstance(first, Var) and first.name == "a"
    assert isinstance(second, BoolOp) and second.op == "and"
    assert isinstance(second.operands[1], Not)

    chain = parse_expression("a - b + c")
    assert isinstance(chain, Arith)
    assert chain.ops == ("-", "+")
    assert [operand.name for operand in chain.operands] == ["a", "b", "c"]  # type: ignore[attr-defined]

    comparison = parse_expression("-a + 1 <= b")
    assert isinstance(comparison, Compare) and comparison.op == "<=" and comparison.op_offset == 7
    assert isinstance(comparison.left, Arith) and isinstance(comparison.left.operands[0], Neg)

    assert parse_expression("-7") == IntLit(-7, 0, 2)  # a minus before a literal is folded into it


def test_offsets_cover_each_nodes_own_text() -> None:
    text = "not (grades + 1 >= 3) or visited(prom) == 2 and roommate != 'tao'"
    for node in walk(parse_expression(text)):
        source = text[node.offset : node.end]
        if isinstance(node, Var):
            assert source == node.name
        elif isinstance(node, Visited):
            assert source == "visited(prom)" and text[node.scene_offset :].startswith("prom")
        elif isinstance(node, StrLit):
            assert source == "'tao'"
        elif isinstance(node, Not):
            assert source == "not (grades + 1 >= 3)"
    assert parse_expression(text).offset == 0 and parse_expression(text).end == len(text)


def test_parse_leaves_types_unset_and_compile_fills_them() -> None:
    text = "grades + 1 > 2 and roommate == 'tao'"
    assert all(node.type is None for node in walk(parse_expression(text)))
    typed = compiled(text).tree
    assert all(node.type is not None for node in walk(typed))
    grades = next(node for node in walk(typed) if isinstance(node, Var) and node.name == "grades")
    assert grades.var_type == VarType("int", minimum=0, maximum=5)


# --- every operator and type rule ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("grades == 2", True),
        ("grades != 2", False),
        ("grades < 2", False),
        ("grades <= 2", True),
        ("grades > 1", True),
        ("grades >= 3", False),
        ("2 < grades", False),  # a constant on the left
        ("3 >= grades", True),
        ("courage < grades", True),
        ("courage + 5 == grades", True),
        ("grades - courage", 5),
        ("0 - grades - courage + 10", 11),
        ("grades + courage + grades + courage", -2),
        ("kissed == true", True),
        ("kissed != out_to_team", True),
        ("kissed and out_to_team", False),
        ("kissed or out_to_team", True),
        ("not out_to_team", True),
        ("roommate == 'isaac'", True),
        ("'isaac' == roommate", True),
        ('roommate != "tao"', True),
        ("roommate == seat", False),
        ("seat != roommate", True),
        ("roommate", "isaac"),
        ("1 + 2 < 4", True),  # constants fold
        ("-(2 - 5)", 3),
        ("not (1 > 2)", True),
        ("not (grades > 1)", False),
        ("not (roommate == 'isaac')", False),
        ("not (kissed != true)", True),
        ("visited(paris_hotel)", 2),
        ("visited(paris_louvre)", 0),
        ("visited(prom) + visited(paris_hotel) == 3", True),
        ("visited(prom) > 0 and visited(paris_louvre) == 0", True),
        ("visited(paris_hotel) - 1", 1),
        ("1 - visited(paris_hotel)", -1),
        ("true and true and true and kissed and not out_to_team", True),
        ("false or false or out_to_team or false or kissed", True),
        ("grades > 9 or grades < 0 or courage > 0 or out_to_team", False),
        ("kissed and grades == 2 and roommate == 'isaac' and visited(prom) == 1", True),
    ],
)
def test_operators(text: str, expected: object) -> None:
    assert value(text) == expected
    assert type(value(text)) is type(expected)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("grades", "int"),
        ("grades + 1", "int"),
        ("visited(prom)", "int"),
        ("kissed", "bool"),
        ("grades > 1", "bool"),
        ("roommate", "str"),
        ("'tao'", "str"),
    ],
)
def test_result_types(text: str, kind: str) -> None:
    assert compiled(text).type == kind


def test_want_checks_the_result_type() -> None:
    assert compile_expression("grades + 1", VARIABLES, SCENES, want="int").type == "int"
    assert compile_expression("kissed", VARIABLES, SCENES).type == "bool"  # bool is the default
    with pytest.raises(ValueError):
        compile_expression("kissed", VARIABLES, SCENES, want="text")  # type: ignore[arg-type]


def test_reads_and_visits_read() -> None:
    result = compiled("grades > 1 and (kissed or visited(prom) > 0) and visited(paris_hotel) < courage")
    assert result.reads == frozenset({"grades", "kissed", "courage"})
    assert result.visits_read == frozenset({"prom", "paris_hotel"})
    assert compiled("1 + 1").reads == frozenset() and compiled("1 + 1").visits_read == frozenset()
    assert compiled("kissed").source == "kissed"


def test_visited_counts_entries_and_defaults_to_zero() -> None:
    condition = compiled("visited(paris_louvre) >= 2")
    assert condition.evaluate(STATE, {}) is False
    assert condition.evaluate(STATE) is False  # no visits given at all
    assert condition.evaluate(STATE, {"paris_louvre": 1}) is False
    assert condition.evaluate(STATE, {"paris_louvre": 2}) is True
    assert condition.fn(STATE, {"paris_louvre": 5}) is True


def test_same_condition_evaluates_against_changing_state() -> None:
    condition = compiled("grades >= 2 and not out_to_team")
    assert [condition.evaluate({**STATE, "grades": g}) for g in range(5)] == [False, False, True, True, True]


# --- short-circuit ---------------------------------------------------------------------------------------------


class RecordingState(Mapping[str, object]):
    """Variables that remember which names were read, in order."""

    def __init__(self, values: Mapping[str, object]) -> None:
        self.values = dict(values)
        self.read: list[str] = []

    def __getitem__(self, name: str) -> object:
        self.read.append(name)
        return self.values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)


@pytest.mark.parametrize(
    ("text", "state", "expected", "read"),
    [
        ("out_to_team and grades > 1", {"out_to_team": False}, False, ["out_to_team"]),
        ("kissed or grades > 1", {"kissed": True}, True, ["kissed"]),
        ("out_to_team and kissed and grades > 1", {"out_to_team": False}, False, ["out_to_team"]),
        (
            "kissed and out_to_team and grades > 1 and courage > 1",
            {"kissed": True, "out_to_team": False},
            False,
            ["kissed", "out_to_team"],
        ),
        (
            "out_to_team or grades > 1 or kissed or courage > 1",
            {"out_to_team": False, "grades": 3},
            True,
            ["out_to_team", "grades"],
        ),
        (
            "(kissed or grades > 1) and (out_to_team or courage > 0)",
            {"kissed": True, "out_to_team": True},
            True,
            ["kissed", "out_to_team"],
        ),
    ],
)
def test_and_or_short_circuit(text: str, state: dict[str, object], expected: bool, read: list[str]) -> None:
    recording = RecordingState(state)  # names left out would raise KeyError if they were read
    assert compiled(text).evaluate(recording, {}) is expected
    assert recording.read == read


def test_evaluation_walks_no_tree() -> None:
    """Evaluation runs closures built once: no node of the tree is reachable from the compiled function."""
    condition = compiled("not (grades + courage > 1) and (roommate == seat or visited(prom) - 1 == 0) or kissed")
    seen: set[int] = set()
    pending: list[object] = [condition.fn]
    while pending:
        item = pending.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        assert not isinstance(item, Expr)
        cells = getattr(item, "__closure__", None) or ()
        pending.extend(cell.cell_contents for cell in cells)
        if isinstance(item, tuple):
            pending.extend(item)
    assert len(seen) > 3


# --- errors: message and offset --------------------------------------------------------------------------------

LONG_TEXT = "'" + "a" * 201 + "' == roommate"
NESTED_33 = "(" * 33 + "kissed" + ")" * 33


@pytest.mark.parametrize(
    ("text", "message", "offset"),
    [
        ("", "the condition is empty", 0),
        ("   ", "the condition is empty", 0),
        ("x" * 1001, "expression too long (1,001 characters)", 1000),
        ("grades >= 2 && kissed", "use 'and' instead of '&&'", 12),
        ("kissed || out_to_team", "use 'or' instead of '||'", 7),
        ("!kissed", "use 'not' instead of '!'", 0),
        ("grades = 2", "use '==' to compare", 7),
        ("grades =< 2", "use '<=' instead of '=<'", 7),
        ("grades <> 2", "use '!=' instead of '<>'", 7),
        ("True", "use 'true' instead of 'True'", 0),
        ("kissed == False", "use 'false' instead of 'False'", 10),
        ("kissed AND out_to_team", "use 'and' instead of 'AND'", 7),
        ("roommate == None", "there is no 'None' in conditions", 12),
        ("grade > 1", "unknown variable 'grade'", 0),
        ("visited(paris_hotl) > 0", "unknown scene 'paris_hotl'", 8),
        ("roommate == 'taoo'", "'taoo' is not a value of 'roommate'", 12),
        ("roommate == tao", "'tao' is a value of 'roommate' and needs quotes", 12),
        ("1 < grades < 4", "comparisons cannot be chained", 11),
        ("(1 < grades) < 4", "'<' compares numbers, but '1 < grades' is true or false", 1),
        ("__import__('os')", "'__import__' is not something a condition can call", 0),
        ("len(roommate) > 2", "'len' is not something a condition can call", 0),
        ("().__class__", "empty parentheses", 0),
        ("grades.real > 1", "'.' is not allowed in conditions", 6),
        ("grades[0] > 1", "indexing ('[') is not allowed in conditions", 6),
        ("lambda: 1", "lambdas are not part of conditions", 0),
        ("kissed, grades", "commas are not allowed in conditions", 6),
        ("grades @ 2", "'@' is not allowed in conditions", 7),
        ("grades * 2 > 1", "'*' is not available", 7),
        ("'unterminated", "unterminated text: this quote is never closed", 0),
        ("roommate == 'tao", "unterminated text: this quote is never closed", 12),
        (LONG_TEXT, "quoted text too long (201 characters)", 0),
        ("grades > 1000000001", "number too large", 9),
        ("grades > -99999999999999999999", "number too large", 10),
        ("grades > 2.5", "numbers must be whole", 9),
        ("3abc > 1", "'3abc' is neither a number nor a name", 0),
        ("(grades > 1", "'(' is never closed", 0),
        ("kissed and (grades > 1 or out_to_team", "'(' is never closed", 11),
        ("(grades > 1 kissed)", "missing operator before 'kissed'", 12),
        ("grades > 1)", "unmatched ')'", 10),
        ("grades >", "the condition ends too early: expected a value after '>'", 8),
        ("kissed and", "the condition ends too early: expected a value after 'and'", 10),
        ("and kissed", "expected a value, found 'and'", 0),
        ("grades == not kissed", "expected a value, found 'not'", 10),
        ("grades kissed", "missing operator before 'kissed'", 7),
        ("grades is 2", "use '==' instead of 'is'", 7),
        ("roommate in 'tao'", "'in' is not part of conditions", 9),
        ("not grades", "'not' needs true or false, but 'grades' is a number", 4),
        ("-kissed", "'-' needs a number, but 'kissed' is true or false", 1),
        ("kissed + 1 > 0", "'+' works on numbers, but 'kissed' is true or false", 0),
        ("grades - roommate > 0", "'-' works on numbers, but 'roommate' is one of 'tao', 'isaac' or 'james'", 9),
        ("kissed and 3", "'and' needs true or false on both sides, but '3' is a number", 11),
        ("grades or kissed", "'or' needs true or false on both sides, but 'grades' is a number", 0),
        ("roommate < 'tao'", "'<' compares numbers, but 'roommate' is one of 'tao', 'isaac' or 'james'", 0),
        ("grades == true", "cannot compare 'grades' (a number) with 'true' (true or false)", 10),
        ("grades == '2'", "cannot compare 'grades' (a number) with '2' (text)", 10),
        ("roommate == 3", "cannot compare 'roommate' (one of 'tao', 'isaac' or 'james') with '3' (a number)", 12),
        ("roommate == mood", "'roommate' and 'mood' have different values and cannot be compared", 12),
        ("'tao' == 'tao'", "comparing two quoted texts always gives the same answer", 9),
        ("grades + 1", "condition must be true or false, but 'grades + 1' is a number", 0),
        ("roommate", "condition must be true or false, but 'roommate' is one of 'tao', 'isaac' or 'james'", 0),
        ("'tao'", "condition must be true or false, but 'tao' is text", 0),
        ("visited('prom') > 0", "visited() takes a scene id without quotes", 8),
        ("visited() > 0", "visited() needs a scene id", 8),
        ("visited(prom, paris_hotel) > 0", "visited() takes exactly one scene id", 12),
        ("visited(1) > 0", "visited() takes a scene id, not '1'", 8),
        ("visited(prom > 0", "expected ')' after the scene id, found '>'", 13),
        ("visited > 0", "unknown variable 'visited'", 0),
        ("prom", "unknown variable 'prom'", 0),
        (NESTED_33, "nested too deeply", 32),
        ("not " * 33 + "kissed", "nested too deeply", 128),
        ("-" * 33 + "grades > 0", "nested too deeply", 32),
        ("\x00", "unexpected character '\\x00' (U+0000)", 0),
        ("grades > 1 \x00", "unexpected character '\\x00' (U+0000)", 11),
        ("kissed \u2260 out_to_team", "use '!=' instead of '\u2260'", 7),
        ("roommate == \u2018tao\u2019", "curly quote '\u2018'", 12),
        ("roommate == 'ta\no'", "control character '\\n' (U+000A) inside quoted text", 15),
    ],
)
def test_error_message_and_offset(text: str, message: str, offset: int) -> None:
    problem = error(text)
    assert problem.message == message
    assert problem.offset == offset
    assert problem.hint  # every error says how to mend it
    assert message in str(problem)


def test_want_int_error() -> None:
    problem = error("kissed", want="int")
    assert (problem.message, problem.offset) == ("expected a number, but 'kissed' is true or false", 0)


def test_errors_point_at_the_leftmost_problem() -> None:
    assert error("grades and kissed and nobody").offset == 0  # 'grades' is not true/false, found before 'nobody'
    assert error("kissed + 1 - nobody > 0").offset == 0
    assert error("grade && kisd").offset == 6  # syntax first: the '&&' is found before names are checked
    assert error("grade > 1 and kisd").message == "unknown variable 'grade'"
    assert error("(a ! b) && c").offset == 3


def test_error_length_covers_the_offending_text() -> None:
    assert error("grades > 1 and roomate == 'tao'").length == len("roomate")
    assert error("grades >= 2 && kissed").length == 2


def test_errors_read_well_and_survive_pickling() -> None:
    problem = error("grade > 1")
    assert str(problem) == "unknown variable 'grade' (at character 1); did you mean 'grades'?"
    copy = pickle.loads(pickle.dumps(problem))
    assert (copy.message, copy.offset, copy.hint, copy.length) == (problem.message, 0, problem.hint, 5)


def test_non_text_is_an_expression_error() -> None:
    with pytest.raises(ExpressionError, match="a condition must be text, not bool"):
        parse_expression(True)  # type: ignore[arg-type]


# --- did you mean ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("grade > 1", "did you mean 'grades'?"),
        ("Grades > 1", "did you mean 'grades'?"),
        ("kised", "did you mean 'kissed'?"),
        ("out_to_teams", "did you mean 'out_to_team'?"),
        ("visited(paris_hotl) > 0", "did you mean 'paris_hotel'"),
        ("visited(paris) > 0", "did you mean"),
        ("roommate == 'taoo'", "did you mean 'tao'? (its values are 'tao', 'isaac' and 'james')"),
        ("roommate == 'nick'", "its values are 'tao', 'isaac' and 'james'"),
        ("'nick' != seat", "its values are 'james', 'tao' and 'isaac'"),
        ("visits(prom) > 0", "did you mean 'visited'?"),
        ("grades >= 2 && kissed", "write 'a and b'"),
        ("kissed || out_to_team", "write 'a or b'"),
        ("!kissed", "write 'not a'"),
        ("grades = 2", "conditions only compare: 'a == b'"),
        ("False", "written in lowercase"),
        ("kissed == None", "every variable always has a value"),
        ("roommate == null", "every variable always has a value"),
        ("1 < grades < 4", "write '1 < grades and grades < 4'"),
        ("roommate == tao", "write \"roommate == 'tao'\""),
        ("prom > 0", "write 'visited(prom) > 0'"),
        ("visited > 0", "visited(scene_id)"),
        ("visited('prom') > 0", "write visited(prom)"),
        ("grades == '2'", "write numbers without quotes: 2"),
        ("kissed == 'true'", "write true without quotes"),
        ("grades", "'grades > 0'"),
        ("roommate", "\"roommate == 'tao'\""),
        ("nothing_like_it > 1", "declare it under 'variables' in story.yaml"),
    ],
)
def test_hints(text: str, hint: str) -> None:
    assert hint in error(text).hint


def test_did_you_mean_lists_several_close_names() -> None:
    variables = {**VARIABLES, "grades_maths": VarType("int"), "grades_art": VarType("int")}
    with pytest.raises(ExpressionError) as caught:
        compile_expression("grades_mat > 1", variables, SCENES)
    assert caught.value.hint.startswith("did you mean 'grades_maths'")


# --- hostile text ----------------------------------------------------------------------------------------------

HOSTILE = [
    "__import__('os')",
    "__import__('os').system('rm -rf /')",
    "().__class__",
    "().__class__.__bases__[0].__subclasses__()",
    "open('x')",
    "open('x').read()",
    "exec('1')",
    "eval('1')",
    "globals()",
    "[c for c in ()]",
    "lambda: 0",
    "(lambda x: x)(1)",
    "grades if kissed else 0",
    "{}",
    "9" * 999,
    "-" + "9" * 999,
    "1" + "0" * 10,
    "(" * 10_000 + "1" + ")" * 10_000,
    "(" * 500,
    "not " * 250,
    "- " * 499 + "1",
    "a" * 1_000_000,
    "grades > 1 and " * 70_000,
    "\x00" * 100,
    "grades\x00 > 1",
    "'\x00'",
    "\udcff",
    "\ufeffgrades > 1",
    "kissed" + " " * 995 + "x",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_is_rejected_quickly(text: str) -> None:
    started = time.perf_counter()
    with pytest.raises(ExpressionError):
        compile_expression(text, VARIABLES, SCENES)
    assert time.perf_counter() - started < 0.5


def test_deepest_allowed_nesting_stays_far_from_the_recursion_limit() -> None:
    """32 levels parse, check, compile and run even with little stack to spare."""
    deepest = [
        "(" * 32 + "kissed" + ")" * 32,
        "not " * 32 + "kissed",
        "-" * 32 + "grades > 0",
        "(not " * 16 + "kissed" + ")" * 16,
        "-(" * 16 + "grades" + ")" * 16 + " > 0 or kissed",
    ]
    old_limit = sys.getrecursionlimit()
    here = len(_frames())
    sys.setrecursionlimit(here + 400)
    try:
        for text in deepest:
            condition = compiled(text)
            assert condition.evaluate(STATE, VISITS) in (True, False)
            parse_expression(unparse(condition.tree))
    finally:
        sys.setrecursionlimit(old_limit)


def _frames() -> list[object]:
    frames = []
    frame = sys._getframe()
    while frame is not None:
        frames.append(frame)
        frame = frame.f_back  # type: ignore[assignment]
    return frames


def test_long_flat_chains_are_fine() -> None:
    terms = "1 + " * 240 + "grades"
    assert len(terms) < 1000
    assert compiled(terms).evaluate(STATE) == 242
    conjunction = " and ".join(["kissed"] * 80)
    assert len(conjunction) < 1000
    assert compiled(conjunction).evaluate(STATE) is True
    assert compiled(conjunction).evaluate({**STATE, "kissed": False}) is False


def test_largest_numbers_are_accepted() -> None:
    assert value("1000000000 + -1000000000") == 0
    assert value("1000000000 + 1000000000 + 1000000000") == 3_000_000_000
    assert value("0001 == 1") is True


# --- unparse ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a or b and c",
        "(a or b) and c",
        "not (a and b)",
        "not a == b",
        "a - (b - c)",
        "(a - b) - c",
        "-(a + 1) < --2",
        "x == 'it\\'s'",
        "visited(prom) >= 2 or not (grades > 1)",
        "(a == b) == (c != d)",
    ],
)
def test_unparse_round_trips(text: str) -> None:
    once = unparse(parse_expression(text))
    assert unparse(parse_expression(once)) == once
    assert _shape(parse_expression(once)) == _shape(parse_expression(text))


def _shape(node: Expr) -> object:
    """A tree without its source positions."""
    if isinstance(node, (IntLit, BoolLit, StrLit)):
        return (type(node).__name__, node.value)
    if isinstance(node, Var):
        return ("var", node.name)
    if isinstance(node, Visited):
        return ("visited", node.scene)
    label = getattr(node, "op", None) or getattr(node, "ops", None) or type(node).__name__
    return (label, tuple(_shape(child) for child in node.children()))


# --- properties ------------------------------------------------------------------------------------------------

TOKENS = [
    "grades",
    "courage",
    "kissed",
    "out_to_team",
    "roommate",
    "seat",
    "visited",
    "prom",
    "(",
    ")",
    " ",
    "and",
    "or",
    "not",
    "true",
    "false",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "+",
    "-",
    "'tao'",
    '"isaac"',
    "'",
    "1",
    "0",
    "1000000000",
    "!",
    "=",
    "&&",
    ",",
    ".",
    "[",
    "]",
    "\\",
    "\x00",
    "True",
    "None",
    "len",
    "_",
]


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(max_size=60),
        st.lists(st.sampled_from(TOKENS), max_size=25).map(" ".join),
        st.lists(st.sampled_from(TOKENS), max_size=25).map("".join),
    )
)
def test_random_text_raises_only_expression_errors(text: str) -> None:
    try:
        parse_expression(text)
    except ExpressionError as problem:
        assert 0 <= problem.offset <= len(text)
        assert problem.message and problem.hint
    try:
        result = compile_expression(text, VARIABLES, SCENES, want="any")
    except ExpressionError as problem:
        assert 0 <= problem.offset <= len(text)
        return
    result.evaluate(STATE, VISITS)  # whatever compiles also runs


# Random well-typed trees, printed with only the parentheses the spec's precedence needs (plus random extra ones),
# parsed, compiled, and compared with a direct evaluation of the tree.

INT_VARS = ["grades", "courage"]
BOOL_VARS = ["kissed", "out_to_team"]
ENUM_VARS = ["roommate", "seat"]
ENUM_VALUES = ["tao", "isaac", "james"]
SCENE_IDS = sorted(SCENES)

# Precedence, loosest first, as the story format gives it.
OR, AND, NOT, COMPARE, SUM, NEG, ATOM = range(7)

int_leaf = st.one_of(
    st.integers(-(10**9), 10**9).map(lambda n: ("int", n)),
    st.sampled_from(INT_VARS).map(lambda name: ("var", name)),
    st.sampled_from(SCENE_IDS).map(lambda scene: ("visited", scene)),
)
enum_side = st.one_of(
    st.sampled_from(ENUM_VARS).map(lambda name: ("var", name)),
    st.sampled_from(ENUM_VALUES).map(lambda text: ("str", text)),
)
enum_comparison = st.tuples(
    st.sampled_from(["==", "!="]), st.sampled_from(ENUM_VARS).map(lambda name: ("var", name)), enum_side, st.booleans()
).map(lambda t: ("cmp", t[0], t[1], t[2]) if t[3] else ("cmp", t[0], t[2], t[1]))
int_expr = st.deferred(
    lambda: st.one_of(
        int_leaf,
        st.tuples(st.just("neg"), int_expr),
        st.tuples(st.sampled_from(["+", "-"]), int_expr, int_expr),
    )
)
bool_expr = st.deferred(
    lambda: st.one_of(
        st.booleans().map(lambda b: ("bool", b)),
        st.sampled_from(BOOL_VARS).map(lambda name: ("var", name)),
        enum_comparison,
        st.tuples(st.just("not"), bool_expr),
        st.tuples(st.sampled_from(["and", "or"]), bool_expr, bool_expr),
        st.tuples(st.just("cmp"), st.sampled_from(["==", "!=", "<", "<=", ">", ">="]), int_expr, int_expr),
        st.tuples(st.just("cmp"), st.sampled_from(["==", "!="]), bool_expr, bool_expr),
    )
)


def reference(node: tuple, state: Mapping[str, object], visits: Mapping[str, int]) -> object:
    kind = node[0]
    if kind in ("int", "bool", "str"):
        return node[1]
    if kind == "var":
        return state[node[1]]
    if kind == "visited":
        return visits.get(node[1], 0)
    if kind == "neg":
        return -reference(node[1], state, visits)  # type: ignore[operator]
    if kind == "not":
        return not reference(node[1], state, visits)
    if kind == "and":
        return bool(reference(node[1], state, visits)) and bool(reference(node[2], state, visits))
    if kind == "or":
        return bool(reference(node[1], state, visits)) or bool(reference(node[2], state, visits))
    left, right = reference(node[-2], state, visits), reference(node[-1], state, visits)
    if kind == "+":
        return left + right  # type: ignore[operator]
    if kind == "-":
        return left - right  # type: ignore[operator]
    op = node[1]
    results = {
        "==": left == right,
        "!=": left != right,
        "<": left < right,  # type: ignore[operator]
        "<=": left <= right,  # type: ignore[operator]
        ">": left > right,  # type: ignore[operator]
        ">=": left >= right,  # type: ignore[operator]
    }
    return results[op]


def render(node: tuple, rng: random.Random) -> tuple[str, int]:
    """Source text for a test tree and how loosely it binds; parentheses only where precedence demands."""

    def space() -> str:
        return rng.choice([" ", " ", "  ", "\t", "\n"])

    def at_least(child: tuple, level: int) -> str:
        text, binding = render(child, rng)
        return f"({text})" if binding < level or rng.random() < 0.1 else text

    kind = node[0]
    if kind == "int":
        return str(node[1]), NEG if node[1] < 0 else ATOM
    if kind == "bool":
        return ("true" if node[1] else "false"), ATOM
    if kind == "str":
        return rng.choice(["'", '"']).join(["", node[1], ""]), ATOM
    if kind == "var":
        return node[1], ATOM
    if kind == "visited":
        return f"visited({node[1]})", ATOM
    if kind == "neg":
        return "-" + at_least(node[1], NEG), NEG
    if kind == "not":
        return "not" + space() + at_least(node[1], NOT), NOT
    if kind in ("and", "or"):
        level = AND if kind == "and" else OR
        return at_least(node[1], level) + space() + kind + space() + at_least(node[2], level + 1), level
    if kind in ("+", "-"):
        return at_least(node[1], SUM) + space() + kind + space() + at_least(node[2], SUM + 1), SUM
    return at_least(node[2], SUM) + space() + node[1] + space() + at_least(node[3], SUM), COMPARE


def nesting(text: str) -> int:
    """At least as deep as the parser's nesting count goes for text rendered above ('(', 'not' and '-')."""
    depth = deepest = 0
    stack: list[int] = []  # depth before each '(' so unary signs inside close with it
    index = 0
    while index < len(text):
        char = text[index]
        if char == "(":
            stack.append(depth)
            depth += 1
        elif char == ")":
            depth = stack.pop()
        elif (char == "-" and _is_unary(text, index)) or _is_not(text, index):
            depth += 1
        deepest = max(deepest, depth)
        index += 1
    return deepest


def _is_not(text: str, index: int) -> bool:
    return text.startswith("not", index) and (index == 0 or not text[index - 1].isalnum())


def _is_unary(text: str, index: int) -> bool:
    before = text[:index].rstrip()
    return not before or before[-1] in "(-+<>=" or before.endswith(("not", "and", "or"))


def names_in(node: tuple, kind: str) -> set[str]:
    if node[0] == kind:
        return {node[1]}
    return set().union(*(names_in(child, kind) for child in node[1:] if isinstance(child, tuple)))


states = st.fixed_dictionaries(
    {
        "grades": st.integers(0, 5),
        "courage": st.integers(-(10**9), 10**9),
        "kissed": st.booleans(),
        "out_to_team": st.booleans(),
        "roommate": st.sampled_from(ENUM_VALUES),
        "seat": st.sampled_from(ENUM_VALUES),
        "mood": st.sampled_from(["happy", "sad"]),
    }
)
visit_counts = st.dictionaries(st.sampled_from(SCENE_IDS), st.integers(0, 20))


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tree=st.one_of(bool_expr.map(lambda t: ("bool", t)), int_expr.map(lambda t: ("int", t))),
    state=states,
    visits=visit_counts,
    seed=st.integers(0, 2**32),
)
def test_random_trees_match_reference_evaluation(
    tree: tuple, state: dict[str, object], visits: dict[str, int], seed: int
) -> None:
    want, root = tree
    text, _ = render(root, random.Random(seed))
    if len(text) > 1000:
        assert error(text, want).message.startswith("expression too long")
        return
    try:
        condition = compile_expression(text, VARIABLES, SCENES, want=want)
    except ExpressionError as problem:
        assert problem.message == "nested too deeply", (text, problem)
        assert nesting(text) > 32
        return
    expected = reference(root, state, visits)
    actual = condition.evaluate(state, visits)
    assert actual == expected, text
    assert type(actual) is type(expected), text
    assert condition.type == want
    assert condition.reads == names_in(root, "var")
    assert condition.visits_read == names_in(root, "visited")
    again = compile_expression(unparse(condition.tree), VARIABLES, SCENES, want=want)
    assert again.evaluate(state, visits) == expected
