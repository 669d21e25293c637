"""Typed values for the history of the release branch, as the history reader yields them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import NamedTuple

from doccontrol.model.frozen import quick_init


class Identity(NamedTuple):
    """A git identity: the name and email written into a commit, tag or trailer.

    A named tuple rather than a dataclass: the replay hashes and compares
    identities hundreds of thousands of times, and a tuple does that in C.
    """

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


class Signed(NamedTuple):
    """A signed git object split into its signature and the bytes it signs.

    For a commit, ``payload`` is the commit object without its ``gpgsig`` header (what
    git hands to the signer); for a tag, the tag object up to the signature.
    """

    signature: bytes
    payload: bytes


class ChangeKind(Enum):
    ADDED = "A"
    MODIFIED = "M"
    DELETED = "D"
    RENAMED = "R"
    COPIED = "C"
    TYPE_CHANGED = "T"


@quick_init
@dataclass(frozen=True)
class FileChange:
    """One path changed by a commit against its first parent; blobs are None when absent."""

    kind: ChangeKind
    path: str
    old_path: str | None
    blob: str | None
    old_blob: str | None


@quick_init
@dataclass(frozen=True)
class BroughtIn:
    """A commit that a merge brings into the release branch (the change's content).

    ``empty`` says it changes no file (its tree is its parent's): it authors
    nothing, and with an ``Approved-by:`` or ``Reviewed-by:`` trailer naming its
    own author and committer it is a sign-off. ``changed_after`` holds, for a
    sign-off only, the paths of the merge's changes whose text differs between
    the sign-off and what the merge made of them: what its signer did not see.
    ``merge_authored`` makes a merge inside the branch (an "Update branch" merge
    that resolved a conflict) an author of the change.
    """

    commit: str
    author: Identity
    co_authors: tuple[Identity, ...]
    is_merge: bool
    subject: str = ""
    trailers: tuple[tuple[str, str], ...] = ()
    committer: Identity | None = None  # None where the reader was not asked for it
    empty: bool = False
    changed_after: frozenset[str] = frozenset()
    # For a merge inside the branch: the paths of the main-line merge's changes whose
    # text this merge wrote itself (no parent and no automatic merge holds it).
    merge_authored: tuple[str, ...] = ()
    # Read only when the config checks signatures; None when unsigned or not read.
    signature: Signed | None = None
    # The author date: when a writer of the change last wrote (编制), or a sign-off was made.
    authored: datetime | None = None


@quick_init
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
    # Paths whose text the merge commit itself wrote: its result differs from every
    # parent and from what git merges automatically (an "evil merge", a conflict
    # resolution). Its merger is their author.
    merge_authored: tuple[str, ...] = ()
    # The commit's signature, read only when the config checks signatures.
    signature: Signed | None = None

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1

    @property
    def short(self) -> str:
        return self.commit[:8]

    def trailer_values(self, key: str) -> tuple[str, ...]:
        if not self.trailers:
            return ()
        wanted = key.lower()
        return tuple(v for k, v in self.trailers if k.lower() == wanted)

    @property
    def reviewed(self) -> tuple[str, ...]:
        """Ids named by ``Reviewed:`` trailers, of this commit or of commits it brings in.

        A review is often a pull request holding one empty commit that says so; the
        merge that brings it in is what must pass the approval rules.
        """
        values = [*self.trailer_values("Reviewed")]
        for brought in self.brought_in:
            values.extend(v for k, v in brought.trailers if k.lower() == "reviewed")
        ids = (one for value in values for one in value.replace(",", " ").split())
        return tuple(dict.fromkeys(ids))

    @property
    def approved_ids(self) -> tuple[str, ...]:
        """Ids named by ``Approved:`` trailers, here or in the commits brought in.

        An approval of text already on the release branch: an empty commit saying
        ``Approved: QP-01``, merged by an approver, approves QP-01 as it stands.
        """
        values = [*self.trailer_values("Approved")]
        for brought in self.brought_in:
            values.extend(v for k, v in brought.trailers if k.lower() == "approved")
        ids = (one for value in values for one in value.replace(",", " ").split())
        return tuple(dict.fromkeys(ids))

    @property
    def summary(self) -> str:
        """The change's title: a pull request's title rather than the forge's merge line.

        GitHub writes ``Merge pull request #N from owner/branch`` and puts the
        title on the first line of the body; GitLab writes ``Merge branch 'x' into
        'main'``, the title, then ``See merge request ...``. A plain ``git merge``
        has no title: the subjects of the commits it brings in say what changed.
        """
        subject = self.subject.strip()
        if not subject.startswith(_MERGE_SUBJECTS):
            return subject
        for line in self.body.split("\n"):
            line = line.strip()
            key, sep, _ = line.partition(":")
            if not line or line.startswith("See merge request"):
                continue
            if sep and key.strip().lower() in _TRAILER_KEYS:
                continue
            return line
        subjects = [
            b.subject.strip()
            for b in reversed(self.brought_in)
            # A sign-off (an empty commit) says who agreed, not what changed.
            if not b.is_merge and not b.empty and b.subject.strip()
        ]
        # Subjects are the authors' words: join them the way their language would.
        chinese = any(_CJK.search(s) for s in subjects)
        return ("；" if chinese else "; ").join(dict.fromkeys(subjects)) or subject


_CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")
_MERGE_SUBJECTS = ("Merge pull request", "Merge branch", "Merge remote-tracking")
# Trailers that may follow a pull request's title in a merge message; a title such as
# "QP-01: add a section" has a colon too, so only these keys are skipped.
_TRAILER_KEYS = frozenset(
    {
        "approved-by",
        "approved",
        "co-authored-by",
        "reviewed",
        "reviewed-by",
        "signed-off-by",
        "acked-by",
        "tested-by",
        "helped-by",
        "reported-by",
        "change-id",
    }
)


@dataclass(frozen=True)
class BaselineTag:
    """The annotated tag ``doccontrol/baseline``: adoption of paper-approved documents."""

    commit: str
    tagger: Identity | None  # None for a lightweight tag, which carries no tagger
    date: datetime
    message: str = ""  # the tag's subject line: the adopted revisions' summary
    signature: Signed | None = None  # read only when the config checks signatures


@dataclass(frozen=True)
class EditionTag:
    """An ``edition/DATE`` tag: the commit it marks and the baseline its release recorded."""

    name: str
    commit: str
    baseline: str  # empty when the tag records none (a tag made by hand, or an old release)


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
    # refs/replace/* found in the repository, and whether an info/grafts file exists:
    # both rewrite what git shows as history, so both are reported.
    replace_refs: tuple[str, ...] = ()
    grafts: bool = False


@dataclass(frozen=True)
class TreeEntry:
    """A path in a git tree: its mode (``100644``, ``120000`` for a link, ...) and object."""

    mode: str
    sha: str
