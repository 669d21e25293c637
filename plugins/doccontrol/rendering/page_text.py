"""The Markdown a controlled page is built from: links resolved, roles table filled in.

Pure: the plugin hands in the catalog and gets text back.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

from doccontrol.model.documents import Document, Roles
from doccontrol.sources.catalog import Catalog
from doccontrol.sources.links import replace_links

ROLES_MARKER = "<!-- doccontrol:roles -->"
_SPACE_AFTER_BRACKET = re.compile(r"(（[^（）\n]*）\]\([^)\s]*\)) (?=[^\x00-\x7f])")


def relative_link(from_path: str, to_path: str) -> str:
    """A Markdown link target from one source file to another, as MkDocs resolves them."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")


def link_text(
    target_id: str, catalog: Catalog, from_path: str, notes: Mapping[str, str] | None = None
) -> str:
    """What ``[[ID]]`` becomes: the id and title (and revision, or 作废), linked to its page.

    ``notes`` maps ids to what follows the title: the current revision, or the
    obsolete mark of a withdrawn document.
    """
    doc = catalog.get(target_id)
    if doc is not None:
        label = f"{doc.id} {doc.title}"
        note = (notes or {}).get(doc.id) or ("作废" if doc.withdrawn else "")
        if note:
            label += f"（{note}）"
        return f"[{label}]({relative_link(from_path, doc.path)})"
    ext = catalog.external_doc(target_id)
    if ext is not None:
        number = f" {ext.number}" if ext.number else ""
        return f"{ext.id}{number} 《{ext.title}》"
    return f"[[{target_id}]]"


def roles_table(roles: Roles) -> str:
    """roles.yml as the manual's responsibilities and authorities table."""
    rows = ["| 角色 / 部门 | 人员 | 备注 |", "|---|---|---|"]
    for role, members in roles.roles:
        note = "批准本表的修改（最高管理者）" if role == roles.top else ""
        rows.append(f"| {role} | {'、'.join(members) or '—'} | {note} |")
    return "\n".join(rows)


def render_body(body: str, path: str, catalog: Catalog, notes: Mapping[str, str] | None = None) -> str:
    """A document's or chapter's text as the site shows it."""
    text = replace_links(body, lambda target: link_text(target, catalog, path, notes))
    # "见 [[QP-03]] 第 4 章" keeps the author's space, but after a full-width bracket it
    # reads as a stray gap: "（A/1） 第 4 章".
    text = _SPACE_AFTER_BRACKET.sub(r"\1", text)
    if ROLES_MARKER in text and catalog.roles is not None:
        text = text.replace(ROLES_MARKER, roles_table(catalog.roles))
    return text


def document_page(
    doc: Document,
    catalog: Catalog,
    header: str = "",
    searchable: bool = True,
    notes: Mapping[str, str] | None = None,
    footer: str = "",
) -> str:
    """The page for a document's front-matter file: title, control block, text, footer."""
    body = render_body(doc.body, doc.path, catalog, notes).strip("\n")
    title = f"# {doc.id} {doc.title}"
    lines = body.split("\n")
    if lines and lines[0].startswith("# "):
        # The page title always carries the id; an author's own H1 would stack a second title.
        body = "\n".join(lines[1:]).strip("\n")
    meta = "" if searchable else "---\nsearch:\n  exclude: true\n---\n\n"
    return f"{meta}{title}\n\n{header}\n{body}\n{footer}"


def chapter_page(
    path: str,
    body: str,
    catalog: Catalog,
    searchable: bool = True,
    notes: Mapping[str, str] | None = None,
) -> str:
    meta = "" if searchable else "---\nsearch:\n  exclude: true\n---\n\n"
    return meta + render_body(body, path, catalog, notes).strip("\n") + "\n"
