"""The Markdown a controlled page is built from: links resolved, roles table filled in.

Pure: the plugin hands in the catalog and gets text back.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

from doccontrol.model.documents import Document, Roles
from doccontrol.rendering.escape import markdown_text
from doccontrol.rendering.labels import bracketed, names, quoted, section_of
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
    target_id: str,
    catalog: Catalog,
    from_path: str,
    notes: Mapping[str, str] | None = None,
    language: str = "zh",
) -> str:
    """What ``[[ID]]`` becomes: the id and title (and revision, or 作废), linked to its page.

    ``notes`` maps ids to what follows the title: the current revision, or the
    obsolete mark of a withdrawn document.
    """
    doc = catalog.get(target_id)
    if doc is not None:
        label = f"{doc.id} {markdown_text(doc.title)}"
        obsolete = section_of(language, "common")["obsolete"]
        note = (notes or {}).get(doc.id) or (obsolete if doc.withdrawn else "")
        if note:
            label += bracketed(markdown_text(note), language)
        return f"[{label}]({relative_link(from_path, doc.path)})"
    ext = catalog.external_doc(target_id)
    if ext is not None:
        # markdown_text trims, so the space before the number is added after it.
        number = f" {markdown_text(ext.number)}" if ext.number else ""
        return f"{ext.id}{number} {quoted(markdown_text(ext.title), language)}"
    return f"[[{target_id}]]"


def roles_table(roles: Roles, language: str = "zh") -> str:
    """roles.yml as the manual's responsibilities and authorities table."""
    words = section_of(language, "roles_table")
    rows = [f"| {words['role']} | {words['people']} | {words['note']} |", "|---|---|---|"]
    for role, members in roles.roles:
        note = words["top"] if role == roles.top else ""
        people = markdown_text(names(members, language)) or "—"
        rows.append(f"| {markdown_text(role)} | {people} | {note} |")
    return "\n".join(rows)


def render_body(
    body: str,
    path: str,
    catalog: Catalog,
    notes: Mapping[str, str] | None = None,
    language: str = "zh",
) -> str:
    """A document's or chapter's text as the site shows it."""
    def spaced(match: re.Match[str]) -> str:
        text = link_text(match.group(1), catalog, path, notes, language)
        shown = text[1 : text.rfind("](")] if text.startswith("[") else text
        return text if shown.endswith(_CLOSING) else match.group(0)

    text = _SPACED_LINK.sub(spaced, body)
    text = replace_links(text, lambda target: link_text(target, catalog, path, notes, language))
    if ROLES_MARKER in text and catalog.roles is not None:
        text = text.replace(ROLES_MARKER, roles_table(catalog.roles, language))
    return text


def document_page(
    doc: Document,
    catalog: Catalog,
    header: str = "",
    searchable: bool = True,
    notes: Mapping[str, str] | None = None,
    footer: str = "",
    language: str = "zh",
) -> str:
    """The page for a document's front-matter file: title, control block, text, footer."""
    body = render_body(doc.body, doc.path, catalog, notes, language).strip("\n")
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
    language: str = "zh",
) -> str:
    meta = "" if searchable else "---\nsearch:\n  exclude: true\n---\n\n"
    return meta + render_body(body, path, catalog, notes, language).strip("\n") + "\n"
