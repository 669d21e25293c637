"""A new controlled document: its id, file name, owner and approvers (``doccontrol new``).

Pure: takes the catalog of the working tree and the ids history has seen, and
decides; the command renders the template and writes the file.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from doccontrol.model.documents import ID_PATTERN, DocumentType
from doccontrol.model.errors import DocControlError, UsageError
from doccontrol.model.messages import Message, msg
from doccontrol.sources.catalog import Catalog
from doccontrol.sources.config import Config

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")



class Refused(DocControlError):
    """The new document would clash with one that exists (exit 1)."""


@dataclass(frozen=True)
class NewRequest:
    """What the user asked for on the command line (None: work it out)."""

    type: str  # a type key of the ``types`` option
    title: str
    owner: str | None = None
    approvers: tuple[str, ...] = ()
    procedure: str | None = None
    id: str | None = None
    slug: str | None = None
    retention: str | None = None
    storage: str | None = None


@dataclass(frozen=True)
class NewDocument:
    """Everything the template needs, decided."""

    id: str
    type: DocumentType
    title: str
    owner: str
    approvers: tuple[str, ...]
    path: str
    procedure: str | None = None
    retention: str | None = None
    storage: str | None = None
    notes: tuple[Message, ...] = ()


def plan_new(
    request: NewRequest, catalog: Catalog, history_ids: Iterable[str], config: Config
) -> NewDocument:
    """Decide the id, path, owner and approvers of a new document.

    ``history_ids`` are the ids the release branch has ever held, withdrawn ones
    included: an obsolete document's number is never given to a new one.
    Raises :class:`Refused` for a clash with an existing id, title or file, and
    :class:`~doccontrol.model.errors.UsageError` for arguments that cannot work.
    """
    title = " ".join(request.title.split())
    if not title:
        raise UsageError(msg("new.empty-title"))
    taken = _taken(catalog, history_ids)
    notes: list[Message] = []
    doc_type = config.types.get(request.type)
    if doc_type is None:
        raise UsageError(
            msg("new.unknown-type", type=request.type, types=tuple(config.types.keys))
        )

    for doc in catalog.documents:
        if not doc.withdrawn and " ".join(doc.title.split()) == title:
            raise Refused(
                msg("new.title-taken", title=title, doc=doc.id, path=doc.path),
                doc.path,
                doc.line_of("title"),
            )

    procedure = _procedure(request, doc_type, catalog)
    if request.id is not None:
        doc_id = _explicit_id(request.id.strip(), doc_type, taken, config)
    else:
        doc_id = _next_id(doc_type, procedure, taken, config)
        if doc_type.record_form and procedure is None:
            notes.append(
                msg("new.new-form-group", doc=doc_id, prefix=_procedure_prefix(config))
            )

    owner, approvers = _people(request, doc_type, catalog, config)
    retention = storage = None
    if doc_type.record_form:
        defaults = config.defaults_for(doc_type)
        retention = request.retention or defaults.retention
        storage = request.storage or defaults.storage
        if retention is None or storage is None:
            notes.append(
                msg(
                    "new.filled-in",
                    retention=retention or "3y",
                    storage=storage or owner + "档案室",
                )
            )
            retention = retention or "3y"
            storage = storage or f"{owner}档案室"
    elif request.retention or request.storage:
        raise UsageError(msg("new.form-only"))

    slug = request.slug
    if slug is not None and not _SLUG.match(slug):
        raise UsageError(
            msg("new.bad-slug", slug=slug)
        )
    name = f"{doc_id.lower()}-{slug}.md" if slug else f"{doc_id.lower()}.md"
    path = posixpath.join(_folder(doc_type, catalog, config), name)
    existing = catalog.owning(path)
    if existing is not None:
        raise Refused(msg("new.path-taken", path=path, doc=existing.id), path)
    if procedure is not None:
        proc = catalog.get(procedure)
        notes.append(
            msg("new.add-to-records.path", doc=doc_id, procedure=procedure, path=proc.path)
            if proc
            else msg("new.add-to-records", doc=doc_id, procedure=procedure)
        )
    return NewDocument(
        id=doc_id,
        type=doc_type,
        title=title,
        owner=owner,
        approvers=approvers,
        path=path,
        procedure=procedure,
        retention=retention,
        storage=storage,
        notes=tuple(notes),
    )


def _taken(catalog: Catalog, history_ids: Iterable[str]) -> dict[str, str]:
    """Every id in use, with where it is used."""
    taken: dict[str, str] = {}
    for doc_id in history_ids:
        taken[doc_id] = "a document in the history of the release branch (withdrawn or moved)"
    for ext in catalog.external:
        taken[ext.id] = "an external document"
    for doc in catalog.documents:
        taken[doc.id] = doc.path
    return taken


def _procedure_prefix(config: Config) -> str:
    return next((t.prefix for t in config.types.procedures), "QP")


def _procedure(request: NewRequest, doc_type: DocumentType, catalog: Catalog) -> str | None:
    if request.procedure is None:
        return None
    if not doc_type.record_form:
        raise UsageError(msg("new.procedure-form-only"))
    wanted = request.procedure.strip().upper()
    doc = catalog.get(wanted)
    if doc is None or doc.type.record_form:
        procedures: Message | tuple[str, ...] = tuple(
            d.id for d in catalog.documents if d.type.procedure
        ) or msg("new.none")
        raise UsageError(
            msg("new.no-procedure", procedure=request.procedure, procedures=procedures)
        )
    if not doc.type.procedure:
        raise UsageError(
            msg("new.not-a-procedure", procedure=wanted, type=doc.type.key)
        )
    return wanted


def _explicit_id(doc_id: str, doc_type: DocumentType, taken: dict[str, str], config: Config) -> str:
    match = ID_PATTERN.match(doc_id)
    prefix = config.prefix(doc_type)
    if match is None or match["prefix"] != prefix:
        raise UsageError(
            msg(
                "new.bad-id",
                id=doc_id,
                type=doc_type.key,
                example=f"{prefix}-01-01" if doc_type.record_form else f"{prefix}-01",
            )
        )
    if doc_id in taken:
        where = taken[doc_id]
        raise Refused(
            msg("new.id-taken", id=doc_id, where=where),
            where if "/" in where else None,
        )
    return doc_id


def _next_id(
    doc_type: DocumentType, procedure: str | None, taken: dict[str, str], config: Config
) -> str:
    prefix = config.prefix(doc_type)
    matches = [m for m in (ID_PATTERN.match(i) for i in taken) if m and m["prefix"] == prefix]
    if not doc_type.record_form:
        numbers = [int(m["num"]) for m in matches]
        return f"{prefix}-{max(numbers, default=0) + 1:02d}"
    if procedure is not None:
        proc = ID_PATTERN.match(procedure)
        assert proc is not None
        group = proc["num"]
        subs = [int(m["sub"]) for m in matches if m["sub"] and int(m["num"]) == int(group)]
        return f"{prefix}-{group}-{max(subs, default=0) + 1:02d}"
    groups = [int(m["num"]) for m in matches]
    return f"{prefix}-{max(groups, default=0) + 1:02d}-01"


def _people(
    request: NewRequest, doc_type: DocumentType, catalog: Catalog, config: Config
) -> tuple[str, tuple[str, ...]]:
    defaults = config.defaults_for(doc_type)
    owner = request.owner or defaults.owner
    approvers = request.approvers or defaults.approvers
    missing = [name for name, value in (("--owner", owner), ("--approvers", approvers)) if not value]
    if missing:
        raise UsageError(
            msg(
                "new.no-defaults",
                type=doc_type.key,
                missing=msg("new.both") if len(missing) > 1 else missing[0],
            )
        )
    assert owner is not None
    roles = catalog.roles
    if roles is not None:
        for name in (owner, *approvers):
            if not roles.knows(name):
                raise UsageError(
                    msg(
                        "new.unknown-name",
                        name=name,
                        roles_file=roles.path,
                        roles=tuple(r for r, _ in roles.roles),
                    )
                )
        for name in approvers:
            if not roles.holders(name):
                raise UsageError(msg("new.nobody", name=name, roles_file=roles.path))
    return owner, tuple(approvers)


def _folder(doc_type: DocumentType, catalog: Catalog, config: Config) -> str:
    """Where documents of this type already live, or the layout of ARCHITECTURE.md §2."""
    homes: Counter[str] = Counter()
    for doc in catalog.of_type(doc_type):
        home = posixpath.dirname(doc.folder) if doc.folder else posixpath.dirname(doc.path)
        if home:
            homes[home] += 1
    if homes:
        return sorted(homes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    folder = doc_type.folder or config.roots[0]
    root = folder.split("/")[0]
    if root in config.roots:
        return folder
    return config.roots[0]
