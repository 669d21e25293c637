"""``doccontrol codeowners`` for GitHub and GitLab, and ``check`` noticing a stale CODEOWNERS."""

from __future__ import annotations

from collections.abc import Callable

from gitrepo import GitRepo
from workflow_cases import cli

MakeRepo = Callable[..., GitRepo]

FOLDER_DOC = """---
id: SM-02
title: 服务质量手册
type: manual
owner: 质量部
approvers: [总经理, 管理者代表]
---
# 服务质量手册

见各章。
"""


def _rules(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_github_codeowners_from_approvers_and_handles(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.write("manual/sm-02/index.md", FOLDER_DOC)
    repo.write("manual/sm-02/01-scope.md", "# 范围\n\n适用于全公司。\n")
    result = cli(repo, "codeowners")
    assert result.code == 0, result.output
    assert _rules(result.stdout) == [
        "/manual/sm-01.md @wang",
        "/manual/sm-02/ @wang @li",  # a folder document: the folder, all of its chapters
        "/procedures/qp-01.md @li",
        "/procedures/qp-02.md @li",
        "/records/forms/qr-01-01.md @li",
        "/manual/roles.yml @wang",  # last, so that it wins: the top role owns roles.yml
    ]
    assert "# QP-01 文件控制程序 — 管理者代表" in result.stdout


def test_gitlab_codeowners_has_sections_and_the_approval_count(make_repo: MakeRepo) -> None:
    repo = make_repo()
    result = cli(repo, "codeowners", "--format", "gitlab")
    assert result.code == 0, result.output
    assert _rules(result.stdout) == [
        "[服务手册]",
        "/manual/sm-01.md @wang",
        "[程序文件]",
        "/procedures/qp-01.md @li",
        "/procedures/qp-02.md @li",
        "[记录表单]",
        "/records/forms/qr-01-01.md @li",
        "[角色与权限]",
        "/manual/roles.yml @wang",
    ]
    settings = repo.read("mkdocs.yml")
    repo.write("mkdocs.yml", settings.replace("  - doc-control\n", "  - doc-control:\n      min_approvals: 2\n"))
    two = cli(repo, "codeowners", "--format", "gitlab").stdout
    assert "[程序文件][2]" in two and "[角色与权限][2]" in two


def test_a_person_without_a_handle_is_named_not_guessed(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.edit("manual/roles.yml", "    handles: [li]\n", "")
    result = cli(repo, "--lang", "en", "codeowners")
    assert result.code == 0
    assert "/procedures/qp-01.md" not in result.stdout
    assert "# no forge handle for 李代表: add 'handles' to manual/roles.yml" in result.stdout
    assert "no forge handle for 李代表" in result.stderr


def test_check_warns_when_the_committed_codeowners_is_stale(make_repo: MakeRepo) -> None:
    repo = make_repo()
    wrote = cli(repo, "codeowners", "--write")
    assert wrote.code == 0 and (repo.path / ".github/CODEOWNERS").is_file()
    gitlab = cli(repo, "codeowners", "--write", "--format", "gitlab")
    assert gitlab.code == 0 and (repo.path / ".gitlab/CODEOWNERS").is_file()
    repo.commit("CODEOWNERS")
    clean = cli(repo, "check")
    assert clean.code == 0 and "codeowners-stale" not in clean.stdout, clean.output

    # QP-01 is now approved by the general manager: both files name the wrong reviewer.
    repo.edit("procedures/qp-01.md", "approvers: [管理者代表]", "approvers: [总经理]")
    stale = cli(repo, "--lang", "en", "check")
    assert stale.code == 0, stale.output  # a warning: the forge setup, not the documents
    lines = [line for line in stale.stdout.splitlines() if "codeowners-stale" in line]
    assert len(lines) == 2, stale.stdout
    assert lines[0].startswith(".github/CODEOWNERS:")
    assert ": warning: codeowners-stale: " in lines[0]
    assert "should read: /procedures/qp-01.md @wang" in lines[0]
    assert "doccontrol codeowners --write --format github --path .github/CODEOWNERS" in lines[0]
    assert lines[1].startswith(".gitlab/CODEOWNERS:") and "--format gitlab" in lines[1]

    assert cli(repo, "codeowners", "--write").code == 0
    assert cli(repo, "codeowners", "--write", "--format", "gitlab").code == 0
    assert "codeowners-stale" not in cli(repo, "check").stdout
    # A hand edit is stale too, wherever the forge reads the file from.
    (repo.path / ".github/CODEOWNERS").rename(repo.path / "CODEOWNERS")
    repo.append("CODEOWNERS", "/docs/ @someone\n")
    hand = cli(repo, "check").stdout
    assert "CODEOWNERS:" in hand and "codeowners-stale" in hand
