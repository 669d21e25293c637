"""The register's rows: every document with its control state, drafts included (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from doccontrol.model.documents import Document
from doccontrol.rules.control import ControlState, DocumentControl, Status
from doccontrol.sources.catalog import Catalog


@dataclass(frozen=True)
class RegisterRow:
    """A document as the registers list it: its control state and, where known, its text."""

    control: DocumentControl
    document: Document | None  # the approved text (or the working tree's, for drafts)

    #: The document type's level (the registers' order); 99 for a type history knows
    #: and the configuration no longer does.
    level: int = 99


def register_rows(
    control: ControlState | None, approved: Catalog, worktree: Catalog
) -> tuple[RegisterRow, ...]:
    """History's documents and those only on disk (drafts), by level (then the types'
    listed order), then by id."""
    rows: dict[str, RegisterRow] = {}
    if control is not None:
        for ctl in control.documents:
            doc = approved.get(ctl.id) or worktree.get(ctl.id)
            rows[ctl.id] = RegisterRow(ctl, doc, _level(ctl.type, approved))
    for doc in worktree.documents:
        if doc.id not in rows:
            rows[doc.id] = RegisterRow(draft_control(doc), doc, doc.type.level)
    # Types sharing a level (手册 and the 规范) keep the order the types are listed in.
    types = approved.types

    def order(row: RegisterRow) -> tuple[int, int, str]:
        doc_type = types.get(row.control.type)
        return row.level, types.order(doc_type) if doc_type else len(types.types), row.control.id

    return tuple(sorted(rows.values(), key=order))


def _level(key: str, catalog: Catalog) -> int:
    doc_type = catalog.types.get(key)
    return doc_type.level if doc_type is not None else 99


def draft_control(doc: Document) -> DocumentControl:
    """The control state of a document git has never seen approved."""
    return DocumentControl(
        id=doc.id,
        title=doc.title,
        type=doc.type.key,
        path=doc.path,
        approvers=doc.approvers,
        status=Status.DRAFT,
        revisions=(),
        current=None,
        pending=None,
        reviews=(),
        review_due=None,
        review_overdue=False,
        unapproved=(),
    )
