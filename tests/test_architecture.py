"""The one-way rule between the layers of docs/ARCHITECTURE.md, read from the source with `ast`.

Every import counts, at the top of a module or inside a function (a lazy import is still a dependency), except
those under `if TYPE_CHECKING:`, which never run. The rules:

- the core (everything but the front ends and the entry points) never imports pygame, nor a front end;
- no import cycle anywhere in `game/`;
- no screen imports another: screens reach each other through game/ui/screens/router.py.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

from game.graphs import strongly_connected

GAME = Path(__file__).resolve().parents[1] / "game"

# The front ends present the core's events; the entry points (the commands: game.cli and each tool's `*_cli`
# module, and the pytest plugin) read arguments and start one. Everything else is the core.
FRONT_ENDS = ("game.ui", "game.textplayer", "game.text_saves")
ENTRY_POINTS = ("game.cli", "game.__main__", "game.pytest_plugin")
# The sanctioned exception, kept narrow: the linter's probes of the game's own front end. The text-fit checks
# (HS023, HS024) measure a story's text with the game's layout and fonts (`layout_probe`), and the format check
# (HS032) asks the game's audio mixer whether it plays Opus (`mixer_probe`). A probe may import pygame and the front
# end; the core imports a probe only inside the check that needs it, which says so when pygame is missing.
PROBES = {"game.authoring.layout_probe", "game.ui.mixer_probe"}


@dataclass(frozen=True, slots=True)
class Import:
    source: str  # the importing module
    target: str  # the imported module (the deepest one that exists in game/, or the outside top-level name)
    line: int


def module_name(path: Path) -> str:
    parts = path.relative_to(GAME.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(GAME.rglob("*.py")) if "_bundled" not in p.parts}


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _statements(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement that runs (at any depth), skipping the bodies of `if TYPE_CHECKING:`."""
    found: list[ast.Import | ast.ImportFrom] = []
    todo: list[ast.AST] = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        if isinstance(node, ast.If) and _type_checking_only(node):
            todo.extend(node.orelse)
            continue
        todo.extend(ast.iter_child_nodes(node))
    return found


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[Import] = []
    for node in _statements(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
        for target in targets:
            while target not in modules and "." in target and target.startswith("game."):
                target = target.rpartition(".")[0]
            found.append(Import(name, target if target.startswith("game") else target.split(".")[0], node.lineno))
    return found


def _in(name: str, prefixes: tuple[str, ...] | set[str]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def is_entry_point(name: str) -> bool:
    return _in(name, ENTRY_POINTS) or name.endswith(("_cli", ".cli"))


def is_core(name: str) -> bool:
    return not _in(name, FRONT_ENDS) and not is_entry_point(name) and name not in PROBES


@pytest.fixture(scope="module")
def graph() -> dict[str, list[Import]]:
    modules = all_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, list[Import]]) -> list[list[str]]:
    """The import cycles of `graph`: its strongly connected parts of more than one module (or a module that imports
    itself)."""
    edges = {name: sorted({i.target for i in found if i.target in graph}) for name, found in graph.items()}
    parts = strongly_connected(sorted(edges), edges.__getitem__)
    return [sorted(p) for p in parts if len(p) > 1 or p[0] in edges[p[0]]]


def test_the_core_never_imports_pygame(graph: dict[str, list[Import]]) -> None:
    wrong = [
        f"{i.source}:{i.line}" for name, found in graph.items() if is_core(name) for i in found if i.target == "pygame"
    ]
    assert wrong == [], f"core modules importing pygame: {wrong}"


def test_the_core_never_imports_a_front_end_or_an_entry_point(graph: dict[str, list[Import]]) -> None:
    wrong = sorted(
        {
            f"{i.source}:{i.line} imports {i.target}"
            for name, found in graph.items()
            if is_core(name)
            for i in found
            if (_in(i.target, FRONT_ENDS) or is_entry_point(i.target)) and i.target not in PROBES
        }
    )
    assert wrong == [], "the core imports a front end or an entry point:\n" + "\n".join(wrong)


def test_there_is_no_import_cycle(graph: dict[str, list[Import]]) -> None:
    found = cycles(graph)
    assert found == [], "import cycles:\n" + "\n".join(" <-> ".join(c) for c in found)


def test_no_screen_imports_another(graph: dict[str, list[Import]]) -> None:
    shared = {"game.ui.screens", "game.ui.screens.router", "game.ui.screens.page", "game.ui.screens.flow"}
    wrong = [
        f"{i.source}:{i.line} imports {i.target}"
        for name, found in graph.items()
        if _in(name, ("game.ui.screens",)) and name not in shared
        for i in found
        if _in(i.target, ("game.ui.screens",)) and i.target not in shared
    ]
    assert wrong == [], "screens reach each other through the router:\n" + "\n".join(wrong)


def test_the_checks_see_what_they_forbid(tmp_path: Path) -> None:
    """The parser finds an import inside a function and ignores one under TYPE_CHECKING, and a cycle is found."""
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from game import b\n"
        "def f():\n    import pygame\n    from . import b\n"
    )
    path = tmp_path / "game" / "a.py"
    path.parent.mkdir()
    path.write_text(source)
    found = imports_of("game.a", path, {"game.a": path, "game.b": path, "game": path})
    assert sorted((i.line, i.target) for i in found) == [(1, "typing"), (5, "pygame"), (6, "game.b")]
    looped = {"game.a": [Import("game.a", "game.b", 1)], "game.b": [Import("game.b", "game.a", 1)]}
    assert cycles(looped) == [["game.a", "game.b"]]
