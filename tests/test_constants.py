"""Named constants from the manifest: read in conditions, effects and text as if their values were written there."""

from __future__ import annotations

from storybuild import MANIFEST, build, problems_of

from game.events import Line
from game.playthrough import Playthrough
from game.tester.explore import explore

WITH_CONSTANTS = MANIFEST.replace("endings:", "constants: {max_days: 4, strict: true}\nendings:")


def test_constants_read_as_their_values(tmp_path):
    scenes = """\
    a:
      title: A
      chapter: One
      lines:
        - set: {grades: "max_days - 1"}
        - if: "strict and grades == max_days - 1"
          then: [{narrate: "Only {max_days} days, {grades} left."}]
      ending: done
    """
    story = build(tmp_path, scenes, manifest=WITH_CONSTANTS)
    assert story.constants == {"max_days": 4, "strict": True}
    playthrough = Playthrough(story, seed=0)
    lines = []
    while playthrough.can_continue:
        event = playthrough.continue_()
        if isinstance(event, Line):
            lines.append(event.text)
    assert lines == ["Only 4 days, 3 left."]
    exploration = explore(story)
    assert "max_days" not in exploration.variable_names  # a constant is no part of the state


def test_bad_constants_are_reported(tmp_path):
    manifest = MANIFEST.replace("endings:", 'constants: {grades: 1, not: 2, soon: "x"}\nendings:')
    messages = [p.message for p in problems_of(tmp_path, manifest=manifest)]
    assert any("'grades' cannot be a constant name: it is a variable" in m for m in messages)
    assert any("'not' cannot be a constant name" in m for m in messages)
    assert any("'soon' must be a whole number or true/false" in m for m in messages)
    assert len(messages) == 3
