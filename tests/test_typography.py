"""Chinese typography: ``check`` warns about ASCII punctuation between Chinese characters,
``doccontrol fix --typography`` rewrites only those marks."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from doccontrol.sources.typography import fix_typography, typography_findings
from gitrepo import GitRepo
from workflow_cases import cli

MakeRepo = Callable[..., GitRepo]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("处理顾客投诉,对服务失误采取补救", "处理顾客投诉，对服务失误采取补救"),
        ("归口部门;受理和登记投诉", "归口部门；受理和登记投诉"),
        ("3.1 客服中心:本程序的归口部门", "3.1 客服中心：本程序的归口部门"),
        ("一致(见 [[QP-03]]);", "一致（见 [[QP-03]]）；"),
        ("能贴在网点吗?不能", "能贴在网点吗？不能"),
        ("注意安全!再上门", "注意安全！再上门"),
        ('顾客表示"不满意"的', "顾客表示“不满意”的"),
        ("文件库(git 仓库)中", "文件库（git 仓库）中"),
        ("投诉的,30 分钟内转客服中心", "投诉的，30 分钟内转客服中心"),
    ],
)
def test_each_mark_in_chinese_text_is_made_full_width(before: str, after: str) -> None:
    text, fixes = fix_typography(before + "\n")
    assert text == after + "\n"
    assert [f.line for f in fixes] == [1]


@pytest.mark.parametrize(
    "line",
    [
        "维修服务 within 24 hours, 7 days a week (holidays too): call us!",
        "命令 `doccontrol new procedure --title \"名称\", 然后提交`",
        "见 [链接](https://example.com/a,b;c) 和 https://example.com/x,中",
        "e) 其服务行为接受顾客评价",
        '提交说明写 "Reviewed: QP-06" 即可',
        "时间 10:30 到 12:00",
    ],
)
def test_code_links_and_ascii_text_are_left_alone(line: str) -> None:
    assert fix_typography(line + "\n") == (line + "\n", [])


def test_front_matter_and_fenced_code_are_left_alone() -> None:
    text = (
        "---\nid: QP-01\ntitle: 文件控制程序\nclauses: [\"4.4.4\", \"4.5.3\"]\n"
        "references: [SS-01, SC-01]\n---\n\n```\n中文,中文\n```\n\n正文,正文\n"
    )
    fixed, fixes = fix_typography(text)
    assert fixed == text.replace("正文,正文", "正文，正文")
    assert [f.line for f in fixes] == [12]


def test_the_warning_names_the_line_once_and_the_marks() -> None:
    findings = typography_findings("procedures/qp-01.md", "甲,乙,丙;丁\n\nok, fine\n")
    assert [(f.code, f.line, f.severity.value) for f in findings] == [("typography", 1, "warning")]
    assert "',' → '，' ×2" in findings[0].message and "';' → '；'" in findings[0].message
    assert "doccontrol fix --typography procedures/qp-01.md" in findings[0].message


def test_check_warns_and_fix_rewrites_only_those_characters(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.edit("procedures/qp-01.md", "文件经批准后发布。", "文件经批准后发布,见 `a, b`。\nEnglish, as is.")
    before = cli(repo, "--lang", "en", "check")
    assert before.code == 0, before.output
    warned = [ln for ln in before.stdout.splitlines() if ": typography: " in ln]
    assert warned == [
        "procedures/qp-01.md:17: warning: typography: ASCII punctuation in Chinese text: "
        "',' → '，'; run 'doccontrol fix --typography procedures/qp-01.md' or type the full-width marks"
    ]
    fixed = cli(repo, "fix", "--typography", str(repo.path / "procedures"))
    assert fixed.code == 0, fixed.output
    assert "procedures/qp-01.md:17: ',' → '，'" in fixed.stdout
    assert "文件经批准后发布，见 `a, b`。\nEnglish, as is." in repo.read("procedures/qp-01.md")
    after = cli(repo, "check")
    assert ": typography: " not in after.stdout
    assert "nothing to fix" in cli(repo, "--lang", "en", "fix", "--typography").stdout


def test_links_are_read_by_their_text_and_wikilinks_as_chinese() -> None:
    text = '记入 [[QR-11-01]](投诉类别注明"主动补救")。见 [服务规范](../ss-01.md),按其执行\n'
    fixed, _ = fix_typography(text)
    assert fixed == "记入 [[QR-11-01]]（投诉类别注明“主动补救”）。见 [服务规范](../ss-01.md)，按其执行\n"
    assert fix_typography(fixed) == (fixed, [])
