"""What WeasyPrint's layout says about a printed document: anything past the page's edge (shell).

The print stylesheet makes tables and code wrap, and puts a table too wide for
the portrait text column on a landscape page; what still does not fit would be
cut off in the PDF without a word. So after layout every box of every page is
measured against that page's content area, and a box that extends past it is a
``print-overflow`` finding at the path:line of its text. An edition with one is
refused.

WeasyPrint has no public API for its layout tree; ``Page._page_box`` is the
root of the boxes it draws (weasyprint 60 to 70 keep it so).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from weasyprint.formatting_structure import boxes

from doccontrol.model.findings import Finding, error
from doccontrol.model.messages import Message, msg

# WeasyPrint lays out in CSS pixels (1/96 in); half a point is invisible on paper.
TOLERANCE = 0.7



class Locator(Protocol):
    """path:line of the ``nth`` occurrence of a text in the document's Markdown."""

    def __call__(self, needle: str, nth: int = 0, /) -> tuple[str, int]: ...


def _boxes(box: Any) -> Iterator[Any]:
    for child in getattr(box, "children", ()):
        if isinstance(child, boxes.MarginBox):
            continue  # running headers and footers are laid out in the margin on purpose
        yield child
        yield from _boxes(child)


def _text(box: Any) -> str:
    if isinstance(box, boxes.TextBox):
        return str(box.text)
    for child in _boxes(box):
        if isinstance(child, boxes.TextBox) and child.text.strip():
            return str(child.text)
    return ""


def _outermost(page_box: Any) -> Iterator[tuple[Any, float]]:
    left = page_box.content_box_x()
    right = left + page_box.width
    top = page_box.content_box_y()
    bottom = top + page_box.height

    def visit(box: Any) -> Iterator[tuple[Any, float]]:
        for child in getattr(box, "children", ()):
            if isinstance(child, boxes.MarginBox):
                continue
            x, width = getattr(child, "position_x", None), child.margin_width()
            past = 0.0
            if x is not None:
                past = max(x + width - right, left - x)
            y = getattr(child, "position_y", None)
            if y is not None and isinstance(child, boxes.TextBox | boxes.ReplacedBox):
                past = max(past, y + child.margin_height() - bottom, top - y)
            if past > TOLERANCE:
                yield child, past
            else:
                yield from visit(child)

    yield from visit(page_box)


def overflows(document: Any, locate: Locator, label: str) -> list[Finding]:
    """A ``print-overflow`` finding for each box past the content area of its page."""
    found: list[Finding] = []
    seen: set[tuple[str, int]] = set()
    # The same text past the edge twice is two occurrences: the second is sought after the first.
    times: dict[str, int] = {}
    for number, page in enumerate(document.pages, 1):
        for box, past in _outermost(page._page_box):
            text = " ".join(_text(box).split())
            needle = text[:24]
            path, line = locate(needle, times.get(needle, 0))
            times[needle] = times.get(needle, 0) + 1
            if (path, line) in seen:
                continue
            seen.add((path, line))
            what: str | Message = (
                f"<{box.element_tag}>" if getattr(box, "element_tag", None) else msg("print-overflow.box")
            )
            quoted = f" ({text[:40]!r})" if text else ""
            found.append(
                error(
                    path,
                    line,
                    "print-overflow",
                    msg("print-overflow", what=what, quoted=quoted, points=f"{past * 0.75:.0f}",
                        page=number, label=label),
                )
            )
    return found
