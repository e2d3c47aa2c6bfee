"""The branch tester finds each planted problem with its exact shortest path, explores hubs completely, and every
witness it writes passes when replayed through the playthrough API."""

from __future__ import annotations

from pathlib import Path

import pytest
from storybuild import FIXTURES, build

from game.loader import load_story
from game.scripts import load_playthrough_file, run_script
from game.tester import paths
from game.tester.checks import build_report
from game.tester.explore import expand, explore
from game.tester.witnesses import replay, write_witnesses

TESTER = FIXTURES / "tester"


def steps(path: paths.Path) -> list[tuple]:
    """A path as (scene, how it is left, number on screen) triples; the final scene is `path.scene`."""
    return [(step.scene, step.take, step.number) for step in path.steps]


@pytest.fixture(scope="module")
def planted():
    story = load_story(TESTER / "planted")
    exploration = explore(story)
    return story, exploration, build_report(exploration, ranges=True, no_return=True)


@pytest.fixture(scope="module")
def hub():
    story = load_story(TESTER / "hub")
    exploration = explore(story)
    return story, exploration, build_report(exploration, ranges=True, no_return=True)


# -- the planted story: one of each problem ----------------------------------------------------------------------


def test_reachable_endings_have_their_shortest_paths(planted):
    _, _, report = planted
    endings = {ending.id: ending for ending in report.endings}
    assert steps(endings["home"].path) == [
        ("gates", "Go in", 1),
        ("corridor", "Art room", 1),
        ("art_room", "Go home", 2),
        ("home_end", "finish", None),
    ]
    assert steps(endings["party"].path) == [
        ("gates", "Walk round the field first", 2),
        ("field", "Back to the gates", 1),
        ("gates", "Walk round the field first", 2),
        ("field", "Go in", 2),
        ("corridor", "Roof", 3),
        ("roof", "Go to the party", 1),
        ("party_end", "finish", None),
    ]
    assert endings["party"].path.choices == 6


def test_an_unreachable_ending_says_why(planted):
    _, _, report = planted
    secret = next(ending for ending in report.endings if ending.id == "secret")
    assert not secret.reachable and secret.path is None
    assert secret.why == "the only scene that ends with it, 'secret_end', is never reached"


def test_unreachable_scenes_are_listed_with_positions(planted):
    _, _, report = planted
    assert [(scene.scene, scene.where.line) for scene in report.unreachable_scenes] == [
        ("office", 97),
        ("attic", 106),
        ("secret_end", 127),
    ]


def test_choices_never_taken_say_why(planted):
    _, _, report = planted
    found = {(choice.scene, choice.text): choice for choice in report.untaken_choices}
    assert set(found) == {
        ("corridor", "Principal's office"),
        ("library", "Borrow Elle's book"),
        ("office", "Read the secret file"),
    }
    office = found[("corridor", "Principal's office")]
    assert office.why.startswith("its condition never holds when this scene is reached")
    assert office.severity == "error" and office.where.line == 37
    assert found[("library", "Borrow Elle's book")].why == (
        "its condition never holds when this scene is reached (friend can only be 'none' or 'tao' there)"
    )
    assert found[("office", "Read the secret file")].why == "never offered because the scene is never reached"


def test_a_menu_with_nothing_to_take_is_a_soft_lock_with_its_shortest_path(planted):
    _, _, report = planted
    lock = next(lock for lock in report.soft_locks if lock.kind == "menu")
    assert lock.scene == "library"
    assert steps(lock.path) == [("gates", "Go in", 1), ("corridor", "Library", 2)]
    assert lock.path.scene == "library"


def test_a_loop_with_no_way_out_is_found_where_play_gets_stuck(planted):
    _, _, report = planted
    stuck = [lock for lock in report.soft_locks if lock.kind == "no_ending"]
    assert [lock.scene for lock in stuck] == ["roof_view"]
    assert steps(stuck[0].path) == [
        ("gates", "Walk round the field first", 2),
        ("field", "Back to the gates", 1),
        ("gates", "Walk round the field first", 2),
        ("field", "Go in", 2),
        ("corridor", "Roof", 3),
        ("roof", "Look at the view", 2),
    ]
    assert "roof_view, roof_stairs" in stuck[0].detail


def test_a_broken_invariant_is_found_with_its_shortest_path_and_values(planted):
    _, _, report = planted
    (violation,) = report.invariant_violations
    assert violation.invariant == "courage <= 3"
    assert violation.scene == "field" and violation.when == "after_effects"
    assert violation.values == {"courage": 4}
    walk, back = ("gates", "Walk round the field first", 2), ("field", "Back to the gates", 1)
    assert steps(violation.path) == [walk, back, walk, back, walk, back, walk]
    assert violation.path.scene == "field"


def test_points_of_no_return_and_ranges(planted):
    _, _, report = planted
    closes = {(item.scene, item.text): item.closes for item in report.points_of_no_return}
    assert closes == {
        ("corridor", "Library"): ["party"],
        ("art_room", "Go home"): ["party"],
        ("roof", "Go to the party"): ["home"],
        ("roof", "Look at the view"): ["home", "party"],
    }
    assert report.ranges["roof"] == {"courage": [2, 5], "brave": [False, True], "friend": ["none", "tao"]}
    assert report.ranges["roof_view"]["brave"] == [True, True]
    assert report.ranges["gates"]["friend"] == ["none", "none"]
    assert "attic" not in report.ranges


def test_the_report_fails_and_counts_every_problem(planted):
    _, exploration, report = planted
    assert not exploration.partial
    # 1 unreachable ending, 3 unreachable scenes, 3 untaken choices, 2 soft-locks, 1 broken invariant
    assert report.failures == 10


# -- hubs and visit counts -----------------------------------------------------------------------------------------


def test_a_hub_revisited_forever_is_explored_completely(hub):
    story, exploration, report = hub
    assert not exploration.partial
    assert exploration.tracking.caps == {"hub": 11, "wait_room": 11, "knock": 3, "porch": 2}
    assert report.failures == 0 and not report.soft_locks and not report.untaken_choices
    # Much larger limits change nothing: the state space is finite.
    assert explore(story, max_states=10 * exploration.states).states == exploration.states


def test_visit_count_conditions_give_exact_shortest_paths(hub):
    _, _, report = hub
    endings = {ending.id: ending.path for ending in report.endings}
    knock = ("hub", "Knock", 1)
    assert steps(endings["out"]) == [
        knock,
        ("knock", "next", None),
        knock,
        ("knock", "next", None),
        knock,
        ("knock", "next", None),
        ("hub", "Leave", 3),
        ("out_end", "finish", None),
    ]
    wait = [("hub", "Wait", 2), ("wait_room", "next", None)]
    assert steps(endings["sneak"]) == [*wait * 5, ("hub", "Sneak out", 3), ("sneak_end", "finish", None)]
    # The note needs the porch twice (six waits, the note read before the third): several ties, all of 8 choices.
    assert endings["note"].choices == 8
    assert [step.take for step in endings["note"].steps].count("Wait") == 6
    assert endings["note"].scenes[-2:] == ["porch", "note_end"]


def test_a_small_limit_makes_the_results_partial(hub):
    story, _, _ = hub
    exploration = explore(story, max_states=50)
    report = build_report(exploration)
    assert exploration.partial and exploration.states == 50
    assert report.partial and report.failures >= 1
    assert not report.soft_locks  # unexplored states are never called stuck


def test_counts_compared_with_each_other_are_kept_exactly_and_reported(tmp_path):
    story = build(
        tmp_path,
        """\
        a:
          title: "A"
          chapter: One
          lines:
            - narrate: "Round."
          choices:
            - text: "Again"
              goto: b
            - text: "Stop"
              if: "visited(a) - visited(b) > 3"
              goto: end
        b:
          title: "B"
          chapter: One
          lines:
            - narrate: "And round."
          next: a
        end:
          title: "End"
          chapter: One
          lines:
            - narrate: "Done."
          ending: done
        """,
    )
    exploration = explore(story, max_states=200)
    assert exploration.tracking.uncapped == {
        "a": "visited(a) - visited(b) > 3",
        "b": "visited(a) - visited(b) > 3",
    }
    assert exploration.partial


# -- witnesses -----------------------------------------------------------------------------------------------------


def _replay_all(story, exploration, report, folder: Path):
    written = write_witnesses(exploration, report, folder)
    results = {}
    for witness in written:
        script = load_playthrough_file(witness.file, story)
        result = run_script(script, story)
        assert result.passed, result.failure.report(script)
        results[witness.file.name] = (witness, script, result)
    return results


def test_every_planted_witness_passes_and_proves_its_claim(planted, tmp_path):
    story, exploration, report = planted
    results = _replay_all(story, exploration, report, tmp_path)
    assert set(results) == {
        "ending-home.yaml",
        "ending-party.yaml",
        "soft-lock-library.yaml",
        "no-ending-roof_view.yaml",
        "invariant-1-field.yaml",
    }
    assert results["ending-home.yaml"][2].ended == "home"
    assert results["ending-party.yaml"][2].ended == "party"
    text = (tmp_path / "soft-lock-library.yaml").read_text()
    assert "  - choose: 2  # Library\n  - expect_scene: library\n  - expect_choices: []\n" in text
    invariant = (tmp_path / "invariant-1-field.yaml").read_text()
    assert '  - expect: "not (courage <= 3)"' in invariant
    # The expect really checks the break: the same steps with the invariant itself fail.
    broken = tmp_path / "check.yaml"
    broken.write_text(invariant.replace('"not (courage <= 3)"', '"courage <= 3"'))
    script = load_playthrough_file(broken, story)
    assert not run_script(script, story).passed


def test_witnesses_of_hub_endings_pass(hub, tmp_path):
    story, exploration, report = hub
    results = _replay_all(story, exploration, report, tmp_path)
    assert {name: result.ended for name, (_, _, result) in results.items()} == {
        "ending-out.yaml": "out",
        "ending-sneak.yaml": "sneak",
        "ending-note.yaml": "note",
    }


def test_a_witness_into_a_loop_without_menus_stops_before_it(tmp_path):
    story = build(
        tmp_path,
        """\
        a:
          title: "A"
          chapter: One
          lines:
            - narrate: "Pick."
          choices:
            - text: "Spin"
              goto: spin
            - text: "Stop"
              goto: end
        spin:
          title: "Spin"
          chapter: One
          lines:
            - narrate: "Round and round."
          next: spin_more
        spin_more:
          title: "More"
          chapter: One
          lines:
            - narrate: "And round."
          next: spin
        end:
          title: "End"
          chapter: One
          lines:
            - narrate: "Done."
          ending: done
        """,
    )
    exploration = explore(story)
    report = build_report(exploration)
    (lock,) = report.soft_locks
    assert lock.kind == "no_ending" and lock.scene == "spin"
    results = _replay_all(story, exploration, report, tmp_path / "w")
    text = (tmp_path / "w" / "no-ending-spin.yaml").read_text()
    assert "no check can follow" in text and "expect_scene: spin\n" not in text
    assert results["no-ending-spin.yaml"][2].passed


def test_witnesses_keep_start_and_given(tmp_path):
    story = load_story(TESTER / "hub")
    exploration = explore(story, start="wait_room", given={"note_read": True, "patience": 2})
    report = build_report(exploration)
    results = _replay_all(story, exploration, report, tmp_path)
    text = (tmp_path / "ending-note.yaml").read_text()
    assert "start: wait_room\n" in text and "given: {patience: 2, note_read: true}\n" in text
    assert results["ending-note.yaml"][2].ended == "note"


# -- the explorer against its reference ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["planted", "hub"])
def test_explorer_edges_match_the_reference_expansion(name):
    """The fast loop and `expand` (the plain one-step-at-a-time version) leave every state the same ways."""
    story = load_story(TESTER / name)
    exploration = explore(story)
    for state_id in range(exploration.states):
        start = exploration.first_edge[state_id]
        recorded = []
        index = start
        while index < exploration.transitions and exploration.edge_from[index] == state_id:
            recorded.append(exploration.edge_via[index])
            index += 1
        ending, successors = expand(story, exploration.play_state(state_id))
        assert [how for how, _ in successors] == recorded
        assert (ending is not None) == (state_id in exploration.endings_at)


def test_every_path_replays_to_its_state(hub):
    _, exploration, _ = hub
    for state_id in range(0, exploration.states, 7):
        path = paths.path_to(exploration, state_id)
        assert path.choices == exploration.distance[state_id]
        state = replay(exploration, path)
        assert state.state == exploration.keys[state_id][0]


REPLIES_AND_CALLS = """\
a:
  title: "A"
  chapter: One
  lines:
    - narrate: "Hello."
  choices:
    - text: "Go"
      lines:
        - narrate: "Going."
      goto: b
    - text: "Stay"
      lines:
        - narrate: "Staying."
      goto: b
    - text: "Never"
      if: "brave and not brave"
      lines:
        - narrate: "Never."
      goto: b
b:
  title: "B"
  lines:
    - call: c
    - narrate: "Back from c."
  ending: done
c:
  title: "C"
  lines:
    - narrate: "In c."
    - return
"""


def test_random_walks_count_the_scenes_they_pass_as_the_full_exploration_does(tmp_path):
    """A choice's reply and the lines after a call are scenes with no card; walks that pass them have entered them,
    and walks and the full exploration agree on which scenes are reached."""
    from game.tester.randomwalk import random_walks

    story = build(tmp_path, REPLIES_AND_CALLS)
    walks = random_walks(story, 20, seed=1)
    unreached = {scene.scene for scene in build_report(explore(story)).unreachable_scenes}
    assert walks.scenes_total == len(story.scenes)
    assert set(walks.never_entered) == unreached  # only the reply of the choice that can never be taken
    assert walks.scenes_covered == len(story.scenes) - len(unreached)
    generated = {scene.id for scene in story.scenes.values() if scene.part_of is not None}
    assert generated - unreached  # the replies and the lines after the call were passed
    assert not (generated - unreached) & set(walks.never_entered)


def test_random_walks_over_an_example_reach_every_scene_the_exploration_does():
    from game.tester.randomwalk import random_walks

    story = load_story(Path(__file__).resolve().parents[1] / "examples" / "lamplight")
    walks = random_walks(story, 200, seed=1)
    unreached = {scene.scene for scene in build_report(explore(story)).unreachable_scenes}
    assert walks.choices_covered == walks.choices_total  # every choice taken: every scene behind them is passed
    assert set(walks.never_entered) == unreached


def test_random_walks_that_meet_runaway_recursion_report_it_as_the_exploration_does(tmp_path):
    """Play stopping (a sub-scene calling itself without end) is a walk problem, never a traceback."""
    from game.tester.randomwalk import random_walks

    scenes = REPLIES_AND_CALLS.replace('    - narrate: "In c."\n', '    - narrate: "In c."\n    - call: c\n')
    story = build(tmp_path, scenes)
    walks = random_walks(story, 5, seed=1)
    assert walks.outcomes["stopped"] == 5 and walks.outcomes["ended"] == 0
    [problem] = walks.problems
    assert problem.kind == "menu" and problem.scene == "c" and problem.detail.startswith("play stopped:")
    [lock] = build_report(explore(story)).soft_locks  # the full exploration: a soft-lock in the same scene
    assert lock.scene == problem.scene
