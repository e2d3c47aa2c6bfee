"""Directed search: when the exploration stops at `--max-states`, a best-first search towards each ending it did
not reach finds a witness (proven, replayable, marked as maybe not the fewest choices); what it cannot find stays
unknown, and what no play reaches is never searched into being."""

from __future__ import annotations

import json

from storybuild import build, write_story

from game.cli import main
from game.scripts import load_playthrough_file, run_script
from game.tester.checks import build_report
from game.tester.directed import prove_by_search
from game.tester.explore import explore

MANIFEST = """\
title: "Far"
start: a
characters:
  charlie: {name: Charlie}
variables:
  grades: {type: int, default: 0, min: 0, max: 100}
  brave: {type: bool, default: false}
endings:
  near: {title: "Near"}
  far: {title: "Far"}
  never: {title: "Never"}
"""

SCENES = """\
a:
  title: "A"
  chapter: One
  lines:
    - narrate: "Desk."
  choices:
    - text: "Study"
      if: "grades < 100"
      add: {grades: 1}
      goto: b
    - text: "Rest"
      add: {grades: 2}
      goto: b
    - text: "Go home"
      goto: near_end
b:
  title: "B"
  chapter: One
  lines:
    - narrate: "Hall."
  choices:
    - text: "Back to the desk"
      goto: a
    - text: "The exam"
      if: "grades >= 60"
      goto: far_end
    - text: "Dream"
      if: "grades > 100"
      goto: never_end
near_end:
  title: "Near"
  chapter: One
  lines:
    - narrate: "Home."
  ending: near
far_end:
  title: "Far"
  chapter: One
  lines:
    - narrate: "Passed."
  ending: far
never_end:
  title: "Never"
  chapter: One
  lines:
    - narrate: "No."
  ending: never
"""


def test_the_search_proves_an_ending_the_capped_exploration_did_not_reach(tmp_path):
    story = build(tmp_path, SCENES, manifest=MANIFEST)
    exploration = explore(story, max_states=30)
    report = build_report(exploration)
    statuses = {ending.id: ending.status for ending in report.endings}
    assert statuses == {"near": "proven", "far": "unknown", "never": "refuted"}
    assert prove_by_search(exploration, report) == 1
    far = next(ending for ending in report.endings if ending.id == "far")
    assert far.status == "proven" and far.reachable and far.found_by == "directed search"
    assert far.path is not None and far.path.finishes and far.path.scene == "far_end"
    assert far.path.choices >= 60  # thirty rests and twenty-nine walks back at least, then the exam
    assert "far_end" not in {scene.scene for scene in report.unknown_scenes}
    never = next(ending for ending in report.endings if ending.id == "never")
    assert never.status == "refuted" and never.path is None


def test_a_search_too_small_leaves_the_ending_unknown(tmp_path):
    story = build(tmp_path, SCENES, manifest=MANIFEST)
    exploration = explore(story, max_states=30)
    report = build_report(exploration)
    assert prove_by_search(exploration, report, budget=10) == 0
    assert {ending.id: ending.status for ending in report.endings}["far"] == "unknown"


def test_the_found_path_is_a_witness_that_replays(tmp_path, capsys):
    folder = write_story(tmp_path, SCENES, MANIFEST)
    out_dir = tmp_path / "witnesses"
    code = main(["test", "--story", str(folder), "--max-states", "30", "--witnesses", str(out_dir)])
    out = capsys.readouterr().out
    assert code == 1  # still partial
    assert "  far    reachable in " in out and "(found by directed search: maybe not the fewest)" in out
    text = (out_dir / "ending-far.yaml").read_text(encoding="utf-8")
    assert text.startswith("# A way found by directed search (")
    story = build(tmp_path / "again", SCENES, manifest=MANIFEST)
    script = load_playthrough_file(out_dir / "ending-far.yaml", story)
    result = run_script(script, story)
    assert result.passed and result.ended == "far"


def test_search_zero_turns_it_off_and_search_needs_the_exploration(tmp_path, capsys):
    folder = write_story(tmp_path, SCENES, MANIFEST)
    main(["test", "--story", str(folder), "--max-states", "30", "--search", "0", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["claims"]["endings"]["far"] == "unknown"
    assert main(["test", "--story", str(folder), "--random", "3", "--search", "10"]) == 2
    assert "--search needs the full exploration" in capsys.readouterr().err
