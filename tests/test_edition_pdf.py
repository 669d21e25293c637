"""The printed edition: fonts, text, pages, running headers, control blocks, PDF/A-3b, manifest."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import ZHANG
from edition_support import (
    EDITION_DAY,
    Key,
    adopted_repo,
    approve_change,
    edition_pdf,
    make_key,
    pdftotext,
    release,
)
from gitrepo import GitRepo
from pypdf import PdfReader

PARAGRAPH = "本程序规定文件的编制、审核、批准、发布、更改和作废的要求，确保各使用场所得到的文件均为现行有效版本。"
LONG_SECTIONS = 40


def _long_procedure() -> str:
    head = (
        "---\nid: QP-02\ntitle: 记录控制程序\ntype: procedure\nowner: 质量部\n"
        "approvers: [管理者代表]\nclauses: [\"4.6.4\"]\n---\n## 1 目的\n\n规定记录的标识、贮存、保护、检索、"
        "保存期限和处置。\n\n"
    )
    body = "".join(
        f"## {i} 记录的管理要求第 {i} 条\n\n各部门按本程序建立记录清单，记录应字迹清楚、标识明确、便于检索；"
        f"记录的保存期限按记录清单执行，到期记录经部门负责人批准后销毁并登记。第 {i} 条完。\n\n"
        for i in range(2, LONG_SECTIONS)
    )
    return head + body


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> tuple[GitRepo, Key, Path]:
    base = tmp_path_factory.mktemp("edition")
    repo = adopted_repo(base / "org")
    qp01 = repo.read("procedures/qp-01.md").replace("文件经批准后发布。", f"文件经批准后发布。\n\n{PARAGRAPH}")
    approve_change(repo, "procedures/qp-01.md", qp01, "2026-02-02", "zhang/qp-01-scope")
    approve_change(repo, "procedures/qp-02.md", _long_procedure(), "2026-02-03", "zhang/qp-02-long")
    # After the edition's date: an unapproved edit that the edition must neither show nor mind.
    repo.write("procedures/qp-01.md", repo.read("procedures/qp-01.md") + "\n未经批准的修改。\n")
    repo.commit("直接修改 QP-01", ZHANG, "2026-03-05T09:00:00+08:00")
    key = make_key(base / "keys")
    result = release(repo.path, key)
    assert result.code == 0, result.output
    return repo, key, edition_pdf(repo.path)


def _pages(pdf: Path) -> list[str]:
    reader = PdfReader(pdf)
    return [pdftotext(pdf, i, i, layout=True) for i in range(1, len(reader.pages) + 1)]


def test_fonts_are_embedded_cjk_fonts(edition: tuple[GitRepo, Key, Path]) -> None:
    _, _, pdf = edition
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows, out
    cjk = [r for r in rows if "CJK" in r[0]]
    assert cjk, out
    # columns: name type... encoding emb sub uni; every font embedded, with a ToUnicode map
    for row in rows:
        emb, sub, uni = row[-5], row[-4], row[-3]
        assert (emb, uni) == ("yes", "yes"), out
        assert sub == "yes", out


def test_chinese_paragraph_round_trips(edition: tuple[GitRepo, Key, Path]) -> None:
    _, _, pdf = edition
    text = re.sub(r"\s+", "", pdftotext(pdf))
    assert PARAGRAPH in text
    assert "未经批准的修改" not in text  # committed after the edition's date, and unapproved
    reader_text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(pdf).pages))
    assert PARAGRAPH in reader_text


def test_page_count_and_running_header_of_a_known_document(edition: tuple[GitRepo, Key, Path]) -> None:
    _, _, pdf = edition
    pages = _pages(pdf)
    listing = next(p for p in pages if "受控文件清单" in p)
    row = next(line for line in listing.splitlines() if "QP-02" in line)
    *_, count, start = row.split()
    count_n, start_n = int(count), int(start)
    assert count_n >= 2  # the long procedure spans pages
    own = pages[start_n - 1 : start_n - 1 + count_n]
    for number, page in enumerate(own, 1):
        head = page.strip().splitlines()[0]
        assert "QP-02 记录控制程序" in head and "A/1" in head, head
        assert f"第 {number} 页 共 {count_n} 页" in page and f"Page {number} of {count_n}" in page
    assert "QP-02" not in pages[start_n - 1 + count_n].strip().splitlines()[0]  # the next document
    assert len(pages) == len(PdfReader(pdf).pages)
    assert "第 1 页 共 1 页" in pages[start_n - 2]  # QP-01 before it: one page


def test_each_document_has_its_control_block_and_revision_history(
    edition: tuple[GitRepo, Key, Path],
) -> None:
    _, _, pdf = edition
    text = pdftotext(pdf, layout=True)
    qp01 = text[text.index("QP-01 文件控制程序\n") :]
    labels = ("文件编号", "文件名称", "版本/修改状态", "受控状态", "发布日期", "实施日期", "编制", "审核", "批准")
    for label in (*labels, "修订记录"):
        assert label in qp01, label
    history = qp01[qp01.index("修订记录") : qp01.index("修订记录") + 800]
    # 版本, 发布日期, 实施日期, 编制, 审核, 批准 (name and date), 修改摘要.
    assert re.search(r"A/0\s+2026-01-02\s+2026-01-02\s+—\s+—\s+王总 2026-01-02", history), history
    assert re.search(
        r"A/1\s+2026-02-02\s+2026-02-02\s+张质量 2026-02-02\s+—\s+李代表 2026-02-02\s+"
        r"zhang/qp-01-scope", history
    ), history
    cover = pdftotext(pdf, 1, 1)
    assert "测试组织" in cover and EDITION_DAY in cover and "测试签署人" in cover


def test_pdfa_3b_with_the_manifest_attached(edition: tuple[GitRepo, Key, Path]) -> None:
    repo, _, pdf = edition
    reader = PdfReader(pdf)
    xmp = reader.xmp_metadata
    assert xmp is not None
    raw = xmp.stream.get_data().decode("utf-8")
    assert re.search(r'pdfaid:part(="|>)3', raw) and re.search(r'pdfaid:conformance(="|>)B', raw), raw
    root = reader.trailer["/Root"]
    intent = root["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    assert "/DestOutputProfile" in intent
    assert "manifest.json" in reader.attachments
    names = root["/Names"]["/EmbeddedFiles"]["/Names"]
    spec = names[names.index("manifest.json") + 1].get_object()
    assert spec["/AFRelationship"] == "/Data"
    assert list(root["/AF"]) == [spec.indirect_reference]
    # PDF/A: what the Info dictionary says, the XMP says too, after signing as before.
    info = reader.metadata
    assert info is not None
    for key, xmp_name in (("/Producer", "pdf:Producer"), ("/Title", "dc:title"), ("/Creator", "xmp:CreatorTool")):
        value = info.get(key)
        assert value is not None and value in raw, (key, xmp_name, value, raw)
    manifest = json.loads(reader.attachments["manifest.json"][0])
    commit = repo.git("rev-list", "-1", "--first-parent", "--before=2026-03-01T23:59:59+08:00", "main")
    assert manifest["date"] == EDITION_DAY and manifest["commit"] == commit
    docs = {d["id"]: d for d in manifest["documents"]}
    assert set(docs) == {"SM-01", "QP-01", "QP-02", "QR-01-01"}
    assert docs["QP-01"]["revision"] == "A/1" and docs["QP-02"]["revision"] == "A/1"
    for doc in docs.values():
        for f in doc["files"]:
            assert repo.git("rev-parse", f"{doc['commit']}:{f['path']}") == f["blob"]


def test_missing_glyph_is_an_error_naming_the_line(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    text = repo.read("procedures/qp-01.md") + "\n\n私用区字符：\ue000\n"
    approve_change(repo, "procedures/qp-01.md", text, "2026-02-02", "zhang/glyph")
    result = release(repo.path, make_key(tmp_path / "keys"))
    assert result.code == 1, result.output  # refused, as README says: not a usage error (2)
    line = text.split("\n").index("私用区字符：\ue000") + 1
    assert f"procedures/qp-01.md:{line}: error: print-glyph:" in result.stderr, result.stderr
    assert result.stderr.count("print-glyph") == 1  # one line, one finding
    assert "U+E000" in result.stderr
    assert "Traceback" not in result.output
    assert not (repo.path / "editions" / EDITION_DAY).exists()
    assert repo.git("tag", "-l", "edition/*") == ""

