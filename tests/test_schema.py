"""The editor schemas: in step with the loader's keys, valid for every story the tests and the game ship, and
refusing the shapes the loader refuses."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest
from commandline import ROOT, heartstopper
from storybuild import FIXTURES

from game import loader, scripts
from game.authoring.schema import NAMES, load_schema, modeline, schema_for, schema_path
from game.paths import default_story_dir
from game.yaml_source import read_yaml


def validator(name):
    schema = load_schema(name)
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def props(schema: dict, *path: str) -> set[str]:
    node = schema
    for key in path:
        node = node[key]
    return set(node["properties"])


def test_the_schemas_are_valid_draft_7_and_ship_inside_the_package():
    for name in NAMES:
        path = schema_path(name)
        assert path.parent == ROOT / "game" / "schemas"
        validator(name)


def test_keys_match_the_loaders():
    manifest, scene, playthrough = (load_schema(name) for name in NAMES)
    assert props(manifest) == set(loader.MANIFEST_KEYS)
    assert props(manifest, "$defs", "variable") == set(loader.VARIABLE_KEYS)
    assert props(scene, "$defs", "scene") == set(loader.SCENE_KEYS)
    assert props(scene, "$defs", "choice") == set(loader.CHOICE_KEYS)
    beats = props(scene, "$defs", "one_key_beat")
    assert beats == set(loader.TEXT_BEATS + loader.STAGE_BEATS) | {
        "set",
        "add",
        "goto",
        loader.NARRATOR,
        loader.EXTEND,
        loader.CALL,
        loader.MODE_BEAT,
    }
    assert props(scene, "$defs", "if_beat") == {"if", "then", "else"}
    assert set(loader.OTHER_BEATS) <= beats | {"if"}
    assert scene["$defs"]["one_key_beat"]["properties"]["effect"]["enum"] == list(loader.EFFECTS)
    show = scene["$defs"]["one_key_beat"]["properties"]["show"]["anyOf"][1]
    assert show["properties"]["at"]["allOf"] == [{"$ref": "#/$defs/place"}]
    assert scene["$defs"]["place"]["anyOf"][0]["enum"] == list(loader.PLACES)
    assert props(playthrough) == set(scripts.SCRIPT_KEYS)
    assert props(playthrough, "$defs", "step") == set(scripts.STEP_KINDS)


def test_speakers_are_any_id_except_the_formats_own_words():
    (pattern,) = load_schema("scene")["$defs"]["one_key_beat"]["patternProperties"]
    words = set(re.search(r"\(\?:([^)]*)\)", pattern).group(1).split("|"))
    assert words == set(loader.RESERVED)
    assert re.match(pattern, "charlie") and not re.match(pattern, "narrate")


def story_files(story: Path) -> list[Path]:
    return [story / "story.yaml", *sorted(story.glob("scenes/**/*.yaml")), *sorted(story.glob("playthroughs/*.yaml"))]


STORIES = [
    default_story_dir(),
    FIXTURES / "mini",
    FIXTURES / "ui_story",
    FIXTURES / "lint" / "story",
    Path(__file__).resolve().parent.parent / "examples" / "lamplight",
]


@pytest.mark.parametrize("story", STORIES, ids=lambda p: p.name)
def test_every_file_of_the_shipped_and_fixture_stories_validates(story):
    checked = 0
    for path in story_files(story):
        source = read_yaml(path, path.name)
        assert not source.problems
        errors = [
            f"{path}: {list(e.absolute_path)}: {e.message[:160]}"
            for e in validator(schema_for(path, story)).iter_errors(source.value)
        ]
        assert not errors, "\n".join(errors)
        checked += 1
    assert checked >= 2


BAD_SCENES = {
    "unknown scene key": 'a: {title: "A", chapter: One, lines: [], colour: red, ending: done}',
    "two ways on": 'a: {title: "A", chapter: One, next: a, ending: done}',
    "no way on": 'a: {title: "A", chapter: One}',
    "then without if": 'a: {title: "A", chapter: One, lines: [{then: []}], ending: done}',
    "two keys in a beat": 'a: {title: "A", chapter: One, lines: [{narrate: "a", goto: a}], ending: done}',
    "unknown effect": 'a: {title: "A", chapter: One, lines: [{effect: rain}], ending: done}',
    "fallback with text": 'a: {title: "A", chapter: One, choices: [{fallback: true, text: "x", goto: a}]}',
    "locked without if": 'a: {title: "A", chapter: One, choices: [{text: "x", locked: "no", goto: a}]}',
    "choice without goto": 'a: {title: "A", chapter: One, choices: [{text: "x"}]}',
    "place off stage": 'a: {title: "A", chapter: One, lines: [{show: {who: nick, at: top}}], ending: done}',
    "empty text": 'a: {title: "A", chapter: One, lines: [{narrate: "  "}], ending: done}',
}


@pytest.mark.parametrize("text", BAD_SCENES.values(), ids=BAD_SCENES.keys())
def test_the_scene_schema_refuses_what_the_loader_refuses(text, tmp_path):
    from storybuild import problems_of

    assert problems_of(tmp_path, text + "\n"), "the loader accepts it"
    path = tmp_path / "bad.yaml"
    path.write_text(text + "\n", encoding="utf-8")
    assert list(validator("scene").iter_errors(read_yaml(path, "bad.yaml").value))


def test_the_manifest_schema_checks_variables_by_type(tmp_path):
    path = tmp_path / "story.yaml"
    path.write_text(
        'title: "T"\nstart: a\nendings: {done: {title: "D"}}\n'
        "variables: {grades: {type: int, default: true}, room: {type: enum, default: tao}}\n",
        encoding="utf-8",
    )
    errors = list(validator("manifest").iter_errors(read_yaml(path, "story.yaml").value))
    assert {tuple(e.absolute_path)[:2] for e in errors} >= {("variables", "grades"), ("variables", "room")}


def test_the_modeline_points_at_the_schema_from_the_file_it_heads():
    scene_file = default_story_dir() / "scenes" / "prologue.yaml"
    line = modeline("scene", scene_file)
    assert line.startswith("# yaml-language-server: $schema=")
    relative = line.split("=", 1)[1]
    assert (scene_file.parent / relative).resolve() == schema_path("scene")


def test_the_command_prints_where_the_schemas_are():
    result = heartstopper("schema")
    assert result.returncode == 0, result.stderr
    for name in NAMES:
        assert str(schema_path(name)) in result.stdout
    assert "# yaml-language-server: $schema=../../game/schemas/scene.schema.json" in result.stdout
    printed = heartstopper("schema", "--print", "manifest")
    assert printed.returncode == 0
    assert '"title": "Heartstopper story: manifest (story.yaml)"' in printed.stdout
