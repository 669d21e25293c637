"""Rules across documents: unique ids, known people, references that resolve, clauses."""

from __future__ import annotations

from collections.abc import Sequence

from doccontrol.model.documents import Document, ExternalDocument, Roles, Standard
from doccontrol.model.findings import Finding, error, warning
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
                        f"{key} '{name}' is not a role or department in {roles.path}; "
                        "use one of: " + ", ".join(known),
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
                    f"id {doc.id} is already used by {other.path}:{other.line_of('id')}; "
                    "give each document its own id",
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
                    f"external id {ext.id} is also a document id ({first[ext.id].path})",
                )
            )

    def known_ids() -> str:
        return "check the id, or add the document"

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
                        f"owner '{doc.owner}' is neither a role nor a person in {roles.path}; "
                        "use one of: " + ", ".join(r for r, _ in roles.roles),
                    )
                )
            for name in doc.approvers:
                if not roles.knows(name):
                    findings.append(
                        error(
                            doc.path,
                            doc.line_of("approvers"),
                            "unknown-approver",
                            f"approver '{name}' is neither a role nor a person in {roles.path}; "
                            "use one of: " + ", ".join(r for r, _ in roles.roles),
                        )
                    )
                elif not roles.holders(name):
                    findings.append(
                        error(
                            doc.path,
                            doc.line_of("approvers"),
                            "empty-role",
                            f"approver role '{name}' has nobody in {roles.path}, so no one "
                            "could approve this document; add a person to the role",
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
                            f"reviewer '{name}' is neither a role nor a person in {roles.path}; "
                            "use one of: " + ", ".join(r for r, _ in roles.roles),
                        )
                    )
        if doc.replaced_by is not None and doc.replaced_by not in first:
            findings.append(
                error(
                    doc.path,
                    doc.line_of("replaced_by"),
                    "dangling-replacement",
                    f"replaced_by names {doc.replaced_by}, but no document has that id; "
                    "name the id of the document that replaces this one, or remove the line",
                )
            )
        for ref in doc.references:
            if not resolves(ref):
                findings.append(
                    error(
                        doc.path,
                        doc.line_of("references"),
                        "dangling-reference",
                        f"references lists {ref}, which is neither a document nor an external "
                        f"document in {config.external}; {known_ids()}",
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
                        f"records lists {rec}, but there is no record form with that id; "
                        "add the form (type: record-form) or fix the id",
                    )
                )
            elif not target.type.record_form:
                findings.append(
                    error(
                        doc.path,
                        doc.line_of("records"),
                        "not-a-record-form",
                        f"records lists {rec}, which is a {target.type.key} ({target.path}), "
                        "not a record form: list only record forms (type: record-form) under "
                        f"'records', and name {rec} under 'references' instead",
                    )
                )
        for number in doc.clauses:
            if standard is None:
                findings.append(
                    error(
                        doc.path,
                        doc.line_of("clauses"),
                        "unknown-clause",
                        f"clauses lists {number}, but the clause list {config.clauses} is missing",
                    )
                )
                break
            if resolve_clause(standard, number) is None:
                findings.append(
                    error(
                        doc.path,
                        doc.line_of("clauses"),
                        "unknown-clause",
                        f"clause {number} is not in {config.clauses}; use a clause number "
                        f"listed there, e.g. {standard.clauses[0].number if standard.clauses else '4.1'}",
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
                            f"[[{use.target}]] links to no document or external document; "
                            f"{known_ids()}",
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
            f"clause {clause.number} ({clause.title}) asks for a documented procedure, "
            "but no procedure lists it under 'clauses'",
        )
        for clause in standard.clauses
        if clause.needs_procedure and clause.number not in covered
    ]
