"""A scene may leave out its chapter: it takes the chapter of the scene above it in its file, or none."""

from __future__ import annotations

from storybuild import build

from game.playthrough import Playthrough


def test_chapter_is_optional_and_carries_down_its_file(tmp_path):
    scenes = """\
    a:
      title: A
      next: b
    b:
      title: B
      chapter: Two
      next: c
    c:
      title: C
      ending: done
    """
    story = build(tmp_path, scenes)
    assert [story.scenes[s].chapter for s in "abc"] == ["", "Two", "Two"]
    assert [chapter.name for chapter in story.chapters] == ["Two"]
    playthrough = Playthrough(story, seed=0)
    entered = []
    while playthrough.can_continue:
        event = playthrough.continue_()
        if hasattr(event, "new_chapter"):
            entered.append((event.scene, event.new_chapter))
    assert entered == [("a", False), ("b", True), ("c", False)]
