"""What an edition of a date holds, and why one cannot be made (pure).

An edition for date D prints every document current on D, at its current revision,
as git says it was approved; it tags the last commit of the release branch on or
before D. It is refused when, as of D, main held an error finding (an unapproved
change among them): the findings of the history replay as of D and of the
controlled files of main at that commit. The working tree plays no part, so an
edition is the same whoever makes it, wherever, from whatever checkout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from doccontrol.edition.sandbox import Piece
from doccontrol.model.documents import (
    Document,
    DocumentType,
    ExternalDocument,
    Retention,
    Roles,
    SourceFile,
)
from doccontrol.model.findings import Finding, error, sort_findings
from doccontrol.model.history import History
from doccontrol.model.messages import Message, msg
from doccontrol.rules.control import DocumentControl, Revision, SignOff, Status
from doccontrol.sources.catalog import Catalog, build_catalog
from doccontrol.sources.config import Config

if TYPE_CHECKING:  # the project is loaded by the shell; the plan only reads it
    from doccontrol.project.load import Project


@dataclass(frozen=True)
class RevisionRow:
    """One line of a document's revision history (修订记录)."""

    revision: str
    issued: date
    effective: date
    approvers: tuple[str, ...]
    summary: str
    commit: str
    prepared: tuple[SignOff, ...] = ()  # 编制: authors with the date of their last commit
    reviewed: tuple[SignOff, ...] = ()  # 审核: reviewers with the date of their sign-off
    approved: tuple[SignOff, ...] = ()  # 批准: approvers with the issue date


@dataclass(frozen=True)
class EditionDocument:
    """A document as an edition prints it: its current revision and that revision's text."""

    id: str
    title: str
    type: DocumentType
    path: str
    owner: str
    approvers: tuple[str, ...]
    revision: str
    issued: date
    effective: date
    commit: str
    files: tuple[tuple[str, str], ...]  # (path, blob) of every file of the revision
    pieces: tuple[Piece, ...]
    history: tuple[RevisionRow, ...]
    pending: RevisionRow | None = None
    # Keys whose signatures verified the revision's approvals (issue 17); an empty
    # string stands for an approval that did not verify; None when not checked.
    signature_keys: tuple[str, ...] | None = None
    # A record form's retention (as 记录清单 prints it) and where its filled records are kept.
    retention: Retention | None = None
    storage: str = ""


@dataclass(frozen=True)
class EditionPlan:
    """Everything an edition prints, decided from git history as of its date."""

    organisation: str
    date: date
    commit: str
    committed: datetime
    documents: tuple[EditionDocument, ...]
    roles: Roles | None
    external: tuple[ExternalDocument, ...]
    titles: tuple[tuple[str, str], ...]  # id -> title of every document history knows
    withdrawn: frozenset[str]
    baseline: str = ""  # the commit of doccontrol/baseline the edition was judged from
    language: str = "zh"  # theme.language of mkdocs.yml: the language of the printed labels

    def get(self, doc_id: str) -> EditionDocument | None:
        return next((d for d in self.documents if d.id == doc_id), None)


def _row(rev: Revision) -> RevisionRow:
    return RevisionRow(
        rev.label,
        rev.issued,
        rev.effective,
        rev.approvers,
        rev.summary,
        rev.commit,
        prepared=rev.prepared,
        reviewed=rev.reviewed,
        approved=rev.approved,
    )


def main_catalog(history: History, files: tuple[tuple[str, str], ...], config: Config) -> Catalog:
    """The controlled files of the release branch at the edition's commit, checked."""
    sources = [SourceFile(path, history.blobs[blob]) for path, blob in files if blob in history.blobs]
    return build_catalog(sources, config)


def refusals(project: Project) -> list[Finding]:
    """The error findings that stop an edition of ``project.as_of``."""
    control, history = project.control, project.history
    if control is None or history is None:
        return [f for f in project.findings if f.is_error] or [
            error(".git", 1, "not-a-repository", msg("not-a-repository.edition"))
        ]
    if not control.commit:
        return [
            error(
                ".git",
                1,
                "edition-no-commit",
                msg("edition-no-commit", branch=project.config.branch, date=str(project.as_of)),
            )
        ]
    found = [f for f in control.findings if f.is_error]
    found += [f for f in main_catalog(history, control.files, project.config).findings if f.is_error]
    for ctl in control.documents:
        # An acknowledged unapproved change is a warning now, and no longer refuses.
        if ctl.unapproved_change and not any(
            f.code == "unapproved-change" and f.path == ctl.path for f in control.findings
        ):
            change = ctl.unapproved[-1]
            found.append(
                error(
                    ctl.path,
                    1,
                    "unapproved-change",
                    msg("unapproved-change.edition", commit=change.commit[:8], author=change.author,
                        date=str(change.date), id=ctl.id, reason=change.reason),
                )
            )
    return sort_findings(found)


def _pieces(doc: Document) -> tuple[Piece, ...]:
    return (
        Piece(doc.path, doc.body, doc.body_line),
        *(Piece(c.path, c.body, c.body_line) for c in doc.chapters),
    )


def edition_document(ctl: DocumentControl, doc: Document) -> EditionDocument:
    """A document at its current revision, with the history up to that revision."""
    current = ctl.current
    assert current is not None
    index = ctl.revisions.index(current)
    return EditionDocument(
        id=doc.id,
        title=doc.title,
        type=doc.type,
        path=doc.path,
        owner=doc.owner,
        approvers=current.approvers,
        revision=current.label,
        issued=current.issued,
        effective=current.effective,
        commit=current.commit,
        files=current.files,
        pieces=_pieces(doc),
        history=tuple(_row(r) for r in ctl.revisions[: index + 1]),
        pending=_row(ctl.pending) if ctl.pending is not None else None,
        signature_keys=(
            tuple(g.key for g in current.grounds if g.key is not None)
            if any(g.key is not None for g in current.grounds)
            else None
        ),
        retention=doc.retention,
        storage=doc.storage or "",
    )


def proposed_document(doc: Document, ctl: DocumentControl | None, day: date) -> EditionDocument:
    """A working-tree document as it would print once approved (``check --print``).

    Its text is the proposal's; the revision history is the one git has so far (none
    for a draft), since the control block takes about as much room either way.
    """
    if ctl is not None and ctl.current is not None:
        return edition_document(ctl, doc)
    return EditionDocument(
        id=doc.id,
        title=doc.title,
        type=doc.type,
        path=doc.path,
        owner=doc.owner,
        approvers=doc.approvers,
        revision="",
        issued=day,
        effective=day,
        commit="",
        files=(),
        pieces=_pieces(doc),
        history=(),
        retention=doc.retention,
        storage=doc.storage or "",
    )


def in_edition(ctl: DocumentControl) -> bool:
    return ctl.status in (Status.CURRENT, Status.PENDING) and ctl.current is not None


def plan_edition(project: Project, organisation: str) -> tuple[EditionPlan | None, list[Finding]]:
    """The edition of ``project.as_of``, or the findings that refuse it."""
    refused = refusals(project)
    if refused:
        return None, refused
    control, history = project.control, project.history
    assert control is not None and history is not None
    committed = next(e.committed for e in history.events if e.commit == control.commit)
    catalog = project.approved
    documents: list[EditionDocument] = []
    problems: list[Finding] = []
    for ctl in control.documents:
        if not in_edition(ctl):
            continue
        current = ctl.current
        assert current is not None
        doc = catalog.get(ctl.id)
        if doc is None or doc.path != current.path:
            problems.append(
                error(
                    current.path,
                    1,
                    "edition-text",
                    msg("edition-text", id=ctl.id, label=current.label, commit=current.commit[:8]),
                )
            )
            continue
        documents.append(edition_document(ctl, doc))
    documents.sort(key=lambda d: (project.config.types.order(d.type), d.id))
    if problems:
        return None, problems
    if not documents:
        return None, [
            error(
                ".git",
                1,
                "edition-empty",
                msg("edition-empty", date=str(project.as_of)),
            )
        ]
    titles = tuple(sorted({c.id: c.title for c in control.documents}.items()))
    withdrawn = frozenset(c.id for c in control.documents if c.status is Status.WITHDRAWN)
    return (
        EditionPlan(
            organisation=organisation,
            date=project.as_of,
            commit=control.commit,
            committed=committed,
            documents=tuple(documents),
            roles=catalog.roles,
            external=catalog.external,
            titles=titles,
            withdrawn=withdrawn,
            baseline=history.baseline.commit if history.baseline else "",
            language=project.config.language,
        ),
        [],
    )


def several(problems: Sequence[Message]) -> Message:
    """Problems that stop an edition, the first and then each further one on a line of its own."""
    text = problems[-1]
    for problem in reversed(problems[:-1]):
        text = msg("edition.and", first=problem, next=text)
    return text
