"""Whether choices matter (`heartstopper test --measures`): exact odds on stories small enough to work out by
hand, cosmetic choices, dead writes and repeated sentences."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from storybuild import FIXTURES, build, write_story

from game.tester.cosmetic import choice_findings
from game.tester.explore import explore
from game.tester.odds import Policy, PolicyError, compute_odds, out_edges, policy_from
from game.tester.sampling import sample_plays, sentences
from game.tester.variables import variable_uses

MANIFEST = """\
title: "Test"
start: a
characters:
  charlie: {name: Charlie, color: "#7fb8e8"}
variables:
  grades: {type: int, default: 2, min: 0, max: 5}
  brave: {type: bool, default: false}
endings:
  left: {title: "Left"}
  right: {title: "Right"}
"""

# The scene both stories end in on the left.
LEFT_END = """\
l:
  title: "L"
  chapter: One
  lines:
    - narrate: "Left."
  ending: left
"""

# From a (grades 2): Round (back to a), Left, Study (once: grades 4); Right is locked until grades >= 4.
# x0 = 1/3 x0 + 1/3 x1 and x1 = 1/3 x1 + 1/3, so P(right) = x0 = 1/4 and P(left) = 3/4.
LOOP = """\
a:
  title: "A"
  chapter: One
  lines:
    - narrate: "The same corridor, again and again."
  choices:
    - text: "Round"
      goto: a
    - text: "Left"
      goto: l
    - text: "Study"
      once: true
      add: {grades: 2}
      goto: a
    - text: "Right"
      if: "grades >= 4"
      locked: "Not yet"
      goto: r
r:
  title: "R"
  chapter: One
  lines:
    - narrate: "Right."
  ending: right
"""
LOOP += LEFT_END

# a: Tea and Coffee both lead to b and differ only by a variable nothing reads; Leave ends elsewhere.
# b: Wait leads into a loop with no way out (never ends); Go ends.
COSMETIC = """\
a:
  title: "A"
  chapter: One
  lines:
    - narrate: "A drink first."
  choices:
    - text: "Tea"
      set: {brave: true}
      goto: b
    - text: "Coffee"
      goto: b
    - text: "Leave"
      set: {grades: 5}
      goto: l
b:
  title: "B"
  chapter: One
  lines:
    - narrate: "Then the door."
  choices:
    - text: "Go"
      goto: r
    - text: "Wait"
      goto: z
z:
  title: "Z"
  chapter: One
  lines:
    - narrate: "Waiting."
  next: z
r:
  title: "R"
  chapter: One
  lines:
    - if: "brave"
      then:
        - narrate: "Bravely."
    - narrate: "Right."
  ending: right
"""
COSMETIC += LEFT_END


def test_a_loop_a_once_choice_and_a_locked_choice_give_exact_odds(tmp_path):
    story = build(tmp_path, LOOP, manifest=MANIFEST)
    odds = compute_odds(explore(story), Policy("uniform"))
    assert odds.endings == {"left": Fraction(3, 4), "right": Fraction(1, 4)}
    assert odds.never_ends == 0
    assert odds.scenes == {"a": 1, "l": Fraction(3, 4), "r": Fraction(1, 4)}
    assert odds.expected_entries["a"] > 1  # a is entered again and again: entries are not the visit odds


def test_the_first_policy_and_weights_from_a_file(tmp_path):
    story = build(tmp_path, LOOP, manifest=MANIFEST)
    exploration = explore(story)
    first = compute_odds(exploration, Policy("first"))
    assert first.endings == {"left": 0, "right": 0} and first.never_ends == 1  # Round forever
    weights = tmp_path / "weights.yaml"
    weights.write_text("a: [0, 1, 2, 1]\n", encoding="utf-8")
    # A0: Left 1/3, Study 2/3; A1 (Study used): Left 1/2, Right 1/2.
    odds = compute_odds(exploration, policy_from(str(weights), story))
    assert odds.endings == {"left": Fraction(1, 3) + Fraction(2, 3) * Fraction(1, 2), "right": Fraction(1, 3)}
    for text, message in (
        ("b: [1]\n", "does not have"),
        ("a: [1, 2]\n", "list of 4"),
        ("a: [1, -1, 1, 1]\n", "0 or more"),
    ):
        weights.write_text(text, encoding="utf-8")
        with pytest.raises(PolicyError, match=message):
            policy_from(str(weights), story)
    with pytest.raises(PolicyError, match="neither a policy"):
        policy_from("sometimes", story)


def test_out_edges_is_a_sequence_of_each_states_edges_slices_included(tmp_path):
    exploration = explore(build(tmp_path, LOOP, manifest=MANIFEST))
    edges = out_edges(exploration)
    spans = list(edges)
    assert len(spans) == len(edges) == exploration.states
    assert [edges[state] for state in range(len(edges))] == spans
    assert edges[1:3] == spans[1:3] and edges[::-1] == spans[::-1]
    assert [exploration.edge_from[index] for index in edges[0]] == [0] * len(edges[0])
    assert sum(len(span) for span in spans) == exploration.transitions


def test_never_ending_is_reported_apart_and_cosmetic_choices_are_proven(tmp_path):
    story = build(
        tmp_path,
        COSMETIC.replace('    - if: "brave"\n      then:\n        - narrate: "Bravely."\n', ""),
        manifest=MANIFEST,
    )
    exploration = explore(story)
    odds = compute_odds(exploration, Policy("uniform"))
    assert odds.endings == {"left": Fraction(1, 3), "right": Fraction(1, 3)}
    assert odds.never_ends == Fraction(1, 3)
    cosmetic, consequences = choice_findings(exploration)
    assert [(item.scene, item.index) for item in cosmetic] == [("a", 0), ("a", 1)]
    assert cosmetic[0].where.line == 7 and cosmetic[0].to_json()["file"].endswith("main.yaml")
    shows = {(item.scene, item.index): item.first_shows for item in consequences}
    assert shows == {("a", 2): "next scene", ("b", 0): "next scene", ("b", 1): "next scene"}


def test_a_line_picked_by_what_a_choice_wrote_is_a_consequence_and_flavor_silences(tmp_path):
    story = build(tmp_path, COSMETIC, manifest=MANIFEST)
    cosmetic, consequences = choice_findings(explore(story))
    assert cosmetic == []  # Tea shows "Bravely." at the ending: not cosmetic, though the states are one
    assert {(item.scene, item.index) for item in consequences} >= {("a", 0), ("a", 1)}
    flavoured = build(
        tmp_path / "flavor",
        COSMETIC.replace(
            '      goto: b\n    - text: "Coffee"', '      goto: b\n    - text: "Coffee"\n      flavor: true'
        ),
        manifest=MANIFEST,
    )
    stripped = COSMETIC.replace('    - if: "brave"\n      then:\n        - narrate: "Bravely."\n', "")
    plain = build(
        tmp_path / "plain",
        stripped.replace(
            '      goto: b\n    - text: "Coffee"', '      goto: b\n    - text: "Coffee"\n      flavor: true'
        ),
        manifest=MANIFEST,
    )
    assert flavoured.scenes["a"].choices[1].flavor
    cosmetic, _ = choice_findings(explore(plain))
    assert [(item.scene, item.index) for item in cosmetic] == [("a", 0)]  # Coffee is marked flavour


def test_consequences_that_show_scenes_later_or_only_at_the_ending(tmp_path):
    scenes = """\
    a:
      title: "A"
      chapter: One
      lines:
        - narrate: "Pick."
      choices:
        - text: "Kind"
          set: {brave: true}
          goto: b
        - text: "Unkind"
          goto: b
    b:
      title: "B"
      chapter: One
      lines:
        - narrate: "A corridor."
      next: c
    c:
      title: "C"
      chapter: One
      lines:
        - narrate: "Another."
        - if: "brave"
          then:
            - goto: r
      next: l
    l:
      title: "End"
      chapter: One
      lines:
        - narrate: "The end."
      ending: left
    r:
      title: "End"
      chapter: One
      lines:
        - narrate: "The end."
      ending: right
    """
    story = build(tmp_path, scenes, manifest=MANIFEST)
    cosmetic, consequences = choice_findings(explore(story))
    assert cosmetic == []
    assert {item.index: item.first_shows for item in consequences} == {0: "only at the ending", 1: "only at the ending"}
    assert consequences[0].scenes_later == 2


def test_dead_writes_are_writes_no_play_can_read(tmp_path):
    story = build(tmp_path, COSMETIC, manifest=MANIFEST)
    uses = variable_uses(story)
    assert (uses["brave"].reads, uses["brave"].writes) == (1, 1) and uses["brave"].dead_writes == []
    assert uses["grades"].reads == 0 and [where.line for where in uses["grades"].dead_writes] == [13]


def test_sentences_read_twice_in_one_play_are_counted(tmp_path):
    story = build(tmp_path, LOOP, manifest=MANIFEST)
    assert sentences("Hi. The same corridor, again and again! Ok") == ["The same corridor, again and again!"]
    samples = sample_plays(story, Policy("uniform"), 200, 7)
    assert sum(samples.endings.values()) == 200 and samples.unfinished == 0
    repeated = samples.repeated["The same corridor, again and again."]
    assert 0 < repeated < 200  # some plays go round, some leave at once
    again = sample_plays(story, Policy("uniform"), 200, 7)
    assert again.repeated == samples.repeated  # the seed makes it repeatable


def test_plays_pulled_through_playthroughs_sample_what_the_plain_runs_do(tmp_path, monkeypatch):
    from game.tester import sampling

    story = build(tmp_path, LOOP, manifest=MANIFEST)
    plain = sample_plays(story, Policy("uniform"), 60, 3)
    monkeypatch.setattr(sampling, "_plain", lambda story: False)  # as for a story with `{...}` lines or replies
    pulled = sample_plays(story, Policy("uniform"), 60, 3)
    assert pulled.unfinished == plain.unfinished == 0
    assert (pulled.endings, pulled.repeated, pulled.end_values) == (plain.endings, plain.repeated, plain.end_values)


def test_the_cli_prints_the_measures_and_their_json(tmp_path, capsys):
    from game.cli import main

    folder = write_story(tmp_path, COSMETIC, manifest=MANIFEST)
    code = main(["test", "--story", str(folder), "--json", "--policy", "uniform"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1  # the loop with no way out fails the run, as before
    assert data["ending_odds"] == pytest.approx({"left": 1 / 3, "right": 1 / 3})
    assert data["odds"]["never_ends"] == pytest.approx(1 / 3)
    assert data["variables"]["grades"]["dead_writes"][0]["line"] == 13
    assert all({"scene", "choice", "file", "line", "first_shows"} <= set(item) for item in data["choice_consequence"])
    assert data["constant_choice_conditions"] == []
    main(["test", "--story", str(folder), "--measures"])
    out = capsys.readouterr().out
    assert "Ending odds (policy uniform, exact):" in out and "never ends" in out and "dead write at" in out
    assert main(["test", "--story", str(folder), "--policy", "nonsense"]) == 2


def test_a_choice_condition_that_holds_at_every_menu_is_reported(tmp_path):
    from game.tester.graph import EndingMasks
    from game.tester.measures import measure

    story = build(tmp_path, LOOP.replace('if: "grades >= 4"', 'if: "grades >= 0"'), manifest=MANIFEST)
    exploration = explore(story)
    found = measure(exploration, EndingMasks(exploration), Policy("uniform"), plays=5).always_offered
    assert [(scene, index, where.line) for scene, index, where in found] == [("a", 3, 15)]
    story = build(tmp_path / "b", LOOP, manifest=MANIFEST)
    exploration = explore(story)
    assert measure(exploration, EndingMasks(exploration), Policy("uniform"), plays=5).always_offered == []


def test_lint_explore_reports_cosmetic_choices_as_hs029_and_plain_lint_does_not_explore(tmp_path, capsys):
    from game.authoring.lint import lint_folder
    from game.cli import main

    stripped = COSMETIC.replace('    - if: "brave"\n      then:\n        - narrate: "Bravely."\n', "")
    folder = write_story(tmp_path, stripped, manifest=MANIFEST)
    assert not [p for p in lint_folder(folder).problems if p.code == "HS029"]
    found = [(p.line, p.severity) for p in lint_folder(folder, explore=True).problems if p.code == "HS029"]
    assert found == [(7, "warning"), (10, "warning")]
    quiet = [p for p in lint_folder(folder, ["HS029"], explore=True).problems if p.code == "HS029"]
    assert quiet == []
    assert main(["lint", "--explain", "HS029"]) == 0
    assert "flavor: true" in capsys.readouterr().out


def _chromium() -> str | None:
    import shutil

    return next((found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None)


def test_the_html_report_is_one_page_with_the_map_and_the_chart(tmp_path, capsys):
    from game.cli import main

    folder = write_story(tmp_path, COSMETIC, manifest=MANIFEST)
    page = tmp_path / "report.html"
    assert main(["test", "--story", str(folder), "--html", str(page)]) == 1  # the loop with no way out
    text = page.read_text(encoding="utf-8")
    assert text.count('class="scene"') == 5 and text.count('class="bar"') == 3  # 2 endings and "never ends"
    assert "http" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing fetched from a network
    assert "grades_woods" not in text and "main.yaml:13" in text  # the dead write, linked to file:line
    made = tmp_path / "missing" / "r.html"  # a folder not made yet is made, as for --junit and graph -o
    assert main(["test", "--story", str(folder), "--html", str(made)]) == 1
    assert made.read_text(encoding="utf-8").count('class="scene"') == 5
    assert main(["test", "--story", str(folder), "--html", str(made / "under-a-file.html")]) == 2
    capsys.readouterr()


@pytest.mark.skipif(_chromium() is None, reason="needs Chromium (apt-get install -y chromium)")
def test_the_html_report_renders_in_a_headless_browser(tmp_path):
    import subprocess

    import pygame

    from game.cli import main

    folder = write_story(tmp_path, COSMETIC, manifest=MANIFEST)
    page = tmp_path / "report.html"
    main(["test", "--story", str(folder), "--html", str(page)])
    shot = tmp_path / "shot.png"
    subprocess.run(
        [
            _chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--screenshot={shot}",
            "--window-size=1000,900",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    image = pygame.image.load(str(shot))
    colours = {}
    for x in range(0, image.get_width(), 2):
        for y in range(0, image.get_height(), 2):
            colour = tuple(image.get_at((x, y)))[:3]
            colours[colour] = colours.get(colour, 0) + 1
    assert colours.get((0x3D, 0x7E, 0xA6), 0) > 200  # the chart's bars were drawn
    assert colours.get((214, 48, 92), 0) > 200  # scenes every play visits, in the map's strongest colour


def test_the_map_reads_down_the_page_with_each_scenes_chance_in_its_box():
    import re

    from game.loader import load_story
    from game.tester.analysis import scene_successors
    from game.tester.html import BOX_W, story_map

    story = load_story(FIXTURES / "mini")
    visits = {scene_id: 0.5 for scene_id in story.scenes} | {story.start: 1.0}
    svg = story_map(story, visits)
    boxes = {
        scene: (int(x), int(y))
        for scene, x, y in re.findall(r'<title>(\w+): [^<]*</title><rect x="(\d+)" y="(\d+)"', svg)
    }
    assert set(boxes) == set(story.scenes)
    assert boxes[story.start][1] == min(y for _x, y in boxes.values())  # the start on top
    forward = [
        (scene_id, target)
        for scene_id, scene in story.scenes.items()
        for target in scene_successors(story, scene)
        if boxes[target][1] > boxes[scene_id][1]
    ]
    assert forward  # edges lead down the page
    assert all(target != story.start for _scene, target in forward)
    assert svg.count(">100%</text>") == 1 and svg.count(">50%</text>") == len(story.scenes) - 1
    width = int(re.search(r'<svg id="map"[^>]* width="(\d+)"', svg).group(1))
    assert all(x >= 0 and x + BOX_W <= width for x, _y in boxes.values())  # every box inside the picture
