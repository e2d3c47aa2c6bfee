"""Places to write that are named on the command line (`--out`, `--junit`, `--witnesses`, `-o`), checked up front.

Every command that writes files checks where before it starts its work, so a mistyped path costs a message, not a
long exploration followed by a traceback; and every command says it the same way, with the same exit code (2, bad
usage, see `game.exitcodes`). `ready_file` and `ready_folder` are that check: they make the folder if need be and
write (and remove) a scratch file in it, the one test that holds for root, whom permission bits do not stop, and for
places no one can write (`/proc`, a read-only mount). A write that still fails later (a full disk) is reported with
`cannot_write`.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def file_problem(path: Path) -> str | None:
    """Why a file cannot be written at `path` (its folder is made if need be), or None when it looks writable."""
    if path.is_dir():
        return f"'{path}' is a folder, not a file"
    return folder_problem(path.parent)


def folder_problem(path: Path) -> str | None:
    """Why the folder `path` cannot be written in (or made), or None when it looks fine. Makes nothing."""
    if path.exists():
        if not path.is_dir():
            return f"'{path}' is a file, not a folder"
        if not os.access(path, os.W_OK | os.X_OK):
            return f"cannot write in the folder '{path}'"
        return None
    ancestor = path.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        return f"cannot make the folder '{path}': '{ancestor}' is a file, not a folder"
    if not os.access(ancestor, os.W_OK | os.X_OK):
        return f"cannot make the folder '{path}': '{ancestor}' cannot be written to"
    return None


def prepare_folder(path: Path) -> str | None:
    """Make the folder `path` (and its parents) if need be; why it cannot be made or written in, or None."""
    problem = folder_problem(path)
    if problem is not None:
        return problem
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return f"cannot make the folder '{path}': {error.strerror or error}"
    return None


def ready_file(path: Path) -> str | None:
    """Why a file cannot be written at `path`, or None once its folder is made and a file has been written in it."""
    return file_problem(path) or ready_folder(path.parent)


def ready_folder(path: Path) -> str | None:
    """Why files cannot be written in the folder `path`, or None once it is made and a file has been written in it
    (and removed)."""
    problem = prepare_folder(path)
    if problem is not None:
        return problem
    try:
        handle, scratch = tempfile.mkstemp(prefix=".heartstopper-", suffix=".tmp", dir=path)
    except OSError as error:
        return f"cannot write in the folder '{path}': {error.strerror or error}"
    os.close(handle)
    os.unlink(scratch)
    return None


def cannot_write(error: OSError, path: Path | None = None) -> str:
    """A write that failed, in words: which file, and why."""
    where = error.filename if error.filename else path
    return f"cannot write '{where}': {error.strerror or error}"
