"""Messages count right ("1 choice", "2 choices") and name files as the user reads paths: relative to the working
directory, or absolute where that is shorter."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from storybuild import write_story

from game.cli import main
from game.problems import Problem, display_path, path_for_user, shown_path
from game.wording import plural, with_article, word_for


@pytest.mark.parametrize(
    ("count", "word", "many", "said"),
    [
        (0, "choice", None, "0 choices"),
        (1, "choice", None, "1 choice"),
        (2, "choice", None, "2 choices"),
        (1234, "state", None, "1,234 states"),
        (1, "other use", None, "1 other use"),
        (3, "scene and ending", "scenes and endings", "3 scenes and endings"),
    ],
)
def test_plural_counts_right(count, word, many, said):
    assert plural(count, word, many) == said


def test_word_for_keeps_columns_lined_up():
    assert (word_for(1, "scene "), word_for(4, "scene ")) == ("scene ", "scenes")


def test_a_story_file_is_named_relative_to_the_working_directory(tmp_path, monkeypatch):
    story = write_story(tmp_path / "work" / "mine")
    name = display_path(story / "scenes" / "main.yaml", story.parent)
    assert name == "story/scenes/main.yaml"  # the story's records: the same wherever the program runs
    monkeypatch.chdir(tmp_path / "work")
    assert shown_path(name) == "mine/story/scenes/main.yaml"
    monkeypatch.chdir(story / "scenes")
    assert shown_path(name) == "main.yaml"
    assert str(Problem(name, 3, 4, "wrong")) == "main.yaml:3:4: error: wrong"


def test_a_path_far_away_is_absolute_where_that_is_shorter(tmp_path, monkeypatch):
    deep = tmp_path / "a" / "b" / "c" / "d" / "e"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    target = Path(os.path.abspath(os.sep)) / "etc" / "x.yaml"
    assert path_for_user(target) == target.as_posix()
    assert path_for_user(deep / "x.yaml") == "x.yaml"


def test_lint_names_files_relative_to_where_it_runs(tmp_path, monkeypatch, capsys):
    story = write_story(tmp_path / "here", 'a:\n  title: "A"\n  chapter: One\n  background: nowhere\n  ending: done\n')
    monkeypatch.chdir(tmp_path)
    main(["lint", "--story", str(story)])
    out = capsys.readouterr().out
    assert "\nhere/story/scenes/main.yaml:4:15: error HS007" in "\n" + out


HUB_ONE_CHOICE = """\
a:
  title: "A"
  chapter: One
  lines:
    - narrate: "Which way?"
  choices:
    - text: "Left"
      goto: b
    - text: "Right"
      goto: c
b:
  title: "B"
  chapter: One
  lines:
    - narrate: "Left it is."
  ending: done
c:
  title: "C"
  chapter: One
  lines:
    - narrate: "Right it is."
  ending: other
"""


def test_a_witness_one_choice_away_says_1_choice(tmp_path, capsys):
    from storybuild import MANIFEST

    manifest = MANIFEST.replace('  done: {title: "Done"}', '  done: {title: "Done"}\n  other: {title: "Other"}')
    story = write_story(tmp_path, HUB_ONE_CHOICE, manifest=manifest)
    main(["test", "--story", str(story), "--witnesses", str(tmp_path / "w")])
    capsys.readouterr()
    texts = [path.read_text(encoding="utf-8") for path in sorted((tmp_path / "w").iterdir())]
    assert texts and all("(1 choice)" in text and "(1 choices)" not in text for text in texts)


def test_no_message_builds_a_plural_by_hand():
    """Counted words go through `plural`/`word_for`: no `'s' if n != 1` and no "(s)" left in the program."""
    root = Path(__file__).resolve().parents[1]
    found = []
    for path in [*root.glob("game/**/*.py"), *root.glob("tools/*.py")]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "'s' if" in line or '"s" if' in line or ("(s)" in line and 'f"' in line):
                found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)


def test_a_noun_gets_the_article_its_sound_asks_for():
    assert [with_article(word) for word in ("scene", "ending", "variable", "invariant")] == [
        "a scene",
        "an ending",
        "a variable",
        "an invariant",
    ]


def _flood(lines: list[int]) -> str:
    """The message that sums up a flood of one problem at these lines of one file."""
    from game.problems import FLOOD_SHOWN, Problem, condense

    found = [Problem("story/scenes/a.yaml", line, 1 + index, "a tab", "use spaces") for index, line in enumerate(lines)]
    shown = condense(found)
    assert len(shown) == FLOOD_SHOWN + 1
    return shown[-1].message


def test_a_flood_of_one_problem_is_summed_up_the_way_a_person_says_it():
    from game.problems import FLOOD_SHOWN

    head = list(range(1, FLOOD_SHOWN + 1))
    assert _flood([*head, 10, 11, 12]) == "a tab (here and on 2 more lines of this file, down to line 12)"
    assert _flood([*head, 10, 10, 10, 10]) == "a tab (here and 3 more times on this line)"
    assert _flood([*head, 5, 5, 5, 9]) == "a tab (here and 3 more times in this file, down to line 9)"


def test_a_name_with_nothing_to_make_one_of_gets_no_odd_example(tmp_path):
    from storybuild import problems_of

    scenes = 'a:\n  title: "A"\n  chapter: One\n  lines:\n    - show: {who: charlie, outfit: ".."}\n  ending: done\n'
    [problem] = problems_of(tmp_path, scenes)
    assert problem.message == "'..' is not a valid outfit name"
    assert "for example" not in problem.hint
    scenes = scenes.replace('".."', '"2nd Best"')
    [problem] = problems_of(tmp_path, scenes)
    assert problem.hint.endswith("(for example 'outfit_2nd_best')")


def test_a_storys_problems_list_the_manifests_first():
    from game import format_words, problems

    assert problems.MANIFEST_FILE == format_words.MANIFEST_NAME
    found = [
        Problem("story/scenes/a.yaml", 3, 1, "unknown variable 'coins'"),
        Problem("story/story.yaml", 9, 5, "'default' of variable 'coins' must be a whole number"),
        Problem("story/scenes/a.yaml", 1, 1, "x"),
    ]
    assert [(p.file, p.line) for p in sorted(found, key=Problem.sort_key)] == [
        ("story/story.yaml", 9),
        ("story/scenes/a.yaml", 1),
        ("story/scenes/a.yaml", 3),
    ]
