"""The format's semantics, played through the real playthrough API.

Every test that plays runs twice: once straight, and once with a save and reload after every event (as ink's
test suite does), which catches anything a save forgets.
"""

from __future__ import annotations

import json

import pytest
from storybuild import build, mini

from game.events import Choices, Ended, Line, SceneEntered, StageChange
from game.machine import ending_state
from game.playthrough import Playthrough, PlaythroughError


class Driver:
    """Plays a story, optionally reloading from a JSON round trip of the save after every event."""

    def __init__(self, story, roundtrip: bool, **kwargs) -> None:
        self.story = story
        self.roundtrip = roundtrip
        self.pt = Playthrough(story, **kwargs)
        self.events: list = []

    def _reload(self) -> None:
        data = json.loads(json.dumps(self.pt.save()))
        self.pt = Playthrough.from_save(self.story, data)
        while self.pt.restoring:
            self.pt.continue_()

    def run(self) -> list:
        """Play until the playthrough waits; return the events of this stretch."""
        stretch = []
        while self.pt.can_continue:
            event = self.pt.continue_()
            stretch.append(event)
            if self.roundtrip:
                self._reload()
        self.events += stretch
        return stretch

    def choose(self, text: str) -> None:
        menu = self.pt.current_choices
        assert menu is not None, "no menu"
        (option,) = [o for o in menu.options if o.text == text]
        self.pt.choose(option.index)

    def texts(self, events) -> list[str]:
        return [e.text for e in events if isinstance(e, Line)]

    def menu(self) -> list[tuple[str, bool, str | None]]:
        menu = self.pt.current_choices
        assert menu is not None
        return [(o.text, o.available, o.locked_reason) for o in menu.options]


@pytest.fixture(params=[False, True], ids=["straight", "roundtrip"])
def roundtrip(request) -> bool:
    return request.param


def test_scene_entry_then_beats_in_order(roundtrip):
    d = Driver(mini(), roundtrip)
    events = d.run()
    assert isinstance(events[0], SceneEntered)
    assert (events[0].scene, events[0].title, events[0].chapter) == ("kitchen", "The Kitchen", "Home")
    assert (events[0].background, events[0].music, events[0].new_chapter) == ("spring_kitchen", "everyday", True)
    kinds = [(e.kind, e.speaker) for e in events if isinstance(e, Line)]
    assert kinds == [
        ("narration", None),
        ("speech", "charlie"),
        ("speech", "nick"),
        ("thought", "charlie"),
        ("message", "nick"),
        ("narration", None),
    ]
    nick = next(e for e in events if isinstance(e, Line) and e.speaker == "nick")
    assert (nick.name, nick.color, nick.expression) == ("Nick", "#f4c542", "grin")
    stage = [(e.action, e.who, e.expression, e.at, e.asset) for e in events if isinstance(e, StageChange)]
    assert stage == [
        ("show", "charlie", "happy", "left", None),
        ("sound", None, None, None, "phone_buzz"),
        ("effect", None, None, None, "leaves"),
    ]
    assert isinstance(events[-1], Choices)


def test_if_else_and_visit_counts(roundtrip):
    d = Driver(mini(), roundtrip)
    assert d.texts(d.run())[-1] == "First time here."
    d.choose("Study")
    stretch = d.run()
    assert d.pt.visits["kitchen"] == 2 and d.pt.visits["desk"] == 1
    assert d.texts(stretch)[-1] == "Back again."


def test_add_clamps_and_goto_leaves_the_scene_at_once(roundtrip):
    d = Driver(mini(), roundtrip)
    d.run()
    d.choose("Study")  # +2 -> 4, then the desk adds 9, clamped to 5, and jumps home mid-scene
    stretch = d.run()
    assert d.pt.variables["grades"] == 5
    assert "Never shown." not in d.texts(stretch)
    assert [e.scene for e in stretch if isinstance(e, SceneEntered)] == ["desk", "kitchen"]


def test_locked_choices_are_shown_with_reason_and_cannot_be_taken(roundtrip):
    d = Driver(mini(), roundtrip)
    d.run()
    assert d.menu() == [("Study", True, None), ("Be brave", True, None), ("Ask Isaac", False, "Not enough study yet")]
    locked = d.pt.current_choices.options[2]
    assert locked.number == 3
    with pytest.raises(PlaythroughError):
        d.pt.choose(locked.index)
    hidden = next(c for c in d.story.scenes["kitchen"].choices if c.text == "Secret")
    with pytest.raises(PlaythroughError):
        d.pt.choose(hidden.index)


def test_once_choice_is_never_offered_again(roundtrip):
    d = Driver(mini(), roundtrip, given={"grades": 4})
    d.run()
    d.choose("Ask Isaac")  # sets room: isaac; the hall offers the once-choice "Wait"
    d.run()
    assert d.menu() == [("Wait", True, None)]
    d.choose("Wait")
    d.run()
    assert d.pt.variables["room"] == "isaac"
    # Wait was once: with nothing else to take, the fallback is taken by itself.
    assert d.pt.ended is not None and d.pt.ended.ending == "quiet"


def test_choice_applies_set_then_add_then_enters(roundtrip):
    story = build_set_then_add()
    d = Driver(story, roundtrip)
    d.run()
    d.choose("Go")
    d.run()
    assert d.pt.variables["grades"] == 4  # set to 3, then add 1


def build_set_then_add():
    import tempfile
    from pathlib import Path

    root = Path(tempfile.mkdtemp())
    return build(
        root,
        """\
        a:
          title: "A"
          chapter: One
          choices:
            - text: "Go"
              goto: b
              set: {grades: 3}
              add: {grades: 1}
        b:
          title: "B"
          chapter: One
          ending: done
        """,
    )


def test_next_and_ending(roundtrip):
    d = Driver(mini(), roundtrip)
    d.run()
    d.choose("Be brave")
    d.run()
    assert d.menu() == [("Go home", True, None)]
    d.choose("Go home")
    stretch = d.run()
    assert isinstance(stretch[-1], Ended) and stretch[-1].ending == "good" and stretch[-1].title == "Good"
    assert not d.pt.can_continue
    with pytest.raises(PlaythroughError):
        d.pt.continue_()


def test_chapter_changes_are_flagged(roundtrip):
    d = Driver(mini(), roundtrip)
    d.run()
    d.choose("Be brave")
    entered = [e for e in d.run() if isinstance(e, SceneEntered)]
    assert entered[0].chapter == "School" and entered[0].new_chapter


def test_roundtrip_gives_the_same_events_as_straight_play():
    def play(roundtrip: bool) -> list:
        d = Driver(mini(), roundtrip, given={"grades": 4})
        d.run()
        for text in ("Study", "Be brave"):
            d.choose(text)
            d.run()
        d.choose("Go home")
        d.run()
        return d.events

    assert play(False) == play(True)


def test_given_and_start_are_checked():
    story = mini()
    with pytest.raises(PlaythroughError, match="not a variable"):
        Playthrough(story, given={"nope": 1})
    with pytest.raises(PlaythroughError, match="from 0 to 5"):
        Playthrough(story, given={"grades": 9})
    with pytest.raises(PlaythroughError, match="no scene 'nowhere'"):
        Playthrough(story, start="nowhere")
    pt = Playthrough(story, start="hall", given={"brave": True})
    assert pt.scene == "hall" and pt.visits == {"hall": 1}


def test_seen_lines_are_recorded_by_stable_beat_ids():
    story = mini()
    pt = Playthrough(story)
    while pt.can_continue:
        pt.continue_()
    assert len(pt.seen) == 6
    assert all(beat_id.startswith("kitchen.") for beat_id in pt.seen)
    assert Playthrough(mini()).save()["seen"] == []


def test_save_at_a_menu_restores_the_menu_and_the_stage():
    story = mini()
    pt = Playthrough(story)
    while pt.can_continue:
        pt.continue_()
    restored = Playthrough.from_save(story, json.loads(json.dumps(pt.save())))
    replay = []
    while restored.can_continue:
        replay.append(restored.continue_())
    assert isinstance(replay[0], SceneEntered) and replay[0].background == "spring_kitchen"
    assert StageChange("show", "charlie", "happy", "left") in replay
    assert restored.current_choices == pt.current_choices


def test_the_machine_is_one_transitions_machine_with_generic_triggers():
    story = mini()
    machine = story.machine.machine
    assert machine.auto_transitions is False
    assert set(story.scenes) <= set(machine.states)
    assert ending_state("good") in machine.states
    assert {"choose_0", "choose_1", "choose_2", "choose_3", "next", "fallback", "finish", "goto_0"} == set(
        machine.events
    )
