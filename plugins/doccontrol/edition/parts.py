"""The documents of an edition, each rendered alone, in parallel, and cached by what goes into it (shell).

Page numbers are per document (第 x 页 共 y 页), so each document is a PDF of its
own: a part. Parts are laid out in worker processes, one per core, and kept in a
cache keyed by the hash of everything that makes their bytes: the print HTML
(control block, revision history and resolved reference titles are in it), the
running headers' stylesheet, the print stylesheet with its font declarations, the
hashes of the font files and the versions of the rendering toolchain. A month in
which one document changed renders that document, and those whose references to
it changed; :mod:`doccontrol.edition.assemble` joins the parts.

The cache sits in the user's cache folder, never in the repository: whoever can
write it can put pages into a signed edition. ``release`` uses it; ``verify``
never does, so a poisoned cache is caught by the first ``verify --repo``.

A part's bytes depend on nothing but its key: each document is rendered with a
fresh font configuration, so it makes no difference which worker renders it or
what that worker rendered before, and a warm build gives the bytes of a cold one.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from doccontrol.edition.partcache import CachePolicy, prune, record_use
from doccontrol.edition.sandbox import Piece, locate
from doccontrol.model.errors import DocControlError
from doccontrol.model.findings import Finding
from doccontrol.model.messages import Message, msg

if TYPE_CHECKING:  # layout imports WeasyPrint, which only the workers need
    from doccontrol.edition.layout import Locator

#: Links from one document to another cannot resolve inside a part; they are written
#: as this URI and turned into links to the target's first page when parts are joined.
PART_LINK = "doccontrol-edition:"
_INTERNAL = re.compile(r'href="#doc-')

#: Parts carry no date of their own: their Info dictionary is dropped when they are joined.
PART_DATE = datetime(2000, 1, 1, tzinfo=UTC)

def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "doccontrol" / "edition-parts"


def locator(pieces: tuple[Piece, ...]) -> Locator:
    """path:line of the ``nth`` line holding ``needle`` across the pieces (the last one found
    when there are fewer; the document's first line if none)."""

    def find(needle: str, nth: int = 0, /) -> tuple[str, int]:
        found: tuple[str, int] | None = None
        if needle:
            for piece in pieces:
                if needle not in piece.body:
                    continue
                for offset, line in enumerate(piece.body.split("\n")):
                    if needle in line:
                        found = piece.path, piece.body_line + offset
                        if nth == 0:
                            return found
                        nth -= 1
                if found is None:  # across lines: where the sandbox would place it
                    return piece.path, locate([needle], piece)
        return found or (pieces[0].path, pieces[0].body_line)

    return find


def part_html(html: str) -> str:
    """The print HTML with its links to other documents made joinable (see :data:`PART_LINK`)."""
    return _INTERNAL.sub(f'href="{PART_LINK}doc-', html)


@dataclass(frozen=True)
class PartJob:
    """One document to render: its print HTML and stylesheet, and where its text came from."""

    doc_id: str
    html: str
    css: str
    pieces: tuple[Piece, ...]
    key: str


@dataclass(frozen=True)
class Part:
    """A rendered document, or why it cannot be printed."""

    doc_id: str
    pdf: bytes
    pages: int
    findings: tuple[Finding, ...]
    failure: tuple[Message, str | None, int | None] | None  # message, path, line
    rendered: bool  # False: it came from the cache


def part_key(html: str, css: str, stylesheet: str, fonts: object, tools: object) -> str:
    """The hash of everything that goes into a part's bytes."""
    from doccontrol.edition.pdf import PDF_VARIANT

    text = "\0".join(["doccontrol part 1", PDF_VARIANT, html, css, stylesheet, repr(fonts), repr(tools)])
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def jobs(
    printed: Sequence[tuple[str, str, str, tuple[Piece, ...]]],
    stylesheet: str,
    fonts: object,
    tools: object,
) -> list[PartJob]:
    """A job per (id, html, css, pieces), keyed by :func:`part_key`."""
    out = []
    for doc_id, html, css, pieces in printed:
        joinable = part_html(html)
        out.append(PartJob(doc_id, joinable, css, pieces, part_key(joinable, css, stylesheet, fonts, tools)))
    return out


# The worker's state: the repository, the print stylesheet, and whether the files a
# document loads come from the working tree (``check --print``) rather than git.
_WORKER: tuple[str, str, bool] | None = None


def _init(repo: str, stylesheet: str, worktree: bool = False) -> None:
    global _WORKER
    _WORKER = (repo, stylesheet, worktree)


def render_part(job: PartJob) -> Part:
    """Lay out and write one document; runs in a worker (or in-process for a single job)."""
    from doccontrol.edition.pdf import Renderer, page_count
    from doccontrol.edition.sandbox import Tree
    from doccontrol.history.trees import GitTree

    assert _WORKER is not None
    repo, stylesheet, worktree = _WORKER
    find = locator(job.pieces)
    git = None if worktree else GitTree(Path(repo))
    files: Tree
    if git is None:
        from doccontrol.edition.printcheck import DiskTree  # check --print only

        files = DiskTree(Path(repo))
    else:
        files = git
    try:
        renderer = Renderer(files, stylesheet)
        document = renderer.render(job.html, job.css, find, job.doc_id)
        if renderer.findings:
            return Part(job.doc_id, b"", 0, tuple(renderer.findings), None, True)
        pdf = renderer.write([document], job.key[:32].encode(), PART_DATE, find)
        if renderer.findings:
            return Part(job.doc_id, b"", 0, tuple(renderer.findings), None, True)
        return Part(job.doc_id, pdf, page_count(document), (), None, True)
    except DocControlError as exc:
        return Part(job.doc_id, b"", 0, (), (exc.text, exc.path, exc.line), True)
    except Exception as exc:  # WeasyPrint failing on a document: say which, never a traceback
        path, line = find("")
        failure = msg("edition.unprintable", id=job.doc_id, reason=repr(exc))
        return Part(job.doc_id, b"", 0, (), (failure, path, line), True)
    finally:
        if git is not None:
            git.close()


def _cached(folder: Path | None, job: PartJob) -> Part | None:
    if folder is None:
        return None
    try:
        data = (folder / f"{job.key}.pdf").read_bytes()
    except OSError:
        return None
    from doccontrol.edition.assemble import pdf_pages

    pages = pdf_pages(data)
    if pages is None:  # a damaged entry: render it again
        return None
    return Part(job.doc_id, data, pages, (), None, False)


def _keep(folder: Path | None, job: PartJob, part: Part) -> None:
    if folder is None or part.failure or part.findings:
        return
    from doccontrol.edition.store import replace_file

    try:
        folder.mkdir(parents=True, exist_ok=True)
        replace_file(folder / f"{job.key}.pdf", part.pdf)
    except OSError:
        pass  # a cache that cannot be written costs time, never the edition


def workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _context() -> multiprocessing.context.BaseContext:
    """Fork when nothing else runs in this process: workers start at once, with no import
    and no re-run of the caller's script; otherwise a fork server, as forking a process
    with threads is unsafe."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["doccontrol.edition.parts", "doccontrol.edition.pdf"])
    return context


def render_parts(
    repo: Path,
    stylesheet: str,
    todo: Sequence[PartJob],
    cache: Path | None,
    processes: int | None = None,
    worktree: bool = False,
    policy: CachePolicy | None = None,
) -> list[Part]:
    """Every job's part, in order: from the cache, or rendered in parallel processes.

    ``worktree``: the files documents load are read from the disk, not git (``check --print``).
    With a ``cache`` and a ``policy``, the parts used are recorded and the cache pruned
    (:mod:`doccontrol.edition.partcache`).
    """
    parts: dict[int, Part] = {}
    missing: list[int] = []
    for index, job in enumerate(todo):
        hit = _cached(cache, job)
        if hit is not None:
            parts[index] = hit
        else:
            missing.append(index)
    count = min(processes or workers(), len(missing))
    # The longest documents first, so that no core waits for one at the end.
    missing.sort(key=lambda i: -len(todo[i].html))
    if count <= 1:
        _init(str(repo), stylesheet, worktree)
        for index in missing:
            parts[index] = render_part(todo[index])
    else:
        context = _context()
        with ProcessPoolExecutor(
            max_workers=count, mp_context=context, initializer=_init, initargs=(str(repo), stylesheet, worktree)
        ) as pool:
            for index, part in zip(missing, pool.map(render_part, [todo[i] for i in missing]), strict=True):
                parts[index] = part
    for index in missing:
        _keep(cache, todo[index], parts[index])
    if cache is not None and policy is not None:
        record_use(cache, (job.key for job in todo))
        prune(cache, policy)
    return [parts[i] for i in range(len(todo))]
