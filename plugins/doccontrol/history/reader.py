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
import subprocess
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import NamedTuple, Protocol

import git

from doccontrol.model.branch import BranchChanges, BranchCommit
from doccontrol.model.errors import RepositoryError
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
from doccontrol.sources.acknowledged import ACKNOWLEDGED
from doccontrol.sources.config import Config

BASELINE_TAG = "doccontrol/baseline"
_FORMAT = (
    "%x1e"
    + "%x1f".join(
        [
            "%H",
            "%P",
            "%an",
            "%ae",
            "%aI",
            "%cn",
            "%ce",
            "%cI",
            "%s",
            "%b",
            "%(trailers:unfold,separator=%x1d)",
        ]
    )
    + "%x1f"
)

_GRAPH = "%x1e" + "%x1f".join(["%H", "%P", "%an", "%ae", "%s", "%(trailers:unfold,separator=%x1d)"])

# Pipes of a megabyte (Linux's default ceiling; elsewhere the request is ignored) let
# git run ahead while a Python thread waits for the interpreter lock, rather than
# stall on a full 64 KiB pipe.
_PIPE_SIZE = 1 << 20

_CACHE: dict[tuple[str, str, str, Config], History] = {}
_KINDS = {kind.value: kind for kind in ChangeKind}


def open_repo(path: Path) -> git.Repo:
    try:
        return git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise RepositoryError(
            "not a git repository: document control reads approvals from git history; "
            "run 'git init' and commit, or point --repo at a clone",
            str(path),
        ) from None


def _resolve_branch(repo: git.Repo, branch: str) -> tuple[str, str] | None:
    """The release branch's tip: local branch, then origin's, then a detached HEAD (CI)."""
    for ref in (branch, f"origin/{branch}", f"refs/remotes/origin/{branch}", "HEAD"):
        try:
            return ref, repo.git.rev_parse("--verify", "-q", f"{ref}^{{commit}}")
        except git.GitCommandError:
            continue
    return None


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
    resolved = _resolve_branch(repo, config.branch)
    shallow = repo.git.rev_parse("--is-shallow-repository") == "true"
    if resolved is None:
        return History(config.branch, "", (), {}, None, shallow)
    ref, tip = resolved
    baseline_line = repo.git.for_each_ref(
        f"refs/tags/{BASELINE_TAG}",
        format="%(objecttype)%1f%(taggername)%1f%(taggeremail)%1f%(taggerdate:iso-strict)"
        "%1f%(*objectname)%1f%(objectname)%1f%(creatordate:iso-strict)",
    )
    key = (str(path.resolve()), tip, baseline_line, config)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    baseline = _baseline(baseline_line)
    # Renames are paired here (identical blobs); a document's history follows its id,
    # so git's costly rename detection would buy nothing. Both streams run side by
    # side: git diffs the first-parent line while another git walks the graph.
    cwd = str(repo.working_tree_dir or repo.git_dir)
    graph: dict[str, list[str]] = {}
    graph_read = threading.Event()
    failure: list[Exception] = []

    def walk() -> None:
        # Parsed here, while the main thread mostly waits for the diffing git.
        try:
            graph.update(
                _graph(_records(["git", "log", ref, "--no-color", f"--format={_GRAPH}"], cwd))
            )
        except Exception as exc:  # raised again below, in the caller's thread
            failure.append(exc)
        finally:
            graph_read.set()

    walker = threading.Thread(target=walk)
    walker.start()
    # The first-parent line comes oldest first and is parsed as git writes it. The
    # controlled file versions it names are asked of ``git cat-file`` as they turn
    # up; each commit becomes an event once the graph is in and its blobs are, and
    # goes to the sink there and then. So the replay runs while git still diffs.
    blobs = _BlobStream(cwd)
    events: list[ChangeEvent] = []
    builder = _EventBuilder(graph)
    waiting: deque[tuple[_Mainline, int]] = deque()
    if sink is not None:
        sink.start(baseline, blobs.contents)

    def pass_on() -> None:
        while waiting and waiting[0][1] <= blobs.answered:
            event = builder.build(waiting.popleft()[0])
            events.append(event)
            if sink is not None:
                sink.add(event)
        if waiting:
            blobs.flush()  # the next event waits for these names: send them now

    try:
        for record in _stream(
            [
                "git",
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
            ],
            cwd,
        ):
            parsed = _parse_record(record, prefix, config)
            if parsed is not None:
                waiting.append((parsed, blobs.request(parsed.changes)))
                if graph_read.is_set() and not failure:
                    pass_on()
    finally:
        contents = blobs.finish()
        walker.join()
    if failure:
        raise failure[0]
    pass_on()
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
    )
    _CACHE.clear()  # one repository state at a time is all serve needs
    _CACHE[key] = history
    return history


def _baseline(line: str) -> BaselineTag | None:
    if not line.strip():
        return None
    kind, name, email, tag_date, target, obj, created = (line.split("\x1f") + [""] * 7)[:7]
    if kind != "tag":
        # A lightweight tag names no tagger, so nobody can be said to have adopted anything.
        return BaselineTag(obj, None, datetime.fromisoformat(created))
    return BaselineTag(target, Identity(name, email.strip("<>")), datetime.fromisoformat(tag_date))


def _controlled(path: str, config: Config) -> bool:
    # mkdocs.yml and the acknowledgements are rules files too (issue 12, rules 5 and 8).
    return path.startswith(config.root_prefixes) or path in (
        config.roles,
        config.external,
        config.clauses,
        "mkdocs.yml",
        ACKNOWLEDGED,
    )


def _parse_changes(tokens: list[str], prefix: str, config: Config) -> list[FileChange]:
    changes: list[FileChange] = []
    i = 0
    while i < len(tokens):
        meta = tokens[i].strip()
        if not meta.startswith(":"):
            i += 1
            continue
        fields = meta[1:].split()
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


def _stream(command: list[str], cwd: str | Path) -> Iterator[str]:
    """The ``\\x1e``-separated records of a git command's output, as git writes them."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    with subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, pipesize=_PIPE_SIZE
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        tail = ""
        while block := proc.stdout.read(1 << 16):
            records = (tail + decoder.decode(block)).split("\x1e")
            tail = records.pop()
            yield from records
        tail += decoder.decode(b"", final=True)
        if tail:
            yield tail
        problem = proc.stderr.read().decode("utf-8", errors="replace").strip()
    if proc.returncode != 0:
        raise RepositoryError(f"git could not read the history: {problem}")


def _records(command: list[str], cwd: str | Path) -> list[str]:
    """The ``\\x1e``-separated records of a git command's output."""
    with subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        out, err = proc.communicate()
    if proc.returncode != 0:
        problem = err.decode("utf-8", errors="replace").strip()
        raise RepositoryError(f"git could not read the history: {problem}")
    return out.decode("utf-8", errors="replace").split("\x1e")


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


def _parse_record(record: str, prefix: str, config: Config) -> _Mainline | None:
    header, _, rest = record.partition("\x1f\x00")
    fields = header.split("\x1f")
    if len(fields) < 11:
        return None
    return _Mainline(
        fields[0],
        tuple(fields[1].split()),
        Identity(fields[2], fields[3]),
        Identity(fields[5], fields[6]),
        datetime.fromisoformat(fields[4]),
        datetime.fromisoformat(fields[7]),
        fields[8],
        fields[9],
        _trailers(fields[10]),
        tuple(_pair_renames(_parse_changes(rest.split("\x00"), prefix, config))),
    )


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


def _graph(chunks: list[str]) -> dict[str, list[str]]:
    """Every commit of the graph by its hash, as its format fields.

    Only the commits a merge brings in become :class:`BroughtIn` values, later:
    half the graph is the first-parent line, which needs nothing from here.
    """
    graph: dict[str, list[str]] = {}
    for chunk in chunks:
        fields = chunk.rstrip("\n").split("\x1f")
        if len(fields) >= 6:
            graph[fields[0]] = fields
    return graph


def _brought_in(fields: list[str], parents: list[str]) -> BroughtIn:
    trailers = _trailers(fields[5])
    return BroughtIn(
        commit=fields[0],
        author=Identity(fields[2], fields[3]),
        co_authors=_identities(trailers, "co-authored-by"),
        is_merge=len(parents) > 1,
        subject=fields[4],
        trailers=trailers,
    )


class _EventBuilder:
    """First-parent commits, oldest first, into events with the commits each merge brings in.

    A commit belongs to the first merge, in the line's order, that brings it in:
    a branch merged twice brings its earlier commits in only once.
    """

    def __init__(self, graph: dict[str, list[str]]) -> None:
        self.graph = graph
        self.seen: set[str] = set()

    def build(self, line: _Mainline) -> ChangeEvent:
        seen, graph = self.seen, self.graph
        brought: list[BroughtIn] = []
        if len(line.parents) > 1:
            queue = deque(p for p in line.parents[1:] if p not in seen)
            while queue:
                other = queue.popleft()
                if other in seen or other not in graph:
                    continue
                seen.add(other)
                fields = graph[other]
                parents = fields[1].split()
                brought.append(_brought_in(fields, parents))
                queue.extend(p for p in parents if p not in seen)
        seen.add(line.commit)
        return ChangeEvent(*line, brought_in=tuple(brought))


def _identities(trailers: tuple[tuple[str, str], ...], key: str) -> tuple[Identity, ...]:
    found = (parse_identity(v) for k, v in trailers if k.lower() == key)
    return tuple(i for i in found if i is not None)


def _trailers(text: str) -> tuple[tuple[str, str], ...]:
    result = []
    for item in text.split("\x1d"):
        key, sep, value = item.partition(":")
        if sep and key.strip():
            result.append((key.strip(), value.strip()))
    return tuple(result)


def _co_authors(text: str) -> tuple[Identity, ...]:
    found = (
        parse_identity(value) for key, value in _trailers(text) if key.lower() == "co-authored-by"
    )
    return tuple(i for i in found if i is not None)


_TEXT_SUFFIXES = (".md", ".markdown", ".yml", ".yaml")


class _BlobStream:
    """One ``git cat-file --batch`` that answers while the history is still being read.

    The caller asks for the text versions of each commit's changes as it parses
    them; a thread collects git's answers, so neither side waits for the other.
    """

    def __init__(self, git_dir: str) -> None:
        self._proc = subprocess.Popen(
            ["git", "cat-file", "--batch"],
            cwd=git_dir,
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


# --- a branch under review (``doccontrol status``) -------------------------------------------


_BRANCH_FORMAT = (
    "%x1e"
    + "%x1f".join(
        ["%H", "%P", "%an", "%ae", "%cn", "%ce", "%s", "%(trailers:unfold,separator=%x1d)"]
    )
    + "%x1f"
)


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
            f"the base branch {base} is not here (neither {base} nor origin/{base}): fetch it "
            f"(git fetch origin {base}) or name another with --base",
            str(path),
        )
    ref, tip = resolved
    try:
        head = repo.git.rev_parse("--verify", "-q", "HEAD^{commit}")
    except git.GitCommandError:
        raise RepositoryError(
            "HEAD names no commit yet: commit the branch first", str(path)
        ) from None
    try:
        fork = repo.git.merge_base(tip, head)
    except git.GitCommandError:
        raise RepositoryError(
            f"HEAD shares no history with {ref} (or the clone is shallow): fetch the full "
            "history (git fetch --unshallow)",
            str(path),
        ) from None
    try:
        branch = repo.git.symbolic_ref("--short", "-q", "HEAD")
    except git.GitCommandError:
        branch = ""  # a detached HEAD, as in CI
    raw = repo.git.execute(
        ["git", "log", f"{tip}..{head}", "-z", "--no-color", f"--format={_BRANCH_FORMAT}"],
        stdout_as_string=False,
    )
    assert isinstance(raw, bytes)
    commits: list[BranchCommit] = []
    for chunk in raw.decode("utf-8", errors="replace").split("\x1e"):
        fields = chunk.rstrip("\x00\n").split("\x1f")
        if len(fields) < 8:
            continue
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
