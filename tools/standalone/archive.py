"""Archives whose bytes depend only on the files in them: sorted entries, one fixed time, no owner names.

Two builds from the same inputs list the same files in the same order; with SOURCE_DATE_EPOCH set, every entry and
the gzip header carry that time (otherwise the time of the last commit, or 1980-01-01 outside a git checkout).
Executable bits are kept (a player's `./heartstopper` must run), every other mode is normalised.
"""

from __future__ import annotations

import gzip
import os
import stat
import tarfile
import zipfile
from pathlib import Path

ZIP_EPOCH = 315532800  # 1980-01-01, the earliest time a zip entry can hold


def walk_sorted(folder: Path) -> list[Path]:
    """Every file, link and folder under `folder`, in tree order: sorted by the names along their relative path."""
    return sorted(folder.rglob("*"), key=lambda path: path.relative_to(folder).parts)


def _mode(path: Path) -> int:
    if path.is_dir() and not path.is_symlink():
        return 0o755
    executable = os.stat(path, follow_symlinks=False).st_mode & stat.S_IXUSR
    return 0o755 if executable else 0o644


def write_tar_gz(folder: Path, out: Path, top: str, mtime: int) -> list[str]:
    """Pack `folder` as `top/...` into a gzip'd tar at `out`; return the entry names in order."""
    names: list[str] = []
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    with (
        open(partial, "wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=mtime) as packed,
        tarfile.open(fileobj=packed, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for path in [folder, *walk_sorted(folder)]:
            relative = path.relative_to(folder).as_posix()
            name = top if relative == "." else f"{top}/{relative}"
            info = tar.gettarinfo(str(path), arcname=name)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mtime = mtime
            info.mode = _mode(path)
            info.pax_headers = {}
            names.append(name)
            if info.isreg():
                with open(path, "rb") as handle:
                    tar.addfile(info, handle)
            else:
                tar.addfile(info)
    os.replace(partial, out)
    return names


def write_zip(folder: Path, out: Path, top: str, mtime: int) -> list[str]:
    """Pack `folder` as `top/...` into a zip at `out` (Windows players expect one); return the entry names."""
    import time

    stamp = time.gmtime(max(mtime, ZIP_EPOCH))[:6]
    names: list[str] = []
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in walk_sorted(folder):
            if path.is_dir():
                continue
            name = f"{top}/{path.relative_to(folder).as_posix()}"
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = (_mode(path) | stat.S_IFREG) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
            names.append(name)
    os.replace(partial, out)
    return names
