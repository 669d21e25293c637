"""Front-matter and roles values as literal text inside generated Markdown (pure).

A title, owner or role is data typed by an author. Put raw into a heading, a
link label, a table cell or a navigation entry, ``<script>`` or
``<img onerror=...>`` would run in every reader's browser, and ``]`` or ``|``
would break the Markdown around it. These helpers make such a value show as
the text it is.
"""

from __future__ import annotations

import re

# Markdown's own punctuation that could end or restyle the construct a value sits in.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def html_text(value: object) -> str:
    """``value`` for HTML that is inserted as is (navigation titles, raw table cells)."""
    return (
        str(value)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def markdown_text(value: object) -> str:
    """``value`` as literal inline Markdown: no HTML, no emphasis, no link, one line."""
    text = " ".join(str(value).split())
    return _MARKDOWN.sub(r"\\\1", html_text(text))
