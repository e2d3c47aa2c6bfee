"""Coverage-guided fuzzing (atheris, libFuzzer) of everything that reads what users and authors write.

    python bench/fuzz.py yaml -max_total_time=600      # the YAML reader
    python bench/fuzz.py loader -runs=20000            # a scene file inside a small story, loaded and played
    python bench/fuzz.py playthrough                   # playthrough files, read and run
    python bench/fuzz.py save                          # save files, read, resumed and played
    python bench/fuzz.py expression                    # condition text

Each target seeds its corpus with the real files (the shipped story's scenes and playthroughs, real saves) in a
folder under the system's temporary folder, unless corpus folders are given. An input that makes a reader do
anything but return a result or a clear error (positioned problems, SaveError, ExpressionError) is a crash:
libFuzzer stops and writes it to crash-<hash>; replay it with `python bench/fuzz.py TARGET crash-<hash>`. An input
taking over 10 s is reported as a hang (`-timeout=`). Needs `pip install atheris`; without it, the same properties
run longer under hypothesis: `HEARTSTOPPER_FUZZ=long python -m pytest tests/test_fuzz.py`.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

try:
    import atheris
except ImportError:  # pragma: no cover - depends on the machine
    atheris = None

TARGETS = ("yaml", "loader", "playthrough", "save", "expression")
WORK = Path(tempfile.gettempdir()) / "heartstopper-fuzz"
MINI = ROOT / "tests" / "fixtures" / "mini"


def _instrumented():
    """Import the readers with coverage instrumentation (when atheris is there)."""
    if atheris is None:
        import game.loader as loader
    else:
        with atheris.instrument_imports(include=["game"]):
            import game.loader as loader
            import game.playthrough
            import game.save
            import game.scripts
            import game.yaml_source  # noqa: F401
    return loader


def _check_problems(problems, text: str) -> None:
    assert problems, "an error without problems"
    breaks = sum(text.count(c) for c in "\n\r\x85\u2028\u2029")
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.line <= breaks + 2, str(problem)
        assert problem.message.strip(), str(problem)


def _play(story, rng: random.Random, events: int = 500) -> None:
    from game.playthrough import Playthrough

    pt = Playthrough(story)
    for _ in range(events):
        if pt.can_continue:
            pt.continue_()
        elif pt.current_choices is not None:
            available = [o.index for o in pt.current_choices.options if o.available]
            if not available:
                return
            pt.choose(rng.choice(available))
        else:
            return


def make_target(name: str):
    """The function libFuzzer calls with each input, for one target."""
    loader = _instrumented()
    from game.expressions import ExpressionError, compile_expression
    from game.playthrough import Playthrough
    from game.problems import Problem, StoryError
    from game.save import SaveError
    from game.scripts import load_playthrough_file, run_script
    from game.yaml_source import decode_text, parse_text

    mini = loader.load_story(MINI)
    scratch = WORK / f"scratch-{name}"
    shutil.rmtree(scratch, ignore_errors=True)
    story_copy = scratch / "story"
    shutil.copytree(MINI, story_copy, ignore=shutil.ignore_patterns("playthroughs"))
    scene_file = story_copy / "scenes" / "home.yaml"

    def yaml_target(data: bytes) -> None:
        problems: list[Problem] = []

        def problem(line: int, column: int, message: str, hint: str = "") -> None:
            problems.append(Problem("input.yaml", line, column, message, hint))

        text = decode_text(data, problem)
        if text is not None:
            parse_text(text, problem)
        if problems:
            _check_problems(problems, data.decode("utf-8", errors="replace"))

    def loader_target(data: bytes) -> None:
        scene_file.write_bytes(data)
        try:
            story = loader.load_story(story_copy)
        except StoryError as error:
            _check_problems(
                [p for p in error.problems if p.file.endswith("home.yaml")] or error.problems,
                data.decode("utf-8", errors="replace"),
            )
            return
        _play(story, random.Random(len(data)))

    def playthrough_target(data: bytes) -> None:
        path = scratch / "run.yaml"
        path.write_bytes(data)
        try:
            script = load_playthrough_file(path, mini)
        except StoryError as error:
            _check_problems(error.problems, data.decode("utf-8", errors="replace"))
            return
        result = run_script(script, mini)
        assert result.passed or result.failure is not None

    def save_target(data: bytes) -> None:
        try:
            value = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return  # read_json_file turns these into SaveError('damaged'); its own tests cover that
        try:
            pt = Playthrough.from_save(mini, value)
        except SaveError as error:
            assert error.reason in ("damaged", "unknown_scene", "wrong_story") and str(error)
            return
        for variable, saved in pt.variables.items():
            assert mini.variables[variable].accepts(saved), (variable, saved)
        rng = random.Random(len(data))
        for _ in range(300):
            if pt.can_continue:
                pt.continue_()
            elif pt.current_choices is not None and any(o.available for o in pt.current_choices.options):
                pt.choose(rng.choice([o.index for o in pt.current_choices.options if o.available]))
            else:
                break
        Playthrough.from_save(mini, json.loads(json.dumps(pt.save())))

    variables = {name: variable.type for name, variable in mini.variables.items()}

    def expression_target(data: bytes) -> None:
        text = data.decode("utf-8", errors="replace")
        try:
            compiled = compile_expression(text, variables, mini.scenes, "any")
        except ExpressionError as error:
            assert 0 <= error.offset <= len(text) and error.message and error.hint
            return
        compiled.evaluate(mini.defaults(), {})

    return {
        "yaml": yaml_target,
        "loader": loader_target,
        "playthrough": playthrough_target,
        "save": save_target,
        "expression": expression_target,
    }[name]


def seed_corpus(name: str) -> Path:
    """A corpus folder seeded with real inputs for the target."""
    corpus = WORK / f"corpus-{name}"
    corpus.mkdir(parents=True, exist_ok=True)
    seeds: list[bytes] = []
    if name in ("yaml", "loader"):
        seeds += [path.read_bytes() for path in sorted((ROOT / "story" / "scenes").glob("*.yaml"))]
        seeds += [path.read_bytes() for path in sorted((MINI / "scenes").glob("*.yaml"))]
    if name in ("yaml", "playthrough"):
        seeds += [path.read_bytes() for path in sorted((ROOT / "story" / "playthroughs").glob("*.yaml"))]
        seeds += [path.read_bytes() for path in sorted((MINI / "playthroughs").glob("*.yaml"))]
    if name == "save":
        from game.loader import load_story
        from game.playthrough import Playthrough

        pt = Playthrough(load_story(MINI))
        while len(seeds) < 12 and (pt.can_continue or pt.current_choices is not None):
            if pt.can_continue:
                pt.continue_()
            else:
                pt.choose(next(o.index for o in pt.current_choices.options if o.available))
            seeds.append(json.dumps(pt.save(), indent=1).encode())
    if name == "expression":
        seeds += [b"grades >= 2 and not brave", b"visited(kitchen) > 1 or room == 'isaac'", b"-(grades + 1) < 3"]
    for number, seed in enumerate(seeds):
        (corpus / f"seed-{number:03d}").write_bytes(seed)
    return corpus


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[1] not in TARGETS:
        print(f"usage: python bench/fuzz.py {{{','.join(TARGETS)}}} [libFuzzer options] [corpus or input ...]")
        return 2
    if atheris is None:
        print(
            "atheris is not installed (pip install atheris). Without it, run the same properties longer under "
            "hypothesis:\n    HEARTSTOPPER_FUZZ=long python -m pytest tests/test_fuzz.py",
            file=sys.stderr,
        )
        return 2
    name = argv[1]
    target = make_target(name)  # first, so the readers are imported with instrumentation
    options = [arg for arg in argv[2:] if arg.startswith("-")]
    paths = [arg for arg in argv[2:] if not arg.startswith("-")]
    if not paths:
        paths = [str(seed_corpus(name))]
    if not any(option.startswith("-timeout=") for option in options):
        options.append("-timeout=10")
    if not any(option.startswith("-max_len=") for option in options):
        options.append("-max_len=65536" if name in ("yaml", "loader") else "-max_len=8192")
    atheris.Setup([argv[0], *options, *paths], target)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
