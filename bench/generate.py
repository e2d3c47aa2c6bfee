"""Realistic generated stories of any size, for the load benchmarks and the fuzz tests.

The shipped story has about two hundred scenes; authors will write bigger ones, and the loader must stay fast for
them. This module writes a story folder shaped like a real one: a manifest with characters, int/bool/enum variables,
invariants and endings; scenes spread over many files (one file per "chapter" of about fifty scenes); beats of every
kind (narration, plain and expressive speech, thoughts, phone messages, show/hide in both forms, backgrounds, music,
sounds, effects, set, add, nested if/then/else with a goto inside); menus with conditions, locked and once choices and
fallbacks; `next` links; endings. Scene text is varied sentences of similar length to the shipped story's (about
1.6 KB of YAML per scene), so byte counts and parse costs are comparable. Everything is deterministic for a seed, and
every generated story loads without a problem.

    python bench/generate.py 10000 /tmp/big_story      # write one by hand
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

CHARACTERS = ("charlie", "nick", "tao", "elle", "isaac", "tara", "darcy", "imogen", "tori", "jane")
COLOURS = ("#7fb8e8", "#f4c542", "#e07a5f", "#c59bd9", "#7fb685", "#f29cb5", "#8c6bd1", "#f2a65a", "#9aa5b1", "#b5838d")
EXPRESSIONS = ("neutral", "happy", "sad", "shy", "surprised", "grin", "dramatic")
PLACES = ("left", "center", "right")
BACKGROUNDS = ("truham_corridor", "art_room", "charlie_bedroom", "coach", "paris_hotel", "park", "kitchen")
MUSIC = ("everyday", "tender", "tense", "paris", "party")
SOUNDS = ("phone_buzz", "door", "footsteps", "bell")
EFFECTS = ("leaves", "sparkles", "hearts", "fade", "shake")
INT_VARS = {"grades": (0, 5, 2), "trust": (0, 5, 3), "courage": (0, 10, 1), "friends": (0, 8, 4)}
BOOL_VARS = ("essay_done", "grounded", "out_to_team", "paris_trip")
ENUM_VARS = {"roommate": ("tao", "isaac", "james"), "bet": ("none", "on", "won", "lost")}
ENDINGS = ("home", "lights", "garden", "said", "together")
SCENES_PER_FILE = 50

SUBJECTS = (
    "The corridor",
    "Nick",
    "Charlie",
    "The rain",
    "Tao",
    "The bus",
    "Somebody's phone",
    "The art room",
    "Elle",
    "The coach",
    "Isaac's book",
    "The kitchen light",
    "Mr Ajayi",
    "The pitch",
    "Tori",
)
VERBS = (
    "smells of",
    "hums with",
    "is full of",
    "goes quiet around",
    "leans towards",
    "keeps thinking about",
    "pretends not to notice",
    "laughs at",
    "waits for",
    "drifts past",
)
OBJECTS = (
    "poster paint and radiators",
    "wet blazers",
    "a song nobody admits to liking",
    "the good crisps",
    "half a sandwich",
    "the end of term",
    "a message still unanswered",
    "the smell of diesel",
    "a folded permission slip",
    "the whole of Paris",
    "an essay three weeks late",
    "the last bell",
)
TAILS = (
    "",
    " It is, somehow, fine.",
    " Nobody says anything for a while.",
    " Charlie is fairly sure his ears are glowing.",
    " Tori raises one eyebrow and says nothing at all.",
    " It feels like the start of something.",
    " The clock above the door ticks louder than it has any right to.",
)


def sentence(rng: random.Random) -> str:
    text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}.{rng.choice(TAILS)}"
    if rng.random() < 0.3:
        text += f" {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."
    return text.replace('"', "'")


def condition(rng: random.Random, scene_ids: list[str]) -> str:
    """A condition of the kinds real stories use, always well typed."""
    kind = rng.randrange(7)
    if kind == 0:
        name = rng.choice(list(INT_VARS))
        return f"{name} {rng.choice(('>=', '<=', '>', '<', '==', '!='))} {rng.randint(0, 4)}"
    if kind == 1:
        return rng.choice(("", "not ")) + rng.choice(BOOL_VARS)
    if kind == 2:
        name = rng.choice(list(ENUM_VARS))
        return f"{name} {rng.choice(('==', '!='))} '{rng.choice(ENUM_VARS[name])}'"
    if kind in (3, 6) and scene_ids:
        return f"visited({rng.choice(scene_ids)}) {rng.choice(('>', '==', '>='))} {rng.randint(0, 2)}"
    if kind == 4:
        first, second = rng.sample(list(INT_VARS), 2)
        return f"{first} + {second} >= {rng.randint(2, 9)} and not {rng.choice(BOOL_VARS)}"
    return f"({rng.choice(BOOL_VARS)} or {rng.choice(list(INT_VARS))} > 1) and bet != 'none'"


def manifest(start: str) -> str:
    lines = ['title: "Generated Story"', "version: 1", f"start: {start}", 'scenes: ["scenes/**/*.yaml"]', "characters:"]
    for char, colour in zip(CHARACTERS, COLOURS):
        lines.append(f'  {char}: {{name: {char.title()}, color: "{colour}"}}')
    lines.append("variables:")
    for name, (low, high, default) in INT_VARS.items():
        lines.append(f'  {name}: {{type: int, default: {default}, min: {low}, max: {high}, about: "A number"}}')
    for name in BOOL_VARS:
        lines.append(f"  {name}: {{type: bool, default: false}}")
    for name, values in ENUM_VARS.items():
        lines.append(f"  {name}: {{type: enum, values: [{', '.join(values)}], default: {values[0]}}}")
    lines.append("invariants:")
    lines += [f'  - "{name} >= {low} and {name} <= {high}"' for name, (low, high, _) in INT_VARS.items()]
    lines.append("endings:")
    lines += [f'  {ending}: {{title: "{ending.title()}"}}' for ending in ENDINGS]
    return "\n".join(lines) + "\n"


class _SceneWriter:
    """Writes the YAML of one scene; `earlier` are scene ids a condition may name in visited()."""

    def __init__(self, rng: random.Random, earlier: list[str]) -> None:
        self.rng = rng
        self.earlier = earlier
        self.out: list[str] = []

    def beat(self, indent: str, allow_if: bool, goto: str | None) -> None:
        rng, out = self.rng, self.out
        roll = rng.random()
        who = rng.choice(CHARACTERS)
        if roll < 0.22:
            out.append(f'{indent}- {who}: "{sentence(rng)}"')
        elif roll < 0.37:
            out.append(f'{indent}- {who}: {{text: "{sentence(rng)}", as: {rng.choice(EXPRESSIONS)}}}')
        elif roll < 0.54:
            out.append(f'{indent}- narrate: "{sentence(rng)}"')
        elif roll < 0.585:
            out.append(f'{indent}- think: {{who: {who}, text: "{sentence(rng)}"}}')
        elif roll < 0.655:
            out.append(f'{indent}- message: {{from: {who}, text: "{sentence(rng)}"}}')
        elif roll < 0.785:
            if rng.random() < 0.3:
                out.append(f"{indent}- show: {who}")
            else:
                out.append(f"{indent}- show: {{who: {who}, as: {rng.choice(EXPRESSIONS)}, at: {rng.choice(PLACES)}}}")
        elif roll < 0.885:
            out.append(f"{indent}- hide: {who if rng.random() < 0.85 else 'all'}")
        elif roll < 0.89:
            out.append(f"{indent}- background: {rng.choice(BACKGROUNDS)}")
        elif roll < 0.895:
            out.append(f"{indent}- music: {rng.choice(MUSIC)}")
        elif roll < 0.92:
            out.append(f"{indent}- sound: {rng.choice(SOUNDS)}")
        elif roll < 0.945:
            out.append(f"{indent}- effect: {rng.choice(EFFECTS)}")
        elif roll < 0.946:
            name = rng.choice(BOOL_VARS)
            enum = rng.choice(list(ENUM_VARS))
            value = rng.choice(ENUM_VARS[enum])
            out.append(f"{indent}- set: {{{name}: {rng.choice(('true', 'false'))}, {enum}: {value}}}")
        elif roll < 0.95:
            out.append(f"{indent}- add: {{{rng.choice(list(INT_VARS))}: {rng.choice((1, -1, 2))}}}")
        elif allow_if:
            out.append(f'{indent}- if: "{condition(rng, self.earlier)}"')
            out.append(f"{indent}  then:")
            for _ in range(rng.randint(1, 3)):
                self.beat(indent + "    ", False, None)
            if goto and rng.random() < 0.3:
                out.append(f"{indent}    - goto: {goto}")
            if rng.random() < 0.5:
                out.append(f"{indent}  else:")
                for _ in range(rng.randint(1, 2)):
                    self.beat(indent + "    ", rng.random() < 0.2, None)
        else:
            out.append(f'{indent}- narrate: "{sentence(rng)}"')

    def scene(self, scene_id: str, chapter: str, ahead: list[str], ending: str | None) -> str:
        rng, out = self.rng, self.out
        out.append(f"{scene_id}:")
        out.append(f'  title: "{rng.choice(SUBJECTS)} and {rng.choice(OBJECTS)}"')
        out.append(f"  chapter: {chapter}")
        if rng.random() < 0.8:
            out.append(f"  background: {rng.choice(BACKGROUNDS)}")
        if rng.random() < 0.6:
            out.append(f"  music: {rng.choice((*MUSIC, 'none'))}")
        out.append("  lines:")
        for _ in range(rng.randint(7, 19)):
            self.beat("    ", True, ahead[-1] if ahead else None)
        if ending is not None or not ahead:
            out.append(f"  ending: {ending or rng.choice(ENDINGS)}")
        elif len(ahead) == 1 or rng.random() < 0.6:
            out.append(f"  next: {ahead[0]}")
        else:
            out.append("  choices:")
            for index, target in enumerate(ahead[:4]):
                out.append(f'    - text: "{sentence(rng)[:60]}"')
                out.append(f"      goto: {target}")
                if index > 0 and rng.random() < 0.5:
                    out.append(f'      if: "{condition(rng, self.earlier)}"')
                    if rng.random() < 0.4:
                        out.append('      locked: "Not yet"')
                    if rng.random() < 0.3:
                        out.append("      once: true")
                if rng.random() < 0.3:
                    out.append(f"      add: {{{rng.choice(list(INT_VARS))}: 1}}")
                if rng.random() < 0.2:
                    out.append(f"      set: {{{rng.choice(BOOL_VARS)}: true}}")
            if rng.random() < 0.25:
                out.append("    - fallback: true")
                out.append(f"      goto: {ahead[0]}")
        out.append("")
        text = "\n".join(out) + "\n"
        out.clear()
        return text


def write_story(root: Path, scenes: int, seed: int = 2024, per_file: int = SCENES_PER_FILE) -> Path:
    """Write a story of `scenes` scenes into `root` (created); return the story folder."""
    if scenes < 1:
        raise ValueError("a story needs at least one scene")
    rng = random.Random(seed)
    story = Path(root)
    (story / "scenes").mkdir(parents=True, exist_ok=True)
    ids = [f"ch{index // per_file:04d}_s{index % per_file:03d}" for index in range(scenes)]
    (story / "story.yaml").write_text(manifest(ids[0]), encoding="utf-8")
    for first in range(0, scenes, per_file):
        chapter = f"Chapter {first // per_file + 1}"
        parts = [f"# {chapter}: generated scenes {first} to {min(first + per_file, scenes) - 1}.\n\n"]
        for index in range(first, min(first + per_file, scenes)):
            ahead = ids[index + 1 : index + 1 + rng.randint(1, 4)]
            if rng.random() < 0.05 and index + 60 < scenes:  # the odd long jump forward, across files
                ahead.append(ids[index + rng.randint(20, 60)])
            earlier = ids[max(0, index - 30) : index]
            ending = rng.choice(ENDINGS) if index == scenes - 1 or rng.random() < 0.01 else None
            parts.append(_SceneWriter(rng, earlier).scene(ids[index], chapter, ahead, ending))
        subfolder = story / "scenes" / f"part{first // (per_file * 100):02d}"
        subfolder.mkdir(exist_ok=True)
        (subfolder / f"chapter_{first // per_file:04d}.yaml").write_text("".join(parts), encoding="utf-8")
    return story


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit():
        print("usage: python bench/generate.py SCENES FOLDER", file=sys.stderr)
        return 2
    story = write_story(Path(argv[1]), int(argv[0]))
    print(f"wrote {argv[0]} scenes to {story}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
