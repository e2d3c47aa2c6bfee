"""The exit codes of every `heartstopper` command, in one place so scripts and CI can rely on them.

The README and `heartstopper --help` list the same codes (a test holds them to this module).
"""

from __future__ import annotations

EXIT_OK = 0  # all well: the checks pass, the game or the terminal player ended normally (an ending, or quit)
EXIT_FAILED = 1  # a check failed: the story has problems, a test or playthrough failed, the story got stuck
EXIT_USAGE = 2  # bad usage: a bad option, a file named on the command line or stdout that cannot be read or written
EXIT_NO_DISPLAY = 3  # the game window cannot open here (no display); `heartstopper play --text` plays in the terminal
EXIT_INPUT_ENDED = 4  # the terminal player's input ran out before the story ended, with the place not saved
EXIT_INTERRUPTED = 130  # stopped with Ctrl+C

DESCRIPTIONS = {
    EXIT_OK: "all well (a check passed; the game or the terminal player ended or was quit)",
    EXIT_FAILED: "a check failed (story problems, a failing test or playthrough)",
    EXIT_USAGE: "bad usage (a bad option; a file or folder named on the command line, or standard output, that "
    "cannot be read or written)",
    EXIT_NO_DISPLAY: "no display for the game window (heartstopper play --text plays in the terminal)",
    EXIT_INPUT_ENDED: "the terminal player's input ran out mid-game, with the place not saved",
    EXIT_INTERRUPTED: "stopped with Ctrl+C",
}


def exit_codes_help(width: int = 79) -> str:
    """The exit codes as lines for `--help`, wrapped to `width`."""
    import textwrap

    rows = [
        textwrap.fill(text, width, initial_indent=f"  {code:<4} ", subsequent_indent=" " * 7)
        for code, text in DESCRIPTIONS.items()
    ]
    return "exit codes:\n" + "\n".join(rows)
