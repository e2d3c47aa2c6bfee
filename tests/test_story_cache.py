"""The compiled-story cache: an unchanged story comes back the same without YAML, and every way the cache can be
wrong or missing (stale, corrupt, truncated, another engine, an edited file, a moved folder, a folder that cannot be
written) falls back silently to a real load."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from game import sources, story_cache
from game.cli import main
from game.loader import load_story
from game.problems import StoryError

SHIPPED = Path(__file__).resolve().parent.parent / "story"


def signature(story) -> tuple:
    """Everything a load produces, as plain data (conditions by their text and what they read)."""
    refs: set[str] = set()
    scenes = [(story_cache.encode_scene(scene, refs), scene.order, scene.where.file) for scene in story.scenes.values()]
    head = story_cache.encode_head(story)
    return (
        scenes,
        sorted(refs),
        head,
        story.chapters,
        story.source_files,
        story.manifest_file,
        story.story_dir,
        story.assets_dir,
        story.playthrough_files,
    )


@pytest.fixture
def story_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SHIPPED, tmp_path / "story"))


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the loader parses as YAML, by display name."""
    seen: list[str] = []
    real = sources.parse_file_bytes

    def counting(path, display, data):
        seen.append(display)
        return real(path, display, data)

    monkeypatch.setattr(sources, "parse_file_bytes", counting)
    return seen


def cache_path(story_dir: Path) -> Path:
    return story_cache.cache_file(story_dir)


def test_an_unchanged_story_loads_from_the_cache_without_yaml(story_copy: Path, parses: list[str]) -> None:
    cold = load_story(story_copy, cache=False)
    assert parses and not cache_path(story_copy).exists()
    first = load_story(story_copy)
    assert cache_path(story_copy).is_file()
    parses.clear()
    warm = load_story(story_copy)
    assert parses == []
    assert signature(warm) == signature(cold) == signature(first)


def test_conditions_from_the_cache_evaluate_like_loaded_ones(story_copy: Path) -> None:
    cold = load_story(story_copy, cache=False)
    load_story(story_copy)
    warm = load_story(story_copy)
    pairs = [
        (a.condition, b.condition)
        for scene in cold.scenes
        for a, b in zip(cold.scenes[scene].choices, warm.scenes[scene].choices)
        if a.condition is not None
    ]
    assert pairs
    variables = cold.defaults()
    for a, b in pairs:
        assert b.source == a.source and b.reads == a.reads and b.visits_read == a.visits_read
        assert b.fn(variables, {}) == a.fn(variables, {})
    assert len({id(b.fn) for _, b in pairs}) == len(pairs)  # each use its own closure, as the loader makes them


def test_an_edited_file_alone_is_read_again(story_copy: Path, parses: list[str]) -> None:
    load_story(story_copy)
    scene_file = sorted((story_copy / "scenes").glob("*.yaml"))[3]
    text = scene_file.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.strip().startswith("title:"))
    scene_file.write_text(text.replace(title, title.split("title:")[0] + 'title: "Edited in place"', 1), "utf-8")
    parses.clear()
    edited = load_story(story_copy)
    assert [Path(p).name for p in parses] == ["story.yaml", scene_file.name]
    assert "Edited in place" in {scene.title for scene in edited.scenes.values()}
    assert signature(edited) == signature(load_story(story_copy, cache=False))
    parses.clear()
    assert signature(load_story(story_copy)) == signature(edited) and parses == []  # the new cache holds the edit


def test_a_stale_cache_never_hides_a_broken_story(story_copy: Path) -> None:
    """A scene another file goes to is deleted: the cached files that refer to it are read again, and the load
    fails with exactly the problems of a load without the cache."""
    load_story(story_copy)
    cold = load_story(story_copy, cache=False)
    start = cold.start
    owner = next(f for f in sorted((story_copy / "scenes").glob("*.yaml")) if f"\n{start}:" in "\n" + f.read_text())
    owner.write_text(("\n" + owner.read_text()).replace(f"\n{start}:", "\nrenamed_start:", 1)[1:], "utf-8")
    with pytest.raises(StoryError) as cached:
        load_story(story_copy)
    with pytest.raises(StoryError) as uncached:
        load_story(story_copy, cache=False)
    assert cached.value.problems == uncached.value.problems


def test_a_changed_manifest_reads_everything(story_copy: Path, parses: list[str]) -> None:
    load_story(story_copy)
    manifest = story_copy / "story.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    parses.clear()
    story = load_story(story_copy)
    assert len(parses) == 1 + len(story.source_files)


@pytest.mark.parametrize("damage", ["flipped byte", "truncated", "empty", "garbage", "wrong shape"])
def test_a_damaged_cache_is_rebuilt_silently(story_copy: Path, parses: list[str], damage: str) -> None:
    cold = signature(load_story(story_copy, cache=False))
    load_story(story_copy)
    path = cache_path(story_copy)
    data = path.read_bytes()
    if damage == "flipped byte":
        middle = len(data) // 2
        data = data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]
    elif damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "empty":
        data = b""
    elif damage == "garbage":
        data = os.urandom(4096)
    else:  # checksummed and of this format, but not a record: decoding fails, never trusted
        import hashlib
        import marshal

        payload = marshal.dumps((story_cache.engine_stamp(), "x"))
        header = story_cache.MAGIC + story_cache.FORMAT.to_bytes(2, "little")
        data = header + hashlib.blake2b(payload, digest_size=32).digest() + payload
    path.write_bytes(data)
    parses.clear()
    assert signature(load_story(story_copy)) == cold
    assert parses  # read for real
    parses.clear()
    assert signature(load_story(story_copy)) == cold and parses == []  # and the cache was written again


def test_a_cache_from_another_engine_is_not_used(
    story_copy: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_story(story_copy)
    monkeypatch.setattr(story_cache, "_stamp", story_cache.engine_stamp() + "-next")
    parses.clear()
    load_story(story_copy)
    assert parses
    parses.clear()
    load_story(story_copy)
    assert parses == []


def test_a_moved_story_folder_loads_where_it_now_is(story_copy: Path, tmp_path: Path) -> None:
    load_story(story_copy)
    moved = story_copy.rename(tmp_path / "elsewhere")
    story = load_story(moved)
    assert story.story_dir == moved.resolve()
    assert all(name.startswith("elsewhere/") for name in (story.manifest_file, *story.source_files))
    assert signature(story) == signature(load_story(moved, cache=False))


def test_a_cache_that_cannot_be_written_is_not_an_error(
    story_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv(story_cache.CACHE_ENV, str(blocker))
    cold = signature(load_story(story_copy, cache=False))
    assert signature(load_story(story_copy)) == cold
    assert signature(load_story(story_copy)) == cold
    assert blocker.is_file()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs permissions that apply (not root)")
def test_a_read_only_cache_folder_is_not_an_error(
    story_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    (folder / "stories").mkdir(parents=True)
    (folder / "stories").chmod(0o500)
    monkeypatch.setenv(story_cache.CACHE_ENV, str(folder))
    try:
        assert signature(load_story(story_copy)) == signature(load_story(story_copy, cache=False))
        assert list((folder / "stories").iterdir()) == []
    finally:
        (folder / "stories").chmod(0o700)


def test_no_cache_neither_reads_nor_writes(story_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        assert main(["check", "--no-cache", "--story", str(story_copy)]) == 0
        assert not cache_path(story_copy).exists()
    finally:
        story_cache.set_enabled(True)
    assert main(["check", "--story", str(story_copy)]) == 0
    assert cache_path(story_copy).exists()
    capsys.readouterr()


def test_the_environment_turns_it_off(story_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(story_cache.NO_CACHE_ENV, "1")
    load_story(story_copy)
    assert not cache_path(story_copy).exists()


def test_only_the_latest_stories_keep_a_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(story_cache.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(story_cache, "MAX_STORIES", 2)
    copies = [Path(shutil.copytree(SHIPPED, tmp_path / f"story{n}")) for n in range(3)]
    for number, copy in enumerate(copies):
        load_story(copy)
        os.utime(cache_path(copy), (1_000_000 + number, 1_000_000 + number))  # written in this order
    assert not cache_path(copies[0]).exists()
    assert cache_path(copies[1]).exists() and cache_path(copies[2]).exists()


def _plain_fields(item: object, skip: frozenset[str]) -> dict[str, object]:
    """Every dataclass field of `item` but those in `skip` (compiled conditions compare by identity)."""
    import dataclasses

    return {f.name: getattr(item, f.name) for f in dataclasses.fields(item) if f.name not in skip}  # type: ignore[arg-type]


def test_every_field_of_a_load_survives_the_cache(story_copy: Path) -> None:
    """Field by field, not through the cache's own encoding: a field the cache forgets (a manifest's `id`, a
    choice's `flavor`) is found here, whatever the encoding says."""
    manifest = story_copy / "story.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("\nid: heartstopper-season-two", "\nid: cached-story-id"),
        encoding="utf-8",
    )
    scene_file = next((story_copy / "scenes").glob("*.yaml"))
    text = scene_file.read_text(encoding="utf-8")
    marked = text.replace("\n    - text: ", "\n    - flavor: true\n      text: ", 1)
    assert marked != text
    scene_file.write_text(marked, encoding="utf-8")
    cold = load_story(story_copy, cache=False)
    load_story(story_copy)
    warm = load_story(story_copy)
    story_skip = frozenset({"scenes", "invariants", "programs", "machine_builder", "program_builder"})
    assert _plain_fields(warm, story_skip) == _plain_fields(cold, story_skip)
    assert warm.id == "cached-story-id"
    assert any(c.flavor for s in warm.scenes.values() for c in s.choices)
    for scene_id, scene in cold.scenes.items():
        again = warm.scenes[scene_id]
        assert _plain_fields(again, frozenset({"choices", "beats"})) == _plain_fields(
            scene, frozenset({"choices", "beats"})
        )
        for choice, other in zip(scene.choices, again.choices, strict=True):
            assert _plain_fields(other, frozenset({"condition"})) == _plain_fields(choice, frozenset({"condition"}))


def _plain(item: object) -> object:
    """A loaded object as plain data, recursively: dataclasses by field, compiled expressions by what they are
    (their text, type and reads; their closures compare by identity), the story's builders left out."""
    import dataclasses

    from game.expressions import CompiledExpr

    if isinstance(item, CompiledExpr):
        return ("expr", item.source, item.type, item.reads, item.visits_read)
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return (
            type(item).__name__,
            {
                f.name: _plain(getattr(item, f.name))
                for f in dataclasses.fields(item)
                if f.name not in ("compile_programs", "build_machine")
            },
        )
    if isinstance(item, dict):
        return {key: _plain(value) for key, value in item.items()}
    if isinstance(item, (tuple, list)):
        return [_plain(value) for value in item]
    return item


EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "lamplight"


@pytest.mark.parametrize("source", [SHIPPED, EXAMPLE], ids=["shipped", "lamplight"])
def test_every_field_of_every_beat_survives_the_cache(source: Path, tmp_path: Path) -> None:
    """Deep, field by field, beats and choices' inline text included: the example story uses every construct of
    the format (inline values, conditions and variety, `extend`, expressions in `set`/`add`, choices' own lines,
    constants, enum labels, scenes without a chapter), so a field the cache forgets shows here."""
    copy = Path(shutil.copytree(source, tmp_path / "story"))
    cold = load_story(copy, cache=False)
    load_story(copy)
    warm = load_story(copy)
    assert _plain(warm) == _plain(cold)
    assert warm.constants == cold.constants
    if source == EXAMPLE:  # it really holds what the test is about
        beats = [beat for scene in cold.scenes.values() for beat in scene.beats]
        assert any(getattr(beat, "inline", None) is not None for beat in beats)
        assert any(getattr(beat, "extends", False) for beat in beats)
        assert any(scene.part_of for scene in cold.scenes.values())
        assert any(scene.returns_to for scene in cold.scenes.values())
        assert any(scene.returns for scene in cold.scenes.values())
        assert cold.constants
        assert any(c.text_inline is not None for s in cold.scenes.values() for c in s.choices)


def test_a_story_with_inline_text_rebuilt_from_the_cache_plays_the_same(tmp_path: Path) -> None:
    """One edited file read again, the others from the cache: the example's playthroughs still pass."""
    from game.scripts import load_playthrough_file, run_script

    copy = Path(shutil.copytree(EXAMPLE, tmp_path / "story"))
    load_story(copy)
    first = sorted((copy / "scenes").glob("*.yaml"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    story = load_story(copy)
    assert story.playthrough_files
    for playthrough in story.playthrough_files:
        result = run_script(load_playthrough_file(playthrough, story), story)
        assert result.passed, result.failure
