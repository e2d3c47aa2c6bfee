"""The second story, examples/lamplight: an original short piece that uses the format's newer constructs. It must
load, lint clean, have every ending reachable and every scene and choice used, and pass its playthroughs (also with
a save and reload after every event)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring.lint import lint_story
from game.inline_text import Pick, Shown, Variety, walk_parts
from game.loader import load_story
from game.model import EffectBeat, TextBeat
from game.scripts import load_playthrough_file, run_script
from game.summary import iter_beats
from game.tester.checks import build_report
from game.tester.explore import explore

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "lamplight"


@pytest.fixture(scope="module")
def story():
    return load_story(EXAMPLE)


def test_it_lints_clean_and_every_ending_is_reachable(story):
    assert [p for p in lint_story(story).problems] == []
    exploration = explore(story)
    report = build_report(exploration)
    assert not exploration.partial
    assert set(exploration.endings_at.values()) == set(story.endings) and len(story.endings) >= 3
    assert not report.unreachable_scenes and not report.soft_locks and not report.invariant_violations
    authored = [scene for scene in story.scenes.values() if scene.part_of is None]
    assert 15 <= len(authored) <= 30


@pytest.mark.parametrize("path", sorted((EXAMPLE / "playthroughs").glob("*.yaml")), ids=lambda p: p.stem)
@pytest.mark.parametrize("roundtrip", [False, True])
def test_its_playthroughs_pass(story, path, roundtrip):
    result = run_script(load_playthrough_file(path, story), story, roundtrip=roundtrip)
    assert result.passed, result.failure


def test_it_shows_every_new_construct(story):
    beats = [beat for scene in story.scenes.values() for beat in iter_beats(scene.beats)]
    parts = [
        part for beat in beats if isinstance(beat, TextBeat) and beat.inline for part in walk_parts(beat.inline.parts)
    ]
    assert any(isinstance(part, Shown) for part in parts) and any(isinstance(part, Pick) for part in parts)
    assert {part.kind for part in parts if isinstance(part, Variety)} == {"stopping", "cycle", "once", "shuffle"}
    assert any(isinstance(beat, TextBeat) and beat.extends for beat in beats)
    changes = [change for beat in beats if isinstance(beat, EffectBeat) for change in beat.changes]
    changes += [c for scene in story.scenes.values() for choice in scene.choices for c in (*choice.sets, *choice.adds)]
    assert any(change.expression is not None for change in changes)
    assert story.constants and any(scene.part_of for scene in story.scenes.values())
    assert any(variable.labels for variable in story.variables.values())
    assert len(story.playthrough_files) >= 3
