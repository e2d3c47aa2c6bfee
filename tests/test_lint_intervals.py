"""The interval analysis behind HS018/HS019: which conditions can hold, given declared ranges and what is known."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.authoring.intervals import IntDom, SetDom, refine, truth
from game.expressions import VarType, compile_expression

VARIABLES = {
    "grades": VarType("int", minimum=0, maximum=5),
    "score": VarType("int"),
    "brave": VarType("bool"),
    "room": VarType("enum", values=("tao", "isaac", "james")),
}
SCENES = ("hall",)
NEVER, ALWAYS, EITHER = frozenset({False}), frozenset({True}), frozenset({True, False})


def values(text: str, env=None) -> frozenset[bool]:
    return truth(compile_expression(text, VARIABLES, SCENES).tree, env or {})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("grades > 5", NEVER),
        ("grades >= 5", EITHER),
        ("grades <= 5", ALWAYS),
        ("grades < 0", NEVER),
        ("grades == 6", NEVER),
        ("grades != 6", ALWAYS),
        ("grades + 3 > 8", NEVER),
        ("grades - 10 < 0", ALWAYS),
        ("-grades <= 0", ALWAYS),
        ("score > 1000000", EITHER),  # no declared range: anything goes
        ("visited(hall) >= 0", ALWAYS),
        ("visited(hall) < 0", NEVER),
        ("visited(hall) > 2", EITHER),
        ("room == 'tao' or room == 'isaac' or room == 'james'", ALWAYS),
        ("room == 'tao' and room == 'isaac'", NEVER),
        ("room != 'tao' or room != 'isaac'", ALWAYS),
        ("grades > 3 and grades < 4", NEVER),  # no whole number between
        ("grades >= 3 and grades <= 3", EITHER),
        ("grades < 2 or grades > 1", ALWAYS),
        ("brave and not brave", NEVER),
        ("brave or not brave", ALWAYS),
        ("brave == true or brave == false", ALWAYS),
        ("not (grades > 9)", ALWAYS),
        ("true", ALWAYS),
        ("false or grades > 9", NEVER),
        ("grades > score", EITHER),  # two variables: the pair is not tracked, so no verdict
    ],
)
def test_truth_given_declared_ranges(text, expected):
    assert values(text) == expected


def test_what_is_known_narrows_the_answer():
    assert values("grades >= 3", {"grades": IntDom(4, 5)}) == ALWAYS
    assert values("room == 'james'", {"room": SetDom(frozenset({"tao", "isaac"}))}) == NEVER
    assert values("brave", {"brave": SetDom(frozenset({True}))}) == ALWAYS


def test_refine_narrows_each_variable_to_where_the_condition_holds():
    tree = compile_expression("grades >= 2 and room != 'tao' and not brave", VARIABLES, SCENES).tree
    env = refine(tree, {}, True)
    assert env == {
        "grades": IntDom(2, 5),
        "room": SetDom(frozenset({"isaac", "james"})),
        "brave": SetDom(frozenset({False})),
    }
    otherwise = refine(compile_expression("grades >= 2", VARIABLES, SCENES).tree, {}, False)
    assert otherwise == {"grades": IntDom(0, 1)}


# Soundness: whatever values the variables take within their declarations, the analysis never rules out what a
# condition really evaluates to, and refining keeps every value that makes it so.

_INT = st.one_of(
    st.integers(-7, 7).map(str),
    st.sampled_from(["grades", "score", "visited(hall)"]),
)
_int_expr = st.recursive(
    _INT,
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from(["+", "-"]), inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        inner.map(lambda e: f"-({e})"),
    ),
    max_leaves=4,
)
_atom = st.one_of(
    st.tuples(_int_expr, st.sampled_from(["==", "!=", "<", "<=", ">", ">="]), _int_expr).map(" ".join),
    st.tuples(st.sampled_from(["==", "!="]), st.sampled_from(["'tao'", "'isaac'", "'james'", "room"])).map(
        lambda t: f"room {t[0]} {t[1]}"
    ),
    st.sampled_from(["brave", "true", "false", "brave == true", "brave != false"]),
)
_condition = st.recursive(
    _atom,
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from(["and", "or"]), inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        inner.map(lambda e: f"not ({e})"),
    ),
    max_leaves=6,
)
_state = st.fixed_dictionaries(
    {
        "grades": st.integers(0, 5),
        "score": st.integers(-20, 20),
        "brave": st.booleans(),
        "room": st.sampled_from(["tao", "isaac", "james"]),
    }
)


def _contains(dom, value) -> bool:
    if isinstance(dom, IntDom):
        return dom.lo <= value <= dom.hi
    return value in dom.values


@settings(max_examples=400, deadline=None)
@given(_condition, _state, st.integers(0, 4))
def test_the_analysis_never_rules_out_a_real_outcome(text, state, visits):
    compiled = compile_expression(text, VARIABLES, SCENES)
    outcome = bool(compiled.evaluate(state, {"hall": visits}))
    assert outcome in truth(compiled.tree, {}), text
    narrowed = refine(compiled.tree, {}, outcome)
    assert narrowed is not None
    concrete = {**state, "visited:hall": visits}
    for name, dom in narrowed.items():
        assert _contains(dom, concrete[name]), (text, name, dom)
