"""Running the `heartstopper` command as a user does (`python -m game ...` in a fresh process), for the tests of
what it prints and the exit codes it gives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def heartstopper(
    *args: str, stdin: str = "", env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run the command from the repository's root, with `stdin` as its input and `env` added to this process's
    environment (which holds the private data folder: see conftest.py), capturing what it prints as text."""
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )
