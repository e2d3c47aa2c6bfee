"""The shipped story passes the branch tester: every state explored, every ending reachable, every scene reached,
every choice takeable, no soft-locks, every invariant held, every playthrough passing, every ending's witness
replaying. This explores the whole story (about half a million states), so it takes a while."""

from __future__ import annotations

import pytest

from game.loader import load_story
from game.paths import default_story_dir
from game.scripts import load_playthrough_file, run_script
from game.tester.checks import build_report
from game.tester.explore import explore
from game.tester.playthroughs import playthrough_paths, run_playthroughs
from game.tester.witnesses import write_witnesses


@pytest.fixture(scope="module")
def shipped():
    story = load_story(default_story_dir())
    exploration = explore(story)
    return story, exploration, build_report(exploration)


def test_the_exploration_is_complete(shipped):
    _, exploration, report = shipped
    assert not exploration.partial and not report.partial
    assert report.uncapped == {}


def test_every_ending_is_reachable(shipped):
    story, _, report = shipped
    assert [ending.id for ending in report.endings] == list(story.endings)
    unreachable = {ending.id: ending.why for ending in report.endings if not ending.reachable}
    assert unreachable == {}


def test_every_scene_is_reached_and_every_choice_can_be_taken(shipped):
    _, _, report = shipped
    assert [scene.scene for scene in report.unreachable_scenes] == []
    errors = [f"{c.where}: {c.text}: {c.why}" for c in report.untaken_choices if c.severity == "error"]
    assert errors == []


def test_no_soft_locks_and_every_invariant_holds(shipped):
    _, _, report = shipped
    assert [f"{lock.kind} in {lock.scene}" for lock in report.soft_locks] == []
    assert report.stuck_states == 0
    assert [f"{v.invariant} in {v.scene}" for v in report.invariant_violations] == []
    assert report.failures == 0


def test_the_story_playthroughs_pass():
    story = load_story(default_story_dir())
    outcomes, problems = run_playthroughs(story, playthrough_paths(story, []))
    assert problems == []
    assert outcomes, "the story has playthrough files"
    assert [outcome.report for outcome in outcomes if not outcome.passed] == []


def test_each_ending_witness_replays_to_its_ending(shipped, tmp_path):
    story, exploration, report = shipped
    written = write_witnesses(exploration, report, tmp_path)
    assert len(written) == len(story.endings)
    for witness in written:
        script = load_playthrough_file(witness.file, story)
        result = run_script(script, story)
        assert result.passed, result.failure.report(script)
        assert result.ended == script.end


def test_exact_ending_odds_agree_with_random_walks_under_the_same_policy(shipped):
    """The exact odds (a Markov chain over the explored states) against seeded uniform random walks through
    the real playthrough (600 of them): each ending's count within 5 standard deviations of what the odds predict."""
    from game.tester.odds import Policy, compute_odds
    from game.tester.randomwalk import random_walks

    story, exploration, _ = shipped
    policy = Policy("uniform")
    odds = compute_odds(exploration, policy)
    assert sum(odds.endings.values()) + odds.never_ends + odds.unexplored == 1
    walks = 600
    sampled = random_walks(story, walks, seed=11, policy=policy)
    for ending, exact in odds.endings.items():
        p = float(exact)
        spread = 5 * (walks * p * (1 - p)) ** 0.5 + 1
        assert abs(sampled.endings[ending] - walks * p) <= spread, (ending, sampled.endings[ending], walks * p)


def test_no_line_if_in_the_shipped_story_is_constant(shipped):
    """Every line-picking `if` of the story can go both ways in some play: no written line is dead text (before:
    five were, among them the epilogue's `nick_out == 5` on endings that Nick's post rules out)."""
    from game.tester.line_ifs import line_if_findings

    _, exploration, _ = shipped
    found = line_if_findings(exploration)
    assert [f"{item.where.file}:{item.where.line} {item.condition} {item.outcome}" for item in found.constant] == []
