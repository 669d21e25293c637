"""The history reader: the only module that runs git (through GitPython).

One pass reads the whole history of the release branch as two concurrent
``git log`` streams: the first-parent line, oldest first, with each commit's
changes against its first parent, and the commit graph without diffs (who wrote
the commits each merge brings in). Diffing only the first-parent line is what
keeps the pass near the cost of a bare ``git log``. One ``git cat-file --batch``
stream, fed while the log is still being read, gives the contents of the
controlled file versions those events name. Each event is handed to a sink (the
evaluation) as soon as it is complete, so the replay overlaps git's work.
Results are cached by the branch tip, so ``mkdocs serve`` does not re-read
history when nothing was committed.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import subprocess
import threading
import time
import weakref
from collections import deque
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import NamedTuple, Protocol

import git

from doccontrol.model.branch import BranchChanges, BranchCommit
from doccontrol.model.errors import BranchMissingError, EmptyRepositoryError, RepositoryError
from doccontrol.model.history import (
    BaselineTag,
    BroughtIn,
    ChangeEvent,
    ChangeKind,
    FileChange,
    History,
    Identity,
    parse_identity,
)
from doccontrol.model.messages import msg
from doccontrol.rules.signatures import split_commit, split_tag
from doccontrol.sources.acknowledged import ACKNOWLEDGED
from doccontrol.sources.config import Config, SignatureMode
from doccontrol.sources.signing_keys import is_key_file

BASELINE_TAG = "doccontrol/baseline"

# Fields and records are separated by NUL, the one byte that no commit message, name,
# e-mail or path can hold (git refuses it), so nothing a commit says can shift a field.
# Trailers come unfolded, one a line: a trailer's value cannot hold a newline.
_FIELDS = ["%H", "%P", "%an", "%ae", "%aI", "%cn", "%ce", "%cI", "%s", "%b", "%(trailers:unfold)"]
_FORMAT = "%x00".join(_FIELDS)
_GRAPH_FIELDS = [
    "%H", "%P", "%T", "%an", "%ae", "%cn", "%ce", "%s", "%(trailers:unfold)", "%aI"
]
_GRAPH = "%x00".join(_GRAPH_FIELDS)
# A graph record: its format fields (_GRAPH_FIELDS), in order.
_Record = tuple[str, ...]
_HASH = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")
# A commit's parents: none (a root), or hashes separated by single spaces.
_PARENTS = re.compile(r"(?:[0-9a-f]{40}(?:[0-9a-f]{24})?(?: [0-9a-f]{40}(?:[0-9a-f]{24})?)*)?")

# Replacement objects and grafts let a repository show another history than the one
# recorded; every git call here reads the recorded one (grafts are reported, since
# git applies them even so).
GIT = ("git", "--no-replace-objects")
_ENV = {**os.environ, "GIT_NO_REPLACE_OBJECTS": "1"}

# Pipes of a megabyte (Linux's default ceiling; elsewhere the request is ignored) let
# git run ahead while a Python thread waits for the interpreter lock, rather than
# stall on a full 64 KiB pipe.
_PIPE_SIZE = 1 << 20

_CACHE: dict[tuple[str, str, str, Config], History] = {}
# Commits read from the log wait for their blobs and lookups in batches of this many
# before the names are sent to git.
_BATCH = 64
# The lookups of a merge read before the commit graph was in (told apart by identity).
_UNDECIDED: tuple[int, ...] = (-1,)
_KINDS = {kind.value: kind for kind in ChangeKind}


def open_repo(path: Path) -> git.Repo:
    try:
        repo = git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise RepositoryError(
            msg("not-a-repository"),
            str(path),
        ) from None
    repo.git.set_persistent_git_options(no_replace_objects=True)
    repo.git.update_environment(GIT_NO_REPLACE_OBJECTS="1")
    return repo


def _resolve_branch(repo: git.Repo, branch: str) -> tuple[str, str] | None:
    """The release branch's tip: the local branch, then origin's (a CI checkout)."""
    for ref in (branch, f"origin/{branch}", f"refs/remotes/origin/{branch}"):
        try:
            return ref, repo.git.rev_parse("--verify", "-q", f"{ref}^{{commit}}")
        except git.GitCommandError:
            continue
    return None


def _refuse_empty(repo: git.Repo, path: Path) -> None:
    """A repository without a commit has no history: say so rather than read nothing."""
    try:
        found = repo.git.rev_list("-n", "1", "--all")
    except git.GitCommandError:  # older git fails where there is nothing to list
        found = ""
    if not found:
        raise EmptyRepositoryError(
            msg("empty-repository"),
            str(path),
        )


def _require_branch(repo: git.Repo, path: Path, branch: str) -> tuple[str, str]:
    """The release branch, or an error: reading whatever HEAD holds instead would pass
    off an unreviewed branch as what was released."""
    resolved = _resolve_branch(repo, branch)
    if resolved is None:
        raise BranchMissingError(
            msg("branch-missing", branch=branch),
            str(path),
        )
    return resolved


def _prefix(repo: git.Repo, path: Path) -> str:
    top = Path(repo.working_tree_dir or path).resolve()
    rel = path.resolve().relative_to(top).as_posix()
    return "" if rel == "." else rel + "/"


class EventSink(Protocol):
    """What takes the events while they are read (the evaluation, in practice)."""

    def start(self, baseline: BaselineTag | None, blobs: Mapping[str, bytes]) -> None: ...

    def add(self, event: ChangeEvent) -> None: ...


def read_history(path: Path, config: Config, sink: EventSink | None = None) -> History:
    """Read the release branch's history for the repository (or subfolder) at ``path``.

    ``sink``, if given, is handed each event, oldest first, as soon as the event and
    the blobs it names are read; a history served from the cache hands it none.
    """
    repo = open_repo(path)
    try:
        return _read(repo, path, config, sink)
    finally:
        repo.close()


def _read(repo: git.Repo, path: Path, config: Config, sink: EventSink | None) -> History:
    prefix = _prefix(repo, path)
    _refuse_empty(repo, path)
    ref, tip = _require_branch(repo, path, config.branch)
    shallow = repo.git.rev_parse("--is-shallow-repository") == "true"
    grafts = (Path(repo.common_dir) / "info" / "grafts").exists()
    refs = repo.git.for_each_ref(
        f"refs/tags/{BASELINE_TAG}",
        "refs/replace/",
        format="%(refname)%00%(objecttype)%00%(taggername)%00%(taggeremail)"
        "%00%(taggerdate:iso-strict)%00%(*objectname)%00%(objectname)%00%(creatordate:iso-strict)"
        "%00%(contents:subject)",
    )
    baseline_line = ""
    replace_refs: list[str] = []
    for line in refs.splitlines():
        name, _, rest = line.partition("\x00")
        if name.startswith("refs/replace/"):
            replace_refs.append(name)
        elif name == f"refs/tags/{BASELINE_TAG}":
            baseline_line = rest
    key = (str(path.resolve()), tip, refs + str(grafts), config)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    baseline = _baseline(baseline_line)
    signing = config.signatures is not SignatureMode.OFF
    if signing and baseline is not None and baseline_line.startswith("tag\x00"):
        tag_object = baseline_line.split("\x00")[5]
        raw_tag = _read_blobs(repo, [tag_object]).get(tag_object)
        baseline = replace(baseline, signature=split_tag(raw_tag) if raw_tag else None)
    # Renames are paired here (identical blobs); a document's history follows its id,
    # so git's costly rename detection would buy nothing. Both streams run side by
    # side: git diffs the first-parent line while another git walks the graph.
    cwd = str(repo.working_tree_dir or repo.git_dir)
    graph: dict[str, _Record] = {}
    graph_read = threading.Event()
    failure: list[Exception] = []

    def walk() -> None:
        # Parsed here, while the main thread mostly waits for the diffing git.
        try:
            command = [*GIT, "log", ref, "-z", "--no-color", f"--format={_GRAPH}"]
            graph.update(_graph(_stream(command, cwd)))
        except Exception as exc:  # raised again below, in the caller's thread
            failure.append(exc)
        finally:
            graph_read.set()

    walker = threading.Thread(target=walk)
    walker.start()
    # The first-parent line comes oldest first and is parsed as git writes it. The
    # controlled file versions it names are asked of ``git cat-file`` as they turn
    # up, and so are the versions a merge's other parents hold of the paths it
    # changes (whether the merge wrote text itself); each commit becomes an event
    # once the graph is in and those answers are, and goes to the sink there and
    # then. So the replay runs while git still diffs.
    blobs = _BlobStream(cwd)
    lookups = _LookupStream(cwd, prefix)
    events: list[ChangeEvent] = []
    builder = _EventBuilder(graph, lookups, cwd, prefix, blobs if signing else None)
    waiting: deque[tuple[_Mainline, int, tuple[int, ...] | None]] = deque()
    undecided = 0  # merges read before the graph was in, whose lookups wait for it
    unsent = 0  # commits read since the names were last sent to git
    if sink is not None:
        sink.start(baseline, blobs.contents)

    def ask_merge(line: _Mainline) -> tuple[int, ...] | None:
        # A merge whose tree is one of its other parents' trees holds that parent's
        # version of every path (the usual merge of a branch brought up to date), so
        # git need not be asked for them (None); whether main had changed any of those
        # paths since the merge base is judged from the graph when the event is built.
        own = graph.get(line.commit)
        # Not for an octopus: its tree may be an older parent's, reverting main.
        if own is not None and len(line.parents) == 2 and any(
            (other := graph.get(p)) is not None and other[_G_TREE] == own[_G_TREE]
            for p in line.parents[1:]
        ):
            return None
        return lookups.ask(
            (parent, change.path) for change in line.changes for parent in line.parents[1:]
        )

    def decide() -> None:
        # The graph is in: the merges read before it get their lookups now.
        nonlocal undecided
        for i, (line, wanted, asked) in enumerate(waiting):
            if asked is _UNDECIDED:
                waiting[i] = (line, wanted, ask_merge(line))
        undecided = 0

    def pass_on(final: bool = False) -> None:
        # Mid-stream an event waits until git has answered its lookups, so building
        # it never stalls on a round trip; at the end it may wait. Names are sent to
        # git in batches: a flush per commit cost a system call and a thread switch
        # each, more than the rest of a merge's reading.
        if undecided:
            decide()
        while (
            waiting
            and waiting[0][1] <= blobs.answered
            and (final or lookups.answered(waiting[0][2]))
        ):
            line, _, asked = waiting.popleft()
            event = builder.build(line, asked)
            events.append(event)
            if sink is not None:
                sink.add(event)
        nonlocal unsent
        unsent += 1
        if unsent >= _BATCH and waiting:
            unsent = 0
            blobs.flush()
            lookups.flush()

    signoffs_asked = False
    try:
        command = [
            *GIT,
            "log",
            ref,
            "--first-parent",
            "--reverse",
            "--raw",
            "-z",
            "--root",
            "--no-renames",
            "--diff-merges=first-parent",
            "--no-abbrev",
            "--no-color",
            f"--format={_FORMAT}",
        ]
        for header, diff in _commits(_stream(command, cwd), len(_FIELDS), diffs=True):
            parsed = _parse_record(header, diff, prefix, config)
            asked: tuple[int, ...] | None = ()
            if len(parsed.parents) > 1 and parsed.changes:
                if graph_read.is_set() and not failure:
                    asked = ask_merge(parsed)
                else:
                    asked = _UNDECIDED
                    undecided += 1
            if signing:
                # The commit object itself, from the same stream: its signature.
                blobs.ask(parsed.commit)
            waiting.append((parsed, blobs.request(parsed.changes), asked))
            if graph_read.is_set() and not failure:
                if signing and not signoffs_asked:
                    signoffs_asked = _ask_sign_offs(graph, blobs)
                pass_on()
        if signing and not signoffs_asked:
            graph_read.wait()
            signoffs_asked = _ask_sign_offs(graph, blobs)
    finally:
        contents = blobs.finish()
        walker.join()
    try:
        if failure:
            raise failure[0]
        pass_on(final=True)
    finally:
        lookups.finish()
    try:
        remote = repo.git.config("--get", "remote.origin.url")
    except git.GitCommandError:
        remote = ""
    history = History(
        branch=ref,
        head=tip,
        events=tuple(events),
        blobs=contents,
        baseline=baseline,
        shallow=shallow,
        remote_url=remote,
        replace_refs=tuple(replace_refs),
        grafts=grafts,
    )
    _CACHE.clear()  # one repository state at a time is all serve needs
    _CACHE[key] = history
    return history


def _ask_sign_offs(graph: dict[str, _Record], blobs: _BlobStream) -> bool:
    """Ask for the commit objects of every would-be sign-off (their signatures)."""
    for sha, fields in graph.items():
        trailers = fields[_G_TRAILERS].lower()
        if "approved-by:" in trailers or "reviewed-by:" in trailers:
            blobs.ask(sha)
    return True


def _baseline(line: str) -> BaselineTag | None:
    if not line.strip():
        return None
    fields = (line.split("\x00") + [""] * 8)[:8]
    kind, name, email, tag_date, target, obj, created, subject = fields
    if kind != "tag":
        # A lightweight tag names no tagger, so nobody can be said to have adopted anything.
        return BaselineTag(obj, None, datetime.fromisoformat(created))
    return BaselineTag(
        target, Identity(name, email.strip("<>")), datetime.fromisoformat(tag_date), subject.strip()
    )


def _controlled(path: str, config: Config) -> bool:
    # mkdocs.yml and the acknowledgements are rules files too (issue 12, rules 5 and 8);
    # the site's own pages are controlled like documents (rule 11).
    return (
        path.startswith(config.root_prefixes)
        or path in (config.roles, config.external, config.clauses, "mkdocs.yml", ACKNOWLEDGED)
        or config.is_site_page(path)
        or is_key_file(path, config.roles)  # key files roles.yml may name (issue 17)
    )


def _parse_changes(tokens: list[str], prefix: str, config: Config) -> list[FileChange]:
    """Raw diff entries (``:meta``, then one path, or two for a rename or copy)."""
    changes: list[FileChange] = []
    i = 0
    while i < len(tokens):
        fields = tokens[i].lstrip("\n")[1:].split()
        old_blob, new_blob, status = fields[2], fields[3], fields[4]
        kind = _KINDS[status[0]]
        if kind in (ChangeKind.RENAMED, ChangeKind.COPIED):
            old_path, new_path = tokens[i + 1], tokens[i + 2]
            i += 3
        else:
            old_path = new_path = tokens[i + 1]
            i += 2
        if prefix:
            if not (new_path.startswith(prefix) or old_path.startswith(prefix)):
                continue
            old_path = old_path.removeprefix(prefix)
            new_path = new_path.removeprefix(prefix)
        if not (_controlled(new_path, config) or _controlled(old_path, config)):
            continue
        changes.append(
            FileChange(
                kind=kind,
                path=new_path,
                old_path=old_path if kind is not ChangeKind.ADDED else None,
                blob=new_blob if new_blob.strip("0") else None,
                old_blob=old_blob if old_blob.strip("0") else None,
            )
        )
    return changes


def _stream(command: list[str], cwd: str | Path) -> Iterator[list[str]]:
    """A git command's NUL-separated output, as lists of whole tokens while git writes it.

    The last token of the output (what follows the last NUL) comes last, alone.
    """
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    with subprocess.Popen(
        command,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        pipesize=_PIPE_SIZE,
        env=_ENV,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        tail = ""
        while block := proc.stdout.read(1 << 16):
            tokens = (tail + decoder.decode(block)).split("\x00")
            tail = tokens.pop()
            if tokens:
                yield tokens
        yield [tail + decoder.decode(b"", final=True)]
        problem = proc.stderr.read().decode("utf-8", errors="replace").strip()
    if proc.returncode != 0:
        raise RepositoryError(msg("history.git-failed", problem=problem))


def _commits(
    blocks: Iterable[list[str]], fields: int, diffs: bool
) -> Iterator[tuple[list[str], list[str]]]:
    """Split a ``git log -z`` token stream into commits: ``fields`` format fields, then
    (with ``diffs``) the raw diff entries, each a ``:meta`` token and its path(s).

    Fields are taken by count, never by what they hold, so a message cannot pose as
    a field or a commit. Whatever is left that is not a whole commit is an error.
    """
    buf: list[str] = []
    blocks = iter(blocks)
    final = False
    while not final:
        block = next(blocks, None)
        if block is None:
            final = True
        else:
            buf.extend(block)
        pos = 0
        size = len(buf)
        # Inlined (no helper calls per token): this loop sees every commit twice.
        while size - pos >= fields:
            end = pos + fields
            complete = False
            while diffs and end < size:
                token = buf[end]
                # A raw diff entry starts with ":" (a commit's first, with a newline first).
                if not (token[:1] == ":" or token[:2] == "\n:"):
                    complete = True
                    break
                status = token[token.rfind(" ") + 1 : token.rfind(" ") + 2]
                width = 3 if status in ("R", "C") else 2
                if end + width > size:
                    break
                end += width
            else:
                complete = end < size or final
            if not complete:
                break
            header = buf[pos : pos + fields]
            if not (_HASH.fullmatch(header[0]) and _PARENTS.fullmatch(header[1])):
                raise RepositoryError(msg("history.bad-record", record=repr(header[0][:60])))
            yield header, buf[pos + fields : end]
            pos = end
        del buf[:pos]
    if any(buf):
        raise RepositoryError(
            msg("history.cut-record", read=len(buf), fields=fields, record=repr(buf[0][:60]))
        )


class _Mainline(NamedTuple):
    """A first-parent commit as parsed from the stream: a ChangeEvent but for what
    its merge brings in, which needs the whole graph.

    Its fields are ChangeEvent's, in ChangeEvent's order (the builder spreads them
    into one). A tuple is made in the stream for every commit; a frozen dataclass
    made there and copied again with ``dataclasses.replace`` for each merge would
    cost the critical thread twice as much.
    """

    commit: str
    parents: tuple[str, ...]
    author: Identity
    committer: Identity
    authored: datetime
    committed: datetime
    subject: str
    body: str
    trailers: tuple[tuple[str, str], ...]
    changes: tuple[FileChange, ...]


def _parse_record(header: list[str], diff: list[str], prefix: str, config: Config) -> _Mainline:
    try:
        return _Mainline(
            header[0],
            tuple(header[1].split()),
            _identity(header[2], header[3]),
            _identity(header[5], header[6]),
            datetime.fromisoformat(header[4]),
            datetime.fromisoformat(header[7]),
            header[8],
            header[9],
            _trailers(header[10]),
            tuple(_pair_renames(_parse_changes(diff, prefix, config))),
        )
    except (ValueError, IndexError, KeyError) as exc:
        raise RepositoryError(
            msg("history.bad-commit", commit=header[0][:12], problem=str(exc))
        ) from None


def _pair_renames(changes: list[FileChange]) -> list[FileChange]:
    """A deletion and an addition of the same blob in one commit are a rename."""
    added = {c.blob: c for c in changes if c.kind is ChangeKind.ADDED and c.blob}
    if not added:
        return changes
    paired: list[FileChange] = []
    used: set[str] = set()
    for change in changes:
        if (
            change.kind is ChangeKind.DELETED
            and change.old_blob in added
            and change.old_blob not in used
        ):
            target = added[change.old_blob]
            used.add(change.old_blob)
            paired.append(
                FileChange(
                    ChangeKind.RENAMED, target.path, change.path, target.blob, change.old_blob
                )
            )
    if not used:
        return changes
    renamed_to = {c.path for c in paired}
    renamed_from = {c.old_path for c in paired}
    rest = [
        c
        for c in changes
        if not (c.kind is ChangeKind.ADDED and c.path in renamed_to)
        and not (c.kind is ChangeKind.DELETED and c.path in renamed_from)
    ]
    return rest + paired


# Positions in a graph record (_GRAPH_FIELDS).
_G_HASH, _G_PARENTS, _G_TREE, _G_AN, _G_AE, _G_CN, _G_CE, _G_SUBJECT, _G_TRAILERS, _G_AD = range(10)


def _graph(blocks: Iterable[list[str]]) -> dict[str, _Record]:
    """Every commit of the graph by its hash, as its format fields.

    Only the commits a merge brings in become :class:`BroughtIn` values, later:
    half the graph is the first-parent line, which needs nothing from here.

    The graph has no diffs, so every record is exactly ``len(_GRAPH_FIELDS)``
    tokens: each block is cut into records by slicing, and hashes and parents are
    checked a block at a time, in C, rather than commit by commit in Python.
    This runs in a thread beside the replay, which wants the interpreter too.
    """
    width = len(_GRAPH_FIELDS)
    graph: dict[str, _Record] = {}
    pending: list[str] = []
    for block in blocks:
        tokens = pending + block if pending else block
        whole = len(tokens) - len(tokens) % width
        hashes = tokens[_G_HASH:whole:width]
        if not all(map(_HASH.fullmatch, hashes)) or not all(
            map(_PARENTS.fullmatch, tokens[_G_PARENTS:whole:width])
        ):
            bad = next(
                (h for h, p in zip(hashes, tokens[_G_PARENTS:whole:width], strict=True)
                 if not (_HASH.fullmatch(h) and _PARENTS.fullmatch(p))),
                "",
            )
            raise RepositoryError(msg("history.bad-record", record=repr(bad[:60])))
        graph.update(zip(hashes, zip(*[iter(tokens[:whole])] * width, strict=True), strict=True))
        pending = tokens[whole:]
    if any(pending):
        raise RepositoryError(
            msg("history.cut-record", read=len(pending), fields=width, record=repr(pending[0][:60]))
        )
    return graph


_SIGN_OFF_KEYS = frozenset({"approved-by", "reviewed-by"})


class _EventBuilder:
    """First-parent commits, oldest first, into events with the commits each merge brings in.

    A commit belongs to the first merge, in the line's order, that brings it in:
    a branch merged twice brings its earlier commits in only once.
    """

    def __init__(
        self,
        graph: dict[str, _Record],
        lookups: _LookupStream,
        cwd: str,
        prefix: str,
        objects: _BlobStream | None = None,
    ) -> None:
        # ``objects`` is given when signatures are checked: the commit objects are read
        # there, in the stream that reads the blobs.
        self.objects = objects
        self.graph = graph
        self.seen: set[str] = set()
        self.lookups = lookups
        self.cwd = cwd
        self.prefix = prefix
        # Where each first-parent commit stands on the line, and the last position at
        # which the line changed each controlled path: a merge base on the line whose
        # position is at or after a path's last change holds main's version of it, so
        # no lookup is needed for the usual pull request.
        self.position: dict[str, int] = {}
        self.last_change: dict[str, int] = {}

    def build(self, line: _Mainline, asked: tuple[int, ...] | None = ()) -> ChangeEvent:
        """``asked`` numbers the lookups of the merge's other parents' versions of the
        paths it changes; None when the merge's tree is one of theirs."""
        seen, graph = self.seen, self.graph
        brought: list[BroughtIn] = []
        merge_authored: tuple[str, ...] = ()
        if len(line.parents) > 1:
            # Each commit is reached through one of the merge's other parents: the tip
            # of the branch it came in with, against which a sign-off is checked. Where
            # the walk meets a commit main already holds (``seen`` is the first parent's
            # ancestry) lies a merge-base candidate: the walk finds the merge base too.
            met: list[str] = []  # may hold this walk's own commits, reached twice
            whole = True
            queue = deque((p, p) for p in line.parents[1:])
            signoffs: list[tuple[int, str]] = []
            while queue:
                other, tip = queue.popleft()
                if other in seen:
                    met.append(other)
                    continue
                if other not in graph:
                    whole = False
                    continue
                seen.add(other)
                fields = graph[other]
                parents = fields[_G_PARENTS].split()
                made = _brought_in(fields, parents, graph)
                if made.empty and any(k.lower() in _SIGN_OFF_KEYS for k, _ in made.trailers):
                    signoffs.append((len(brought), tip))
                brought.append(made)
                queue.extend((p, tip) for p in parents)
            if line.changes:
                bases: Collection[str] | None = met if whole and len(met) < 2 else None
                if whole and len(met) > 1:
                    mine = {b.commit for b in brought}
                    bases = {m for m in met if m not in mine}
                merge_authored = self.merge_authored(line, asked, bases)
            for index, tip in signoffs:
                brought[index] = self.sign_off(brought[index], tip, line, merge_authored)
            inner = [i for i, b in enumerate(brought) if b.is_merge]
            if inner and line.changes:
                written = self.inner_merges([brought[i] for i in inner], line)
                for i, wrote in zip(inner, written, strict=True):
                    if wrote:
                        brought[i] = replace(brought[i], merge_authored=wrote)
        seen.add(line.commit)
        at = len(self.position)
        self.position[line.commit] = at
        for change in line.changes:
            self.last_change[change.path] = at
            if change.old_path is not None:
                self.last_change[change.old_path] = at
        signature = None
        if self.objects is not None:
            raw = self.objects.contents.get(line.commit)
            signature = split_commit(raw) if raw else None
        return ChangeEvent(
            *line, brought_in=tuple(brought), merge_authored=merge_authored, signature=signature
        )

    def sign_off(
        self, signed: BroughtIn, tip: str, line: _Mainline, merge_authored: tuple[str, ...]
    ) -> BroughtIn:
        """The sign-off, with the merge's paths whose text its signer did not see."""
        paths = [c.path for c in line.changes]
        at_sign_off = self.lookups.get(self.lookups.ask((signed.commit, p) for p in paths))
        at_tip = self.lookups.get(self.lookups.ask((tip, p) for p in paths))
        changed = {p for p, a, b in zip(paths, at_sign_off, at_tip, strict=True) if a != b}
        changed.update(merge_authored)
        signature = None
        if self.objects is not None:
            raw = self.objects.wait_for(signed.commit)
            signature = split_commit(raw) if raw else None
        return replace(signed, changed_after=frozenset(changed), signature=signature)

    def inner_merges(
        self, merges: list[BroughtIn], line: _Mainline
    ) -> list[tuple[str, ...]]:
        """For each merge inside the branch, the main-line merge's paths whose text it wrote.

        A two-parent merge is judged against its merge base like a main-line merge
        (:meth:`judged`): an "Update branch" merge that keeps the branch's older
        version of a path only main changed has written that revert, though its
        blob is a parent's. An octopus is judged by blobs: a path whose version no
        parent holds. All (merge or parent, path) lookups go to git at once; git's
        own merge is computed only where both sides changed a path.
        """
        paths = [c.path for c in line.changes]
        parents = [self.graph[m.commit][_G_PARENTS].split() for m in merges]
        asked = [
            (
                self.lookups.ask((m.commit, p) for p in paths),
                [self.lookups.ask((q, p) for p in paths) for q in ps],
            )
            for m, ps in zip(merges, parents, strict=True)
        ]
        result: list[tuple[str, ...]] = []
        for ps, (own_numbers, parent_numbers) in zip(parents, asked, strict=True):
            own = self.lookups.get(own_numbers)
            theirs = [self.lookups.get(n) for n in parent_numbers]
            if len(ps) != 2:
                result.append(
                    tuple(
                        p
                        for k, (p, blob) in enumerate(zip(paths, own, strict=True))
                        if all(t[k] != blob for t in theirs)
                    )
                )
                continue
            if all(blob in (a, b) for blob, a, b in zip(own, theirs[0], theirs[1], strict=True)) and (
                theirs[0] == theirs[1]
            ):
                result.append(())  # both parents agree and the merge took their text
                continue
            bases = _merge_bases(self.cwd, (ps[0], ps[1]))
            at_bases = [self.lookups.get(self.lookups.ask((b, p) for p in paths)) for b in bases]
            unchanged: list[set[str | None]] = [
                {found[k] for found in at_bases} if at_bases else {None} for k in range(len(paths))
            ]
            # The inner merge as a line of its own: its parents, and its versions of the paths.
            inner = line._replace(
                parents=(ps[0], ps[1]),
                changes=tuple(
                    replace(c, blob=blob) for c, blob in zip(line.changes, own, strict=True)
                ),
            )
            result.append(self.judged(inner, theirs[0], theirs[1], unchanged))
        return result

    def merge_authored(
        self, line: _Mainline, asked: tuple[int, ...] | None, met: Collection[str] | None = None
    ) -> tuple[str, ...]:
        """The paths whose text the merge commit wrote itself.

        A two-parent merge is judged path by path against its merge base: a path the
        branch did not change keeps main's (the first parent's) version, a path main
        did not change takes the branch's, and a path both changed differently is the
        merger's text unless git's own merge of the parents gives it. So a merge that
        takes a stale branch's version over main's approved change is the merger's
        revert, though its blob is a parent's (and its tree may be the branch's).
        ``met`` holds the commits main already held where the walk of the branch
        stopped (None when the walk was cut short): the merge base is among them.
        An octopus merge is judged alike (:meth:`octopus_authored`).
        """
        others = line.parents[1:]
        if len(others) > 1:
            return self.octopus_authored(line, self.lookups.get(asked or ()))
        base = self.merge_base(met)
        at = self.position.get(base, -1) if base is not None else -1
        last = self.last_change
        fresh = at >= 0
        for c in line.changes if fresh else ():
            if last.get(c.path, -1) > at:
                fresh = False
                break
        if fresh:
            # The usual pull request: main has not changed the paths since the base,
            # so the base holds main's version of each, and each must be the branch's
            # (``asked`` None: the merge's tree is the branch's, and it is).
            if asked is None:
                return ()
            theirs = self.lookups.get(asked)
            return tuple(c.path for c, t in zip(line.changes, theirs, strict=True) if t != c.blob)
        # ``asked`` None: the merge's tree is the branch's, so every path holds its version.
        theirs = [c.blob for c in line.changes] if asked is None else self.lookups.get(asked)
        ours = [c.old_blob if c.old_path in (None, c.path) else None for c in line.changes]
        if base is not None:
            # Main changed some path since the base (or the base lies off main's line):
            # the base's versions of those paths are asked of git.
            stale = [i for i, c in enumerate(line.changes) if at < 0 or last.get(c.path, -1) > at]
            bases: tuple[str, ...] = (base,)
        else:
            bases = _merge_bases(self.cwd, line.parents)
            stale = list(range(len(line.changes)))
        unchanged: list[set[str | None]] = [{v} for v in ours]
        for i in stale:
            unchanged[i] = set()
        paths = [line.changes[i].path for i in stale]
        for b in bases:
            found = self.lookups.get(self.lookups.ask((b, p) for p in paths))
            for i, blob in zip(stale, found, strict=True):
                unchanged[i].add(blob)
        if not bases:  # unrelated histories: every path was added on both sides
            for i in stale:
                unchanged[i].add(None)
        return self.judged(line, ours, theirs, unchanged)

    def merge_base(self, met: Collection[str] | None) -> str | None:
        """The merge base the walk of the branch found, when it is plainly one commit.

        Every common ancestor lies behind a commit the walk met, so one met commit is
        the base; of several on main's first-parent line, the latest holds the others.
        Anything else (a criss-cross, several bases off the line, a walk cut short,
        unrelated histories) is left to ``git merge-base`` (None).
        """
        if met is None or not met:
            return None
        position = self.position
        if len(met) == 1:
            return next(iter(met))
        if not all(m in position for m in met):
            return None
        return max(met, key=position.__getitem__)

    def judged(
        self,
        line: _Mainline,
        ours: list[str | None],
        theirs: list[str | None],
        unchanged: list[set[str | None]],
    ) -> tuple[str, ...]:
        """The merge's paths whose version neither parent's change explains."""
        written: list[str] = []
        suspects: list[FileChange] = []
        for change, mine, other, base in zip(line.changes, ours, theirs, unchanged, strict=True):
            if mine == other or other in base:
                expected = mine  # the branch did not change it (or changed it alike)
            elif mine in base:
                expected = other  # only the branch changed it
            else:
                suspects.append(change)  # both changed it: git's own merge decides
                continue
            if change.blob != expected:
                written.append(change.path)
        if suspects:
            tree = _auto_merge_tree(self.cwd, line.parents[0], line.parents[1])
            if tree is None:
                written.extend(c.path for c in suspects)
            else:
                automatic = self.lookups.get(self.lookups.ask((tree, c.path) for c in suspects))
                written.extend(
                    c.path for c, blob in zip(suspects, automatic, strict=True) if blob != c.blob
                )
        order = {c.path: i for i, c in enumerate(line.changes)}
        return tuple(sorted(written, key=order.__getitem__))

    def octopus_authored(self, line: _Mainline, answers: list[str | None]) -> tuple[str, ...]:
        """The paths of an octopus merge whose result its parents do not explain.

        Per path, against the merge base(s): a path no parent changed keeps the base's
        version, a path one parent changed (or several alike) takes that version, and
        a path several parents changed differently is the merger's text. Taking an
        older parent's version over main's approved change is the merger's change
        too, though its blob is some parent's: a blob match alone would pass it.
        """
        others = len(line.parents) - 1
        bases = _merge_bases(self.cwd, line.parents)
        paths = [c.path for c in line.changes]
        at_bases = [self.lookups.get(self.lookups.ask((b, p) for p in paths)) for b in bases]
        written: list[str] = []
        for i, change in enumerate(line.changes):
            # The first parent's version is the diff's old side, where the path did not move.
            first = change.old_blob if change.old_path in (None, change.path) else None
            versions = [first, *answers[i * others : (i + 1) * others]]
            unchanged = {found[i] for found in at_bases} if at_bases else {None}
            changed = {v for v in versions if v not in unchanged}
            # Several parents changed it differently, or the merge took another version
            # than the one changed (or, with none changed, than the parents hold).
            explained = changed if changed else set(versions)
            if len(changed) > 1 or change.blob not in explained:
                written.append(change.path)
        return tuple(written)


def _merge_bases(cwd: str, commits: tuple[str, ...]) -> tuple[str, ...]:
    """The best common ancestors of all ``commits`` (none for unrelated histories)."""
    proc = subprocess.run(
        [*GIT, "merge-base", "--octopus", "--all", *commits],
        cwd=cwd,
        capture_output=True,
        env=_ENV,
        check=False,
    )
    found = proc.stdout.decode("ascii", errors="replace").split()
    return tuple(sha for sha in found if _HASH.fullmatch(sha))


def _auto_merge_tree(cwd: str, ours: str, theirs: str) -> str | None:
    """The tree git's own merge of two commits gives (conflicts left marked), or None."""
    proc = subprocess.run(
        [*GIT, "merge-tree", "--write-tree", "-z", "--no-messages", ours, theirs],
        cwd=cwd,
        capture_output=True,
        env=_ENV,
        check=False,
    )
    # Exit 1 means conflicts: the tree is still written, with the conflicts marked.
    tree = proc.stdout.split(b"\x00", 1)[0].decode("ascii", errors="replace").strip()
    return tree if proc.returncode in (0, 1) and _HASH.fullmatch(tree) else None


def _brought_in(fields: _Record, parents: list[str], graph: dict[str, _Record]) -> BroughtIn:
    trailers = _trailers(fields[_G_TRAILERS])
    parent = graph.get(parents[0]) if len(parents) == 1 else None
    return BroughtIn(
        commit=fields[_G_HASH],
        author=_identity(fields[_G_AN], fields[_G_AE]),
        co_authors=_identities(trailers, "co-authored-by"),
        is_merge=len(parents) > 1,
        subject=fields[_G_SUBJECT],
        trailers=trailers,
        committer=_identity(fields[_G_CN], fields[_G_CE]),
        empty=parent is not None and parent[_G_TREE] == fields[_G_TREE],
        authored=datetime.fromisoformat(fields[_G_AD]),
    )


_IDENTITIES: dict[tuple[str, str], Identity] = {}


def _identity(name: str, email: str) -> Identity:
    """One value per identity: the same few people make most commits, and a frozen
    dataclass costs more to make than to look up (equal either way)."""
    key = (name, email)
    found = _IDENTITIES.get(key)
    if found is None:
        if len(_IDENTITIES) > 100_000:
            _IDENTITIES.clear()  # bounded, for a long-running serve
        found = _IDENTITIES[key] = Identity(name, email)
    return found


def _identities(trailers: tuple[tuple[str, str], ...], key: str) -> tuple[Identity, ...]:
    found = (parse_identity(v) for k, v in trailers if k.lower() == key)
    return tuple(i for i in found if i is not None)


def _trailers(text: str) -> tuple[tuple[str, str], ...]:
    if not text:
        return ()
    result = []
    for item in text.split("\n"):
        key, sep, value = item.partition(":")
        if sep and key.strip():
            result.append((key.strip(), value.strip()))
    return tuple(result)


def _co_authors(text: str) -> tuple[Identity, ...]:
    found = (
        parse_identity(value) for key, value in _trailers(text) if key.lower() == "co-authored-by"
    )
    return tuple(i for i in found if i is not None)


class _LookupStream:
    """One ``git cat-file --batch-check`` for ``<commit>:<path>`` names: which blob a
    commit holds at a path. Asked as the history is read, answered in order by a
    thread; started only when a merge needs it.
    """

    def __init__(self, cwd: str, prefix: str) -> None:
        self._cwd = cwd
        self._prefix = prefix
        self._proc: subprocess.Popen[bytes] | None = None
        self._reader: threading.Thread | None = None
        self._asked = 0
        self._answers: list[str | None] = []
        self._ready = threading.Condition()
        self._done = False
        self._unflushed = False

    def ask(self, names: Iterable[tuple[str, str]]) -> tuple[int, ...]:
        """Ask which blob each (commit, path) holds; returns the answers' numbers."""
        numbers = []
        for rev, path in names:
            if self._proc is None:
                self._start()
            assert self._proc is not None and self._proc.stdin is not None
            # A name cannot hold a newline here: an empty line gets "missing", as it should.
            line = b"\n" if "\n" in path else f"{rev}:{self._prefix}{path}\n".encode()
            self._proc.stdin.write(line)
            numbers.append(self._asked)
            self._asked += 1
            self._unflushed = True
        return tuple(numbers)

    def answered(self, numbers: tuple[int, ...] | None) -> bool:
        """Whether git has answered all of ``numbers`` (never waits; None asks nothing)."""
        return not numbers or len(self._answers) > max(numbers)

    def flush(self) -> None:
        """Send the names still buffered (once: a flush is a system call)."""
        if self._unflushed and self._proc is not None and self._proc.stdin is not None:
            self._unflushed = False
            self._proc.stdin.flush()

    def get(self, numbers: tuple[int, ...]) -> list[str | None]:
        """The blobs asked for (None where the path is absent), waiting for git if need be."""
        if not numbers:
            return []
        assert self._proc is not None and self._proc.stdin is not None
        with self._ready:
            if len(self._answers) <= max(numbers):
                self._unflushed = True
                self.flush()
                self._ready.wait_for(lambda: len(self._answers) > max(numbers) or self._done)
            if len(self._answers) <= max(numbers):
                raise RepositoryError(msg("history.cat-file-stopped"))
            return [self._answers[n] for n in numbers]

    def _start(self) -> None:
        self._proc = subprocess.Popen(
            [*GIT, "cat-file", "--batch-check"],
            cwd=self._cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=_ENV,
        )
        self._reader = threading.Thread(target=self._collect)
        self._reader.start()

    def _collect(self) -> None:
        # Whatever git has written, at once: a wake-up per answer would have this
        # thread take the interpreter lock from the replay once per merge.
        assert self._proc is not None and self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        tail = b""
        while chunk := os.read(fd, 1 << 16):
            lines = (tail + chunk).split(b"\n")
            tail = lines.pop()
            answers = []
            for raw in lines:
                fields = raw.split()
                blob = len(fields) == 3 and fields[1] == b"blob"
                answers.append(fields[0].decode() if blob else None)
            with self._ready:
                self._answers.extend(answers)
                self._ready.notify_all()
        with self._ready:
            self._done = True
            self._ready.notify_all()

    def finish(self) -> None:
        if self._proc is None:
            return
        assert self._proc.stdin is not None
        with contextlib.suppress(BrokenPipeError):
            self._proc.stdin.close()
        if self._reader is not None:
            self._reader.join()
        assert self._proc.stdout is not None
        self._proc.stdout.close()
        self._proc.wait()


_TEXT_SUFFIXES = (".md", ".markdown", ".yml", ".yaml", ".asc", ".pub")


class _BlobStream:
    """One ``git cat-file --batch`` that answers while the history is still being read.

    The caller asks for the text versions of each commit's changes as it parses
    them; a thread collects git's answers, so neither side waits for the other.
    """

    def __init__(self, git_dir: str) -> None:
        self._proc = subprocess.Popen(
            [*GIT, "cat-file", "--batch"],
            cwd=git_dir,
            env=_ENV,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            pipesize=_PIPE_SIZE,
        )
        self._asked: set[str] = set()
        self.contents: dict[str, bytes] = {}
        self.answered = 0  # how many of the names asked for git has answered, in order
        self._reader = threading.Thread(target=self._collect)
        self._reader.start()

    def request(self, changes: Iterable[FileChange]) -> int:
        """Ask for the text versions among ``changes``; they are all in :attr:`contents`
        once :attr:`answered` reaches the number returned."""
        for change in changes:
            if change.blob and change.path.lower().endswith(_TEXT_SUFFIXES):
                self.ask(change.blob)
        return len(self._asked)

    def ask(self, sha: str) -> None:
        """Ask for one blob (once, however often it is asked for)."""
        if sha not in self._asked:
            assert self._proc.stdin is not None
            self._asked.add(sha)
            self._proc.stdin.write(sha.encode() + b"\n")

    def flush(self) -> None:
        """Send the names still buffered: git answers only what it has been sent."""
        assert self._proc.stdin is not None
        self._proc.stdin.flush()

    def wait_for(self, sha: str) -> bytes | None:
        """One object, asked for now and waited for (rare: a sign-off commit's signature)."""
        assert self._proc.stdin is not None
        if self._proc.stdin.closed:
            return self.contents.get(sha)  # everything asked for is in
        self.ask(sha)
        target = len(self._asked)
        self.flush()
        while sha not in self.contents and self.answered < target and self._reader.is_alive():
            time.sleep(0.0005)
        return self.contents.get(sha)

    def _collect(self) -> None:
        # 64 KiB at a time: a call or two per blob would keep this thread waiting
        # for the interpreter lock once per blob.
        out = self._proc.stdout
        assert out is not None
        buffer = bytearray()
        while chunk := out.read(1 << 16):
            buffer += chunk
            pos = 0
            while (newline := buffer.find(b"\n", pos)) >= 0:
                fields = buffer[pos:newline].split()
                if len(fields) < 3:  # "<sha> missing"
                    pos = newline + 1
                    self.answered += 1
                    continue
                end = newline + 1 + int(fields[2])
                if end >= len(buffer):
                    break  # the rest of this blob is still on its way
                self.contents[fields[0].decode()] = bytes(buffer[newline + 1 : end])
                self.answered += 1
                pos = end + 1
            del buffer[:pos]

    def finish(self) -> dict[str, bytes]:
        """All the blobs asked for (a missing one is left out)."""
        assert self._proc.stdin is not None
        with contextlib.suppress(BrokenPipeError):  # git stopped: what it wrote is all
            self._proc.stdin.close()
        self._reader.join()
        assert self._proc.stdout is not None
        self._proc.stdout.close()
        self._proc.wait()
        return self.contents


def _read_blobs(repo: git.Repo, shas: Iterable[str]) -> dict[str, bytes]:
    """All the blobs in one ``git cat-file --batch`` stream."""
    stream = _BlobStream(str(repo.git_dir))
    for sha in shas:
        stream.ask(sha)
    return stream.finish()


def first_parent_holds(path: Path, branch: str, commit: str) -> bool | None:
    """Whether ``commit`` lies on ``branch``'s first-parent line; None when the branch
    is not here (neither local nor origin's). Asked only of a redirected release branch.
    """
    repo = open_repo(path)
    try:
        resolved = _resolve_branch(repo, branch)
        if resolved is None:
            return None
        line = repo.git.rev_list("--first-parent", resolved[1])
    finally:
        repo.close()
    return commit in line.split()


# --- objects by name, for editions (``history.trees``) ----------------------------------------


class ObjectStream:
    """One ``git cat-file --batch`` asked one object at a time: the trees and blobs an
    edition reads at a revision, through one process rather than one per commit or blob.

    Started on the first question; :meth:`close` (or the garbage collector) ends it.
    """

    def __init__(self, cwd: Path) -> None:
        self._cwd = cwd
        self._proc: subprocess.Popen[bytes] | None = None
        self._finalizer: weakref.finalize[[subprocess.Popen[bytes]], ObjectStream] | None = None

    def _start(self) -> subprocess.Popen[bytes]:
        if self._proc is None:
            try:
                self._proc = subprocess.Popen(
                    [*GIT, "cat-file", "--batch"],
                    cwd=self._cwd,
                    env=_ENV,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                )
            except OSError as exc:
                raise RepositoryError(msg("history.cannot-run-git", problem=str(exc)), str(self._cwd)) from None
            self._finalizer = weakref.finalize(self, _stop, self._proc)
        return self._proc

    def read(self, name: str) -> tuple[str, bytes] | None:
        """(type, content) of the object ``name`` (a hash or ``<commit>^{tree}``); None if git has none."""
        proc = self._start()
        assert proc.stdin is not None and proc.stdout is not None
        try:
            proc.stdin.write(name.encode("utf-8") + b"\n")
            proc.stdin.flush()
        except BrokenPipeError:
            raise RepositoryError(msg("history.cat-file-stopped-answering"), str(self._cwd)) from None
        header = proc.stdout.readline()
        fields = header.split()
        if len(fields) != 3:  # "<name> missing", "<name> ambiguous", or git stopped
            if not header:
                raise RepositoryError(msg("history.cat-file-stopped-answering"), str(self._cwd))
            return None
        size = int(fields[2])
        data = proc.stdout.read(size + 1)[:size]  # the content, then a newline
        return fields[1].decode(), data

    def close(self) -> None:
        if self._finalizer is not None:
            self._finalizer()


def _stop(proc: subprocess.Popen[bytes]) -> None:
    assert proc.stdin is not None and proc.stdout is not None
    with contextlib.suppress(BrokenPipeError):
        proc.stdin.close()
    proc.stdout.close()
    proc.wait()


# --- a branch under review (``doccontrol status``) -------------------------------------------


_BRANCH_FIELDS = ["%H", "%P", "%an", "%ae", "%cn", "%ce", "%s", "%(trailers:unfold)"]
_BRANCH_FORMAT = "%x00".join(_BRANCH_FIELDS)


def read_branch(path: Path, config: Config, base: str | None = None) -> BranchChanges:
    """What the checked-out branch changes against ``base`` (default: the release branch).

    A few git calls whatever the size of the branch: the merge-base, one ``git log
    base..HEAD`` for the branch's commits and authors, one ``ls-tree`` each for the
    fork and HEAD, and one ``cat-file`` stream for the fork's controlled files.
    """
    repo = open_repo(path)
    try:
        return _read_branch(repo, path, config, base or config.branch)
    finally:
        repo.close()


def _read_branch(repo: git.Repo, path: Path, config: Config, base: str) -> BranchChanges:
    prefix = _prefix(repo, path)
    resolved: tuple[str, str] | None = None
    for ref in (base, f"origin/{base}"):
        try:
            resolved = ref, repo.git.rev_parse("--verify", "-q", f"{ref}^{{commit}}")
            break
        except git.GitCommandError:
            continue
    if resolved is None:
        raise RepositoryError(
            msg("history.no-base", base=base),
            str(path),
        )
    ref, tip = resolved
    try:
        head = repo.git.rev_parse("--verify", "-q", "HEAD^{commit}")
    except git.GitCommandError:
        raise RepositoryError(
            msg("history.no-head"), str(path)
        ) from None
    try:
        fork = repo.git.merge_base(tip, head)
    except git.GitCommandError:
        raise RepositoryError(
            msg("history.no-merge-base", ref=ref),
            str(path),
        ) from None
    try:
        branch = repo.git.symbolic_ref("--short", "-q", "HEAD")
    except git.GitCommandError:
        branch = ""  # a detached HEAD, as in CI
    raw = repo.git.execute(
        [*GIT, "log", f"{tip}..{head}", "-z", "--no-color", f"--format={_BRANCH_FORMAT}"],
        stdout_as_string=False,
    )
    assert isinstance(raw, bytes)
    commits: list[BranchCommit] = []
    tokens = raw.decode("utf-8", errors="replace").split("\x00")
    for fields, _ in _commits([tokens], len(_BRANCH_FIELDS), diffs=False):
        commits.append(
            BranchCommit(
                commit=fields[0],
                author=Identity(fields[2], fields[3]),
                committer=Identity(fields[4], fields[5]),
                co_authors=_co_authors(fields[7]),
                is_merge=len(fields[1].split()) > 1,
                subject=fields[6],
            )
        )
    fork_files = _tree_files(repo, fork, prefix, config)
    head_files = fork_files if head == fork else _tree_files(repo, head, prefix, config)
    wanted = [b for p, b in fork_files if p.lower().endswith(_TEXT_SUFFIXES)]
    try:
        ident = repo.git.var("GIT_AUTHOR_IDENT")
    except git.GitCommandError:
        ident = ""
    local = parse_identity(ident.rsplit(">", 1)[0] + ">") if ">" in ident else None
    return BranchChanges(
        base=ref,
        base_tip=tip,
        fork=fork,
        head=head,
        branch=branch,
        commits=tuple(commits),
        fork_files=fork_files,
        head_files=head_files,
        blobs=_read_blobs(repo, wanted),
        local_author=local,
    )


def _tree_files(
    repo: git.Repo, commit: str, prefix: str, config: Config
) -> tuple[tuple[str, str], ...]:
    """The controlled files of a commit's tree, as (path, blob)."""
    out = repo.git.ls_tree("-r", "-z", "--full-tree", commit)
    files: list[tuple[str, str]] = []
    for entry in out.split("\x00"):
        meta, _, name = entry.partition("\t")
        parts = meta.split()
        if len(parts) < 3 or parts[1] != "blob":
            continue
        if prefix:
            if not name.startswith(prefix):
                continue
            name = name.removeprefix(prefix)
        if _controlled(name, config):
            files.append((name, parts[2]))
    return tuple(sorted(files))
