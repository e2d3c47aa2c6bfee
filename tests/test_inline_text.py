"""Values, conditions and variety inside text: loading (with exact columns), playing, saving."""

from __future__ import annotations

import json

import pytest

from game.events import Choices, Line
from game.playthrough import Playthrough
from tests.storybuild import MANIFEST, build, problems_of

LABELLED = MANIFEST.replace(
    "room: {type: enum, values: [tao, isaac], default: tao}",
    'room: {type: enum, values: [tao, isaac], default: tao, labels: {tao: "Tao\'s room"}}',
)


def scene_with(*lines: str, exit: str = "ending: done") -> str:
    body = "\n".join(f"    - {line}" for line in lines)
    return f"a:\n  title: A\n  chapter: One\n  lines:\n{body}\n  {exit}\n"


def lines_of(story, seed: int = 1, limit: int = 100) -> list[str]:
    playthrough = Playthrough(story, seed=seed)
    shown = []
    for _ in range(limit):
        if not playthrough.can_continue:
            break
        event = playthrough.continue_()
        if isinstance(event, Line):
            shown.append(event.text)
    return shown


def test_values_and_conditions_show_in_text(tmp_path):
    story = build(
        tmp_path,
        scene_with(
            '{narrate: "Grades {grades}, next {grades + 1}; brave: {brave}; room: {room}."}',
            "{set: {room: isaac}}",
            '{narrate: "Now {room}. {brave: Bold.|Careful.} {grades >= 2: Fine}"}',
            '{charlie: "{{literal}} and }} too"}',
        ),
        manifest=LABELLED,
    )
    assert lines_of(story) == [
        "Grades 2, next 3; brave: false; room: Tao's room.",
        "Now isaac. Careful. Fine",
        "{literal} and } too",
    ]


def test_plain_text_keeps_its_exact_event(tmp_path):
    story = build(tmp_path, scene_with('{narrate: "Hello | there: yes."}'))
    assert lines_of(story) == ["Hello | there: yes."]


def test_nested_picks_and_values(tmp_path):
    story = build(
        tmp_path,
        scene_with('{narrate: "{grades > 1: You have {grades} {grades == 1: grade|grades}|Nothing}."}'),
    )
    assert lines_of(story) == ["You have 2 grades."]


def test_variety_texts_count_per_place(tmp_path):
    scenes = """\
    a:
      title: A
      chapter: One
      lines:
        - narrate: "{First|Second|Last} {&one|two} {!once|twice}{~x|y|z}"
      choices:
        - {text: "Again {&A|B}", goto: a}
        - {text: "Stop", goto: b}
    b:
      title: B
      chapter: One
      ending: done
    """
    story = build(tmp_path, scenes)
    playthrough = Playthrough(story, seed=3)
    shown: list[str] = []
    menus: list[str] = []
    for _ in range(4):
        while True:
            event = playthrough.continue_()
            if isinstance(event, Line):
                shown.append(event.text)
            if isinstance(event, Choices):
                menus.append(event.options[0].text)
                break
        if len(menus) < 4:
            playthrough.choose(0)
    heads = [text.rsplit(" ", 1)[0] for text in shown]
    assert heads == ["First one", "Second two", "Last one", "Last two"]
    tails = [text.rsplit(" ", 1)[1] for text in shown]
    assert tails[0][:-1] == "once" and tails[1][:-1] == "twice" and len(tails[2]) == len(tails[3]) == 1
    assert all(text[-1] in "xyz" for text in tails)
    assert menus == ["Again A", "Again B", "Again A", "Again B"]
    # the same seed shows the same shuffles; the save keeps the counts and the seed
    again = Playthrough(story, seed=3)
    saved = None
    for _ in range(2):
        while not isinstance(again.continue_(), Choices):
            pass
        saved = json.loads(json.dumps(again.save()))
        again.choose(0)
    resumed = Playthrough.from_save(story, saved)
    resumed.choose(0)
    event = resumed.continue_()
    while not isinstance(event, Line):
        event = resumed.continue_()
    assert event.text == shown[2]


def test_saves_without_variety_still_load(tmp_path):
    story = build(tmp_path, scene_with('{narrate: "{a|b}"}'))
    playthrough = Playthrough(story)
    data = playthrough.save()
    data.pop("variety", None)
    assert lines_of(story)[0] == "a"
    assert Playthrough.from_save(story, data).continue_() is not None


@pytest.mark.parametrize(
    ("line", "at", "message"),
    [
        ('{narrate: "Hi {grdes} there"}', "grdes", "unknown variable 'grdes'"),
        ('{narrate: "Hi {brave: yes|no|maybe} there"}', "|maybe", "three or more"),
        ('{narrate: "Hi {brave: yes"}', "{brave", "never closed"),
        ('{narrate: "Hi } there"}', "}", "no '{' before it"),
        ('{narrate: "Hi {} there"}', "}", "is empty"),
        ('{narrate: "Hi {room == tao: a} there"}', "tao", "needs quotes"),
        ('{narrate: "Hi {grades + true} there"}', "true", "works on numbers"),
        ("{narrate: 'Hi {grades +} there'}", "}", "expected"),
    ],
)
def test_text_problems_point_at_the_column(tmp_path, line, at, message):
    problems = problems_of(tmp_path, scene_with(line))
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.line, problem.column) == (5, len("    - ") + line.index(at) + 1), problem
    assert message in problem.message and problem.hint


def test_choice_text_problems_are_reported(tmp_path):
    scenes = scene_with('{narrate: "x"}', exit='choices: [{text: "Go {nope}", goto: a}]')
    problems = problems_of(tmp_path, scenes)
    assert [p.message for p in problems] == ["in the text: unknown variable 'nope'"]


def test_labels_are_checked(tmp_path):
    manifest = MANIFEST.replace(
        "room: {type: enum, values: [tao, isaac], default: tao}",
        "room: {type: enum, values: [tao, isaac], default: tao, labels: {taoo: Tao}}\n"
        "  nice: {type: bool, default: false, labels: {x: y}}",
    )
    messages = [p.message for p in problems_of(tmp_path, manifest=manifest)]
    assert any("'taoo' is not a value" in m for m in messages)
    assert any("only for enum" in m for m in messages)


def test_deep_and_huge_inline_text_is_refused_cleanly(tmp_path):
    deep = "{brave: " * 40 + "x" + "}" * 40
    problems = problems_of(tmp_path, scene_with(f'{{narrate: "{deep}"}}'))
    assert len(problems) == 1 and "nested more than" in problems[0].message
    huge = "{" + "|".join(["x"] * 5000) + "}"
    problems = problems_of(tmp_path, scene_with(f'{{narrate: "{huge}"}}'))
    assert len(problems) == 1 and "more than" in problems[0].message


def test_extend_continues_the_line_before_it_across_a_condition(tmp_path):
    scenes = scene_with(
        '{nick: "I think"}',
        '{if: brave, then: [{extend: " we should go."}], else: [{extend: " we should stay, {grades} more days."}]}',
        '{narrate: "Quiet."}',
        '{extend: " Very quiet."}',
    )
    story = build(tmp_path, scenes)
    playthrough = Playthrough(story, seed=0)
    lines: list[Line] = []
    while playthrough.can_continue:
        event = playthrough.continue_()
        if isinstance(event, Line):
            lines.append(event)
    assert [(line.text, line.speaker, line.continues) for line in lines] == [
        ("I think", "nick", 0),
        ("I think we should stay, 2 more days.", "nick", len("I think")),
        ("Quiet.", None, 0),
        ("Quiet. Very quiet.", None, len("Quiet.")),
    ]


def test_extend_after_a_save_continues_the_saved_line(tmp_path):
    story = build(tmp_path, scene_with('{nick: "Wait"}', '{extend: " for me."}'))
    playthrough = Playthrough(story, seed=0)
    while not isinstance(playthrough.continue_(), Line):
        pass
    resumed = Playthrough.from_save(story, json.loads(json.dumps(playthrough.save())))
    event = resumed.continue_()
    while not isinstance(event, Line):
        event = resumed.continue_()
    assert (event.text, event.name, event.continues) == ("Wait for me.", "Nick", 4)


def test_extend_needs_a_line_before_it(tmp_path):
    problems = problems_of(tmp_path, scene_with("{show: nick}", '{extend: "and more"}'))
    assert [(p.line, p.message) for p in problems] == [(6, "'extend' needs a line before it in its scene")]
