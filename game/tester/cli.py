"""`heartstopper test [--story DIR] [PLAYTHROUGH ...]`: the branch tester on the command line.

Explores every reachable state (or, with `--random N`, samples N walks), runs the story's playthrough files and
any named, and prints a summary (or `--json`), optionally writing witnesses and a JUnit report. Exit codes: 0 when
every check holds, 1 when the story fails one (or cannot be loaded), 2 for bad usage (a `--junit`, `--html` or
`--witnesses` place that cannot be written included, tried before exploring).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from game.cli import add_given_option, add_start_option, complain
from game.problems import path_for_user
from game.terminal_text import escape_lines, json_for_terminal
from game.tester.explore import DEFAULT_MAX_STATES
from game.wording import plural

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _positive(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"it must be at least 1, not {value}")
    return value


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None


def _jobs(text: str) -> int:
    """`--jobs N`: N worker processes; 0 or `auto`: as many as there are cores available."""
    if text.strip().lower() == "auto":
        return 0
    value = _whole(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"it must be 0 (auto) or more, not {value}")
    return value


_UNITS = {"": 1, "B": 1, "K": 1 << 10, "KB": 1 << 10, "M": 1 << 20, "MB": 1 << 20, "G": 1 << 30, "GB": 1 << 30}


def _size(text: str) -> int:
    """`--memory-budget SIZE`: bytes, or with a unit (`512M`, `2G`, `1.5GB`; binary units)."""
    cleaned = text.strip().upper().replace("_", "").replace(",", "")
    number = cleaned.rstrip("KMGB")
    unit = cleaned[len(number) :]
    try:
        value = float(number)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size (bytes, or a number with K, M or G)") from None
    if unit not in _UNITS:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size (bytes, or a number with K, M or G)")
    if value <= 0 or value != value or value == float("inf"):
        raise argparse.ArgumentTypeError(f"it must be more than 0, not {text}")
    return int(value * _UNITS[unit])


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "playthroughs",
        nargs="*",
        type=Path,
        metavar="PLAYTHROUGH",
        help="playthrough files to run as well as the story's own playthroughs/*.yaml",
    )
    parser.add_argument(
        "--max-states",
        type=_positive,
        default=DEFAULT_MAX_STATES,
        metavar="N",
        help=f"stop exploring after N states and say the results are partial (default {DEFAULT_MAX_STATES:,})",
    )
    parser.add_argument(
        "--random", type=_positive, metavar="N", help="sample N random walks instead of exploring every state"
    )
    parser.add_argument("--seed", type=_whole, metavar="S", help="the random walks' seed (default 0)")
    parser.add_argument("--ranges", action="store_true", help="report each variable's min and max at each scene")
    parser.add_argument(
        "--points-of-no-return",
        action="store_true",
        help="report, for each choice, the endings that can no longer be reached once it is taken",
    )
    parser.add_argument(
        "--measures",
        action="store_true",
        help="also measure whether choices matter: exact ending odds, cosmetic choices, variables, repetition",
    )
    parser.add_argument(
        "--policy",
        metavar="NAME|FILE",
        help="how the odds pick among choices: uniform (default), first, or a weights file (implies --measures)",
    )
    parser.add_argument(
        "--html",
        type=Path,
        metavar="FILE",
        help="also write the measures as one self-contained page (implies --measures)",
    )
    parser.add_argument(
        "--witnesses", type=Path, metavar="DIR", help="write each shortest path as a playthrough file into DIR"
    )
    parser.add_argument("--paths", action="store_true", help="print the shortest path to each ending")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of a summary")
    parser.add_argument("--junit", type=Path, metavar="FILE", help="also write the results as JUnit XML")
    parser.add_argument(
        "--search",
        type=_whole,
        default=None,
        metavar="N",
        help="when the exploration stops at --max-states, search up to N states towards each ending it did not "
        "reach (default 20,000; 0: no search)",
    )
    parser.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="explore in N worker processes (default 1; 0 or auto: every core available); the results are the same",
    )
    parser.add_argument(
        "--memory-budget",
        type=_size,
        metavar="SIZE",
        help="let the visited set spill to disk once the exploration has grown by SIZE (e.g. 512M, 4G)",
    )
    parser.add_argument(
        "--cluster",
        metavar="ADDRESS",
        help="explore on a Dask cluster: a scheduler's address, or 'local' for --jobs worker processes here "
        "(needs the optional extra: pip install 'heartstopper-season-two[distributed]')",
    )
    parser.add_argument(
        "--stats",
        action="store_true",
        help="say on stderr how the exploration went: states, jobs, time and memory per state",
    )
    add_start_option(parser, "explore from this scene instead of the story's start")
    add_given_option(parser)


def _usage(message: str) -> int:
    complain(message, "test")
    return EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    from game.cli import given_problem, load_or_report, parse_given, start_problem

    if args.random is None:
        if args.seed is not None:
            return _usage("--seed goes with --random N")
    else:
        for flag, given in (
            ("--ranges", args.ranges),
            ("--points-of-no-return", args.points_of_no_return),
            ("--witnesses", args.witnesses),
            ("--paths", args.paths),
            ("--search", args.search is not None),
            ("--jobs", args.jobs != 1),
            ("--memory-budget", args.memory_budget is not None),
            ("--cluster", args.cluster is not None),
        ):
            if given:
                return _usage(f"{flag} needs the full exploration, so it cannot go with --random")
    if args.cluster is not None:
        from game.tester.cluster import MISSING, available

        if not available():
            return _usage(MISSING)
    for path in args.playthroughs:
        if not path.is_file():
            return _usage(f"there is no playthrough file '{path}'")
    if args.html is not None and args.random is not None:
        return _usage("--html needs the full exploration, so it cannot go with --random")
    from game.output_paths import ready_file, ready_folder

    problem = (  # every place to write, tried before the exploration (which may take long)
        (ready_folder(args.witnesses) if args.witnesses is not None else None)
        or (ready_file(args.junit) if args.junit is not None else None)
        or (ready_file(args.html) if args.html is not None else None)
    )
    if problem is not None:
        return _usage(problem)
    if (args.policy is not None or args.html is not None) and args.random is None:
        args.measures = True
    try:
        given = parse_given(args.given)
    except ValueError as error:
        return _usage(str(error))

    story = load_or_report(args.story)
    if story is None:
        return EXIT_FAILED
    problem = start_problem(story, args.start) or given_problem(story, given)
    if problem is not None:
        return _usage(problem)
    from game.tester.odds import PolicyError, policy_from

    try:
        args.chosen_policy = policy_from(args.policy or "uniform", story) if args.policy or args.measures else None
    except PolicyError as error:
        return _usage(str(error))

    try:
        test_run, witnesses = _test(story, args, given)
    except KeyboardInterrupt:
        print("heartstopper test: stopped", file=sys.stderr)
        return 130
    except RuntimeError as error:
        from game.tester.cluster import ClusterError

        if not isinstance(error, ClusterError):
            raise
        return _usage(str(error))
    except OSError as error:
        from game.output_paths import cannot_write

        return _usage(cannot_write(error, args.witnesses))
    if args.json:
        data = test_run.to_json()
        if args.stats and args.exploration_stats is not None:
            data["exploration_stats"] = args.exploration_stats
        if witnesses is not None:
            data["witnesses"] = witnesses
        print(json_for_terminal(data))
    else:
        from game.tester.text import summary

        print(escape_lines(summary(test_run, paths=args.paths, witnesses=witnesses)))
    if args.html is not None and test_run.explore is not None and test_run.explore.measures is not None:
        from game.jsonfiles import write_output
        from game.tester.html import render
        from game.tester.text import summary

        page = render(story, test_run.explore.measures, summary(test_run))
        try:
            write_output(args.html, page)
        except OSError as error:
            from game.output_paths import cannot_write

            return _usage(cannot_write(error, args.html))
    if args.junit is not None:
        from game.tester.junit import write_junit

        try:
            write_junit(test_run, args.junit)
        except OSError as error:
            from game.output_paths import cannot_write

            return _usage(cannot_write(error, args.junit))
    return EXIT_OK if test_run.passed else EXIT_FAILED


def exploration_stats(exploration, jobs: int, memory, seconds: float) -> dict:
    """How the exploration went (`--stats`; `exploration_stats` in `--json`): never part of what it found."""
    stats = dict(exploration.stats)
    grown = stats.pop("memory_bytes", None)
    if grown is None:  # the serial explorer, in this process
        grown = memory.growth()
    states = exploration.states
    return {
        "states": states,
        "jobs": jobs,
        "seconds": round(seconds, 3),
        "memory_bytes": grown,
        "bytes_per_state": round(grown / states) if states else 0,
        "spilled": bool(stats.get("spilled", False)),
    }


def stats_line(stats: dict) -> str:
    jobs = stats["jobs"]
    return (
        f"explored {stats['states']:,} states with {plural(jobs, 'job')} in {stats['seconds']:.1f} s; "
        f"memory {stats['memory_bytes'] / 1e6:.1f} MB, {stats['bytes_per_state']:,} bytes a state"
        + ("; the visited set spilled to disk" if stats["spilled"] else "")
    )


def _test(story, args: argparse.Namespace, given: dict):
    from game.tester.playthroughs import playthrough_paths, run_playthroughs
    from game.tester.progress import Progress
    from game.tester.report import TestRun

    started = time.perf_counter()
    args.exploration_stats = None
    test_run = TestRun(story.title, tuple(invariant.condition.source for invariant in story.invariants))
    progress = Progress.for_terminal()
    witnesses: list[str] | None = None
    try:
        if args.random is not None:
            from game.tester.randomwalk import random_walks

            test_run.random = random_walks(
                story,
                args.random,
                args.seed if args.seed is not None else 0,
                start=args.start,
                given=given,
                progress=progress.walking if progress else None,
                policy=args.chosen_policy,
            )
        else:
            from game.tester.checks import build_report
            from game.tester.memory import Memory
            from game.tester.parallel import available_cores, explore_with

            limit = args.max_states
            jobs = args.jobs or available_cores()
            memory = Memory()
            began = time.perf_counter()
            shown = (lambda states, queued: progress.exploring(states, queued, limit)) if progress else None
            if args.cluster is not None:
                from game.tester.cluster import explore_on_cluster
                from game.tester.explore import Explorer

                explorer = Explorer(story, start=args.start, given=given, max_states=limit, progress=shown)
                exploration = explore_on_cluster(explorer, story.story_dir, args.jobs, args.cluster, args.memory_budget)
                jobs = int(exploration.stats["jobs"])  # type: ignore[call-overload]
            else:
                exploration = explore_with(
                    story,
                    start=args.start,
                    given=given,
                    max_states=limit,
                    progress=shown,
                    jobs=jobs,
                    memory_budget=args.memory_budget,
                )
            if progress:
                progress.done()
            args.exploration_stats = exploration_stats(exploration, jobs, memory, time.perf_counter() - began)
            if args.stats:
                print(stats_line(args.exploration_stats), file=sys.stderr)
            report = build_report(exploration, ranges=args.ranges, no_return=args.points_of_no_return)
            report.max_states = limit
            if exploration.partial and args.search != 0:
                from game.tester.directed import DEFAULT_BUDGET, prove_by_search

                prove_by_search(exploration, report, args.search if args.search is not None else DEFAULT_BUDGET)
            test_run.explore = report
            if args.measures:
                from game.tester.graph import EndingMasks
                from game.tester.measures import measure

                report.measures = measure(exploration, EndingMasks(exploration), args.chosen_policy)
            if args.witnesses is not None:
                from game.tester.witnesses import write_witnesses

                written = write_witnesses(exploration, report, args.witnesses)
                witnesses = [f"{path_for_user(item.file)}: {item.claim}" for item in written]
    finally:
        if progress:
            progress.done()
    outcomes, problems = run_playthroughs(story, playthrough_paths(story, args.playthroughs))
    test_run.playthroughs = outcomes
    test_run.playthrough_problems = problems
    test_run.seconds = time.perf_counter() - started
    return test_run, witnesses
