"""Typed values for a branch under review, as the history reader yields them (``status``)."""

from __future__ import annotations

from dataclasses import dataclass

from doccontrol.model.history import Identity


@dataclass(frozen=True)
class BranchCommit:
    """A commit of the branch that its base does not have."""

    commit: str
    author: Identity
    committer: Identity
    co_authors: tuple[Identity, ...]
    is_merge: bool
    subject: str


@dataclass(frozen=True)
class BranchChanges:
    """What git says about the branch checked out, against the branch it will merge into.

    ``fork`` is the merge-base of HEAD and ``base_tip``: what the branch changes
    is the working tree against the fork, as a pull request's diff shows it.
    ``fork_files`` and ``head_files`` are the controlled files ``(path, blob)``
    at the fork and at HEAD; ``blobs`` holds the fork's contents.
    ``local_author`` is who would author what is not committed yet.
    """

    base: str
    base_tip: str
    fork: str
    head: str
    branch: str
    commits: tuple[BranchCommit, ...]
    fork_files: tuple[tuple[str, str], ...]
    head_files: tuple[tuple[str, str], ...]
    blobs: dict[str, bytes]
    local_author: Identity | None = None

    @property
    def authors(self) -> tuple[Identity, ...]:
        """Who wrote the branch, as a merge would count them: authors of its non-merge
        commits and every ``Co-authored-by``."""
        found: dict[Identity, None] = {}
        for commit in self.commits:
            if not commit.is_merge:
                found[commit.author] = None
            for co in commit.co_authors:
                found[co] = None
        return tuple(found)
