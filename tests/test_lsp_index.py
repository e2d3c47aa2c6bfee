"""The language server's index and features, directly: every name it records is exactly where it says, completion
reads the cursor's context, rename refuses what would break the story, a created scene is one the loader reads, and
'play from here' finds the state of the shortest way. (tests/test_lsp.py drives the same through the protocol.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.assets import AssetCatalog
from game.loader import load_story
from game.lsp import features
from game.lsp.checking import ParseMemory, RememberingSources, check_story
from game.lsp.index import LastGood, StoryIndex
from game.lsp.play_here import play_command, play_plan, shortest_way
from game.paths import assets_dir_for, default_story_dir
from game.problems import StoryError
from game.sources import Sources
from tests.storybuild import FIXTURES

SHIPPED = default_story_dir().resolve()


@pytest.fixture(scope="module")
def shipped() -> StoryIndex:
    return StoryIndex(SHIPPED, Sources())


@pytest.fixture()
def mini(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    shutil.copytree(FIXTURES / "mini", folder)
    return folder.resolve()


def test_every_name_in_the_shipped_story_is_exactly_where_the_index_says(shipped: StoryIndex):
    lines = {path: path.read_text(encoding="utf-8").splitlines() for path in shipped.files()}
    assert len(shipped.refs) > 1000
    for ref in shipped.refs:
        assert lines[ref.span.path][ref.span.line][ref.span.start : ref.span.end] == ref.name, ref
    story = load_story(SHIPPED)
    assert set(shipped.names("scene")) == set(story.scenes)
    assert set(shipped.names("variable")) == set(story.variables)
    assert set(shipped.names("character")) == set(story.characters)
    assert set(shipped.names("ending")) == set(story.endings)
    # every name used is defined (the shipped story loads), and every condition's names were found
    assert all(shipped.entry(ref.kind, ref.name) for ref in shipped.refs)
    assert any(ref.role == "condition" and ref.kind == "scene" for ref in shipped.refs)  # visited(...)


def test_the_index_still_works_while_the_story_does_not_load(mini: Path):
    home = mini / "scenes" / "home.yaml"
    broken = home.read_text(encoding="utf-8").replace("goto: desk", "goto: nowhere", 1) + "  oops: [\n"
    sources = Sources({home: broken})
    with pytest.raises(StoryError):
        load_story(mini, sources)
    index = StoryIndex(mini, sources)
    assert index.entry("scene", "hall") is not None  # from the other file
    assert index.entry("variable", "brave") is not None
    end = mini / "scenes" / "end.yaml"
    assert {ref.span.path for ref in index.uses("scene", "hall")} >= {end}


def test_a_file_with_a_syntax_error_is_indexed_as_it_last_parsed_at_its_lines_now(mini: Path):
    home = mini / "scenes" / "home.yaml"
    text = home.read_text(encoding="utf-8")
    last_good: LastGood = {}
    StoryIndex(mini, Sources(), last_good)  # the editor opened the story: every file parsed
    lines = text.split("\n")
    lines.insert(14, '    - if: "visited(kit')  # typing: the quote is not closed yet
    broken = "\n".join(lines)
    index = StoryIndex(mini, Sources({home: broken}), last_good)
    assert {"kitchen", "desk", "hall"} <= set(index.names("scene"))  # its own scenes are still offered
    goto_desk = next(number for number, line in enumerate(lines) if "goto: desk" in line)
    found = index.at(home, goto_desk, lines[goto_desk].index("desk"))
    assert found is not None and (found.kind, found.name) == ("scene", "desk")  # one line further down now
    assert index.at(home, goto_desk - 1, lines[goto_desk].index("desk")) is None
    index = StoryIndex(mini, Sources(), last_good)  # mended: read as it is again
    assert index.at(home, goto_desk - 1, lines[goto_desk].index("desk")) is not None
    # opened with the error in it: the file as saved stands in
    index = StoryIndex(mini, Sources({home: broken}), {})
    found = index.at(home, goto_desk, lines[goto_desk].index("desk"))
    assert found is not None and found.name == "desk"


def complete(index: StoryIndex, path: Path, text: str, marker: str = "|") -> set[str]:
    lines = text.split("\n")
    line = next(number for number, row in enumerate(lines) if marker in row)
    column = lines[line].index(marker)
    lines[line] = lines[line].replace(marker, "")
    catalog = AssetCatalog(assets_dir_for(index.story_dir))
    return {s.label for s in features.complete(index, catalog, path, lines, line, column)}


def test_completion_reads_the_context_of_the_cursor(mini: Path):
    index = StoryIndex(mini, Sources())
    home = mini / "scenes" / "home.yaml"
    scene = "kitchen:\n  title: T\n  lines:\n"
    assert "isaac" in complete(index, home, scene + '    - if: "room == \'|"')
    assert complete(index, home, scene + '    - if: "visited(|"') >= {"kitchen", "hall", "desk"}
    assert complete(index, home, scene + "    - set: {room: |}") == {"tao", "isaac"}
    assert complete(index, home, scene + "    - set: {brave: |}") == {"true", "false"}
    assert complete(index, home, scene + "  ending: |") == {"good", "quiet"}
    assert complete(index, home, scene + "    - effect: |") >= {"leaves", "hearts"}
    assert complete(index, home, scene + "    - show: {who: nick, at: |") >= {
        "left",
        "center",
        "right",
        "far_left",
        "far_right",
    }
    assert "happy" in complete(index, home, scene + "    - show: {who: charlie, as: |")
    beat_keys = complete(index, home, scene + "    - |")
    assert {"narrate", "show", "goto", "charlie", "nick"} <= beat_keys
    assert {"text", "goto", "once"} <= complete(index, home, "kitchen:\n  choices:\n    - text: a\n      |")
    assert {"title", "chapter", "lines", "next"} <= complete(index, home, "kitchen:\n  title: T\n  |")
    assert "title" in complete(index, mini / "story.yaml", "|")
    assert complete(index, home, scene + "    - show: {who: nick, |}") == {"who", "as", "at", "outfit"}
    assert complete(index, home, scene + "    - nick: {|") == {"text", "as"}
    assert "about" in complete(index, mini / "story.yaml", "variables:\n  brave: {type: bool, |}")
    assert complete(index, home, scene + '    - narrate: "Words |') == set()  # inside story text: nothing


def test_rename_refuses_a_bad_or_taken_name_and_lists_every_use(mini: Path):
    index = StoryIndex(mini, Sources())
    (ref,) = [r for r in index.uses("scene", "desk") if r.role == "definition"]
    where = (ref.span.path, ref.span.line, ref.span.start)
    with pytest.raises(features.RenameRefused, match="already the id of a scene"):
        features.rename(index, *where, "kitchen")
    with pytest.raises(features.RenameRefused, match="already the id of an ending"):
        features.rename(index, *where, "good")
    with pytest.raises(features.RenameRefused, match="not an id"):
        features.rename(index, *where, "Desk Two")
    edits = features.rename(index, *where, "study_desk")
    assert sum(len(spans) for spans in edits.values()) == len(index.uses("scene", "desk"))
    # applying the edits gives a story that loads, with the scene under its new name
    for path, spans in edits.items():
        lines = path.read_text(encoding="utf-8").split("\n")
        for span in sorted(spans, key=lambda s: (s.line, -s.start)):
            row = lines[span.line]
            lines[span.line] = row[: span.start] + "study_desk" + row[span.end :]
        path.write_text("\n".join(lines), encoding="utf-8")
    assert "study_desk" in load_story(mini).scenes


def test_a_created_scene_loads_once_it_has_a_way_on(mini: Path):
    home = mini / "scenes" / "home.yaml"
    text = home.read_text(encoding="utf-8").replace("goto: desk", "goto: attic", 1)
    stub = features.scene_stub("attic", "Home")
    result = check_story(mini, RememberingSources({home: text + stub}, ParseMemory()))
    messages = [p.message for p in result.problems.get(home, ())]
    assert not result.loaded and messages and not any("attic" in m and "unknown" in m for m in messages)
    assert load_story(mini, Sources({home: text + stub + "  next: kitchen\n"})).scenes["attic"].chapter == "Home"


def test_play_from_here_takes_the_shortest_way_and_its_state(mini: Path):
    story = load_story(mini)
    assert shortest_way(story, "kitchen") == (0, story.defaults(), 0)
    choices, values, _ = shortest_way(story, "good_end")
    assert choices == 2 and values["brave"] is True
    plan = play_command(mini, Sources(), "good_end")
    assert plan.argv[-2:] == ["--given", "brave=true"] and "--start" in plan.argv


def test_the_command_says_how_to_install_pygls_when_it_is_missing():
    import subprocess
    import sys

    blocked = "import sys; sys.modules['pygls'] = None; from game.cli import main; sys.exit(main(['lsp']))"
    result = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stdout == ""
    assert "[lsp]" in result.stderr and "Traceback" not in result.stderr


def test_with_story_the_server_lists_its_problems_before_any_file_is_opened(mini: Path):
    import json
    import subprocess
    import sys

    pytest.importorskip("pygls")
    (mini / "scenes" / "end.yaml").write_text(
        (mini / "scenes" / "end.yaml").read_text(encoding="utf-8").replace("ending: good", "ending: goood")
    )

    def framed(message: dict) -> bytes:
        body = json.dumps(message).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
    ]
    server = subprocess.Popen(
        [sys.executable, "-m", "game", "lsp", "--story", str(mini)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    import threading

    watchdog = threading.Timer(60, server.kill)  # a server that never answers ends the read below, not the run
    watchdog.start()
    try:
        server.stdin.write(b"".join(framed(m) for m in messages))
        server.stdin.flush()
        while True:
            length = int(server.stdout.readline().split(b":")[1])
            while server.stdout.readline().strip():
                pass
            message = json.loads(server.stdout.read(length))
            if message.get("method") == "textDocument/publishDiagnostics" and "end.yaml" in message["params"]["uri"]:
                break
    finally:
        watchdog.cancel()
        server.kill()
        server.wait(timeout=10)
    assert any("goood" in d["message"] and "good" in d["message"] for d in message["params"]["diagnostics"])


def test_an_edit_parses_only_the_edited_file_once_and_the_rest_comes_from_the_cache(mini: Path, monkeypatch):
    from game import sources as sources_module
    from game import story_cache

    parsed: list[str] = []
    real = sources_module.parse_file_bytes
    monkeypatch.setattr(sources_module, "parse_file_bytes", lambda *args: parsed.append(args[1]) or real(*args))
    monkeypatch.setattr("game.lsp.checking.parse_file_bytes", lambda *args: parsed.append(args[1]) or real(*args))
    load_story(mini)  # the commands' load fills the user cache folder
    on_disk = story_cache.cache_file(mini).read_bytes()
    parsed.clear()
    memory, records = ParseMemory(), story_cache.RecordsInMemory()
    first = check_story(mini, RememberingSources({}, memory), records=records)
    # the story came from the cache; only files the linter has warnings in were parsed (for their positions)
    assert first.loaded and len(parsed) == len(set(parsed))  # each at most once
    StoryIndex(mini, RememberingSources({}, memory))  # the editor's index (it reads the playthroughs too)
    parsed.clear()
    assert check_story(mini, RememberingSources({}, memory), records=records).loaded and parsed == []

    home = mini / "scenes" / "home.yaml"
    edited = home.read_text(encoding="utf-8").replace("title:", "title: New", 1)
    for _ in range(2):  # the same text checked again (a save, a reopened file) parses nothing more
        result = check_story(mini, RememberingSources({home: edited}, memory), records=records)
        assert result.loaded
        assert parsed == ["story/scenes/home.yaml"]  # once, shared by the load and the linter's positions
        StoryIndex(mini, RememberingSources({home: edited}, memory))  # the editor's index: no parse of its own
        assert parsed.count("story/scenes/home.yaml") == 1
    # the unsaved text is kept in the server's records, never written over the commands' cache
    assert story_cache.cache_file(mini).read_bytes() == on_disk
    assert records.read(mini).by_display()["story/scenes/home.yaml"].digest == story_cache.content_hash(edited.encode())


def test_checks_after_edits_keep_unchanged_scenes_and_find_what_a_fresh_lint_finds(tmp_path: Path):
    from game import story_cache
    from game.authoring.lint import lint_folder
    from game.authoring.lint_memory import LintMemory

    folder = Path(shutil.copytree(SHIPPED, tmp_path / "story")).resolve()
    memory, records, lint_memory = ParseMemory(), story_cache.RecordsInMemory(), LintMemory()
    first = check_story(folder, RememberingSources({}, memory), None, records, lint_memory)
    paris = folder / "scenes" / "paris.yaml"
    text = paris.read_text(encoding="utf-8")
    at = text.index('- narrate: "') + len('- narrate: "')
    long_line = text[:at] + "On and on. " * 40 + text[at:]
    renamed = text.replace("\nparis_start:", "\nparis_begins:", 1)  # another file's `next: paris_start` breaks
    for edited in (long_line, renamed, text):
        before = lint_memory.reused
        result = check_story(folder, RememberingSources({paris: edited}, memory), None, records, lint_memory)
        if result.story is not None:
            # every scene of the other files is the very object of the first check, and its flow was kept
            others = [s for s in result.story.scenes.values() if s.where.file != "story/scenes/paris.yaml"]
            assert others and all(first.story.scenes[s.id] is s for s in others)
            assert lint_memory.reused - before >= len(others)
        # what a command finds in the same text, from nothing
        paris.write_text(edited, encoding="utf-8")
        fresh = lint_folder(folder)
        found = [(p.file, p.line, p.column, p.code, p.message) for ps in result.problems.values() for p in ps]
        assert sorted(found) == sorted((p.file, p.line, p.column, p.code, p.message) for p in fresh.problems)
        assert (edited == long_line) == any(
            code == "HS023" and file.endswith("paris.yaml") for file, *_, code, _ in found
        )
        assert (edited == renamed) == (not result.loaded)


def test_marking_a_choice_flavor_edits_its_block_or_its_braces_and_keeps_multiline_text():
    lines = [
        "  choices:",
        "    - text: >-",
        "        Sit",
        "        down",
        "      goto: hall",
        '    - {text: "St}and", goto: hall}',
        "    - flavor: false",
        "      text: Wait",
        "  next: hall",
    ]

    def marked(line: int, column: int) -> list[str]:
        edit = features.flavor_edit(lines, line, column)
        row = lines[edit.line]
        return [
            *lines[: edit.line],
            *(row[: edit.start] + edit.text + row[edit.end :]).split("\n"),
            *lines[edit.line + 1 :],
        ]

    assert marked(1, 6)[4:6] == ["      goto: hall", "      flavor: true"]  # after the whole block, not inside the text
    assert marked(5, 6)[5] == '    - {text: "St}and", goto: hall, flavor: true}'
    assert marked(6, 6)[6] == "    - flavor: true"
    assert features.flavor_edit(["    - {text: a,", "       goto: b}"], 0, 6) is None  # braces over two lines


def test_a_saved_story_that_does_not_load_is_said_not_explored(mini: Path):
    import asyncio

    from game.lsp import exploring

    home = mini / "scenes" / "home.yaml"
    home.write_text(home.read_text(encoding="utf-8").replace("goto: hall", "goto: nowhere"), encoding="utf-8")
    found, notes = asyncio.run(exploring.explore_saved_story(mini))
    assert found is None and notes == [exploring.NOT_LOADED]


def test_an_exploration_stopped_by_a_newer_save_ends_its_child_process(monkeypatch):
    import asyncio

    from game.lsp import exploring

    started = []
    real = asyncio.create_subprocess_exec

    async def spawn(*args, **kwargs):
        process = await real(*args, **kwargs)
        started.append(process)
        return process

    monkeypatch.setattr(asyncio, "create_subprocess_exec", spawn)

    async def save_twice():
        task = asyncio.create_task(exploring.explore_saved_story(SHIPPED))  # seconds of work
        while not started:
            await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(save_twice())
    assert started[0].returncode is not None  # killed and waited for, not left running


def test_the_shortest_way_has_as_few_choices_as_the_branch_testers_and_reaches_deep_scenes():
    from game.tester.explore import explore

    lamplight = SHIPPED.parent / "examples" / "lamplight"  # sub-scenes: `call` and `return`
    for folder in (FIXTURES / "mini", FIXTURES / "tester" / "hub", FIXTURES / "ui_story", lamplight):
        story = load_story(folder)
        exploration = explore(story)
        fewest: dict[str, int] = {}
        for state, key in enumerate(exploration.keys):
            fewest[key[0]] = min(fewest.get(key[0], 10**9), exploration.distance[state])
        for scene in story.scenes:
            way = shortest_way(story, scene)
            assert (way.choices if way else None) == fewest.get(scene), (folder, scene)
    inside = play_plan(story, "landing_glass")  # lamplight's sub-scene, reached only through its call
    assert "inside a sub-scene (1 call waiting then)" in inside.message and "--start" in inside.argv
    shipped = load_story(SHIPPED)
    choices, values, _ = shortest_way(shipped, "prom_leave")  # deep in the last chapter, behind conditions
    assert choices > 30 and set(values) == set(shipped.variables)


def test_constants_are_defined_in_the_manifest_and_named_in_conditions(mini: Path):
    manifest = mini / "story.yaml"
    home = mini / "scenes" / "home.yaml"
    with_constants = manifest.read_text(encoding="utf-8").replace("endings:", "constants: {pass_mark: 4}\nendings:")
    reading = home.read_text(encoding="utf-8").replace('if: "grades >= 4"', 'if: "grades >= pass_mark"')
    index = StoryIndex(mini, Sources({manifest: with_constants, home: reading}))
    entry = index.entry("constant", "pass_mark")
    assert entry is not None and entry.definition.path == manifest
    (use,) = [ref for ref in index.uses("constant", "pass_mark") if ref.role == "condition"]
    line = reading.splitlines()[use.span.line]
    assert line[use.span.start : use.span.end] == "pass_mark" and use.span.path == home
    text, _ = features.hover(index, home, use.span.line, use.span.start)
    assert "constant 4" in text and "1 use" in text
    assert features.definition(index, home, use.span.line, use.span.start) == entry.definition
    assert "pass_mark" in complete(index, home, 'kitchen:\n  choices:\n    - if: "grades >= |"')


def test_the_names_in_issue_17s_constructs_are_indexed_where_written_in_the_second_story():
    folder = (SHIPPED.parent / "examples" / "lamplight").resolve()
    index = StoryIndex(folder, Sources())
    lines = {path: path.read_text(encoding="utf-8").splitlines() for path in index.files()}
    for ref in index.refs:
        assert lines[ref.span.path][ref.span.line][ref.span.start : ref.span.end] == ref.name, ref
    story = load_story(folder)
    assert set(index.names("constant")) == set(story.constants) and story.constants
    assert all(index.entry(ref.kind, ref.name) for ref in index.refs)  # nothing undeclared: an enum word is no name
    roles = {(ref.kind, ref.role) for ref in index.refs}
    # `{var}` and `{cond: a|b}` in text, expressions in set/add, constants in conditions and in text
    assert {("variable", "text"), ("variable", "value"), ("constant", "condition"), ("constant", "text")} <= roles
    (call,) = [ref for ref in index.refs if ref.role == "call"]  # `- call: landing_glass`, a sub-scene
    assert call.kind == "scene" and index.entry("scene", call.name) is not None and not index.entry("character", "call")
    storm = folder / "scenes" / "storm.yaml"
    assert (
        features.definition(index, storm, call.span.line, call.span.start) == index.entry("scene", call.name).definition
    )
    assert "landing_glass" in complete(index, storm, "storm:\n  lines:\n    - call: |")
    assert {"call", "return"} <= complete(index, storm, "storm:\n  lines:\n    - |")
    # a scene that leaves out `chapter` is in the chapter of the scene above it, as the loader reads it
    for scene_id, scene in story.scenes.items():
        entry = index.entry("scene", scene_id)
        if entry is not None:
            assert entry.facts.get("chapter") == scene.chapter, scene_id
    inherited = [e for e in index.entries.values() if e.facts.get("chapter_from_above")]
    assert inherited and "(from the scene above)" in features.describe(index, inherited[0])
    enums = [entry for entry in index.entries.values() if entry.facts.get("labels")]
    for entry in enums:  # a hover shows the label text gives each value
        labels = entry.facts["labels"]
        assert all(f"{value} “{label}”" in features.describe(index, entry) for value, label in labels.items())
    assert enums


def test_completion_inside_text_braces_and_set_expressions_offers_names(mini: Path):
    manifest = mini / "story.yaml"
    with_constants = manifest.read_text(encoding="utf-8").replace("endings:", "constants: {pass_mark: 4}\nendings:")
    index = StoryIndex(mini, Sources({manifest: with_constants}))
    home = mini / "scenes" / "home.yaml"
    scene = "kitchen:\n  title: T\n  lines:\n"
    names = {"grades", "brave", "pass_mark", "visited"}
    assert names <= complete(index, home, scene + '    - narrate: "You have {|')
    assert names <= complete(index, home, scene + '    - nick: {text: "{brave: Yes|No} and {gr^', "^")
    assert complete(index, home, scene + '    - narrate: "{brave: Ye^', "^") == set()  # the text a condition picks
    assert names <= complete(index, home, scene + '    - set: {grades: "gr|')
    assert {"tao", "isaac"} <= complete(index, home, scene + '    - set: {room: "|')
    assert "extend" in complete(index, home, scene + "    - |")


def test_a_malformed_message_is_logged_in_one_line_and_the_server_goes_on():
    import json
    import subprocess
    import sys

    pytest.importorskip("pygls")
    bad = [
        b"hello",
        b'{"jsonrpc": "2.0", "id": 7, "method": "nope"}',
        b'{"jsonrpc": "2.0", "id": 8, "method": "textDocument/hover", "params": {"textDocument": {}}}',
    ]
    good = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}).encode()
    sent = b"".join(b"Content-Length: %d\r\n\r\n" % len(body) + body for body in [*bad, good])
    result = subprocess.run(
        [sys.executable, "-m", "game", "lsp"], input=sent, capture_output=True, timeout=60, check=False
    )
    log = result.stderr.decode()
    assert result.returncode == 0
    assert "Traceback" not in log and 'File "' not in log
    assert all(line.startswith("heartstopper lsp: ") for line in log.splitlines())
    assert log.count("\n") <= len(bad)  # one line a message at the most
    assert "Exception Group" not in log and "+---" not in log
    assert b'"capabilities"' in result.stdout  # the well-formed message after them was still answered


@pytest.mark.parametrize(("shut_down_first", "code"), [(True, 0), (False, 1)])
def test_exit_ends_the_server_with_the_code_the_protocol_gives(shut_down_first: bool, code: int):
    import json
    import subprocess
    import sys

    pytest.importorskip("pygls")
    messages = [{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}]
    messages.append({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    if shut_down_first:
        messages.append({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    messages.append({"jsonrpc": "2.0", "method": "exit"})
    bodies = [json.dumps(message).encode() for message in messages]
    sent = b"".join(b"Content-Length: %d\r\n\r\n" % len(body) + body for body in bodies)
    result = subprocess.run(
        [sys.executable, "-m", "game", "lsp"], input=sent, capture_output=True, timeout=60, check=False
    )
    assert result.returncode == code, result.stderr


def test_a_log_line_is_one_line_that_cannot_act_on_a_terminal():
    import logging

    from game.lsp.cli import _OneLine

    message = "bad key '\x1b[31mx'\nTraceback (most recent call last):\n  File \"x.py\", line 1\nTypeError: boom"
    record = logging.LogRecord("pygls", logging.ERROR, __file__, 1, message, None, None)
    line = _OneLine().format(record)
    assert "\x1b" not in line and "\n" not in line and "File" not in line
    assert line.startswith("heartstopper lsp: bad key") and line.endswith("(TypeError: boom)")


def test_a_log_line_of_an_exception_group_names_its_innermost_error():
    import logging

    from game.lsp.cli import _OneLine

    message = (
        "Unable to deserialize message\n  + Exception Group Traceback (most recent call last):\n"
        '  |   File "x.py", line 3, in f\n  | cattrs.errors.ClassValidationError: While structuring (1 sub-exception)\n'
        "  +-+---------------- 1 ----------------\n    | Traceback (most recent call last):\n"
        "    | KeyError: 'uri'\n    | Structuring class TextDocumentIdentifier @ attribute uri\n"
        "    +------------------------------------\n"
    )
    record = logging.LogRecord("pygls", logging.ERROR, __file__, 1, message, None, None)
    assert _OneLine().format(record) == "heartstopper lsp: Unable to deserialize message (KeyError: 'uri')"


@pytest.mark.parametrize(
    ("line", "column", "underlined"),
    [
        ("  goto: hall", 9, "hall"),
        ("  - background: {id: café_night}", 22, "café_night"),
        ('  - background: {id: "a}b", x: [1]}  # note', 17, '{id: "a}b", x: [1]}'),
        ('  - narrate: "The hall."', 14, '"The hall."'),
        ("  next: ", 9, ""),
        ('  - think: {who: charlie, text: "Hm {oops", as: shy}', 37, "{"),  # a brace in quoted text is just that
    ],
)
def test_a_problem_underlines_the_name_quote_or_flow_it_points_at(line: str, column: int, underlined: str):
    pytest.importorskip("pygls")
    from game.lsp.server import problem_span
    from game.problems import Problem

    row, start, end = problem_span([line], Problem("f.yaml", 1, column, "m"))
    assert (row, line[start:end]) == (0, underlined)


def test_a_rename_is_refused_while_a_file_with_uses_does_not_parse(mini: Path):
    home = mini / "scenes" / "home.yaml"
    text = home.read_text(encoding="utf-8")
    last_good: LastGood = {}
    StoryIndex(mini, Sources(), last_good)
    broken = text.replace("goto: desk", 'goto: desk\n    - if: "visited(ki', 1)
    index = StoryIndex(mini, Sources({home: broken}), last_good)
    (ref,) = [r for r in index.uses("scene", "hall") if r.role == "definition"]
    with pytest.raises(features.RenameRefused, match=r"home\.yaml does not parse now"):
        features.rename(index, ref.span.path, ref.span.line, ref.span.start, "the_hall")


def test_an_open_file_the_story_does_not_read_is_said_so_but_not_the_assets_own(tmp_path: Path):
    pytest.importorskip("pygls")
    from game.lsp.server import outside_the_story

    story, assets = tmp_path / "story", tmp_path / "story" / "assets"
    (story / "playthroughs" / "old").mkdir(parents=True)
    assets.mkdir()
    for name in ("notes.yaml", "playthroughs/old/x.yaml", "assets/captions.yaml", "scenes.txt"):
        (story / name).write_text("a: 1\n", encoding="utf-8")
    said = {
        name: outside_the_story(story / name, story, assets)
        for name in ("notes.yaml", "playthroughs/old/x.yaml", "assets/captions.yaml", "scenes.txt", "scenes/new.yaml")
    }
    assert "no scene glob" in said["notes.yaml"].message
    assert "playthrough files are playthroughs/*.yaml" in said["playthroughs/old/x.yaml"].message
    assert said["assets/captions.yaml"] is None and said["scenes.txt"] is None
    assert "not checked until it is saved" in said["scenes/new.yaml"].message


def test_a_play_plan_takes_the_editors_name_for_the_story_folder():
    from game.lsp.play_here import PlayPlan

    plan = PlayPlan(["heartstopper", "play", "--text", "--story", "/real/story", "--start", "a"], "Run: x")
    named = plan.named("/real/story", "/link/story")
    assert named.argv[4] == "/link/story"
