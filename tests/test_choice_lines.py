"""Choices with their own lines: a short reply that goes on to the scene's `next` (or the choice's `goto`)."""

from __future__ import annotations

from storybuild import build, problems_of

from game.authoring.graph import build_map
from game.authoring.stats import story_stats
from game.events import Choices, Line, SceneEntered
from game.playthrough import Playthrough
from game.tester.explore import explore

SCENES = """\
a:
  title: A
  chapter: One
  lines: [{narrate: "Nick asks."}]
  choices:
    - text: "Yes"
      set: {brave: true}
      lines:
        - charlie: "Yes."
        - nick: "{brave: Brilliant.|Oh.}"
    - text: "Later"
      goto: c
      lines: [{charlie: "Maybe later."}]
    - text: "No"
  next: b
b:
  title: B
  chapter: One
  lines: [{narrate: "Together."}]
  ending: done
c:
  title: C
  chapter: One
  lines: [{narrate: "Alone."}]
  ending: done
"""


def play(story, index):
    playthrough = Playthrough(story, seed=0)
    seen = []
    while playthrough.ended is None:
        event = playthrough.continue_()
        if isinstance(event, Choices):
            playthrough.choose(index)
        elif isinstance(event, Line):
            seen.append(event.text)
        elif isinstance(event, SceneEntered):
            seen.append("#" + event.scene)
    return seen


def test_a_reply_plays_then_goes_on_without_a_scene_card(tmp_path):
    story = build(tmp_path, SCENES.replace('    - text: "No"\n', ""))
    assert play(story, 0) == ["#a", "Nick asks.", "Yes.", "Brilliant.", "#b", "Together."]
    assert play(story, 1) == ["#a", "Nick asks.", "Maybe later.", "#c", "Alone."]


def test_a_choice_without_goto_or_lines_still_needs_goto(tmp_path):
    problems = problems_of(tmp_path, SCENES)
    assert [p.message for p in problems] == ["a choice needs 'goto'"]


def test_a_reply_needs_somewhere_to_go(tmp_path):
    scenes = SCENES.replace('    - text: "No"\n', "").replace("  next: b\n", "")
    problems = problems_of(tmp_path, scenes)
    assert [p.message for p in problems] == ["a choice with 'lines' needs 'goto', or a 'next' on its scene to go on to"]


def test_tester_graph_and_stats_see_replies(tmp_path):
    story = build(tmp_path, SCENES.replace('    - text: "No"\n', ""))
    exploration = explore(story)
    assert not exploration.partial and set(exploration.endings_at.values()) == {"done"}
    replies = [scene for scene in story.scenes.values() if scene.part_of == "a"]
    assert len(replies) == 2
    drawn = build_map(story)
    assert all(reply.id in drawn.text for reply in replies)
    stats = story_stats(story)
    assert stats["scenes"] == 3 and stats["lines"] == 6
