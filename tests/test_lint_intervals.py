"""The interval analysis behind HS018/HS019: which conditions can hold, given declared ranges and what is known."""

from __future__ import annotations

import pytest

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
