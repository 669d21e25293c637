"""Pages the plugin generates, and the parts it adds to each controlled page (pure).

Every function takes typed values and returns Markdown (with HTML tables, so that
they need no Markdown extension in the organisation's mkdocs.yml).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from html import escape

from doccontrol.model.documents import Document, DocumentTypes, Standard
from doccontrol.registers.rows import RegisterRow
from doccontrol.rendering.control_block import signature_mark, signed_html
from doccontrol.rendering.labels import names, section_of
from doccontrol.rules.control import DocumentControl, Status
from doccontrol.site.urls import redline_href, relative_url
from doccontrol.sources.catalog import Catalog
from doccontrol.sources.links import find_links

REGISTER_PAGES = (
    "register.md",
    "records-register.md",
    "external.md",
    "archive.md",
    "coverage.md",
    "roles.md",
)


def words(language: str) -> Mapping[str, str]:
    """The site's labels (rendering.labels, section ``site``)."""
    return section_of(language, "site")


def _type_label(value: str, types: DocumentTypes, language: str) -> str:
    doc_type = types.get(value)
    return doc_type.label(language) if doc_type is not None else value


def _day(value: date | None) -> str:
    return value.isoformat() if value else "—"


def scroll_wrap(table: str) -> str:
    """A table in Material's scroll wrapper, which the theme adds only to class-less tables.

    On a narrow screen the wrapper scrolls sideways and the page keeps the viewport's width.
    """
    return (
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
        f"{table.rstrip()}</div></div>\n"
    )


def _table(css: str, headers: Sequence[str], rows: Sequence[str], table_id: str = "") -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    ident = f' id="{table_id}"' if table_id else ""
    return scroll_wrap(
        f'<table class="{css}"{ident}><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


@dataclass(frozen=True)
class SiteModel:
    """What the generated pages draw on."""

    rows: tuple[RegisterRow, ...]
    catalog: Catalog
    shown: frozenset[str]  # paths that have a page in this build
    language: str
    directory_urls: bool = True

    @cached_property
    def _rows_by_id(self) -> dict[str, RegisterRow]:
        # Every page links ids; a scan of all rows per link grew with the square of a
        # large organisation's documents.
        by_id: dict[str, RegisterRow] = {}
        for row in self.rows:
            by_id.setdefault(row.control.id, row)
        return by_id

    def page_of(self, doc_id: str) -> str | None:
        row = self._rows_by_id.get(doc_id)
        if row and row.document and row.document.path in self.shown:
            return row.document.path
        return None

    def link(self, from_page: str, doc_id: str) -> str:
        """The id, linked to its page when the build has one."""
        target = self.page_of(doc_id)
        if target is None:
            return escape(doc_id)
        return f'<a href="{escape(relative_url(from_page, target, self.directory_urls))}">{escape(doc_id)}</a>'


@dataclass(frozen=True)
class FormStats:
    """How many filled records a form has, and the oldest and newest of them."""

    count: int
    oldest: date | None
    newest: date | None


def coverage_page(model: SiteModel, standard: Standard | None) -> str:
    w = words(model.language)
    page = "coverage.md"
    if standard is None:
        return f"# {w['coverage']}\n\n{w['none']}\n"
    live = [
        r
        for r in model.rows
        if r.document is not None and r.control.status in (Status.CURRENT, Status.PENDING)
    ]
    rows = []
    for clause in standard.clauses:
        docs = [r for r in live if r.document and clause.number in r.document.clauses]
        has_procedure = any(r.document and r.document.type.procedure for r in docs)
        gap = clause.needs_procedure and not has_procedure
        needs = " ".join(
            f'<span class="dc-need">{escape(w[k])}</span>'
            for k, on in (("dp", clause.needs_procedure), ("rec", clause.needs_records))
            if on
        )
        links = names([model.link(page, r.control.id) for r in docs], model.language)
        if gap:
            links = (
                links + " " if links else ""
            ) + f'<span class="dc-gap-mark">{escape(w["gap"])}</span>'
        rows.append(
            f'<tr class="{"dc-gap" if gap else "dc-covered"}" '
            f'data-clause="{escape(clause.number)}">'
            f"<td>{escape(clause.number)}</td><td>{escape(clause.title)}</td><td>{needs}</td>"
            f"<td>{links or '—'}</td></tr>"
        )
    keys = ("clause", "title", "needs", "documents")
    return (
        f"# {w['coverage']}\n\n{w['intro_coverage']}\n\n"
        f"**{escape(standard.name)} {escape(standard.title)}**\n\n"
        + _table("dc-coverage", [w[k] for k in keys], rows)
    )


def where_used(catalog: Catalog) -> Mapping[str, tuple[str, ...]]:
    """For each id, the documents that reference it (``references`` or ``[[ID]]`` in the text)."""
    used: dict[str, list[str]] = {}
    for doc in catalog.documents:
        targets = set(doc.references)
        for path, body, line in (
            (doc.path, doc.body, doc.body_line),
            *((c.path, c.body, c.body_line) for c in doc.chapters),
        ):
            targets.update(use.target for use in find_links(path, body, line))
        for target in targets:
            if target != doc.id:
                used.setdefault(target, []).append(doc.id)
    return {k: tuple(sorted(v)) for k, v in used.items()}


def document_footer(
    doc: Document,
    ctl: DocumentControl | None,
    model: SiteModel,
    used_by: Sequence[str],
    pr_links: Mapping[str, str],
) -> str:
    """Where used, records produced, and the revision history (修订记录) table."""
    w = words(model.language)
    colon = section_of(model.language, "common")["colon"]
    page = doc.path
    parts = ["\n---\n"]
    if used_by:
        links = names([model.link(page, i) for i in used_by], model.language)
        parts.append(
            f'<p class="dc-where-used"><strong>{escape(w["where_used"])}</strong>{colon}{links}</p>\n'
        )
    if doc.records:
        links = names([model.link(page, i) for i in doc.records], model.language)
        parts.append(
            f'<p class="dc-produces"><strong>{escape(w["produces"])}</strong>{colon}{links}</p>\n'
        )
    if ctl is not None and ctl.revisions:
        rows = []
        for rev in reversed(ctl.revisions):
            summary = escape(rev.summary)
            if rev.commit in pr_links:
                summary = f'<a href="{escape(pr_links[rev.commit])}">{summary}</a>'
            pending = (
                f' <span class="dc-pending">{escape(w["pending"])}</span>'
                if rev is ctl.pending
                else ""
            )
            redline = ""
            if rev is not ctl.revisions[0]:
                href = redline_href(page, rev.label, model.directory_urls)
                redline = (
                    f'<a class="dc-redline-link" href="{escape(href)}">{escape(w["compare"])}</a>'
                )
            prepared = signed_html(rev.prepared, model.language) or escape(
                names(rev.authors, model.language) or "—"
            )
            rows.append(
                f"<tr><td>{escape(rev.label)}{pending}</td><td>{rev.issued}</td>"
                f"<td>{rev.effective}</td>"
                f"<td>{prepared}</td>"
                f"<td>{signed_html(rev.reviewed, model.language) or '—'}</td>"
                f"<td>{signed_html(rev.approved, model.language)}"
                f"{escape(signature_mark(rev, model.language))}</td>"
                f'<td>{summary}</td><td><code title="{rev.commit}">{rev.commit[:8]}</code></td>'
                f"<td>{redline}</td></tr>"
            )
        keys = ("revision", "issued", "effective", "owner", "reviewed", "approvers", "summary")
        parts.append(
            f"\n## {w['history']}\n\n"
            + _table("dc-history", [*(w[k] for k in keys), w["change_id"], w["changes"]], rows)
        )
    return "".join(parts)
