"""Pruning the cache of rendered parts, so that it does not grow with every edition (shell).

Each build that uses the cache records the keys of the parts it used, as a file of
its own under ``uses/`` (never a shared file two builds would rewrite), and marks
each part used by setting its modification time. A part is then removed when none
of the last ``editions`` records names it, or when it was last used more than
``max_age_days`` ago.

Two processes may build and prune at once. Every write is a rename and every
removal tolerates the file being gone already; a part newer than :data:`GRACE`
is never removed, since it may belong to a build that has not yet recorded its
use; and a record that cannot be read stops the pruning rather than shrink the
set of parts kept. The worst a race can do is remove a part that is then
rendered again: the cache only ever costs time, never bytes of an edition.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from doccontrol.edition.store import replace_file

USES = "uses"
#: Seconds during which a new part is kept whatever the records say (a build still running).
GRACE = 6 * 3600.0


@dataclass(frozen=True)
class CachePolicy:
    """Which parts stay: those the last ``editions`` builds used, none unused for ``max_age_days``."""

    editions: int = 3
    max_age_days: float = 180.0


def record_use(folder: Path, keys: Iterable[str], now: float | None = None) -> None:
    """Mark the parts of ``keys`` as used now, and record them as one build's use."""
    moment = time.time() if now is None else now
    wanted = sorted(set(keys))
    try:
        uses = folder / USES
        uses.mkdir(parents=True, exist_ok=True)
        for key in wanted:
            with contextlib.suppress(FileNotFoundError):  # pruned meanwhile: rendered next time
                os.utime(folder / f"{key}.pdf", (moment, moment))
        name = f"{time.time_ns():020d}-{os.getpid()}.keys"
        replace_file(uses / name, ("\n".join(wanted) + "\n").encode("ascii"))
    except OSError:
        pass  # a cache that cannot be written costs time, never the edition


def prune(folder: Path, policy: CachePolicy, now: float | None = None) -> int:
    """Remove the parts ``policy`` no longer keeps, and the records past the last
    ``editions``; the number of parts removed."""
    moment = time.time() if now is None else now
    uses = folder / USES
    try:
        records = sorted((p for p in uses.iterdir() if p.suffix == ".keys"), reverse=True)  # newest first
    except OSError:
        return 0
    kept: set[str] = set()
    for record in records[: max(policy.editions, 0)]:
        try:
            kept.update(record.read_text("ascii").split())
        except (OSError, UnicodeDecodeError):
            return 0  # removed by another prune, or damaged: keep everything this time
    removed = 0
    limit = policy.max_age_days * 86400.0
    for part in folder.glob("*.pdf"):
        try:
            age = moment - part.stat().st_mtime
        except FileNotFoundError:
            continue
        if age < GRACE:
            continue
        if part.stem not in kept or age > limit:
            with contextlib.suppress(FileNotFoundError):
                part.unlink()
                removed += 1
    for record in records[max(policy.editions, 0) :]:
        with contextlib.suppress(FileNotFoundError):
            record.unlink()
    return removed
