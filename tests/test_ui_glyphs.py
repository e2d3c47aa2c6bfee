"""Every letter of the interface's own words is in the bundled fonts: a glyph a font lacks is drawn as an empty box
(the history's "newer below" once began with an arrow no font had).

The words are the string constants of the front end's modules (docstrings aside), which holds every fixed label,
hint and message the screens draw; a string that is never drawn is checked too, which costs nothing. pygame's
freetype module says which glyphs a font has (`get_metrics` gives None for a missing one), in both families the
font setting offers, upright and italic (bold is the same face, emboldened).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pygame.freetype
import pytest

from game.ui.fonts import FAMILIES, find_font_files

UI = Path(__file__).resolve().parent.parent / "game" / "ui"


def docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring nodes of a module, its classes and functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def interface_words() -> dict[str, set[str]]:
    """Each character of the front end's string constants, to the modules that use it."""
    chars: dict[str, set[str]] = {}
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                for ch in node.value:
                    if ch.isprintable() and ch != " ":
                        chars.setdefault(ch, set()).add(path.name)
    return chars


def missing(path: Path, chars: str) -> list[str]:
    if not pygame.freetype.get_init():
        pygame.freetype.init()
    font = pygame.freetype.Font(str(path), 20)
    return [ch for ch, metrics in zip(chars, font.get_metrics(chars)) if metrics is None]


def test_the_check_tells_a_missing_glyph_from_a_present_one() -> None:
    regular = find_font_files("noto").regular
    assert regular is not None
    assert missing(regular, "a\u00b7\u2193") == ["\u2193"]  # the arrow the history's hint used to begin with


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_interface_string_is_drawn_with_glyphs_the_fonts_have(family: str) -> None:
    files = find_font_files(family)
    chars = interface_words()
    assert "R" in chars and "\u00b7" in chars  # the labels ("Return") and the hints' separators are read
    text = "".join(sorted(chars))
    for path in (files.regular, files.italic):
        assert path is not None
        lacking = {ch: sorted(chars[ch]) for ch in missing(path, text)}
        assert not lacking, f"{path.name} has no glyph for {lacking}"
