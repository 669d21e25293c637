"""The control block (文件控制信息) and banners at the top of every controlled page.

Pure: takes the document, its control state and the build mode, returns Markdown/HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from html import escape

from doccontrol.model.documents import Document
from doccontrol.rendering.labels import bracketed, names, section_of
from doccontrol.rules.control import DocumentControl, Revision, SignOff, Status
from doccontrol.sources.config import Config


def labels(language: str) -> Mapping[str, str]:
    """The control block's labels (rendering.labels, section ``control``)."""
    return section_of(language, "control")


def status_label(status: Status, language: str) -> str:
    return section_of(language, "status")[status.value]


@dataclass(frozen=True)
class PageContext:
    """What the block needs beyond the document: the build's mode and date."""

    preview: bool
    as_of: date
    today: date
    language: str
    config: Config


def signed_text(signed: tuple[SignOff, ...], language: str = "zh") -> str:
    """People with the date each signed, for 编制/审核/批准: ``张质量 2026-01-05、李四 2026-01-06``."""
    return names([f"{s.name} {s.on.isoformat()}" for s in signed], language)


def signed_html(signed: tuple[SignOff, ...], language: str = "zh") -> str:
    """:func:`signed_text` as HTML, each name with its date kept on one line."""
    return names(
        [f'<span class="dc-signed">{escape(s.name)} {s.on.isoformat()}</span>' for s in signed],
        language,
    )


def status_text(ctl: DocumentControl | None, language: str) -> str:
    """The status as staff read it: 现行 A/0（A/1 已批准，2026-12-22 实施） while a revision
    waits for its effective date beside the one in force."""
    status = ctl.status if ctl else Status.DRAFT
    text = status_label(status, language)
    if ctl is None or ctl.pending is None or ctl.current is None or status is not Status.CURRENT:
        return text
    waiting = labels(language)["waiting"].format(rev=ctl.pending.label, date=ctl.pending.effective)
    return f"{text} {ctl.current.label}{bracketed(waiting, language)}"


def signature_mark(rev: Revision | None, language: str) -> str:
    """``（已验证签名）`` when every approval of ``rev`` rests on a verified signature (issue 17)."""
    if rev is None or not rev.grounds or not all(g.key for g in rev.grounds):
        return ""
    return bracketed(labels(language)["signed"], language)


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
        words["controlled"] + " · " + status_text(ctl, ctx.language)
        if status in (Status.CURRENT, Status.PENDING) and not ctx.preview
        else status_label(status, ctx.language)
    )
    reviewers = ctl.reviewers if ctl else doc.reviewers
    rows = [
        (words["id"], doc.id),
        (words["title"], doc.title),
        (words["revision"], current.label if current else "—"),
        (words["status"], shown_status),
        (words["issued"], str(current.issued) if current else "—"),
        (words["effective"], str(current.effective) if current else "—"),
        (
            words["owner"],
            " · ".join(
                p for p in (doc.owner, signed_text(current.prepared, ctx.language) if current else "") if p
            ),
        ),
        (
            words["reviewed"],
            signed_text(current.reviewed, ctx.language)
            if current and current.reviewed
            else names(reviewers, ctx.language) or "—",
        ),
        (
            words["approvers"],
            signed_text(current.approved, ctx.language) + signature_mark(current, ctx.language)
            if current
            else names(doc.approvers, ctx.language),
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
