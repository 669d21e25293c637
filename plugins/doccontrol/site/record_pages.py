"""A page for each filled record, and the list of them on its form's page (pure).

Records hold personal data. A record's page shows its registration (date, who made
it, title), how long it is kept and whether it may be disposed of. Its text, and a
link to its scan, are shown only where the form says ``publish: full``; even then
the text passes :func:`doccontrol.rendering.masking.mask_text` first.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from doccontrol.model.documents import Document, Publish
from doccontrol.rendering.escape import markdown_text
from doccontrol.rendering.labels import retention_label, section_of
from doccontrol.rendering.masking import MaskPattern, mask_text
from doccontrol.rules.records import FilledRecord, retained_until
from doccontrol.site.pages import scroll_wrap
from doccontrol.site.urls import relative_url


def _words(language: str) -> Mapping[str, str]:
    """The record pages' labels (rendering.labels, section ``record_page``)."""
    return section_of(language, "record_page")


@dataclass(frozen=True)
class RecordPage:
    """Where a record's page lives in the site, and the record file it may link to."""

    record: FilledRecord
    form: Document
    src: str  # the page's source path in the site
    file: str | None  # the record's own file, copied into the site (``publish: full`` scans)


def record_pages(
    records: Sequence[FilledRecord], forms: Sequence[Document], taken: frozenset[str]
) -> tuple[RecordPage, ...]:
    """A page per record whose form has a page; ``taken`` are source paths already used."""
    by_id = {f.id: f for f in forms}
    used = set(taken)
    pages = []
    for record in sorted(records, key=lambda r: (r.form, r.date, r.path)):
        form = by_id.get(record.form)
        if form is None:
            continue
        stem, ext = posixpath.splitext(record.path)
        markdown = ext.lower() in (".md", ".markdown")
        src = stem + ".md"
        if src in used:  # a scan beside a Markdown record of the same name
            src = f"{stem}-{ext.lstrip('.').lower()}.md"
        used.add(src)
        file = record.path if not markdown and form.publish is Publish.FULL else None
        pages.append(RecordPage(record, form, src, file))
    return tuple(pages)


def disposal_status(record: FilledRecord, form: Document, as_of: date, language: str) -> str:
    w = _words(language)
    months = form.retention.months if form.retention else None
    until = retained_until(record.date, months)
    if form.retention is None or until is None:
        return w["permanent"]
    if until >= as_of:
        return w["kept"]
    return w["due"].format(how=form.disposal) if form.disposal else w["due_plain"]


def record_page(
    page: RecordPage,
    as_of: date,
    language: str,
    patterns: Sequence[MaskPattern],
    directory_urls: bool = True,
) -> str:
    """The record's page: its registration always; its (masked) text only under ``publish: full``."""
    w = _words(language)
    record, form = page.record, page.form
    until = retained_until(record.date, form.retention.months if form.retention else None)
    title = record.title or posixpath.basename(record.path)
    form_link = (
        f'<a href="{escape(relative_url(page.src, form.path, directory_urls))}">'
        f"{escape(form.id)} {escape(form.title)}</a>"
    )
    rows = [
        (w["form"], form_link),
        (w["date"], str(record.date)),
        (w["by"], escape(record.by)),
        (w["title"], escape(record.title or "—")),
        (w["retention"], escape(retention_label(form.retention, language) if form.retention else "—")),
        (w["until"], str(until) if until else escape(w["permanent"])),
        (w["disposal_status"], escape(disposal_status(record, form, as_of, language))),
        (w["keeper"], escape(form.keeper or form.owner)),
        (w["storage"], escape(form.storage or "—")),
    ]
    table = scroll_wrap(
        '<table class="dc-record-meta"><tbody>'
        # The labels repeat on every record page: only the values are worth finding.
        + "".join(
            f'<tr><th scope="row" data-search-exclude>{k}</th><td>{v}</td></tr>' for k, v in rows
        )
        + "</tbody></table>"
    )
    parts = [f"# {markdown_text(title)}\n\n", table, "\n"]
    if form.publish is Publish.FULL:
        parts.append(f'<p class="dc-masked-note">{escape(w["masked"])}</p>\n\n')
        if page.file is not None:
            name = posixpath.basename(page.file)
            href = posixpath.relpath(page.file, _folder(page.src, directory_urls))
            parts.append(
                f'<p class="dc-record-file"><a href="{escape(href)}">'
                f"{escape(w['file'].format(name=name))}</a></p>\n"
            )
        if record.body.strip():
            parts.append("\n" + _inert(mask_text(record.body, patterns)).rstrip() + "\n")
    else:
        parts.append(
            '<p class="dc-record-private">'
            + escape(
                w["private"].format(keeper=form.keeper or form.owner, storage=form.storage or "—")
            )
            + "</p>\n"
        )
    return "".join(parts)


def _folder(src: str, directory_urls: bool) -> str:
    """The folder a page's URL lives in, relative to the site root."""
    stem = src.rsplit(".", 1)[0]
    return stem if directory_urls else posixpath.dirname(stem) or "."


def _inert(body: str) -> str:
    """Markdown whose raw HTML shows as text (a record is nobody's approved page markup),
    its headings one level down under the page's own title."""
    text = body.replace("&", "&amp;").replace("<", "&lt;")
    return "\n".join("#" + ln if ln.startswith("#") else ln for ln in text.split("\n"))


def form_records_section(
    form: Document, pages: Sequence[RecordPage], as_of: date, language: str, directory_urls: bool
) -> str:
    """The list of a form's filed records, for the foot of the form's page."""
    w = _words(language)
    mine = [p for p in pages if p.form.id == form.id]
    parts = [f'\n<h2 id="dc-records">{escape(w["records"])}</h2>\n\n']
    if not mine:
        return parts[0] + f'<p class="dc-none">{escape(w["none"])}</p>\n'
    rows = []
    for p in reversed(mine):
        href = relative_url(form.path, p.src, directory_urls)
        title = p.record.title or posixpath.basename(p.record.path)
        rows.append(
            f"<tr><td>{p.record.date}</td><td><a href=\"{escape(href)}\">{escape(title)}</a></td>"
            f"<td>{escape(p.record.by)}</td>"
            f"<td>{escape(disposal_status(p.record, form, as_of, language))}</td></tr>"
        )
    head = "".join(f"<th>{escape(w[k])}</th>" for k in ("date", "title", "by", "disposal_status"))
    parts.append(
        scroll_wrap(
            f'<table class="dc-form-records"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    )
    return "".join(parts)
