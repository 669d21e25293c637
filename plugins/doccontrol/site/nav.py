"""Navigation grouped by document type, for a site whose mkdocs.yml sets no nav."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from doccontrol.model.documents import DocType
from doccontrol.rendering.escape import html_text
from doccontrol.sources.catalog import Catalog


def controlled_nav(catalog: Catalog, language: str, hidden: frozenset[str] = frozenset()) -> list[Any]:
    """MkDocs nav entries: one section per document type, folder documents as sub-sections.

    ``hidden`` holds ids left out (withdrawn documents are not in the navigation).
    """
    english = language.lower().startswith("en")
    nav: list[Any] = []
    for doc_type in DocType:
        entries: list[Any] = []
        for doc in catalog.of_type(doc_type):
            if doc.id in hidden:
                continue
            # MkDocs puts nav titles into the HTML as they are.
            label = f"{doc.id} {html_text(doc.title)}"
            if doc.chapters:
                entries.append({label: [doc.path, *(c.path for c in doc.chapters)]})
            else:
                entries.append({label: doc.path})
        if entries:
            nav.append({doc_type.label_en if english else doc_type.label_zh: entries})
    return nav


def site_nav(docs_pages: Sequence[str], controlled: list[Any]) -> list[Any]:
    """The uncontrolled pages (home first) followed by the controlled sections."""
    pages = sorted(docs_pages, key=lambda p: (p != "index.md", p))
    return [*pages, *controlled]
