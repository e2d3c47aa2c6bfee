"""Standard input and output that the terminal player can always use, whatever the locale, the terminal or the pipe.

A player's input may hold bytes that are not valid in the locale's encoding (a pasted file, a terminal set to
Latin-1 under a UTF-8 locale), a single line of megabytes, or no line ending at all; the output may be a terminal
or a pipe that can only encode ASCII (`LANG=C`, `PYTHONIOENCODING=ascii`). None of these may end the game in a
traceback: undecodable bytes become U+FFFD, an overlong line is cut (the rest of it is read and dropped), and
characters the output cannot encode are spelled in plain ASCII ("—" as "--", "é" as "e", "★" as "*"), or as "?"
when there is no spelling.
"""

from __future__ import annotations

import codecs
import contextlib
import os
from collections.abc import Callable
from typing import TextIO

MAX_LINE_CHARS = 4096  # far more than any answer or command the player types
ERRORS = "heartstopper-plain"

# Characters the story and the player use, in ASCII, for outputs that cannot encode them. Letters with accents
# need no entry: they are decomposed and their marks dropped.
_PLAIN = {
    "\u2500": "-",  # ─ box drawing, the chapter rule
    "\u2014": "--",
    "\u2013": "-",
    "\u2012": "-",
    "\u2010": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": "<<",
    "\u00bb": ">>",
    "\u2039": "<",
    "\u203a": ">",
    "\u2026": "...",
    "\u2022": "*",
    "\u00b7": "-",
    "\u2605": "*",  # ★ an ending
    "\u2606": "*",
    "\u2665": "<3",  # ♥
    "\u2764": "<3",
    "\u2192": "->",
    "\u2190": "<-",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u00d7": "x",
    "\u00df": "ss",
    "\u00e6": "ae",
    "\u00c6": "AE",
    "\u0153": "oe",
    "\u0152": "OE",
    "\u00f8": "o",
    "\u00d8": "O",
    "\ufffd": "?",
}


def _spell_plainly(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: each character the output cannot encode, in ASCII."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    import unicodedata

    spelled = []
    for char in error.object[error.start : error.end]:
        plain = _PLAIN.get(char)
        if plain is None:
            decomposed = unicodedata.normalize("NFKD", char)
            plain = "".join(c for c in decomposed if c.isascii() and not unicodedata.combining(c)) or "?"
        spelled.append(plain)
    return "".join(spelled), error.end


codecs.register_error(ERRORS, _spell_plainly)


def plain_output(stream: TextIO) -> TextIO:
    """Make `stream` spell what its encoding lacks in ASCII instead of raising (when it can be reconfigured)."""
    with contextlib.suppress(AttributeError, ValueError, OSError):
        stream.reconfigure(errors=ERRORS)  # type: ignore[attr-defined]
    return stream


def line_reader(stream: TextIO, limit: int = MAX_LINE_CHARS) -> Callable[[], str]:
    """A function that reads one line ("" at the end of input), never failing on bytes or length.

    Undecodable bytes become U+FFFD. A line longer than `limit` is cut to its first `limit` characters and the
    rest of it is read and dropped, so it is one answer, not many.
    """
    with contextlib.suppress(AttributeError, ValueError, OSError):
        stream.reconfigure(errors="replace")  # type: ignore[attr-defined]

    def read_part() -> str:
        try:
            return stream.readline(limit)
        except UnicodeDecodeError:  # a stream that could not be told to replace bad bytes
            return "\ufffd\n"
        except (OSError, ValueError):  # the terminal hung up, or the stream was closed: the input has ended
            return ""

    def read_line() -> str:
        line = read_part()
        if len(line) >= limit and not line.endswith("\n"):
            rest = read_part()
            while rest and not rest.endswith("\n"):
                rest = read_part()
        return line

    return read_line


def discard_output(stream: TextIO) -> None:
    """After a write to `stream` failed: send what is still buffered, and all later output, nowhere.

    Python flushes standard output once more as it exits; without this, that flush fails again and prints its own
    "Exception ignored" message after ours.
    """
    with contextlib.suppress(AttributeError, ValueError, OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)


class OutputError(OSError):
    """Standard output cannot be written (a full disk, a closed terminal): not a bug, and not a file of ours."""


class WatchedOutput:
    """Standard output whose write failures are `OutputError`s, told apart from every other OSError.

    Everything but writing and flushing is the wrapped stream's own (isatty, encoding, reconfigure, buffer ...).
    A reader that goes away (`| head`) is still a BrokenPipeError.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(error.errno, error.strerror or str(error)) from error

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(error.errno, error.strerror or str(error)) from error

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)
