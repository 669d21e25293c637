"""The plugin's own HTML blocks, kept out of Markdown's way and put back after it (pure).

Python-Markdown passes a raw HTML block through as written, but finds it by feeding
the whole page to ``html.parser``, and MkDocs feeds it once more to collect anchors.
On a generated page (a control block, a revision history, a register's table) that
parsing was most of the page's Markdown time: 5.5 ms a document page against 1 ms for
its text alone. The blocks the plugin wrote are therefore set aside before Markdown,
each replaced by a comment line, and put back into Markdown's HTML: the page comes out
the same, byte for byte.

Only blocks that Markdown would pass through whole are set aside: at the start of a
line, after a blank line, outside fenced code, opening with one of the plugin's own
classes, closing the element they open before the next blank line, and without a
``markdown`` attribute (which ``md_in_html`` would act on).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_FENCE = re.compile(r"^\s*(```|~~~)")
_OPENING = re.compile(
    r'<(div|header|table|nav|section|p|ul|ol|details|aside)\b[^>]*\bclass="(?:dc-|md-typeset__scrollwrap)'
)


@dataclass(frozen=True)
class Stashed:
    """Markdown with the plugin's HTML blocks replaced by markers, and the blocks."""

    markdown: str
    blocks: tuple[str, ...]


def _marker(nonce: str, index: int) -> str:
    return f"<!--dc-html-{nonce}-{index}-->"


def _whole(block: str, tag: str) -> bool:
    """The block closes the element it opens, last, and leaves no Markdown after it."""
    if "markdown=" in block or not block.rstrip().endswith(f"</{tag}>"):
        return False
    opened = len(re.findall(rf"<{tag}[\s>]", block))
    return opened == block.count(f"</{tag}>")


def stash_blocks(markdown: str, nonce: str) -> Stashed:
    """Set aside the plugin's HTML blocks; ``nonce`` keeps a page's text from naming one."""
    lines = markdown.split("\n")
    out: list[str] = []
    blocks: list[str] = []
    fence: str | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            out.append(line)
            i += 1
            continue
        if (opened := _FENCE.match(line)) is not None:
            fence = opened.group(1)
            out.append(line)
            i += 1
            continue
        start = _OPENING.match(line)
        if start is None or (out and out[-1].strip()):
            out.append(line)
            i += 1
            continue
        end = i
        while end < len(lines) and lines[end].strip():
            end += 1
        block = "\n".join(lines[i:end])
        if not _whole(block, start.group(1)):
            out.extend(lines[i:end])
            i = end
            continue
        out.append(_marker(nonce, len(blocks)))
        blocks.append(block)
        i = end
    return Stashed("\n".join(out), tuple(blocks))


def restore_blocks(html: str, nonce: str, blocks: Sequence[str]) -> str:
    """Markdown's HTML with every marker replaced by its block."""
    for index, block in enumerate(blocks):
        html = html.replace(_marker(nonce, index), block, 1)
    return html
