"""The Markdown a controlled page is built from: links resolved, roles table filled in.

Pure: the plugin hands in the catalog and gets text back.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

from doccontrol.model.documents import Document, Roles
from doccontrol.rendering.escape import markdown_text
from doccontrol.sources.catalog import Catalog
from doccontrol.sources.links import LINK, replace_links

ROLES_MARKER = "<!-- doccontrol:roles -->"
# Authors space an ASCII id off Chinese text ("按 [[QP-13]] 执行"); once the link ends in a
# full-width bracket (（A/1）, 》) that space is a stray gap before the next Chinese character.
_SPACED_LINK = re.compile(LINK.pattern + r"[ \t]+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")
_CLOSING = ("）", "》")


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
        label = f"{doc.id} {markdown_text(doc.title)}"
        note = (notes or {}).get(doc.id) or ("作废" if doc.withdrawn else "")
        if note:
            label += f"（{markdown_text(note)}）"
        return f"[{label}]({relative_link(from_path, doc.path)})"
    ext = catalog.external_doc(target_id)
    if ext is not None:
        number = f" {ext.number}" if ext.number else ""
        return f"{ext.id}{markdown_text(number)} 《{markdown_text(ext.title)}》"
    return f"[[{target_id}]]"


def roles_table(roles: Roles) -> str:
    """roles.yml as the manual's responsibilities and authorities table."""
    rows = ["| 角色 / 部门 | 人员 | 备注 |", "|---|---|---|"]
    for role, members in roles.roles:
        note = "批准本表的修改（最高管理者）" if role == roles.top else ""
        people = markdown_text("、".join(members)) or "—"
        rows.append(f"| {markdown_text(role)} | {people} | {note} |")
    return "\n".join(rows)


def render_body(body: str, path: str, catalog: Catalog, notes: Mapping[str, str] | None = None) -> str:
    """A document's or chapter's text as the site shows it."""
    def spaced(match: re.Match[str]) -> str:
        text = link_text(match.group(1), catalog, path, notes)
        shown = text[1 : text.rfind("](")] if text.startswith("[") else text
        return text if shown.endswith(_CLOSING) else match.group(0)

    text = _SPACED_LINK.sub(spaced, body)
    text = replace_links(text, lambda target: link_text(target, catalog, path, notes))
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
    title = f"# {doc.id} {markdown_text(doc.title)}"
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
