"""Lint noise met porting another story: menu-only scenes are not empty (HS022), `once` in a menu seen once is said
once per menu (HS017), and a broken invariant's witness file carries the invariant's own number."""

from __future__ import annotations

from storybuild import MANIFEST, build

from game.authoring.lint import lint_story
from game.tester.checks import build_report
from game.tester.explore import explore
from game.tester.witnesses import write_witnesses


def test_a_menu_only_scene_is_not_empty_and_once_is_said_once_per_menu(tmp_path):
    scenes = """\
    a:
      title: A
      chapter: One
      choices:
        - {text: "One", goto: b, once: true}
        - {text: "Two", goto: b, once: true}
        - {text: "Three", goto: b, once: true}
    b:
      title: B
      chapter: One
      next: c
    c:
      title: C
      chapter: One
      lines: [{narrate: "The end."}]
      ending: done
    """
    problems = lint_story(build(tmp_path, scenes)).problems
    empty = [p for p in problems if p.code == "HS022"]
    assert [p.message for p in empty] == ["the scene 'b' has nothing to read"]
    (once,) = [p for p in problems if p.code == "HS017"]
    assert "(and on 2 more of its choices)" in once.message and once.line == 5


def test_witness_files_are_numbered_by_invariant(tmp_path):
    manifest = MANIFEST.replace("endings:", 'invariants:\n  - "grades >= 0"\n  - "not brave"\nendings:')
    scenes = """\
    a:
      title: A
      chapter: One
      lines: [{set: {brave: true}}, {narrate: "Bold."}]
      ending: done
    """
    story = build(tmp_path, scenes, manifest=manifest)
    exploration = explore(story)
    written = write_witnesses(exploration, build_report(exploration), tmp_path / "witnesses")
    names = sorted(path.name for path in (tmp_path / "witnesses").iterdir())
    assert "invariant-2-a.yaml" in names and written
