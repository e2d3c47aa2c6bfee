"""`heartstopper lint`: the linter on the command line, for authors (readable lines) and CI (`--strict`, `--json`).

Exit codes: 0 clean (warnings allowed unless `--strict`), 1 errors (or warnings under `--strict`), 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys

from game.authoring.codes import CODES, explain
from game.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, complain, shorten
from game.paths import default_story_dir
from game.wording import plural


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too, for CI")
    parser.add_argument("--json", action="store_true", help="print the problems as JSON")
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODE",
        help="leave out problems with this code (repeatable; or write '# lint-ignore: CODE' on the line)",
    )
    parser.add_argument(
        "--explore",
        action="store_true",
        help="also explore every reachable state to find cosmetic choices (HS029); slow on big stories",
    )
    parser.add_argument("--explain", metavar="CODE", help="say what a code means and how to mend it, then stop")


def run(args: argparse.Namespace) -> int:
    if args.explain:
        code = args.explain.strip().upper()
        if code not in CODES:
            complain(f"there is no code '{shorten(args.explain)}' (HS000 to {max(CODES)})", "lint")
            return EXIT_USAGE
        print(explain(code))
        return EXIT_OK
    unknown = [code for code in args.ignore if code.strip().upper() not in CODES]
    if unknown:
        complain(f"--ignore: there is no code '{shorten(unknown[0])}'", "lint")
        return EXIT_USAGE
    from game.authoring.lint import lint_folder

    report = lint_folder(args.story or default_story_dir(), ignore=args.ignore, explore=args.explore)
    for note in report.notes:
        complain(f"note: {note}", "lint")
    failed = report.failed(args.strict)
    if args.json:
        data = {
            "ok": not failed,
            "loaded": report.loaded,
            "errors": report.errors,
            "warnings": report.warnings,
            "problems": [
                {
                    "code": p.code,
                    "severity": p.severity,
                    "file": p.file,
                    "line": p.line,
                    "column": p.column,
                    "message": p.message,
                    "hint": p.hint,
                }
                for p in report.problems
            ],
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return EXIT_FAILED if failed else EXIT_OK
    for problem in report.problems:
        print(problem)
    summary = _summary(report.errors, report.warnings, args.strict, report.loaded)
    print(summary, file=sys.stderr if failed else sys.stdout)
    return EXIT_FAILED if failed else EXIT_OK


def _summary(errors: int, warnings: int, strict: bool, loaded: bool) -> str:
    if not loaded:
        return f"{plural(errors, 'problem')}: the story does not load, so the other checks did not run."
    if not errors and not warnings:
        return "lint: no problems."
    counts = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
    if errors:
        return f"lint: {counts}."
    return f"lint: {counts}" + (" (--strict: warnings fail)." if strict else ".")
