"""The edition's front matter: a cover for the reader, the engineering details on a colophon (issue 13, item 6)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from doccontrol.edition.build import build_edition
from doccontrol.edition.manifest import Signer
from doccontrol.model.errors import ConfigError
from doccontrol.sources.config import config_from_options
from edition_support import (
    EDITION_DAY,
    adopted_repo,
    approve_change,
    approve_rules_change,
    pdftotext,
)

LEGAL = "杭州恒信家电售后服务有限公司"
SIGNER = Signer("王总", "CN=王总", "ab" * 32)


def test_cover_shows_the_legal_name_date_and_release_and_the_colophon_the_commit(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    text = repo.read("mkdocs.yml").replace(
        "  - doc-control\n", f"  - doc-control:\n      organisation: {LEGAL}\n"
    )
    assert LEGAL in text
    repo.write("mkdocs.yml", text)
    approve_rules_change(repo, "组织法定名称", "2026-02-01")

    built = build_edition(repo.path, date.fromisoformat(EDITION_DAY), SIGNER)
    pdf = tmp_path / "edition.pdf"
    pdf.write_bytes(built.pdf)
    cover = pdftotext(pdf, 1, 1)
    assert LEGAL in cover and "测试组织" not in cover
    assert EDITION_DAY in cover and "批准" in cover and "发布" in cover and SIGNER.name in cover
    # The reader's cover carries no engineering details: they are on the colophon.
    assert built.plan.commit[:12] not in cover and SIGNER.certificate_sha256 not in cover

    front = built.pages - sum(count for _, count in built.document_pages)
    pages = [pdftotext(pdf, n, n) for n in range(1, front + 1)]
    colophon = [p for p in pages if "Colophon" in p]
    assert len(colophon) == 1
    flat = "".join(colophon[0].split())
    assert built.plan.commit in flat and SIGNER.certificate_sha256 in flat
    assert f"edition/{EDITION_DAY}" in flat


def test_a_table_running_onto_the_next_page_repeats_its_head_and_says_continued(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    rows = "\n".join(f"| 4.{n} | 派工单 HX{n:04d} 已受理 | 客服部 |" for n in range(1, 91))
    text = repo.read("procedures/qp-01.md") + (
        "\n## 4 派工记录\n\n| 条款 | 内容要求 | 责任部门 |\n|---|---|---|\n" + rows + "\n\n后文。\n"
    )
    approve_change(repo, "procedures/qp-01.md", text, "2026-02-02", "zhang/qp-01-long-table")
    built = build_edition(repo.path, date.fromisoformat(EDITION_DAY), SIGNER)
    pdf = tmp_path / "edition.pdf"
    pdf.write_bytes(built.pdf)

    front = built.pages - sum(count for _, count in built.document_pages)
    start = front + 1
    for doc_id, count in built.document_pages:
        if doc_id == "QP-01":
            break
        start += count
    pages = [pdftotext(pdf, n, n) for n in range(start, start + dict(built.document_pages)["QP-01"])]
    assert len(pages) >= 2
    first = next(i for i, page in enumerate(pages) if "派工单 HX0001" in page)
    last = next(i for i, page in enumerate(pages) if "派工单 HX0090" in page)
    assert last > first, "the table must run onto another page for this test"
    assert "续表" not in pages[first]
    for page in pages[first + 1 : last + 1]:
        assert "续表" in page and "内容要求" in page and "责任部门" in page, page
    # No page of another document says 续表 (none of them has a table across pages).
    every = pdftotext(pdf)
    assert every.count("续表") == last - first


def test_the_organisation_option_is_one_line_of_text() -> None:
    assert config_from_options({"organisation": f"  {LEGAL} "}).organisation == LEGAL
    for bad in ("", "   ", "甲公司\n乙公司", 42, ["甲公司"]):
        with pytest.raises(ConfigError, match="'organisation'"):
            config_from_options({"organisation": bad})
    # Markup in the name is text on the cover, never markup (the template escapes it).
    plan_name = "<b>恒信</b> & Co."
    from doccontrol.edition.html import environment

    page = environment().get_template("edition-front.html.j2").render(
        organisation=plan_name, date=EDITION_DAY, commit="c" * 40, committed="", tag="t",
        signer=SIGNER, rows=[], created="", since="", revisions=[], external=[], forms=[], withdrawn=[],
        language="zh", lang="zh-CN", english=False, types={},
    )
    assert "<b>恒信</b>" not in page and "&lt;b&gt;恒信&lt;/b&gt; &amp; Co." in page
