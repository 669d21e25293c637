"""Where editions are kept: ``editions/<date>/`` and the index ``editions/editions.json`` (shell).

An edition appears all at once or not at all. Its files are written into a hidden
staging folder next to the target, flushed, and renamed into place; then the
index is replaced; then the tag is made. If anything fails or the run is
interrupted (an exception, Ctrl-C, SIGTERM), what was done is undone. A run
killed outright leaves at most a hidden ``.DATE.partial-*`` folder, which the
next release removes, or — in the instant between the rename and the tag — an
untagged folder, which the next release recognises and replaces.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from doccontrol.model.errors import UsageError
from doccontrol.model.messages import msg

FOLDER = "editions"
INDEX = "editions.json"
SUMS = "SHA256SUMS"
PARTIAL = ".partial-"


def editions_dir(out: Path) -> Path:
    return out / FOLDER


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _readable(path: Path, mode: int) -> None:
    """mkdtemp and mkstemp make private files; editions are for everyone who may read the folder."""
    with contextlib.suppress(OSError):
        os.chmod(path, mode & ~_umask())


def _write(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def replace_file(path: Path, data: bytes) -> None:
    """Write a file by renaming a flushed temporary file over it."""
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        _readable(Path(tmp), 0o666)
        _write(Path(tmp), data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def index_bytes(records: list[dict[str, Any]]) -> bytes:
    ordered = sorted(records, key=lambda r: str(r.get("date", "")))
    text = json.dumps({"editions": ordered}, ensure_ascii=False, sort_keys=True, indent=2)
    return (text + "\n").encode("utf-8")


def read_index(folder: Path) -> list[dict[str, Any]]:
    """The records of ``folder/editions.json`` (an empty list when there is none or it is broken)."""
    try:
        data = json.loads((folder / INDEX).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return []
    records = data.get("editions") if isinstance(data, dict) else None
    return [r for r in records if isinstance(r, dict)] if isinstance(records, list) else []


def sums_line(sha256: str, name: str) -> str:
    return f"{sha256}  {name}\n"


def remove_stale(folder: Path) -> list[Path]:
    """Staging folders that a killed release left behind."""
    removed = []
    if folder.is_dir():
        for child in folder.iterdir():
            if child.name.startswith(".") and PARTIAL in child.name and child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
                removed.append(child)
    return removed


def withdraw(out: Path, day: date) -> None:
    """Remove an edition that never got its tag (an interrupted release)."""
    folder = editions_dir(out)
    target = folder / day.isoformat()
    if target.exists():
        shutil.rmtree(target)
    records = read_index(folder)
    kept = [r for r in records if r.get("date") != day.isoformat()]
    if len(kept) != len(records):
        replace_file(folder / INDEX, index_bytes(kept))


def stage_files(stage: Path, files: dict[str, bytes]) -> None:
    """Write the edition's files into the staging folder."""
    for name, data in files.items():
        _write(stage / name, data)
    _fsync_dir(stage)


def publish(
    out: Path,
    day: date,
    files: dict[str, bytes],
    record: dict[str, Any],
    finish: Callable[[], None],
) -> Path:
    """Put ``files`` in ``editions/<day>/``, add ``record`` to the index, then ``finish()`` (the tag).

    All of it, or — on any exception, including KeyboardInterrupt — none of it.
    """
    folder = editions_dir(out)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / day.isoformat()
    if target.exists():
        raise UsageError(
            msg("store.exists", folder=str(target)),
            str(target),
        )
    index = folder / INDEX
    before = index.read_bytes() if index.exists() else None
    records = [r for r in read_index(folder) if r.get("date") != day.isoformat()]
    stage = Path(tempfile.mkdtemp(prefix=f".{day.isoformat()}{PARTIAL}", dir=folder))
    moved = indexed = False
    try:
        _readable(stage, 0o777)
        stage_files(stage, files)
        os.replace(stage, target)
        moved = True
        _fsync_dir(folder)
        replace_file(index, index_bytes([*records, record]))
        indexed = True
        finish()
    except BaseException:
        if indexed:
            if before is None:
                with contextlib.suppress(OSError):
                    index.unlink()
            else:
                replace_file(index, before)
        if moved:
            shutil.rmtree(target, ignore_errors=True)
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return target
