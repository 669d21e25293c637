"""The registers an auditor reads (issue 15): the 受控文件清单 in level order with 批准人 and
发放范围, its CSV and XLSX downloads read back against ``register --format json``, 作废文件,
the record register, the roles matrix, and a page for every filed record, whose body is
shown (masked) only under ``publish: full``."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from conftest import LI, WANG, ZHANG, run_cli
from gitrepo import GitRepo

PHONE = "13857126638"
ID_CARD = "33010619880512271X"
SECRET = "顾客家住翡翠城七幢"  # body text that must not leave the record by default
RECORD = "records/QR-01-01/2026-02-10-投诉回访.md"
SCAN = "records/QR-01-01/2026-02-11-签收单.pdf"
RECORD_TEXT = (
    "---\ndate: 2026-02-10\nby: 张质量\ntitle: 回访王女士\n---\n\n# 回访记录\n\n"
    f"顾客王女士，手机 {PHONE[:3]} {PHONE[3:7]} {PHONE[7:]}，{SECRET}。"
    f"身份证 {ID_CARD}。客户编号 KH-778899。<script>alert(1)</script>\n"
)


def _approve(repo: GitRepo, branch: str, edit: Callable[[], None], when: str, message: str = "") -> None:
    repo.branch(branch)
    edit()
    repo.commit(branch, ZHANG, when)
    repo.checkout("main")
    repo.merge(branch, LI, when.replace("T09", "T15"), message=message or None)


def _register_repo(make_repo: Callable[..., GitRepo]) -> GitRepo:
    repo = make_repo(commit=False)
    repo.edit("procedures/qp-01.md", "approvers:", "distribution: [质量部, 客服中心]\napprovers:")
    # A title Excel would run as a formula unless written as text.
    repo.edit("procedures/qp-02.md", "title: 记录控制程序", "title: =1+2 记录控制程序")
    repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.tag("doccontrol/baseline", WANG, "2026-01-02T10:00:00+08:00", "纸质文件转入")
    repo.write("procedures/qp-03.md", repo.read("procedures/qp-02.md").replace("QP-02", "QP-03"))
    _approve(
        repo,
        "zhang/qp-03",
        lambda: repo.write(
            "procedures/qp-03.md",
            repo.read("procedures/qp-02.md").replace("id: QP-02", "id: QP-03").replace(
                "title: =1+2 记录控制程序", "title: 旧记录程序"
            ),
        ),
        "2026-01-20T09:00:00+08:00",
    )
    _approve(
        repo,
        "zhang/withdraw-qp-03",
        lambda: repo.remove("procedures/qp-03.md"),
        "2026-03-01T09:00:00+08:00",
        message="Merge pull request #9 from zhang/withdraw-qp-03\n\n旧记录程序作废，要求并入 QP-02",
    )
    return repo


@pytest.fixture
def built(make_repo: Callable[..., GitRepo], tmp_path: Path) -> tuple[GitRepo, Path]:
    repo = _register_repo(make_repo)
    site = tmp_path / "site"
    result = run_cli("build", "--repo", str(repo.path), "-d", str(site))
    assert result.code == 0, result.output
    return repo, site


def _rows(html: str, table: str) -> list[str]:
    body = html[html.index(f'id="{table}"') :]
    body = body[: body.index("</table>")]
    return re.findall(r"<tr[^>]* data-id=\"([^\"]+)\"", body)


def test_register_is_in_level_order_without_withdrawn_documents(built: tuple[GitRepo, Path]) -> None:
    _, site = built
    html = (site / "register" / "index.html").read_text("utf-8")
    # 手册 before 程序文件 before 记录表单, then by id; the withdrawn QP-03 is in 作废文件.
    assert _rows(html, "dc-register") == ["SM-01", "QP-01", "QP-02", "QR-01-01"]
    head = html[html.index('id="dc-register"') :]
    head = head[: head.index("</thead>")]
    assert re.findall(r"<th[^>]*>([^<]+)</th>", head) == [
        "文件编号", "文件名称", "类别", "版本", "状态", "标记", "发布日期", "实施日期",
        "编制部门", "批准人", "发放范围", "下次评审",
    ]  # fmt: skip
    row = html[html.index('data-id="QP-01"') :]
    row = row[: row.index("</tr>")]
    assert "<td>质量部、客服中心</td>" in row and "<td>王总</td>" in row
    # The flags' legend is in words; no emoji and no English tooltip is left.
    assert "有未批准修改" in html and "评审逾期" in html and "⏰" not in html
    assert 'title="unapproved change"' not in html
    archive = (site / "archive" / "index.html").read_text("utf-8")
    assert _rows(archive, "dc-archive") == ["QP-03"]
    row = archive[archive.index('data-id="QP-03"') :]
    row = row[: row.index("</tr>")]
    assert "2026-03-01" in row and "李代表" in row and "旧记录程序作废，要求并入 QP-02" in row
    assert "A/0" in row


def test_csv_and_xlsx_read_back_as_the_register_json(built: tuple[GitRepo, Path]) -> None:
    repo, site = built
    data = json.loads(run_cli("register", "--format", "json", "--repo", str(repo.path)).stdout)
    listed = [d for d in data["documents"] if d["status"] != "withdrawn"]
    raw = (site / "register.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark to read UTF-8"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    book = openpyxl.load_workbook(site / "register.xlsx")
    sheet = book.active
    assert sheet is not None
    cells = [[c if c is not None else "" for c in r] for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == cells[0] and rows[0][0] == "文件编号"
    assert [r[0] for r in rows[1:]] == [d["id"] for d in listed] == [r[0] for r in cells[1:]]
    head = rows[0]
    for doc, line, xl in zip(listed, rows[1:], cells[1:], strict=True):
        got = dict(zip(head, line, strict=True))
        xl_got = dict(zip(head, xl, strict=True))
        # The CSV writes a formula-like cell as text ('=…); the XLSX keeps it, typed as text.
        assert got["文件名称"] == ("'" + doc["title"] if doc["title"].startswith("=") else doc["title"])
        assert xl_got["文件名称"] == doc["title"]
        for sheet_row in (got, xl_got):
            assert sheet_row["版本"] == (doc["revision"] or "—")
            assert sheet_row["状态"] == {"current": "现行", "pending": "待实施", "draft": "草稿"}[doc["status"]]
            assert sheet_row["发布日期"] == (doc["issued"] or "—")
            assert sheet_row["批准人"] == "、".join(doc["approvers"])
            assert sheet_row["发放范围"] == "、".join(doc["distribution"])
            assert sheet_row["编制部门"] == doc["owner"]
            assert sheet_row["下次评审"] == (doc["review_due"] or "—")
    formula = next(c for r in sheet.iter_rows() for c in r if str(c.value).startswith("=1+2"))
    assert formula.data_type == "s"
    # Written atomically: no temporary file is left beside them.
    assert not [p.name for p in site.iterdir() if p.name.startswith(".register")]


def test_register_fields_are_checked_with_path_and_line(make_repo: Callable[..., GitRepo]) -> None:
    repo = make_repo(commit=False)
    repo.edit("procedures/qp-01.md", "approvers:", "distribution: [质量部, 销售部]\napprovers:")
    repo.edit(
        "records/forms/qr-01-01.md",
        "storage: 质量部档案室",
        "storage: 质量部档案室\nkeeper: 档案组\nmedium: [paper, fax]\npublish: partial",
    )
    repo.edit("procedures/qp-02.md", "approvers:", "medium: paper\napprovers:")
    result = run_cli("check", "--repo", str(repo.path))
    assert "Traceback" not in result.output
    lines = result.stdout.splitlines()

    def line_of(path: str, key: str) -> int:
        return next(i for i, t in enumerate(repo.read(path).splitlines(), 1) if t.startswith(key))

    qp01, qr = "procedures/qp-01.md", "records/forms/qr-01-01.md"
    assert any(
        ln.startswith(f"{qp01}:{line_of(qp01, 'distribution')}: error: unknown-distribution: ")
        and "销售部" in ln
        for ln in lines
    ), lines
    assert any(ln.startswith(f"{qr}:{line_of(qr, 'keeper')}: error: unknown-keeper: ") for ln in lines)
    assert any(ln.startswith(f"{qr}:{line_of(qr, 'medium')}: error: bad-medium: ") and "fax" in ln for ln in lines)
    assert any(ln.startswith(f"{qr}:{line_of(qr, 'publish')}: error: bad-publish: ") for ln in lines)
    assert any("qp-02.md" in ln and "warning: field-not-used" in ln and "'medium'" in ln for ln in lines)
    assert result.code == 1


def _records_repo(make_repo: Callable[..., GitRepo], full: bool) -> GitRepo:
    repo = make_repo(commit=False)
    if full:
        repo.edit("records/forms/qr-01-01.md", "storage: 质量部档案室", "storage: 质量部档案室\npublish: full")
        # The organisation masks its own customer numbers too (an option of the plugin).
        repo.edit("mkdocs.yml", "  - doc-control", "  - doc-control:\n      mask: ['KH-\\d{6}']")
    repo.edit(
        "records/forms/qr-01-01.md",
        "storage: 质量部档案室",
        "storage: 质量部档案室\nkeeper: 客服中心\nmedium: [paper, electronic]\ndisposal: 移交档案室",
    )
    repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.tag("doccontrol/baseline", WANG, "2026-01-02T10:00:00+08:00", "纸质文件转入")
    repo.write(RECORD, RECORD_TEXT)
    repo.write(SCAN, b"%PDF-1.4\n% scan of a signed receipt " + PHONE.encode() + b"\n%%EOF\n")
    repo.write(SCAN + ".yml", "date: 2026-02-11\nby: 赵客服\ntitle: 签收单（扫描件）\n")
    repo.commit("归档两份记录", ZHANG, "2026-02-12T09:00:00+08:00")
    return repo


def _search_text(site: Path) -> str:
    """What the search index holds, with the segmenter's zero-width spaces taken out."""
    index = json.loads((site / "search/search_index.json").read_text("utf-8"))
    return "\n".join(d["title"] + " " + d["text"] for d in index["docs"]).replace("\u200b", "")


def _build(repo: GitRepo, site: Path) -> None:
    result = run_cli("build", "--repo", str(repo.path), "-d", str(site), "--as-of", "2026-03-01")
    assert result.code == 0, result.output


def test_record_pages_show_metadata_only_by_default(
    make_repo: Callable[..., GitRepo], tmp_path: Path
) -> None:
    repo = _records_repo(make_repo, full=False)
    site = tmp_path / "site"
    _build(repo, site)
    page = (site / "records/QR-01-01/2026-02-10-投诉回访/index.html").read_text("utf-8")
    assert "回访王女士" in page and "张质量" in page and "2029-02-10" in page  # kept 3 years
    assert "未到期" in page and "客服中心" in page
    assert SECRET not in page and PHONE[7:] not in page
    scan_page = (site / "records/QR-01-01/2026-02-11-签收单/index.html").read_text("utf-8")
    assert "签收单（扫描件）" in scan_page and ".pdf" not in scan_page
    assert not list(site.rglob("*.pdf")), "a scan is copied into the site only under publish: full"
    index = _search_text(site)
    assert "回访王女士" in index and SECRET not in index and "翡翠" not in index
    form = (site / "records/forms/qr-01-01/index.html").read_text("utf-8")
    assert 'href="../../QR-01-01/2026-02-10-%E6%8A%95%E8%AF%89%E5%9B%9E%E8%AE%BF/"' in form or (
        "../../QR-01-01/2026-02-10-投诉回访/" in form
    )
    register = (site / "records-register/index.html").read_text("utf-8")
    row = register[register.index('data-form="QR-01-01"') :]
    row = row[: row.index("</tr>")]
    for text in ("文件发放回收登记表", "3 年", "质量部档案室", "客服中心", "纸质、电子", "移交档案室"):
        assert text in row, text
    shown = re.sub(r"<[^>]+>", " ", row)  # what a reader sees: no repository path
    assert " 2 " in shown and "2026-02-10" in shown and "2026-02-11" in shown
    assert "records/" not in shown


def test_record_pages_show_masked_bodies_under_publish_full(
    make_repo: Callable[..., GitRepo], tmp_path: Path
) -> None:
    repo = _records_repo(make_repo, full=True)
    site = tmp_path / "site"
    _build(repo, site)
    page = (site / "records/QR-01-01/2026-02-10-投诉回访/index.html").read_text("utf-8")
    assert SECRET in page
    digits = re.sub(r"\D", "", re.sub(r"<[^>]+>", "", page))
    assert PHONE not in digits and ID_CARD[:17] not in digits
    assert "138 **** **38" in page and "KH-778899" not in page
    assert "<script>alert" not in page, "a record's raw HTML is shown as text"
    index = _search_text(site)
    assert SECRET in index and PHONE not in re.sub(r"\D", "", index)
    assert "翡翠" in index and PHONE[3:7] + " " + PHONE[7:] not in index and "778899" not in index
    scans = list(site.rglob("*.pdf"))
    assert [p.relative_to(site).as_posix() for p in scans] == [SCAN]
    scan_page = (site / "records/QR-01-01/2026-02-11-签收单/index.html").read_text("utf-8")
    assert 'href="../2026-02-11-签收单.pdf"' in scan_page or "2026-02-11-%E7%AD%BE" in scan_page


def test_register_json_carries_the_register_fields(make_repo: Callable[..., GitRepo]) -> None:
    repo = _records_repo(make_repo, full=False)
    data = json.loads(run_cli("register", "--format", "json", "--repo", str(repo.path)).stdout)
    form = next(d for d in data["documents"] if d["id"] == "QR-01-01")
    assert form["keeper"] == "客服中心" and form["medium"] == ["paper", "electronic"]
    assert form["disposal"] == "移交档案室" and form["owner"] == "质量部"
    assert [d["id"] for d in data["documents"]][:2] == ["SM-01", "QP-01"]


def test_roles_page_is_a_matrix_of_roles_and_documents(built: tuple[GitRepo, Path]) -> None:
    _, site = built
    html = (site / "roles" / "index.html").read_text("utf-8")
    row = html[html.index('id="dc-matrix"') :]
    row = row[row.index('data-id="QP-01"') :]
    row = row[: row.index("</tr>")]
    cells = re.findall(r"<td>(.*?)</td>", row)[2:]  # after the id and the title
    marks = [re.findall(r">(.)</span>", c) for c in cells]
    # roles: 总经理, 管理者代表, 质量部, 客服中心
    assert marks == [[], ["批"], ["编", "发"], ["发"]]
    assert "QP-03" not in html[html.index('id="dc-matrix"') :]


EXTERNAL_YML = """documents:
  - id: EXT-01
    title: 服务管理体系规范及实施指南
    number: SB/T 10382-2004
    version: "2004"
    source: 中国商业联合会
    holder: 质量部
    checked: 2026-09-01
  - id: EXT-02
    title: 家用电器安全通用要求
    number: GB 4706.1-2005
    version: "2005"
    source: 国家标准化管理委员会
    holder: 技术服务部
    checked: 2026-05-20
    status: superseded
"""


@pytest.fixture
def reviewed_site(make_repo: Callable[..., GitRepo], tmp_path: Path) -> Path:
    """A repository adopted with a superseded external standard and a document with 审核."""
    repo = make_repo(commit=False)
    repo.write("records/external.yml", EXTERNAL_YML)
    repo.edit("procedures/qp-01.md", "approvers:", "reviewers: [客服中心]\napprovers:")
    repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.tag("doccontrol/baseline", WANG, "2026-01-02T10:00:00+08:00", "纸质文件转入")
    site = tmp_path / "site"
    result = run_cli("build", "--repo", str(repo.path), "-d", str(site), "--as-of", "2026-10-01")
    assert result.code == 0, result.output
    return site


def test_external_register_shows_valid_or_superseded_and_the_date_last_checked(reviewed_site: Path) -> None:
    html = (reviewed_site / "external" / "index.html").read_text("utf-8")
    assert "<h1" in html and "外来文件清单" in html
    table = html[html.index('id="dc-external"') :]
    head = re.findall(r"<th[^>]*>(.*?)</th>", table[: table.index("</thead>")])
    assert head[-2:] == ["状态", "最近查新"]
    rows = {
        doc_id: re.findall(r"<td[^>]*>(.*?)</td>", row)
        for doc_id, row in re.findall(r'<tr data-id="(EXT-\d+)">(.*?)</tr>', table)
    }
    assert rows["EXT-01"][2:] == ["SB/T 10382-2004", "2004", "中国商业联合会", "质量部", "有效", "2026-09-01"]
    assert rows["EXT-02"][-2:] == ["已替代", "2026-05-20"]
    assert 'class="dc-ext-superseded"' in table and 'class="dc-ext-valid"' in table


def test_roles_matrix_marks_the_reviewing_role_with_shen(reviewed_site: Path) -> None:
    html = (reviewed_site / "roles" / "index.html").read_text("utf-8")
    matrix = html[html.index('id="dc-matrix"') :]
    roles = re.findall(r"<th[^>]*>(.*?)</th>", matrix[: matrix.index("</thead>")])[2:]
    assert roles == ["总经理", "管理者代表", "质量部", "客服中心"]

    def marks(doc_id: str) -> list[list[str]]:
        row = matrix[matrix.index(f'data-id="{doc_id}"') :]
        cells = re.findall(r"<td>(.*?)</td>", row[: row.index("</tr>")])[2:]
        return [re.findall(r">(.)</span>", c) for c in cells]

    # QP-01 names reviewers: [客服中心]: 审 in that role's column, and nowhere else.
    assert marks("QP-01") == [[], ["批"], ["编"], ["审"]]
    # QP-02 names no reviewers: no 审 anywhere in its row.
    assert all("审" not in m for m in marks("QP-02"))
    # The legend says what the mark means.
    assert "审</span> = 审核" in html


def _nav_targets(site: Path, page: str) -> set[str]:
    """The pages a built page's navigation links, as paths in the site (anchors left out)."""
    html = (site / page / "index.html").read_text("utf-8")
    hrefs = re.findall(r'<a href="([^"#][^"]*)" class="md-nav__link', html)
    return {posixpath.normpath(posixpath.join(page, href)) for href in hrefs}


def test_record_pages_stay_out_of_the_navigation(
    make_repo: Callable[..., GitRepo], tmp_path: Path
) -> None:
    # Material writes the whole navigation into every page: were each filed record
    # listed there, a site of N records would write N entries into each of its N
    # record pages, and the build would grow with the square of the records (the
    # build benchmark's 5000 records). The records register and the form link them.
    repo = _records_repo(make_repo, full=False)
    site = tmp_path / "site"
    _build(repo, site)
    record_page = "records/QR-01-01/2026-02-10-投诉回访"
    on_record = _nav_targets(site, record_page)
    on_document = _nav_targets(site, "procedures/qp-01")
    assert "procedures/qp-01" in on_record and "records/forms/qr-01-01" in on_record
    assert on_record == on_document, on_record ^ on_document
    assert not [t for t in on_record if t.startswith("records/QR-01-01")], on_record
