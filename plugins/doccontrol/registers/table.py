"""The document register (受控文件清单) as a table of text: the one definition the site's
page, the CSV and the XLSX downloads share (pure).

Withdrawn documents are not in it: they are listed in 作废文件.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from doccontrol.registers.rows import RegisterRow
from doccontrol.rendering.control_block import status_label
from doccontrol.rendering.labels import names, section_of
from doccontrol.rules.control import Status

# The columns, in order; their headings are labels (section ``register_columns``).
COLUMNS = (
    "id", "title", "type", "revision", "status", "flags", "issued", "effective", "owner",
    "approvers", "distribution", "review_due",
)

# Flags, each a word with what it means for the reader (sections ``register_flags``
# and ``register_flag_notes``, the page's legend).
FLAGS = ("unapproved_change", "review_overdue")


@dataclass(frozen=True)
class RegisterLine:
    """One document's row: its register row and the text of each column of ``COLUMNS``."""

    row: RegisterRow
    cells: tuple[str, ...]
    flags: tuple[str, ...]  # keys of FLAGS

    def cell(self, key: str) -> str:
        return self.cells[COLUMNS.index(key)]


def headers(language: str) -> tuple[str, ...]:
    heading = section_of(language, "register_columns")
    return tuple(heading[key] for key in COLUMNS)


def type_label(row: RegisterRow, language: str) -> str:
    """The type's label, or its key when the configuration no longer defines it."""
    doc = row.document
    return doc.type.label(language) if doc is not None else row.control.type


def flag_words(keys: Sequence[str], language: str) -> str:
    words = section_of(language, "register_flags")
    return names([words[k] for k in keys], language)


def _day(value: object) -> str:
    return str(value) if value else "—"


def register_lines(rows: Sequence[RegisterRow], language: str) -> tuple[RegisterLine, ...]:
    """The documents in force, pending or in draft, in the rows' order (level, then id)."""
    lines = []
    sep = section_of(language, "common")["list_sep"]
    for row in rows:
        ctl, doc = row.control, row.document
        if ctl.status is Status.WITHDRAWN:
            continue
        flags = tuple(k for k in FLAGS if getattr(ctl, k))
        rev = ctl.current.label if ctl.current else "—"
        if ctl.pending:
            rev += f" → {ctl.pending.label}"
        cells = (
            ctl.id,
            ctl.title,
            type_label(row, language),
            rev,
            status_label(ctl.status, language),
            flag_words(flags, language),
            _day(ctl.current.issued if ctl.current else None),
            _day(ctl.current.effective if ctl.current else None),
            doc.owner if doc else "",
            sep.join(ctl.current.approvers) if ctl.current else "",
            sep.join(doc.distribution) if doc else "",
            _day(ctl.review_due),
        )
        lines.append(RegisterLine(row, cells, flags))
    return tuple(lines)


def csv_bytes(header: Sequence[str], lines: Sequence[Sequence[str]]) -> bytes:
    """CSV in UTF-8 with a byte-order mark, so that Excel reads the Chinese as Chinese.

    A cell starting with = + - @ (or a tab or carriage return) is prefixed with ``'``:
    Excel would otherwise run it as a formula (CSV injection).
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for line in lines:
        writer.writerow([spreadsheet_safe(c) for c in line])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def spreadsheet_safe(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
