"""`call: scene` ... `return`: sub-scenes that come back to the line after the call, in play, saves, the branch
tester (exact, the stack part of its state), the linter and the graph; runaway recursion stops with a clear error."""

from __future__ import annotations

import textwrap

import pytest
from storybuild import MANIFEST, build, problems_of

from game.events import Choices, Line, SceneEntered
from game.playthrough import Playthrough, PlaythroughError, SaveError
from game.tester.explore import explore

TWO_ENDINGS = MANIFEST.replace('  done: {title: "Done"}', '  done: {title: "Done"}\n  top: {title: "Top"}')

# The last scenes of the stories below: `top` with grades 4 or more, else `done`.
FINALE = """\
fin:
  title: Fin
  chapter: One
  lines:
    - if: "grades >= 4"
      then: [{goto: high}]
  ending: done
high:
  title: High
  chapter: One
  ending: top
"""

CALLS = (
    """\
a:
  title: A
  chapter: One
  lines:
    - narrate: "Before."
    - call: sub
    - narrate: "After the first."
    - call: sub
    - narrate: "After the second."
  choices:
    - {text: "On", goto: fin}
sub:
  title: Sub
  chapter: One
  lines:
    - add: {grades: 1}
    - narrate: "In the sub-scene, grades {grades}."
    - return
"""
    + FINALE
)

BOMB = """\
a:
  title: A
  chapter: One
  lines: [{narrate: "Down we go."}, {call: a}]
  ending: done
"""

NO_CALL_WAITING = """\
a:
  title: A
  chapter: One
  lines: [{narrate: "Hello."}]
  next: b
b:
  title: B
  chapter: One
  lines: [{narrate: "Back?"}, return]
"""

# The first scene of the stories below: a menu of two ways, `left` and `right`.
FORK = """\
a:
  title: A
  chapter: One
  choices:
    - {text: "Left", goto: left}
    - {text: "Right", goto: right}
"""


def events_until_menu(playthrough: Playthrough) -> list:
    events = []
    while playthrough.can_continue:
        event = playthrough.continue_()
        events.append(event)
        if isinstance(event, Choices):
            break
    return events


def test_a_call_plays_the_sub_scene_then_the_lines_after_it(tmp_path):
    story = build(tmp_path, CALLS, manifest=TWO_ENDINGS)
    playthrough = Playthrough(story, seed=0)
    events = events_until_menu(playthrough)
    shown = [e.text if isinstance(e, Line) else f"[{e.scene}]" for e in events if isinstance(e, (Line, SceneEntered))]
    assert shown == [
        "[a]",
        "Before.",
        "[sub]",
        "In the sub-scene, grades 3.",
        "After the first.",
        "[sub]",
        "In the sub-scene, grades 4.",
        "After the second.",
    ]
    assert isinstance(events[-1], Choices)
    playthrough.choose(0)
    assert play_to_the_end(playthrough) == "top"


def play_to_the_end(playthrough: Playthrough) -> str:
    """The ending a playthrough reaches, pulled event by event."""
    while playthrough.ended is None:
        playthrough.continue_()
    return playthrough.ended.ending


def soft_lock_detail(story) -> str:
    """What the tester says of the one soft-lock of a story."""
    from game.tester.checks import build_report

    (lock,) = build_report(explore(story)).soft_locks
    return lock.detail


def test_the_tester_follows_the_stack_exactly(tmp_path):
    story = build(tmp_path, CALLS, manifest=TWO_ENDINGS)
    exploration = explore(story)
    assert not exploration.partial
    assert set(exploration.endings_at.values()) == {"top"}  # two calls, two grades: never 'done'
    assert not exploration.menu_locks


def test_a_sub_scene_called_from_two_places_returns_to_each(tmp_path):
    scenes = FORK + textwrap.dedent("""\
    left:
      title: L
      chapter: One
      lines: [{call: sub}]
      ending: done
    right:
      title: R
      chapter: One
      lines: [{call: sub}]
      ending: top
    sub:
      title: Sub
      chapter: One
      lines: [{narrate: "Shared."}, return]
    """)
    story = build(tmp_path, scenes, manifest=TWO_ENDINGS)
    assert set(explore(story).endings_at.values()) == {"done", "top"}
    for index, ending in ((0, "done"), (1, "top")):
        playthrough = Playthrough(story, seed=0)
        events_until_menu(playthrough)
        playthrough.choose(index)
        assert play_to_the_end(playthrough) == ending


def test_a_recursion_bomb_stops_with_a_clear_error(tmp_path):
    story = build(tmp_path, BOMB)
    playthrough = Playthrough(story, seed=0)
    with pytest.raises(PlaythroughError, match="calls are already waiting to return"):
        for _ in range(10_000):
            playthrough.continue_()
    exploration = explore(story)  # finite: the stack is bounded, the runaway state a dead end
    assert not exploration.partial
    assert exploration.menu_locks
    assert "runaway recursion" in soft_lock_detail(story)


def test_a_return_with_nothing_to_return_to_is_flagged_and_stops_play(tmp_path):
    from game.authoring.lint import lint_story

    story = build(tmp_path, NO_CALL_WAITING)
    problems = [p for p in lint_story(story).problems if p.code == "HS030"]
    assert len(problems) == 1 and "'b'" in problems[0].message
    playthrough = Playthrough(story, seed=0)
    with pytest.raises(PlaythroughError, match="no call is waiting"):
        for _ in range(100):
            playthrough.continue_()
    assert "'return' with no call waiting" in soft_lock_detail(story)
    called = build(tmp_path / "called", CALLS, manifest=TWO_ENDINGS)
    assert not [p for p in lint_story(called).problems if p.code == "HS030"]


def test_the_stack_is_saved_and_old_saves_still_load(tmp_path):
    story = build(tmp_path, CALLS, manifest=TWO_ENDINGS)
    playthrough = Playthrough(story, seed=0)
    while True:
        event = playthrough.continue_()
        if isinstance(event, Line) and event.text.startswith("In the sub-scene"):
            break
    data = playthrough.save()
    assert data["stack"] == ["a__after_1"]
    resumed = Playthrough.from_save(story, data)
    rest = [e.text for e in events_until_menu(resumed) if isinstance(e, Line)]
    assert rest[:2] == ["After the first.", "In the sub-scene, grades 4."]
    at_menu = resumed.save()  # nothing waiting: written as saves were before sub-scenes, and read back so
    assert "stack" not in at_menu
    again = Playthrough.from_save(story, at_menu)
    assert again.current_choices is not None
    broken = dict(data, stack=["gone"])
    with pytest.raises(SaveError, match="gone"):
        Playthrough.from_save(story, broken)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ('[{if: "brave", then: [{call: b}]}]', "goes at the top level"),
        ('[return, {narrate: "x"}]', "must be the last line"),
        ("[{call: nowhere}]", "nowhere"),
    ],
)
def test_misplaced_calls_and_returns_are_reported(tmp_path, lines, message):
    scenes = f"""\
    a:
      title: A
      chapter: One
      lines: {lines}
      next: b
    b:
      title: B
      chapter: One
      ending: done
    """
    problems = problems_of(tmp_path, scenes)
    assert any(message in problem.message for problem in problems), problems


def test_a_return_scene_cannot_also_have_a_way_on(tmp_path):
    scenes = """\
    a:
      title: A
      chapter: One
      lines: [return]
      ending: done
    """
    assert any("ends with 'return' and also has 'ending'" in p.message for p in problems_of(tmp_path, scenes))


def test_the_map_draws_calls_and_where_they_come_back(tmp_path):
    from game.authoring.graph import build_map

    story = build(tmp_path, CALLS, manifest=TWO_ENDINGS)
    drawn = build_map(story).text
    assert "a --> sub: call" in drawn
    assert "a --> a__after_1: after the call returns" in drawn


def test_stats_count_calls_and_sub_scenes_and_not_the_parts_after_calls(tmp_path):
    from game.authoring.stats import render_text, story_stats

    story = build(tmp_path, CALLS, manifest=TWO_ENDINGS)
    data = story_stats(story)
    assert (data["calls"], data["sub_scenes"], data["scenes"]) == (2, 1, 4)
    assert "2 calls of sub-scenes; 1 scene ends with return" in render_text(data)


def test_a_scene_of_thousands_of_calls_loads_and_plays_quickly(tmp_path):
    """Hostile input: 3,000 calls in one scene (3,000 parts) and a sub-scene that calls itself to the limit."""
    calls = "\n".join("    - call: sub" for _ in range(3000))
    scenes = f"a:\n  title: A\n  chapter: One\n  lines:\n{calls}\n  ending: done\n" + (
        'sub:\n  title: Sub\n  chapter: One\n  lines: [{narrate: "x"}, return]\n'
    )
    story = build(tmp_path, scenes)
    playthrough = Playthrough(story, seed=0)
    play_to_the_end(playthrough)
    assert playthrough.visits["sub"] == 3000


def test_the_testers_witnesses_through_sub_scenes_replay(tmp_path):
    from game.scripts import load_playthrough_file, run_script
    from game.tester.checks import build_report
    from game.tester.witnesses import write_witnesses

    scenes = (
        FORK
        + textwrap.dedent("""\
    left:
      title: L
      chapter: One
      lines: [{call: sub}, {narrate: "Back left."}]
      ending: done
    right:
      title: R
      chapter: One
      lines: [{call: sub}, {call: sub}]
      next: fin
    sub:
      title: Sub
      chapter: One
      lines: [{add: {grades: 1}}]
      choices:
        - {text: "Nod", goto: back}
    back:
      title: Back
      chapter: One
      lines: [{narrate: "And back."}, return]
    """)
        + FINALE
    )
    story = build(tmp_path, scenes, manifest=TWO_ENDINGS)
    exploration = explore(story)
    report = build_report(exploration)
    assert {ending.id for ending in report.endings if ending.reachable} == {"done", "top"}
    witnesses = write_witnesses(exploration, report, tmp_path / "witnesses")
    assert witnesses
    for witness in witnesses:
        script = load_playthrough_file(witness.file, story)
        result = run_script(script, story)
        assert result.passed, result.failure.report(script) + "\n" + witness.file.read_text()


def test_the_text_player_started_inside_a_sub_scene_stops_with_a_message_not_a_traceback():
    import subprocess
    import sys
    from pathlib import Path

    lamplight = Path(__file__).resolve().parents[1] / "examples" / "lamplight"
    argv = [sys.executable, "-m", "game", "play", "--text", "--story", str(lamplight), "--start", "landing_glass"]
    result = subprocess.run(argv, input="\n" * 40, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "no call is waiting" in result.stderr and "start at a scene that calls it" in result.stderr


ELSEWHERE = """\
a:
  title: A
  chapter: One
  lines:
    - narrate: "Before."
    - call: purse
    - narrate: "After."
  next: b
purse:
  title: Purse
  chapter: Two
  lines:
    - narrate: "Coins."
    - return
b:
  title: B
  chapter: Three
  lines:
    - narrate: "Later."
  ending: done
"""


def test_a_sub_scene_written_in_another_chapter_plays_within_its_callers(tmp_path):
    story = build(tmp_path, ELSEWHERE)
    # no chapter starts inside a sub-scene: chapter select could not play it (its return has no caller)
    assert [(chapter.name, chapter.first_scene) for chapter in story.chapters] == [("One", "a"), ("Three", "b")]
    playthrough = Playthrough(story, seed=0)
    entered = []
    while playthrough.can_continue:
        event = playthrough.continue_()
        if isinstance(event, SceneEntered):
            entered.append((event.scene, event.chapter, event.new_chapter))
    assert entered == [("a", "One", True), ("purse", "One", False), ("b", "Three", True)]
