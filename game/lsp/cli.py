"""`heartstopper lsp`: run the language server on standard input and output, for an editor to start.

It needs pygls, the optional extra `lsp` (`pip install 'heartstopper-season-two[lsp]'`); without it the command says
so and exits 2. Editors start it themselves (docs/EDITOR.md); typing into it by hand is not useful. Each file the
editor opens belongs to the story folder above it; `--story DIR` also checks that story as soon as the editor
connects, so its problems are listed before any of its files is opened.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from pathlib import Path
from typing import BinaryIO, cast

from game.exitcodes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from game.terminal_text import escape_for_terminal


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--stdio",
        action="store_true",
        help="speak the protocol on standard input and output (the default and only way)",
    )


_TRACEBACK = re.compile(r"(?:Exception Group )?Traceback \(most recent call last\):")
_DECOR = re.compile(r"^[\s|+-]+")  # an exception group's frame around its lines
_ERROR_LINE = re.compile(r"^[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Group)\b")


class _OneLine(logging.Formatter):
    """pygls' log records, one line each on standard error (the editor's log of the server): what went wrong, and
    the error's kind and message, never a traceback (a malformed message from the editor is its mistake, not ours,
    and the server goes on)."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        said, *tracebacks = _TRACEBACK.split(message, maxsplit=1)
        said = said.rstrip().rstrip("+| ").strip()  # and an exception group's frame before its traceback
        text = f"heartstopper lsp: {said}"
        error = record.exc_info[1] if record.exc_info else None
        if error is not None:
            text += f" ({type(error).__name__}: {error})"
        elif tracebacks:  # a traceback written into the message: only the error it ends with
            lines = [_DECOR.sub("", line).strip() for line in tracebacks[0].splitlines()]
            errors = [line for line in lines if _ERROR_LINE.match(line)] or [line for line in lines if line]
            if errors:
                text += f" ({errors[-1]})"
        return escape_for_terminal(" ".join(text.split()))  # the editor's own words may be in it


def _said_already(record: logging.LogRecord) -> bool:
    """pygls logs a message it cannot read twice: once where it fails to read it (with the reason), and again when
    the error it raises then reaches its reading loop. The second says nothing new."""
    from pygls.exceptions import JsonRpcException  # installed: the server runs

    error = record.exc_info[1] if record.exc_info else None
    return isinstance(error, JsonRpcException) and error.__cause__ is not None


def _log_in_one_line() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    handler.addFilter(lambda record: not _said_already(record))
    pygls_log = logging.getLogger("pygls")
    pygls_log.addHandler(handler)
    pygls_log.setLevel(logging.WARNING)
    pygls_log.propagate = False


def run(args: argparse.Namespace) -> int:
    try:
        from game.lsp.server import server
    except ImportError as error:
        print(
            f"heartstopper lsp: the language server needs pygls ({error}); "
            "install it with: pip install 'heartstopper-season-two[lsp]'",
            file=sys.stderr,
        )
        return EXIT_USAGE
    _log_in_one_line()
    if args.story is not None:
        server.first_story = Path(os.path.abspath(args.story))  # as given: a link's name is the editor's too
    # The protocol owns standard output: it writes to the real stream, and a stray print goes nowhere instead of
    # breaking the protocol.
    real_out = sys.__stdout__
    assert real_out is not None  # an editor starts the server with its standard streams
    protocol_out = cast(BinaryIO, real_out.buffer)
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - the command's runner restores stdout
    server.start_io(sys.stdin.buffer, protocol_out)
    return EXIT_FAILED if server.exited_early else EXIT_OK
