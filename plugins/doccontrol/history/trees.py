"""What editions read from and write to git besides the history: trees, blobs, tags (shell).

The history reader gives the controlled Markdown; an edition also needs the
files a document loads (images, stylesheets) as they were at its revision,
``mkdocs.yml`` at the edition's commit, and the annotated ``edition/DATE`` tag.
"""

from __future__ import annotations

import os
import subprocess
from functools import cached_property
from pathlib import Path

from doccontrol.model.errors import RepositoryError
from doccontrol.model.history import EditionTag, TreeEntry

#: How a release's tag message records the baseline it was judged from.
BASELINE_LINE = "baseline "


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
        raise RepositoryError(f"cannot run git: {exc}", str(repo)) from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise RepositoryError(
            f"git {' '.join(args[:2])} failed: {message[-1] if message else proc.returncode}", str(repo)
        )
    return proc.stdout


class GitTree:
    """The repository's files at any commit, read from git objects (never from the disk).

    Paths are relative to ``repo`` (the folder with mkdocs.yml), which may be a
    sub-folder of the git work tree.
    """

    def __init__(self, repo: Path) -> None:
        self.repo = repo
        self._trees: dict[str, dict[str, TreeEntry]] = {}
        self._blobs: dict[str, bytes] = {}

    @cached_property
    def prefix(self) -> str:
        return _git(self.repo, "rev-parse", "--show-prefix").decode("utf-8").strip()

    def listing(self, commit: str) -> dict[str, TreeEntry]:
        if commit not in self._trees:
            raw = _git(self.repo, "ls-tree", "-r", "-z", "--full-tree", commit)
            entries: dict[str, TreeEntry] = {}
            for record in raw.split(b"\0"):
                if not record:
                    continue
                meta, _, name = record.partition(b"\t")
                mode, _kind, sha = meta.decode().split()
                path = name.decode("utf-8", errors="surrogateescape")
                if self.prefix:
                    if not path.startswith(self.prefix):
                        continue
                    path = path[len(self.prefix) :]
                entries[path] = TreeEntry(mode, sha)
            self._trees[commit] = entries
        return self._trees[commit]

    def entry(self, commit: str, path: str) -> TreeEntry | None:
        return self.listing(commit).get(path)

    def blob(self, sha: str) -> bytes:
        if sha not in self._blobs:
            self._blobs[sha] = _git(self.repo, "cat-file", "blob", sha)
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
