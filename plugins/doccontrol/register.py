"""The document register as data: the JSON contract of DESIGN §9."""

from __future__ import annotations

from datetime import date
from typing import Any

from .control import DocumentControl, Revision, Status
from .project import Project


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def revision_dict(rev: Revision) -> dict[str, Any]:
    return {
        "revision": rev.label,
        "commit": rev.commit,
        "issued": _day(rev.issued),
        "effective": _day(rev.effective),
        "approvers": list(rev.approvers),
        "authors": list(rev.authors),
        "summary": rev.summary,
    }


def document_dict(ctl: DocumentControl) -> dict[str, Any]:
    current = ctl.current
    return {
        "id": ctl.id,
        "title": ctl.title,
        "type": ctl.type,
        "path": ctl.path,
        "status": ctl.status.value,
        "revision": current.label if current else None,
        "issued": _day(current.issued) if current else None,
        "effective": _day(current.effective) if current else None,
        "approvers": list(current.approvers) if current else [],
        "review_due": _day(ctl.review_due),
        "review_overdue": ctl.review_overdue,
        "unapproved_change": ctl.unapproved_change,
        "pending": revision_dict(ctl.pending) if ctl.pending else None,
        "history": [revision_dict(r) for r in ctl.revisions],
    }


def register(project: Project) -> dict[str, Any]:
    """Every document, approved or draft, with its status as of the project's date."""
    documents: dict[str, dict[str, Any]] = {}
    if project.control is not None:
        for ctl in project.control.documents:
            documents[ctl.id] = document_dict(ctl)
    for doc in project.worktree.documents:
        if doc.id not in documents:
            # On disk but never on the release branch: a draft.
            documents[doc.id] = {
                "id": doc.id,
                "title": doc.title,
                "type": doc.type.value,
                "path": doc.path,
                "status": Status.DRAFT.value,
                "revision": None,
                "issued": None,
                "effective": None,
                "approvers": [],
                "review_due": None,
                "review_overdue": False,
                "unapproved_change": False,
                "pending": None,
                "history": [],
            }
    return {
        "as_of": project.as_of.isoformat(),
        "commit": project.control.commit if project.control else None,
        "documents": [documents[k] for k in sorted(documents)],
        "findings": [f.as_dict() for f in project.findings],
    }
