"""Writing the files players and tools make (saves, settings, progress, reports) without ever losing one.

Writes go to a temporary file in the same folder, are flushed to disk, then renamed over the old file, so a crash
or a kill at any moment leaves either the old file or the whole new one. Reads refuse files far larger than any
the game writes, before reading them, and turn every way a file can be unreadable (bad bytes, bad JSON, absurd
nesting) into a `ValueError`, so callers handle one kind of failure.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from pathlib import Path

MAX_JSON_BYTES = 8 * 1024 * 1024


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write `data` to `path` so that readers see either the old file or the new one, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(raw)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_json(path: Path, value: object) -> None:
    """Write `value` as readable JSON, atomically."""
    write_atomic(path, json.dumps(value, indent=1, ensure_ascii=False) + "\n")


def read_json(path: Path, max_bytes: int = MAX_JSON_BYTES) -> object:
    """Parse a JSON file. Raises OSError when it cannot be opened and ValueError when it is not readable JSON."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):  # a named pipe would wait for a writer for ever; a device never ends
        raise ValueError("it is not a plain file")
    size = info.st_size
    if size > max_bytes:
        raise ValueError(f"the file is far too large ({size / 1_048_576:.0f} MB)")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except RecursionError:
        raise ValueError("the JSON is nested far too deeply") from None
    except UnicodeDecodeError:
        raise ValueError("the file is not UTF-8 text") from None
