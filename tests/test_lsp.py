"""`heartstopper lsp` as an editor speaks to it: a real client (pytest-lsp) drives the server over stdio.

The story is a copy of the mini fixture. Edits are sent as unsaved buffers and never written, so every check here
is of what the server makes of the editor's text laid over the disk.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")

from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

from tests.storybuild import FIXTURES  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("lsp") / "story"
    shutil.copytree(FIXTURES / "mini", folder)
    return folder.resolve()


@pytest_lsp.fixture(
    scope="module",
    loop_scope="module",
    config=ClientServerConfig(server_command=[sys.executable, "-m", "game", "lsp"]),
)
async def client(lsp_client: LanguageClient, story: Path):
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("visual-studio-code"), root_uri=story.as_uri())
    )
    yield
    await lsp_client.shutdown_session()


def uri(path: Path) -> str:
    return path.as_uri()


VERSIONS: dict[str, int] = {}


async def open_file(client: LanguageClient, path: Path, text: str | None = None) -> str:
    """Open (or, when open, replace the text of) a file in the editor; returns its URI."""
    address = uri(path)
    text = path.read_text(encoding="utf-8") if text is None else text
    if address in VERSIONS:
        VERSIONS[address] += 1
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(VERSIONS[address], address),
                [types.TextDocumentContentChangeWholeDocument(text)],
            )
        )
    else:
        VERSIONS[address] = 1
        client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(address, "yaml", 1, text)))
    return address


async def diagnostics_for(client: LanguageClient, address: str, wanted) -> list[types.Diagnostic]:
    """Wait for the published diagnostics of a file to satisfy `wanted` (the server publishes after each check)."""
    for _ in range(40):
        found = client.diagnostics.get(address)
        if found is not None and wanted(found):
            return list(found)
        await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 20)
    raise AssertionError(f"diagnostics never matched: {client.diagnostics.get(address)}")


def position_of(path: Path, text: str, needle: str, offset: int = 0) -> types.Position:
    for number, line in enumerate(text.splitlines()):
        column = line.find(needle)
        if column >= 0:
            return types.Position(number, column + offset)
    raise AssertionError(f"{needle!r} not in {path}")


async def test_a_renamed_scene_flags_its_gotos_in_another_file_with_a_fix(client: LanguageClient, story: Path):
    end = story / "scenes" / "end.yaml"
    home = story / "scenes" / "home.yaml"
    renamed = re.sub(r"^hall:$", "the_hall:", end.read_text(encoding="utf-8"), flags=re.MULTILINE)
    await open_file(client, end, renamed)
    home_uri = uri(home)
    found = await diagnostics_for(
        client,
        home_uri,
        lambda ds: any("hall" in d.message and d.severity == types.DiagnosticSeverity.Error for d in ds),
    )
    error = next(d for d in found if "hall" in d.message and d.severity == types.DiagnosticSeverity.Error)
    assert error.code == "HS000" and error.source == "heartstopper"
    home_text = home.read_text(encoding="utf-8")
    assert home_text.splitlines()[error.range.start.line][error.range.start.character :].startswith("hall")

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(home_uri),
            error.range,
            types.CodeActionContext(diagnostics=[error]),
        )
    )
    titles = [action.title for action in actions or []]
    fix = next(a for a in actions if "the_hall" in a.title)
    (edit,) = fix.edit.changes[home_uri]
    assert edit.new_text == "the_hall" and edit.range == types.Range(
        error.range.start, types.Position(error.range.start.line, error.range.start.character + 4)
    )
    assert any("Create scene 'hall'" in title for title in titles)

    await open_file(client, end, end.read_text(encoding="utf-8"))  # put it back: the goto is fine again
    await diagnostics_for(
        client, home_uri, lambda ds: not any(d.severity == types.DiagnosticSeverity.Error for d in ds)
    )


async def test_playthrough_files_are_checked_as_check_checks_them(client: LanguageClient, story: Path):
    end, home = story / "scenes" / "end.yaml", story / "scenes" / "home.yaml"
    brave = story / "playthroughs" / "brave.yaml"
    brave_uri = uri(brave)
    # the scene renamed and every goto mended: the story loads, and only the playthrough still says 'hall'
    renamed = re.sub(
        r"^hall:$|next: hall$", lambda m: m[0].replace("hall", "the_hall"), end.read_text("utf-8"), flags=re.M
    )
    await open_file(client, end, renamed)
    await open_file(client, home, home.read_text(encoding="utf-8").replace("goto: hall", "goto: the_hall"))
    found = await diagnostics_for(client, brave_uri, lambda ds: any("unknown scene 'hall'" in d.message for d in ds))
    (error,) = [d for d in found if "unknown scene 'hall'" in d.message]
    brave_text = brave.read_text(encoding="utf-8")
    line = brave_text.splitlines()[error.range.start.line]
    assert line[error.range.start.character : error.range.end.character] == "hall"
    await open_file(client, end, end.read_text(encoding="utf-8"))
    await open_file(client, home, home.read_text(encoding="utf-8"))
    await diagnostics_for(client, brave_uri, lambda ds: not ds)

    # the editor's unsaved text of a playthrough file is what is checked
    await open_file(client, brave, brave_text.replace('expect: "brave"', 'expect: "bravr"'))
    found = await diagnostics_for(client, brave_uri, lambda ds: any("bravr" in d.message for d in ds))
    assert any(d.range.start.line == 6 for d in found)  # the `expect` step
    await open_file(client, brave, brave_text)
    await diagnostics_for(client, brave_uri, lambda ds: not ds)


class Counted(dict):
    """The client's diagnostics by URI, counting how many times each was sent."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.sends: dict[str, int] = {}

    def __setitem__(self, key, value) -> None:
        self.sends[key] = self.sends.get(key, 0) + 1
        super().__setitem__(key, value)


async def test_an_edit_sends_problems_only_to_the_files_whose_problems_changed(client: LanguageClient, story: Path):
    home, end = story / "scenes" / "home.yaml", story / "scenes" / "end.yaml"
    client.diagnostics = counted = Counted(client.diagnostics)
    end_uri = await open_file(client, end)
    home_uri = await open_file(client, home)
    while not {end_uri, home_uri} <= set(counted.sends):  # each answered for being opened (or typed in)
        await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 20)
    counted.sends.clear()
    text = home.read_text(encoding="utf-8")
    await open_file(client, home, text.replace('"Morning light."', '"Morning *light."', 1))  # a warning, here only
    await diagnostics_for(client, home_uri, lambda ds: any(d.code == "HS031" for d in ds))
    await open_file(client, home, text)
    await diagnostics_for(client, home_uri, lambda ds: not any(d.code == "HS031" for d in ds))
    assert counted.sends == {home_uri: 2}  # end.yaml's problems never changed: it was not sent them again


async def test_an_open_file_the_story_does_not_read_says_so(client: LanguageClient, story: Path):
    unsaved = story / "scenes" / "extra.yaml"
    address = await open_file(client, unsaved, "extra:\n  title: X\n  chapter: Home\n  next: nowhere_at_all\n")
    (said,) = await diagnostics_for(client, address, lambda ds: len(ds) == 1)
    assert "not checked until it is saved" in said.message and said.severity == types.DiagnosticSeverity.Warning
    stray = story / "notes.yaml"
    stray.write_text("a: 1\n", encoding="utf-8")
    address = await open_file(client, stray)
    (said,) = await diagnostics_for(client, address, lambda ds: len(ds) == 1)
    assert "the story does not read notes.yaml" in said.message
    stray.unlink()
    for path in (unsaved, stray):
        client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri(path))))


async def test_lint_warnings_carry_their_code_and_hover_explains_it(client: LanguageClient, story: Path):
    home = story / "scenes" / "home.yaml"
    address = await open_file(client, home)
    found = await diagnostics_for(client, address, lambda ds: any(d.code == "HS020" for d in ds))
    warning = next(d for d in found if d.code == "HS020")
    assert warning.severity == types.DiagnosticSeverity.Warning
    answer = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(address), warning.range.start)
    )
    assert answer is not None and "HS020" in answer.contents.value


async def test_completion_offers_the_storys_own_names(client: LanguageClient, story: Path):
    home = story / "scenes" / "home.yaml"
    text = home.read_text(encoding="utf-8")
    address = await open_file(client, home, text)

    async def labels(needle: str, offset: int) -> set[str]:
        result = await client.text_document_completion_async(
            types.CompletionParams(types.TextDocumentIdentifier(address), position_of(home, text, needle, offset))
        )
        return {item.label for item in result.items}

    assert {"hall", "kitchen", "desk", "good_end"} <= await labels("goto: desk", len("goto: "))
    assert {"grades", "brave", "room", "visited"} <= await labels('if: "grades >= 4"', len('if: "'))
    assert {"charlie", "nick"} <= await labels("show: {who: charlie", len("show: {who: "))
    assert await labels("add: {grades: 2}", len("add: {")) == {"grades"}  # only numbers can be added to


async def test_a_story_opened_through_a_link_is_answered_in_the_links_names(client: LanguageClient, story: Path):
    link = story.parent / "linked"
    link.symlink_to(story, target_is_directory=True)
    home = link / "scenes" / "home.yaml"
    text = home.read_text(encoding="utf-8")
    real_uri = await open_file(client, story / "scenes" / "home.yaml", text.replace("goto: hall", "goto: halls", 1))
    await diagnostics_for(client, real_uri, lambda ds: any("halls" in d.message for d in ds))
    address = await open_file(client, home, text.replace("goto: hall", "goto: halls", 1))
    found = await diagnostics_for(client, address, lambda ds: any("halls" in d.message for d in ds))
    real_home = await diagnostics_for(client, real_uri, lambda ds: not any("halls" in d.message for d in ds))
    assert found and not real_home  # what was sent under the real name is cleared: one name for each file
    await open_file(client, home, text)
    await diagnostics_for(client, address, lambda ds: not any(d.severity == types.DiagnosticSeverity.Error for d in ds))
    where = await client.text_document_definition_async(
        types.DefinitionParams(types.TextDocumentIdentifier(address), position_of(home, text, "set: {brave", 7))
    )
    assert where.uri == uri(link / "story.yaml")  # the link's name for it, though it is not open
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(address)))


async def test_hover_definition_references_and_outline(client: LanguageClient, story: Path):
    home = story / "scenes" / "home.yaml"
    end = story / "scenes" / "end.yaml"
    text = home.read_text(encoding="utf-8")
    address = await open_file(client, home, text)
    on_hall = position_of(home, text, "goto: hall", len("goto: ") + 1)

    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(address), on_hall))
    assert "The Hall" in hover.contents.value and "kitchen" in hover.contents.value  # its title, and who leads there

    found = await client.text_document_definition_async(
        types.DefinitionParams(types.TextDocumentIdentifier(address), on_hall)
    )
    assert found.uri == uri(end) and found.range.start == types.Position(0, 0)

    uses = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(address),
            position=on_hall,
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert {use.uri for use in uses} == {uri(home), uri(end), uri(story / "playthroughs" / "brave.yaml")}

    on_brave = position_of(home, text, "set: {brave", len("set: {") + 1)
    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(address), on_brave))
    assert "bool" in hover.contents.value and "kitchen" in hover.contents.value  # its type, and where it is written

    for past_the_end in (types.Position(len(text.splitlines()), 0), types.Position(len(text.splitlines()) + 5, 0)):
        hover = await client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(address), past_the_end)
        )
        assert hover is None  # not the last line's name

    outline = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(address))
    )
    assert [symbol.name for symbol in outline] == ["kitchen", "desk"]
    symbols = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="end"))
    assert {"good_end", "quiet_end"} <= {symbol.name for symbol in symbols}


async def test_rename_a_variable_everywhere_and_refuse_a_clash(client: LanguageClient, story: Path):
    home = story / "scenes" / "home.yaml"
    text = home.read_text(encoding="utf-8")
    address = await open_file(client, home, text)
    on_brave = position_of(home, text, "set: {brave", len("set: {"))
    edit = await client.text_document_rename_async(
        types.RenameParams(types.TextDocumentIdentifier(address), on_brave, "courage")
    )
    files = {Path(types_uri).name for types_uri in edit.changes}
    assert files == {"story.yaml", "home.yaml", "end.yaml", "brave.yaml"}
    assert all(change.new_text == "courage" for changes in edit.changes.values() for change in changes)
    manifest_edit = edit.changes[uri(story / "story.yaml")][0]
    line = (story / "story.yaml").read_text(encoding="utf-8").splitlines()[manifest_edit.range.start.line]
    assert line[manifest_edit.range.start.character : manifest_edit.range.end.character] == "brave"

    with pytest.raises(Exception, match="already"):
        await client.text_document_rename_async(
            types.RenameParams(types.TextDocumentIdentifier(address), on_brave, "grades")
        )


async def test_play_from_here_gives_the_state_of_the_shortest_way(client: LanguageClient, story: Path):
    end = story / "scenes" / "end.yaml"
    address = await open_file(client, end)
    text = end.read_text(encoding="utf-8")
    line = position_of(end, text, "good_end:").line + 2
    result = await client.workspace_execute_command_async(
        types.ExecuteCommandParams("heartstopper.playFromHere", [address, line])
    )
    command = result["command"]
    assert command[command.index("--start") + 1] == "good_end"
    assert "brave=true" in command  # the only way to the good ending is to be brave


async def test_a_binary_buffer_and_a_file_outside_any_story_get_answers_not_failures(
    client: LanguageClient, story: Path, tmp_path_factory
):
    end = story / "scenes" / "end.yaml"
    address = await open_file(client, end, 'hall:\n  title: "A\x00B"\n')
    found = await diagnostics_for(client, address, lambda ds: any("NUL" in d.message for d in ds))
    assert found[0].range.start.line == 1
    await open_file(client, end)  # mended again

    stray = tmp_path_factory.mktemp("elsewhere") / "notes.yaml"
    stray.write_text("goto: hall\n", encoding="utf-8")
    stray_uri = await open_file(client, stray)
    position = types.Position(0, 7)
    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(stray_uri), position))
    completion = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(stray_uri), position)
    )
    assert hover is None and completion is None


async def test_a_saved_story_is_explored_in_the_background_and_a_cosmetic_choice_can_be_marked_flavor(
    client: LanguageClient, tmp_path_factory
):
    folder = tmp_path_factory.mktemp("cosmetic") / "story"
    shutil.copytree(FIXTURES / "mini", folder)
    end = folder.resolve() / "scenes" / "end.yaml"
    text = end.read_text(encoding="utf-8").replace(
        '    - narrate: "You wait."\n  next: hall\n',
        '    - narrate: "You wait."\n  choices:\n    - text: "Sit down"\n      goto: hall\n'
        '    - {text: "Stand", goto: hall}\n',
    )
    end.write_text(text, encoding="utf-8")
    address = await open_file(client, end, text)
    await diagnostics_for(client, address, lambda ds: not any(d.code == "HS029" for d in ds))  # not as you type
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(address)))
    found = await diagnostics_for(client, address, lambda ds: sum(d.code == "HS029" for d in ds) == 2)
    block, flow = sorted((d for d in found if d.code == "HS029"), key=lambda d: d.range.start.line)

    fixed = text
    for diagnostic in (flow, block):  # the later line first, so the earlier edit's position still holds
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                types.TextDocumentIdentifier(address),
                diagnostic.range,
                types.CodeActionContext(diagnostics=[diagnostic]),
            )
        )
        (mark,) = [a for a in actions or [] if "flavor: true" in a.title]
        (edit,) = mark.edit.changes[address]
        lines = fixed.split("\n")
        row = lines[edit.range.start.line]
        lines[edit.range.start.line] = (
            row[: edit.range.start.character] + edit.new_text + row[edit.range.end.character :]
        )
        fixed = "\n".join(lines)
    assert '    - {text: "Stand", goto: hall, flavor: true}' in fixed
    assert "      goto: hall\n      flavor: true\n" in fixed

    end.write_text(fixed, encoding="utf-8")  # the editor applies the edits and saves
    await open_file(client, end, fixed)
    explored = len(explorations(client))
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(address)))
    for _ in range(100):
        if len(explorations(client)) > explored:
            break
        await asyncio.sleep(0.1)
    assert explorations(client)[-1].endswith(": 0 cosmetic choices (HS029)")
    final = client.diagnostics.get(address, [])
    assert not any(d.code == "HS029" or d.severity == types.DiagnosticSeverity.Error for d in final)


def explorations(client: LanguageClient) -> list[str]:
    """The server's log lines that say an exploration of a saved story ended."""
    return [m.message for m in client.log_messages if "explored the saved story" in m.message]


async def test_a_constant_in_a_lines_braces_has_hover_and_definition(client: LanguageClient, tmp_path_factory):
    folder = tmp_path_factory.mktemp("lamplight") / "lamplight"
    shutil.copytree(Path(__file__).resolve().parents[1] / "examples" / "lamplight", folder)
    dusk = folder.resolve() / "scenes" / "dusk.yaml"
    text = dusk.read_text(encoding="utf-8")
    address = await open_file(client, dusk, text)
    await diagnostics_for(client, address, lambda ds: not any(d.severity == types.DiagnosticSeverity.Error for d in ds))
    where = position_of(dusk, text, "{full_tank}", 1)
    document = types.TextDocumentIdentifier(address)
    hover = await client.text_document_hover_async(types.HoverParams(document, where))
    assert hover is not None and "constant 5" in hover.contents.value
    found = await client.text_document_definition_async(types.DefinitionParams(document, where))
    assert found.uri == uri(folder.resolve() / "story.yaml")
    manifest = (folder / "story.yaml").read_text(encoding="utf-8").splitlines()
    assert manifest[found.range.start.line][found.range.start.character :].startswith("full_tank")
