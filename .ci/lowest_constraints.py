"""Print pip constraints that pin every dependency of pyproject.toml to the lowest version it allows.

CI runs the test suite twice: once with the newest versions pip resolves today (the README's test command), and
once with these pins, so a lower bound that does not really work is found before a user with an older package is.
Only the project's own direct dependencies (and the named extras) are pinned; what they pull in resolves normally.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import tomllib

_LOWER_BOUND = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*>=\s*([0-9][0-9A-Za-z.]*)")


def lowest_pins(pyproject: Path, extras: list[str]) -> list[str]:
    """One `name==version` line per dependency that has a `>=` bound, in the order pyproject.toml lists them."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements = list(project.get("dependencies", []))
    for extra in extras:
        requirements += project.get("optional-dependencies", {}).get(extra, [])
    pins = []
    for requirement in requirements:
        match = _LOWER_BOUND.match(requirement.split(";")[0])
        if match is None:
            raise SystemExit(f"lowest_constraints: {requirement!r} has no '>=' lower bound to pin")
        pins.append(f"{match.group(1)}=={match.group(2)}")
    return pins


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    print("\n".join(lowest_pins(root / "pyproject.toml", sys.argv[1:])))
