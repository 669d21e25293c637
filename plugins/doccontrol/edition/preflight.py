"""What would stop a document from printing, seen in its text without rendering it (pure).

``check`` runs these on the working tree, so that the pull request says what
``release`` would refuse, before anyone approves it; ``release`` runs them on the
approved text before it renders anything. Same finding codes in both:

- ``print-glyph``: characters no declared print font has (from the fonts'
  coverage tables), one finding per line naming every such character on it;
- ``print-unsupported``: a diagram fence (mermaid) when no renderer is here
  (:mod:`doccontrol.edition.diagrams` draws them with headless chromium);
- ``print-table-too-wide``: a table with more columns than a landscape page holds
  at a readable size (markup.LANDSCAPE_COLUMNS).

Resources (``edition-resource``) are decided by :mod:`sandbox` on the HTML the
site's Markdown makes; overflow after layout by :mod:`layout`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from doccontrol.edition.markup import LANDSCAPE_COLUMNS, unsupported_fences
from doccontrol.edition.sandbox import Piece
from doccontrol.model.findings import Finding, error
from doccontrol.model.messages import msg

_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$")


def _printable(ch: str) -> bool:
    """Whether a character is drawn (and so needs a glyph): not layout, not a control."""
    return not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf")


def glyph_findings(piece: Piece, coverage: frozenset[int]) -> list[Finding]:
    """One ``print-glyph`` finding per line with characters no print font has."""
    found = []
    for offset, line in enumerate(piece.body.split("\n")):
        missing = sorted({ch for ch in line if ord(ch) not in coverage and _printable(ch)})
        if missing:
            named = ", ".join(f"{ch!r} (U+{ord(ch):04X})" for ch in missing)
            found.append(
                error(
                    piece.path,
                    piece.body_line + offset,
                    "print-glyph",
                    msg("print-glyph" if len(missing) == 1 else "print-glyph.several", chars=named),
                )
            )
    return found


def fence_findings(piece: Piece, diagrams: bool = False) -> list[Finding]:
    """A ``print-unsupported`` finding per diagram fence, unless ``diagrams`` (a renderer is here)."""
    if diagrams:
        return []
    return [
        error(
            piece.path,
            piece.body_line + offset,
            "print-unsupported",
            msg("print-unsupported", language=language),
        )
        for offset, language in unsupported_fences(piece.body)
    ]


def _cells(row: str) -> int:
    inner = row.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return len(re.split(r"(?<!\\)\|", inner))


def table_findings(piece: Piece) -> list[Finding]:
    """Pipe tables with more columns than even a landscape page holds, at their header line."""
    lines = piece.body.split("\n")
    found = []
    for offset, line in enumerate(lines):
        if offset and _DELIMITER.match(line) and "|" in lines[offset - 1]:
            count = max(_cells(line), _cells(lines[offset - 1]))
            if count > LANDSCAPE_COLUMNS:
                found.append(
                    error(
                        piece.path,
                        piece.body_line + offset - 1,
                        "print-table-too-wide",
                        msg("print-table-too-wide", count=count, most=LANDSCAPE_COLUMNS),
                    )
                )
    return found


def text_findings(pieces: Iterable[Piece], coverage: frozenset[int], diagrams: bool = False) -> list[Finding]:
    """Everything the text alone says would stop it printing (``diagrams``: mermaid can be drawn)."""
    found: list[Finding] = []
    for piece in pieces:
        found += glyph_findings(piece, coverage)
        found += fence_findings(piece, diagrams)
        found += table_findings(piece)
    return found
