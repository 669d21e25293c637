"""What editions read from and write to git besides the history: trees, blobs, tags (shell).

The history reader gives the controlled Markdown; an edition also needs the
files a document loads (images, stylesheets) as they were at its revision,
``mkdocs.yml`` at the edition's commit, and the annotated ``edition/DATE`` tag.
Trees and blobs come through the reader's ``cat-file --batch`` stream; only
the few per-edition questions (tags, the folder's prefix) are git calls of their own.
"""

from __future__ import annotations

import os
import subprocess
from functools import cached_property
from pathlib import Path

from doccontrol.history.reader import ObjectStream
from doccontrol.model.errors import RepositoryError
from doccontrol.model.history import EditionTag, TreeEntry
from doccontrol.model.messages import msg

#: How a release's tag message records the baseline it was judged from.
BASELINE_LINE = "baseline "
_TREE = "40000"  # the mode of a folder in a tree object


def _git(repo: Path, *args: str, env: dict[str, str] | None = None, data: bytes | None = None) -> bytes:
    try:
        proc = subprocess.run(
            # The recorded history only: never replacement objects (ARCHITECTURE.md §8).
            ["git", "--no-replace-objects", *args],
            cwd=repo,
            input=data,
            capture_output=True,
            env={**os.environ, "GIT_NO_REPLACE_OBJECTS": "1", **(env or {})},
            check=False,
        )
    except OSError as exc:
        raise RepositoryError(msg("history.cannot-run-git", problem=str(exc)), str(repo)) from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise RepositoryError(
            msg(
                "history.git-command-failed",
                command=" ".join(args[:2]),
                problem=message[-1] if message else str(proc.returncode),
            ),
            str(repo),
        )
    return proc.stdout


class GitTree:
    """The repository's files at any commit, read from git objects (never from the disk).

    Paths are relative to ``repo`` (the folder with mkdocs.yml), which may be a
    sub-folder of the git work tree. Trees and blobs come through the history
    reader's one ``cat-file --batch`` stream (:class:`~doccontrol.history.reader.ObjectStream`),
    a tree object once whichever commits share it: never a git process per commit or blob.
    """

    def __init__(self, repo: Path) -> None:
        self.repo = repo
        self._objects = ObjectStream(repo)
        self._trees: dict[str, dict[str, TreeEntry]] = {}  # a tree's hash -> its own entries
        self._roots: dict[str, str] = {}  # commit -> the hash of its tree at ``prefix``
        self._blobs: dict[str, bytes] = {}

    def close(self) -> None:
        """End the git stream (also done when the tree is collected)."""
        self._objects.close()

    @cached_property
    def prefix(self) -> str:
        return _git(self.repo, "rev-parse", "--show-prefix").decode("utf-8").strip()

    def _object(self, name: str, kind: str) -> bytes:
        found = self._objects.read(name)
        if found is None or found[0] != kind:
            raise RepositoryError(msg("history.no-object", kind=kind, name=name), str(self.repo))
        return found[1]

    def _tree(self, sha: str) -> dict[str, TreeEntry]:
        """The entries of one tree object, in git's order (subtrees with mode 40000)."""
        if sha not in self._trees:
            data = self._object(sha, "tree")
            width = len(sha) // 2  # 20 bytes for SHA-1, 32 for SHA-256
            entries: dict[str, TreeEntry] = {}
            at = 0
            while at < len(data):
                space = data.index(b" ", at)
                nul = data.index(b"\0", space)
                name = data[space + 1 : nul].decode("utf-8", errors="surrogateescape")
                entries[name] = TreeEntry(data[at:space].decode(), data[nul + 1 : nul + 1 + width].hex())
                at = nul + 1 + width
            self._trees[sha] = entries
        return self._trees[sha]

    def _root(self, commit: str) -> str | None:
        """The hash of the tree at ``prefix`` in ``commit`` (None: the folder is not there)."""
        if commit not in self._roots:
            body = self._object(f"{commit}^{{commit}}", "commit")
            sha: str | None = body.split(b"\n", 1)[0].removeprefix(b"tree ").decode()
            for part in self.prefix.split("/"):
                if not part or sha is None:
                    continue
                entry = self._tree(sha).get(part)
                sha = entry.sha if entry is not None and entry.mode == _TREE else None
            self._roots[commit] = sha or ""
        return self._roots[commit] or None

    def listing(self, commit: str) -> dict[str, TreeEntry]:
        """Every file under ``prefix`` at ``commit``, as ``git ls-tree -r`` lists them."""
        out: dict[str, TreeEntry] = {}

        def walk(sha: str, base: str) -> None:
            for name, entry in self._tree(sha).items():
                if entry.mode == _TREE:
                    walk(entry.sha, f"{base}{name}/")
                else:
                    out[base + name] = entry

        root = self._root(commit)
        if root is not None:
            walk(root, "")
        return out

    def entry(self, commit: str, path: str) -> TreeEntry | None:
        """The file at ``path`` (a folder is no file: None, as ``ls-tree -r`` lists none)."""
        sha = self._root(commit)
        parts = path.split("/")
        for part in parts[:-1]:
            if sha is None:
                return None
            found = self._tree(sha).get(part)
            sha = found.sha if found is not None and found.mode == _TREE else None
        if sha is None:
            return None
        entry = self._tree(sha).get(parts[-1])
        return entry if entry is not None and entry.mode != _TREE else None

    def blob(self, sha: str) -> bytes:
        if sha not in self._blobs:
            self._blobs[sha] = self._object(sha, "blob")
        return self._blobs[sha]

    def read(self, commit: str, path: str) -> bytes | None:
        entry = self.entry(commit, path)
        return self.blob(entry.sha) if entry is not None and entry.mode != "120000" else None


def resolve_commit(repo: Path, ref: str) -> str | None:
    try:
        return _git(repo, "rev-parse", "--verify", "-q", f"{ref}^{{commit}}").decode().strip() or None
    except RepositoryError:
        return None


def tag_target(repo: Path, name: str) -> str | None:
    """The commit an existing tag points at, or None."""
    return resolve_commit(repo, f"refs/tags/{name}")


def tag_names(repo: Path, pattern: str) -> list[str]:
    """The names of the tags matching a glob, e.g. ``edition/*``."""
    return _git(repo, "tag", "-l", pattern).decode("utf-8").split()


def _identity_env(repo: Path, fallback_name: str) -> dict[str, str]:
    """The tagger: git's configured user, else the signer (git refuses to tag anonymously)."""
    env: dict[str, str] = {}
    for key, var, default in (
        ("user.name", "GIT_COMMITTER_NAME", fallback_name),
        ("user.email", "GIT_COMMITTER_EMAIL", "doccontrol@localhost"),
    ):
        try:
            configured = _git(repo, "config", "--get", key).decode().strip()
        except RepositoryError:
            configured = ""
        if not configured and var not in os.environ:
            env[var] = default
    return env


def create_tag(repo: Path, name: str, commit: str, message: str, fallback_name: str) -> None:
    _git(
        repo,
        "-c",
        "tag.gpgSign=false",
        "tag",
        "-a",
        name,
        "-F",
        "-",
        commit,
        env=_identity_env(repo, fallback_name),
        data=message.encode("utf-8"),
    )


def edition_tags(repo: Path) -> tuple[EditionTag, ...]:
    """Every ``edition/*`` tag with its commit and recorded baseline, in one git call."""
    raw = _git(
        repo,
        "for-each-ref",
        "refs/tags/edition/",
        "--format=%00%(refname:strip=2)%1f%(objectname)%1f%(*objectname)%1f%(contents)",
    )
    tags = []
    for record in raw.decode("utf-8", errors="replace").split("\0"):
        fields = record.split("\x1f", 3)
        if len(fields) < 4:
            continue
        name, obj, target, message = fields
        baseline = next(
            (
                line[len(BASELINE_LINE) :].strip()
                for line in message.splitlines()
                if line.startswith(BASELINE_LINE)
            ),
            "",
        )
        tags.append(EditionTag(name, target or obj, baseline))
    return tuple(tags)


def delete_tag(repo: Path, name: str) -> None:
    _git(repo, "tag", "-d", name)


def annotated_edition_tags(repo: Path) -> list[tuple[str, str, str]]:
    """(tag name, commit, message) of every annotated ``edition/*`` tag; lightweight ones are left out.

    The Editions page is built from these, never from files in the working tree:
    a tag is made by the release and protected on the forge.
    """
    out = _git(
        repo,
        "for-each-ref",
        "--format=%(refname:strip=2)%00%(objecttype)%00%(*objectname)%00%(contents)%00",
        "refs/tags/edition/",
    ).decode("utf-8", errors="replace")
    fields = out.split("\x00")
    tags: list[tuple[str, str, str]] = []
    for at in range(0, len(fields) - 4, 4):
        name, kind, commit, message = fields[at : at + 4]
        if kind == "tag" and commit:
            tags.append((name.strip(), commit, message))
    return tags
