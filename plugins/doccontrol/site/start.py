"""The site's way in: the start page's blocks, the section index pages and the footer (pure).

The start page tells a reader what changed lately, what is due for review and where each
register is; each top section (手册与规范, 程序文件, …, 清单与台账) opens on an index page
listing what it holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from doccontrol.model.documents import DocumentType, DocumentTypes, language_code
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


REGISTERS = Level("registers", (("zh", "清单与台账"), ("en", "Registers")), ())

_ZH = {
    "start": "从这里开始",
    "recent": "最近发布",
    "recent_intro": "最近 {days} 天内批准发布的修订（截至 {date}）。",
    "recent_none": "最近 {days} 天内没有新的修订。",
    "due": "待评审",
    "due_intro": "已超过或将在 {days} 天内到达定期评审日期的文件。",
    "due_none": "近期没有需要评审的文件。",
    "overdue": "已逾期",
    "find": "清单与台账",
    "find_intro": "各清单由 git 记录自动生成：",
    "date": "日期",
    "level_intro": "本栏目的现行受控文件。",
    "registers_intro": "由 git 记录自动生成的清单，与 `doccontrol register` 的输出一致。",
    "editions": "版次",
    "as_of": "受控状态截至 {date}（{commit}）",
    "notice": "本站点是受控文件的唯一发布形式；打印或下载的文本均为非受控文件，使用前请回到本站点核对现行版本。",
}
_EN = {
    "start": "Start here",
    "recent": "What is new",
    "recent_intro": "Revisions issued in the last {days} days (as of {date}).",
    "recent_none": "No revision was issued in the last {days} days.",
    "due": "Due for review",
    "due_intro": "Documents past their periodic review date, or reaching it within {days} days.",
    "due_none": "No document is due for review soon.",
    "overdue": "overdue",
    "find": "Registers",
    "find_intro": "Each register is generated from git:",
    "date": "Date",
    "level_intro": "The controlled documents in this section.",
    "registers_intro": "Registers generated from git; they match `doccontrol register`.",
    "editions": "Editions",
    "as_of": "Controlled state as of {date} ({commit})",
    "notice": "This site is the only controlled issue of these documents; a printed or "
    "downloaded copy is uncontrolled: check the current revision here before use.",
}

_REGISTER_NOTES_ZH = {
    "register.md": "全部受控文件的版本、状态、日期和下次评审",
    "records-register.md": "记录表单的保存期限、保存地点和已有记录",
    "external.md": "引用的国家标准、法规等外来文件",
    "archive.md": "已作废的文件，仅作留存",
    "coverage.md": "标准条款与体系文件的对应关系",
    "roles.md": "各角色、人员及其批准的文件",
    "editions.md": "经签名的 PDF 版次",
}
_REGISTER_NOTES_EN = {
    "register.md": "every controlled document: revision, status, dates, next review",
    "records-register.md": "record forms: retention, storage, filled records",
    "external.md": "standards and regulations the documents cite",
    "archive.md": "withdrawn documents, kept for reference",
    "coverage.md": "which documents address each clause of the standard",
    "roles.md": "roles, people and the documents they approve",
    "editions.md": "signed PDF editions",
}


def texts(language: str) -> dict[str, str]:
    return _EN if language.lower().startswith("en") else _ZH


def _notes(language: str) -> dict[str, str]:
    return _REGISTER_NOTES_EN if language.lower().startswith("en") else _REGISTER_NOTES_ZH


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
    items = "".join(
        f'<li><a href="{escape(relative_url(page, path, directory_urls))}">{escape(title)}</a>'
        f"：{escape(notes.get(path, ''))}</li>"
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
