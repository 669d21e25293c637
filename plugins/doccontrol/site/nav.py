"""Navigation by document level, for a site whose mkdocs.yml sets no nav (pure).

The top sections are the levels of the documentation (手册与规范, 程序文件, 作业指导书,
记录表单) and 清单与台账 for the registers; each opens on its index page, which
Material's ``navigation.indexes`` makes the section's own link.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from doccontrol.model.documents import Document
from doccontrol.rendering.escape import html_text
from doccontrol.site.start import REGISTERS, Level, levels
from doccontrol.sources.catalog import Catalog


def level_documents(catalog: Catalog, level: Level, hidden: frozenset[str] = frozenset()) -> list[Document]:
    """The documents of a level, in the order of its types, then by id."""
    return [
        doc
        for doc_type in level.types
        for doc in catalog.of_type(doc_type)
        if doc.id not in hidden
    ]


def controlled_nav(
    catalog: Catalog, language: str, hidden: frozenset[str] = frozenset()
) -> list[Any]:
    """MkDocs nav entries: one section per level, folder documents as sub-sections.

    ``hidden`` holds ids left out (withdrawn documents are not in the navigation).
    """
    nav: list[Any] = []
    for level in levels(catalog.types):
        entries: list[Any] = []
        for doc in level_documents(catalog, level, hidden):
            # MkDocs puts nav titles into the HTML as they are.
            label = f"{doc.id} {html_text(doc.title)}"
            if doc.chapters:
                entries.append({label: [doc.path, *(c.path for c in doc.chapters)]})
            else:
                entries.append({label: doc.path})
        if entries:
            nav.append({level.label(language): [level.index, *entries]})
    return nav


def registers_nav(registers: Sequence[tuple[str, str]], language: str) -> dict[str, Any]:
    """The 清单与台账 section: its index page, then each register (and 版次)."""
    return {REGISTERS.label(language): [REGISTERS.index, *({t: p} for t, p in registers)]}


def site_nav(docs_pages: Sequence[str], controlled: list[Any]) -> list[Any]:
    """The home page, the controlled sections, then the other uncontrolled pages."""
    pages = sorted(docs_pages, key=lambda p: (p != "index.md", p))
    home = [p for p in pages if p == "index.md"]
    return [*home, *controlled, *(p for p in pages if p != "index.md")]
