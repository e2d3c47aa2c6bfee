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
from storybuild import FIXTURES, MANIFEST, SCENES, mini, problems_of, write_story

from game.assets import AssetCatalog
from game.events import SceneEntered, StageChange
from game.loader import load_story
from game.playthrough import Playthrough
from game.problems import StoryError
from game.save import MAX_SAVE_BYTES, SaveError, read_json_file, write_json_atomically
from game.scripts import load_playthrough_file
from game.yaml_source import MAX_FILE_BYTES, read_yaml

ROOT = Path(__file__).resolve().parents[1]
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
    assert [p.line for p in problems] == list(range(98, 122))  # every line too deep is named


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


def test_a_100_mb_scene_file_is_refused_without_reading_it(tmp_path):
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


def test_many_scene_files_are_refused_as_too_many(tmp_path):
    story = write_story(tmp_path)
    for number in range(5_001):
        (story / "scenes" / f"s{number}.yaml").touch()
    with pytest.raises(StoryError) as caught:
        quickly(lambda: load_story(story), 10.0)
    assert "the globs match 5002 files; the limit is 5000" in caught.value.report()


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
    (problem,) = problems_of(tmp_path, text)
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
    assert "'stolen.yaml' links to a file outside the story folder" in caught.value.report()


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


def heartstopper(*args: str, stdin: bytes = b"", env: dict | None = None) -> subprocess.CompletedProcess:
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
    result = heartstopper(*command, "--story", str(story), "--given", "score=" + "9" * digits)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "--given score: the number 999999999999" in err and "too large" in err and "12 digits" in err
    assert "set_int_max_str_digits" not in err and "Traceback" not in err
    assert len(err) < 400  # the value is not echoed in full


@pytest.mark.parametrize("value", ["²", "--5", "٣", "1_000"])
def test_given_values_that_only_look_like_numbers_are_text(tmp_path, value):
    """Only plain digits make a number (as in a story file); anything else is text, refused by an int variable."""
    story = write_story(tmp_path, manifest=UNBOUNDED)
    result = heartstopper("play", "--text", "--story", str(story), "--given", f"score={value}")
    err = result.stderr.decode()
    assert result.returncode == 2 and "'score' must be a whole number" in err and "Traceback" not in err


def test_a_twelve_digit_given_number_is_taken(tmp_path):
    story = write_story(tmp_path, manifest=UNBOUNDED)
    result = heartstopper("play", "--text", "--story", str(story), "--given", "score=-999999999999")
    assert result.returncode == 0, result.stderr.decode()


def test_the_terminal_player_survives_invalid_utf8_under_a_strict_utf8_locale():
    result = heartstopper(
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
    result = heartstopper("play", "--text", "--story", str(FIXTURES / "mini"), stdin=b"2\n1\n", env=env)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    out = result.stdout.decode("ascii")  # nothing but ASCII
    assert "--- Home ---" in out and "The end: Good" in out and "Charlie:\n    Morning." in out
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize("answer", ["9" * 5_000, "0" * 5_000 + "2", "-" + "9" * 5_000, "1" * 100_000])
def test_the_terminal_player_survives_an_enormous_answer(answer):
    result = heartstopper("play", "--text", "--story", str(FIXTURES / "mini"), stdin=f"{answer}\n2\n1\n".encode())
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "★ The end: Good" in out and b"Traceback" not in result.stderr
    assert len(out) < 5_000  # the answer is not echoed back


def test_capture_out_onto_a_file_or_where_no_folder_can_be_made(tmp_path):
    playthrough = str(FIXTURES / "mini" / "playthroughs" / "brave.yaml")
    existing = tmp_path / "picture.png"
    existing.write_bytes(b"keep me")
    for out, says in ((existing, "is a file, not a folder"), (existing / "shots", "cannot make the folder")):
        result = heartstopper("capture", playthrough, "--story", str(FIXTURES / "mini"), "--out", str(out))
        err = result.stderr.decode()
        assert result.returncode == 2, err
        assert says in err and "Traceback" not in err
    assert existing.read_bytes() == b"keep me"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc, read-only even for root")
def test_capture_out_onto_a_read_only_place(tmp_path):
    playthrough = str(FIXTURES / "mini" / "playthroughs" / "brave.yaml")
    result = heartstopper("capture", playthrough, "--story", str(FIXTURES / "mini"), "--out", "/proc/self/shots")
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
        result = heartstopper(*args)
        err = result.stderr.decode()
        assert result.returncode == 2, f"{what}: exit {result.returncode}\n{err}"
        assert "Traceback" not in err and str(tmp_path) in err, what
        assert not result.stdout, what  # refused before the work, not after it
    assert a_file.read_text() == "keep me" and not any(a_folder.iterdir())


def test_capture_that_cannot_write_a_picture_midway_says_so(tmp_path):
    """The folder is fine but one picture's name is taken by a folder: a clear message, exit 2, no traceback."""
    (tmp_path / "0002-content-note.png").mkdir()
    playthrough = str(FIXTURES / "mini" / "playthroughs" / "brave.yaml")
    result = heartstopper("capture", playthrough, "--story", str(FIXTURES / "mini"), "--out", str(tmp_path))
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert f"cannot write '{tmp_path / '0002-content-note.png'}'" in err and "Traceback" not in err


def test_outputs_in_folders_not_made_yet_are_written(tmp_path):
    mini_story = str(FIXTURES / "mini")
    graph = heartstopper("graph", "--story", mini_story, "-o", str(tmp_path / "maps" / "map.mmd"))
    assert graph.returncode == 0 and (tmp_path / "maps" / "map.mmd").read_text().count("stateDiagram") == 1
    tested = heartstopper("test", "--story", mini_story, "--junit", str(tmp_path / "reports" / "junit.xml"))
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
    result = heartstopper(*command, "--story", str(FIXTURES / "mini"), *args)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert len(err) < 300 and "Traceback" not in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_in_the_save_folder_is_a_damaged_slot_not_a_hang(tmp_path):
    """Reading a FIFO would wait for a writer for ever: the terminal player lists it as damaged and plays on."""
    folder = tmp_path / "mini" / "saves"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "3.json")
    result = heartstopper(
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
