"""``doccontrol diff``: a redline between two revisions, by character for Chinese text."""

from __future__ import annotations

from collections.abc import Callable

from conftest import LI, ZHANG
from doccontrol.rendering.redline import redline_html, redline_text
from gitrepo import GitRepo
from workflow_cases import cli

MakeRepo = Callable[..., GitRepo]


def _approve(repo: GitRepo, branch: str, old: str, new: str, day: int) -> None:
    repo.branch(branch)
    repo.edit("procedures/qp-01.md", old, new)
    repo.commit(f"QP-01 修订 {day}", ZHANG, f"2026-02-{day:02d}T09:00:00+08:00")
    repo.checkout("main")
    repo.merge(branch, LI, f"2026-02-{day + 1:02d}T10:00:00+08:00")


def test_diff_shows_a_chinese_redline_between_revisions(make_repo: MakeRepo) -> None:
    repo = make_repo()
    _approve(repo, "zhang/a1", "规定文件的编制、审批、发布和修改。", "规定文件的编制、审核、批准、发布和修改。", 1)
    _approve(repo, "zhang/a2", "文件经批准后发布。", "文件经管理者代表批准后发布，并通知各部门。", 10)

    latest = cli(repo, "diff", "QP-01")
    assert latest.code == 0, latest.output
    lines = latest.stdout.splitlines()
    assert lines[0] == "QP-01 文件控制程序: A/1 (2026-02-02, 李代表) → A/2 (2026-02-11, 李代表)"
    # Only the characters that changed are marked, not the whole line.
    assert "文件经{+管理者代表+}批准后发布{+，并通知各部门+}。" in lines
    assert not any("审核" in line for line in lines[1:]), "A/1's change is not part of A/1 → A/2"

    first = cli(repo, "diff", "QP-01", "A/0", "A/1").stdout
    assert "规定文件的编制、审{+核、+}批{+准+}、发布和修改。" in first
    both = cli(repo, "diff", "QP-01", "A/0").stdout  # to the current revision
    assert "审{+核、+}批{+准+}" in both and "{+管理者代表+}" in both

    repo.append("procedures/qp-01.md", "\n工作区中的新句子。\n")
    draft = cli(repo, "diff", "QP-01", "A/2", "worktree").stdout
    assert "{+工作区中的新句子。+}" in draft

    coloured = cli(repo, "diff", "QP-01", "--color").stdout
    assert "\x1b[" in coloured and "[-" not in coloured

    missing = cli(repo, "--lang", "en", "diff", "QP-01", "A/7")
    assert missing.code == 2 and "its revisions are A/0, A/1, A/2" in missing.stderr


def test_latin_text_is_compared_by_word() -> None:
    old = "维修服务 within 24 hours, 见 QP-06。\n"
    new = "维修服务 within 48 hours, 见 QP-07。\n"
    assert redline_text(old, new) == "@@ -1,1 +1,1 @@\n维修服务 within [-24-]{+48+} hours, 见 [-QP-06-]{+QP-07+}。"


def test_redline_html_marks_deletions_and_insertions() -> None:
    old = "# 标题\n\n收费<按>标准执行。\n删除的一行。\n"
    new = "# 标题\n\n收费<严格按>标准执行。\n"
    html = redline_html(old, new)
    assert html.startswith('<pre class="dc-redline"')
    assert "收费&lt;<ins class=\"dc-ins\">严格</ins>按&gt;标准执行。" in html
    assert '<del class="dc-del">删除的一行。</del>' in html
    assert redline_text(old, old) == ""
