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
from typing import Any


def language_code(language: str) -> str:
    """The label table a site language reads: ``en`` for any English, ``zh`` otherwise."""
    return "en" if language.strip().lower().startswith("en") else "zh"


@dataclass(frozen=True)
class DocumentType:
    """A kind of controlled document (ARCHITECTURE.md §3), as the ``types:`` option defines it.

    ``labels`` holds one label per language (``zh``, ``en``); ``level`` orders the
    registers and the site's sections, and types sharing a level share a section,
    named by ``section`` when its first type gives one. ``record_form`` types hold
    the forms filled records are kept under; ``procedure`` types count as the
    documented procedures a clause may ask for and number the forms they use.
    """

    key: str
    labels: tuple[tuple[str, str], ...]
    prefix: str
    level: int
    record_form: bool = False
    procedure: bool = False
    section: tuple[tuple[str, str], ...] = ()
    #: The site section's URL slug when this type opens one (the key when empty).
    slug: str = ""
    #: Where ``doccontrol new`` puts a document of this type when none shows the way.
    folder: str = ""
    line: int = field(default=1, compare=False)

    def label(self, language: str) -> str:
        """The type's label in the site's language."""
        return dict(self.labels)[language_code(language)]

    def section_label(self, language: str) -> str:
        """The label of the site section this type opens: ``section`` or else its own label."""
        return dict(self.section).get(language_code(language)) or self.label(language)


@dataclass(frozen=True)
class DocumentTypes:
    """The document types of an organisation, in register and navigation order."""

    types: tuple[DocumentType, ...]

    @functools.cached_property
    def _by_key(self) -> dict[str, DocumentType]:
        return {t.key: t for t in self.types}

    @functools.cached_property
    def _by_prefix(self) -> dict[str, DocumentType]:
        return {t.prefix: t for t in self.types}

    @functools.cached_property
    def _order(self) -> dict[str, int]:
        return {t.key: i for i, t in enumerate(self.types)}

    def get(self, key: str) -> DocumentType | None:
        return self._by_key.get(key)

    def by_prefix(self, prefix: str) -> DocumentType | None:
        return self._by_prefix.get(prefix)

    def order(self, doc_type: DocumentType) -> int:
        """Position in register order; a type this registry does not know sorts last."""
        return self._order.get(doc_type.key, len(self.types))

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(t.key for t in self.types)

    @functools.cached_property
    def record_form_prefixes(self) -> frozenset[str]:
        """Id prefixes of record forms: ``records/<form id>/`` holds filled records."""
        return frozenset(t.prefix for t in self.types if t.record_form)

    @property
    def record_forms(self) -> tuple[DocumentType, ...]:
        return tuple(t for t in self.types if t.record_form)

    @property
    def procedures(self) -> tuple[DocumentType, ...]:
        return tuple(t for t in self.types if t.procedure)

    def levels(self) -> tuple[tuple[DocumentType, ...], ...]:
        """The types grouped by level, lowest level first: one site section each."""
        grouped: dict[int, list[DocumentType]] = {}
        for doc_type in self.types:
            grouped.setdefault(doc_type.level, []).append(doc_type)
        return tuple(tuple(grouped[level]) for level in sorted(grouped))


def _builtin(
    key: str, zh: str, en: str, prefix: str, level: int, folder: str, **more: Any
) -> DocumentType:
    return DocumentType(key, (("zh", zh), ("en", en)), prefix, level, folder=folder, **more)


_MANUALS = (("zh", "手册与规范"), ("en", "Manual and specifications"))

#: The seven types of a service organisation (SB/T 10382), used when ``types:`` is not given.
DEFAULT_TYPES = DocumentTypes(
    (
        _builtin("manual", "服务手册", "Service manual", "SM", 1, "manual",
                 section=_MANUALS, slug="manuals"),
        _builtin("service-spec", "服务规范", "Service specification", "SS", 1, "manual"),
        _builtin("provision-spec", "服务提供规范", "Service provision specification", "SP", 1,
                 "manual"),
        _builtin("control-spec", "服务控制规范", "Service control specification", "SC", 1, "manual"),
        _builtin("procedure", "程序文件", "Procedures", "QP", 2, "procedures",
                 procedure=True, slug="procedures"),
        _builtin("instruction", "作业指导书", "Work instructions", "WI", 3, "procedures",
                 slug="instructions"),
        _builtin("record-form", "记录表单", "Record forms", "QR", 4, "records/forms",
                 record_form=True, slug="forms"),
    )
)
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


class Medium(Enum):
    """What a form's records are kept on (载体): ``medium: paper``, ``electronic`` or both."""

    PAPER = "paper"
    ELECTRONIC = "electronic"

    @property
    def label_zh(self) -> str:
        return "纸质" if self is Medium.PAPER else "电子"


class Publish(Enum):
    """How much of a form's filled records the site shows (``publish:``).

    Records hold personal data, so the default shows their metadata only; ``full``
    shows (masked) bodies and links scans.
    """

    METADATA = "metadata"
    FULL = "full"


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
    type: DocumentType
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
    #: Roles or people whose ``Reviewed-by`` sign-off (审核) a change needs; none: the type's default.
    reviewers: tuple[str, ...] = ()
    #: For a withdrawn document: the id of the document that replaces it.
    replaced_by: str | None = None
    retention: Retention | None = None
    storage: str | None = None
    #: Roles or departments that receive the document (发放范围).
    distribution: tuple[str, ...] = ()
    #: Record forms: the department keeping the records (保管部门); None means the owner.
    keeper: str | None = None
    medium: tuple[Medium, ...] = ()  # 载体
    disposal: str | None = None  # 处置方式, e.g. 销毁 or 移交档案室
    publish: Publish = Publish.METADATA
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
    line: int = field(default=1, compare=False)  # where roles.yml lists them


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
    #: 已替代: the issuer has replaced the version held (``status: superseded``); else 有效.
    superseded: bool = False


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
