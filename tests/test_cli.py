"""The command line: exit codes, messages, and the terminal player driven by piped input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter

import pytest
from commandline import ROOT
from commandline import heartstopper as run
from storybuild import FIXTURES


def test_check_passes_with_a_summary():
    result = run("check", str(FIXTURES / "mini"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok: 'Mini': 6 scenes, 22 beats, 7 choices, 37 words, 2 endings"


def test_check_of_a_broken_copy_exits_1_with_positions(tmp_path):
    broken = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", broken)
    scene_file = broken / "scenes" / "home.yaml"
    scene_file.write_text(scene_file.read_text().replace("goto: desk", "goto: dsek"))
    result = run("check", "--story", str(broken))
    assert result.returncode == 1
    assert "mini/scenes/home.yaml:22:13: error: unknown scene 'dsek'" in result.stderr
    assert "hint: did you mean 'desk'?" in result.stderr
    assert "1 problem: the story cannot be played" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_reports_problems_in_playthrough_files(tmp_path):
    copy = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", copy)
    (copy / "playthroughs" / "bad.yaml").write_text("name: Bad\nsteps:\n  - chose: 1\n")
    result = run("check", str(copy))
    assert result.returncode == 1
    assert "mini/playthroughs/bad.yaml:3:5: error: unknown key 'chose' in a step" in result.stderr


def test_playthrough_file_problems_come_in_line_order_each_with_a_hint(tmp_path):
    from game.loader import load_story
    from game.scripts import check_playthrough_files

    copy = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", copy)
    (copy / "playthroughs" / "bad.yaml").write_text(
        "name: bad\nsteps:\n  - expect_scene: nowhere\n  - choose: 1\nend: nope_ending\n"
        "given:\n  ghost: 1\nstart: zzqq\n"
    )
    story = load_story(copy)
    _, problems = check_playthrough_files(story)
    assert [problem.line for problem in problems] == sorted(problem.line for problem in problems)
    assert len(problems) == 4
    by_message = {problem.message.split("'")[1]: problem.hint for problem in problems}
    assert by_message["nowhere"] == by_message["zzqq"] == "no scene has this id"
    assert by_message["ghost"] == "the story declares no variable of this name"
    assert all(ending in by_message["nope_ending"] for ending in story.endings)  # the endings it could name
    result = run("check", str(copy))
    lines = [line for line in result.stderr.splitlines() if "bad.yaml:" in line]
    assert [line.split(":")[1] for line in lines] == ["3", "5", "7", "8"]


def test_terminal_player_reaches_an_ending_with_piped_input():
    result = run("play", "--text", "--story", str(FIXTURES / "mini"), stdin="2\n1\n")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "Content note" in out and "A tiny test story." in out
    assert "── Home ──" in out and "» The Kitchen" in out
    assert "Charlie:\n    Morning." in out
    assert "(Charlie, thinking) He said hi." in out
    assert "[phone] Nick:\n    See you later" in out
    assert "  3. Ask Isaac (Not enough study yet)" in out
    assert "★ The end: Good" in out
    assert "\x1b[" not in out  # no colour codes when the output is not a terminal


def test_terminal_player_rejects_locked_and_nonsense_answers():
    result = run("play", "--text", "--story", str(FIXTURES / "mini"), stdin="3\nfoo\n9\n2\n1\n")
    assert result.returncode == 0
    assert "That choice is locked: Not enough study yet." in result.stdout
    assert "Type the number of a choice, from 1 to 3" in result.stdout
    assert "Choose a number from 1 to 3" in result.stdout


def test_terminal_player_input_that_ends_mid_game_exits_4():
    for stdin in ("", "2\n"):
        result = run("play", "--text", "--story", str(FIXTURES / "mini"), stdin=stdin)
        assert result.returncode == 4, stdin
        assert "The input ended before the story did." in result.stdout and "Traceback" not in result.stderr


def test_terminal_player_input_that_ends_at_a_natural_stop_exits_0():
    mini_story = str(FIXTURES / "mini")
    after_the_end = run("play", "--text", "--story", mini_story, stdin="2\n1\nmore\nlines\n")
    assert after_the_end.returncode == 0 and "★ The end: Good" in after_the_end.stdout
    quit_ = run("play", "--text", "--story", mini_story, stdin="2\nquit\n")
    assert quit_.returncode == 0 and "Goodbye." in quit_.stdout
    after_a_save = run("play", "--text", "--story", mini_story, stdin="2\nsave\n")
    assert after_a_save.returncode == 0 and "your place is saved" in after_a_save.stdout


def test_start_and_given_are_checked():
    result = run("play", "--text", "--story", str(FIXTURES / "mini"), "--given", "grades=9")
    assert result.returncode == 2 and "'grades' must be a whole number from 0 to 5, not 9" in result.stderr
    result = run("play", "--text", "--story", str(FIXTURES / "mini"), "--given", "oops")
    assert result.returncode == 2 and "--given takes NAME=VALUE" in result.stderr
    result = run(
        "play", "--text", "--story", str(FIXTURES / "mini"), "--start", "hall", "--given", "brave=true", stdin="1\n"
    )
    assert result.returncode == 0 and "★ The end: Good" in result.stdout


def test_options_given_before_the_command_are_kept(tmp_path):
    # `--story`, `--start` and `--given` are listed for `heartstopper` itself: before a command they must still be
    # the ones it uses (a subcommand's own defaults used to replace them, so the shipped story was checked instead)
    broken = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", broken)
    scene_file = broken / "scenes" / "home.yaml"
    scene_file.write_text(scene_file.read_text().replace("goto: desk", "goto: dsek"))
    for command in ("check", "lint", "stats", "test"):
        result = run("--story", str(broken), command)
        assert result.returncode == 1, (command, result.stdout)
        assert "unknown scene 'dsek'" in result.stdout + result.stderr, command
    mini = str(FIXTURES / "mini")
    before = run("--story", mini, "--start", "hall", "--given", "brave=true", "play", "--text", stdin="1\n")
    assert before.returncode == 0 and "★ The end: Good" in before.stdout, before.stderr
    # given again after the command, an option replaces what was given before it
    after = run("--story", str(broken), "check", "--story", mini)
    assert after.returncode == 0, after.stderr
    explored = json.loads(run("--story", mini, "--start", "hall", "test", "--json").stdout)
    assert explored["endings"]["quiet"]["path"][0]["scene"] == "hall"


def test_unknown_story_folder_is_a_clear_error(tmp_path):
    result = run("check", str(tmp_path / "none"))
    assert result.returncode == 2 and result.stderr == f"heartstopper: there is no story folder '{tmp_path / 'none'}'\n"


BRAVE = str(FIXTURES / "mini" / "playthroughs" / "brave.yaml")


@pytest.mark.parametrize(
    "command",
    [
        ("check",),
        ("lint",),
        ("stats",),
        ("graph",),
        ("test",),
        ("schema",),
        ("play", "--text"),
        ("play",),
        (),
        ("capture", BRAVE, "--out", "unused"),
    ],
    ids=lambda command: " ".join(command[:2]) or "the game",
)
@pytest.mark.parametrize("kind", ["missing", "a file"])
def test_a_story_folder_that_is_not_there_is_bad_usage_for_every_command(tmp_path, command, kind):
    """Exit 2, as for any file or folder named on the command line that cannot be read, with one clear line."""
    story = tmp_path / "none"
    if kind == "a file":
        story.write_text("title: x\n", encoding="utf-8")
    out = tmp_path / "unused"
    result = run(*(str(out) if word == "unused" else word for word in command), "--story", str(story), stdin="")
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert str(story) in line and ("no story folder" in line or "is a file, not a story folder" in line)
    assert not out.exists()  # refused before any work


def test_a_story_that_loads_with_problems_still_fails_with_1():
    for command in (("check",), ("stats",), ("graph",), ("test",)):
        result = run(*command, "--story", str(FIXTURES / "lint" / "broken"))
        assert result.returncode == 1, (command, result.stderr)


@pytest.mark.skipif(os.environ.get("DISPLAY"), reason="a display is available")
def test_the_game_without_a_display_offers_the_terminal_player():
    result = run("--story", str(FIXTURES / "mini"), env={"SDL_VIDEODRIVER": "x11", "DISPLAY": ""})
    assert result.returncode == 3  # not bad usage (2): the command was right, the machine has no display
    assert "heartstopper play --text" in result.stderr
    assert "Traceback" not in result.stderr
    no_input = subprocess.run(
        [sys.executable, "-m", "game", "--story", str(FIXTURES / "mini")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "SDL_VIDEODRIVER": "x11", "DISPLAY": ""},
        preexec_fn=lambda: os.close(0),  # standard input closed
    )
    assert no_input.returncode == 3 and "Traceback" not in no_input.stderr


def test_capture_checks_its_arguments(tmp_path):
    result = run(
        "capture", str(FIXTURES / "mini" / "playthroughs" / "brave.yaml"), "--out", str(tmp_path), "--size", "huge"
    )
    assert result.returncode == 2 and "--size takes WIDTHxHEIGHT" in result.stderr
    tiny = run(
        "capture", str(FIXTURES / "mini" / "playthroughs" / "brave.yaml"), "--out", str(tmp_path), "--size", "10x10"
    )
    assert tiny.returncode == 2 and "out of range" in tiny.stderr and "160 to 7680" in tiny.stderr
    result = run("capture", str(tmp_path / "none.yaml"), "--out", str(tmp_path))
    assert result.returncode == 2 and "no playthrough file" in result.stderr
    brave = str(FIXTURES / "mini" / "playthroughs" / "brave.yaml")
    result = run("capture", brave, "--out", str(tmp_path), "--format", "gif")
    assert result.returncode == 2 and "--format" in result.stderr and "Traceback" not in result.stderr


def test_capture_as_one_animated_png(tmp_path):
    brave = str(FIXTURES / "mini" / "playthroughs" / "brave.yaml")
    result = run("capture", brave, "--story", str(FIXTURES / "mini"), "--out", str(tmp_path), "--format", "apng")
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["brave.png", "brave.tsv"]
    assert str(tmp_path / "brave.png") in result.stdout


def test_capture_writes_a_picture_of_every_beat_and_menu(tmp_path):
    result = run(
        "capture",
        str(FIXTURES / "mini" / "playthroughs" / "brave.yaml"),
        "--story",
        str(FIXTURES / "mini"),
        "--out",
        str(tmp_path),
        "--size",
        "640x360",
    )
    assert result.returncode == 0, result.stderr
    pictures = sorted(tmp_path.glob("*.png"))
    assert len(pictures) >= 8  # title, note, chapter card, six lines of the kitchen, menus, the hall, the ending
    import pygame

    assert pygame.image.load(str(pictures[0])).get_size() == (640, 360)


def test_capture_takes_settings(tmp_path):
    common = ["capture", str(FIXTURES / "mini" / "playthroughs" / "brave.yaml"), "--story", str(FIXTURES / "mini")]
    result = run(*common, "--out", str(tmp_path / "bad"), "--set", "text_size=enormous")
    assert result.returncode == 2 and "text_size" in result.stderr and "Traceback" not in result.stderr
    result = run(*common, "--out", str(tmp_path / "bad"), "--set", "contrast")
    assert result.returncode == 2 and "NAME=VALUE" in result.stderr
    high = tmp_path / "high"
    result = run(
        *common, "--out", str(high), "--size", "640x360", "--set", "high_contrast=true", "--set", "text_size=largest"
    )
    assert result.returncode == 0, result.stderr
    import pygame

    line = next(p for p in sorted(high.glob("*.png")) if p.name.endswith("-speech.png"))
    picture = pygame.image.load(str(line))
    colours = Counter(tuple(picture.get_at((x, y)))[:3] for x in range(40, 600, 3) for y in range(260, 340, 3))
    # the text box is white and its text black: high contrast (the usual box is cream, its ink brown)
    assert colours.most_common(1)[0][0] == (255, 255, 255) and (0, 0, 0) in colours


def test_terminal_player_plays_the_shipped_story_to_an_ending():
    from game.loader import load_story
    from game.paths import default_story_dir
    from game.playthrough import Playthrough

    story = load_story(default_story_dir())
    playthrough = Playthrough(story)
    answers = []
    while playthrough.ended is None:
        while playthrough.can_continue:
            playthrough.continue_()
        menu = playthrough.current_choices
        if menu is not None:
            option = [o for o in menu.options if o.available][-1]  # the last choice that can be taken, each time
            answers.append(str(option.number))
            playthrough.choose(option.index)
    result = run("play", "--text", stdin="\n".join(answers) + "\n")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    assert f"★ The end: {playthrough.ended.title}" in result.stdout
    assert story.closing_note.split()[0] in result.stdout


def test_the_exit_codes_are_documented_in_the_help_and_the_readme():
    from game.exitcodes import DESCRIPTIONS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for args in (["--help"], ["play", "--help"]):
        shown = " ".join(run(*args).stdout.split())
        for code, text in DESCRIPTIONS.items():
            assert f" {code} {text}" in shown, (args, code)
    for code in DESCRIPTIONS:
        assert f"| {code} |" in readme, code


def test_the_tester_counts_an_unreadable_playthrough_file_as_failed(tmp_path):
    junk = tmp_path / "junk.yaml"
    junk.write_bytes(b"\xff\xfe junk")
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    result = run("test", "--story", str(FIXTURES / "mini"), str(junk), str(empty), "--junit", str(tmp_path / "j.xml"))
    assert result.returncode == 1
    assert "Playthroughs: 1 of 3 pass" in result.stdout  # the story's own brave.yaml passes; neither file can be read
    as_json = json.loads(run("test", "--story", str(FIXTURES / "mini"), str(junk), str(empty), "--json").stdout)
    assert as_json["unreadable_playthroughs"] == [str(empty), str(junk)]
    junit = (tmp_path / "j.xml").read_text()
    assert junit.count("<failure") >= 2 and "junk.yaml" in junit and "empty.yaml" in junit


def test_the_readme_says_where_saves_and_settings_live_and_how_to_move_them():
    from game.ui.datadir import DATA_FOLDER, ENV_VAR
    from game.ui.savestore import AUTOSAVES, PAGES, SLOTS_PER_PAGE

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Saves and settings", 1)[1].split("\n## ", 1)[0]
    assert f"`~/.local/share/{DATA_FOLDER}`" in section  # platformdirs' user data folder on Linux
    assert f"~/Library/Application Support/{DATA_FOLDER}" in section and f"%LOCALAPPDATA%\\{DATA_FOLDER}" in section
    assert f"`{ENV_VAR}`" in section and f"{ENV_VAR}=" in section  # how to move it, with an example
    assert f"`{PAGES * SLOTS_PER_PAGE}.json`" in section and f"`auto-{AUTOSAVES}.json`" in section
    assert "`settings.json`" in section and "`progress.json`" in section
