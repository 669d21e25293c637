"""The control block (文件控制信息) and banners at the top of every controlled page.

Pure: takes the document, its control state and the build mode, returns Markdown/HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from doccontrol.model.documents import Document
from doccontrol.rules.control import DocumentControl, Revision, Status
from doccontrol.sources.config import Config

_LABELS = {
    "zh": {
        "id": "文件编号",
        "title": "文件名称",
        "revision": "版本/修改状态",
        "status": "受控状态",
        "issued": "发布日期",
        "effective": "实施日期",
        "owner": "编制",
        "approvers": "批准",
        "signed": "已验证签名",
        "review_due": "下次评审",
        "controlled": "受控",
        "draft_banner": "草稿（DRAFT）：本页显示工作区中尚未批准的文本，不得作为受控文件使用。",
        "draft_next": "批准后的版本将为 {rev}。",
        "pending": "修订 {rev} 已批准，将于 {date} 实施；在此之前以本页现行版本为准。",
        "pending_only": "本文件 {rev} 已批准，将于 {date} 实施，尚未生效。",
        "overdue": "本文件已超过定期评审日期（应于 {date} 前评审）。",
        "withdrawn": "作废：本文件已于 {date} 作废，仅作留存，不得使用。",
        "unapproved": "主分支上有未经批准的修改，本页仍显示最近批准的版本。",
        "as_of": "本站点反映 {date} 当日的受控状态，并非最新版本。",
    },
    "en": {
        "id": "Document no.",
        "title": "Title",
        "revision": "Revision",
        "status": "Status",
        "issued": "Issued",
        "effective": "Effective",
        "owner": "Prepared by",
        "approvers": "Approved by",
        "signed": "signature verified",
        "review_due": "Next review",
        "controlled": "Controlled",
        "draft_banner": "DRAFT: this page shows unapproved text from the working tree; "
        "it is not a controlled document.",
        "draft_next": "Once approved it becomes revision {rev}.",
        "pending": "Revision {rev} is approved and takes effect on {date}; until then the "
        "revision on this page applies.",
        "pending_only": "Revision {rev} is approved and takes effect on {date}; it is not yet in force.",
        "overdue": "This document is overdue for its periodic review (due {date}).",
        "withdrawn": "WITHDRAWN on {date}: kept for reference only; do not use.",
        "unapproved": "Main holds an unapproved change to this document; this page still "
        "shows the last approved revision.",
        "as_of": "This site shows the controlled state as on {date}, not the latest.",
    },
}


def labels(language: str) -> dict[str, str]:
    return _LABELS["en" if language.lower().startswith("en") else "zh"]


def status_label(status: Status, language: str) -> str:
    if language.lower().startswith("en"):
        return status.value
    return status.label_zh


@dataclass(frozen=True)
class PageContext:
    """What the block needs beyond the document: the build's mode and date."""

    preview: bool
    as_of: date
    today: date
    language: str
    config: Config


def signature_mark(rev: Revision | None, language: str) -> str:
    """``（已验证签名）`` when every approval of ``rev`` rests on a verified signature (issue 17)."""
    if rev is None or not rev.grounds or not all(g.key for g in rev.grounds):
        return ""
    word = labels(language)["signed"]
    return f" ({word})" if language.lower().startswith("en") else f"（{word}）"


def admonition(kind: str, text: str) -> str:
    """A banner as raw HTML in mkdocs-material's admonition style, so that it needs no
    Markdown extension in the organisation's mkdocs.yml."""
    return f'<div class="admonition {kind} dc-banner"><p>{escape(text)}</p></div>\n'


def banners(doc: Document, ctl: DocumentControl | None, ctx: PageContext) -> list[str]:
    words = labels(ctx.language)
    out: list[str] = []
    if ctx.preview:
        next_rev = ctl.next_label(doc.edition, ctx.config.revisions) if ctl else (
            f"{doc.edition}/0" if ctx.config.revisions.value == "letter" else f"{doc.edition}.0"
        )
        out.append(
            admonition("danger", words["draft_banner"] + " " + words["draft_next"].format(rev=next_rev))
        )
    if ctl is None:
        return out
    if ctl.status is Status.WITHDRAWN and ctl.withdrawn_on:
        out.append(admonition("danger", words["withdrawn"].format(date=ctl.withdrawn_on)))
    if ctl.pending is not None:
        key = "pending" if ctl.current else "pending_only"
        out.append(
            admonition("info", words[key].format(rev=ctl.pending.label, date=ctl.pending.effective))
        )
    if ctl.review_overdue and ctl.review_due:
        out.append(admonition("warning", words["overdue"].format(date=ctl.review_due)))
    if ctl.unapproved_change and not ctx.preview:
        out.append(admonition("warning", words["unapproved"]))
    return out


def control_table(doc: Document, ctl: DocumentControl | None, ctx: PageContext) -> str:
    """The 文件控制信息 table as HTML (so that it prints and styles predictably)."""
    words = labels(ctx.language)
    current = ctl.current if ctl else None
    status = ctl.status if ctl else Status.DRAFT
    shown_status = (
        words["controlled"] + " · " + status_label(status, ctx.language)
        if status in (Status.CURRENT, Status.PENDING) and not ctx.preview
        else status_label(status, ctx.language)
    )
    rows = [
        (words["id"], doc.id),
        (words["title"], doc.title),
        (words["revision"], current.label if current else "—"),
        (words["status"], shown_status),
        (words["issued"], str(current.issued) if current else "—"),
        (words["effective"], str(current.effective) if current else "—"),
        (words["owner"], doc.owner),
        (
            words["approvers"],
            "、".join(current.approvers) + signature_mark(current, ctx.language)
            if current
            else "、".join(doc.approvers),
        ),
        (words["review_due"], str(ctl.review_due) if ctl and ctl.review_due else "—"),
    ]
    cells = "".join(
        f'<tr><th scope="row">{escape(k)}</th><td>{escape(v)}</td></tr>' for k, v in rows
    )
    return (
        f'<table class="dc-control" data-doc-id="{escape(doc.id)}" '
        f'data-revision="{escape(current.label if current else "")}" '
        f'data-status="{escape(status.value)}">{cells}</table>\n'
    )
