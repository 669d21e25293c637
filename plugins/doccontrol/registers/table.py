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
from doccontrol.rules.control import Status

COLUMNS = (
    # key, Chinese, English
    ("id", "文件编号", "No."),
    ("title", "文件名称", "Title"),
    ("type", "类别", "Type"),
    ("revision", "版本", "Revision"),
    ("status", "状态", "Status"),
    ("flags", "标记", "Flags"),
    ("issued", "发布日期", "Issued"),
    ("effective", "实施日期", "Effective"),
    ("owner", "编制部门", "Owner"),
    ("approvers", "批准人", "Approved by"),
    ("distribution", "发放范围", "Distribution"),
    ("review_due", "下次评审", "Next review"),
)

# Flags as words, each with what it means for the reader (the page's legend).
FLAGS = {
    "unapproved_change": (
        "有未批准修改",
        "Unapproved change",
        "发布后有未经批准的修改；本站仍显示已批准的版本。",
        "The text changed after approval without a new approval; the site shows the approved text.",
    ),
    "review_overdue": (
        "评审逾期",
        "Review overdue",
        "已超过下次评审日期，尚未评审。",
        "The periodic review is past its due date.",
    ),
}


@dataclass(frozen=True)
class RegisterLine:
    """One document's row: its register row and the text of each column of ``COLUMNS``."""

    row: RegisterRow
    cells: tuple[str, ...]
    flags: tuple[str, ...]  # keys of FLAGS

    def cell(self, key: str) -> str:
        return self.cells[[k for k, _, _ in COLUMNS].index(key)]


def _english(language: str) -> bool:
    return language.lower().startswith("en")


def headers(language: str) -> tuple[str, ...]:
    return tuple(en if _english(language) else zh for _, zh, en in COLUMNS)


def type_label(row: RegisterRow, language: str) -> str:
    """The type's label, or its key when the configuration no longer defines it."""
    doc = row.document
    return doc.type.label(language) if doc is not None else row.control.type


def flag_words(keys: Sequence[str], language: str) -> str:
    return (", " if _english(language) else "、").join(FLAGS[k][1 if _english(language) else 0] for k in keys)


def _day(value: object) -> str:
    return str(value) if value else "—"


def register_lines(rows: Sequence[RegisterRow], language: str) -> tuple[RegisterLine, ...]:
    """The documents in force, pending or in draft, in the rows' order (level, then id)."""
    lines = []
    sep = ", " if _english(language) else "、"
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
