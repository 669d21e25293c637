"""The edition prints what the site shows: the same Markdown extensions, and nothing cut off.

Each test releases a real edition from a real history and reads the signed PDF
back with pdftotext (text and word boxes) and pypdf.
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
from edition_support import (
    EDITION_DAY,
    Key,
    adopted_repo,
    approve_change,
    approve_rules_change,
    edition_pdf,
    make_key,
    pdftotext,
    release,
)
from gitrepo import GitRepo
from pypdf import PdfReader

EXTENSIONS = """markdown_extensions:
  - footnotes
  - def_list
  - admonition
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
  - attr_list
  - abbr
  - pymdownx.tasklist:
      custom_checkbox: true
  - toc:
      permalink: true
"""

RICH = """

## 3 操作步骤

1. 备份配置文件

    ```bash
    cp /etc/app.conf /srv/backup/app.conf
    systemctl restart app
    ```

2. 核对结果[^part11]

[^part11]: 电子记录的要求见 21 CFR Part 11。

=== "门店"
    门店工程师填写维修单。

=== "上门"
    上门工程师拍照留档。

??? note "例外情况"
    经质量部批准可以豁免。

!!! warning "注意"
    断电后操作。

- [x] 已完成培训
- [ ] 未完成考核

校准
:   用标准器具比对测量器具的示值。

*[CAPA]: 纠正和预防措施

CAPA 记录保存三年。

| 项目 | 要求 |
|---|---|
| 温度 | 25 ℃ |
"""

COLUMNS = 15


def _fmea() -> str:
    head = "| " + " | ".join(f"栏{i:02d}名称" for i in range(1, COLUMNS + 1)) + " |"
    rule = "|" + "---|" * COLUMNS
    rows = [
        "| " + " | ".join(f"R{r}C{i:02d}失效模式与影响分析" for i in range(1, COLUMNS + 1)) + " |"
        for r in range(1, 4)
    ]
    return "\n\n## 4 FMEA\n\n" + "\n".join([head, rule, *rows]) + "\n\n表后的正文。\n"


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> tuple[GitRepo, Key, Path]:
    base = tmp_path_factory.mktemp("markdown")
    repo = adopted_repo(base / "org")
    repo.write("mkdocs.yml", repo.read("mkdocs.yml") + EXTENSIONS)
    approve_rules_change(repo, "站点启用 Markdown 扩展", "2026-01-20")
    text = repo.read("procedures/qp-01.md") + RICH + _fmea()
    approve_change(repo, "procedures/qp-01.md", text, "2026-02-02", "zhang/qp-01-rich")
    key = make_key(base / "keys")
    result = release(repo.path, key)
    assert result.code == 0, result.output
    return repo, key, edition_pdf(repo.path)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_footnotes_print_as_footnotes_not_as_markup(edition: tuple[GitRepo, Key, Path]) -> None:
    text = pdftotext(edition[2])
    assert "[^part11]" not in text
    assert "电子记录的要求见 21 CFR Part 11" in text
    assert "核对结果1" in _flat(text)  # the reference mark, as the site shows it


def test_a_fence_inside_a_numbered_list_stays_a_block_of_commands(
    edition: tuple[GitRepo, Key, Path],
) -> None:
    lines = [line.strip() for line in pdftotext(edition[2], layout=True).splitlines()]
    assert "cp /etc/app.conf /srv/backup/app.conf" in lines
    assert "systemctl restart app" in lines  # its own line, not run into the previous command
    assert "```" not in "\n".join(lines)


def test_tabs_details_admonitions_definitions_tasks_and_abbreviations(
    edition: tuple[GitRepo, Key, Path],
) -> None:
    flat = _flat(pdftotext(edition[2]))
    # Every tab, one after the other, each with its label.
    assert "门店门店工程师填写维修单。上门上门工程师拍照留档。" in flat
    # A collapsed block is printed open (a page may fall between its title and its text).
    assert flat.index("例外情况") < flat.index("经质量部批准可以豁免。") < flat.index("注意断电后操作。")
    assert "校准用标准器具比对测量器具的示值。" in flat
    assert "已完成培训" in flat and "未完成考核" in flat
    assert "CAPA记录保存三年。" in flat and "*[CAPA]" not in flat
    for raw in ('===', '???', '!!!', '- [x]', '¶'):
        assert raw not in flat, raw


def _words(pdf: Path, page: int) -> tuple[float, float, list[tuple[str, float, float]]]:
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout
    size = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', out)
    assert size is not None
    words = [
        (html.unescape(m.group(5)), float(m.group(1)), float(m.group(3)))
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out
        )
    ]
    return float(size.group(1)), float(size.group(2)), words


def test_a_fifteen_column_table_is_printed_whole_on_a_landscape_page(
    edition: tuple[GitRepo, Key, Path],
) -> None:
    pdf = edition[2]
    reader = PdfReader(pdf)
    page = next(
        i for i in range(1, len(reader.pages) + 1) if "栏15" in _flat(pdftotext(pdf, i, i))
    )
    width, height, words = _words(pdf, page)
    assert width > height  # landscape
    box = reader.pages[page - 1].mediabox
    assert float(box.width) == pytest.approx(width, abs=1)
    text = _flat(pdftotext(pdf, page, page))
    for column in range(1, COLUMNS + 1):
        assert f"栏{column:02d}" in text, column  # every column's header is on the page
        for row in range(1, 4):
            assert f"R{row}C{column:02d}" in text, (row, column)
    margin = 18 / 25.4 * 72  # the print stylesheet's side margins
    for word, left, right in words:
        assert left >= margin - 1 and right <= width - margin + 1, (word, left, right, width)
    # The text after the table is back on a portrait page.
    after = next(i for i in range(1, len(reader.pages) + 1) if "表后的正文" in _flat(pdftotext(pdf, i, i)))
    assert after > page
    assert float(reader.pages[after - 1].mediabox.width) < float(reader.pages[after - 1].mediabox.height)


def test_a_box_wider_than_the_page_refuses_the_edition_at_its_line(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    text = repo.read("procedures/qp-01.md") + '\n\n<div style="width: 260mm">宽得放不下的方框</div>\n'
    approve_change(repo, "procedures/qp-01.md", text, "2026-02-02", "zhang/wide-box")
    result = release(repo.path, make_key(tmp_path / "keys"))
    assert result.code == 1, result.output
    line = text.split("\n").index('<div style="width: 260mm">宽得放不下的方框</div>') + 1
    assert f"procedures/qp-01.md:{line}: error: print-overflow:" in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert not (repo.path / "editions" / EDITION_DAY).exists()


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        ("  - nosuch_markdown_extension\n", "'nosuch_markdown_extension' is not installed"),
        ("  - toc:\n      no_such_option: true\n", "'toc' refuses its options"),
        ("  - pymdownx.emoji:\n      emoji_generator: !!python/name:nosuch.module.gen\n",
         "nosuch.module.gen cannot be imported"),
    ],
)
def test_an_extension_print_cannot_load_is_a_finding(tmp_path: Path, entry: str, said: str) -> None:
    repo = adopted_repo(tmp_path / "org")
    config = repo.read("mkdocs.yml") + "markdown_extensions:\n  - tables\n" + entry
    repo.write("mkdocs.yml", config)
    approve_rules_change(repo, "扩展", "2026-01-20")
    result = release(repo.path, make_key(tmp_path / "keys"), lang="en")
    assert result.code == 1, result.output
    line = len(config.rstrip("\n").split("\n")) - entry.count("\n") + 1
    if "python/name" in entry:
        line += 1
    assert f"mkdocs.yml:{line}: error: print-extension:" in result.stderr, result.stderr
    assert said in result.stderr and "Traceback" not in result.output


def test_an_extension_cannot_make_the_pdf_load_from_the_network(tmp_path: Path) -> None:
    """pymdownx.emoji's PNG generator links images on a CDN: the sandbox refuses them."""
    repo = adopted_repo(tmp_path / "org")
    repo.write("mkdocs.yml", repo.read("mkdocs.yml") + "markdown_extensions:\n  - pymdownx.emoji:\n"
               "      emoji_generator: !!python/name:pymdownx.emoji.to_png\n")
    approve_rules_change(repo, "表情", "2026-01-20")
    text = repo.read("procedures/qp-01.md") + "\n\n完成后点赞 :thumbsup:\n"
    approve_change(repo, "procedures/qp-01.md", text, "2026-02-02", "zhang/emoji")
    result = release(repo.path, make_key(tmp_path / "keys"), lang="en")
    assert result.code == 1, result.output
    line = text.split("\n").index("完成后点赞 :thumbsup:") + 1
    assert f"procedures/qp-01.md:{line}: error: edition-resource:" in result.stderr, result.stderr
    assert "network" in result.stderr


def test_the_pdf_opens_on_its_outline_of_documents_and_their_sections(
    edition: tuple[GitRepo, Key, Path],
) -> None:
    reader = PdfReader(edition[2])
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"

    def titles(items: list[object], depth: int = 0) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        for item in items:
            if isinstance(item, list):
                out += titles(item, depth + 1)
            else:
                out.append((depth, str(getattr(item, "title", ""))))
        return out

    outline = titles(list(reader.outline))
    document = next(i for i, (depth, title) in enumerate(outline) if "文件控制程序" in title)
    below = [title for depth, title in outline[document + 1:] if depth > outline[document][0]]
    for section in ("1 目的", "2 工作程序", "3 操作步骤", "4 FMEA"):
        assert any(section in title for title in below), (section, outline)


def test_the_edition_carries_the_revision_list_and_the_registers(
    edition: tuple[GitRepo, Key, Path],
) -> None:
    text = pdftotext(edition[2], layout=True)
    # 受控文件清单: every printed document; 记录清单: the record forms, kept how long and where.
    documents = text[text.index("受控文件清单") : text.index("记录清单")]
    for doc_id in ("SM-01", "QP-01", "QP-02", "QR-01-01"):
        assert doc_id in documents, documents
    records = text[text.index("记录清单") : text.index("修订清单")]
    assert re.search(r"QR-01-01\s+文件发放回收登记表\s+A/0\s+3\s*年\s+质量部档案室\s+质量部", records), records
    assert "QP-01" not in records
    revisions = text[text.index("修订清单") : text.index("外来文件清单")]
    # No earlier edition: every revision of the printed documents, with approver and date.
    assert re.search(r"QP-01\s+文件控制程序\s+A/1\s+2026-02-02\s+李代表", revisions), revisions
    assert re.search(r"QP-01\s+文件控制程序\s+A/0\s+2026-01-02\s+王总", revisions), revisions
    external = text[text.index("外来文件清单") : text.index("作废文件")]
    assert "EXT-01" in external and "SB/T 10382-2004" in external, external
    outline = [str(getattr(item, "title", "")) for item in PdfReader(edition[2]).outline
               if not isinstance(item, list)]
    for title in ("受控文件清单", "记录清单", "修订清单", "外来文件清单", "作废文件"):
        assert any(title in entry for entry in outline), outline
