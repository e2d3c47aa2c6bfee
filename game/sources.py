"""Where the text of a story's files comes from: the disk, or an editor's unsaved buffers laid over it.

The loader and the linter read every story file through a `Sources`. The commands use the plain one, which reads
the disk. The language server (`game.lsp`) gives its own, holding what the author has typed but not saved, so the
checks it runs as they type see the story as it stands in the editor, every file at once. A buffer only stands in
for a file the story reads anyway (one the manifest's globs find on disk); it never adds a file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from game.yaml_source import SourceFile, read_yaml


def _key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


class Sources:
    """Story files read from disk, except those given in `overlay` (a path's unsaved text)."""

    def __init__(self, overlay: Mapping[Path, str] | None = None) -> None:
        self._overlay = {_key(path): text for path, text in (overlay or {}).items()}

    def unsaved(self, path: Path) -> str | None:
        """The editor's text of this file, or None when the disk has it as it is."""
        return self._overlay.get(_key(path))

    def read(self, path: Path, display: str) -> SourceFile:
        """One story file, read and parsed with positions (`game.yaml_source.read_yaml`)."""
        return read_yaml(path, display, self.unsaved(path))

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
