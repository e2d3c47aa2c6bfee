"""Three-valued answers: every claim of the branch tester is proven (with a path), refuted (no play can do it) or
unknown (not settled within `--max-states`), in the summary, `--json` and `--junit`; a capped run states nothing
as fact that only the complete exploration could show.

The `claims` story has one of each: an ending reached quickly (`home`), one far away (`far`), one no play reaches
(`dream`, behind a condition that can never hold), a real soft-lock (`d` and `trap`), an invariant that holds by
the declared bounds (`grades <= 5`) and one that breaks (`not brave or grades >= 1`).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from storybuild import FIXTURES

from game.cli import main
from game.loader import load_story
from game.tester.checks import build_report
from game.tester.explore import explore
from game.tester.static_reach import static_reach

CLAIMS = FIXTURES / "tester" / "claims"


@pytest.fixture(scope="module")
def story():
    return load_story(CLAIMS)


def report_at(story, cap: int | None = None):
    return build_report(explore(story, max_states=cap) if cap else explore(story))


def statuses(report) -> dict[str, str | None]:
    return {ending.id: ending.status for ending in report.endings}


def test_the_complete_run_proves_and_refutes_everything(story):
    report = report_at(story)
    assert not report.partial
    assert statuses(report) == {"home": "proven", "far": "proven", "dream": "refuted"}
    assert report.unknown_scenes == [] and report.unknown_choices == []
    assert report.invariant_status == {"grades <= 5": "proven", "not brave or grades >= 1": "refuted"}
    assert report.no_soft_locks == "refuted"
    assert {lock.scene for lock in report.soft_locks} == {"d", "trap"}


def test_a_capped_run_leaves_what_it_did_not_reach_unknown(story):
    report = report_at(story, 4)
    assert report.partial
    assert statuses(report) == {"home": "unknown", "far": "unknown", "dream": "refuted"}
    assert [ending.reachable for ending in report.endings] == [False, False, False]
    assert {scene.scene for scene in report.unknown_scenes} == {"home_end", "d", "far_end", "trap"}
    assert [scene.scene for scene in report.unreachable_scenes] == ["dream_end"]  # refuted by the analysis
    assert report.invariant_status == {"grades <= 5": "proven", "not brave or grades >= 1": "unknown"}
    assert report.no_soft_locks == "unknown" and report.soft_locks == []


def test_a_capped_run_proves_what_it_found_with_a_path(story):
    report = report_at(story, 12)
    assert report.partial
    home = next(ending for ending in report.endings if ending.id == "home")
    assert home.status == "proven" and home.path is not None and home.path.choices == 2
    assert report.invariant_status["not brave or grades >= 1"] == "refuted"  # broken, with the shortest way there
    assert [lock.scene for lock in report.soft_locks] == ["d"] and report.no_soft_locks == "refuted"


def test_choices_are_refuted_by_the_analysis_or_left_unknown(story):
    report = report_at(story, 4)
    refuted = {(choice.scene, choice.index): choice for choice in report.untaken_choices}
    assert set(refuted) == {("a", 2), ("trap", 0)}
    assert all(choice.severity == "error" and "can never hold" in choice.why for choice in refuted.values())
    unknown = {(choice.scene, choice.index) for choice in report.unknown_choices}
    assert unknown == {("c", 0), ("c", 1), ("d", 0), ("d", 1)}
    # Never "always left by a goto before its menu" for a scene whose states were not explored.
    assert all("goto" not in choice.why for choice in [*report.untaken_choices, *report.unknown_choices])


def test_unknowns_are_not_counted_as_problems(story):
    report = report_at(story, 4)
    # partial (1), the ending dream (1), its scene (1), two choices no play can take (2)
    assert report.failures == 5


@pytest.mark.parametrize("cap", range(1, 25))
def test_no_cap_makes_a_false_claim(story, cap):
    truth = report_at(story)
    report = report_at(story, cap)
    true_endings = statuses(truth)
    for ending, status in statuses(report).items():
        assert status == "unknown" or status == true_endings[ending]
    for source, status in report.invariant_status.items():
        assert status == "unknown" or status == truth.invariant_status[source]
    assert {s.scene for s in report.unreachable_scenes} <= {s.scene for s in truth.unreachable_scenes}
    found = {(c.scene, c.index) for c in report.untaken_choices}
    assert found <= {(c.scene, c.index) for c in truth.untaken_choices}
    assert {lock.scene for lock in report.soft_locks} <= {lock.scene for lock in truth.soft_locks}


def test_the_summary_says_unknown_and_never_not_reachable_for_what_it_did_not_reach(capsys):
    code = main(["test", "--story", str(CLAIMS), "--search", "0", "--max-states", "4"])
    out = capsys.readouterr().out
    assert code == 1
    assert "Endings: 0 of 3 reachable, 2 unknown" in out
    assert "  home   UNKNOWN: not reached in the states explored before --max-states stopped the run" in out
    assert "  dream  NOT REACHABLE: no play can reach it" in out
    assert "UNKNOWN: 4 scenes not reached in the states explored" in out
    assert "Soft-locks: none found in the states explored (UNKNOWN beyond them)" in out
    assert "UNKNOWN: 'not brave or grades >= 1' holds in every state explored" in out
    assert "all 2 hold in every reachable state" not in out


def test_json_gives_each_claim_its_status(capsys):
    main(["test", "--story", str(CLAIMS), "--search", "0", "--max-states", "4", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["claims"]["endings"] == {"home": "unknown", "far": "unknown", "dream": "refuted"}
    assert data["claims"]["invariants"] == {"grades <= 5": "proven", "not brave or grades >= 1": "unknown"}
    assert data["claims"]["no_soft_locks"] == "unknown" and data["claims"]["ranges_are_exact"] is False
    assert data["endings"]["home"]["reachable"] is None and data["endings"]["dream"]["reachable"] is False
    assert sorted(data["unknown_scenes"]) == ["d", "far_end", "home_end", "trap"]
    assert data["unreachable_scenes"] == ["dream_end"]


def test_junit_skips_what_is_unknown(capsys, tmp_path):
    target = tmp_path / "junit.xml"
    main(["test", "--story", str(CLAIMS), "--search", "0", "--max-states", "4", "--junit", str(target)])
    capsys.readouterr()
    suite = ET.parse(target).getroot().find("testsuite")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert cases["ending home is reachable"].find("skipped") is not None
    assert cases["ending dream is reachable"].find("failure") is not None
    assert cases["no soft-locks"].find("skipped") is not None
    assert cases["invariant holds: grades <= 5"].find("skipped") is None
    assert cases["invariant holds: not brave or grades >= 1"].find("skipped") is not None
    assert int(suite.get("skipped")) >= 4


def test_ranges_of_a_capped_run_say_they_may_be_wider(capsys):
    main(["test", "--story", str(CLAIMS), "--max-states", "6", "--ranges"])
    out = capsys.readouterr().out
    assert "in the states explored (the true ranges may be wider):" in out


def test_the_analysis_is_an_over_approximation_of_every_play(story):
    reach = static_reach(story)
    exploration = explore(story)
    assert {key[0] for key in exploration.keys} <= set(reach.entered)
    assert set(exploration.endings_at.values()) <= reach.endings
    assert "dream_end" not in reach.entered and "dream" not in reach.endings
    assert not reach.invariant_may_break(story, 0) and reach.invariant_may_break(story, 1)
