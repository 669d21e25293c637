"""Redlines on the site: the rendered text of a revision against the one before, worked
out at build time by the same diff as ``doccontrol diff``, stored once per version."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from conftest import LI, ZHANG, run_cli
from doccontrol.rendering.display_text import display_lines
from doccontrol.rendering.redline import Kind, redline_rows
from gitrepo import GitRepo

MakeRepo = Callable[..., GitRepo]
PAGE = "procedures/qp-01"


def _approve(repo: GitRepo, branch: str, edits: list[tuple[str, str]], day: int) -> None:
    repo.branch(branch)
    for old, new in edits:
        repo.edit("procedures/qp-01.md", old, new)
    repo.commit(f"QP-01 修订 {day}", ZHANG, f"2026-02-{day:02d}T09:00:00+08:00")
    repo.checkout("main")
    repo.merge(branch, LI, f"2026-02-{day + 1:02d}T10:00:00+08:00")


def _site(repo: GitRepo, tmp_path: Path) -> Path:
    site = tmp_path / "site"
    result = run_cli("build", "--repo", str(repo.path), "-d", str(site))
    assert result.code == 0, result.output
    return site


def _shown(site: Path, label: str) -> tuple[dict[str, object], str]:
    """A revision's redline data and the text the page puts together from it."""
    bundle = json.loads((site / "redline" / "d" / f"{PAGE}.json").read_text("utf-8"))
    data = bundle["revisions"][label]
    rows = [bundle["rows"][i] for i in bundle["versions"][data["version"]]]
    body = data["body"]
    assert isinstance(body, list)
    html = "".join(part if isinstance(part, str) else "".join(rows[part[0] : part[1]]) for part in body)
    return data, html


def test_a_chinese_edit_is_marked_by_character_in_the_rendered_text(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    repo = make_repo()
    _approve(
        repo,
        "zhang/a1",
        [("规定文件的编制、审批、发布和修改。", "规定文件的编制、审核、批准、发布和修改。见 [[QP-02]]。")],
        1,
    )
    site = _site(repo, tmp_path)
    data, html = _shown(site, "A-1")
    # Only the characters that changed are marked.
    assert "规定文件的编制、审" in html
    assert re.findall(r"<ins[^>]*>([^<]*)</ins>", html) == ["核、", "准", "见 QP-02 记录控制程序。"]
    assert "<del" not in html
    # The rendered text: no front matter, no heading marks, the wikilink resolved to its title.
    text = re.sub(r"<[^>]+>", "", html)
    assert "id: QP-01" not in text and "##" not in text and "[[" not in text
    assert '<p class="dc-rl dc-rl-h2">1 目的</p>' in html
    assert data["changes"] == 3  # three runs of marks, with unchanged text between them
    # The terminal's diff is the same diff: the same characters marked.
    diff = run_cli("diff", "QP-01", "--repo", str(repo.path)).stdout
    assert "规定文件的编制、审{+核、+}批{+准+}、发布和修改。{+见 [[QP-02]]。+}" in diff


def test_a_front_matter_change_is_a_table_above_the_text(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    repo = make_repo()
    _approve(
        repo,
        "zhang/b0",
        [
            ("title: 文件控制程序", "title: 文件和资料控制程序"),
            ("approvers: [管理者代表]", "approvers: [管理者代表]\nedition: B"),
        ],
        3,
    )
    site = _site(repo, tmp_path)
    data, html = _shown(site, "B-0")
    head = str(data["head"])
    fields = re.findall(
        r'<tr class="dc-rl-field" data-change="(\d)"[^>]*><td>([^<]*)</td><td><del>([^<]*)</del></td>'
        r"<td><ins>([^<]*)</ins></td></tr>",
        head,
    )
    assert fields == [("1", "文件名称", "文件控制程序", "文件和资料控制程序"), ("2", "版次", "—", "B")]
    assert data["changes"] == 2 and "data-change" not in html  # the body did not change
    # The page itself is one themed page; the link from the history table leads to it.
    page = (site / "procedures" / "qp-01" / "index.html").read_text("utf-8")
    assert 'href="../../redline/?doc=procedures/qp-01&amp;rev=B-0"' in page
    assert (site / "redline" / "index.html").exists()
    assert "md-nav--primary" in (site / "redline" / "index.html").read_text("utf-8")


def test_the_change_count_equals_the_marked_changes(make_repo: MakeRepo, tmp_path: Path) -> None:
    repo = make_repo()
    _approve(repo, "zhang/a1", [("文件经批准后发布。", "文件经管理者代表批准后发布，并通知各部门。")], 1)
    _approve(
        repo,
        "zhang/a2",
        [
            ("规定文件的编制、审批、发布和修改。", "规定文件的编制、审批和发布。"),
            ("批准后发布，并通知各部门。", "批准后发布。\n\n新增：作废文件加盖作废章。"),
            ("clauses: [\"4.6.3\"]", "clauses: [\"4.6.3\"]\neffective: 2026-03-01"),
        ],
        10,
    )
    site = _site(repo, tmp_path)
    data, html = _shown(site, "A-2")
    marked = set(re.findall(r'data-change="(\d+)"', html + str(data["head"])))
    assert data["changes"] == len(marked) == 5
    # Each change has one anchor for jump-to-next.
    assert sorted(re.findall(r'id="dc-change-(\d+)"', html + str(data["head"]))) == sorted(marked)
    # A revision's unchanged lines are not stored again: they point into the version.
    assert any(isinstance(part, list) for part in data["body"])  # type: ignore[union-attr]
    bundle = json.loads((site / "redline" / "d" / f"{PAGE}.json").read_text("utf-8"))
    assert len(bundle["versions"]) == 3  # A/0, A/1, A/2: each distinct version once
    # and each distinct line once: the versions share the rows they have in common.
    assert len(bundle["rows"]) == len(set(bundle["rows"]))
    assert len(bundle["rows"]) < sum(len(v) for v in bundle["versions"].values())
    assert sorted(bundle["revisions"]) == ["A-1", "A-2"]


def test_rows_keep_the_layout_and_number_changes() -> None:
    old = display_lines("# 标题\n\n- 甲\n- 丙\n\n| 项目 | 期限 |\n|---|---|\n| 投诉 | 24 小时 |\n")
    new = display_lines("# 标题\n\n- 甲\n- 丁\n\n| 项目 | 期限 |\n|---|---|\n| 投诉 | 48 小时 |\n")
    assert [line.kind for line in new] == ["h1", "li", "li", "row", "row"]
    ops, changes = redline_rows([ln.text for ln in old], [ln.text for ln in new])
    marks = [m for op in ops if isinstance(op, tuple) for row in op for m in row.marks]
    assert [(m.kind, m.text, m.change) for m in marks if m.kind is not Kind.EQUAL] == [
        (Kind.DELETE, "丙", 1),
        (Kind.INSERT, "丁", 1),
        (Kind.DELETE, "24", 2),
        (Kind.INSERT, "48", 2),
    ]
    assert changes == 2


def test_code_links_and_emphasis_read_as_text() -> None:
    lines = display_lines(
        "## 2 工作程序 {#work}\n\n按 **[服务规范](../ss-01.md)** 执行，见 `QR-01`。\n"
        "下一行接着读。\n\n```\n## 不是标题\n```\n<!-- doccontrol:roles -->\n"
    )
    assert [(ln.kind, ln.text) for ln in lines] == [
        ("h2", "2 工作程序"),
        ("p", "按 服务规范 执行，见 QR-01。下一行接着读。"),
        ("code", "## 不是标题"),
    ]
