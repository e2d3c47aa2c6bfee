"""What every lint rule gets: the story, its assets, positions inside its files, and the scenes' flow, computed once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from game.assets import AssetCatalog
from game.authoring.codes import severity_of
from game.authoring.flow import SceneFlow, analyse_scene
from game.authoring.lint_memory import LintMemory
from game.authoring.source_index import SourceIndex
from game.model import Beat, Location, Scene, Story, TextBeat
from game.problems import Problem
from game.sources import DISK, Sources
from game.summary import iter_beats


@dataclass
class LintContext:
    story: Story
    sources: Sources = DISK  # the files' text, for positions and `# lint-ignore:` (an editor's unsaved buffers)
    assets: AssetCatalog | None = None  # the story's assets; a language server keeps one that remembers
    notes: list[str] = field(default_factory=list)  # said once on stderr (a check that could not run)
    parsed: dict[str, object] = field(default_factory=dict, repr=False)  # YAML the load parsed, for the index
    memory: LintMemory | None = None  # what a linter run again and again keeps between runs (a language server)
    _expressions: dict[str, set[str]] = field(default_factory=dict, repr=False)
    opus: bool | None = None  # whether the game's mixer plays Opus; None: ask it (`opus_playable`)

    @cached_property
    def index(self) -> SourceIndex:
        return SourceIndex(self.story, self.parsed, self.sources)

    @cached_property
    def catalog(self) -> AssetCatalog:
        return self.assets or AssetCatalog(self.story.assets_dir)

    @cached_property
    def flows(self) -> dict[str, SceneFlow]:
        if self.memory is not None:
            return self.memory.flows(self.story)
        return {scene_id: analyse_scene(self.story, scene) for scene_id, scene in self.story.scenes.items()}

    def opus_playable(self) -> bool:
        """Whether the game's audio mixer plays Opus, asked once (`game.ui.mixer_probe`); without pygame it cannot
        be asked, and Opus counts as unplayable (said once)."""
        if self.opus is None:
            try:
                from game.ui.mixer_probe import opus_playable

                self.opus = opus_playable()
            except (ImportError, OSError, RuntimeError) as error:
                self.notes.append(f"Opus files count as unplayable: the game's audio mixer is unavailable ({error})")
                self.opus = False
        return self.opus

    def problem(self, code: str, where: Location, message: str, hint: str = "") -> Problem:
        return Problem(where.file, where.line, where.column, message, hint, severity_of(code), code)

    def beats(self) -> Iterator[tuple[Scene, Beat]]:
        """Every beat of every scene, at any depth, in story order."""
        for scene in self.story.scenes.values():
            for beat in iter_beats(scene.beats):
                yield scene, beat

    def expressions(self, who: str) -> set[str]:
        """The expressions `who` has sprite files for (read once per character)."""
        if who not in self._expressions:
            self._expressions[who] = self.catalog.expressions(who)
        return self._expressions[who]


def show_value(value: object) -> str:
    """A value as an author writes it in YAML: true, 3, 'tao'."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'"
    return str(value)


def beat_key(beat: TextBeat) -> str:
    """The key a text beat is written with: the speaker's id, `think`, `message`, or `narrate`."""
    if beat.kind == "speech":
        return beat.speaker or ""
    return {"thought": "think", "message": "message"}.get(beat.kind, "narrate")
