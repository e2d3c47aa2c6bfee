"""`heartstopper test`: exit codes, the summary, --json, --junit, --witnesses, --random, bounds and bad usage."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from commandline import heartstopper
from storybuild import FIXTURES, build, write_story

from game.cli import main

PLANTED = str(FIXTURES / "tester" / "planted")
HUB = str(FIXTURES / "tester" / "hub")


def test(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["test", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


test.__test__ = False  # a helper, not a test


def test_a_story_with_problems_exits_1_with_a_readable_summary(capsys):
    code, out, err = test(capsys, "--story", PLANTED)
    assert code == 1 and err == ""
    assert out.startswith("Planted: 58 states and 92 transitions explored in ")
    assert "(complete)" in out
    assert "Endings: 2 of 3 reachable" in out
    assert "  home    reachable in 3 choices: Home" in out
    assert "  secret  NOT REACHABLE: the only scene that ends with it, 'secret_end', is never reached" in out
    assert "planted/scenes/school.yaml:106:1: 'attic' is never reached" in out
    assert "in 'library': a menu with nothing to take and no fallback (6 states); the shortest way there:\n" in out
    assert '      gates: 1. "Go in"\n      corridor: 2. "Library"\n      library\n' in out
    assert "planted/story.yaml:12:5: 'courage <= 3' does not hold in 'field' (after its effects: courage=4" in out
    assert out.rstrip().endswith("10 problems: the story fails its checks.")


def test_a_sound_story_exits_0(capsys):
    code, out, _ = test(capsys, "--story", HUB, "--paths")
    assert code == 0
    assert "Endings: 3 of 3 reachable" in out and "All checks hold." in out
    assert '      knock > hub: 3. "Leave"\n      out_end (the end)\n' in out


def test_json_has_the_promised_keys(capsys):
    code, out, _ = test(capsys, "--story", PLANTED, "--json", "--points-of-no-return", "--ranges")
    assert code == 1
    data = json.loads(out)
    for key in ("endings", "unreachable_scenes", "untaken_choices", "soft_locks", "invariant_violations", "states"):
        assert key in data
    assert data["partial"] is False and data["states"] == 58 and data["passed"] is False
    assert data["endings"]["home"]["reachable"] is True
    assert data["endings"]["home"]["path"] == [
        {"scene": "gates", "take": "Go in", "number": 1},
        {"scene": "corridor", "take": "Art room", "number": 1},
        {"scene": "art_room", "take": "Go home", "number": 2},
        {"scene": "home_end", "take": "finish"},
    ]
    assert data["endings"]["secret"] == {
        "title": "The Secret",
        "reachable": False,
        "path": None,
        "why": "the only scene that ends with it, 'secret_end', is never reached",
    }
    assert data["unreachable_scenes"] == ["office", "attic", "secret_end"]
    assert {lock["kind"]: lock["scene"] for lock in data["soft_locks"]} == {"menu": "library", "no_ending": "roof_view"}
    (violation,) = data["invariant_violations"]
    assert violation["invariant"] == "courage <= 3" and violation["choices"] == 7
    assert data["ranges"]["roof"]["courage"] == [2, 5]
    assert {
        "scene": "roof",
        "choice": 2,
        "text": "Look at the view",
        "where": "planted/scenes/school.yaml:76:7",
        "closes": ["home", "party"],
    } in data["points_of_no_return"]


def test_junit_report(capsys, tmp_path):
    target = tmp_path / "reports" / "junit.xml"
    code, _, _ = test(capsys, "--story", PLANTED, "--junit", str(target))
    assert code == 1
    suite = ET.parse(target).getroot().find("testsuite")
    assert suite is not None and suite.get("name") == "heartstopper test: Planted"
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert cases["ending home is reachable"].find("failure") is None
    assert "cannot be reached" in cases["ending secret is reachable"].find("failure").text
    assert cases["invariant holds: courage <= 3"].find("failure") is not None
    assert cases["no soft-locks"].find("failure") is not None
    assert int(suite.get("failures")) == sum(1 for case in cases.values() if case.find("failure") is not None) == 5
    assert not list(tmp_path.glob("reports/.*"))  # no temporary file left behind


def test_witnesses_pass_when_run_again(capsys, tmp_path):
    code, out, _ = test(capsys, "--story", HUB, "--witnesses", str(tmp_path))
    assert code == 0
    assert "Witnesses: 3 playthrough files written" in out
    files = sorted(path.name for path in tmp_path.iterdir())
    assert files == ["ending-note.yaml", "ending-out.yaml", "ending-sneak.yaml"]
    code, out, _ = test(capsys, "--story", HUB, *(str(tmp_path / name) for name in files))
    assert code == 0 and "Playthroughs: 3 of 3 pass" in out


def test_a_failing_playthrough_shows_the_step_what_was_expected_and_the_last_lines(capsys, tmp_path):
    script = tmp_path / "wrong.yaml"
    script.write_text('name: "Knock twice and leave"\nsteps:\n  - choose: "Knock"\n  - choose: "Leave"\nend: out\n')
    code, out, _ = test(capsys, "--story", HUB, str(script))
    assert code == 1
    assert "Playthroughs: 0 of 1 pass" in out
    assert "wrong.yaml:4:13: playthrough 'Knock twice and leave' failed at step choose: \"Leave\"" in out
    assert "      expected: a choice matching 'Leave'\n" in out
    assert (
        "      happened: no choice that can be taken contains that text; "
        'the menu offers 1. "Knock", 2. "Wait", 3. "Read the note"\n'
    ) in out
    assert "      last lines shown:\n        A room with many doors.\n        Knock knock.\n" in out


def test_the_bound_makes_a_run_partial_and_failing(capsys):
    code, out, _ = test(capsys, "--story", HUB, "--max-states", "40")
    assert code == 1
    assert "40 states" in out and "PARTIAL: stopped at --max-states 40" in out
    assert "may be reachable" in out


def test_random_walks_are_reproducible_and_report_coverage(capsys):
    code, first, _ = test(capsys, "--story", PLANTED, "--random", "200", "--seed", "7", "--json")
    _, second, _ = test(capsys, "--story", PLANTED, "--random", "200", "--seed", "7", "--json")
    a, b = json.loads(first), json.loads(second)
    a.pop("seconds"), b.pop("seconds")
    assert a == b
    walks = a["random"]
    assert walks["walks"] == 200 and walks["seed"] == 7
    assert walks["scenes"] == {"covered": 10, "total": 13, "never_entered": ["office", "attic", "secret_end"]}
    # Least-taken choices first: the walks take every choice that can be taken.
    assert walks["choices"]["covered"] == 14 and walks["choices"]["total"] == 17
    assert {(item["scene"], item["text"]) for item in walks["choices"]["never_chosen"]} == {
        ("corridor", "Principal's office"),
        ("library", "Borrow Elle's book"),
        ("office", "Read the secret file"),
    }
    assert sum(walks["outcomes"].values()) == 200 and walks["outcomes"]["ended"] == sum(walks["endings"].values())
    assert code == 1 and {(p["kind"], p["scene"]) for p in walks["problems"]} == {
        ("menu", "library"),
        ("too_long", "roof_stairs"),
    }
    stuck = next(p for p in walks["problems"] if p["kind"] == "too_long")
    assert stuck["choices"][:6] == [
        "Walk round the field first",
        "Back to the gates",
        "Walk round the field first",
        "Go in",
        "Roof",
        "Look at the view",
    ]
    assert len(stuck["choices"]) == 50
    assert a["partial"] is True and a["mode"] == "random"
    _, third, _ = test(capsys, "--story", PLANTED, "--random", "200", "--seed", "8", "--json")
    assert json.loads(third)["random"]["problems"] != walks["problems"]


def test_random_walks_summary(capsys):
    code, out, _ = test(capsys, "--story", HUB, "--random", "20")
    assert code == 0
    assert "Hub: 20 random walks (seed 0) in " in out
    # Walks end as soon as an ending is offered, so the long way to the note is never sampled.
    assert "  scenes entered: 6 of 7 (86%)\n  choices taken: 5 of 6 (83%)\n" in out
    assert "  endings: out 10, sneak 10, note 0\n  never entered: note_end\n" in out
    assert "Walk problems: none" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--seed", "3"], "--seed goes with --random N"),
        (["--random", "5", "--ranges"], "--ranges needs the full exploration, so it cannot go with --random"),
        (["missing.yaml"], "there is no playthrough file 'missing.yaml'"),
        (["--start", "nowhere"], "there is no scene 'nowhere' to start at"),
        (["--given", "patience=9"], "'patience' must be a whole number from 0 to 3, not 9"),
        (["--given", "luck=1"], "'luck' is not a variable of this story"),
        (["--given", "oops"], "--given takes NAME=VALUE, not 'oops'"),
    ],
)
def test_bad_usage_exits_2(capsys, args, message):
    code, out, err = test(capsys, "--story", HUB, *args)
    assert code == 2 and out == ""
    assert err.strip() == f"heartstopper test: {message}"


def test_bad_numbers_and_missing_story_exit_2(capsys, tmp_path):
    with pytest.raises(SystemExit) as stopped:
        main(["test", "--story", HUB, "--max-states", "0"])
    assert stopped.value.code == 2
    assert "it must be at least 1, not 0" in capsys.readouterr().err
    code, _, err = test(capsys, "--story", str(tmp_path / "nope"))
    assert code == 2 and "there is no story folder" in err


def test_a_story_that_cannot_load_exits_1(capsys, tmp_path):
    (tmp_path / "story.yaml").write_text("title: Broken\n")
    code, out, err = test(capsys, "--story", str(tmp_path))
    assert code == 1 and out == ""
    assert "the story cannot be played until they are mended" in err


def test_the_command_runs_end_to_end_without_a_terminal():
    result = heartstopper("test", "--story", HUB)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no progress bar when stderr is not a terminal
    assert "All checks hold." in result.stdout


def test_the_progress_line_redraws_and_clears():
    import io

    from game.tester.progress import Progress

    stream = io.StringIO()
    progress = Progress(stream)
    progress.exploring(1500, 20, 6000)
    progress.exploring(1600, 20, 6000)  # within a tenth of a second: not drawn again
    progress.done()
    text = stream.getvalue()
    assert text.count("exploring [") == 1
    assert "exploring [######..................] 1,500 states, 20 waiting, " in text
    assert "(limit 6,000)" in text and text.endswith("\r\x1b[K")


GOOD_PLAYTHROUGH = """\
name: Hello
steps:
  - expect_line: "Hello."
end: done
"""


def test_a_playthrough_file_with_problems_is_counted_once_and_never_run(tmp_path):
    """A file whose text holds a control character (a YAML escape) is reported with its problems, counted once
    among the playthroughs, and not played."""
    extra = {"playthroughs/good.yaml": GOOD_PLAYTHROUGH}
    extra["playthroughs/escaped.yaml"] = 'name: "n\\e]0;pwned\\a"\nsteps:\n  - choose: "x\\e[31mred"\n'
    raw = {"playthroughs/raw.yaml": b'name: "ok"\nsteps:\n  - choose: "x\xc2\x9b2Jred"\n'}
    story = write_story(tmp_path, extra=extra, raw=raw)
    result = heartstopper("test", "--story", str(story))
    assert result.returncode == 1, result.stderr
    assert "Playthroughs: 1 of 3 pass" in result.stdout
    assert "failed at step" not in result.stdout  # the broken files were not played
    data = json.loads(heartstopper("test", "--json", "--story", str(story)).stdout)
    run = {Path(item["file"]).name for item in data["playthroughs"]}
    unreadable = {Path(file).name for file in data["unreadable_playthroughs"]}
    assert run == {"good.yaml"} and unreadable == {"escaped.yaml", "raw.yaml"}


def test_reading_playthrough_files_keeps_back_any_with_problems(tmp_path):
    from game.scripts import check_playthrough_files

    extra = {
        "playthroughs/good.yaml": GOOD_PLAYTHROUGH,
        "playthroughs/escaped.yaml": 'name: "n\\e[31m"\nsteps:\n  - expect_line: "Hello."\n',
    }
    story = build(tmp_path, extra=extra)
    scripts, problems = check_playthrough_files(story)
    assert [Path(script.file).name for script in scripts] == ["good.yaml"]
    assert {Path(problem.file).name for problem in problems} == {"escaped.yaml"}
