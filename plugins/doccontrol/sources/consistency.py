"""Rules across documents: unique ids, known people, references that resolve, clauses."""

from __future__ import annotations

from collections.abc import Sequence

from doccontrol.model.documents import Document, ExternalDocument, Roles, Standard
from doccontrol.model.findings import Finding, error, warning
from doccontrol.model.messages import Message, msg
from doccontrol.sources.clause_sets import resolve_clause
from doccontrol.sources.config import Config
from doccontrol.sources.links import find_links


def _receivers(doc: Document, roles: Roles) -> list[Finding]:
    """发放范围 and 保管部门 name roles or departments of roles.yml, never a person or a typo."""
    known = [r for r, _ in roles.roles]
    found = []
    for key, names in (
        ("distribution", doc.distribution),
        ("keeper", (doc.keeper,) if doc.keeper else ()),
    ):
        for name in names:
            if name not in known:
                found.append(
                    error(
                        doc.path,
                        doc.line_of(key),
                        f"unknown-{key}",
                        msg(f"unknown-{key}", name=name, roles=roles.path, known=", ".join(known)),
                    )
                )
    return found


def check_consistency(
    documents: Sequence[Document],
    roles: Roles | None,
    external: Sequence[ExternalDocument],
    standard: Standard | None,
    config: Config,
    unusable_ids: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Findings across documents.

    ``unusable_ids`` are ids of documents whose front matter names an id but has
    errors of its own: those errors are reported where they are, so references
    to such a document are not reported again as dangling.
    """
    findings: list[Finding] = []
    first: dict[str, Document] = {}
    for doc in documents:
        if doc.id in first:
            other = first[doc.id]
            findings.append(
                error(
                    doc.path,
                    doc.line_of("id"),
                    "duplicate-id",
                    msg("duplicate-id", id=doc.id, other=f"{other.path}:{other.line_of('id')}"),
                )
            )
        else:
            first[doc.id] = doc
    external_ids = {e.id for e in external}
    for ext in external:
        if ext.id in first:
            findings.append(
                error(
                    config.external,
                    ext.line,
                    "duplicate-id",
                    msg("duplicate-id.external", id=ext.id, other=first[ext.id].path),
                )
            )

    def known_ids() -> Message:
        return msg("dangling.fix")

    def resolves(target: str) -> bool:
        return target in first or target in external_ids or target in unusable_ids

    for doc in documents:
        if roles is not None:
            findings.extend(_receivers(doc, roles))
            if not roles.knows(doc.owner):
                findings.append(
                    error(
                        doc.path,
                        doc.line_of("owner"),
                        "unknown-owner",
                        msg("unknown-owner", name=doc.owner, roles=roles.path,
                            known=", ".join(r for r, _ in roles.roles)),
                    )
                )
            for name in doc.approvers:
                if not roles.knows(name):
                    findings.append(
                        error(
                            doc.path,
                            doc.line_of("approvers"),
                            "unknown-approver",
                            msg("unknown-approver", name=name, roles=roles.path,
                                known=", ".join(r for r, _ in roles.roles)),
                        )
                    )
                elif not roles.holders(name):
                    findings.append(
                        error(
                            doc.path,
                            doc.line_of("approvers"),
                            "empty-role",
                            msg("empty-role", name=name, roles=roles.path),
                        )
                    )
        if roles is not None:
            for name in doc.reviewers:
                if not roles.knows(name):
                    findings.append(
                        error(
                            doc.path,
                            doc.line_of("reviewers"),
                            "unknown-reviewer",
                            msg("unknown-reviewer", name=name, roles=roles.path,
                                known=", ".join(r for r, _ in roles.roles)),
                        )
                    )
        if doc.replaced_by is not None and doc.replaced_by not in first:
            findings.append(
                error(
                    doc.path,
                    doc.line_of("replaced_by"),
                    "dangling-replacement",
                    msg("dangling-replacement", id=doc.replaced_by),
                )
            )
        for ref in doc.references:
            if not resolves(ref):
                findings.append(
                    error(
                        doc.path,
                        doc.line_of("references"),
                        "dangling-reference",
                        msg("dangling-reference", id=ref, external=config.external, fix=known_ids()),
                    )
                )
        for rec in doc.records:
            target = first.get(rec)
            if target is None and rec in unusable_ids:
                continue
            if target is None:
                findings.append(
                    error(
                        doc.path,
                        doc.line_of("records"),
                        "dangling-record",
                        msg("dangling-record", id=rec),
                    )
                )
            elif not target.type.record_form:
                findings.append(
                    error(
                        doc.path,
                        doc.line_of("records"),
                        "not-a-record-form",
                        msg("not-a-record-form", id=rec, type=target.type.key, path=target.path),
                    )
                )
        for number in doc.clauses:
            if standard is None:
                findings.append(
                    error(
                        doc.path,
                        doc.line_of("clauses"),
                        "unknown-clause",
                        msg("unknown-clause.no-list", number=number, clauses=config.clauses),
                    )
                )
                break
            if resolve_clause(standard, number) is None:
                findings.append(
                    error(
                        doc.path,
                        doc.line_of("clauses"),
                        "unknown-clause",
                        msg("unknown-clause", number=number, clauses=config.clauses,
                            example=standard.clauses[0].number if standard.clauses else "4.1"),
                    )
                )
        for chapter_path, body, body_line in (
            (doc.path, doc.body, doc.body_line),
            *((c.path, c.body, c.body_line) for c in doc.chapters),
        ):
            for use in find_links(chapter_path, body, body_line):
                if not resolves(use.target):
                    findings.append(
                        error(
                            use.path,
                            use.line,
                            "dangling-link",
                            msg("dangling-link", target=use.target, fix=known_ids()),
                        )
                    )

    if standard is not None:
        findings.extend(_coverage_gaps(documents, standard, config))
    return findings


def _coverage_gaps(
    documents: Sequence[Document], standard: Standard, config: Config
) -> list[Finding]:
    covered = {
        clause.number
        for doc in documents
        if doc.type.procedure and not doc.withdrawn
        for number in doc.clauses
        if (clause := resolve_clause(standard, number)) is not None
    }
    return [
        warning(
            config.clauses,
            clause.line,
            "clause-gap",
            msg("clause-gap", number=clause.number, title=clause.title),
        )
        for clause in standard.clauses
        if clause.needs_procedure and clause.number not in covered
    ]
