"""The site's way in: the start page's blocks, the section index pages and the footer (pure).

The start page tells a reader what changed lately, what is due for review and where each
register is; each top section (手册与规范, 程序文件, …, 清单与台账) opens on an index page
listing what it holds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from doccontrol.model.documents import DocumentType, DocumentTypes, language_code
from doccontrol.rendering.labels import section_of
from doccontrol.rules.control import Status
from doccontrol.site.pages import SiteModel, scroll_wrap, words
from doccontrol.site.urls import relative_url

START_MARKER = "<!-- doccontrol:start -->"
RECENT_DAYS = 30
DUE_SOON_DAYS = 30


@dataclass(frozen=True)
class Level:
    """A top section of the site: a label in each language and the document types it holds."""

    slug: str
    labels: tuple[tuple[str, str], ...]
    types: tuple[DocumentType, ...]

    def label(self, language: str) -> str:
        return dict(self.labels)[language_code(language)]

    @property
    def index(self) -> str:
        return f"sections/{self.slug}/index.md"


def levels(types: DocumentTypes) -> tuple[Level, ...]:
    """One section per level of the document types, named by the level's first type."""
    return tuple(
        Level(
            group[0].slug or group[0].key,
            tuple((lang, group[0].section_label(lang)) for lang in ("zh", "en")),
            group,
        )
        for group in types.levels()
    )


REGISTERS = Level(
    "registers", tuple((lang, section_of(lang, "site")["registers"]) for lang in ("zh", "en")), ()
)

def texts(language: str) -> Mapping[str, str]:
    """The start page's labels (rendering.labels, section ``start``)."""
    return section_of(language, "start")


def _notes(language: str) -> Mapping[str, str]:
    return section_of(language, "register_notes")


def _table(css: str, headers: Sequence[str], rows: Sequence[str]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    return scroll_wrap(
        f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def recent_revisions(model: SiteModel, page: str, as_of: date) -> str:
    """The revisions issued in the last RECENT_DAYS days, newest first."""
    t, w = texts(model.language), words(model.language)
    since = as_of - timedelta(days=RECENT_DAYS)
    found = [
        (rev, row.control)
        for row in model.rows
        if row.control.status is not Status.WITHDRAWN
        for rev in row.control.revisions
        if since < rev.issued <= as_of
    ]
    intro = t["recent_intro"].format(days=RECENT_DAYS, date=as_of)
    if not found:
        return f"## {t['recent']}\n\n{t['recent_none'].format(days=RECENT_DAYS)}\n\n"
    rows = []
    for rev, ctl in sorted(found, key=lambda f: (f[0].issued, f[1].id), reverse=True):
        pending = (
            f' <span class="dc-pending">{escape(w["pending"])} {rev.effective}</span>'
            if rev.effective > as_of
            else ""
        )
        rows.append(
            f"<tr><td>{rev.issued}</td><td>{model.link(page, ctl.id)}</td>"
            f"<td>{escape(ctl.title)}</td><td>{escape(rev.label)}{pending}</td>"
            f"<td>{escape(rev.summary)}</td></tr>"
        )
    headers = [w["issued"], w["id"], w["title"], w["revision"], w["summary"]]
    return f"## {t['recent']}\n\n{intro}\n\n" + _table("dc-history dc-recent", headers, rows) + "\n"


def due_for_review(model: SiteModel, page: str, as_of: date) -> str:
    """Current documents overdue for review or due within DUE_SOON_DAYS days, soonest first."""
    t, w = texts(model.language), words(model.language)
    horizon = as_of + timedelta(days=DUE_SOON_DAYS)
    due = sorted(
        (
            row
            for row in model.rows
            if row.control.status in (Status.CURRENT, Status.PENDING)
            and row.control.review_due is not None
            and (row.control.review_overdue or row.control.review_due <= horizon)
        ),
        key=lambda r: (r.control.review_due or as_of, r.control.id),
    )
    if not due:
        return f"## {t['due']}\n\n{t['due_none']}\n\n"
    rows = []
    for row in due:
        c = row.control
        overdue = (
            f' <span class="dc-status-withdrawn">{escape(t["overdue"])}</span>'
            if c.review_overdue
            else ""
        )
        owner = row.document.owner if row.document else ""
        rows.append(
            f"<tr><td>{model.link(page, c.id)}</td><td>{escape(c.title)}</td>"
            f"<td>{c.review_due}{overdue}</td><td>{escape(owner)}</td></tr>"
        )
    headers = [w["id"], w["title"], w["review_due"], w["owner"]]
    intro = t["due_intro"].format(days=DUE_SOON_DAYS)
    return f"## {t['due']}\n\n{intro}\n\n" + _table("dc-register dc-due", headers, rows) + "\n"


def register_list(
    registers: Sequence[tuple[str, str]], page: str, language: str, directory_urls: bool
) -> str:
    """Where each register is: a linked list with one line on what it holds."""
    notes = _notes(language)
    colon = section_of(language, "common")["colon"]
    items = "".join(
        f'<li><a href="{escape(relative_url(page, path, directory_urls))}">{escape(title)}</a>'
        f"{colon}{escape(notes.get(path, ''))}</li>"
        for title, path in registers
    )
    return f'<ul class="dc-start-list">{items}</ul>\n'


def start_blocks(
    model: SiteModel, registers: Sequence[tuple[str, str]], as_of: date, page: str = "index.md"
) -> str:
    """What the start page adds: what is new, what is due for review, where the registers are."""
    t = texts(model.language)
    return (
        recent_revisions(model, page, as_of)
        + due_for_review(model, page, as_of)
        + f"## {t['find']}\n\n{t['find_intro']}\n\n"
        + register_list(registers, page, model.language, model.directory_urls)
    )


def level_page(model: SiteModel, level: Level, doc_ids: Sequence[str]) -> str:
    """A section's index page: its documents with revision, effective date and owner."""
    w = words(model.language)
    page = level.index
    by_id = {r.control.id: r for r in model.rows}
    rows = []
    for doc_id in doc_ids:
        row = by_id.get(doc_id)
        if row is None:
            continue
        ctl = row.control
        current = ctl.current
        rows.append(
            f"<tr><td>{model.link(page, doc_id)}</td><td>{escape(ctl.title)}</td>"
            f"<td>{escape(current.label if current else '—')}</td>"
            f"<td>{current.effective if current else '—'}</td>"
            f"<td>{escape(row.document.owner if row.document else '')}</td></tr>"
        )
    headers = [w["id"], w["title"], w["revision"], w["effective"], w["owner"]]
    intro = texts(model.language)["level_intro"]
    return (
        f"---\nhide:\n  - toc\n---\n\n# {level.label(model.language)}\n\n{intro}\n\n"
        + _table("dc-register dc-level", headers, rows)
    )


def registers_page(
    registers: Sequence[tuple[str, str]], language: str, directory_urls: bool
) -> str:
    """The 清单与台账 section's index page."""
    t = texts(language)
    return (
        f"# {REGISTERS.label(language)}\n\n{t['registers_intro']}\n\n"
        + register_list(registers, REGISTERS.index, language, directory_urls)
    )


def footer_html(organisation: str, as_of: date, commit: str, language: str) -> str:
    """The footer line: who issues the site, as of which state, and the controlled-copy notice."""
    t = texts(language)
    state = t["as_of"].format(date=as_of, commit=commit[:8] if commit else "—")
    return (
        f"{escape(organisation)} · {escape(state)}"
        f'<span class="dc-footer-notice">{escape(t["notice"])}</span>'
    )
