"""What ``init`` and ``adopt`` ask of git: start a repository, who is committing, the baseline tag.

Shell code: the only other place besides the reader and the edition's trees that
runs git, and it lives in ``history/`` for that reason (ARCHITECTURE.md §2).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from doccontrol.history.trees import _git, resolve_commit
from doccontrol.model.errors import RepositoryError
from doccontrol.model.history import Identity


@dataclass(frozen=True)
class WorkState:
    """Where a repository stands before adoption."""

    branch: str  # the checked-out branch, "" when detached
    head: str | None  # None before the first commit
    dirty: tuple[str, ...]  # paths with changes git would commit (git status --porcelain)


def is_repository(path: Path) -> bool:
    try:
        _git(path, "rev-parse", "--git-dir")
    except RepositoryError:
        return False
    return True


def init_repository(path: Path, branch: str) -> None:
    """``git init`` with ``branch`` as the first branch."""
    _git(path, "init", "-q", "-b", branch)


def configured_identity(path: Path) -> Identity | None:
    """user.name and user.email as git would use them for a commit here, or None."""
    values = []
    for key in ("user.name", "user.email"):
        try:
            values.append(_git(path, "config", "--get", key).decode("utf-8").strip())
        except RepositoryError:
            return None
    name, email = values
    return Identity(name, email) if name and email else None


def work_state(path: Path) -> WorkState:
    try:
        branch = _git(path, "symbolic-ref", "-q", "--short", "HEAD").decode().strip()
    except RepositoryError:
        branch = ""
    lines = _git(path, "status", "--porcelain", "-z", "--untracked-files=all", ".").split(b"\0")
    dirty = tuple(line[3:].decode("utf-8", errors="replace") for line in lines if line)
    return WorkState(branch, resolve_commit(path, "HEAD"), dirty)


def make_annotated_tag(
    path: Path, name: str, commit: str, message: str, when: datetime, tagger: Identity
) -> None:
    """An annotated tag by ``tagger``, dated ``when`` (git refuses to overwrite a tag)."""
    stamp = when.isoformat()
    _git(
        path,
        "-c",
        "tag.gpgSign=false",
        "tag",
        "-a",
        name,
        "-F",
        "-",
        commit,
        env={
            "GIT_COMMITTER_NAME": tagger.name,
            "GIT_COMMITTER_EMAIL": tagger.email,
            "GIT_COMMITTER_DATE": stamp,
        },
        data=message.encode("utf-8"),
    )
