"""Bad stories: every kind of mistake gets a message at the exact file, line and column, never a traceback."""

from __future__ import annotations

import pytest
from storybuild import MANIFEST, SCENES, problems_of

from game.loader import load_story
from game.problems import StoryError

SCENE_FILE = "story/scenes/main.yaml"
MANIFEST_FILE = "story/story.yaml"


def scene(body: str, exit_: str = "ending: done") -> str:
    """A scene file with scene `a` whose lines are `body` (already indented by 4)."""
    return f'a:\n  title: "A"\n  chapter: One\n  lines:\n{body}\n  {exit_}\n'


# (id, scene file text, message part, hint part, line, column)
SCENE_CASES = [
    ("tab-indent", 'a:\n\ttitle: "A"\n', "a tab is used for indentation", "indent with spaces", 2, 1),
    (
        "alias",
        'a: &x\n  title: "A"\n  chapter: One\n  ending: done\nb: *x\n',
        "aliases (*x) are not allowed",
        "write the value out",
        5,
        4,
    ),
    ("anchor", 'a: &x\n  title: "A"\n  chapter: One\n  ending: done\n', "anchors (&x) are not allowed", "", 1, 4),
    (
        "duplicate-key",
        'a:\n  title: "A"\n  title: "B"\n  chapter: One\n  ending: done\n',
        "duplicate key 'title' (first given at line 2)",
        "each key may appear once",
        3,
        3,
    ),
    (
        "unknown-scene-key",
        'a:\n  title: "A"\n  chaptr: One\n  chapter: One\n  ending: done\n',
        "unknown key 'chaptr' in scene 'a'",
        "did you mean 'chapter'?",
        3,
        3,
    ),
    (
        "title-not-text",
        "a:\n  title: 3\n  chapter: One\n  ending: done\n",
        "'title' of scene 'a' must be text",
        "double quotes",
        2,
        10,
    ),
    (
        "no-exit",
        'a:\n  title: "A"\n  chapter: One\n',
        "scene 'a' has no way on",
        "choices', 'next', 'ending' or '- return'",
        1,
        1,
    ),  # at the scene's id, where an author looks for the scene
    (
        "two-exits",
        'a:\n  title: "A"\n  chapter: One\n  next: a\n  ending: done\n',
        "scene 'a' has both 'next' and 'ending'",
        "exactly one",
        5,
        3,
    ),
    ("unknown-goto", scene("    - goto: b_scene"), "unknown scene 'b_scene'", "no scene has this id", 5, 13),
    (
        "unknown-next-did-you-mean",
        'a:\n  title: "A"\n  chapter: One\n  next: aa\naa2:\n  title: "B"\n  chapter: One\n  ending: done\n',
        "unknown next scene 'aa'",
        "did you mean 'aa2'?",
        4,
        9,
    ),
    (
        "unknown-ending",
        'a:\n  title: "A"\n  chapter: One\n  ending: dnoe\n',
        "unknown ending 'dnoe'",
        "did you mean 'done'?",
        4,
        11,
    ),
    (
        "unknown-character",
        scene('    - charlei: "Hi"'),
        "unknown beat or character 'charlei'",
        "did you mean 'charlie'?",
        5,
        7,
    ),
    (
        "two-key-beat",
        scene('    - narrate: "x"\n      charlie: "y"'),
        "a beat has one key, but this one has 2",
        "its own '- ' item",
        5,
        7,
    ),
    ("think-without-who", scene('    - think: {text: "hm"}'), "'think' needs 'who'", "who: CHARACTER_ID", 5, 14),
    (
        "bad-place",
        scene("    - show: {who: nick, at: middle}"),
        "'middle' is not a place on stage",
        "left, center, right, far_right",
        5,
        29,
    ),
    ("unknown-effect", scene("    - effect: leafs"), "unknown effect 'leafs'", "did you mean 'leaves'?", 5, 15),
    (
        "set-unknown-variable",
        scene("    - set: {grade: 1}"),
        "unknown variable 'grade'",
        "did you mean 'grades'?",
        5,
        13,
    ),
    (
        "set-wrong-type",
        scene("    - set: {brave: 3}"),
        "'brave' must be true or false, but this sets it to 3",
        "",
        5,
        20,
    ),
    (
        "add-to-bool",
        scene("    - add: {brave: 1}"),
        "'add' needs a number variable, but 'brave' is bool",
        "use 'set'",
        5,
        13,
    ),
    (
        "enum-value",
        scene("    - set: {room: isac}"),
        "'room' must be one of 'tao', 'isaac'",
        "did you mean 'isaac'?",
        5,
        19,
    ),
    (
        "condition-syntax",
        scene('    - if: "grades >> 2"\n      then: [{narrate: "x"}]'),
        "in the condition:",
        "",
        5,
        20,
    ),
    (
        "condition-unknown-name",
        scene('    - if: "grads > 2"\n      then: [{narrate: "x"}]'),
        "unknown variable 'grads'",
        "did you mean 'grades'?",
        5,
        12,
    ),
    (
        "hostile-expression",
        scene('    - if: "__import__(\'os\')"\n      then: [{narrate: "x"}]'),
        "in the condition:",
        "",
        5,
        12,
    ),
    (
        "locked-without-if",
        'a:\n  title: "A"\n  chapter: One\n  choices:\n    - text: "Go"\n      goto: a\n      locked: "no"\n',
        "'locked' needs an 'if' on the same choice",
        "add 'if:",
        7,
        7,
    ),
    (
        "fallback-with-text",
        'a:\n  title: "A"\n  chapter: One\n  choices:\n    - text: "Go"\n      goto: a\n'
        '    - fallback: true\n      text: "x"\n      goto: a\n',
        "a fallback choice cannot have 'text'",
        "taken by itself",
        8,
        7,
    ),
    (
        "two-fallbacks",
        'a:\n  title: "A"\n  chapter: One\n  choices:\n    - text: "Go"\n      goto: a\n'
        "    - {fallback: true, goto: a}\n    - {fallback: true, goto: a}\n",
        "more than one fallback",
        "keep one fallback",
        8,
        7,
    ),
    (
        "choice-without-goto",
        'a:\n  title: "A"\n  chapter: One\n  choices:\n    - text: "Go"\n',
        "a choice needs 'goto'",
        "goto: SCENE_ID",
        5,
        7,
    ),
    (
        "empty-choices",
        'a:\n  title: "A"\n  chapter: One\n  choices: []\n',
        "has an empty list of choices",
        "use 'next'",
        4,
        12,
    ),
    (
        "bad-scene-id",
        'A_Scene:\n  title: "A"\n  chapter: One\n  ending: done\n',
        "'A_Scene' is not a valid scene id",
        "'a_scene'",
        1,
        1,
    ),
    (
        "multiple-documents",
        'a:\n  title: "A"\n  chapter: One\n  ending: done\n---\nb: 1\n',
        "holds one YAML document",
        "remove the '---'",
        5,
        1,
    ),
    ("unclosed-quote", 'a:\n  title: "A\n  chapter: One\n', "YAML syntax error", "", 4, 1),
    (
        "colon-in-text",
        "a:\n  title: A: the start\n  chapter: One\n  ending: done\n",
        "YAML syntax error",
        "needs quotes",
        2,
        11,
    ),
    (
        "python-tag",
        'a: !!python/object:os.system\n  title: "A"\n  chapter: One\n  ending: done\n',
        "tags (tag:yaml.org,2002:python/object:os.system) are not allowed",
        "remove the tag",
        1,
        4,
    ),
    (
        "number-too-large",
        scene("    - add: {grades: 99999999999999999999}"),
        "is too large",
        "small whole numbers",
        5,
        21,
    ),
    ("text-too-long", scene('    - narrate: "' + "x" * 20_001 + '"'), "the limit is 20000", "split it", 5, 16),
    ("deep-nesting", "a: " + "[" * 200 + "]" * 200 + "\n", "nested more than 48 levels deep", "", 1, 51),
    ("if-without-then", scene('    - if: "brave"'), "an 'if' beat needs 'then'", "add 'then:'", 5, 7),
    ("then-without-if", scene('    - then: [{narrate: "x"}]'), "'then' without 'if'", "add 'if:", 5, 7),
    (
        "message-from-unknown",
        scene('    - message: {from: nik, text: "hi"}'),
        "unknown character 'nik'",
        "did you mean 'nick'?",
        5,
        23,
    ),
    ("beat-not-mapping", scene('    - "just text"'), "a beat must be a mapping, but it is text", "narrate", 5, 7),
]


@pytest.mark.parametrize(
    ("scenes", "message", "hint", "line", "column"),
    [case[1:] for case in SCENE_CASES],
    ids=[case[0] for case in SCENE_CASES],
)
def test_scene_file_problem(tmp_path, monkeypatch, scenes, message, hint, line, column):
    monkeypatch.chdir(tmp_path)  # messages name files relative to the working directory
    problems = problems_of(tmp_path, scenes)
    matching = [p for p in problems if message in p.message]
    assert matching, "\n".join(map(str, problems))
    problem = matching[0]
    assert (problem.file, problem.line, problem.column) == (SCENE_FILE, line, column), str(problem)
    assert hint in problem.hint
    assert str(problem).startswith(f"{SCENE_FILE}:{line}:{column}: error: ")


MANIFEST_CASES = [
    (
        "unknown-manifest-key",
        MANIFEST + "endigns: {}\n",
        "unknown key 'endigns' in the manifest",
        "did you mean 'endings'?",
        12,
        1,
    ),
    (
        "default-out-of-range",
        MANIFEST.replace("default: 2, min: 0", "default: 7, min: 0"),
        "the default of variable 'grades' must be a whole number from 0 to 5, but it is 7",
        "",
        7,
        32,
    ),
    (
        "unknown-type",
        MANIFEST.replace("type: bool", "type: boolean"),
        "unknown type 'boolean'",
        "did you mean 'bool'?",
        8,
        17,
    ),
    ("missing-start", MANIFEST.replace("start: a\n", ""), "the manifest needs 'start'", "start: SCENE_ID", 1, 1),
    (
        "start-unknown",
        MANIFEST.replace("start: a", "start: b"),
        "unknown start scene 'b'",
        "no scene has this id",
        2,
        8,
    ),
    (
        "reserved-character",
        MANIFEST.replace("  nick: {name: Nick}", "  narrator: {name: N}"),
        "'narrator' cannot be a character id",
        "built in",
        5,
        3,
    ),
    ("bad-colour", MANIFEST.replace('"#7fb8e8"', '"blue"'), "'blue' is not a colour", "#rrggbb", 4, 35),
    (
        "glob-escapes",
        MANIFEST + 'scenes: ["../elsewhere/*.yaml"]\n',
        "reaches outside the story folder",
        "without '..'",
        12,
        10,
    ),
    ("no-endings", MANIFEST.split("endings:")[0], "declares no endings", "add 'endings:'", 1, 1),
    ("invariant-not-bool", MANIFEST + 'invariants: ["grades + 1"]\n', "in an invariant:", "", 12, 15),
]


@pytest.mark.parametrize(
    ("manifest", "message", "hint", "line", "column"),
    [case[1:] for case in MANIFEST_CASES],
    ids=[case[0] for case in MANIFEST_CASES],
)
def test_manifest_problem(tmp_path, manifest, message, hint, line, column):
    problems = problems_of(tmp_path, SCENES, manifest=manifest)
    matching = [p for p in problems if message in p.message]
    assert matching, "\n".join(map(str, problems))
    problem = matching[0]
    assert (problem.file, problem.line, problem.column) == (MANIFEST_FILE, line, column), str(problem)
    assert hint in problem.hint


def test_non_utf8_bytes_are_reported_where_they_stand(tmp_path):
    data = 'a:\n  title: "caf\xe9"\n'.encode("latin-1")
    problems = problems_of(tmp_path, SCENES, raw={"scenes/main.yaml": data})
    (problem,) = [p for p in problems if p.file == SCENE_FILE]
    assert (problem.line, problem.column) == (2, 14)
    assert "not valid UTF-8 (byte 0xe9)" in problem.message and "UTF-8" in problem.hint


def test_binary_junk_is_reported_not_parsed(tmp_path):
    problems = problems_of(tmp_path, SCENES, raw={"scenes/main.yaml": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"})
    (problem,) = [p for p in problems if p.file == SCENE_FILE]
    assert "NUL byte" in problem.message and (problem.line, problem.column) == (3, 1)


def test_a_huge_file_is_refused_without_reading_it(tmp_path):
    huge = b"# " + b"x" * (17 * 1024 * 1024) + b"\n"
    problems = problems_of(tmp_path, SCENES, raw={"scenes/main.yaml": huge})
    (problem,) = [p for p in problems if p.file == SCENE_FILE]
    assert "file is too large (17.0 MB; the limit is 16 MB)" in problem.message


def test_duplicate_scene_ids_across_files_name_both(tmp_path):
    problems = problems_of(tmp_path, SCENES, extra={"scenes/other.yaml": SCENES})
    (problem,) = problems
    assert problem.file == "story/scenes/other.yaml" and (problem.line, problem.column) == (1, 1)
    assert "scene 'a' is already defined in story/scenes/main.yaml:1" in problem.message


def test_every_problem_of_a_story_is_reported_together(tmp_path):
    scenes = scene('    - charlei: "Hi"\n    - effect: leafs\n    - set: {grade: 1}', "next: nowhere")
    problems = problems_of(tmp_path, scenes, extra={"scenes/b.yaml": "b:\n  title: 3\n"})
    messages = [p.message for p in problems]
    assert len(problems) == 6, messages  # (a scene may leave out 'chapter')
    assert [p.file for p in problems] == ["story/scenes/b.yaml"] * 2 + [SCENE_FILE] * 4
    assert [p.line for p in problems] == sorted(p.line for p in problems[:2]) + sorted(p.line for p in problems[2:])


def test_missing_folder_and_manifest(tmp_path):
    with pytest.raises(StoryError) as caught:
        load_story(tmp_path / "nowhere")
    assert "does not exist" in caught.value.problems[0].message
    (tmp_path / "empty").mkdir()
    with pytest.raises(StoryError) as caught:
        load_story(tmp_path / "empty")
    assert "has no manifest" in caught.value.problems[0].message


def test_scene_file_linking_outside_the_story_is_refused(tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text(SCENES)
    from storybuild import write_story

    story = write_story(tmp_path, SCENES)
    (story / "scenes" / "linked.yaml").symlink_to(outside)
    with pytest.raises(StoryError) as caught:
        load_story(story)
    assert any("links to a file outside the story folder" in p.message for p in caught.value.problems)


def test_uses_of_a_variable_whose_declaration_is_broken_point_at_the_declaration(tmp_path):
    declared = "grades: {type: int, default: 2, min: 0, max: 5}"
    manifest = MANIFEST.replace(declared, 'grades: {type: int, default: "six"}')
    used = '    - narrate: "Hello."\n    - if: "grades > 1"\n      then: []'
    scenes = SCENES.replace('    - narrate: "Hello."', used)
    problems = problems_of(tmp_path, scenes, manifest=manifest)
    assert problems[0].file.endswith("story.yaml") and "default" in problems[0].message  # the cause, first
    uses = [p for p in problems if p.message.endswith("unknown variable 'grades'")]
    assert uses and all("declared in story.yaml, but its declaration has a problem" in p.hint for p in uses)


def test_ways_to_a_scene_in_a_file_that_does_not_parse_point_at_that_file(tmp_path):
    scenes = SCENES.replace("  ending: done", "  next: b")
    broken = "b:\n  title: B\n\tlines: []\n  ending: done\n"  # a tab: the file does not parse
    problems = problems_of(tmp_path, scenes, extra={"scenes/b.yaml": broken})
    (way,) = [p for p in problems if "unknown" in p.message and "'b'" in p.message]
    assert "seems to be written in" in way.hint and "b.yaml, which does not load" in way.hint
    # the chapter dressed in the manifest whose scenes are all in that file: the same cause, not a did-you-mean
    manifest = MANIFEST + "chapters:\n  Two: {season: spring}\n"
    broken = broken.replace("  title: B\n", "  title: B\n  chapter: Two\n")
    problems = problems_of(tmp_path / "again", scenes, manifest=manifest, extra={"scenes/b.yaml": broken})
    (chapter,) = [p for p in problems if "no scene is in the chapter 'Two'" in p.message]
    assert "b.yaml, which does not load" in chapter.hint
