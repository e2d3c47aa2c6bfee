"""Hostile input: what a careless or malicious story, playthrough file, save or asset folder can try, and the clear
message (never a traceback, a hang or a lost save) each one gets.

Cases already covered elsewhere are not repeated: a single alias and anchor, a Python tag, flow nesting 200 deep,
a 17 MB file written out in full, NUL bytes, Latin-1 bytes and a scene file linked out of the story
(test_loader_errors.py); hand-edited save fields and a save killed inside json.dump (test_save.py); hostile
condition text given straight to the expression parser (test_expressions.py).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

import pytest
from commandline import ROOT, heartstopper
from storybuild import FIXTURES, MANIFEST, SCENES, build, mini, problems_of, write_story

from game.assets import AssetCatalog
from game.events import SceneEntered, StageChange
from game.loader import load_story
from game.playthrough import Playthrough
from game.problems import StoryError
from game.save import MAX_SAVE_BYTES, SaveError, read_json_file, write_json_atomically
from game.scripts import load_playthrough_file
from game.yaml_source import MAX_FILE_BYTES, read_yaml

SCENE_FILE = "story/scenes/main.yaml"


def scene_with(lines: str, exit_: str = "ending: done") -> str:
    return f'a:\n  title: "A"\n  chapter: One\n  lines:\n{lines}\n  {exit_}\n'


def quickly(action, seconds: float = 2.0):
    start = time.perf_counter()
    result = action()
    assert time.perf_counter() - start < seconds, f"took {time.perf_counter() - start:.1f} s"
    return result


def peak_memory(action) -> tuple[object, int]:
    tracemalloc.start()
    try:
        result = action()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def raised_with_peak(action, kind: type[BaseException]) -> tuple:
    """The exception an action raises, with the peak of Python memory used until then."""
    tracemalloc.start()
    try:
        action()
    except kind as error:
        return error, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    raise AssertionError(f"{kind.__name__} was not raised")


def messages(problems) -> str:
    return "\n".join(str(problem) for problem in problems)


def scene_file_problems(tmp_path: Path, scenes: str = SCENES, **kwargs) -> list:
    """The problems of the scene file only (a broken scene file also leaves the manifest's start unknown)."""
    return [p for p in problems_of(tmp_path, scenes, **kwargs) if p.file == SCENE_FILE]


# -- alias bombs -----------------------------------------------------------------------------------------------------

BILLION_LAUGHS = "\n".join(
    ['lol0: &l0 "lol"']
    + [f"lol{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]" for level in range(1, 10)]
    + ["a:", '  title: "A"', "  chapter: One", "  lines: *l9", "  ending: done"]
)


def test_a_billion_laughs_is_refused_at_once_without_expanding(tmp_path):
    problems, peak = peak_memory(lambda: quickly(lambda: problems_of(tmp_path, BILLION_LAUGHS)))
    text = messages(problems)
    assert "story/scenes/main.yaml:1:7: error: anchors (&l0) are not allowed in stories" in text
    assert "story/scenes/main.yaml:2:12: error: aliases (*l0) are not allowed in stories" in text
    assert "story/scenes/main.yaml:14:10: error: aliases (*l9) are not allowed in stories" in text
    assert all(p.hint for p in problems)
    assert peak < 5_000_000  # a billion 'lol's were never built (a real expansion needs gigabytes)


def test_an_alias_bomb_in_a_playthrough_file_is_refused(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(BILLION_LAUGHS.replace("a:\n", "name: x\nsteps: *l9\nb:\n"), encoding="utf-8")
    with pytest.raises(StoryError) as caught:
        quickly(lambda: load_playthrough_file(path, mini()))
    assert "aliases (*l9) are not allowed in stories" in caught.value.report()


def test_a_recursive_alias_is_refused(tmp_path):
    problems = quickly(lambda: problems_of(tmp_path, "a: &a [*a, *a]\n"))
    assert "anchors (&a) are not allowed" in messages(problems)
    assert "aliases (*a) are not allowed" in messages(problems)


# -- deep nesting ----------------------------------------------------------------------------------------------------


def test_deep_block_nesting_is_refused_where_it_goes_too_deep(tmp_path):
    deep = "".join(f"{' ' * level}k{level}:\n" for level in range(100)) + " " * 100 + "x: 1\n"
    (problem,) = quickly(lambda: scene_file_problems(tmp_path, deep))
    assert (problem.file, problem.line, problem.column) == (SCENE_FILE, 49, 49)
    assert problem.message == "the YAML is nested more than 48 levels deep"


def test_deep_block_indentation_is_refused_before_parsing(tmp_path):
    deep = "".join(f"{'  ' * level}k{level}:\n" for level in range(120)) + "  " * 120 + "x: 1\n"
    problems = quickly(lambda: scene_file_problems(tmp_path, deep))
    assert problems[0].message == "the line is indented too deeply" and problems[0].line == 98
    assert [p.line for p in problems] == [98, 99, 100, 101]  # the first three, then one for the other 21
    assert problems[-1].message.endswith("(here and on 20 more lines of this file, down to line 121)")


def test_deep_block_lists_on_one_line_are_refused(tmp_path):
    (problem,) = quickly(lambda: scene_file_problems(tmp_path, "- " * 5_000 + "x\n"))
    assert problem.message == "the YAML is nested more than 48 levels deep" and problem.line == 1


@pytest.mark.parametrize("opening", ["{a: ", "[", "[{a: "])
def test_very_deep_flow_nesting_is_refused_quickly(tmp_path, opening):
    closing = "".join({"{": "}", "[": "]"}[c] for c in reversed(opening) if c in "{[")
    text = "a: " + opening * 50_000 + "1" + closing * 50_000 + "\n"
    (problem,) = quickly(lambda: scene_file_problems(tmp_path, text))
    # Our own message whatever nesting limit the installed libyaml has (it differs between PyYAML releases)
    assert problem.message == "the YAML is nested more than 48 levels deep" and problem.line == 1
    openers = [index for index, char in enumerate(text[:1_000]) if char in "[{"]
    # at the bracket that passes the limit: the 49th level, or the 48th bracket when the block mapping counts
    assert problem.column in (openers[47] + 1, openers[48] + 1)


def test_deeply_nested_if_beats_are_refused(tmp_path):
    lines, indent = [], "    "
    for _ in range(14):
        lines += [f'{indent}- if: "true"', f"{indent}  then:"]
        indent += "    "
    lines.append(f'{indent}- narrate: "deep"')
    problems = problems_of(tmp_path, scene_with("\n".join(lines)))
    assert [p.message for p in problems] == ["'if' beats are nested more than 12 deep"]
    assert problems[0].hint == "split the scene into smaller scenes"


def test_deeply_nested_conditions_are_refused_at_their_place(tmp_path):
    condition = "(" * 5_000 + "brave" + ")" * 5_000
    problems = quickly(lambda: problems_of(tmp_path, scene_with(f'    - if: "{condition}"\n      then: []')))
    (problem,) = problems
    assert problem.message == "in the condition: expression too long (10,005 characters)"
    assert problem.line == 5 and problem.column > 12  # where the limit was passed


def test_a_deeply_nested_save_file_is_damaged_not_a_crash(tmp_path):
    path = tmp_path / "slot.json"
    path.write_text("[" * 200_000 + "]" * 200_000)
    with pytest.raises(SaveError) as caught:
        read_json_file(path)
    assert caught.value.reason == "damaged" and "nested far too deeply" in str(caught.value)


# -- huge files ------------------------------------------------------------------------------------------------------

HUNDRED_MB = 100 * 1024 * 1024


def sparse_file(path: Path, size: int = HUNDRED_MB) -> Path:
    """A file of `size` bytes made in no time (a hole on disk: nothing is written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def test_a_100_mb_scene_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # messages name files relative to the working directory
    story = write_story(tmp_path)
    sparse_file(story / "scenes" / "huge.yaml")
    error, peak = raised_with_peak(lambda: quickly(lambda: load_story(story), 1.0), StoryError)
    assert peak < 5_000_000
    (problem,) = error.problems
    assert str(problem) == (
        "story/scenes/huge.yaml:1:1: error: file is too large (100.0 MB; the limit is 16 MB)\n"
        "    hint: split the story into several scene files"
    )


def test_a_100_mb_file_is_never_read_into_memory(tmp_path):
    path = sparse_file(tmp_path / "huge.yaml")
    source, peak = peak_memory(lambda: quickly(lambda: read_yaml(path, "huge.yaml"), 0.5))
    assert source.value is None and "file is too large (100.0 MB" in source.problems[0].message
    assert peak < 1_000_000


def test_a_file_just_over_the_limit_is_refused_and_one_at_it_is_read(tmp_path):
    over = sparse_file(tmp_path / "over.yaml", MAX_FILE_BYTES + 1)
    assert "file is too large" in read_yaml(over, "over.yaml").problems[0].message
    at = tmp_path / "at.yaml"
    at.write_bytes(b"a: 1\n" + b"#" * (MAX_FILE_BYTES - 6) + b"\n")
    assert read_yaml(at, "at.yaml").value == {"a": 1}


def test_a_100_mb_manifest_and_playthrough_file_are_refused(tmp_path):
    story = write_story(tmp_path)
    (story / "story.yaml").unlink()
    sparse_file(story / "story.yaml")
    with pytest.raises(StoryError) as caught:
        quickly(lambda: load_story(story), 1.0)
    assert "story/story.yaml:1:1: error: file is too large (100.0 MB" in caught.value.report()
    playthrough = sparse_file(tmp_path / "run.yaml")
    with pytest.raises(StoryError) as caught:
        quickly(lambda: load_playthrough_file(playthrough, mini()), 1.0)
    assert "file is too large (100.0 MB" in caught.value.report()


def test_a_100_mb_save_file_is_refused_without_reading_it(tmp_path):
    path = sparse_file(tmp_path / "slot.json")
    error, peak = raised_with_peak(lambda: quickly(lambda: read_json_file(path), 0.5), SaveError)
    assert error.reason == "damaged" and "far too large" in str(error)
    assert peak < 1_000_000
    assert MAX_SAVE_BYTES < HUNDRED_MB


def test_a_100_mb_save_slot_is_damaged_without_reading_it(tmp_path):
    from game.ui.savestore import SaveStore

    sparse_file(tmp_path / "3.json")
    slot, peak = peak_memory(lambda: SaveStore(tmp_path).read("3"))
    assert slot.status == "damaged"
    assert peak < 20_000_000


def test_a_deeply_nested_save_slot_is_damaged_not_a_crash(tmp_path):
    from game.ui.savestore import SaveStore

    (tmp_path / "4.json").write_text("[" * 200_000 + "]" * 200_000)
    assert SaveStore(tmp_path).read("4").status == "damaged"
    assert SaveStore(tmp_path).latest() is None


# -- binary junk -----------------------------------------------------------------------------------------------------

JUNK = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    "gzip": b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\x48\xcd\xc9\xc9\x07\x00",
    "elf": b"\x7fELF\x02\x01\x01" + bytes(range(256)),
    "utf16": "a: b\n".encode("utf-16"),
    "controls": b"a: \x01\x02\x03\x1b[31m\n",
}


@pytest.mark.parametrize("kind", sorted(JUNK))
def test_binary_junk_as_a_scene_file_gets_one_clear_problem(tmp_path, kind):
    (problem,) = scene_file_problems(tmp_path, SCENES, raw={"scenes/main.yaml": JUNK[kind]})
    assert problem.file == SCENE_FILE and problem.line >= 1 and problem.column >= 1
    assert any(words in problem.message for words in ("NUL byte", "not valid UTF-8", "is not allowed in YAML text")), (
        str(problem)
    )
    assert problem.hint


@pytest.mark.parametrize("kind", sorted(JUNK))
def test_binary_junk_as_the_manifest_is_reported(tmp_path, kind):
    story = write_story(tmp_path, raw={"story.yaml": JUNK[kind]})
    with pytest.raises(StoryError) as caught:
        load_story(story)
    assert caught.value.problems[0].file == "story/story.yaml"
    assert "Traceback" not in caught.value.report()


@pytest.mark.parametrize("kind", sorted(JUNK))
def test_binary_junk_as_a_playthrough_file_or_a_save_is_reported(tmp_path, kind):
    path = tmp_path / "junk"
    path.write_bytes(JUNK[kind])
    with pytest.raises(StoryError) as caught:
        load_playthrough_file(path, mini())
    assert caught.value.problems[0].message
    with pytest.raises(SaveError) as damaged:
        Playthrough.from_save(mini(), read_json_file(path))
    assert damaged.value.reason == "damaged"


def test_check_command_reports_junk_without_a_traceback(tmp_path):
    story = write_story(tmp_path, raw={"scenes/main.yaml": JUNK["elf"]})
    result = subprocess.run(
        [sys.executable, "-m", "game", "check", str(story)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 1
    assert "story/scenes/main.yaml:1:8: error: the file contains a NUL byte" in result.stderr
    assert "Traceback" not in result.stderr


# -- asset ids that try to leave assets/ -----------------------------------------------------------------------------

ESCAPES = ["../../etc/passwd", "/etc/passwd", "..", "a/../../b", "C:\\Windows\\win.ini", "~/.ssh/id_rsa", "bg\x00.svg"]


@pytest.mark.parametrize("asset", ESCAPES)
@pytest.mark.parametrize("where", ["scene background", "scene music", "background", "music", "sound", "show as"])
def test_asset_ids_that_are_paths_are_refused_by_the_loader(tmp_path, asset, where):
    quoted = json.dumps(asset)
    if where == "scene background":
        text = f'a:\n  title: "A"\n  chapter: One\n  background: {quoted}\n  ending: done\n'
    elif where == "scene music":
        text = f'a:\n  title: "A"\n  chapter: One\n  music: {quoted}\n  ending: done\n'
    elif where == "show as":
        text = scene_with(f"    - show: {{who: nick, as: {quoted}}}")
    else:
        text = scene_with(f"    - {where}: {quoted}")
    problems = problems_of(tmp_path, text)
    if "\x00" in asset:  # a NUL is a control character too, refused as such before it is looked at as an id
        control = [p for p in problems if p.message == "the text holds the control character \\x00 (NUL)"]
        assert len(control) == 1
        problems = [p for p in problems if p not in control]
    (problem,) = problems
    assert problem.file == SCENE_FILE
    kind = "expression" if where == "show as" else f"{where.split()[-1]} asset id"
    assert f"is not a valid {kind}" in problem.message
    assert "lowercase letters, digits and underscores" in problem.hint


@pytest.fixture
def catalog(tmp_path) -> tuple[AssetCatalog, Path]:
    assets = tmp_path / "assets"
    for folder in ("backgrounds", "music", "sounds", "sprites/nick"):
        (assets / folder).mkdir(parents=True)
    (assets / "backgrounds" / "park.svg").write_text("<svg/>")
    (assets / "sprites" / "nick" / "happy.svg").write_text("<svg/>")
    secret = tmp_path / "outside" / "secret.svg"
    secret.parent.mkdir()
    secret.write_text("<svg>secret</svg>")
    (assets / "backgrounds" / "leak.svg").symlink_to(secret)
    (assets / "sprites" / "tao").symlink_to(secret.parent, target_is_directory=True)
    (tmp_path / "outside" / "happy.svg").write_text("<svg/>")
    inside = assets / "backgrounds" / "alias.svg"
    inside.symlink_to(assets / "backgrounds" / "park.svg")
    return AssetCatalog(assets), tmp_path


@pytest.mark.parametrize("asset", [*ESCAPES, "../outside/secret", "../../outside/secret", "", "."])
def test_the_catalog_never_resolves_an_id_outside_the_assets_folder(catalog, asset):
    assets, _ = catalog
    for kind in ("background", "music", "sound", "sprite"):
        assert assets.path(kind, asset) is None
    assert assets.sprite(asset, "happy") is None
    assert assets.sprite("nick", asset) is None


def test_links_out_of_the_assets_folder_are_missing_and_links_inside_work(catalog):
    assets, tmp_path = catalog
    assert assets.path("background", "leak") is None  # a link to a file outside
    assert assets.sprite("tao", "happy") is None  # a folder linked outside
    assert assets.path("background", "park") == (tmp_path / "assets" / "backgrounds" / "park.svg").resolve()
    assert assets.path("background", "alias") is not None  # a link that stays inside is fine
    assert assets.ids("background") == {"park", "alias"}
    assert assets.ids("sprite") == {"nick/happy"}
    assert assets.expressions("tao") == set()


def test_the_game_never_reads_a_file_a_link_leads_to_outside_the_assets(catalog):
    """What the linter calls missing, the game does not show either: a linked file outside is never opened."""
    from game.ui.assets import Images
    from game.ui.captions import load_captions
    from game.ui.fonts import Fonts
    from game.ui.places import load_outdoors

    _, tmp_path = catalog
    assets = tmp_path / "assets"
    images = Images(assets, Fonts())
    assert images.background_path("leak") is None and images.sprite_path("tao", "happy") is None
    assert images.background_path("park") is not None and images.background_path("alias") is not None
    (tmp_path / "outside" / "song.ogg").write_bytes(b"OggS")
    (assets / "music" / "song.ogg").symlink_to(tmp_path / "outside" / "song.ogg")
    from game.ui import audio

    assert audio._first_file(assets / "music", "song", "music", assets) is None
    (tmp_path / "outside" / "captions.yaml").write_text("sounds: {door: 'a secret'}\n")
    (assets / "captions.yaml").symlink_to(tmp_path / "outside" / "captions.yaml")
    assert load_captions(assets).sound("door") != "[a secret]"
    (tmp_path / "outside" / "places.yaml").write_text("outdoors: [park]\n")
    (assets / "backgrounds" / "places.yaml").symlink_to(tmp_path / "outside" / "places.yaml")
    assert load_outdoors(assets) is None


def test_a_link_loop_in_the_assets_folder_is_missing(catalog):
    assets, tmp_path = catalog
    loop = tmp_path / "assets" / "music" / "loop.ogg"
    loop.symlink_to(loop)
    assert assets.path("music", "loop") is None
    assert assets.ids("music") == set()


def test_a_save_whose_stage_names_paths_resumes_and_the_paths_stay_missing(catalog):
    assets, _ = catalog
    story = mini()
    pt = Playthrough(story)
    for _ in range(3):
        pt.continue_()
    data = pt.save()
    data["stage"] = {
        "background": "../../etc/passwd",
        "music": "/dev/zero",
        "sprites": [["../outside", "secret", "left"], ["nick", "../../../outside/happy", "right"]],
    }
    resumed = Playthrough.from_save(story, json.loads(json.dumps(data)))
    events = []
    while resumed.restoring:
        events.append(resumed.continue_())
    scene = next(e for e in events if isinstance(e, SceneEntered))
    assert assets.path("background", scene.background) is None
    assert assets.path("music", scene.music) is None
    for change in (e for e in events if isinstance(e, StageChange)):
        assert assets.sprite(change.who, change.expression) is None


# -- scene files linked from outside ---------------------------------------------------------------------------------


def test_a_scene_folder_linked_outside_the_story_is_refused(tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "stolen.yaml").write_text(SCENES.replace("a:", "b:"))
    story = write_story(tmp_path, manifest=MANIFEST + 'scenes: ["scenes/*.yaml", "scenes/*/*.yaml"]\n')
    (story / "scenes" / "linked").symlink_to(outside, target_is_directory=True)
    with pytest.raises(StoryError) as caught:
        load_story(story)
    (problem,) = caught.value.problems
    assert problem.message == "'scenes/linked' links to a folder outside the story folder"


def test_a_link_loop_in_the_scenes_folder_does_not_hang(tmp_path):
    story = write_story(tmp_path)
    (story / "scenes" / "loop").symlink_to(story / "scenes", target_is_directory=True)
    loaded = quickly(lambda: load_story(story), 5.0)
    assert list(loaded.scenes) == ["a"]


# -- conditions that try to reach Python -----------------------------------------------------------------------------

REACHING = [
    "__import__('os').system('touch {marker}')",
    "open('{marker}', 'w')",
    "eval(\"open('{marker}', 'w')\")",
    "().__class__.__base__.__subclasses__()",
    "brave.__class__",
    "grades.real > 1",
    "[x for x in (1,)]",
    "lambda: open('{marker}', 'w')",
    "globals()['__builtins__']",
    "f'{{grades}}'",
    "grades if brave else 0",
    "brave; import os",
    "exec('x=1')",
]


@pytest.mark.parametrize("condition", REACHING)
def test_conditions_that_reach_for_python_are_load_errors_and_run_nothing(tmp_path, condition):
    marker = tmp_path / "ran"
    text = condition.format(marker=marker)
    quoted = json.dumps(text)
    scene = scene_with(
        f"    - if: {quoted}\n      then: []",
        f'choices:\n    - text: "Go"\n      goto: a\n      if: {quoted}\n    - text: "Stay"\n      goto: a',
    )
    manifest = MANIFEST + f"invariants: [{quoted}]\n"
    problems = problems_of(tmp_path, scene, manifest=manifest)
    conditions = [p for p in problems if p.message.startswith(("in the condition", "in the choice's", "in an inv"))]
    assert {p.file for p in conditions} == {SCENE_FILE, "story/story.yaml"}
    assert len(conditions) == 3, messages(problems)
    assert all(p.hint for p in conditions)
    assert not marker.exists()


@pytest.mark.parametrize("condition", REACHING)
def test_playthrough_expectations_that_reach_for_python_are_errors(tmp_path, condition):
    marker = tmp_path / "ran"
    path = tmp_path / "run.yaml"
    path.write_text(f"name: x\nsteps:\n  - expect: {json.dumps(condition.format(marker=marker))}\n")
    with pytest.raises(StoryError) as caught:
        load_playthrough_file(path, mini())
    (problem,) = caught.value.problems
    assert problem.message.startswith("in 'expect': ") and problem.line == 3
    assert not marker.exists()


def test_given_values_are_data_not_code(tmp_path):
    marker = tmp_path / "ran"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "game",
            "play",
            "--text",
            "--story",
            str(FIXTURES / "mini"),
            "--given",
            f"room=__import__('os').system('touch {marker}')",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        input="",
    )
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "room" in result.stderr and not marker.exists()


# -- saves edited by hand (beyond test_save.py) ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: {**d, "variables": {"grades": 10**30}}, "variable 'grades' is 1000000000000000000000000000000"),
        (lambda d: {**d, "variables": {"grades": 2.0}}, "variable 'grades' is 2.0, but it must be a whole number"),
        (lambda d: {**d, "variables": {"grades": True}}, "variable 'grades' is True"),
        (lambda d: {**d, "variables": {"brave": 1}}, "variable 'brave' is 1, but it must be true or false"),
        (lambda d: {**d, "variables": {"room": None}}, "variable 'room' is None, but it must be one of"),
        (lambda d: {**d, "visits": {"kitchen": 1.5}}, "the visit count of 'kitchen' is not a whole number"),
        (lambda d: {**d, "visits": []}, "its visit counts are not a mapping"),
        (lambda d: {**d, "position": 10**20 * 1.0}, "position in the scene is not a whole number"),
        (lambda d: {**d, "format_version": "1"}, "format version '1' is newer"),
        (lambda d: {**d, "beat": 3}, "its last line id is not text"),
        (lambda d: {**d, "waiting_menu": "yes"}, "'waiting_menu' is not true or false"),
        (lambda d: {k: v for k, v in d.items() if k != "scene"}, "it names no scene"),
        (lambda d: {**d, "scene": "../../etc/passwd"}, "the saved scene '../../etc/passwd' (chapter 'Home') is no"),
    ],
)
def test_more_hand_edited_saves_are_refused_and_the_file_is_kept(tmp_path, edit, message):
    story = mini()
    pt = Playthrough(story)
    while pt.can_continue:
        pt.continue_()
    path = tmp_path / "slot.json"
    write_json_atomically(path, edit(pt.save()))
    before = path.read_bytes()
    with pytest.raises(SaveError) as caught:
        Playthrough.from_save(story, read_json_file(path))
    assert message in str(caught.value)
    assert path.read_bytes() == before  # refusing a save never touches it


def test_a_save_edited_into_the_middle_of_nowhere_resumes_at_the_scene_start():
    story = mini()
    pt = Playthrough(story)
    pt.continue_()
    data = {**pt.save(), "position": 10**9, "beat": "kitchen.not_a_beat"}
    resumed = Playthrough.from_save(story, data)
    assert isinstance(resumed.continue_(), SceneEntered)  # the scene again, from its start


def test_a_save_edited_to_wait_at_a_menu_where_there_is_none_is_not_a_dead_end():
    story = mini()
    pt = Playthrough(story)
    pt.continue_()
    assert not story.scenes[pt.scene].choices or pt.scene == "kitchen"
    data = {**pt.save(), "scene": "desk", "waiting_menu": True, "position": 0, "announce": False, "beat": None}
    assert not story.scenes["desk"].choices
    try:
        resumed = Playthrough.from_save(story, data)
    except SaveError as error:
        assert error.reason == "damaged"
        return
    while resumed.can_continue:
        resumed.continue_()
    menu = resumed.current_choices
    assert resumed.ended is not None or (menu is not None and any(o.available for o in menu.options))


# -- a save written while the process is killed ----------------------------------------------------------------------

KILLED_WRITER = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from game.loader import load_story
    from game.playthrough import Playthrough
    from game.save import write_json_atomically
    story = load_story(Path({story!r}))
    path = Path({path!r})
    pt = Playthrough(story)
    saves = []
    while len(saves) < 40:
        if pt.can_continue:
            pt.continue_()
        elif pt.current_choices is not None:
            pt.choose([o.index for o in pt.current_choices.options if o.available][0])
        else:
            pt = Playthrough(story)
        data = pt.save()
        data["padding"] = ["x" * 64] * 3000  # about 200 KB, so a write takes long enough to be cut
        saves.append(data)
    print("ready", flush=True)
    number = 0
    while True:
        number += 1
        write_json_atomically(path, {{**saves[number % len(saves)], "number": number}})
    """
)


def test_saves_killed_at_random_moments_always_leave_a_whole_save(tmp_path):
    """A writer saving in a loop is killed (SIGKILL) at random moments, many times: inside json.dump, the fsync,
    the rename; the slot always holds one whole, resumable save, and stray temporary files are never slots."""
    import random

    story = mini()
    path = tmp_path / "saves" / "slot.json"
    write_json_atomically(path, {**Playthrough(story).save(), "number": 0})
    rng = random.Random(1)
    numbers = []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = KILLED_WRITER.format(story=str(FIXTURES / "mini"), path=str(path))
    for _ in range(8):
        child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env)
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL
        data = read_json_file(path)  # never half a file
        assert isinstance(data, dict) and isinstance(data["number"], int)
        numbers.append(data["number"])
        Playthrough.from_save(story, data)  # and always a save the game can resume
        assert [p.name for p in path.parent.glob("*.json")] == ["slot.json"]
    assert max(numbers) > 0  # the writer did get saves through between kills


@pytest.mark.parametrize("moment", ["before", "after"])
def test_a_save_killed_at_the_rename_keeps_one_whole_save(tmp_path, moment):
    """Killed right before the rename: the old save and a stray temporary file; right after: the new save."""
    path = tmp_path / "slot.json"
    write_json_atomically(path, {"number": 1})
    script = textwrap.dedent(
        f"""
        import os, signal
        import game.save as save
        import game.jsonfiles as jsonfiles
        real_replace = os.replace
        def replace_and_die(source, target):
            if {moment!r} == "after":
                real_replace(source, target)
            os.kill(os.getpid(), signal.SIGKILL)
        jsonfiles.os.replace = replace_and_die
        save.write_json_atomically(__import__("pathlib").Path({str(path)!r}), {{"number": 2}})
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    assert result.returncode == -signal.SIGKILL
    assert read_json_file(path) == {"number": 1 if moment == "before" else 2}
    strays = [p.name for p in tmp_path.iterdir() if p.name != "slot.json"]
    assert len(strays) == (1 if moment == "before" else 0)
    assert all(name.startswith(".slot.json.") and name.endswith(".tmp") for name in strays)  # never a *.json slot


# -- the command line and the terminal -------------------------------------------------------------------------------

UNBOUNDED = MANIFEST.replace("variables:\n", "variables:\n  score: {type: int, default: 0}\n")


def heartstopper_bytes(*args: str, stdin: bytes = b"", env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the command with raw bytes in and out (the tests below decode what comes back themselves)."""
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize("digits", [13, 4_001, 5_000])
@pytest.mark.parametrize("command", [("test",), ("play", "--text")])
def test_given_numbers_obey_the_limit_story_numbers_obey(tmp_path, digits, command):
    """A story's numbers have at most 12 digits; `--given` numbers are held to the same, before any work starts."""
    story = write_story(tmp_path, manifest=UNBOUNDED)
    result = heartstopper_bytes(*command, "--story", str(story), "--given", "score=" + "9" * digits)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "--given score: the number 999999999999" in err and "too large" in err and "12 digits" in err
    assert "set_int_max_str_digits" not in err and "Traceback" not in err
    assert len(err) < 400  # the value is not echoed in full


@pytest.mark.parametrize("value", ["²", "--5", "٣", "1_000"])
def test_given_values_that_only_look_like_numbers_are_text(tmp_path, value):
    """Only plain digits make a number (as in a story file); anything else is text, refused by an int variable."""
    story = write_story(tmp_path, manifest=UNBOUNDED)
    result = heartstopper_bytes("play", "--text", "--story", str(story), "--given", f"score={value}")
    err = result.stderr.decode()
    assert result.returncode == 2 and "'score' must be a whole number" in err and "Traceback" not in err


def test_a_twelve_digit_given_number_is_taken(tmp_path):
    story = write_story(tmp_path, manifest=UNBOUNDED)
    result = heartstopper_bytes("play", "--text", "--story", str(story), "--given", "score=-999999999999")
    assert result.returncode == 0, result.stderr.decode()


def test_the_terminal_player_survives_invalid_utf8_under_a_strict_utf8_locale():
    result = heartstopper_bytes(
        "play",
        "--text",
        "--story",
        str(FIXTURES / "mini"),
        stdin=b"\xff\xfe\xc3(\n2\n1\n",
        env={"PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"},
    )
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "Type the number of a choice, from 1 to 3" in out and "★ The end: Good" in out
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"LANG": "C", "LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""},
    ],
    ids=["PYTHONIOENCODING=ascii", "LANG=C"],
)
def test_the_terminal_player_writes_to_an_ascii_only_terminal(env):
    """Typographic characters are spelled in ASCII ("--- Home ---", "* The end") rather than crashing."""
    result = heartstopper_bytes("play", "--text", "--story", str(FIXTURES / "mini"), stdin=b"2\n1\n", env=env)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    out = result.stdout.decode("ascii")  # nothing but ASCII
    assert "--- Home ---" in out and "The end: Good" in out and "Charlie:\n    Morning." in out
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize("answer", ["9" * 5_000, "0" * 5_000 + "2", "-" + "9" * 5_000, "1" * 100_000])
def test_the_terminal_player_survives_an_enormous_answer(answer):
    result = heartstopper_bytes("play", "--text", "--story", str(FIXTURES / "mini"), stdin=f"{answer}\n2\n1\n".encode())
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "★ The end: Good" in out and b"Traceback" not in result.stderr
    assert len(out) < 5_000  # the answer is not echoed back


def test_capture_out_onto_a_file_or_where_no_folder_can_be_made(tmp_path):
    playthrough = str(FIXTURES / "mini" / "playthroughs" / "brave.yaml")
    existing = tmp_path / "picture.png"
    existing.write_bytes(b"keep me")
    for out, says in ((existing, "is a file, not a folder"), (existing / "shots", "cannot make the folder")):
        result = heartstopper_bytes("capture", playthrough, "--story", str(FIXTURES / "mini"), "--out", str(out))
        err = result.stderr.decode()
        assert result.returncode == 2, err
        assert says in err and "Traceback" not in err
    assert existing.read_bytes() == b"keep me"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc, read-only even for root")
def test_capture_out_onto_a_read_only_place(tmp_path):
    playthrough = str(FIXTURES / "mini" / "playthroughs" / "brave.yaml")
    result = heartstopper_bytes("capture", playthrough, "--story", str(FIXTURES / "mini"), "--out", "/proc/self/shots")
    err = result.stderr.decode()
    assert result.returncode == 2 and "cannot make the folder" in err and "Traceback" not in err


def test_output_path_errors_give_the_same_exit_code_in_every_command(tmp_path):
    """A place to write that cannot be written is bad usage (2) everywhere, said before any long work starts."""
    mini_story = str(FIXTURES / "mini")
    a_file = tmp_path / "a-file"
    a_file.write_text("keep me")
    a_folder = tmp_path / "a-folder"
    a_folder.mkdir()
    playthrough = str(FIXTURES / "mini" / "playthroughs" / "brave.yaml")
    runs = {
        "test --junit onto a folder": ("test", "--story", mini_story, "--junit", str(a_folder)),
        "test --junit under a file": ("test", "--story", mini_story, "--junit", str(a_file / "j.xml")),
        "test --witnesses onto a file": ("test", "--story", mini_story, "--witnesses", str(a_file)),
        "test --witnesses under a file": ("test", "--story", mini_story, "--witnesses", str(a_file / "w")),
        "graph -o onto a folder": ("graph", "--story", mini_story, "-o", str(a_folder)),
        "graph -o under a file": ("graph", "--story", mini_story, "-o", str(a_file / "map.mmd")),
        "capture --out onto a file": ("capture", playthrough, "--story", mini_story, "--out", str(a_file)),
    }
    for what, args in runs.items():
        result = heartstopper_bytes(*args)
        err = result.stderr.decode()
        assert result.returncode == 2, f"{what}: exit {result.returncode}\n{err}"
        assert "Traceback" not in err and str(tmp_path) in err, what
        assert not result.stdout, what  # refused before the work, not after it
    assert a_file.read_text() == "keep me" and not any(a_folder.iterdir())


def test_capture_that_cannot_write_a_picture_midway_says_so(tmp_path):
    """The folder is fine but one picture's name is taken by a folder: a clear message, exit 2, no traceback."""
    (tmp_path / "0002-content-note.png").mkdir()
    playthrough = str(FIXTURES / "mini" / "playthroughs" / "brave.yaml")
    result = heartstopper_bytes("capture", playthrough, "--story", str(FIXTURES / "mini"), "--out", str(tmp_path))
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert f"cannot write '{tmp_path / '0002-content-note.png'}'" in err and "Traceback" not in err


def test_outputs_in_folders_not_made_yet_are_written(tmp_path):
    mini_story = str(FIXTURES / "mini")
    graph = heartstopper_bytes("graph", "--story", mini_story, "-o", str(tmp_path / "maps" / "map.mmd"))
    assert graph.returncode == 0 and (tmp_path / "maps" / "map.mmd").read_text().count("stateDiagram") == 1
    tested = heartstopper_bytes("test", "--story", mini_story, "--junit", str(tmp_path / "reports" / "junit.xml"))
    assert tested.returncode == 1 and (tmp_path / "reports" / "junit.xml").is_file()  # mini fails a check


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_the_terminal_player_on_an_output_that_cannot_be_written():
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "game", "play", "--text", "--story", str(FIXTURES / "mini")],
            input=b"2\n1\n",
            stdout=full,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            timeout=120,
        )
    err = result.stderr.decode()
    assert result.returncode == 2 and "cannot write to standard output" in err
    assert "Traceback" not in err and "Exception ignored" not in err


def test_the_terminal_player_with_standard_input_or_output_closed():
    code = "import sys, runpy; sys.argv = ['heartstopper', 'play', '--text', '--story', sys.argv[1]]; "
    code += "runpy.run_module('game', run_name='__main__')"
    no_input = subprocess.run(
        [sys.executable, "-c", code, str(FIXTURES / "mini")],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        preexec_fn=lambda: os.close(0),
    )
    assert no_input.returncode == 4, no_input.stderr.decode()
    assert b"The input ended before the story did." in no_input.stdout and b"Traceback" not in no_input.stderr
    no_output = subprocess.run(
        [sys.executable, "-c", code, str(FIXTURES / "mini")],
        input=b"2\n1\n",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        timeout=120,
        preexec_fn=lambda: os.close(1),
    )
    err = no_output.stderr.decode()
    assert no_output.returncode == 2 and "standard output is closed" in err and "Traceback" not in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["check", "stats", "graph", "test", "lint", "schema"])
def test_every_command_on_an_output_that_cannot_be_written(command):
    """Standard output is an output path too: the same message and the same exit code (2) in every command."""
    story = [] if command == "schema" else ["--story", str(FIXTURES / "mini")]
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "game", command, *story],
            stdout=full,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            timeout=120,
        )
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "cannot write to standard output" in err
    assert "Traceback" not in err and "Exception ignored" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["--given", "x" * 5_000 + "=1"],
        ["--given", "Not A Name=1"],
        ["--given", "room=" + "x" * 5_000],
        ["--start", "s" * 5_000],
    ],
    ids=["long-name", "not-a-name", "long-value", "long-start"],
)
@pytest.mark.parametrize("command", [("test",), ("play", "--text")])
def test_command_line_values_are_never_echoed_in_full(command, args):
    """A mistyped or pasted value gets a short message that names it, not a screenful of it."""
    result = heartstopper_bytes(*command, "--story", str(FIXTURES / "mini"), *args)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert len(err) < 300 and "Traceback" not in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_in_the_save_folder_is_a_damaged_slot_not_a_hang(tmp_path):
    """Reading a FIFO would wait for a writer for ever: the terminal player lists it as damaged and plays on."""
    folder = tmp_path / "mini" / "saves"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "3.json")
    result = heartstopper_bytes(
        "play",
        "--text",
        "--story",
        str(FIXTURES / "mini"),
        stdin=b"saves\nload 3\n2\n1\n",
        env={"HEARTSTOPPER_DATA_DIR": str(tmp_path)},
    )
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "  3       damaged (" in out and "Slot 3 cannot be loaded" in out and "★ The end: Good" in out


# -- globs and links (issue 12, item 2) ------------------------------------------------------------------------------


def test_links_back_into_the_story_give_one_error_per_loop_at_once(tmp_path):
    deep = "scenes/" + "*/" * 14 + "*.yaml"
    story = write_story(tmp_path, manifest=MANIFEST + f'scenes: ["scenes/*.yaml", "{deep}"]\n')
    for name in ("s1", "s2", "s3"):
        (story / "scenes" / name).symlink_to(".", target_is_directory=True)
    error, peak = raised_with_peak(lambda: quickly(lambda: load_story(story)), StoryError)
    assert peak < 5_000_000
    loops = [p for p in error.problems if "link loop" in p.message]
    assert sorted(p.message for p in loops) == [
        f"the folder link 'scenes/{name}' leads back to 'scenes', which holds it (a link loop)"
        for name in ("s1", "s2", "s3")
    ]
    assert all(p.file == "story/story.yaml" and p.line == 12 and p.hint for p in loops)
    assert len(error.problems) == 3, messages(error.problems)


def test_a_file_reached_along_many_links_is_read_once(tmp_path):
    levels = 10  # three links from each folder to the next: 3**10 paths to one file, 59,049 when expanded by name
    manifest = MANIFEST.replace("start: a", "start: b") + 'scenes: ["scenes/d0/' + "*/" * levels + '*.yaml"]\n'
    story = write_story(tmp_path, manifest=manifest, extra={f"scenes/d{levels}/last.yaml": SCENES.replace("a:", "b:")})
    for level in range(levels):
        folder = story / "scenes" / f"d{level}"
        folder.mkdir(exist_ok=True)
        for link in ("x", "y", "z"):
            (folder / link).symlink_to(f"../d{level + 1}", target_is_directory=True)
    (story / "scenes" / "main.yaml").unlink()
    loaded = quickly(lambda: load_story(story))
    assert list(loaded.scenes) == ["b"] and loaded.source_files == (f"story/scenes/d{levels}/last.yaml",)


def test_a_scene_file_matched_by_two_globs_or_through_a_link_is_read_once(tmp_path):
    manifest = MANIFEST + 'scenes: ["scenes/*.yaml", "scenes/*/*.yaml", "scenes/**/*.yaml"]\n'
    story = write_story(tmp_path, manifest=manifest, extra={"scenes/shared/more.yaml": SCENES.replace("a:", "b:")})
    (story / "scenes" / "alias").symlink_to("shared", target_is_directory=True)
    (story / "scenes" / "again.yaml").symlink_to("shared/more.yaml")
    loaded = load_story(story)
    assert sorted(loaded.scenes) == ["a", "b"]
    assert sorted(loaded.source_files) == ["story/scenes/main.yaml", "story/scenes/shared/more.yaml"]


def test_matching_stops_as_soon_as_there_are_too_many_files(tmp_path):
    story = write_story(tmp_path)
    for number in range(5_001):
        (story / "scenes" / f"s{number}.yaml").touch()
    with pytest.raises(StoryError) as caught:
        quickly(lambda: load_story(story), 10.0)
    (problem,) = caught.value.problems
    assert problem.message == "the scene globs match more than 5000 files (the limit)"
    assert problem.hint == "use fewer, larger scene files"


def test_a_story_too_large_in_total_is_refused_before_any_file_is_read(tmp_path):
    story = write_story(tmp_path)
    for number in range(7):  # each file is at the limit for one file
        sparse_file(story / "scenes" / f"big{number}.yaml", MAX_FILE_BYTES)
    error, peak = raised_with_peak(lambda: quickly(lambda: load_story(story), 1.0), StoryError)
    assert peak < 5_000_000
    (problem,) = error.problems
    assert problem.message == "the scene files add up to 112.0 MB; the limit for a whole story is 100 MB"
    assert (problem.file, problem.line) == ("story/story.yaml", 1) and problem.hint


def test_a_scene_file_that_is_a_fifo_is_named_not_read(tmp_path):
    story = write_story(tmp_path)
    os.mkfifo(story / "scenes" / "pipe.yaml")
    problems = quickly(lambda: _load_problems(story))
    assert [(p.file, p.message) for p in problems] == [
        ("story/scenes/pipe.yaml", "this is a FIFO (a named pipe), not a file")
    ]


# -- what the story says is never echoed raw (issue 12, items 4 and 14) ----------------------------------------------

RAW_CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\u200f", "\r")


def test_a_scene_id_with_bidi_and_control_characters_is_echoed_escaped(tmp_path):
    scenes = SCENES + '"b\u202ex\u200by":\n  title: "B"\n  chapter: One\n  ending: done\n'
    problems = scene_file_problems(tmp_path, scenes)
    (problem,) = problems
    assert problem.message == "'b\\u202ex\\u200by' is not a valid scene id"
    assert not any(char in str(problem) for char in (*RAW_CONTROLS, "\u200b"))


def test_a_file_name_with_control_characters_is_echoed_escaped(tmp_path):
    story = write_story(tmp_path, extra={"scenes/\x1b[31mred.yaml": "b: 1\n"})
    with pytest.raises(StoryError) as caught:
        load_story(story)
    report = caught.value.report()
    assert "story/scenes/\\x1b[31mred.yaml:1:4: error: scene 'b' must be a mapping" in report
    assert "\x1b" not in report


ESCAPED_TEXT = [
    ('"Hello \\e]0;TITLE\\a\\e[31m there."', "\\x1b (ESC, escape)"),
    ('"Bell\\x07"', "\\x07 (BEL, the bell)"),
    ('"CSI \\u009b31m"', "\\x9b (CSI, control sequence)"),
    ('"Back\\rspace"', "\\r (CR, carriage return)"),
    ('"Delete\\x7f"', "\\x7f (DEL, delete)"),
    ('"Next line\\N"', "\\x85 (NEL, next line)"),
    ('"Nul\\0"', "\\x00 (NUL)"),
    ('"Folded \\\n      and then\\e"', "\\x1b (ESC, escape)"),
    ('"Start of heading \\x01"', "\\x01"),
]


@pytest.mark.parametrize(("text", "shown"), ESCAPED_TEXT)
def test_control_characters_written_as_yaml_escapes_are_refused_where_they_stand(tmp_path, text, shown):
    (problem,) = scene_file_problems(tmp_path, scene_with(f"    - narrate: {text}"))
    last_line = text.split("\n")[-1]
    line = 5 + text.count("\n")
    column = (1 if line > 5 else 16) + last_line.index("\\")  # the backslash of the escape (the quote is at 16)
    assert (problem.line, problem.column) == (line, column)
    assert problem.message == f"the text holds the control character {shown}"
    assert problem.hint == (
        "story text may hold line breaks and tabs but no other control characters: remove it "
        "(it would act on the terminal instead of being shown)"
    )


@pytest.mark.parametrize(
    "scenes",
    [
        'a:\n  title: "A\\e[2J"\n  chapter: One\n  ending: done\n',
        'a:\n  title: "A"\n  chapter: One\n  choices:\n    - {text: "Go\\a", goto: a}\n',
        'a:\n  title: "A"\n  chapter: One\n  lines:\n    - nick: {text: "Hi", as: "x\\e"}\n  ending: done\n',
        '"a\\e":\n  title: "A"\n  chapter: One\n  ending: done\n',
    ],
)
def test_control_characters_are_refused_in_every_kind_of_story_text(tmp_path, scenes):
    problems = scene_file_problems(tmp_path, scenes)
    assert any(p.message.startswith("the text holds the control character") for p in problems), messages(problems)
    assert not any(char in messages(problems) for char in RAW_CONTROLS)


def test_control_characters_in_the_manifest_and_playthrough_files_are_refused(tmp_path):
    manifest = MANIFEST.replace('title: "Test"', 'title: "Test\\e]0;pwned\\a"')
    problems = problems_of(tmp_path, manifest=manifest)
    assert [(p.file, p.line, p.column) for p in problems] == [("story/story.yaml", 1, 13)]
    path = tmp_path / "run.yaml"
    path.write_text('name: "x"\nsteps:\n  - expect_line: "\\e[31m"\n')
    with pytest.raises(StoryError) as caught:
        load_playthrough_file(path, mini())
    assert "the text holds the control character \\x1b (ESC, escape)" in caught.value.report()


def test_tabs_and_line_breaks_in_story_text_are_kept(tmp_path):
    lines = '    - narrate: "One\\ttwo\\nthree"\n    - narrate: |\n        four\n        five'
    story = build(tmp_path, scene_with(lines))
    texts = [beat.text for beat in story.scenes["a"].beats]
    assert texts == ["One\ttwo\nthree", "four\nfive\n"]


def test_check_never_writes_a_control_character_from_the_story_to_the_terminal(tmp_path):
    scenes = SCENES + '"b\\e]0;pwned\\a\u202e":\n  title: "B\\e[31m"\n  chapter: One\n  ending: done\n'
    story = write_story(tmp_path, scenes)
    result = heartstopper("check", str(story))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    expected = "story/scenes/main.yaml:7:3: error: the text holds the control character \\x1b (ESC, escape)"
    assert expected in result.stderr
    assert not any(char in result.stdout + result.stderr for char in RAW_CONTROLS)
    lint = heartstopper("lint", "--json", "--story", str(story))
    assert not any(char in lint.stdout + lint.stderr for char in RAW_CONTROLS)


# -- floods of one problem (issue 12, item 4) ------------------------------------------------------------------------


def test_thousands_of_lines_indented_too_deeply_give_a_few_problems_and_a_count(tmp_path):
    deep = "".join(f"{'  ' * level}k{level}:\n" for level in range(100)) + ("  " * 120 + "x: 1\n") * 4_750
    problems = quickly(lambda: scene_file_problems(tmp_path, deep))
    assert [p.line for p in problems] == [98, 99, 100, 101]
    assert all(p.message.startswith("the line is indented too deeply") for p in problems)
    assert problems[-1].message == (
        "the line is indented too deeply (here and on 4,749 more lines of this file, down to line 4,850)"
    )
    result = heartstopper("check", str(tmp_path / "story"))
    assert len(result.stderr.splitlines()) == 2 * 4 + 3  # and the start scene with its hint (the flood spoilt it)
    assert result.stderr.splitlines()[-1].startswith("4,754 problems: ")  # counted in full
    lint = heartstopper("lint", "--story", str(tmp_path / "story"))
    assert lint.stderr.splitlines()[-1].startswith("4,754 problems: the story does not load")


def test_a_flood_of_one_problem_across_a_story_is_summed_up(tmp_path):
    beats = "\n".join('    - nobody: "Hi"' for _ in range(3_000))
    problems = quickly(lambda: scene_file_problems(tmp_path, scene_with(beats)), 5.0)
    assert len(problems) == 4
    assert problems[-1].message.startswith("unknown beat or character 'nobody' (here and on 2,996 more lines")
    with pytest.raises(StoryError) as caught:
        load_story(tmp_path / "story")
    assert len(caught.value.report().splitlines()) < 20


def test_a_flood_of_different_problems_is_cut_off_with_a_count(tmp_path):
    beats = "\n".join(f'    - nobody{number}: "Hi"' for number in range(1_000))
    story = write_story(tmp_path, scene_with(beats))
    with pytest.raises(StoryError) as caught:
        quickly(lambda: load_story(story), 5.0)
    problems = caught.value.problems
    assert len(problems) == 101
    assert problems[-1].message == "900 more problems are not shown"
    assert problems[-1].line == 105 and problems[-1].hint == "mend the problems above first, then check again"
    assert caught.value.count == 1_000


# -- a story folder that is not one (issue 12, item 4) ---------------------------------------------------------------


def test_a_story_that_is_a_file_says_so(tmp_path):
    story = write_story(tmp_path)
    with pytest.raises(StoryError) as caught:
        load_story(story / "story.yaml")
    (problem,) = caught.value.problems
    assert problem.message == "this is a file, not a story folder"
    assert problem.hint == f"give the folder that holds story.yaml: {story.as_posix()}"


def test_a_manifest_that_is_a_folder_says_so(tmp_path):
    story = write_story(tmp_path)
    (story / "story.yaml").unlink()
    (story / "story.yaml").mkdir()
    (problem,) = _load_problems(story)
    assert problem.message == "story.yaml is a folder, not a file"


def test_a_manifest_that_is_a_fifo_says_so_and_does_not_hang(tmp_path):
    story = write_story(tmp_path)
    (story / "story.yaml").unlink()
    os.mkfifo(story / "story.yaml")
    (problem,) = quickly(lambda: _load_problems(story))
    assert (problem.file, problem.message) == ("story/story.yaml", "this is a FIFO (a named pipe), not a file")


def test_a_playthrough_file_that_is_a_fifo_is_reported_not_waited_on(tmp_path):
    story = write_story(tmp_path)
    (story / "playthroughs").mkdir()
    os.mkfifo(story / "playthroughs" / "wait.yaml")
    result = heartstopper("check", str(story), timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "story/playthroughs/wait.yaml:1:1: error: this is a FIFO (a named pipe), not a file" in result.stderr


def _load_problems(story: Path) -> list:
    try:
        load_story(story)
    except StoryError as error:
        return error.problems
    return []


# -- a story that borrows the shipped art (issue 12, item 7) ---------------------------------------------------------


def test_a_new_story_that_borrows_the_shipped_art_lints_clean_under_strict(tmp_path):
    manifest = 'title: "Two"\nstart: a\nendings:\n  done: {title: "Done"}\n'
    scenes = (
        'a:\n  title: "A"\n  chapter: One\n  background: art_room\n  lines:\n    - narrate: "Hello."\n  next: b\n'
        'b:\n  title: "B"\n  chapter: One\n  lines:\n    - narrate: "Goodbye."\n  ending: done\n'
    )
    story = write_story(tmp_path / "elsewhere", scenes, manifest=manifest)
    result = heartstopper("lint", "--strict", "--story", str(story))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "HS010" not in result.stdout + result.stderr
    assert "lint: no problems." in result.stdout


def test_a_story_with_its_own_art_still_hears_about_unused_files(tmp_path):
    from game.authoring.lint import lint_folder

    story = write_story(tmp_path)
    (tmp_path / "assets" / "backgrounds").mkdir(parents=True)
    (tmp_path / "assets" / "backgrounds" / "spare.svg").write_text("<svg/>")
    report = lint_folder(story)
    assert [(p.code, p.file, p.message) for p in report.problems if p.code == "HS010"] == [
        ("HS010", "assets/backgrounds/spare.svg", "the background 'spare' is never used")
    ]


# -- scene-level problems point at the scene's id (issue 12, item 9) -------------------------------------------------


def test_scene_level_problems_point_at_the_scene_id(tmp_path):
    scenes = (
        SCENES + "\n# the next scene has no title and no way on\n"
        'b:\n  chapter: One\n  lines:\n    - narrate: "x"\n'
        'c:\n\n  title: "C"\n  ending: done\n'
    )
    problems = scene_file_problems(tmp_path, scenes)
    assert [(p.line, p.column, p.message) for p in problems] == [
        (9, 1, "scene 'b' needs 'title'"),
        (9, 1, "scene 'b' has no way on"),
    ]  # 'c' may leave out 'chapter': it is in the chapter of the scene above it


# -- the author guide matches the project (issue 12, item 8) ---------------------------------------------------------


def test_the_author_guide_cites_only_files_that_exist():
    import re

    guide = (ROOT / "docs" / "AUTHORING.md").read_text(encoding="utf-8")
    cited = set(re.findall(r"\b([\w./-]+\.md)\b", guide))
    assert cited, "the guide cites no files at all"
    missing = [name for name in sorted(cited) if not (ROOT / name).exists() and not (ROOT / "docs" / name).exists()]
    assert missing == []
    assert "story bible" not in guide.lower()


def test_the_author_guide_shows_what_check_and_stats_print():
    guide = (ROOT / "docs" / "AUTHORING.md").read_text(encoding="utf-8")
    for command in (["check"], ["stats"]):
        result = heartstopper(*command)
        assert result.returncode == 0
        shown = result.stdout.splitlines()[:4]
        for line in shown:
            assert line in guide, f"the guide does not show this line of '{command[0]}': {line}"


def test_the_author_guide_lists_every_limit_as_the_code_has_it():
    from game.expressions.lexer import MAX_NUMBER, MAX_TEXT_LENGTH
    from game.expressions.parser import MAX_DEPTH as MAX_CONDITION_DEPTH
    from game.expressions.parser import MAX_LENGTH
    from game.loader import MAX_BEAT_DEPTH
    from game.problems import FLOOD_SHOWN, MAX_SHOWN
    from game.scene_globs import MAX_SCENE_FILES, MAX_STORY_BYTES
    from game.yaml_source import MAX_DEPTH, MAX_INT_DIGITS, MAX_SCALAR_CHARS

    guide = (ROOT / "docs" / "AUTHORING.md").read_text(encoding="utf-8")
    table = guide[guide.index("| what | limit |") :]
    table = table[: table.index("\n\n")]
    rows = {
        "nesting of mappings and lists": f"{MAX_DEPTH} levels",
        "indentation of a line": f"{4 * MAX_DEPTH} spaces",
        "one text": f"{MAX_SCALAR_CHARS:,} characters",
        "one whole number": f"{MAX_INT_DIGITS} digits",
        "one file": f"{MAX_FILE_BYTES // 1_048_576} MB",
        "files the `scenes` globs match": f"{MAX_SCENE_FILES:,}",
        "all scene files together": f"{MAX_STORY_BYTES // 1_048_576} MB",
        "`if` beats inside `if` beats": f"{MAX_BEAT_DEPTH} deep",
        "a condition": f"{MAX_LENGTH:,} characters; {MAX_CONDITION_DEPTH} levels",
        "a number in a condition": f"{MAX_NUMBER:,}",
        "quoted text in a condition": f"{MAX_TEXT_LENGTH} characters",
    }
    for what, limit in rows.items():
        assert f"| {what} | {limit}" in table, what
    assert f"the first {['no', 'one', 'two', 'three', 'four', 'five'][FLOOD_SHOWN]} are listed" in guide
    assert f"after {MAX_SHOWN} problems the rest are counted" in guide


def test_bidi_characters_allowed_in_text_are_escaped_when_commands_print_them(tmp_path):
    manifest = MANIFEST.replace('title: "Test"', 'title: "Te\u202est"').replace("{name: Nick}", '{name: "Ni\u2066ck"}')
    scenes = SCENES.replace('"Hello."', '"Hello."\n    - nick: "Hi."').replace("One", '"On\u202ee"')
    story = write_story(tmp_path, scenes, manifest=manifest)

    def run(*args: str) -> subprocess.CompletedProcess:
        return heartstopper(*args, "--story", str(story))

    check, stats, as_json, graph = run("check"), run("stats"), run("stats", "--json"), run("graph")
    assert check.stdout.startswith("ok: 'Te\\u202est': 1 scene,")
    assert "Ni\\u2066ck" in stats.stdout and "On\\u202ee" in stats.stdout
    assert json.loads(as_json.stdout)["characters"]["nick"]["name"] == "Ni\u2066ck"
    for result in (check, stats, as_json):
        assert result.returncode == 0, result.stderr
        assert not any(char in result.stdout + result.stderr for char in RAW_CONTROLS)
    assert graph.returncode == 0 and "\u202e" in graph.stdout  # the map is data for tools (not a terminal here)


def test_the_tester_escapes_what_it_prints_from_the_story(tmp_path):
    story = write_story(
        tmp_path, extra={"playthroughs/bidi.yaml": 'name: "Read\u202e me"\nsteps: [{expect_line: "Bye\u2066"}]\n'}
    )
    for extra in ([], ["--json"]):
        result = heartstopper("test", "--story", str(story), *extra)
        assert "Traceback" not in result.stderr
        assert "Read\\u202e me" in result.stdout
        assert not any(char in result.stdout + result.stderr for char in RAW_CONTROLS)


def test_capture_prints_file_names_and_choices_escaped(tmp_path):
    """A playthrough file's name, a choice it asks for and the --out folder are shown escaped, never raw."""
    hostile = "pt\x1b]0;pwned\x07\x1b[31m"
    playthrough = tmp_path / f"{hostile}.yaml"
    playthrough.write_text('name: bad\nsteps:\n  - choose: "Fly away"\n', encoding="utf-8")
    out = tmp_path / f"out{hostile}"
    result = heartstopper_bytes("capture", str(playthrough), "--story", str(FIXTURES / "mini"), "--out", str(out))
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    for raw in (b"\x1b", b"\x07", b"\x9b"):
        assert raw not in said
    text = said.decode()
    assert "cannot choose" in text and "wrote" in text and "Traceback" not in text
    assert "pt\\x1b]0;pwned\\x07\\x1b[31m" in text  # the names, shown for what they are


def test_capture_stops_when_sent_sigterm(tmp_path):
    """SDL must not swallow SIGTERM: a capture that would run for minutes ends when asked to."""
    story = write_story(
        tmp_path,
        """\
        a:
          title: "A"
          chapter: One
          lines:
            - narrate: "Round and round."
            - charlie: "Again."
          next: a
        """,
    )
    playthrough = tmp_path / "loop.yaml"
    playthrough.write_text("name: loop\nsteps:\n  - expect_scene: a\n", encoding="utf-8")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "game", "capture", str(playthrough), "--story", str(story), "--out", str(out)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(1200):  # until the loop of lines has begun: pictures past the title are on disk
            if process.poll() is not None or (out.is_dir() and len(list(out.glob("*-a-*.png"))) >= 2):
                break
            time.sleep(0.05)
        assert process.poll() is None, "the capture ended before it was sent SIGTERM"
        process.send_signal(signal.SIGTERM)
        try:
            code = process.wait(timeout=60)  # generous: it ends within a beat
        except subprocess.TimeoutExpired:
            code = None
        assert code == -signal.SIGTERM
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


HOSTILE_VALUE = "\x1b]0;x\x07\x1b[31m\u202e"


@pytest.mark.parametrize(
    "args",
    [
        ("test", "--start", HOSTILE_VALUE),
        ("play", "--text", "--start", HOSTILE_VALUE),
        ("graph", "--chapter", HOSTILE_VALUE),
        ("test", "--policy", HOSTILE_VALUE),
        ("lint", "--explain", HOSTILE_VALUE),
        ("lint", "--ignore", HOSTILE_VALUE),
        ("test", "--max-states", HOSTILE_VALUE),
        ("graph", "--format", HOSTILE_VALUE),
        ("capture", str(FIXTURES / "mini" / "playthroughs" / "brave.yaml"), "--out", "unused", "--set", HOSTILE_VALUE),
        (
            "capture",
            str(FIXTURES / "mini" / "playthroughs" / "brave.yaml"),
            "--out",
            "unused",
            "--set",
            f"text_size={HOSTILE_VALUE}",
        ),
        ("capture", f"/nowhere/{HOSTILE_VALUE}.yaml", "--out", "unused"),
    ],
    ids=lambda args: " ".join(arg for arg in args if arg.startswith("-")) or args[0],
)
def test_command_line_values_are_echoed_escaped(args):
    """A bad value from the command line is quoted in its message as visible escapes, never as raw control or
    bidi characters, and is refused as bad usage."""
    result = heartstopper_bytes(*args[:1], "--story", str(FIXTURES / "mini"), *args[1:])
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "\\x1b]0;x\\x07" in err and "Traceback" not in err
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in err


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc, read-only even for root")
@pytest.mark.parametrize(
    "args",
    [
        ("test", "--junit", "/proc/x.xml"),
        ("test", "--html", "/proc/x.html"),
        ("test", "--witnesses", "/proc/x"),
        ("graph", "-o", "/proc/x.mmd"),
        ("capture", str(FIXTURES / "mini" / "playthroughs" / "brave.yaml"), "--out", "/proc"),
    ],
    ids=" ".join,
)
def test_places_no_one_can_write_are_refused_before_the_work(args):
    """Permission bits do not stop root, so each place to write is tried with a file before the work starts: the
    command prints nothing of its work and exits 2."""
    result = heartstopper_bytes(*args[:1], "--story", str(FIXTURES / "mini"), *args[1:])
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "/proc" in err and "Traceback" not in err
    assert not result.stdout  # refused before exploring, not after printing the results


def test_every_output_file_is_an_ordinary_new_file(tmp_path):
    """Reports, maps, witnesses and pictures get 0666 less the umask, as any new file: never owner-only."""
    mask = 0o027
    mini = str(FIXTURES / "mini")
    out = tmp_path / "out"
    brave = str(FIXTURES / "mini" / "playthroughs" / "brave.yaml")
    runs = [
        ("graph", "--story", mini, "-o", str(out / "map.mmd")),
        ("test", "--story", mini, "--junit", str(out / "junit.xml"), "--witnesses", str(out / "witnesses")),
        ("test", "--story", mini, "--html", str(out / "page.html")),
        ("capture", brave, "--story", mini, "--out", str(out / "png")),
        ("capture", brave, "--story", mini, "--out", str(out / "apng"), "--format", "apng"),
    ]
    for args in runs:
        result = subprocess.run(
            [sys.executable, "-m", "game", *args], cwd=ROOT, capture_output=True, timeout=120, umask=mask
        )
        assert result.returncode in (0, 1), result.stderr.decode()  # mini fails a check of the tester's on purpose
    files = [path for path in out.rglob("*") if path.is_file()]
    kinds = {path.suffix for path in files}
    assert {".mmd", ".xml", ".yaml", ".html", ".png", ".tsv"} <= kinds, kinds
    wrong = {str(path.relative_to(out)): oct(path.stat().st_mode & 0o777) for path in files}
    wrong = {name: mode for name, mode in wrong.items() if mode != oct(0o666 & ~mask)}
    assert not wrong
    assert not [path for path in out.rglob(".*")]  # no temporary file left behind
