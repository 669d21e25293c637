"""The print HTML of an edition and of single documents (pure).

Markdown is converted with Python-Markdown, cross-references become links inside
the PDF, and every URL goes through the :mod:`sandbox`. Jinja2 templates in
``doccontrol/templates`` lay the pages out for WeasyPrint (paged-media CSS);
nothing of the site's theme is reused.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

import jinja2
import markdown
from markupsafe import Markup

from doccontrol.edition.manifest import Signer, tag_name
from doccontrol.edition.markup import DEFAULT_SETUP, convert, converter
from doccontrol.edition.plan import EditionDocument, EditionPlan
from doccontrol.edition.sandbox import Piece, Tree, sandbox_html
from doccontrol.model.documents import ExternalDocument, Roles, language_code
from doccontrol.model.findings import Finding
from doccontrol.rendering.control_block import signed_text
from doccontrol.rendering.labels import bracketed, names, quoted, retention_label, section_of
from doccontrol.rendering.page_text import ROLES_MARKER, roles_table
from doccontrol.sources.links import replace_links

TEMPLATES = Path(__file__).resolve().parent / "templates"
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def css_string(value: object) -> str:
    """Text for a CSS string in double quotes."""
    text = str(value)
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch in "\n\r\f" or ord(ch) < 0x20 or ch == "\x7f":
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return Markup("".join(out))


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["css_string"] = css_string
    env.globals["L"] = _bilingual
    env.globals["T"] = _one
    return env


def _one(language: str, key: str, **values: object) -> Markup:
    """A print label in one language (the labels are the tool's own text, HTML included)."""
    # The label is the tool's own HTML; the values (a name, a date) are text and escaped.
    return Markup(section_of(language, "edition")[key]).format(**values)


def _english(language: str) -> bool:
    return language_code(language) == "en"


def _bilingual(language: str, key: str, br: bool = False, **values: object) -> Markup:
    """A print label: the Chinese edition shows the English under it, an English one English only."""
    en = section_of("en", "edition")[key].format(**values)
    if _english(language):
        return Markup.escape(en)
    zh = section_of("zh", "edition")[key].format(**values)
    return Markup("{}{}<span class=\"en\">{}</span>").format(zh, Markup("<br>") if br else " ", en)


def both(language: str, key: str, **values: object) -> str:
    """A plain-text print label (running heads, notices): ``中文 English``, or English alone."""
    en = section_of("en", "edition")[key].format(**values)
    if _english(language):
        return en
    return f"{section_of('zh', 'edition')[key].format(**values)} {en}"


@cache
def stylesheet() -> str:
    return (TEMPLATES / "edition.css").read_text("utf-8")


@dataclass(frozen=True)
class PrintContext:
    """What a printed document needs besides itself: who prints it and what it may link to."""

    organisation: str
    roles: Roles | None
    external: tuple[ExternalDocument, ...]
    titles: tuple[tuple[str, str], ...]
    withdrawn: frozenset[str]
    printed: dict[str, tuple[str, str]]  # id -> (revision, paths...) of documents in this PDF
    paths: dict[str, str]  # repository path -> id, of documents in this PDF
    created: str  # ISO date-time written as the PDF's creation date ("": the document's issue date)
    footer_left: str
    footer_right: str
    status: Callable[[EditionDocument], str]
    notice: Callable[[EditionDocument], str]
    markdown: markdown.Markdown | None = None  # the site's extensions (markup.converter)
    language: str = "zh"  # theme.language: the labels printed (Chinese ones carry English too)


def _css_counter(text: str) -> str:
    """``Page {page} of {pages}`` as CSS content: strings and page counters."""
    parts = re.split(r"\{(page|pages)\}", text)
    out = [
        f"counter({part})" if index % 2 else f'"{css_string(part)}"'
        for index, part in enumerate(parts)
        if index % 2 or part
    ]
    return " ".join(out)


def page_css(
    top_left: str, top_right: str, bottom_left: str, bottom_right: str, language: str = "zh"
) -> str:
    """The running header and footer texts, as a stylesheet no document style can override."""
    counter = _css_counter(section_of("en", "edition")["page_of"])
    if not _english(language):
        counter = f'{_css_counter(section_of("zh", "edition")["page_of"])} " · " {counter}'
    return environment().get_template("edition-page.css.j2").render(
        top_left=top_left,
        top_right=top_right,
        bottom_left=bottom_left,
        bottom_right=bottom_right,
        counter=Markup(counter),
        continued=both(language, "continued"),
    )


@dataclass(frozen=True)
class PrintedPage:
    """Print HTML and the stylesheet of its running headers and footers."""

    html: str
    css: str


@dataclass(frozen=True)
class PrintedDocument:
    """A document's print HTML, the repository files it loads and what the sandbox refused."""

    id: str
    html: str
    css: str
    loads: tuple[tuple[str, str], ...]  # (commit, path)
    findings: tuple[Finding, ...]


def _label(target: str, ctx: PrintContext) -> str:
    titles = dict(ctx.titles)
    if target in ctx.printed:
        revision = ctx.printed[target][0]
        return f"[{target} {titles.get(target, '')}{bracketed(revision, ctx.language)}](#doc-{target})"
    ext = next((e for e in ctx.external if e.id == target), None)
    if ext is not None:
        number = f" {ext.number}" if ext.number else ""
        return f"{ext.id}{number} {quoted(ext.title, ctx.language)}"
    if target in titles:
        obsolete = section_of(ctx.language, "common")["obsolete"]
        note = bracketed(obsolete, ctx.language) if target in ctx.withdrawn else ""
        return f"{target} {titles[target]}{note}"
    return f"[[{target}]]"


@cache
def _default_converter() -> markdown.Markdown:
    md, problems = converter(DEFAULT_SETUP)
    assert md is not None, problems
    return md


def markdown_html(text: str, md: markdown.Markdown | None = None) -> str:
    """Markdown as print HTML with the site's extensions (the defaults when none are given)."""
    return convert(md or _default_converter(), text)


def _linker(piece: Piece, ctx: PrintContext) -> Callable[[str], str | None]:
    def link(href: str) -> str | None:
        value = href.strip()
        if not value or value.startswith("#"):
            return value if value.startswith("#doc-") else None
        match = _SCHEME.match(value)
        if match:
            return value if match.group(1).lower() in ("http", "https", "mailto") else None
        path = posixpath.normpath(posixpath.join(posixpath.dirname(piece.path), value.split("#")[0]))
        doc_id = ctx.paths.get(path)
        return f"#doc-{doc_id}" if doc_id else None

    return link


def piece_html(
    piece: Piece, first: bool, commit: str, ctx: PrintContext, tree: Tree, repo_root: str
) -> tuple[str, tuple[str, ...], tuple[Finding, ...]]:
    body = replace_links(piece.body, lambda target: _label(target, ctx))
    if ROLES_MARKER in body and ctx.roles is not None:
        body = body.replace(ROLES_MARKER, roles_table(ctx.roles, ctx.language))
    if first:
        lines = body.strip("\n").split("\n")
        if lines and lines[0].startswith("# "):
            # The title is printed from the front matter; an author's own H1 would repeat it.
            body = "\n".join(lines[1:])
    result = sandbox_html(markdown_html(body, ctx.markdown), piece, commit, repo_root, tree, _linker(piece, ctx))
    return result.html, result.loads, result.findings


def document_html(doc: EditionDocument, ctx: PrintContext, tree: Tree, repo_root: str) -> PrintedDocument:
    parts: list[Markup] = []
    loads: list[tuple[str, str]] = []
    findings: list[Finding] = []
    for index, piece in enumerate(doc.pieces):
        html, piece_loads, piece_findings = piece_html(
            piece, index == 0, doc.commit, ctx, tree, repo_root
        )
        parts.append(Markup(html))
        loads.extend((doc.commit, p) for p in piece_loads)
        findings.extend(piece_findings)
    page = environment().get_template("edition-document.html.j2").render(
        doc=doc,
        parts=parts,
        organisation=ctx.organisation,
        created=ctx.created or datetime.combine(doc.issued, datetime.min.time()).isoformat(),
        status=ctx.status(doc),
        notice=ctx.notice(doc),
        language=ctx.language,
        lang="en" if _english(ctx.language) else "zh-CN",
        approvers=names(doc.approvers, ctx.language),
        # Each revision's 编制/审核/批准 as names with dates (issue 15).
        history=[
            (
                row,
                signed_text(row.approved, ctx.language) or names(row.approvers, ctx.language),
                signed_text(row.prepared, ctx.language),
                signed_text(row.reviewed, ctx.language),
            )
            for row in doc.history
        ],
    )
    css = page_css(
        f"{doc.id} {doc.title}",
        f"{both(ctx.language, 'running_revision')} {doc.revision}",
        ctx.footer_left,
        ctx.footer_right,
        ctx.language,
    )
    return PrintedDocument(doc.id, page, css, tuple(dict.fromkeys(loads)), tuple(findings))


def _edition_status(doc: EditionDocument, language: str) -> str:
    # The same words as the site's control block (issue 15): the revision in force, and
    # the one approved and waiting for its effective date beside it.
    key, values = ("current", {}) if doc.pending is None else (
        "current_waiting",
        {"revision": doc.revision, "pending": doc.pending.revision, "effective": doc.pending.effective},
    )
    en = section_of("en", "edition")[key].format(**values)
    return en if _english(language) else f"{section_of('zh', 'edition')[key].format(**values)} ({en})"


def _edition_notice(doc: EditionDocument, language: str) -> str:
    if doc.pending is None:
        return ""
    return both(
        language,
        "pending_notice",
        pending=doc.pending.revision,
        issued=doc.pending.issued,
        effective=doc.pending.effective,
        revision=doc.revision,
    )


def edition_context(plan: EditionPlan, md: markdown.Markdown | None = None) -> PrintContext:
    """How documents print inside the edition of ``plan``, converted by ``md`` (the site's Markdown)."""
    return PrintContext(
        organisation=plan.organisation,
        roles=plan.roles,
        external=plan.external,
        titles=plan.titles,
        withdrawn=plan.withdrawn,
        printed={d.id: (d.revision, d.path) for d in plan.documents},
        paths={p: d.id for d in plan.documents for p, _ in d.files},
        # Nothing on a document's pages depends on the edition's date or commit, so that
        # a document unchanged since the last edition is not rendered again (edition.parts).
        created="",
        footer_left=plan.organisation,
        footer_right=both(plan.language, "running_controlled"),
        status=lambda d: _edition_status(d, plan.language),
        notice=lambda d: _edition_notice(d, plan.language),
        markdown=md,
        language=plan.language,
    )


def single_context(
    organisation: str,
    doc: EditionDocument,
    roles: Roles | None,
    external: tuple[ExternalDocument, ...],
    titles: tuple[tuple[str, str], ...],
    withdrawn: frozenset[str],
    md: markdown.Markdown | None = None,
    language: str = "zh",
) -> PrintContext:
    """How one document prints on its own (the site's PDF download).

    Nothing in it depends on the day it is printed, so it is rendered once per revision.
    """
    return PrintContext(
        organisation=organisation,
        roles=roles,
        external=external,
        titles=titles,
        withdrawn=withdrawn,
        printed={doc.id: (doc.revision, doc.path)},
        paths={p: doc.id for p, _ in doc.files},
        created=datetime.combine(doc.issued, datetime.min.time()).isoformat(),
        footer_left=organisation,
        footer_right=f"{doc.id} {doc.revision} · {both(language, 'uncontrolled')}",
        status=lambda d: _single_status(d, language),
        notice=lambda d: "",
        markdown=md,
        language=language,
    )


def _single_status(doc: EditionDocument, language: str) -> str:
    en = section_of("en", "edition")["single_status"].format(issued=doc.issued)
    if _english(language):
        return en
    return f"{section_of('zh', 'edition')['single_status'].format(issued=doc.issued)} ({en})"


@dataclass(frozen=True)
class FrontRow:
    doc: EditionDocument
    pages: int
    start: int


@dataclass(frozen=True)
class RevisionListRow:
    """One line of the 修订清单: a revision issued since the previous edition."""

    doc: EditionDocument
    revision: str
    issued: str
    approvers: str
    summary: str


def revision_list(plan: EditionPlan, since: date | None) -> list[RevisionListRow]:
    """Every revision of a printed document issued after ``since`` (all of them when None)."""
    rows = [
        RevisionListRow(
            doc, row.revision, row.issued.isoformat(), names(row.approvers, plan.language), row.summary
        )
        for doc in plan.documents
        for row in doc.history
        if since is None or row.issued > since
    ]
    return sorted(rows, key=lambda r: (r.issued, r.doc.id, r.revision))


def front_html(
    plan: EditionPlan, signer: Signer, rows: Sequence[FrontRow], since: date | None = None
) -> PrintedPage:
    """The cover, the document list and the auditor's lists of an edition.

    ``since`` is the date of the previous edition: the 修订清单 lists what was issued after it.
    """
    titles = dict(plan.titles)
    html = environment().get_template("edition-front.html.j2").render(
        organisation=plan.organisation,
        date=plan.date.isoformat(),
        commit=plan.commit,
        committed=plan.committed.isoformat(),
        tag=tag_name(plan.date),
        signer=signer,
        rows=list(rows),
        created=plan.committed.isoformat(),
        since=since.isoformat() if since else "",
        revisions=revision_list(plan, since),
        external=plan.external,
        forms=[
            (doc, retention_label(doc.retention, plan.language) if doc.retention is not None else "")
            for doc in plan.documents
            if doc.type.record_form
        ],
        withdrawn=[(doc_id, titles.get(doc_id, "")) for doc_id in sorted(plan.withdrawn)],
        language=plan.language,
        lang="en" if _english(plan.language) else "zh-CN",
        english=_english(plan.language),
        types={row.doc.id: row.doc.type.label(plan.language) for row in rows},
    )
    css = page_css(
        plan.organisation,
        f"{both(plan.language, 'cover_running')} {plan.date.isoformat()}",
        tag_name(plan.date),
        f"commit {plan.commit[:12]}",
        plan.language,
    )
    return PrintedPage(html, css)
