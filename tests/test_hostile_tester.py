"""Hostile input for the branch tester: a run stopped by `--max-states` never cries wolf, and a path of any length
prints in a few lines (the whole of it goes to `--witnesses` files).

A state the cap stopped the explorer from following (the frontier, or a state whose successors were refused) is
unexplored: it is never a soft-lock, however it looks from the states explored.
"""

from __future__ import annotations

import pytest
from storybuild import build, write_story

from game.cli import main
from game.scripts import load_playthrough_file, run_script
from game.tester.checks import build_report
from game.tester.explore import explore

SIX_SCENES = """\
a:
  title: "A"
  chapter: One
  lines:
    - narrate: "Hello."
  choices:
    - text: "Left"
      add: {grades: 1}
      goto: b
    - text: "Right"
      add: {grades: 2}
      goto: b
b:
  title: "B"
  chapter: One
  lines:
    - narrate: "B."
  choices:
    - text: "Again"
      goto: a
      if: "grades < 5"
    - text: "On"
      goto: c
c:
  title: "C"
  chapter: One
  lines:
    - narrate: "C."
  next: d
d:
  title: "D"
  chapter: One
  lines:
    - narrate: "D."
  choices:
    - text: "Finish"
      goto: e
e:
  title: "E"
  chapter: One
  lines:
    - narrate: "E."
  next: f
f:
  title: "F"
  chapter: One
  lines:
    - narrate: "F."
  ending: done
"""

WIDE = """\
title: "Long"
start: a
characters:
  charlie: {name: Charlie}
variables:
  grades: {type: int, default: 0, min: 0, max: 400}
  brave: {type: bool, default: false}
endings:
  done: {title: "Done"}
"""


def long_loop(steps: int, locked_end: bool = False, stop_at_once: bool = False) -> str:
    """One scene taken `steps` times by a choice, then the way out: an ending, or a menu with nothing to take."""
    end = '  choices:\n    - text: "Nothing"\n      if: "brave"\n      goto: a\n' if locked_end else "  ending: done\n"
    return f"""\
a:
  title: "A"
  chapter: One
  lines:
    - narrate: "Round."
  choices:
    - text: "Step"
      if: "grades < {steps}"
      add: {{grades: 1}}
      goto: a
    - text: "Stop"
      if: "grades >= {0 if stop_at_once else steps}"
      goto: end
end:
  title: "End"
  chapter: One
  lines:
    - narrate: "Here."
{end}"""


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(["test", *args])
    return code, capsys.readouterr().out


def test_no_cap_makes_a_soft_lock_of_the_frontier(tmp_path):
    story = build(tmp_path, SIX_SCENES)
    complete = explore(story)
    assert not complete.partial and not build_report(complete).soft_locks
    for cap in range(1, complete.states):
        exploration = explore(story, max_states=cap)
        report = build_report(exploration)
        assert exploration.partial
        assert report.soft_locks == [] and report.stuck_states == 0, cap


def test_a_capped_run_prints_no_soft_lock_and_no_shortest_way_to_one(tmp_path, capsys):
    folder = write_story(tmp_path, SIX_SCENES)
    code, out = run(capsys, "--story", str(folder), "--max-states", "7")
    assert code == 1  # partial: not a pass
    assert "PARTIAL" in out
    assert "no ending can be reached" not in out and "the shortest way there" not in out


def test_a_real_soft_lock_found_in_a_capped_run_is_still_reported(tmp_path):
    story = build(tmp_path, long_loop(300, locked_end=True, stop_at_once=True), manifest=WIDE)
    exploration = explore(story, max_states=6)
    report = build_report(exploration)
    assert exploration.partial
    assert [(lock.kind, lock.scene) for lock in report.soft_locks] == [("menu", "end")]


def test_a_path_of_hundreds_of_choices_prints_in_a_few_lines(tmp_path, capsys):
    folder = write_story(tmp_path, long_loop(300), manifest=WIDE)
    witnesses = tmp_path / "out"
    code, out = run(capsys, "--story", str(folder), "--paths", "--witnesses", str(witnesses))
    assert code == 0
    section = out.split("Endings:")[1].split("Scenes:")[0]
    path_lines = [line for line in section.splitlines() if line.startswith("      ")]
    assert len(path_lines) <= 12
    assert path_lines[0] == '      a: 1. "Step"'
    assert "... 292 more choices ..." in section
    assert path_lines[-2:] == ['      a: 1. "Stop"', "      end (the end)"]
    # The whole path is in the witness, and it passes.
    text = (witnesses / "ending-done.yaml").read_text(encoding="utf-8")
    assert text.count("- choose:") == 301
    story = build(tmp_path / "again", long_loop(300), manifest=WIDE)
    script = load_playthrough_file(witnesses / "ending-done.yaml", story)
    result = run_script(script, story)
    assert result.passed and result.ended == "done"


def test_a_soft_lock_at_the_end_of_a_long_path_prints_in_a_few_lines(tmp_path, capsys):
    folder = write_story(tmp_path, long_loop(200, locked_end=True), manifest=WIDE)
    code, out = run(capsys, "--story", str(folder))
    assert code == 1
    section = out.split("Soft-locks:")[1].split("Playthroughs:")[0]
    assert "in 'end': a menu with nothing to take" in section
    assert len(section.strip().splitlines()) <= 14
    assert "... 192 more choices ..." in section


def test_a_long_run_of_scenes_without_a_choice_prints_its_ends_and_a_count(tmp_path, capsys):
    chain = "".join(
        f'c{number}:\n  title: "C{number}"\n  chapter: One\n  lines:\n    - narrate: "On."\n  next: c{number + 1}\n'
        for number in range(500)
    )
    scenes = (
        'a:\n  title: "A"\n  chapter: One\n  lines:\n    - narrate: "Go."\n  choices:\n'
        '    - text: "Go"\n      goto: c0\n'
        + chain
        + 'c500:\n  title: "Last"\n  chapter: One\n  lines:\n    - narrate: "End."\n  ending: done\n'
    )
    folder = write_story(tmp_path, scenes)
    code, out = run(capsys, "--story", str(folder), "--paths")
    assert code == 0
    lines = out.splitlines()
    last = next(number for number, line in enumerate(lines) if "(the end)" in line)
    assert lines[last - 1] == '      a: 1. "Go"'
    assert (
        lines[last]
        == "      c0 > c1 > c2 > c3 > c4 > c5 > ... 489 scenes ... > c495 > c496 > c497 > c498 > c499 > c500 (the end)"
    )


@pytest.mark.parametrize("cap", [5, 40])
def test_a_capped_run_of_a_long_loop_is_partial_and_never_stuck(tmp_path, cap):
    story = build(tmp_path, long_loop(300), manifest=WIDE)
    report = build_report(explore(story, max_states=cap))
    assert report.partial and report.soft_locks == [] and report.stuck_states == 0
