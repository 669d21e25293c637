"""Documents rendered as parts, in parallel, cached by what goes into them (issue 13, item 7).

Real repositories, real renders, real PDFs read with pypdf and pdftotext.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

from doccontrol.edition.build import build_edition
from doccontrol.edition.manifest import Signer
from edition_support import EDITION_DAY, adopted_repo, approve_change, pdftotext
from pypdf import PdfReader

SIGNER = Signer("测试签署人", "CN=测试签署人", "0" * 64)
LATER = "2026-04-01"


def _build(repo: Path, day: str, cache: Path | None, processes: int | None = None):  # type: ignore[no-untyped-def]
    return build_edition(repo, date.fromisoformat(day), SIGNER, cache=cache, processes=processes)


def _first_pages(pdf: bytes) -> dict[str, int]:
    """Page index of each document's first page, from the outline's top-level entries."""
    reader = PdfReader(io.BytesIO(pdf))
    out = {}
    for item in reader.outline:
        if isinstance(item, list):
            continue
        match = re.match(r"[A-Z]+-[0-9-]+[0-9]", str(item.title))
        if match:
            out[match.group(0)] = reader.get_destination_page_number(item)
    return out


def test_warm_and_cold_builds_give_the_same_bytes_and_a_change_renders_only_what_it_touches(
    tmp_path: Path,
) -> None:
    repo = adopted_repo(tmp_path / "org")
    cache = tmp_path / "cache"

    cold = _build(repo.path, EDITION_DAY, cache)
    assert sorted(cold.rendered) == sorted(d for d, _ in cold.document_pages)
    assert len(list(cache.glob("*.pdf"))) == len(cold.document_pages)
    warm = _build(repo.path, EDITION_DAY, cache)
    assert warm.rendered == ()
    assert warm.pdf == cold.pdf
    # In one process, or in two: the same bytes.
    assert _build(repo.path, EDITION_DAY, None, processes=1).pdf == cold.pdf

    # A month later QP-02 changed. SM-01 cites it by revision, so it prints again too;
    # QP-01 and the record form come from the cache.
    approve_change(repo, "procedures/qp-02.md", repo.read("procedures/qp-02.md") + "\n新增一条要求。\n",
                   "2026-03-15", "zhang/qp-02")
    month = _build(repo.path, LATER, cache)
    assert sorted(month.rendered) == ["QP-02", "SM-01"]
    fresh = _build(repo.path, LATER, None)
    assert sorted(fresh.rendered) == sorted(d for d, _ in fresh.document_pages)
    assert month.pdf == fresh.pdf
    assert "新增一条要求" in pdftotext_bytes(tmp_path, month.pdf)


def pdftotext_bytes(tmp_path: Path, pdf: bytes) -> str:
    target = tmp_path / "out.pdf"
    target.write_bytes(pdf)
    return pdftotext(target)


def test_the_assembled_edition_keeps_outline_links_and_page_numbers_per_document(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    built = _build(repo.path, EDITION_DAY, tmp_path / "cache")
    reader = PdfReader(io.BytesIO(built.pdf))
    assert len(reader.pages) == built.pages
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    firsts = _first_pages(built.pdf)
    for doc_id, _pages in built.document_pages:
        assert doc_id in firsts, (doc_id, firsts)

    # SM-01 cites QP-01 and QP-02: its links go to their first pages.
    start = firsts["SM-01"]
    targets = set()
    for page in reader.pages[start : start + dict(built.document_pages)["SM-01"]]:
        for ref in page.get("/Annots", []):
            action = ref.get_object().get("/A")
            if action is not None and action.get("/S") == "/GoTo" and not isinstance(action["/D"], str):
                targets.add(reader.get_page_number(action["/D"][0].get_object()))
    assert {firsts["QP-01"], firsts["QP-02"]} <= targets
    # No placeholder link is left for a reader to follow.
    assert b"doccontrol-edition:" not in built.pdf

    # 第 x 页 共 y 页 counts each document's own pages.
    count = dict(built.document_pages)["QP-01"]
    text = pdftotext_bytes(tmp_path, built.pdf)
    assert f"第 1 页 共 {count} 页" in text
