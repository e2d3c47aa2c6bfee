"""Self-voicing: speak text through the system's speech synthesiser, without ever holding up a frame.

One small interface, `Voice`, with a backend per system: espeak-ng (or espeak, or speech-dispatcher's `spd-say`) on
Linux, `say` on macOS and the SAPI synthesiser through PowerShell on Windows, each run as a child process that is
stopped when the next line comes. `WavVoice` writes each utterance to a numbered WAV file instead (espeak-ng `-w`),
for tests and for checking what a player would hear. A `Speaker` owns a voice and drives it from a worker thread,
so starting or stopping a synthesiser never costs the game loop more than putting a string in a queue. When no
synthesiser is found, `pick_voice` says why, and the settings screen shows it. The system is searched, and the
process and thread machinery imported, only when speech is first wanted, so a player who never turns self-voicing
on pays nothing for it at start-up.

Text reaches a synthesiser on its standard input, never on its command line, so nothing in a story can become an
option to it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import subprocess
    import threading
    from collections.abc import Callable

log = logging.getLogger(__name__)

VOICE_ENV = "HEARTSTOPPER_VOICE"  # a backend name to use, or "none" for no speech
STOP_WAIT = 1.0  # seconds to wait for a stopped synthesiser to go


class Voice(Protocol):
    """A speech synthesiser. `start` returns as soon as speaking has begun, cutting off what was being said."""

    name: str

    def start(self, text: str) -> None: ...

    def stop(self) -> None: ...


class ProcessVoice:
    """A synthesiser run as one child process per utterance, text on its standard input."""

    def __init__(self, name: str, argv: list[str], *, cancel: list[str] | None = None) -> None:
        self.name = name
        self.argv = argv
        self.cancel = cancel  # a command that silences a synthesiser that outlives its process (spd-say)
        self._process: subprocess.Popen[bytes] | None = None

    def start(self, text: str) -> None:
        import subprocess

        self.stop()
        try:
            process = subprocess.Popen(
                self.argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                creationflags=_no_window(),
            )
        except OSError as err:
            log.warning("cannot start %s: %s", self.name, err)
            return
        self._process = process
        try:
            assert process.stdin is not None
            process.stdin.write(text.encode("utf-8", "replace"))
            process.stdin.close()
        except OSError:  # it died at once; the next line tries again
            pass

    def stop(self) -> None:
        import subprocess

        process, self._process = self._process, None
        if self.cancel is not None:
            _run_quietly(self.cancel)
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(STOP_WAIT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class WavVoice:
    """Writes every utterance, in order, to `folder/0001.wav`, `0002.wav` ... with espeak-ng; `spoken` lists them."""

    folder: Path
    program: str = "espeak-ng"
    name: str = "espeak-ng (to WAV files)"
    spoken: list[tuple[str, Path]] = field(default_factory=list)

    def start(self, text: str) -> None:
        import subprocess

        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{len(self.spoken) + 1:04d}.wav"
        subprocess.run(
            [self.program, "--stdin", "-w", str(path)],
            input=text.encode("utf-8", "replace"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        self.spoken.append((text, path))

    def stop(self) -> None:
        """Each file is written whole: there is nothing to cut off."""


@dataclass(frozen=True, slots=True)
class Choice:
    """What `pick_voice` found: a voice, or None and the reason, for the settings screen."""

    voice: Voice | None
    problem: str = ""


def pick_voice(platform: str | None = None, env: Mapping[str, str] | None = None) -> Choice:
    """The system's synthesiser (or the one `HEARTSTOPPER_VOICE` names, "none" for none)."""
    platform = sys.platform if platform is None else platform
    env = os.environ if env is None else env
    backends = _backends(platform)
    wanted = env.get(VOICE_ENV, "").strip().lower()
    if wanted == "none":
        return Choice(None, f"Speech is turned off ({VOICE_ENV}=none).")
    if wanted:
        backends = [b for b in backends if b[0] == wanted]
        if not backends:
            return Choice(None, f"{VOICE_ENV}={wanted} is not a speech synthesiser this game knows on this system.")
    for _name, program, make in backends:
        path = shutil.which(program)
        if path is not None:
            return Choice(make(path))
    if platform.startswith("linux"):
        hint = "No speech synthesiser found: install espeak-ng (sudo apt install espeak-ng) to hear the game."
    elif platform == "darwin":
        hint = "No speech synthesiser found: the 'say' command is missing."
    elif platform.startswith("win"):
        hint = "No speech synthesiser found: Windows PowerShell is needed for speech."
    else:
        hint = "No speech synthesiser found: install espeak-ng to hear the game."
    return Choice(None, hint)


def _backends(platform: str) -> list[tuple[str, str, Callable[[str], Voice]]]:
    def espeak(program: str) -> Callable[[str], Voice]:
        return lambda path: ProcessVoice(program, [path, "--stdin"])

    linux = [
        ("espeak-ng", "espeak-ng", espeak("espeak-ng")),
        ("espeak", "espeak", espeak("espeak")),
        ("spd-say", "spd-say", lambda path: ProcessVoice("spd-say", [path, "--wait", "-e"], cancel=[path, "-C"])),
    ]
    if platform == "darwin":
        return [("say", "say", lambda path: ProcessVoice("say", [path])), *linux]
    if platform.startswith("win"):
        script = (
            "[Console]::InputEncoding = [Text.Encoding]::UTF8; "
            "Add-Type -AssemblyName System.Speech; "
            "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer; "
            "$s.Speak([Console]::In.ReadToEnd())"
        )
        return [("sapi", "powershell", lambda path: ProcessVoice("sapi", [path, "-NoProfile", "-Command", script]))]
    return linux


class Speaker:
    """Speaks through a voice on a worker thread. `say` never waits: the newest line replaces any not yet begun
    and cuts off the one being spoken. With `keep_all` (recording) every line is spoken, in order."""

    def __init__(
        self,
        voice: Voice | None = None,
        *,
        problem: str = "",
        keep_all: bool = False,
        find: Callable[[], Choice] | None = None,
    ) -> None:
        self._voice = voice
        self._problem = problem if voice is None else ""
        self._find = find  # looks for the system's synthesiser the first time one is wanted
        self.keep_all = keep_all
        self._queue: deque[str | None] = deque()
        self._ready: threading.Condition | None = None
        self._thread: threading.Thread | None = None
        self._busy = False

    @classmethod
    def for_system(cls) -> Speaker:
        return cls(find=pick_voice)

    def _found(self) -> None:
        if self._find is not None:
            choice, self._find = self._find(), None
            self._voice, self._problem = choice.voice, choice.problem

    @property
    def voice(self) -> Voice | None:
        self._found()
        return self._voice

    @property
    def problem(self) -> str:
        self._found()
        return self._problem

    @property
    def available(self) -> bool:
        return self.voice is not None

    def say(self, text: str) -> None:
        text = " ".join(text.split())
        if self.voice is None or not text:
            return
        if self._ready is None:
            import threading

            self._ready = threading.Condition()
        with self._ready:
            if not self.keep_all:
                self._queue.clear()
            self._queue.append(text)
            self._ready.notify()
        if self._thread is None:
            import threading

            self._thread = threading.Thread(target=self._work, args=(self._ready,), name="speech", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Silence: drop what is waiting and cut off what is being said."""
        if self._ready is None:
            return
        with self._ready:
            self._queue.clear()
            self._queue.append("")
            self._ready.notify()

    def wait(self) -> None:
        """Until everything asked for has been handed to the voice (tests and recordings)."""
        if self._ready is None:
            return
        with self._ready:
            self._ready.wait_for(lambda: not self._queue and not self._busy)

    def close(self) -> None:
        """Stop speaking and end the worker."""
        if self._thread is None or self._ready is None:
            return
        with self._ready:
            self._queue.clear()
            self._queue.append(None)
            self._ready.notify()
        self._thread.join(STOP_WAIT * 3)
        self._thread = None

    def _work(self, ready: threading.Condition) -> None:
        voice = self.voice
        assert voice is not None
        while True:
            with ready:
                ready.wait_for(lambda: bool(self._queue))
                text = self._queue.popleft()
                self._busy = True
            try:
                if text is None:
                    voice.stop()
                    return
                if text:
                    voice.start(text)
                else:
                    voice.stop()
            except Exception as err:  # a broken synthesiser must never take the game down
                log.warning("speech failed: %s", err)
            finally:
                with ready:
                    self._busy = False
                    ready.notify_all()


def _run_quietly(argv: list[str]) -> None:
    import subprocess

    with contextlib.suppress(OSError, subprocess.TimeoutExpired):
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=STOP_WAIT, check=False)


def _no_window() -> int:
    """The process creation flags that, on Windows, keep a console window from flashing up for each line (none
    elsewhere: 0 is Popen's own default)."""
    import subprocess

    flag: int = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    return flag
