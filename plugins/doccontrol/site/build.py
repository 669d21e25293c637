"""Every page the plugin adds to a site, computed from a loaded project (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from doccontrol.model.documents import Document
from doccontrol.registers.rows import register_rows
from doccontrol.registers.table import headers, register_lines
from doccontrol.registers.withdrawals import withdrawals
from doccontrol.rendering.control_block import (
    PageContext,
    admonition,
    banners,
    control_table,
    labels,
)
from doccontrol.rendering.masking import BUILT_IN, extra_patterns
from doccontrol.rendering.page_text import chapter_page, document_page
from doccontrol.rules.control import Status
from doccontrol.site.forge import pull_request_url
from doccontrol.site.nav import level_documents
from doccontrol.site.pages import (
    FormStats,
    SiteModel,
    coverage_page,
    document_footer,
    scroll_wrap,
    where_used,
    words,
)
from doccontrol.site.record_pages import (
    RecordPage,
    form_records_section,
    record_page,
    record_pages,
)
from doccontrol.site.register_pages import (
    archive_page,
    external_page,
    records_register_page,
    register_page,
    roles_page,
)
from doccontrol.site.start import REGISTERS, level_page, levels, registers_page, start_blocks
from doccontrol.sources.catalog import Catalog

if TYPE_CHECKING:  # the project is loaded by the shell; the pages only read it
    from doccontrol.project.load import Project


REGISTER_META = "---\nhide:\n  - toc\n---\n\n"
EDITIONS_PAGE = "editions.md"  # written by the plugin (edition.site) unless the site has one


@dataclass(frozen=True)
class SitePages:
    """Generated pages by source path, and what the navigation should show."""

    pages: dict[str, str]
    documents: tuple[Document, ...]  # in the navigation
    registers: tuple[tuple[str, str], ...]  # (title, page) for the registers section
    start: str = ""  # what the start page adds: what is new, what is due, the registers
    records: tuple[RecordPage, ...] = ()  # filed records with a page of their own
    # The 受控文件清单 as text (headers, rows), for the CSV and XLSX downloads.
    register: tuple[tuple[str, ...], tuple[tuple[str, ...], ...]] = ((), ())


def build_pages(
    project: Project, preview: bool, language: str, today: date, directory_urls: bool = True
) -> SitePages:
    catalog = project.site_catalog(preview)
    control = project.control
    ctx = PageContext(preview, project.as_of, today, language, project.config)
    as_of_banner = ""
    if project.as_of != today:
        as_of_banner = admonition("note", labels(language)["as_of"].format(date=project.as_of))

    shown: list[Document] = []
    withdrawn: set[str] = set()
    for doc in catalog.documents:
        ctl = control.get(doc.id) if control else None
        unreleased = ctl is None or (ctl.current is None and ctl.status is not Status.WITHDRAWN)
        if not preview and control is not None and unreleased:
            continue  # never approved, or not yet in force: nothing for staff to read
        if doc.withdrawn or (ctl is not None and ctl.status is Status.WITHDRAWN):
            withdrawn.add(doc.id)
        shown.append(doc)

    rows = register_rows(control, project.approved, project.worktree)
    shown_paths = frozenset(p for d in shown for p in d.paths)
    model = SiteModel(rows, catalog, shown_paths, language, directory_urls)
    notes = {
        r.control.id: (
            words(language)["obsolete"]
            if r.control.id in withdrawn
            else r.control.current.label
            if r.control.current
            else ""
        )
        for r in rows
    }
    pr_links: dict[str, str] = {}
    if project.history is not None:
        for event in project.history.events:
            url = pull_request_url(project.history.remote_url, event)
            if url:
                pr_links[event.commit] = url
    used = where_used(catalog)
    forms = [d for d in shown if d.type.record_form and d.id not in withdrawn]
    taken = frozenset(p for d in catalog.documents for p in d.paths)
    form_ids = {f.id for f in forms}
    filed = record_pages(project.records, forms, taken)
    masks = (*BUILT_IN, *extra_patterns(project.config.mask))

    pages: dict[str, str] = {}
    for doc in shown:
        ctl = control.get(doc.id) if control else None
        searchable = doc.id not in withdrawn
        # Left out of the search text, so that a result opens with the document's own prose;
        # the title (id and name) is still indexed. A <header>, not a <div>: Material's
        # search parser matches closing tags by name, so a nested </div> would end the skip.
        header = (
            '<header class="dc-head" data-search-exclude>'
            + as_of_banner
            + "".join(banners(doc, ctl, ctx))
            + scroll_wrap(control_table(doc, ctl, ctx))
            + "</header>\n"
        )
        footer = document_footer(doc, ctl, model, used.get(doc.id, ()), pr_links)
        if doc.id in form_ids:
            footer += form_records_section(doc, filed, project.as_of, language, directory_urls)
        pages[doc.path] = document_page(
            doc, catalog, header, searchable, notes, footer, language
        )
        for chapter in doc.chapters:
            pages[chapter.path] = chapter_page(
                chapter.path, chapter.body, catalog, searchable, notes, language
            )

    for filed_record in filed:
        pages[filed_record.src] = as_of_banner + record_page(
            filed_record, project.as_of, language, masks, directory_urls
        )

    w = words(language)
    roles = control.roles if control is not None and control.roles else catalog.roles
    registers = (
        (w["register"], "register.md", register_page(model)),
        (
            w["records"],
            "records-register.md",
            records_register_page(model, form_stats(project)),
        ),
        (w["external"], "external.md", external_page(catalog.external, language)),
        (w["archive"], "archive.md", archive_page(model, withdrawals(rows, project.history, roles))),
        (w["coverage"], "coverage.md", coverage_page(model, catalog.standard)),
        (w["roles"], "roles.md", roles_page(model, catalog.roles)),
    )
    for _, path, text in registers:
        # A register is a wide table: the right-hand table of contents would only narrow it.
        pages[path] = REGISTER_META + as_of_banner + text
    listed = (*((title, path) for title, path, _ in registers), (w["editions"], EDITIONS_PAGE))
    in_nav = tuple(d for d in shown if d.id not in withdrawn)
    nav_docs = nav_catalog(catalog, in_nav)
    for level in levels(catalog.types):
        ids = [d.id for d in level_documents(nav_docs, level)]
        if ids:
            pages[level.index] = level_page(model, level, ids)
    pages[REGISTERS.index] = registers_page(listed, language, directory_urls)
    return SitePages(
        pages=pages,
        documents=in_nav,
        registers=listed,
        start=start_blocks(model, listed, project.as_of),
        records=filed,
        register=(headers(language), tuple(line.cells for line in register_lines(rows, language))),
    )


def form_stats(project: Project) -> dict[str, FormStats]:
    by_form: dict[str, list[date]] = {}
    for record in project.records:
        by_form.setdefault(record.form, []).append(record.date)
    return {form: FormStats(len(days), min(days), max(days)) for form, days in by_form.items()}


def nav_catalog(catalog: Catalog, documents: tuple[Document, ...]) -> Catalog:
    """The catalog restricted to what the navigation lists."""
    return Catalog(
        documents, catalog.roles, catalog.external, catalog.standard, (), catalog.types
    )
