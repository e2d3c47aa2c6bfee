"""What the editor asks of a story, answered from the index (`game.lsp.index`) and the story's assets.

Every function here takes the index, a file, and a 0-based line and column in characters, and answers in plain
values (names, spans, text); `game.lsp.server` turns them into the protocol's types and the editor's columns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from game.assets import AssetCatalog
from game.dressing import SEASONS, TIMES
from game.loader import (
    CALL,
    CHOICE_KEYS,
    EFFECTS,
    EXTEND,
    MANIFEST_KEYS,
    NARRATOR,
    OTHER_BEATS,
    PLACES,
    RETURN,
    SCENE_KEYS,
    STAGE_BEATS,
    VARIABLE_KEYS,
)
from game.loader import TEXT_BEATS as TEXT_BEAT_KEYS
from game.lsp.index import KINDS, Entry, Kind, Ref, Span, StoryIndex
from game.wording import plural, with_article
from game.yaml_fields import ID_PATTERN

RENAMEABLE: tuple[Kind, ...] = ("scene", "variable")
BEAT_KEYS = (*TEXT_BEAT_KEYS, NARRATOR, EXTEND, *STAGE_BEATS, *OTHER_BEATS, CALL, RETURN)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One completion: the text to insert, what it is ('scene', 'variable', 'key', ...) and a line about it."""

    label: str
    kind: str
    detail: str = ""


# -- completion --------------------------------------------------------------------------------------------------

_KEY_VALUE = re.compile(r"(?:^|[\s{,])(?:-\s+)?([a-z_]+):\s*[\"']?([A-Za-z0-9_]*)$")
_CONDITION = re.compile(r"""(?:^|[\s{,])(?:-\s+)?(?:if|expect):\s*(?:"(?P<inside>[^"]*)|'(?P<single>[^']*))$""")
_INVARIANT = re.compile(r"^\s*-\s*\"(?P<inside>[^\"]*)$")
_FLOW_ASSIGN = re.compile(r"(?:^|[\s{,])(?:-\s+)?(set|add):\s*\{(?P<inside>[^}]*)$")
_FLOW_KEY = re.compile(r"(?:^|[\s{,])(?:-\s+)?([a-z_][a-z0-9_]*):\s*\{(?:[^}]*,)?\s*([a-z_]*)$")
FLOW_KEYS = {  # the keys of a beat's or a declaration's {...}
    "show": ("who", "as", "at", "outfit"),
    "think": ("who", "text", "as"),
    "message": ("from", "text"),
    "background": ("id", "time", "season"),
}
SPEECH_KEYS = ("text", "as")
# a quoted value with a `{` still open and nothing after it but a name being written: a value or condition in text
_TEXT_BRACE = re.compile(r"""(?:^|[\s{,])(?:-\s+)?[a-z_]+:\s*(?P<q>["'])(?:(?!(?P=q)).)*\{(?P<inside>[^{}:|"']*)$""")
_BARE_KEY = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<word>[a-z_]*)$")


def complete(index: StoryIndex, catalog: AssetCatalog, path: Path, lines: list[str], line: int, column: int):
    """What may be written at the cursor, best guesses first."""
    text = lines[line] if line < len(lines) else ""
    before = text[:column]
    brace = _TEXT_BRACE.search(before)
    if brace:  # a value shown in a line's text, or a condition picking text: issue 17's inline text
        return _names_in_expression(index)
    inside = _CONDITION.search(before) or (_INVARIANT.search(before) if path == index.manifest else None)
    if inside:
        written = inside.group("inside")
        return _in_condition(index, written if written is not None else inside.groupdict().get("single") or "")
    assign = _FLOW_ASSIGN.search(before)
    if assign:
        return _in_assignment(index, assign.group(1), assign.group("inside"))
    flow = _FLOW_KEY.search(before)
    if flow:
        return [Suggestion(key, "key") for key in _flow_keys(index, path, flow.group(1))]
    keyed = _KEY_VALUE.search(before)
    if keyed:
        return _value_of(index, catalog, keyed.group(1), text)
    bare = _BARE_KEY.match(before)
    if bare:
        return _keys(index, path, lines, line, len(bare.group("indent")), bool(bare.group("dash")))
    return []


def _flow_keys(index: StoryIndex, path: Path, key: str) -> tuple[str, ...]:
    if key in FLOW_KEYS:
        return FLOW_KEYS[key]
    if path == index.manifest:
        if index.entry("variable", key):
            return VARIABLE_KEYS
        if index.entry("character", key):
            return ("name", "color")
        return ("title",) if index.entry("ending", key) else ()
    return SPEECH_KEYS if index.entry("character", key) else ()


def _entries(index: StoryIndex, kind: Kind) -> list[Suggestion]:
    return [Suggestion(entry.name, kind, describe(index, entry, short=True)) for entry in _of_kind(index, kind)]


def _of_kind(index: StoryIndex, kind: Kind) -> list[Entry]:
    return [entry for (k, _), entry in index.entries.items() if k == kind]


def _in_condition(index: StoryIndex, inside: str) -> list[Suggestion]:
    if re.search(r"visited\(\s*[a-z0-9_]*$", inside):
        return _entries(index, "scene")
    compared = re.search(r"([a-z_][a-z0-9_]*)\s*[!=]=\s*'[^']*$", inside)
    if compared:
        entry = index.entry("variable", compared.group(1))
        values = entry.facts.get("values") if entry else None
        listed = cast("Iterable[object]", values or ())  # an enum's values, as the index keeps them
        return [Suggestion(str(v), "value", f"a value of {entry.name}") for v in listed if entry]
    words = [Suggestion(word, "keyword") for word in ("and", "or", "not", "true", "false")]
    return _names_in_expression(index) + words


def _names_in_expression(index: StoryIndex) -> list[Suggestion]:
    """What an expression can name: variables, constants and visited()."""
    visited = Suggestion("visited", "function", "visited(scene): how many times the scene was entered")
    return _entries(index, "variable") + _entries(index, "constant") + [visited]


def _in_assignment(index: StoryIndex, op: str, inside: str) -> list[Suggestion]:
    quoted = re.search(r"([a-z_][a-z0-9_]*):\s*[\"'][^\"']*$", inside)
    if quoted:  # an expression (`trust + 1`), or a quoted enum value
        return _values(index, quoted.group(1)) + _names_in_expression(index)
    valued = re.search(r"([a-z_][a-z0-9_]*):\s*[\"']?[A-Za-z0-9_]*$", inside)
    if valued:
        return _values(index, valued.group(1))
    variables = _of_kind(index, "variable")
    if op == "add":
        variables = [entry for entry in variables if entry.facts.get("type") == "int"]
    return [Suggestion(entry.name, "variable", describe(index, entry, short=True)) for entry in variables]


def _values(index: StoryIndex, name: str) -> list[Suggestion]:
    entry = index.entry("variable", name)
    if entry is None:
        return []
    kind = entry.facts.get("type")
    if kind == "bool":
        return [Suggestion("true", "value"), Suggestion("false", "value")]
    if kind == "enum":
        listed = cast("Iterable[object]", entry.facts.get("values") or ())  # an enum's values, as the index keeps them
        return [Suggestion(str(value), "value", f"a value of {name}") for value in listed]
    return []


def _value_of(index: StoryIndex, catalog: AssetCatalog, key: str, text: str) -> list[Suggestion]:
    if key in ("goto", "next", "call", "start", "expect_scene"):
        return _entries(index, "scene")
    if key in ("ending", "end"):
        return _entries(index, "ending")
    if key in ("show", "who", "from", "hide"):
        found = _entries(index, "character")
        return [*found, Suggestion("all", "keyword", "every sprite leaves")] if key == "hide" else found
    if key in ("as", "outfit"):
        who = _who(text)
        if who is None:
            return []
        if key == "outfit":
            return [Suggestion(o, "outfit", f"{who} in {o}") for o in sorted(catalog.outfits(who) | {"default"})]
        outfit = re.search(r"outfit:\s*([a-z0-9_]+)", text)
        faces = catalog.expressions(who, outfit.group(1) if outfit else None)
        return [Suggestion(face, "expression", f"{who}, {face}") for face in sorted(faces)]
    if key in ("background", "id"):
        return _assets(catalog, "background")
    if key == "music":
        return [*_assets(catalog, "music"), Suggestion("none", "keyword", "stops the music")]
    if key == "sound":
        return _assets(catalog, "sound")
    fixed = {"effect": EFFECTS, "at": PLACES, "time": TIMES, "season": SEASONS}
    if key in fixed:
        return [Suggestion(value, "value") for value in fixed[key]]
    if key == "chapter":
        chapters = dict.fromkeys(str(e.facts["chapter"]) for e in _of_kind(index, "scene") if "chapter" in e.facts)
        return [Suggestion(chapter, "chapter") for chapter in chapters]
    return []


def _who(text: str) -> str | None:
    """The character a `show`, a speech or a thought on this line is about."""
    named = re.search(r"(?:who|from):\s*([a-z][a-z0-9_]*)", text)
    if named:
        return named.group(1)
    speaker = re.match(r"\s*-\s*([a-z][a-z0-9_]*):\s*\{", text)
    if speaker and speaker.group(1) not in BEAT_KEYS:
        return speaker.group(1)
    return None


def _assets(catalog: AssetCatalog, kind) -> list[Suggestion]:
    return [Suggestion(name, kind) for name in sorted(catalog.ids(kind)) if "." not in name]


def _keys(index: StoryIndex, path: Path, lines: list[str], line: int, indent: int, dash: bool) -> list[Suggestion]:
    if path == index.manifest:
        return [Suggestion(key, "key") for key in MANIFEST_KEYS] if indent == 0 and not dash else []
    if path not in index.scene_files:
        return []
    holder = _holder(lines, line, indent)
    if holder in ("lines", "then", "else") or (dash and holder is None):
        return [Suggestion(key, "key") for key in BEAT_KEYS] + _entries(index, "character")
    if holder == "choices":
        return [Suggestion(key, "key") for key in CHOICE_KEYS]
    if indent > 0 and holder is not None and ID_PATTERN.match(holder) and holder in index.names("scene"):
        return [Suggestion(key, "key") for key in SCENE_KEYS]
    return []


def _holder(lines: list[str], line: int, indent: int) -> str | None:
    """The key of the nearest line above with less indentation (what the cursor's line belongs to)."""
    for number in range(line - 1, -1, -1):
        above = lines[number]
        stripped = above.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        depth = len(above) - len(stripped)
        if stripped.startswith("- "):
            depth += 2
            if depth <= indent:
                continue  # a sibling item of the same list
        if depth < indent:
            key = re.match(r"(?:-\s+)?([a-z_][a-z0-9_]*):", stripped)
            return key.group(1) if key else None
    return None


# -- hover -------------------------------------------------------------------------------------------------------


def describe(index: StoryIndex, entry: Entry, short: bool = False) -> str:
    """What a name is, in Markdown: one line for a completion, more for a hover."""
    facts = entry.facts
    if entry.kind == "scene":
        title = f"“{facts['title']}”" if "title" in facts else "untitled"
        head = f"scene {title}" + (f", chapter {facts['chapter']}" if "chapter" in facts else "")
        if facts.get("chapter_from_above") and not short:
            head += " (from the scene above)"
        if short:
            return head
        leading = index.leading_to(entry.name)
        came = "reached from " + ", ".join(f"`{s}`" for s in leading) if leading else "no scene leads here"
        return f"**{entry.name}**: {head}\n\n{came}"
    if entry.kind == "variable":
        head = _variable_type(facts)
        about = str(facts.get("about", ""))
        if short:
            return f"{head}: {about}" if about else head
        writers = dict.fromkeys(
            index.scene_around(ref.span.path, ref.span.line) or ref.span.path.name for ref in index.writers(entry.name)
        )
        written = "written in " + ", ".join(f"`{w}`" for w in writers) if writers else "never written"
        default = f", default {_shown(facts['default'])}" if "default" in facts else ""
        return f"**{entry.name}**: {head}{default}\n\n{about}\n\n{written}".replace("\n\n\n\n", "\n\n")
    if entry.kind == "character":
        name = facts.get("name", entry.name)
        colour = facts.get("color", "")
        if short:
            return f"character {name}"
        return f"**{entry.name}**: {name}" + (f"\n\ncolour `{colour}`" if colour else "")
    if entry.kind == "constant":
        head = f"constant {_shown(facts.get('value'))}"
        if short:
            return head
        used = sum(1 for ref in index.uses("constant", entry.name) if ref.role != "definition")
        uses = plural(used, "use")
        return f"**{entry.name}**: {head}\n\nread as its value wherever it is written ({uses})"
    ending_title = facts.get("title", entry.name)
    return f"ending “{ending_title}”" if short else f"**{entry.name}**: ending “{ending_title}”"


def _variable_type(facts: dict) -> str:
    kind = facts.get("type", "?")
    if kind == "int" and ("min" in facts or "max" in facts):
        return f"int {facts.get('min', '…')}..{facts.get('max', '…')}"
    if kind == "enum":
        labels = facts.get("labels")
        labels = labels if isinstance(labels, dict) else {}
        # a value with a label (`{variable}` in text shows the label) is followed by it
        return "enum: " + ", ".join(
            f"{v} “{labels[v]}”" if isinstance(labels.get(v), str) else str(v) for v in facts.get("values") or ()
        )
    return str(kind)


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def hover(index: StoryIndex, path: Path, line: int, column: int) -> tuple[str, Span] | None:
    ref = index.at(path, line, column)
    if ref is None:
        return None
    entry = index.entry(ref.kind, ref.name)
    if entry is None:
        return f"unknown {ref.kind} `{ref.name}`", ref.span
    return describe(index, entry), ref.span


# -- navigation --------------------------------------------------------------------------------------------------


def definition(index: StoryIndex, path: Path, line: int, column: int) -> Span | None:
    ref = index.at(path, line, column)
    entry = index.entry(ref.kind, ref.name) if ref else None
    return entry.definition if entry else None


def references(index: StoryIndex, path: Path, line: int, column: int, declaration: bool) -> list[Span]:
    ref = index.at(path, line, column)
    if ref is None:
        return []
    return [use.span for use in index.uses(ref.kind, ref.name) if declaration or use.role != "definition"]


@dataclass(frozen=True, slots=True)
class Outline:
    """One entry of a file's outline: a name, what it is, its detail, the lines it covers and its name's span."""

    name: str
    kind: Kind
    detail: str
    first: int
    last: int
    span: Span


def outline(index: StoryIndex, path: Path, line_count: int) -> list[Outline]:
    """A scene file's scenes (or the manifest's characters, variables and endings), each with the lines it covers."""
    found = [r for r in index.by_path.get(path, ()) if r.role == "definition"]
    found.sort(key=lambda r: r.span.line)
    result = []
    for number, ref in enumerate(found):
        entry = index.entry(ref.kind, ref.name)
        last = found[number + 1].span.line - 1 if number + 1 < len(found) else line_count - 1
        if ref.kind != "scene":
            last = ref.span.line
        detail = describe(index, entry, short=True) if entry else ""
        result.append(Outline(ref.name, ref.kind, detail, ref.span.line, max(last, ref.span.line), ref.span))
    return result


def symbols(index: StoryIndex, query: str) -> list[Entry]:
    """Every defined name containing the query (case ignored), scenes first."""
    wanted = query.lower()
    return [entry for entry in index.entries.values() if wanted in entry.name.lower()]


# -- rename ------------------------------------------------------------------------------------------------------


class RenameRefused(ValueError):
    """A rename that cannot be done, with the reason to show the author."""


def rename_target(index: StoryIndex, path: Path, line: int, column: int) -> Ref:
    ref = index.at(path, line, column)
    if ref is None or ref.kind not in RENAMEABLE:
        raise RenameRefused("only a scene id or a variable can be renamed")
    if index.entry(ref.kind, ref.name) is None:
        raise RenameRefused(f"there is no {ref.kind} '{ref.name}' to rename")
    return ref


def rename(index: StoryIndex, path: Path, line: int, column: int, new_name: str) -> dict[Path, list[Span]]:
    """The spans to rewrite as `new_name`, by file; RenameRefused when the rename would break the story."""
    ref = rename_target(index, path, line, column)
    if not ID_PATTERN.fullmatch(new_name):
        raise RenameRefused(
            f"'{new_name}' is not an id: ids are lowercase letters, digits and underscores, starting with a letter"
        )
    taken = [kind for kind in KINDS if index.entry(kind, new_name)]
    if taken and new_name != ref.name:
        raise RenameRefused(f"'{new_name}' is already the id of {with_article(taken[0])}")
    if index.unparsed:  # its uses on the lines changed since it last parsed are not known: a rename would miss them
        broken = ", ".join(sorted(path.name for path in index.unparsed))
        raise RenameRefused(f"{broken} does not parse now, so not every use can be found: mend it, then rename")
    edits: dict[Path, list[Span]] = {}
    for use in index.uses(ref.kind, ref.name):
        edits.setdefault(use.span.path, []).append(use.span)
    return edits


# -- code actions ------------------------------------------------------------------------------------------------

_DID_YOU_MEAN = re.compile(r"did you mean (.+)\?")


def suggestions_in(hint: str) -> list[str]:
    """The names a problem's 'did you mean' hint offers."""
    found = _DID_YOU_MEAN.search(hint)
    return re.findall(r"'([^']+)'", found.group(1)) if found else []


def scene_stub(scene_id: str, chapter: str | None) -> str:
    """A new scene for a `goto` that names none yet: the author writes its lines and says where it goes next."""
    title = scene_id.replace("_", " ").strip().capitalize()
    lines = [f"{scene_id}:", f'  title: "{title}"']
    if chapter:
        lines.append(f"  chapter: {chapter}" if re.fullmatch(r"[\w .'-]+", chapter) else f'  chapter: "{chapter}"')
    lines += ["  lines:", '    - narrate: "..."']
    return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class LineEdit:
    """Replace columns `start` to `end` of a 0-based line with `text` (a `start == end` inserts)."""

    line: int
    start: int
    end: int
    text: str


_FLAVOR_KEY = re.compile(r"flavor:\s*(?P<value>[^#]*?)\s*(?:#.*)?$")


def flavor_edit(lines: list[str], line: int, column: int) -> LineEdit | None:
    """The edit that marks the choice written at (line, column) `flavor: true`: its first key (a block mapping) or
    its `{` (a flow mapping), where the loader places a choice. None when the choice is not written in a way this
    can safely edit (a flow mapping over several lines)."""
    text = lines[line] if 0 <= line < len(lines) else ""
    if column < len(text) and text[column] == "{":
        close = _closing_brace(text, column)
        if close is None:
            return None
        inside = text[column + 1 : close]
        flavor = re.search(r"(?:^|,)\s*flavor:\s*([^,}]*)", inside)
        if flavor:
            start = column + 1 + flavor.start(1)
            return LineEdit(line, start, start + len(flavor.group(1).rstrip()), "true")
        before = len(inside.rstrip())
        return LineEdit(line, column + 1 + before, column + 1 + before, ", flavor: true")
    indent = column
    found = _FLAVOR_KEY.match(text, indent)
    if found:  # the choice's first key is `flavor:` itself
        return LineEdit(line, found.start("value"), found.end("value"), "true")
    last = line
    for number in range(line + 1, len(lines)):
        row = lines[number]
        if not row.strip() or row.lstrip().startswith("#"):
            continue
        row_indent = len(row) - len(row.lstrip(" "))
        if row_indent < indent:
            break
        last = number
        found = _FLAVOR_KEY.match(row, indent) if row_indent == indent else None
        if found:
            return LineEdit(number, found.start("value"), found.end("value"), "true")
    end = len(lines[last])
    return LineEdit(last, end, end, "\n" + " " * indent + "flavor: true")


def _closing_brace(text: str, opening: int) -> int | None:
    """The `}` that closes the `{` at `opening` on the same line, minding quotes; None when it is not there."""
    depth, quote = 0, ""
    for at in range(opening, len(text)):
        char = text[at]
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return at
    return None
