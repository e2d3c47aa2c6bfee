"""Build the game as a folder players unpack and run, with no Python installed: one command per platform.

    python tools/build_standalone.py                              # the shipped story: dist/heartstopper-<version>-...
    python tools/build_standalone.py --story DIR [--assets DIR]   # an author's own story, named after its title

PyInstaller freezes the `heartstopper` command (tools/standalone/entry.py) into one folder: the executable, the
Python runtime and libraries it needs under `_internal/`, and inside that the story, its assets, the editor schemas
and the Noto Sans font files. The folder is then packed into dist/ as NAME-VERSION-PLATFORM.tar.gz (a .zip on
Windows). The player unpacks it and runs `./NAME` (the game), `./NAME play --text` or `./NAME check`.

The package is the author's game, not ours: the story is checked before anything is built (a story with errors is
refused), the program is named after the manifest's `title` (`--name` to choose), the version is the manifest's
`version` (`--version`), and the manifest's `icon` (an id in the assets' icons/ folder) becomes the program's icon
on Windows and macOS, and NAME.png beside the program on Linux (whose programs carry no icon). The shipped story
builds as `heartstopper` with this package's version.

Same inputs, same files: entries are packed sorted, with one time (SOURCE_DATE_EPOCH, else the last commit's time),
no owner names, and PYTHONHASHSEED fixed while freezing. Needs the `build` extra: pip install -e '.[build]'.
Exit codes: 0 built, 1 the story has problems or the freezer failed, 2 bad usage or PyInstaller missing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(TOOLS) not in sys.path:
    sys.path.insert(0, str(TOOLS))

from standalone import archive, icons  # noqa: E402  (tools/ is put on the path just above)

ENTRY = TOOLS / "standalone" / "entry.py"
SHIPPED_NAME = "heartstopper"
DISTRIBUTION = "heartstopper-season-two"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# Imported only by the test plugin or by tools the player never runs; leaving them out keeps the package small.
EXCLUDED_MODULES = ("game.pytest_plugin", "pytest", "_pytest", "hypothesis", "jsonschema", "tkinter", "numpy")
SKIPPED_NAMES = {"__pycache__", ".DS_Store", "Thumbs.db"}


class BuildError(Exception):
    """A problem the author can fix, said in one message."""


@dataclass(frozen=True)
class Target:
    """What is being built and what it is called."""

    story_dir: Path
    assets_dir: Path
    name: str
    version: str
    title: str
    icon: Path | None
    platform: str

    @property
    def stem(self) -> str:
        return f"{self.name}-{self.version}-{self.platform}"

    @property
    def archive_name(self) -> str:
        return self.stem + (".zip" if self.platform.startswith("windows") else ".tar.gz")

    @property
    def executable(self) -> str:
        return self.name + (".exe" if self.platform.startswith("windows") else "")


def platform_tag() -> str:
    """linux-x86_64, windows-x86_64, macos-arm64 ...: the system and the processor the build runs on."""
    system = {"darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform.rstrip("0123456789"))
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine) or "unknown"
    return f"{system}-{machine}"


def safe_name(text: str) -> str:
    """A program and file name from a title: lower-case letters, digits and hyphens."""
    from game.ui.datadir import story_slug

    return story_slug(text)


def package_version() -> str:
    from importlib import metadata

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "0"


def source_date_epoch() -> int:
    """SOURCE_DATE_EPOCH if set, else the last commit's time, else 1980-01-01 (the earliest a zip can hold)."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given:
        if not given.isdigit():
            raise BuildError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {given!r}")
        return int(given)
    try:
        shown = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True, timeout=30
        ).stdout.strip()
        return int(shown)
    except (OSError, subprocess.SubprocessError, ValueError):
        return archive.ZIP_EPOCH


def resolve_target(args: argparse.Namespace) -> Target:
    """Check the story and work out the name, version, title and icon of the build."""
    from game.assets import AssetCatalog
    from game.loader import load_story
    from game.paths import assets_dir_for, default_story_dir, own_assets_dir
    from game.problems import StoryError

    shipped = args.story is None
    story_dir = (args.story or default_story_dir()).resolve()
    try:
        story = load_story(story_dir)
    except StoryError as error:
        shown = "\n".join(str(problem) for problem in error.problems)
        raise BuildError(
            f"{shown}\nthe story has problems; `heartstopper check --story {story_dir}` lists them"
        ) from None
    assets_dir = (args.assets or assets_dir_for(story_dir)).resolve()
    if not shipped and args.assets is None and own_assets_dir(story_dir) is None:
        print(
            f"build: the story has no assets folder of its own; packing the shipped art it borrows ({assets_dir})",
            file=sys.stderr,
        )
    if not assets_dir.is_dir():
        raise BuildError(f"the assets folder {assets_dir} does not exist")
    icon = None
    if story.icon is not None:
        icon = AssetCatalog(assets_dir).path("icon", story.icon)
        if icon is None:
            raise BuildError(
                f"the manifest's icon '{story.icon}' has no file in {assets_dir / 'icons'} "
                f"(looked for {story.icon}.svg and {story.icon}.png)"
            )
    name = args.name or (SHIPPED_NAME if shipped else safe_name(story.title))
    if not name or safe_name(name) != name:
        raise BuildError(f"--name {name!r} must be lower-case letters, digits and hyphens")
    version = args.version or (package_version() if shipped else str(story.version))
    if not all(char.isalnum() or char in ".+_" for char in version):
        raise BuildError(f"the version {version!r} must be letters, digits, dots, '+' or '_' (it names the file)")
    return Target(story_dir, assets_dir, name, version, story.title, icon, platform_tag())


def copy_tree(source: Path, dest: Path) -> int:
    """Copy the files of `source` into `dest`, skipping hidden files and caches and refusing links that lead out."""
    count = 0
    root = source.resolve()
    for path in archive.walk_sorted(source):
        relative = path.relative_to(source)
        if any(part.startswith(".") or part in SKIPPED_NAMES for part in relative.parts):
            continue
        if not path.resolve().is_relative_to(root):
            raise BuildError(f"{path} is a link to outside {source}; copy the file in instead")
        target = dest / relative
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif path.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            count += 1
    return count


def stage(target: Target, work: Path) -> Path:
    """The story and assets as they will ship, and the icon files, in `work/payload`."""
    payload = work / "payload"
    shutil.rmtree(payload, ignore_errors=True)
    copy_tree(target.story_dir, payload / "story")
    copy_tree(target.assets_dir, payload / "assets")
    if target.icon is not None:
        icons.render_png(target.icon, payload / f"{target.name}.png")
    return payload


def player_readme(target: Target) -> str:
    run = target.executable if target.platform.startswith("windows") else f"./{target.executable}"
    commands = [
        (run, "play (a window; with no display it offers the terminal player)"),
        (f"{run} play --text", "play in the terminal"),
        (f"{run} check", "check the story that ships inside"),
        (f"{run} --help", "every command"),
    ]
    width = max(len(command) for command, _ in commands) + 4
    return (
        f"{target.title}\n{'=' * len(target.title)}\n\n"
        f"Version {target.version}, for {target.platform}. Nothing else needs installing.\n\n"
        + "".join(f"  {command.ljust(width)}{what}\n" for command, what in commands)
        + "\nSaves and settings are kept in your user data folder, not here, so a newer version can replace this one.\n"
        "Made with the Heartstopper story engine. The Noto Sans and Atkinson Hyperlegible fonts (SIL Open Font\n"
        "License, in _internal/fontpkg_*/LICENSE) and the Python runtime and libraries ship with it.\n"
    )


def freeze(target: Target, payload: Path, work: Path, epoch: int) -> Path:
    """Run PyInstaller in a child process and return the built folder."""
    separator = os.pathsep
    datas = [
        (payload / "story", "game/_bundled/story"),
        (payload / "assets", "game/_bundled/assets"),
        (ROOT / "game" / "schemas", "game/schemas"),
    ]
    options = [
        ("--noconfirm", "--clean", "--onedir", "--console", "--noupx"),
        ("--log-level", "WARN"),
        ("--python-option", "X utf8_mode=1"),  # the terminal player prints UTF-8 whatever the locale or code page
        ("--name", target.name),
        ("--distpath", str(work / "dist")),
        ("--workpath", str(work / "build")),
        ("--specpath", str(work)),
        ("--paths", str(ROOT)),
        ("--collect-submodules", "game"),
        ("--hidden-import", "fontpkg_noto_sans"),
        ("--collect-data", "fontpkg_noto_sans"),
        ("--hidden-import", "fontpkg_atkinson_hyperlegible"),
        ("--collect-data", "fontpkg_atkinson_hyperlegible"),
    ]
    command = [sys.executable, "-m", "PyInstaller", str(ENTRY)] + [part for option in options for part in option]
    for source, dest in datas:
        command += ["--add-data", f"{source}{separator}{dest}"]
    for module in EXCLUDED_MODULES:
        command += ["--exclude-module", module]
    if target.icon is not None and not target.platform.startswith("linux"):
        system = target.platform.split("-")[0]
        command += ["--icon", str(icons.platform_icon(payload / f"{target.name}.png", system))]
    if target.platform.startswith("windows"):
        # A console program, so `play --text` and `check` print; the console a double-click opens is hidden.
        command += ["--hide-console", "hide-early"]
    else:
        command += ["--strip"]  # symbol tables are no use to players (PyInstaller advises against it on Windows)
    if target.platform.startswith("macos"):
        command += ["--osx-bundle-identifier", f"org.heartstopper-engine.{target.name}"]
    env = dict(os.environ, PYTHONHASHSEED="0", SOURCE_DATE_EPOCH=str(epoch))
    result = subprocess.run(command, env=env, cwd=work, check=False)
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed (exit {result.returncode}); its messages are above")
    built = work / "dist" / target.name
    (built / "README.txt").write_text(player_readme(target), encoding="utf-8", newline="\n")
    if target.icon is not None and target.platform.startswith("linux"):
        shutil.copyfile(payload / f"{target.name}.png", built / f"{target.name}.png")
    return built


def build(target: Target, out_dir: Path, work: Path) -> tuple[Path, list[str]]:
    epoch = source_date_epoch()
    work.mkdir(parents=True, exist_ok=True)
    payload = stage(target, work)
    built = freeze(target, payload, work, epoch)
    archive_path = out_dir / target.archive_name
    write = archive.write_zip if target.archive_name.endswith(".zip") else archive.write_tar_gz
    names = write(built, archive_path, target.stem, epoch)
    manifest = {
        "name": target.name,
        "version": target.version,
        "platform": target.platform,
        "title": target.title,
        "files": names,
    }
    (out_dir / f"{target.stem}.files.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return archive_path, names


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="build_standalone.py", description="Build a folder players can unpack and run, with no Python needed."
    )
    parser.add_argument("--story", type=Path, metavar="DIR", help="the story folder (default: the shipped story)")
    parser.add_argument(
        "--assets",
        type=Path,
        metavar="DIR",
        help="its assets folder (default: the story's own assets/, else the one beside it)",
    )
    parser.add_argument("--name", help="the program's name (default: from the title; 'heartstopper' when shipped)")
    parser.add_argument("--version", help="the version in the file name (default: the manifest's version)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", metavar="DIR", help="where the archive goes")
    parser.add_argument("--work", type=Path, metavar="DIR", help="the freezer's work folder (default: build/NAME)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("build: PyInstaller is not installed; run: pip install -e '.[build]'", file=sys.stderr)
        return EXIT_USAGE
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    started = time.monotonic()
    try:
        target = resolve_target(args)
        work = (args.work or ROOT / "build" / target.name).resolve()
        print(f"build: {target.title!r} as {target.archive_name} ...", file=sys.stderr, flush=True)
        archive_path, names = build(target, args.out.resolve(), work)
    except BuildError as error:
        print(f"build: {error}", file=sys.stderr)
        return EXIT_FAILED
    size = archive_path.stat().st_size
    print(
        f"build: {archive_path} ({size / 1e6:.1f} MB, {len(names)} entries) in {time.monotonic() - started:.0f} s",
        file=sys.stderr,
    )
    print(archive_path)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
