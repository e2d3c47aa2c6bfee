"""Where the text of a story's files comes from: the disk, or an editor's unsaved buffers laid over it.

The loader and the linter read every story file through a `Sources`: first its bytes (`data`), which the loader
hashes to find the file in the compiled-story cache (`game.story_cache`), then, only for a file the cache does not
hold as it is, its parse (`parse`). The commands use the plain one, which reads the disk and parses each time. The
language server (`game.lsp`) gives its own, holding what the author has typed but not saved and remembering each
version of a file it parsed, so the checks it runs as they type see the story as it stands in the editor, every file
at once, and no text is parsed twice. A buffer only stands in for a file the story reads anyway (one the manifest's
globs find on disk); it never adds a file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from game.yaml_source import SourceFile, parse_file_bytes, read_file_bytes


def _key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


class Sources:
    """Story files read from disk, except those given in `overlay` (a path's unsaved text)."""

    def __init__(self, overlay: Mapping[Path, str] | None = None) -> None:
        self._overlay = {_key(path): text for path, text in (overlay or {}).items()}

    def unsaved(self, path: Path) -> str | None:
        """The editor's text of this file, or None when the disk has it as it is."""
        return self._overlay.get(_key(path))

    def data(self, path: Path) -> bytes | None:
        """The file's bytes, or None when it cannot be read (then `read` says why)."""
        text = self.unsaved(path)
        if text is not None:
            return text.encode("utf-8", "surrogatepass")
        return read_file_bytes(path)

    def parse(self, path: Path, display: str, data: bytes | None) -> SourceFile:
        """The file parsed with positions (`game.yaml_source`) from `data` (read here when None). The result is the
        caller's own: it may drop its value when done with it."""
        return parse_file_bytes(path, display, data)

    def read(self, path: Path, display: str) -> SourceFile:
        """One story file, read and parsed."""
        return self.parse(path, display, self.data(path))

    def lines(self, path: Path) -> list[str]:
        """The file's lines as the author sees them (empty when it cannot be read as text)."""
        text = self.unsaved(path)
        if text is not None:
            return text.removeprefix("\ufeff").splitlines()
        try:
            return path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            return []


DISK = Sources()
