"""The typed model of controlled documents, roles, clauses and external documents.

Everything here is a frozen value built by the parsers from text. Nothing in this
module reads files or runs git.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum


class DocType(Enum):
    """The kinds of controlled document (ARCHITECTURE.md §3), with their Chinese labels."""

    MANUAL = "manual"
    SERVICE_SPEC = "service-spec"
    PROVISION_SPEC = "provision-spec"
    CONTROL_SPEC = "control-spec"
    PROCEDURE = "procedure"
    INSTRUCTION = "instruction"
    RECORD_FORM = "record-form"

    @property
    def label_zh(self) -> str:
        return _LABELS_ZH[self]

    @property
    def label_en(self) -> str:
        return _LABELS_EN[self]

    @property
    def default_prefix(self) -> str:
        return _PREFIXES[self]


_LABELS_ZH = {
    DocType.MANUAL: "服务手册",
    DocType.SERVICE_SPEC: "服务规范",
    DocType.PROVISION_SPEC: "服务提供规范",
    DocType.CONTROL_SPEC: "服务控制规范",
    DocType.PROCEDURE: "程序文件",
    DocType.INSTRUCTION: "作业指导书",
    DocType.RECORD_FORM: "记录表单",
}
_LABELS_EN = {
    DocType.MANUAL: "Service manual",
    DocType.SERVICE_SPEC: "Service specification",
    DocType.PROVISION_SPEC: "Service provision specification",
    DocType.CONTROL_SPEC: "Service control specification",
    DocType.PROCEDURE: "Procedures",
    DocType.INSTRUCTION: "Work instructions",
    DocType.RECORD_FORM: "Record forms",
}
_PREFIXES = {
    DocType.MANUAL: "SM",
    DocType.SERVICE_SPEC: "SS",
    DocType.PROVISION_SPEC: "SP",
    DocType.CONTROL_SPEC: "SC",
    DocType.PROCEDURE: "QP",
    DocType.INSTRUCTION: "WI",
    DocType.RECORD_FORM: "QR",
}
EXTERNAL_PREFIX = "EXT"

ID_PATTERN = re.compile(r"^(?P<prefix>[A-Z][A-Z0-9]*)-(?P<num>\d{2,})(?:-(?P<sub>\d{2,}))?$")


@dataclass(frozen=True)
class Retention:
    """How long filled records are kept: ``months`` or permanent (``months is None``)."""

    text: str
    months: int | None

    @property
    def permanent(self) -> bool:
        return self.months is None

    @property
    def label_zh(self) -> str:
        if self.months is None:
            return "永久"
        if self.months % 12 == 0:
            return f"{self.months // 12} 年"
        return f"{self.months} 个月"


_RETENTION = re.compile(r"^(?P<n>[1-9]\d*)\s*(?P<unit>[my])$")


def parse_retention(text: str) -> Retention | None:
    """``18m``, ``3y`` or ``permanent``; None when the text is none of these."""
    value = text.strip().lower()
    if value in ("permanent", "永久"):
        return Retention(text, None)
    match = _RETENTION.match(value)
    if not match:
        return None
    n = int(match["n"])
    return Retention(text, n * 12 if match["unit"] == "y" else n)


@dataclass(frozen=True)
class SourceFile:
    """A file's bytes and its repository-relative POSIX path: what the core reads."""

    path: str
    data: bytes


@dataclass(frozen=True)
class Chapter:
    """A file of a folder document other than its ``index.md``."""

    path: str
    body: str
    body_line: int = 1


@dataclass(frozen=True)
class Document:
    """One controlled document as its front matter and text describe it.

    ``path`` is the file holding the front matter (``index.md`` for a folder
    document); ``folder`` is set for folder documents. Revision, approval and
    status are not here: they come from git (see :mod:`doccontrol.history`).
    """

    id: str
    title: str
    type: DocType
    owner: str
    approvers: tuple[str, ...]
    path: str
    body: str
    body_line: int
    folder: str | None = None
    chapters: tuple[Chapter, ...] = ()
    edition: str = "A"
    effective: date | None = None
    review_months: int | None = None
    clauses: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    records: tuple[str, ...] = ()
    withdrawn: bool = False
    retention: Retention | None = None
    storage: str | None = None
    field_lines: tuple[tuple[str, int], ...] = field(default=(), compare=False)
    #: The organisation's own keys (``fields:`` option or ``x-…``) as written, for templates.
    own_fields: tuple[tuple[str, object], ...] = field(default=(), compare=False)

    def line_of(self, key: str) -> int:
        """Line of a front-matter key, or 1 when it is absent."""
        return dict(self.field_lines).get(key, 1)

    @property
    def paths(self) -> tuple[str, ...]:
        """Every file of the document, front-matter file first."""
        return (self.path, *(c.path for c in self.chapters))


class KeyKind(Enum):
    """The kind of a public key listed in roles.yml for signed approvals (issue 17)."""

    SSH = "ssh"
    OPENPGP = "openpgp"


@dataclass(frozen=True)
class SigningKey:
    """A public key that may sign approvals: an OpenSSH key line or an armoured OpenPGP key.

    ``fingerprint`` is ``SHA256:…`` (as ``ssh-keygen -l`` prints it) for SSH, and the
    upper-case hex v4 fingerprint for OpenPGP; ``blob`` is the key's wire form (the
    base64-decoded SSH key, or the OpenPGP public-key packet body).
    """

    kind: KeyKind
    fingerprint: str
    blob: bytes
    text: str = field(default="", compare=False)
    line: int = field(default=1, compare=False)


@dataclass(frozen=True)
class Person:
    """Someone named in roles.yml, with the identities git and the forge know them by,
    and the keys that may sign their approvals."""

    name: str
    emails: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    signing_keys: tuple[SigningKey, ...] = ()


@dataclass(frozen=True)
class Roles:
    """roles.yml: people, the roles they hold, and the ``top`` role (ARCHITECTURE.md §4)."""

    people: tuple[Person, ...]
    roles: tuple[tuple[str, tuple[str, ...]], ...]
    top: str
    path: str = "manual/roles.yml"
    #: Keys of the forges whose own commits (web merges, squashes) may be trusted.
    forges: tuple[SigningKey, ...] = ()

    # Approval checks ask these questions for every change in the history: answer
    # them from indexes built once per roles version.
    @functools.cached_property
    def _people(self) -> dict[str, Person]:
        return {p.name: p for p in self.people}

    @functools.cached_property
    def _roles(self) -> dict[str, tuple[str, ...]]:
        return dict(self.roles)

    @functools.cached_property
    def _emails(self) -> dict[str, Person]:
        return {e.lower(): p for p in self.people for e in p.emails}

    def person(self, name: str) -> Person | None:
        return self._people.get(name)

    def members(self, role: str) -> tuple[str, ...]:
        return self._roles.get(role, ())

    def knows(self, name: str) -> bool:
        """True when ``name`` is a role or a person."""
        return name in self._roles or name in self._people

    def holders(self, role_or_person: str) -> tuple[str, ...]:
        """People who hold a role, or the person themself when the name is a person."""
        if role_or_person in self._roles:
            return self._roles[role_or_person]
        if role_or_person in self._people:
            return (role_or_person,)
        return ()

    def roles_of(self, name: str) -> tuple[str, ...]:
        return tuple(role for role, members in self.roles if name in members)

    def by_email(self, email: str) -> Person | None:
        return self._emails.get(email.strip().lower())

    @functools.cached_property
    def _folded_names(self) -> dict[str, Person]:
        return {" ".join(p.name.split()).casefold(): p for p in self.people}

    def by_name(self, name: str) -> Person | None:
        """The person whose listed name this is, ignoring case and runs of spaces.

        git takes a name from whatever machine made the commit; ``Li Si`` and
        ``li  si`` are the same name written twice.
        """
        return self._folded_names.get(" ".join(name.split()).casefold())


@dataclass(frozen=True)
class ExternalDocument:
    """A document of external origin (外来文件), from records/external.yml."""

    id: str
    title: str
    line: int
    number: str = ""
    version: str = ""
    source: str = ""
    holder: str = ""
    checked: date | None = None


@dataclass(frozen=True)
class Clause:
    """A clause of the standard and what it asks for."""

    number: str
    title: str
    needs_procedure: bool
    needs_records: bool
    line: int = 1


@dataclass(frozen=True)
class Standard:
    """The clause list documents point into with ``clauses:``."""

    name: str
    title: str
    clauses: tuple[Clause, ...]

    def clause(self, number: str) -> Clause | None:
        return next((c for c in self.clauses if c.number == number), None)
