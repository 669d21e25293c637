"""A document's Markdown as a reader sees it, one line per block (pure).

A redline compares what a reader sees, not the source: no front matter, no ``##``
marks, no ``**``, wikilinks already resolved to "ID 标题" by the caller. Each
line keeps the kind of block it came from (heading, list item, table row…) so a
redline can lay it out like the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*(?:\{[^}]*\})?\s*$")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(.*)$")
_ORDERED = re.compile(r"^(\s*)(\d+[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s*>\s?(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)\s+\w+(?:\s+"(.*)")?\s*$')
_COMMENT = re.compile(r"<!--.*?-->", re.S)

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\*)")
_CODE = re.compile(r"`+([^`]+)`+")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_ATTRS = re.compile(r"\s*\{[:#.][^}]*\}\s*$")
_CJK_END = re.compile(r"[^\x00-\x7f]$")


@dataclass(frozen=True)
class DisplayLine:
    """One line as shown: ``kind`` is ``h1``…``h6``, ``p``, ``li``, ``ol``, ``quote``,
    ``row``, ``note`` or ``code``; ``depth`` the list nesting."""

    kind: str
    text: str
    depth: int = 0


# A document's versions share most of their lines, and a site shows every version:
# each distinct line is read once per process.
@lru_cache(maxsize=1 << 16)
def inline_text(text: str) -> str:
    """Inline Markdown as read: links and images by their text, no emphasis or code marks."""
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\1", text)
    text = _TAG.sub("", text)
    return _ATTRS.sub("", text).strip()


def _join(before: str, after: str) -> str:
    # A soft line break reads as a space in Latin text and as nothing between Chinese.
    if _CJK_END.search(before) or (after and ord(after[0]) > 0x7F):
        return before + after
    return f"{before} {after}"


def display_lines(body: str) -> tuple[DisplayLine, ...]:
    """The body of a Markdown document (front matter already removed) as display lines."""
    out: list[DisplayLine] = []
    fence: str | None = None
    open_paragraph = False
    for raw in _COMMENT.sub("", body).split("\n"):
        if fence is not None:
            if raw.strip().startswith(fence):
                fence = None
            else:
                out.append(DisplayLine("code", raw.rstrip()))
            continue
        if (opened := _FENCE.match(raw)) is not None:
            fence = opened.group(1)
            open_paragraph = False
            continue
        line = raw.rstrip()
        if not line.strip():
            open_paragraph = False
            continue
        indent = len(line) - len(line.lstrip(" "))
        stripped = line.strip()
        kind, text, depth = "p", stripped, 0
        if (m := _HEADING.match(stripped)) and indent < 4:
            kind, text = f"h{len(m.group(1))}", m.group(2)
        elif (m := _ADMONITION.match(stripped)) is not None:
            kind, text = "note", m.group(1) or ""
        elif _TABLE_RULE.match(stripped) and "|" in stripped:
            open_paragraph = False
            continue
        elif stripped.startswith("|") or (stripped.count("|") >= 2 and out and out[-1].kind == "row"):
            cells = [inline_text(c) for c in stripped.strip("|").split("|")]
            kind, text = "row", "　│　".join(cells)
        elif (m := _BULLET.match(line)) is not None:
            kind, text, depth = "li", m.group(2), len(m.group(1)) // 2
        elif (m := _ORDERED.match(line)) is not None:
            kind, text, depth = "ol", f"{m.group(2)} {m.group(3)}", len(m.group(1)) // 2
        elif (m := _QUOTE.match(line)) is not None:
            kind, text = "quote", m.group(1)
        elif open_paragraph and out:
            last = out[-1]
            out[-1] = DisplayLine(last.kind, _join(last.text, inline_text(stripped)), last.depth)
            continue
        if kind != "row":
            text = inline_text(text)
        out.append(DisplayLine(kind, text, depth))
        open_paragraph = kind in ("p", "li", "ol", "quote")
    return tuple(out)
