"""Stats-heavy stories of the shape real interactive fiction has, for the branch tester's scale benchmarks.

Large ChoiceScript-style games carry a few dozen stats (0 to 100) through many chapters: nearly every choice moves
one or two of them up or down, "fair math" percentage steps (`%+ 20`: a fifth of the way to 100) move them by an
amount that depends on where they are, and later chapters read them against thresholds (a choice open only with
`empathy >= 60`, a scene that branches on `nerve < 40`). Flags set in one chapter are read in another. This module
writes such a story: `chapters` chapters of `scenes` scenes each (a chain of menus, with a branch that rejoins
and a way back every fifteen scenes, taken once), `stats` int stats 0..100, `flags` bool flags, nine endings chosen
by thresholds at the end, everything deterministic for a seed and loading without a problem. A fair-math step is
written the way a faithful port does it, as an `if` chain over bands of the stat, each band adding its own amount.

    python bench/generate_stats.py /tmp/stats_story [--chapters 8] [--scenes 105] [--stats 25] [--flags 75]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ENDINGS = ("together", "apart", "friends", "team", "art", "paris", "home", "quiet", "lights")
# A fair-math step `%+ 20` as a port writes it: bands of the stat, each adding a fifth of the way to 100.
FAIR_UP = ((20, 16), (40, 12), (60, 8), (80, 4), (101, 2))
FAIR_DOWN = ((20, -2), (40, -6), (60, -10), (80, -14), (101, -18))


def manifest(stats: int, flags: int, start: str) -> str:
    lines = ['title: "Stats"', f"start: {start}", "characters:", '  charlie: {name: Charlie, color: "#7fb8e8"}']
    lines.append("variables:")
    for number in range(stats):
        lines.append(f"  stat{number}: {{type: int, default: 50, min: 0, max: 100}}")
    for number in range(flags):
        lines.append(f"  flag{number}: {{type: bool, default: false}}")
    lines.append("endings:")
    lines += [f'  {ending}: {{title: "{ending.title()}"}}' for ending in ENDINGS]
    return "\n".join(lines) + "\n"


def fair_step(stat: str, up: bool, indent: str) -> list[str]:
    """`stat %+ 20` (or `%- 20`) as nested ifs over its bands."""
    bands = FAIR_UP if up else FAIR_DOWN
    lines: list[str] = []
    pad = indent
    for position, (below, amount) in enumerate(bands):
        if position == len(bands) - 1:
            lines.append(f"{pad}- add: {{{stat}: {amount}}}")
            break
        lines.append(f'{pad}- if: "{stat} < {below}"')
        lines.append(f"{pad}  then:")
        lines.append(f"{pad}    - add: {{{stat}: {amount}}}")
        lines.append(f"{pad}  else:")
        pad += "    "
    return lines


def write_story(
    root: Path, *, chapters: int = 8, scenes: int = 105, stats: int = 25, flags: int = 75, seed: int = 7
) -> Path:
    rng = random.Random(seed)
    folder = root
    (folder / "scenes").mkdir(parents=True, exist_ok=True)
    stat_names = [f"stat{number}" for number in range(stats)]
    flag_names = [f"flag{number}" for number in range(flags)]
    (folder / "story.yaml").write_text(manifest(stats, flags, "c0_s0"), encoding="utf-8")
    for chapter in range(chapters):
        out: list[str] = []
        # each chapter leans on a few stats and flags, and reads some set in earlier chapters
        own = rng.sample(stat_names, min(6, stats))
        for index in range(scenes):
            scene_id = f"c{chapter}_s{index}"
            out += [f"{scene_id}:", f'  title: "Chapter {chapter + 1}, part {index + 1}"', f"  chapter: C{chapter}"]
            out += ["  lines:", f'    - narrate: "Part {index + 1} of chapter {chapter + 1}."']
            if rng.random() < 0.35:
                out += fair_step(rng.choice(own), rng.random() < 0.6, "    ")
            if rng.random() < 0.2:
                stat = rng.choice(stat_names)
                flag = rng.choice(flag_names)
                out += [f'    - if: "{stat} >= {rng.choice((30, 40, 50, 60, 70))}"', "      then:"]
                out += [f"        - set: {{{flag}: true}}"]
            last = index == scenes - 1
            if last and chapter == chapters - 1:
                out += ["  choices:"]
                for number, ending in enumerate(ENDINGS[:-1]):
                    stat = stat_names[number % stats]
                    out += [f'    - text: "Towards {ending}"', f'      if: "{stat} >= {55 + 5 * (number % 4)}"']
                    out += [f"      goto: end_{ending}"]
                out += ["    - fallback: true", f"      goto: end_{ENDINGS[-1]}"]
            elif last:
                out += [f"  next: c{chapter + 1}_s0"]
            else:
                ahead = [f"c{chapter}_s{index + 1}"]
                if index + 2 < scenes:
                    ahead.append(f"c{chapter}_s{index + 2}")
                out += ["  choices:"]
                for number in range(rng.choice((2, 2, 3))):
                    stat = rng.choice(own)
                    amount = rng.choice((-10, -5, 5, 10, 15))
                    out += [f'    - text: "Option {number + 1}"', f"      goto: {rng.choice(ahead)}"]
                    out += [f"      add: {{{stat}: {amount}}}"]
                    if rng.random() < 0.25:
                        reader = rng.choice(stat_names)
                        out += [f'      if: "{reader} >= {rng.choice((20, 35, 50, 65, 80))}"']
                    elif rng.random() < 0.15:
                        out += [f'      if: "{rng.choice(flag_names)}"']
                    if rng.random() < 0.1:
                        out += [f"      set: {{{rng.choice(flag_names)}: true}}"]
                out += [f'    - text: "Let it be"\n      goto: {ahead[0]}']
                if index % 15 == 14:  # go back over the last few scenes, once (a flag closes the way)
                    flag = rng.choice(flag_names)
                    out += [
                        '    - text: "Think it over again"',
                        f'      if: "not {flag}"',
                        f"      set: {{{flag}: true}}",
                    ]
                    out += [f"      goto: c{chapter}_s{index - 5}"]
        if chapter == chapters - 1:
            for ending in ENDINGS:
                out += [f"end_{ending}:", f'  title: "The end: {ending}"', f"  chapter: C{chapter}", "  lines:"]
                out += [f'    - narrate: "It ends: {ending}."', f"  ending: {ending}"]
        (folder / "scenes" / f"chapter{chapter:02d}.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--chapters", type=int, default=8)
    parser.add_argument("--scenes", type=int, default=105, help="scenes per chapter")
    parser.add_argument("--stats", type=int, default=25)
    parser.add_argument("--flags", type=int, default=75)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    write_story(
        args.folder, chapters=args.chapters, scenes=args.scenes, stats=args.stats, flags=args.flags, seed=args.seed
    )
    print(f"wrote {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
