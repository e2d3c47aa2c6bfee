"""Every lint code, planted once in tests/fixtures/lint, is reported exactly once, where it was planted.

The fixture story (tests/fixtures/lint/story) holds one problem per code HS001-HS028 and HS030-HS033 and the
broken story (tests/fixtures/lint/broken) one load error (HS000). Positions are 1-based line and column of the file as
authors see it.
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter

import pytest
from commandline import ROOT, heartstopper
from storybuild import FIXTURES, write_story

from game.authoring.codes import CODES
from game.authoring.lint import lint_folder

LINT = FIXTURES / "lint"
MAIN = "story/scenes/main.yaml"
MORE = "story/scenes/more.yaml"
MANIFEST = "story/story.yaml"

PLANTED = {
    "HS001": (MANIFEST, 17, 3),  # mood: written, never read
    "HS002": (MANIFEST, 18, 3),  # luck: read, never written
    "HS003": (MANIFEST, 12, 3),  # ghost never appears
    "HS004": (MAIN, 18, 19),  # show: {who: mum} (mum has no sprites): at the who
    "HS005": (MAIN, 20, 32),  # as: grumpy (charlie has neutral and happy): at the as
    "HS006": (MAIN, 19, 37),  # mum: {..., as: happy}: at the as
    "HS007": (MAIN, 22, 19),  # background: attik
    "HS008": (MAIN, 23, 14),  # music: stormy
    "HS009": (MAIN, 24, 14),  # sound: doorbel
    "HS010": ("story/assets/backgrounds/attic.svg", 1, 1),
    "HS011": (MORE, 38, 1),  # orphan
    "HS012": (MORE, 45, 1),  # island, only reached from orphan
    "HS013": (MANIFEST, 23, 3),  # ending lost
    "HS014": (MAIN, 51, 7),  # the narration after goto: hub
    "HS015": (MAIN, 28, 13),  # the second "Go to school": at its text
    "HS016": (MORE, 17, 7),  # hub's fallback, while "Study" is always available
    "HS017": (MORE, 28, 7),  # once: true in finale, which nothing comes back to
    "HS018": (MAIN, 38, 12),  # "grades > 7" with grades 0..5: at the condition's first character
    "HS019": (MAIN, 41, 12),  # "room == 'tao' or room == 'isaac'"
    "HS020": (MAIN, 44, 13),  # add: {mood: 9} with mood 0..3
    "HS021": (MAIN, 46, 13),  # the second set: {brave: true}
    "HS022": (MORE, 33, 1),  # epilogue has no lines
    "HS023": (MAIN, 21, 7),  # the long narration
    "HS024": (MORE, 30, 13),  # the long choice text
    "HS025": (MAIN, 12, 7),  # elle, the fourth
    "HS026": (MAIN, 13, 7),  # hide: isaac, never shown
    "HS027": (MAIN, 14, 7),  # music: calm, already playing
    "HS028": (MAIN, 16, 35),  # isaac's as: neutral while he is off stage
    "HS030": (MORE, 53, 1),  # stray returns, reached by hub's fallback with no call waiting
    "HS031": (MORE, 57, 25),  # stray's "*where" that nothing closes: at the asterisk
    "HS032": (MORE, 49, 14),  # sound: thud, an MP3 in sounds/thud.ogg
    "HS033": (MANIFEST, 3, 1),  # own assets, no title background
}


@pytest.fixture(scope="module")
def report():
    return lint_folder(LINT / "story")


def test_every_code_is_planted_once_in_the_fixture():
    assert set(PLANTED) | {"HS000", "HS029"} == set(CODES)  # HS029 only with --explore: tests/test_tester_measures


def test_each_planted_problem_is_reported_exactly_once_at_its_position(report):
    counts = Counter(problem.code for problem in report.problems)
    assert counts == Counter(set(PLANTED)), [str(p) for p in report.problems]
    for problem in report.problems:
        assert (problem.file, problem.line, problem.column) == PLANTED[problem.code], str(problem)
        assert problem.severity == CODES[problem.code].severity
        assert problem.message and problem.hint


def test_a_story_that_does_not_load_gives_the_loaders_problems_as_hs000():
    report = lint_folder(LINT / "broken")
    assert not report.loaded
    assert [(p.code, p.file, p.line, p.column) for p in report.problems] == [
        ("HS000", "broken/scenes/main.yaml", 5, 12)
    ]
    assert "unknown variable 'courage'" in report.problems[0].message


def test_messages_say_what_is_wrong_with_the_values_involved(report):
    by_code = {problem.code: problem for problem in report.problems}
    assert "grades is from 0 to 5" in by_code["HS018"].message
    assert "room is one of 'isaac', 'tao'" in by_code["HS019"].message
    assert "did you mean 'attic'?" in by_code["HS007"].hint
    assert "sends 'nick' off" in by_code["HS025"].message
    assert "wraps to 5 rows" in by_code["HS023"].message


def test_a_lint_ignore_comment_silences_that_code_on_its_line(tmp_path):
    scenes = """\
    a:
      title: "A"
      chapter: One
      lines:
        - narrate: "Hello."
        - if: "grades > 7"  # lint-ignore: HS018
          then:
            - narrate: "Never."
        - if: "grades < 0"
          then:
            - narrate: "Never either."
        - set: {brave: true, room: isaac}
        - add: {grades: 1}
      ending: done
    """
    report = lint_folder(write_story(tmp_path, scenes))
    codes = [(p.code, p.line) for p in report.problems]
    assert ("HS018", 9) in codes
    assert ("HS018", 6) not in codes


def test_a_show_that_only_changes_clothes_or_pose_changes_something(tmp_path):
    """Before: showing Charlie waving (`outfit: wave`) where he already stood, and back, were both HS027."""
    scenes = """\
    a:
      title: "A"
      chapter: One
      background: room
      lines:
        - show: {who: charlie, at: left}
        - show: {who: charlie, at: left, outfit: wave}
        - charlie: "Hi."
        - show: {who: charlie, at: left}
        - show: {who: charlie, at: left}
        - narrate: "Bye."
      ending: done
    """
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>'
    raw = {f"assets/sprites/charlie/{outfit}/neutral.svg": svg for outfit in ("default", "wave")}
    report = lint_folder(write_story(tmp_path, scenes, raw={**raw, "assets/backgrounds/room.svg": svg}))
    assert [(p.code, p.line) for p in report.problems if p.code == "HS027"] == [("HS027", 10)]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return heartstopper("lint", *args)


def test_the_command_fails_on_errors_and_prints_positions():
    result = run_cli("--story", str(LINT / "story"))
    assert result.returncode == 1
    assert "story/scenes/main.yaml:22:19: error HS007: there is no background 'attik'" in result.stdout
    assert "lint: 8 errors, 24 warnings." in result.stderr
    assert "Traceback" not in result.stderr


TIDY_MANIFEST = """\
title: "Tidy"
title_screen: {background: "#202830"}
start: a
variables:
  grades: {type: int, default: 2, min: 0, max: 5}
endings:
  done: {title: "Done"}
"""


def test_warnings_pass_unless_strict(tmp_path):
    scenes = """\
    a:
      title: "A"
      chapter: One
      lines:
        - narrate: "Hello."
        - add: {grades: 1}
        - if: "grades < 9"
          then:
            - narrate: "Always."
      ending: done
    """
    story = write_story(tmp_path, scenes, manifest=TIDY_MANIFEST, raw={"assets/.empty": b""})
    relaxed = run_cli("--story", str(story))
    assert relaxed.returncode == 0, relaxed.stderr
    assert "warning HS019" in relaxed.stdout
    strict = run_cli("--story", str(story), "--strict")
    assert strict.returncode == 1
    assert "(--strict: warnings fail)" in strict.stderr
    ignored = run_cli("--story", str(story), "--strict", "--ignore", "hs019")
    assert ignored.returncode == 0, ignored.stdout


def test_json_output_lists_every_problem_with_its_position():
    result = run_cli("--story", str(LINT / "story"), "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False and data["loaded"] is True
    assert (data["errors"], data["warnings"]) == (8, 24)
    found = {(p["code"], p["file"], p["line"], p["column"]) for p in data["problems"]}
    assert found == {(code, *where) for code, where in PLANTED.items()}


def test_explain_prints_a_codes_meaning_and_refuses_unknown_codes():
    result = run_cli("--explain", "hs018")
    assert result.returncode == 0
    assert result.stdout.startswith("HS018 (warning): condition never holds")
    unknown = run_cli("--explain", "HS999")
    assert unknown.returncode == 2
    assert "there is no code 'HS999'" in unknown.stderr


def test_the_author_guide_documents_every_code_with_its_severity():
    guide = (ROOT / "docs" / "AUTHORING.md").read_text(encoding="utf-8")
    for code in CODES.values():
        assert f"| {code.code} | {code.severity} | {code.title} |" in guide, code.code
