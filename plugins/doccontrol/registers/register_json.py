"""The document register as data: the JSON contract of ARCHITECTURE.md §9."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from doccontrol.model.findings import Finding
from doccontrol.registers.rows import register_rows
from doccontrol.rules.control import ControlState, DocumentControl, Revision
from doccontrol.sources.catalog import Catalog


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def revision_dict(rev: Revision) -> dict[str, Any]:
    paper = {"paper_label": rev.paper_label} if rev.paper_label else {}
    return paper | {
        "revision": rev.label,
        "commit": rev.commit,
        "issued": _day(rev.issued),
        "effective": _day(rev.effective),
        "approvers": list(rev.approvers),
        "authors": list(rev.authors),
        "summary": rev.summary,
    } | _signature(rev)


def _signature(rev: Revision) -> dict[str, Any]:
    """Whether every counted approval was signature-verified, and by which keys: only
    where the config checks signatures (issue 17)."""
    keys = [g.key for g in rev.grounds if g.key is not None]
    if not keys:
        return {}
    return {
        "signature_verified": all(keys) and len(keys) == len(rev.grounds),
        "signature_keys": [k for k in dict.fromkeys(keys) if k],
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


def register_data(
    as_of: date,
    control: ControlState | None,
    approved: Catalog,
    worktree: Catalog,
    findings: Sequence[Finding],
) -> dict[str, Any]:
    """Every document, approved or draft, with its status as of ``as_of``.

    The rows are the same ones the site's register page lists.
    """
    rows = register_rows(control, approved, worktree)
    return {
        "as_of": as_of.isoformat(),
        "commit": control.commit if control else None,
        "documents": [document_dict(row.control) for row in rows],
        "findings": [f.as_dict() for f in findings],
    }
