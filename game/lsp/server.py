"""The language server itself: pygls wiring from the protocol's messages to the checks and features.

A file belongs to the story whose folder holds it (the nearest folder above with a `story.yaml`); one server serves
any number of stories. After an edit the whole story is checked again, after a short pause so a burst of typing is
checked once, and problems are published for every file of the story that has them (and cleared from files that
no longer do), so renaming a scene flags its `goto`s in files that are not even open.
"""

from __future__ import annotations

import asyncio
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidRequest
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from game import __version__, story_cache
from game.authoring.codes import CODES
from game.authoring.lint_memory import LintMemory
from game.loader import MANIFEST_NAME, load_story
from game.lsp import features
from game.lsp.checking import CheckResult, ParseMemory, RememberingCatalog, RememberingSources, check_story
from game.lsp.exploring import EXPLORE_PAUSE_SECONDS, explore_saved_story
from game.lsp.index import PLAYTHROUGHS, LastGood, Span, StoryIndex
from game.lsp.play_here import not_loaded, play_plan
from game.model import Story
from game.paths import assets_dir_for
from game.problems import Problem, StoryError
from game.wording import plural

DEBOUNCE_SECONDS = 0.02  # keystrokes that arrive together are checked once, after the last
SOURCE = "heartstopper"
PLAY_FROM_HERE = "heartstopper.playFromHere"
_WORD = re.compile(r"[^\s,:{}\[\]()#\"']+")  # a name as written, even one with letters an id may not have
_KINDS = {
    "scene": types.SymbolKind.Class,
    "variable": types.SymbolKind.Variable,
    "character": types.SymbolKind.Object,
    "ending": types.SymbolKind.EnumMember,
    "constant": types.SymbolKind.Constant,
}
_COMPLETION_KINDS = {
    "scene": types.CompletionItemKind.Class,
    "variable": types.CompletionItemKind.Variable,
    "character": types.CompletionItemKind.Constructor,
    "ending": types.CompletionItemKind.EnumMember,
    "constant": types.CompletionItemKind.Constant,
    "key": types.CompletionItemKind.Property,
    "keyword": types.CompletionItemKind.Keyword,
    "function": types.CompletionItemKind.Function,
    "value": types.CompletionItemKind.Value,
}


@dataclass
class StoryState:
    """One story folder the editor has files of open: its remembered parses, index and published problems."""

    story_dir: Path
    memory: ParseMemory = field(default_factory=ParseMemory)
    records: story_cache.RecordsInMemory = field(default_factory=story_cache.RecordsInMemory)
    lint_memory: LintMemory = field(default_factory=LintMemory)
    published: set[Path] = field(default_factory=set)
    sent: dict[str, list[types.Diagnostic]] = field(default_factory=dict)  # what each file's URI was last sent
    sent_as: dict[Path, str] = field(default_factory=dict)  # the URI each file's problems were last sent under
    problems: dict[Path, list[Problem]] = field(default_factory=dict)
    index: StoryIndex | None = None
    last_good: LastGood = field(default_factory=dict)  # each file's last parse, while it has a syntax error
    pending: asyncio.Task | None = None
    catalog: RememberingCatalog | None = None
    explored: dict[Path, list[Problem]] = field(default_factory=dict)  # HS029, from the last exploration of a save
    exploration: asyncio.Task | None = None

    def all_problems(self, path: Path) -> list[Problem]:
        return self.problems.get(path, []) + self.explored.get(path, [])


class StoryServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("heartstopper", __version__)
        self.stories: dict[Path, StoryState] = {}
        self.first_story: Path | None = None  # `--story`: checked as soon as the editor connects
        self.names: dict[Path, Path] = {}  # a story folder's real path -> the editor's, when a link leads to it
        self.opened: dict[Path, str] = {}  # an open file's real path -> the URI the editor opened it by
        self.shut_down = False  # the editor asked the server to shut down
        self.exited_early = False  # told to exit without that

    # -- stories and files -----------------------------------------------------------------------------------------

    def story_of(self, path: Path) -> StoryState | None:
        """The story a file belongs to, or None for a file outside any story. A story folder the editor reaches
        through a symbolic link is remembered by the editor's name for it too (`uri_of`)."""
        named, path = Path(os.path.abspath(path)), path.resolve()
        for folder in [path.parent, *path.parent.parents]:
            state = self.stories.get(folder)
            if state is None and (folder / MANIFEST_NAME).is_file():
                state = self.stories[folder] = StoryState(folder)
            if state is not None:
                inside = path.relative_to(folder).parts
                if named == path:
                    self.names.pop(folder, None)
                elif named.parts[-len(inside) :] == inside:
                    self.names[folder] = named.parents[len(inside) - 1]
                return state
        return None

    def uri_of(self, path: Path) -> str:
        """The URI the editor knows a file by: the story works with real paths (links followed, as the loader
        does), and the editor is answered in the names it used, so it never gets a second copy of a file it has
        open under another name (an open file by the name it was opened by; another, by the name its story's
        folder was last reached by)."""
        opened = self.opened.get(path)
        if opened is not None:
            return opened
        for real, named in self.names.items():
            if path.is_relative_to(real):
                path = named / path.relative_to(real)
                break
        return from_fs_path(str(path)) or ""

    def sources(self, state: StoryState) -> RememberingSources:
        return RememberingSources(self.open_documents(state), state.memory)

    def open_documents(self, state: StoryState) -> dict[Path, str]:
        """The story's files open in the editor, with their text there."""
        found = {}
        for document in list(self.workspace.text_documents.values()):
            if document.path and Path(document.path).resolve().is_relative_to(state.story_dir):
                found[Path(document.path).resolve()] = document.source
        return found

    def lines(self, path: Path) -> list[str]:
        """A file's lines as the editor has them (its buffer when open, else the disk)."""
        uri = self.uri_of(path)
        document = self.workspace.text_documents.get(uri) if uri else None
        if document is not None:
            return [line.rstrip("\r\n") for line in document.lines]
        try:
            return path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            return []

    def index(self, state: StoryState) -> StoryIndex:
        if state.index is None:
            state.index = StoryIndex(state.story_dir, self.sources(state), state.last_good)
        return state.index

    def catalog(self, state: StoryState) -> RememberingCatalog:
        if state.catalog is None:
            state.catalog = RememberingCatalog(assets_dir_for(state.story_dir))
        return state.catalog

    # -- positions -------------------------------------------------------------------------------------------------

    def to_range(self, span: Span, lines: list[str] | None = None) -> types.Range:
        lines = self.lines(span.path) if lines is None else lines
        codec = self.workspace.position_codec
        start = codec.position_to_client_units(lines, types.Position(span.line, span.start))
        end = codec.position_to_client_units(lines, types.Position(span.line, span.end))
        return types.Range(start, end)

    def location(self, span: Span) -> types.Location:
        return types.Location(self.uri_of(span.path), self.to_range(span))

    def where(self, uri: str, position: types.Position) -> tuple[StoryState, Path, int, int] | None:
        """The story, file, line and column (in characters) of a position the editor sent."""
        fs_path = to_fs_path(uri)
        if not fs_path:
            return None
        state = self.story_of(Path(fs_path))  # by the editor's name for it (`uri_of`)
        if state is None:
            return None
        path = Path(fs_path).resolve()
        lines = self.lines(path)
        if position.line >= len(lines):  # past the end, but for the start of the line after the last (a new one)
            return (state, path, len(lines), 0) if position.line == len(lines) and not position.character else None
        at = self.workspace.position_codec.position_from_client_units(lines, position)
        return state, path, at.line, at.character

    # -- checking --------------------------------------------------------------------------------------------------

    def schedule(self, state: StoryState, delay: float) -> None:
        state.index = None
        if state.pending is not None and not state.pending.done():
            state.pending.cancel()
        state.pending = asyncio.get_running_loop().create_task(self._check_later(state, delay))

    async def _check_later(self, state: StoryState, delay: float) -> None:
        await asyncio.sleep(delay)
        try:
            self.check(state)
        except Exception as error:  # a fault of ours must not end the server: say it in the editor's log
            message = f"heartstopper: the check failed ({type(error).__name__}: {error}); please report it"
            self.window_log_message(types.LogMessageParams(types.MessageType.Error, message))

    def check(self, state: StoryState) -> CheckResult:
        result = check_story(
            state.story_dir, self.sources(state), self.catalog(state), state.records, state.lint_memory
        )
        state.problems = result.problems
        assets = assets_dir_for(state.story_dir).resolve()
        candidates = {
            path: problem
            for path in self.open_documents(state)
            if (problem := outside_the_story(path, state.story_dir, assets)) is not None
        }
        if candidates:
            story_files = self.story_files(state, result.story)
            for path, problem in candidates.items():
                if path not in story_files:
                    state.problems.setdefault(path, []).append(problem)
        self.publish(state)
        return result

    def story_files(self, state: StoryState, story: Story | None) -> set[Path]:
        """The files the story reads (real paths): the checked story's own list when it loaded, else the index's
        (building an index takes as long as a check, so it is not made for this when the story has its list)."""
        if story is None:
            return {path.resolve() for path in self.index(state).files()}
        base = Path(os.path.abspath(state.story_dir)).parent
        files = [
            *(base / name for name in story.source_files),
            *story.playthrough_files,
            state.story_dir / MANIFEST_NAME,
        ]
        return {path.resolve() for path in files}

    def publish(self, state: StoryState) -> None:
        """Send every file's problems (the last check's and the last exploration's), and clear files that have none
        now."""
        having = {path for path in [*state.problems, *state.explored] if state.all_problems(path)}
        # open files always get an answer (an empty one says the file was checked and is clean); the file typed in
        # is always sent its problems, another file only when they changed (a story with dozens of files open)
        for path in sorted(state.published | having | set(self.open_documents(state))):
            lines = self.lines(path)
            diagnostics = [self.diagnostic(path, problem, lines) for problem in state.all_problems(path)]
            uri = self.uri_of(path)
            before = state.sent_as.get(path)
            if before is not None and before != uri:  # sent under the file's other name (a link): cleared there
                self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(before, []))
                state.sent.pop(before, None)
            state.sent_as[path] = uri
            if uri and state.sent.get(uri) != diagnostics:
                self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, diagnostics))
                state.sent[uri] = diagnostics
        state.published = having

    # -- exploring (cosmetic choices, after a save) -------------------------------------------------------------------

    def explore_later(self, state: StoryState) -> None:
        """Explore the saved story after a pause, stopping an exploration already under way (`game.lsp.exploring`)."""
        if state.exploration is not None and not state.exploration.done():
            state.exploration.cancel()
        state.exploration = asyncio.get_running_loop().create_task(self._explore(state))

    async def _explore(self, state: StoryState) -> None:
        await asyncio.sleep(EXPLORE_PAUSE_SECONDS)
        try:
            found, notes = await explore_saved_story(state.story_dir)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # as for a check: said in the editor's log, never the end of the server
            message = f"heartstopper: the exploration failed ({type(error).__name__}: {error}); please report it"
            self.window_log_message(types.LogMessageParams(types.MessageType.Error, message))
            return
        for note in notes:
            self.window_log_message(types.LogMessageParams(types.MessageType.Info, f"heartstopper: {note}"))
        # findings are at the saved text's positions: a file edited since gets them again at its next save (and
        # those of an earlier save are dropped when this one did not load: their positions are no longer known)
        state.explored = {
            path: problems for path, problems in (found or {}).items() if not self.edited_since_saved(path)
        }
        self.publish(state)
        if found is None:  # the notes said why nothing was explored
            return
        count = sum(len(problems) for problems in found.values())
        message = f"heartstopper: explored the saved story: {plural(count, 'cosmetic choice')} (HS029)"
        self.window_log_message(types.LogMessageParams(types.MessageType.Log, message))

    def edited_since_saved(self, path: Path) -> bool:
        uri = self.uri_of(path)
        document = self.workspace.text_documents.get(uri) if uri else None
        if document is None:
            return False
        try:
            return document.source != path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return True

    def stop_exploring(self) -> None:
        for state in self.stories.values():
            if state.exploration is not None and not state.exploration.done():
                state.exploration.cancel()

    def diagnostic(self, path: Path, problem: Problem, lines: list[str]) -> types.Diagnostic:
        span = problem_span(lines, problem)
        severity = types.DiagnosticSeverity.Error if problem.severity == "error" else types.DiagnosticSeverity.Warning
        message = problem.message + (f"\n{problem.hint}" if problem.hint else "")
        return types.Diagnostic(
            range=self.to_range(Span(path, *span), lines),
            message=message,
            severity=severity,
            code=problem.code or None,
            source=SOURCE,
            data={"hint": problem.hint},
        )


def outside_the_story(path: Path, story_dir: Path, assets: Path) -> Problem | None:
    """Why an open YAML file in a story's folder, that is not one of the story's files, gets no checks: the story
    does not read it (yet). None for what is not YAML, and for the assets' own YAML (captions, places: the game's
    to read)."""
    if path.suffix.lower() not in (".yaml", ".yml") or path.is_relative_to(assets):
        return None
    shown = path.relative_to(story_dir).as_posix()
    if not path.exists():
        message = f"{shown} is not checked until it is saved: the story reads its files from the disk"
        return Problem(shown, 1, 1, message, "save it", "warning")
    if path.is_relative_to(story_dir / PLAYTHROUGHS):
        message = f"the story does not read {shown}: its playthrough files are {PLAYTHROUGHS}/*.yaml"
        return Problem(shown, 1, 1, message, f"move it into {PLAYTHROUGHS}/, named NAME.yaml", "warning")
    message = f"the story does not read {shown}: no scene glob in {MANIFEST_NAME} takes it"
    hint = "add a glob to 'scenes' in the manifest that does, or move the file"
    return Problem(shown, 1, 1, message, hint, "warning")


def problem_span(lines: list[str], problem: Problem) -> tuple[int, int, int]:
    """The line and columns a problem's underline covers: the quoted text or the word it points at."""
    line = max(problem.line - 1, 0)
    text = lines[line] if line < len(lines) else ""
    start = min(max(problem.column - 1, 0), len(text))
    if start < len(text) and text[start] in "\"'":
        close = text.find(text[start], start + 1)
        return line, start, close + 1 if close > start else len(text)
    if start < len(text) and text[start] in "{[" and not _in_quotes(text, start):  # a flow mapping or list: all of
        return line, start, _closing(text, start)  # it, to its closing bracket (a brace in quoted text is just that)
    word = _WORD.match(text, start)
    if word:
        return line, start, word.end()
    return line, start, min(start + 1, len(text))


def _in_quotes(text: str, at: int) -> bool:
    """Whether column `at` of a line is inside quoted text (YAML's "..." or '...')."""
    quote = ""
    for char in text[:at]:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
    return bool(quote)


def _closing(text: str, start: int) -> int:
    """Past the bracket that closes the one at `start` on this line (the line's end when none does)."""
    depth, quote = 0, ""
    for at in range(start, len(text)):
        char = text[at]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                return at + 1
    return len(text)


server = StoryServer()


# -- documents -----------------------------------------------------------------------------------------------------


def _state_of(uri: str) -> StoryState | None:
    fs_path = to_fs_path(uri)
    return server.story_of(Path(fs_path)) if fs_path else None


@server.feature(types.INITIALIZED)
async def initialized(ls: StoryServer, params: types.InitializedParams) -> None:
    if ls.first_story is not None:
        state = ls.story_of(ls.first_story / MANIFEST_NAME)
        if state is not None:
            ls.schedule(state, 0)


# The notifications about documents are handled at once, in the order they come (not as tasks, which pygls runs
# later): a request that follows them then sees the files as the editor has them, and under the names it used.
@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: StoryServer, params: types.DidOpenTextDocumentParams) -> None:
    state = _state_of(params.text_document.uri)
    if state is not None:
        fs_path = to_fs_path(params.text_document.uri)
        if fs_path:
            ls.opened[Path(fs_path).resolve()] = params.text_document.uri
            state.sent.pop(params.text_document.uri, None)  # answered afresh, whatever it was sent before
        ls.schedule(state, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: StoryServer, params: types.DidChangeTextDocumentParams) -> None:
    state = _state_of(params.text_document.uri)
    if state is not None:
        fs_path = to_fs_path(params.text_document.uri)
        if fs_path:  # the exploration's findings in this file are at the saved text's positions
            state.explored.pop(Path(fs_path).resolve(), None)
        state.sent.pop(params.text_document.uri, None)  # the file typed in is always answered, changed or not
        ls.schedule(state, DEBOUNCE_SECONDS)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: StoryServer, params: types.DidSaveTextDocumentParams) -> None:
    state = _state_of(params.text_document.uri)
    if state is not None:
        if state.catalog is not None:
            state.catalog.forget()  # art may have been added meanwhile
        ls.schedule(state, 0)
        ls.explore_later(state)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: StoryServer, params: types.DidCloseTextDocumentParams) -> None:
    state = _state_of(params.text_document.uri)
    if state is not None:
        fs_path = to_fs_path(params.text_document.uri)
        real = Path(fs_path).resolve() if fs_path else None
        if real is not None and ls.opened.get(real) == params.text_document.uri:
            del ls.opened[real]
        if state.catalog is not None:
            state.catalog.forget()
        ls.schedule(state, 0)


@server.feature(types.SHUTDOWN)
def shutdown(ls: StoryServer, params: None) -> None:
    ls.stop_exploring()
    ls.shut_down = True


@server.feature(types.EXIT)
def exit_now(ls: StoryServer, params: None) -> None:
    """The protocol says a server told to exit before it was asked to shut down exits with 1 (`game.lsp.cli`)."""
    ls.exited_early = not ls.shut_down


# -- completion and hover ------------------------------------------------------------------------------------------


@server.feature(
    types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[":", " ", "(", "'", "{", "-"])
)
def completion(ls: StoryServer, params: types.CompletionParams) -> types.CompletionList | None:
    if (found := ls.where(params.text_document.uri, params.position)) is None:
        return None
    state, path, line, column = found
    suggestions = features.complete(ls.index(state), ls.catalog(state), path, ls.lines(path), line, column)
    items = [
        types.CompletionItem(
            label=s.label,
            kind=_COMPLETION_KINDS.get(s.kind, types.CompletionItemKind.Text),
            detail=s.detail or s.kind,
            sort_text=f"{number:04d}",
        )
        for number, s in enumerate(suggestions)
    ]
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: StoryServer, params: types.HoverParams) -> types.Hover | None:
    if (found := ls.where(params.text_document.uri, params.position)) is None:
        return None
    state, path, line, column = found
    parts: list[str] = []
    answer = features.hover(ls.index(state), path, line, column)
    if answer is not None:
        parts.append(answer[0])
    lines = ls.lines(path)
    for problem in state.all_problems(path):
        at, start, end = problem_span(lines, problem)
        if at == line and start <= column <= end and problem.code in CODES:
            code = CODES[problem.code]
            parts.append(f"**{code.code}** {code.title}: {code.explanation}")
    if not parts:
        return None
    content = types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts))
    return types.Hover(contents=content, range=ls.to_range(answer[1]) if answer else None)


# -- navigation ----------------------------------------------------------------------------------------------------


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def definition(ls: StoryServer, params: types.DefinitionParams) -> types.Location | None:
    if (found := ls.where(params.text_document.uri, params.position)) is None:
        return None
    state, path, line, column = found
    span = features.definition(ls.index(state), path, line, column)
    return ls.location(span) if span else None


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
def references(ls: StoryServer, params: types.ReferenceParams) -> list[types.Location] | None:
    if (found := ls.where(params.text_document.uri, params.position)) is None:
        return None
    state, path, line, column = found
    spans = features.references(ls.index(state), path, line, column, params.context.include_declaration)
    return [ls.location(span) for span in spans]


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbols(ls: StoryServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol] | None:
    fs_path = to_fs_path(params.text_document.uri)
    state = server.story_of(Path(fs_path)) if fs_path else None
    if state is None or fs_path is None:
        return None
    path = Path(fs_path).resolve()
    lines = ls.lines(path)
    result = []
    for item in features.outline(ls.index(state), path, len(lines)):
        name_range = ls.to_range(item.span)
        last = lines[item.last] if item.last < len(lines) else ""
        end = ls.to_range(Span(path, item.last, len(last), len(last))).end
        result.append(
            types.DocumentSymbol(
                name=item.name,
                kind=_KINDS[item.kind],
                range=types.Range(name_range.start, end),
                selection_range=name_range,
                detail=item.detail,
            )
        )
    return result


@server.feature(types.WORKSPACE_SYMBOL)
def workspace_symbols(ls: StoryServer, params: types.WorkspaceSymbolParams) -> list[types.SymbolInformation]:
    result = []
    for state in list(ls.stories.values()):
        for entry in features.symbols(ls.index(state), params.query):
            result.append(
                types.SymbolInformation(
                    name=entry.name,
                    kind=_KINDS[entry.kind],
                    location=ls.location(entry.definition),
                    container_name=entry.kind,
                )
            )
    return result


# -- rename and code actions ---------------------------------------------------------------------------------------


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
def prepare_rename(ls: StoryServer, params: types.PrepareRenameParams):
    if (found := ls.where(params.text_document.uri, params.position)) is None:
        return None
    state, path, line, column = found
    try:
        ref = features.rename_target(ls.index(state), path, line, column)
    except features.RenameRefused as refused:
        raise JsonRpcInvalidRequest(str(refused)) from None
    return types.PrepareRenamePlaceholder(range=ls.to_range(ref.span), placeholder=ref.name)


@server.feature(types.TEXT_DOCUMENT_RENAME)
def rename(ls: StoryServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    if (found := ls.where(params.text_document.uri, params.position)) is None:
        return None
    state, path, line, column = found
    try:
        spans = features.rename(ls.index(state), path, line, column, params.new_name)
    except features.RenameRefused as refused:
        raise JsonRpcInvalidRequest(str(refused)) from None
    changes = {
        ls.uri_of(file): [types.TextEdit(ls.to_range(span), params.new_name) for span in file_spans]
        for file, file_spans in spans.items()
    }
    return types.WorkspaceEdit(changes=changes)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix])
)
def code_actions(ls: StoryServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    if (found := ls.where(params.text_document.uri, params.range.start)) is None:
        return None
    state, path, line, column = found
    uri = params.text_document.uri
    lines = ls.lines(path)
    actions: list[types.CodeAction] = []
    for diagnostic in params.context.diagnostics:
        if diagnostic.source != SOURCE:
            continue
        hint = diagnostic.data.get("hint", "") if isinstance(diagnostic.data, dict) else diagnostic.message
        start = ls.workspace.position_codec.position_from_client_units(lines, diagnostic.range.start)
        text = lines[start.line] if start.line < len(lines) else ""
        word = _WORD.match(text, start.character + (1 if text[start.character : start.character + 1] in "\"'" else 0))
        if word is None:
            continue
        for name in features.suggestions_in(hint):
            if not _WORD.fullmatch(name):
                continue
            edit = types.TextEdit(ls.to_range(Span(path, start.line, word.start(), word.end())), name)
            actions.append(
                types.CodeAction(
                    title=f"Change '{word.group()}' to '{name}'",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    edit=types.WorkspaceEdit(changes={uri: [edit]}),
                    is_preferred=len(actions) == 0,
                )
            )
    for diagnostic in params.context.diagnostics:
        if diagnostic.source != SOURCE or diagnostic.code != "HS029":
            continue
        start = ls.workspace.position_codec.position_from_client_units(lines, diagnostic.range.start)
        flavor = features.flavor_edit(lines, start.line, start.character)
        if flavor is not None:
            span = Span(path, flavor.line, flavor.start, flavor.end)
            actions.append(
                types.CodeAction(
                    title="Mark this choice 'flavor: true' (cosmetic on purpose)",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(ls.to_range(span, lines), flavor.text)]}),
                    is_preferred=True,
                )
            )
    index = ls.index(state)
    ref = index.at(path, line, column)
    if ref is not None and ref.kind == "scene" and index.entry("scene", ref.name) is None:
        around = index.scene_around(path, line)
        entry = index.entry("scene", around) if around else None
        chapter = entry.facts.get("chapter") if entry else None
        stub = features.scene_stub(ref.name, chapter if isinstance(chapter, str) else None)
        end = len(lines)
        gap = "\n" if lines and lines[-1].strip() else ""
        at_end = ls.to_range(Span(path, end, 0, 0)) if end else types.Range(types.Position(0, 0), types.Position(0, 0))
        actions.append(
            types.CodeAction(
                title=f"Create scene '{ref.name}' at the end of this file",
                kind=types.CodeActionKind.QuickFix,
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(at_end, gap + stub)]}),
            )
        )
    if ref is not None and ref.kind == "scene" and index.entry("scene", ref.name) is not None:
        actions.append(
            types.CodeAction(
                title=f"Play from '{ref.name}' in the terminal",
                kind=types.CodeActionKind.Empty,
                command=types.Command(f"Play from '{ref.name}'", PLAY_FROM_HERE, arguments=[uri, line]),
            )
        )
    return actions


# -- colours -------------------------------------------------------------------------------------------------------

_COLOUR = re.compile(r"\bcolou?r:\s*[\"']?#([0-9a-fA-F]{6})\b")


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_COLOR)
def document_colours(ls: StoryServer, params: types.DocumentColorParams) -> list[types.ColorInformation]:
    fs_path = to_fs_path(params.text_document.uri)
    if not fs_path:
        return []
    path = Path(fs_path).resolve()
    result = []
    for number, text in enumerate(ls.lines(path)):
        for match in _COLOUR.finditer(text):
            red, green, blue = (int(match.group(1)[i : i + 2], 16) / 255 for i in (0, 2, 4))
            span = Span(path, number, match.start(1) - 1, match.end(1))
            result.append(types.ColorInformation(ls.to_range(span), types.Color(red, green, blue, 1.0)))
    return result


@server.feature(types.TEXT_DOCUMENT_COLOR_PRESENTATION)
def colour_presentation(ls: StoryServer, params: types.ColorPresentationParams) -> list[types.ColorPresentation]:
    colour = params.color
    label = "#" + "".join(f"{round(part * 255):02x}" for part in (colour.red, colour.green, colour.blue))
    return [types.ColorPresentation(label=label, text_edit=types.TextEdit(params.range, label))]


# -- play from here ------------------------------------------------------------------------------------------------


@server.command(PLAY_FROM_HERE)
async def play_from_here(ls: StoryServer, uri: str, line: int) -> dict | None:
    """The terminal command that plays from the scene at a line, with the state of the shortest way there."""
    fs_path = to_fs_path(uri)
    state = server.story_of(Path(fs_path)) if fs_path else None
    if state is None or fs_path is None:
        return None
    scene = ls.index(state).scene_around(Path(fs_path).resolve(), int(line))
    if scene is None:
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Warning, "no scene at this line"))
        return None
    try:
        story = load_story(state.story_dir, ls.sources(state), records=state.records)
    except StoryError as error:
        plan = not_loaded(error)
    else:  # the search takes up to seconds: the server answers the editor meanwhile
        plan = await asyncio.to_thread(play_plan, story, scene)
    named = ls.names.get(state.story_dir)
    if named is not None:  # the story as the editor reached it, through a link
        plan = plan.named(str(state.story_dir), str(named))
    ls.window_show_message(types.ShowMessageParams(types.MessageType.Info, plan.message))
    return {"command": plan.argv, "message": plan.message}
