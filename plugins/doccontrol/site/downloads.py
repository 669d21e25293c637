"""Files the site offers beside its pages (shell): the 受控文件清单 as CSV and XLSX, made
at build time, and the scans of records whose form says ``publish: full``.

Each file is written atomically (``edition.store.replace_file``): a reader never
downloads half a register.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from doccontrol.edition.store import replace_file
from doccontrol.registers.table import csv_bytes
from doccontrol.site.record_pages import RecordPage
from doccontrol.site.register_pages import CSV_FILE, XLSX_FILE

_SHEET = "受控文件清单"


def xlsx_bytes(header: Sequence[str], lines: Sequence[Sequence[str]], as_of: str) -> bytes:
    """The register as an Excel workbook: one sheet, a bold frozen header, filters on."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _SHEET
    sheet.append(list(header))
    for row, line in enumerate(lines, start=2):
        for column, text in enumerate(line, start=1):
            cell = sheet.cell(row=row, column=column, value=text)
            # Text cells, never formulas: a title starting with = is a title.
            cell.data_type = "s"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for column, title in zip(sheet.columns, header, strict=False):
        widest = max((len(str(c.value or "")) for c in column), default=len(title))
        letter = column[0].column_letter
        sheet.column_dimensions[letter].width = min(60, max(8, widest * 2 + 2))
    book.properties.title = f"{_SHEET} {as_of}"
    book.properties.creator = "doccontrol"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_register_downloads(
    site_dir: Path, header: Sequence[str], lines: Sequence[Sequence[str]], as_of: str
) -> None:
    replace_file(site_dir / CSV_FILE, csv_bytes(header, lines))
    replace_file(site_dir / XLSX_FILE, xlsx_bytes(header, lines, as_of))


def copy_record_files(
    site_dir: Path, repo: Path, pages: Sequence[RecordPage]
) -> list[str]:
    """Copy the scans a ``publish: full`` form links to; return what could not be read."""
    missing = []
    for page in pages:
        if page.file is None:
            continue
        source = repo / page.file
        try:
            # A record is a file of the repository: never a link to one elsewhere.
            if source.is_symlink() or not source.resolve().is_relative_to(repo.resolve()):
                raise OSError("outside the repository")
            data = source.read_bytes()
        except OSError:
            missing.append(page.file)
            continue
        target = site_dir / page.file
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_file(target, data)
    return missing
