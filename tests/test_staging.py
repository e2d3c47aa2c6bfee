"""Staging an author from Ren'Py expects: transitions on any stage change, colour backgrounds, places beyond three
(named, or any fraction of the width), a sprite that keeps its place when only its face changes, and the full-page
text mode. The engine only emits events; these tests read the events and the stage record."""

from __future__ import annotations

import pytest
from storybuild import MANIFEST, build, problems_of, write_story

from game.authoring.lint import lint_folder
from game.events import SceneEntered, StageChange
from game.loader import load_story
from game.model import StageBeat
from game.playthrough import Playthrough
from game.stage import Stage
from game.staging import Transition, place_fraction

CAST = MANIFEST.replace(
    "  nick: {name: Nick}\n",
    "  nick: {name: Nick}\n  tao: {name: Tao}\n  elle: {name: Elle}\n  isaac: {name: Isaac}\n",
)


def scene(*lines: str, extra: str = "") -> str:
    body = "".join(f"    - {line}\n" for line in lines)
    return f'a:\n  title: "A"\n  chapter: One\n{extra}  lines:\n{body}  ending: done\n'


def stage_beats(story) -> list[StageBeat]:
    return [b for b in story.scenes["a"].beats if isinstance(b, StageBeat)]


def test_transitions_are_read_with_their_durations(tmp_path):
    story = build(
        tmp_path,
        scene(
            "show: {who: nick, at: left, with: dissolve}",
            "show: {who: charlie, at: right, with: move, duration: 1.5}",
            "hide: {who: nick, with: fade}",
            'background: {id: "#000000", with: none}',
            'narrate: "Dark."',
            extra="  background: room\n  with: fade\n  duration: 2\n",
        ),
        raw={"assets/backgrounds/room.svg": b"<svg/>"},
    )
    beats = stage_beats(story)
    assert [b.transition for b in beats] == [
        Transition("dissolve", 0.5),
        Transition("move", 1.5),
        Transition("fade", 1.0),
        Transition("none", 0.0),
    ]
    assert story.scenes["a"].transition == Transition("fade", 2.0)
    assert beats[3].asset == "#000000"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("show: {who: nick, with: wipe}", "unknown transition 'wipe'"),
        ("show: {who: nick, duration: 2}", "'duration' of 'show' needs 'with'"),
        ("show: {who: nick, with: fade, duration: -1}", "'duration' must be a number of seconds"),
        ("show: {who: nick, at: 1.5}", "1.5 is off the stage"),
        ("show: {who: nick, at: middle}", "'middle' is not a place on stage"),
        ("mode: novel", "unknown text mode 'novel'"),
        ("hide: {with: fade}", "'hide' needs 'who'"),
    ],
)
def test_wrong_staging_is_reported_where_it_is_written(tmp_path, line, message):
    problems = problems_of(tmp_path, scene(line, 'narrate: "x"'))
    assert any(message in p.message for p in problems), [p.message for p in problems]
    assert all(p.line == 5 for p in problems if message in p.message)


def test_places_are_named_or_fractions_and_five_stand_together(tmp_path):
    story = build(
        tmp_path,
        scene(
            "show: {who: charlie, at: far_left}",
            "show: {who: nick, at: 0.35}",
            "show: {who: tao, at: center}",
            "show: {who: elle, at: 0.65}",
            "show: {who: isaac, at: far_right}",
            'narrate: "Five."',
        ),
        manifest=CAST,
    )
    stage = Stage()
    for beat in stage_beats(story):
        stage.apply(StageChange("show", beat.who, beat.expression, beat.at))
    assert {who: place for who, (_, place) in stage.sprites.items()} == {
        "charlie": "far_left",
        "nick": "0.35",
        "tao": "center",
        "elle": "0.65",
        "isaac": "far_right",
    }
    assert [round(place_fraction(p), 2) for _, p in stage.sprites.values()] == [0.1, 0.35, 0.5, 0.65, 0.9]
    assert Stage.from_data(stage.to_data()).sprites == stage.sprites


def test_a_show_without_at_keeps_the_sprite_where_it_stands(tmp_path):
    stage = Stage()
    stage.apply(StageChange("show", "nick", "neutral", "left"))
    stage.apply(StageChange("show", "nick", "happy", None))  # only the face changes: Ren'Py keeps the place
    assert stage.sprites["nick"] == ("happy", "left")
    stage.apply(StageChange("show", "charlie", "neutral", None))  # someone new comes in at the centre
    assert stage.sprites["charlie"] == ("neutral", "center")


def test_a_show_without_at_keeps_its_beat_id(tmp_path):
    before = build(tmp_path / "a", scene("show: {who: nick, as: happy, at: center}", 'narrate: "x"'))
    after = build(tmp_path / "b", scene("show: {who: nick, as: happy}", 'narrate: "x"'))
    assert stage_beats(before)[0].id == stage_beats(after)[0].id


def test_the_engine_passes_transitions_on_and_the_text_mode_lasts_to_the_scene_end(tmp_path):
    scenes = (
        scene(
            "show: {who: nick, at: left, with: dissolve, duration: 0.7}",
            "mode: nvl",
            'narrate: "One."',
            'narrate: "Two."',
            extra="  background: room\n  with: fade\n",
        ).replace("ending: done", "next: b")
        + 'b:\n  title: "B"\n  chapter: One\n  lines:\n    - narrate: "Three."\n  ending: done\n'
    )
    story = build(tmp_path, scenes, raw={"assets/backgrounds/room.svg": b"<svg/>"})
    play = Playthrough(story)
    seen, modes = [], []
    while play.can_continue:
        seen.append(play.continue_())
    entered = [e for e in seen if isinstance(e, SceneEntered)]
    assert entered and entered[0].transition == ("fade", 1.0)
    show = next(e for e in seen if isinstance(e, StageChange) and e.action == "show")
    assert show.transition == ("dissolve", 0.7) and show.at == "left"
    stage = Stage()
    for event in seen:
        stage.apply(event)
        if isinstance(event, SceneEntered):
            modes.append(stage.mode)
    assert modes == ["adv", "adv"] and stage.mode == "adv"


def test_the_text_mode_is_saved_with_the_stage():
    stage = Stage()
    stage.apply(StageChange("mode", asset="nvl"))
    assert Stage.from_data(stage.to_data()).mode == "nvl"
    stage.apply(StageChange("mode", asset="adv"))
    assert "mode" not in stage.to_data()


def test_lint_knows_colours_places_and_the_page(tmp_path):
    long = "word " * 90
    scenes = scene(
        "show: {who: charlie, at: far_left}",
        "show: {who: nick, at: left}",
        "show: {who: tao, at: center}",
        "show: {who: elle, at: right}",
        "show: {who: isaac, at: 0.6}",
        "mode: nvl",
        f'narrate: "{long.strip()}"',
        extra='  background: "#000000"\n',
    )
    story = write_story(tmp_path, scenes, manifest=CAST)
    codes = [p.code for p in lint_folder(story, opus=True).problems]
    assert "HS007" not in codes  # a colour needs no file
    assert "HS025" not in codes  # five people, five places
    assert "HS023" not in codes  # a page holds what the box does not


def test_the_compiled_story_cache_keeps_transitions(tmp_path, monkeypatch):
    monkeypatch.setenv("HEARTSTOPPER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("HEARTSTOPPER_NO_CACHE", raising=False)
    folder = write_story(
        tmp_path,
        scene("show: {who: nick, with: move, duration: 2}", "mode: nvl", 'narrate: "x"', extra="  with: dissolve\n"),
    )
    first, again = load_story(folder), load_story(folder)
    assert stage_beats(again) == stage_beats(first) and stage_beats(again)[0].transition == ("move", 2.0)
    assert again.scenes["a"].transition == ("dissolve", 0.5)


def test_the_scene_schema_takes_all_of_it(tmp_path):
    import jsonschema

    from game.authoring.schema import load_schema
    from game.yaml_source import read_yaml

    text = scene(
        "show: {who: nick, at: 0.4, with: move, duration: 1}",
        "hide: {who: nick, with: fade}",
        'background: {id: "#000000", with: dissolve}',
        'background: "#102030"',
        "mode: nvl",
        'narrate: "x"',
        extra='  background: "#000000"\n  with: fade\n  duration: 2\n',
    )
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    validator = jsonschema.Draft7Validator(load_schema("scene"))
    assert [e.message for e in validator.iter_errors(read_yaml(path, "a.yaml").value)] == []
    path.write_text(scene("show: {who: nick, with: wipe}"), encoding="utf-8")
    assert list(validator.iter_errors(read_yaml(path, "a.yaml").value))


def test_a_character_called_mode_still_speaks(tmp_path):
    """`mode` is not a reserved word: a story written before it, with a character of that name, keeps working."""
    manifest = MANIFEST.replace("  nick: {name: Nick}\n", "  nick: {name: Nick}\n  mode: {name: Mode}\n")
    story = build(tmp_path, scene('mode: "nvl"', 'narrate: "x"'), manifest=manifest)
    (line, _) = story.scenes["a"].beats
    assert (line.kind, line.speaker, line.text) == ("speech", "mode", "nvl")
