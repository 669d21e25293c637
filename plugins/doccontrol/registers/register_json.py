"""The document register as data: the JSON contract of ARCHITECTURE.md §9."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from doccontrol.model.documents import Document, ExternalDocument
from doccontrol.model.findings import Finding
from doccontrol.registers.rows import register_rows
from doccontrol.rules.control import ControlState, DocumentControl, Revision, SignOff, Withdrawal
from doccontrol.sources.catalog import Catalog


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def revision_dict(rev: Revision) -> dict[str, Any]:
    # One dictionary filled in order, the keys of sign_offs() among them: merging four
    # per revision cost a third of the register's output on a long history.
    data: dict[str, Any] = {"paper_label": rev.paper_label} if rev.paper_label else {}
    data["revision"] = rev.label
    data["commit"] = rev.commit
    issued = data["issued"] = _day(rev.issued)
    data["effective"] = _day(rev.effective)
    data["approvers"] = list(rev.approvers)
    data["authors"] = list(rev.authors)
    data["summary"] = rev.summary
    data["prepared"] = _people(rev.prepared)
    data["reviewed"] = _people(rev.reviewed)
    data["approved"] = [{"name": name, "date": issued} for name in rev.approvers]
    signature = _signature(rev)
    if signature:
        data.update(signature)
    return data


def _people(signed: tuple[SignOff, ...]) -> list[dict[str, Any]]:
    return [{"name": s.name, "date": _day(s.on)} for s in signed]


def sign_offs(rev: Revision | None) -> dict[str, Any]:
    """编制/审核/批准 of a revision: ``prepared``, ``reviewed``, ``approved`` as {name, date}."""
    if rev is None:
        return {"prepared": [], "reviewed": [], "approved": []}
    return {
        "prepared": _people(rev.prepared),
        "reviewed": _people(rev.reviewed),
        "approved": _people(rev.approved),
    }


def _pending_revision(rev: Revision | None) -> dict[str, Any] | None:
    """The revision approved and waiting for its effective date, beside the one in force."""
    if rev is None:
        return None
    return {"revision": rev.label, "approved": _day(rev.issued), "effective": _day(rev.effective)}


def _withdrawal(withdrawal: Withdrawal | None) -> dict[str, Any] | None:
    if withdrawal is None:
        return None
    return {
        "date": _day(withdrawal.on),
        "last_revision": withdrawal.last_revision,
        "approvers": list(withdrawal.approvers),
        "reason": withdrawal.reason,
        "commit": withdrawal.commit,
        "replaced_by": withdrawal.replaced_by,
    }


def external_dict(ext: ExternalDocument) -> dict[str, Any]:
    """One entry of the 外来文件清单: ``status`` is ``valid`` (有效) or ``superseded`` (已替代)."""
    return {
        "id": ext.id,
        "title": ext.title,
        "number": ext.number,
        "version": ext.version,
        "source": ext.source,
        "holder": ext.holder,
        "status": "superseded" if ext.superseded else "valid",
        "checked": _day(ext.checked),
    }


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


def document_dict(ctl: DocumentControl, doc: Document | None = None) -> dict[str, Any]:
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
        "pending_revision": _pending_revision(ctl.pending),
        "reviewers": list(ctl.reviewers),
        **sign_offs(current),
        "withdrawal": _withdrawal(ctl.withdrawal),
        "history": [revision_dict(r) for r in ctl.revisions],
    } | _register_fields(doc)


def _register_fields(doc: Document | None) -> dict[str, Any]:
    """What the 受控文件清单 and 记录清单 show beside the control state (issue 15)."""
    if doc is None:
        return {}
    fields: dict[str, Any] = {"owner": doc.owner, "distribution": list(doc.distribution)}
    if doc.retention is not None or doc.storage is not None:  # a record form
        fields |= {
            "keeper": doc.keeper or doc.owner,
            "medium": [m.value for m in doc.medium],
            "disposal": doc.disposal,
        }
    return fields


def register_data(
    as_of: date,
    control: ControlState | None,
    approved: Catalog,
    worktree: Catalog,
    findings: Sequence[Finding],
    language: str = "en",
) -> dict[str, Any]:
    """Every document, approved or draft, with its status as of ``as_of``.

    The rows are the same ones the site's register page lists. Keys and codes
    are English; each finding's ``message`` is in ``language``.
    """
    rows = register_rows(control, approved, worktree)
    return {
        "as_of": as_of.isoformat(),
        "commit": control.commit if control else None,
        "documents": [document_dict(row.control, row.document) for row in rows],
        "external": [external_dict(e) for e in approved.external],
        "findings": [f.as_dict(language) for f in findings],
    }
