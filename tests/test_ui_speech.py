"""Self-voicing: the speech backends, the worker that keeps speech off the game loop, and a whole playthrough
spoken through espeak-ng into WAV files (skipped where espeak-ng is not installed), checked for order and sound."""

from __future__ import annotations

import math
import shutil
import sys
import threading
import wave
from array import array
from pathlib import Path

import pygame
import pytest

from game.events import Choices, Line
from game.loader import load_story
from game.ui.driver import Driver
from game.ui.phone import PLAYER
from game.ui.screens.ending import EndingScreen
from game.ui.screens.game import GameScreen
from game.ui.speech import ProcessVoice, Speaker, WavVoice, pick_voice
from game.ui.spoken import line_words

STORY = Path(__file__).parent / "fixtures" / "ui_story"
ESPEAK = shutil.which("espeak-ng")


class Recorder:
    """A voice that remembers what it was asked, and can be held up to show `say` never waits for it."""

    name = "recorder"

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.gate = threading.Event()
        self.gate.set()

    def start(self, text: str) -> None:
        self.gate.wait(5)
        self.calls.append(text)

    def stop(self) -> None:
        self.calls.append("<stop>")


def test_say_returns_at_once_and_the_newest_line_replaces_those_not_yet_spoken() -> None:
    voice = Recorder()
    speaker = Speaker(voice)
    voice.gate.clear()  # the synthesiser is stuck on the first line
    speaker.say("first line")
    speaker.say("second line")  # still waiting: replaced by the third before it is begun
    speaker.say("third line")
    assert voice.calls == []  # the game loop went on while nothing was spoken
    voice.gate.set()
    speaker.wait()
    speaker.close()
    spoken = [c for c in voice.calls if c != "<stop>"]
    assert spoken[-1] == "third line"
    assert "second line" not in spoken


def test_a_recording_speaker_keeps_every_line_in_order() -> None:
    voice = Recorder()
    speaker = Speaker(voice, keep_all=True)
    for i in range(5):
        speaker.say(f"line {i}")
    speaker.wait()
    speaker.close()
    assert [c for c in voice.calls if c != "<stop>"] == [f"line {i}" for i in range(5)]


def test_a_new_line_cuts_off_the_synthesiser_still_speaking_the_last(tmp_path: Path) -> None:
    program = [sys.executable, "-c", "import sys, time; sys.stdin.read(); time.sleep(60)"]
    voice = ProcessVoice("slow", program)
    voice.start("a long speech")
    first = voice._process
    assert first is not None and first.poll() is None
    voice.start("the next line")
    assert first.poll() is not None  # the first was stopped
    second = voice._process
    voice.stop()
    assert second is not None and second.poll() is not None


def test_no_synthesiser_is_a_clear_notice_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    choice = pick_voice("linux", {})
    assert choice.voice is None and "espeak-ng" in choice.problem
    assert pick_voice("linux", {"HEARTSTOPPER_VOICE": "none"}).voice is None
    speaker = Speaker(choice.voice, problem=choice.problem)
    speaker.say("nobody hears this")  # nothing happens, nothing breaks
    assert not speaker.available


def test_v_without_a_synthesiser_says_why_and_the_settings_show_it(tmp_path: Path) -> None:
    from game.ui.screens.settings import SettingsScreen

    ui = Driver(load_story(STORY), tmp_path, speaker=Speaker(None, problem="No speech synthesiser found: test"))
    try:
        ui.press(pygame.K_v)
        assert not ui.app.settings.self_voicing
        assert any("No speech synthesiser" in t.text for t in ui.app.toasts)
        ui.press(pygame.K_a, mod=pygame.KMOD_SHIFT)
        screen = ui.top
        assert isinstance(screen, SettingsScreen) and screen.page == "accessibility"
        assert "No speech synthesiser found: test" in screen.notices()
        ui.frame()
    finally:
        ui.close()


def rms(path: Path) -> tuple[float, float]:
    """(root mean square of the samples as a share of full scale, seconds) of a 16-bit WAV file."""
    with wave.open(str(path)) as wav:
        assert wav.getsampwidth() == 2
        frames = wav.readframes(wav.getnframes())
        seconds = wav.getnframes() / wav.getframerate()
    samples = array("h", frames)
    if sys.byteorder == "big":
        samples.byteswap()
    if not samples:
        return 0.0, seconds
    return math.sqrt(sum(s * s for s in samples) / len(samples)) / 32768, seconds


@pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed (apt-get install espeak-ng)")
def test_a_scripted_playthrough_speaks_every_line_in_order_and_is_heard(tmp_path: Path) -> None:
    voice = WavVoice(tmp_path / "speech")
    speaker = Speaker(voice, keep_all=True)
    ui = Driver(load_story(STORY), tmp_path / "data", speaker=speaker)
    expected: list[str] = []
    try:
        ui.press(pygame.K_v)  # self-voicing on: the title is read with its focused button
        assert ui.app.settings.self_voicing
        ui.press(pygame.K_RETURN)  # New game: the content note
        ui.press(pygame.K_RETURN)  # Begin
        game = ui.top
        assert isinstance(game, GameScreen)
        for _ in range(40):
            beat = game.session.beat
            if isinstance(beat, Line) and (not expected or expected[-1] != line_words(beat, player=PLAYER)):
                expected.append(line_words(beat, player=PLAYER))
            if isinstance(beat, Choices):
                break
            ui.press(pygame.K_SPACE, wait=0.1)
        ui.press(pygame.K_DOWN)  # the focus moves onto the first choice: read
        ui.press(pygame.K_RETURN, wait=0.5)
        for _ in range(10):
            beat = game.session.beat
            if isinstance(ui.top, EndingScreen):
                break
            if isinstance(beat, Line) and expected[-1] != line_words(beat, player=PLAYER):
                expected.append(line_words(beat, player=PLAYER))
            ui.press(pygame.K_SPACE, wait=0.2)
        assert isinstance(ui.top, EndingScreen)
        ui.step()
        speaker.wait()
    finally:
        ui.close()
    said = [text for text, _ in voice.spoken]
    assert said[0].startswith("Self-voicing on. UI Test: A Walk. Main menu. New game")
    assert any(s.startswith("Choose one of 3. 1. Go for a walk.") for s in said)
    assert "1. Go for a walk" in said
    assert any("The End" in s and "Together" in s for s in said)
    # every line, in the order it was shown, each in an utterance of its own (the first after the chapter's name)
    positions = []
    for words in expected:
        hits = [i for i, s in enumerate(said) if s.endswith(words)]
        assert hits, f"never spoken: {words!r}"
        positions.append(hits[0])
    assert positions == sorted(positions) and len(set(positions)) == len(positions)
    assert "Nick: Hi! I brought biscuits and a plan." in expected
    assert "Charlie, thinking: He always has a plan." in expected
    assert "Message from Nick: Also I texted you, in case you missed it." in expected
    # and every one of them is heard: real sound, long enough for its words
    for words, position in zip(expected, positions):
        level, seconds = rms(voice.spoken[position][1])
        assert level > 0.02, f"silent: {words!r} (RMS {level:.4f})"
        assert seconds > 0.04 * len(words.split()), f"too short for its words: {words!r}"


@pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed (apt-get install espeak-ng)")
def test_linux_speaks_through_espeak_ng_when_it_is_there() -> None:
    choice = pick_voice("linux", {})
    assert isinstance(choice.voice, ProcessVoice) and choice.voice.name == "espeak-ng" and not choice.problem
    assert choice.voice.argv[1:] == ["--stdin"]  # the text goes in on standard input, never as an argument


def test_the_system_is_searched_only_when_speech_is_first_wanted(tmp_path: Path) -> None:
    from game.ui.speech import Choice

    looked: list[int] = []

    def find() -> Choice:
        looked.append(1)
        return Choice(None, "none here")

    speaker = Speaker(find=find)
    ui = Driver(load_story(STORY), tmp_path, speaker=speaker)
    try:
        ui.press(pygame.K_RETURN)  # a game starts with self-voicing off: nobody asked for a voice
        assert looked == []
        ui.press(pygame.K_v)
        assert looked == [1] and speaker.problem == "none here" and not ui.app.settings.self_voicing
        assert not speaker.available and looked == [1]
    finally:
        ui.close()


def test_toggles_and_notices_are_spoken_too(tmp_path: Path) -> None:
    voice = Recorder()
    speaker = Speaker(voice, keep_all=True)
    ui = Driver(load_story(STORY), tmp_path, speaker=speaker)
    try:
        ui.app.settings.self_voicing = True
        ui.press(pygame.K_RETURN)
        ui.press(pygame.K_RETURN)
        ui.wait(3.0)
        ui.press(pygame.K_a)  # auto-advance
        ui.press(pygame.K_a)
        ui.press(pygame.K_F9)  # no quick save yet: a notice, read out
        ui.press(pygame.K_v)  # and off
        speaker.wait()
    finally:
        ui.close()
    said = [c for c in voice.calls if c != "<stop>"]
    assert said[-4:] == ["Auto-advance on", "Auto-advance off", "There is no quick save yet", "Self-voicing off."]
