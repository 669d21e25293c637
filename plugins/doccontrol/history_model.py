"""Typed values for the history of the release branch, as the history reader yields them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum


@dataclass(frozen=True)
class Identity:
    """A git identity: the name and email written into a commit, tag or trailer."""

    name: str
    email: str

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"


def parse_identity(text: str) -> Identity | None:
    """``Name <email>`` as written in a trailer; None when it has no email."""
    text = text.strip()
    if "<" not in text or not text.endswith(">"):
        return None
    name, _, rest = text.partition("<")
    email = rest[:-1].strip()
    if "@" not in email:
        return None
    return Identity(name.strip(), email)


class ChangeKind(Enum):
    ADDED = "A"
    MODIFIED = "M"
    DELETED = "D"
    RENAMED = "R"
    COPIED = "C"
    TYPE_CHANGED = "T"


@dataclass(frozen=True)
class FileChange:
    """One path changed by a commit against its first parent; blobs are None when absent."""

    kind: ChangeKind
    path: str
    old_path: str | None
    blob: str | None
    old_blob: str | None


@dataclass(frozen=True)
class BroughtIn:
    """A commit that a merge brings into the release branch (the change's content)."""

    commit: str
    author: Identity
    co_authors: tuple[Identity, ...]
    is_merge: bool


@dataclass(frozen=True)
class ChangeEvent:
    """One commit on the first-parent line of the release branch."""

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
    brought_in: tuple[BroughtIn, ...] = ()

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1

    @property
    def short(self) -> str:
        return self.commit[:8]

    def trailer_values(self, key: str) -> tuple[str, ...]:
        wanted = key.lower()
        return tuple(v for k, v in self.trailers if k.lower() == wanted)

    @property
    def summary(self) -> str:
        """The change's title: a pull request's title rather than the forge's merge line."""
        subject = self.subject.strip()
        if subject.startswith(("Merge pull request", "Merge branch", "Merge remote-tracking")):
            for line in self.body.split("\n"):
                line = line.strip()
                if line and ":" not in line[:30]:
                    return line
        return subject


@dataclass(frozen=True)
class BaselineTag:
    """The annotated tag ``doccontrol/baseline``: adoption of paper-approved documents."""

    commit: str
    tagger: Identity | None  # None for a lightweight tag, which carries no tagger
    date: datetime


@dataclass(frozen=True)
class History:
    """Everything the rules need from git, read in one pass.

    ``events`` run oldest first along the first-parent line of ``branch``.
    ``blobs`` holds the content of every controlled file version those events name.
    """

    branch: str
    head: str
    events: tuple[ChangeEvent, ...]
    blobs: dict[str, bytes]
    baseline: BaselineTag | None
    shallow: bool
    remote_url: str = ""
