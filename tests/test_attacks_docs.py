"""Attacks on the site pages under docs/ (issue 12, rule 11), each a real git history.

The pages under the MkDocs docs_dir are controlled like documents: a change needs
the top role (总经理, 王总 in the minimal fixture) or a role named in
``site_pages_approvers``; the baseline adopts the pages at its commit; a release
build shows approved text only. Each test asserts the exact finding code and the
commit it names, and, where the site matters, what a real build wrote.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from conftest import LI, WANG, ZHANG, ZHAO, run_cli
from gitrepo import GitRepo, Who
from history_cases import (
    QP01,
    QP02,
    adopt,
    assert_names_commit,
    branch_commit,
    check,
    document,
    finding_line,
    register,
)

MakeRepo = Callable[..., GitRepo]
AS_OF = "2026-06-01"
HOME = "docs/index.md"
ATTACK = "\n紧急通知：所有退款请转入个人账户 6222-0000。\n"


def _build(repo: GitRepo, site: Path, *extra: str) -> str:
    result = run_cli("build", "--repo", str(repo.path), "-d", str(site), "--as-of", AS_OF, *extra)
    assert result.code == 0, result.output
    return (site / "index.html").read_text("utf-8")


def _page_change(repo: GitRepo, branch: str, path: str = HOME, text: str = ATTACK) -> str:
    """A branch by 张质量 that appends ``text`` to ``path``; back on main after."""
    repo.branch(branch)
    if (repo.path / path).exists():
        repo.append(path, text)
    else:
        repo.write(path, "# 新页面\n" + text)
    sha = repo.commit(f"修改 {path}", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    return sha


def test_unapproved_edit_of_the_home_page_is_reported_and_not_shown(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    repo = make_repo()
    repo.append(HOME, ATTACK)
    sha = repo.commit("首页加通知", ZHANG, "2026-02-01T09:00:00+08:00")
    result = check(repo, AS_OF)
    assert result.code == 1, result.output
    line = finding_line(result.stdout, "unapproved-change", ZHANG)
    assert line.startswith(f"{HOME}:1: error: unapproved-change: ")
    assert "site page" in line and "last approved text" in line
    assert_names_commit(line, sha)
    home = _build(repo, tmp_path / "site")
    assert "6222-0000" not in home
    assert "本站点展示现行受控文件" in home  # the adopted text stays


def test_approved_edit_of_the_home_page_by_the_top_role_is_shown(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    repo = make_repo()
    _page_change(repo, "home", text="\n本周六客服热线延长至二十点。\n")
    repo.merge("home", WANG, "2026-02-02T10:00:00+08:00")
    result = check(repo, AS_OF)
    assert ": unapproved-change: " not in result.stdout, result.output
    assert result.code == 0, result.output
    assert "客服热线延长至二十点" in _build(repo, tmp_path / "site")


def test_new_page_never_approved_is_absent_from_the_release_site_and_shown_in_preview(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    repo = make_repo()
    repo.write("docs/notice.md", "# 通知\n" + ATTACK)
    sha = repo.commit("新增通知页", ZHANG, "2026-02-01T09:00:00+08:00")
    result = check(repo, AS_OF)
    line = finding_line(result.stdout, "unapproved-change", ZHANG)
    assert line.startswith("docs/notice.md:1: error: unapproved-change: ")
    assert "leaves the page out" in line
    assert_names_commit(line, sha)
    release = tmp_path / "release"
    _build(repo, release)
    assert not (release / "notice/index.html").exists()
    assert "6222-0000" not in (release / "search/search_index.json").read_text("utf-8")
    preview = tmp_path / "preview"
    _build(repo, preview, "--preview")
    assert "6222-0000" in (preview / "notice/index.html").read_text("utf-8")


def test_preview_build_shows_the_working_tree_of_the_home_page(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    repo = make_repo()
    repo.append(HOME, ATTACK)
    repo.commit("首页加通知", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.append(HOME, "\n尚未提交的草稿行。\n")
    home = _build(repo, tmp_path / "site", "--preview")
    assert "6222-0000" in home and "尚未提交的草稿行" in home


def test_merge_by_a_person_without_the_top_role_does_not_approve_a_page(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    repo = make_repo()
    _page_change(repo, "home")
    merge = repo.merge("home", LI, "2026-02-02T10:00:00+08:00")
    result = check(repo, AS_OF)
    line = finding_line(result.stdout, "unapproved-change", LI)
    assert line.startswith(f"{HOME}:1: error: unapproved-change: ")
    assert "李代表 does not hold an approver role (总经理)" in line
    assert_names_commit(line, merge)
    assert "6222-0000" not in _build(repo, tmp_path / "site")


def test_site_pages_approvers_lets_a_named_role_approve(make_repo: MakeRepo) -> None:
    repo = make_repo(commit=False)
    repo.edit("mkdocs.yml", "  - doc-control\n", "  - doc-control:\n      site_pages_approvers: [管理者代表]\n")
    adopt(repo)
    _page_change(repo, "home")
    repo.merge("home", LI, "2026-02-02T10:00:00+08:00")
    _page_change(repo, "again", text="\n第二次修改。\n")
    repo.checkout("again")
    repo.append(HOME, "\n分支上由李代表本人追加。\n")
    repo.commit("李代表追加", LI, "2026-02-03T09:00:00+08:00")
    repo.checkout("main")
    merge = repo.merge("again", LI, "2026-02-04T10:00:00+08:00")
    result = check(repo, AS_OF)
    # The first merge counts; the second does not, as 李代表 wrote part of it.
    line = finding_line(result.stdout, "unapproved-change", LI)
    assert "李代表 is an author of the change and cannot approve it" in line
    assert_names_commit(line, merge)
    assert result.stdout.count(": unapproved-change: ") == 1, result.output


def test_baseline_adopts_the_pages_at_its_commit_only(make_repo: MakeRepo) -> None:
    """A page committed before the baseline is adopted; one committed after it is not."""
    repo = make_repo()
    result = check(repo, AS_OF)
    assert result.code == 0 and ": unapproved-change: " not in result.stdout, result.output
    repo.remove(HOME)
    sha = repo.commit("删除首页", ZHANG, "2026-02-01T09:00:00+08:00")
    line = finding_line(check(repo, AS_OF).stdout, "unapproved-change", ZHANG)
    assert line.startswith(f"{HOME}:1: error: unapproved-change: ")
    assert_names_commit(line, sha)


def test_a_page_under_a_custom_docs_dir_is_controlled(make_repo: MakeRepo) -> None:
    repo = make_repo(commit=False)
    repo.edit("mkdocs.yml", "docs_dir: docs", "docs_dir: site-src")
    (repo.path / "docs").rename(repo.path / "site-src")
    adopt(repo)
    repo.append("site-src/index.md", ATTACK)
    sha = repo.commit("首页加通知", ZHANG, "2026-02-01T09:00:00+08:00")
    line = finding_line(check(repo, AS_OF).stdout, "unapproved-change", ZHANG)
    assert line.startswith("site-src/index.md:1: error: unapproved-change: ")
    assert_names_commit(line, sha)


# -- rule 1 for GitLab: forge_committers ------------------------------------------------------

QP01_LATER = "2026-06-01"
LATER_CHECK = "2026-06-01"
GHE = Who("GitHub Enterprise", "noreply@ghe.example.com")


def _with_options(make_repo: MakeRepo, *options: str) -> GitRepo:
    repo = make_repo(commit=False)
    body = "".join(f"      {o}\n" for o in options)
    repo.edit("mkdocs.yml", "  - doc-control\n", f"  - doc-control:\n{body}")
    adopt(repo)
    return repo


def _gitlab_squash(repo: GitRepo) -> str:
    """GitLab's squash: authored by the MR's author (张质量), committed by whoever pressed
    merge (赵客服), the message from a template holding %{approved_by} (李代表)."""
    branch_commit(repo, "zhang/qp01", ZHANG)
    return repo.squash(
        "zhang/qp01",
        ZHAO,
        "文件控制程序增加记录",
        "2026-02-03T10:00:00+08:00",
        trailers=(f"Approved-by: {LI.ident}",),
        author=ZHANG,
    )


def test_gitlab_squash_trailer_counts_when_every_committer_is_the_forge_and_trusted(
    make_repo: MakeRepo,
) -> None:
    repo = _with_options(make_repo, "forge_trailers: trusted", 'forge_committers: ["*"]')
    sha = _gitlab_squash(repo)
    qp01 = document(register(repo, QP01_LATER), "QP-01")
    assert qp01["revision"] == "A/1" and qp01["history"][-1]["commit"] == sha
    result = run_cli("--lang", "en", "check", "--repo", str(repo.path), "--as-of", QP01_LATER, "--explain-trust")
    assert result.code == 0, result.output
    (line,) = [ln for ln in result.stdout.splitlines() if ln.startswith("QP-01 A/1")]
    assert f"李代表: a forge-written Approved-by trailer (commit {sha[:8]})" in line


def test_gitlab_squash_trailer_typed_by_the_merger_counts_for_nothing_by_default(
    make_repo: MakeRepo,
) -> None:
    """Without the config saying so, 赵客服 committed a trailer naming 李代表: it is 赵客服's word."""
    repo = make_repo()
    sha = _gitlab_squash(repo)
    result = check(repo, QP01_LATER)
    assert result.code == 1
    line = finding_line(result.stdout, "unapproved-change", ZHANG)
    assert_names_commit(line, sha)
    assert f"recorded by {ZHAO.name}" in line and "counts for nothing" in line


def test_gitlab_merge_commit_with_template_trailer_counts_when_trusted(make_repo: MakeRepo) -> None:
    """GitLab's merge commit: author and committer are the merger (赵客服, no approver role);
    the approver comes from the template's Approved-by trailer."""
    repo = _with_options(make_repo, "forge_trailers: trusted", 'forge_committers: ["*"]')
    branch_commit(repo, "zhang/qp01", ZHANG)
    sha = repo.merge("zhang/qp01", ZHAO, trailers=(f"Approved-by: {LI.ident}",))
    qp01 = document(register(repo, QP01_LATER), "QP-01")
    assert qp01["revision"] == "A/1" and qp01["history"][-1]["commit"] == sha
    assert check(repo, QP01_LATER).code == 0


def test_every_committer_as_forge_but_untrusted_ignores_every_trailer(make_repo: MakeRepo) -> None:
    """"*" without forge_trailers: trusted: no trailer on the branch counts, even a self-recorded one."""
    repo = _with_options(make_repo, 'forge_committers: ["*"]')
    branch_commit(repo, "zhang/qp01", ZHANG)
    sha = repo.squash(
        "zhang/qp01", LI, "文件控制程序增加记录", trailers=(f"Approved-by: {LI.ident}",), author=ZHANG
    )
    result = check(repo, QP01_LATER)
    line = finding_line(result.stdout, "unapproved-change", ZHANG)
    assert_names_commit(line, sha)
    assert "committed by the forge" in line


def test_a_listed_enterprise_forge_address_is_the_forge(make_repo: MakeRepo) -> None:
    """A GitHub Enterprise web squash commits as the instance's own noreply address."""
    repo = _with_options(make_repo, "forge_committers: [noreply@ghe.example.com]")
    branch_commit(repo, "zhang/qp01", ZHANG)
    sha = repo.squash(
        "zhang/qp01", GHE, "文件控制程序增加记录 (#3)", trailers=(f"Approved-by: {LI.ident}",),
        author=ZHANG,
    )
    line = finding_line(check(repo, QP01_LATER).stdout, "unapproved-change", ZHANG)
    assert_names_commit(line, sha)
    assert "committed by the forge" in line and "allow merge commits only" in line
    # github.com's address is no longer listed, so it is an ordinary committer now.
    assert "noreply@github.com" not in line


def test_forge_committers_option_must_list_addresses(make_repo: MakeRepo) -> None:
    repo = _with_options(make_repo, "forge_committers: []")
    result = check(repo, QP01_LATER)
    assert result.code == 1
    assert "config: doc-control option 'forge_committers' must be a non-empty list" in result.stdout


# -- rule 15 in every format: --explain-trust ----------------------------------------------------


def _trusted_gitlab_squash(make_repo: MakeRepo) -> tuple[GitRepo, str]:
    repo = _with_options(make_repo, "forge_trailers: trusted", 'forge_committers: ["*"]')
    return repo, _gitlab_squash(repo)


def test_explain_trust_in_json_lists_each_revision_and_approval(make_repo: MakeRepo) -> None:
    repo, sha = _trusted_gitlab_squash(make_repo)
    result = run_cli(
        "--lang", "en", "check", "--repo", str(repo.path), "--as-of", QP01_LATER, "--explain-trust",
        "--format", "json",
    )
    assert result.code == 0, result.output
    data = json.loads(result.stdout)
    assert data["findings"] == [] and data["errors"] == 0
    qp01 = [t for t in data["trust"] if t["document"] == "QP-01"]
    assert [t["revision"] for t in qp01] == ["A/0", "A/1"]
    baseline, squash = qp01
    assert baseline["approvals"][0]["person"] == "王总"
    assert baseline["approvals"][0]["basis"] == "baseline"
    assert squash["commit"] == sha
    assert squash["approvals"] == [
        {
            "person": "李代表",
            "basis": "forge-trailer",
            "commit": sha,
            "explanation": f"a forge-written Approved-by trailer (commit {sha[:8]}), trusted "
            "because the config says forge_trailers: trusted",
        }
    ]


def test_json_without_explain_trust_has_no_trust_key(make_repo: MakeRepo) -> None:
    result = run_cli("check", "--repo", str(make_repo().path), "--format", "json")
    assert "trust" not in json.loads(result.stdout)


def test_explain_trust_in_github_format_groups_lines_and_marks_forge_trailers(
    make_repo: MakeRepo,
) -> None:
    repo, sha = _trusted_gitlab_squash(make_repo)
    result = run_cli(
        "--lang", "en", "check", "--repo", str(repo.path), "--as-of", QP01_LATER, "--explain-trust",
        "--format", "github",
    )
    assert result.code == 0, result.output
    lines = result.stdout.splitlines()
    start = lines.index("::group::What each approval rests on (doccontrol --explain-trust)")
    end = lines.index("::endgroup::")
    grouped = lines[start + 1 : end]
    assert any(ln.startswith("QP-01 A/0 ") and "baseline tag" in ln for ln in grouped)
    assert any(ln.startswith("QP-01 A/1 ") and f"commit {sha[:8]}" in ln for ln in grouped)
    (notice,) = [ln for ln in lines if ln.startswith("::notice ")]
    assert notice.startswith(
        "::notice file=procedures/qp-01.md,line=1,title=approval-rests-on-forge-trailer::"
    )
    assert f"QP-01 A/1 (commit {sha[:8]}) rests on 李代表" in notice


def test_explain_trust_text_format_is_unchanged(make_repo: MakeRepo) -> None:
    repo, sha = _trusted_gitlab_squash(make_repo)
    result = run_cli("--lang", "en", "check", "--repo", str(repo.path), "--as-of", QP01_LATER, "--explain-trust")
    lines = result.stdout.splitlines()
    assert "What each approval rests on:" in lines
    assert not any(ln.startswith("::") for ln in lines)
    (line,) = [ln for ln in lines if ln.startswith("QP-01 A/1")]
    assert f"李代表: a forge-written Approved-by trailer (commit {sha[:8]})" in line


# -- evil merges inside a branch ---------------------------------------------------------------

PURPOSE = "规定文件的编制、审批、发布和修改。"


def _update_branch(
    repo: GitRepo, branch: str, who: Who, when: str, resolution: str | None, keep: str | None = None
) -> str:
    """An "Update branch" merge of main into ``branch`` by ``who``; with ``resolution``,
    the conflicted QP-01 purpose line is resolved by hand to that text; with ``keep``,
    the branch's own (older) version of that path is kept over main's."""
    env = {
        "GIT_AUTHOR_NAME": who.name, "GIT_AUTHOR_EMAIL": who.email, "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_NAME": who.name, "GIT_COMMITTER_EMAIL": who.email,
        "GIT_COMMITTER_DATE": when, "HOME": str(repo.path), "PATH": "/usr/bin:/bin",
    }
    repo.checkout(branch)
    subprocess.run(
        ["git", "merge", "-q", "--no-ff", "--no-commit", "main"],
        cwd=repo.path, env=env, capture_output=True, check=False,
    )
    if resolution is not None:
        text = repo.read(QP01)
        start, end = text.index("<<<<<<<"), text.index(">>>>>>>")
        end = text.index("\n", end) + 1
        repo.write(QP01, text[:start] + resolution + "\n" + text[end:])
    if keep is not None:
        repo.git("checkout", "HEAD", "--", keep)
    repo.git("add", "-A")
    repo.git("commit", "-q", "--no-edit", "-m", "Merge branch 'main' into " + branch, env=env)
    sha = repo.head()
    repo.checkout("main")
    return sha


def _diverged(repo: GitRepo, branch_text: str, main_text: str) -> None:
    """张质量's branch and an approved change on main both rewrite QP-01's purpose line."""
    repo.branch("zhang/qp01")
    repo.edit(QP01, PURPOSE, branch_text)
    repo.commit("改目的", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    repo.branch("zhang/other")
    repo.edit(QP01, PURPOSE, main_text)
    repo.commit("另改目的", ZHANG, "2026-02-01T10:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/other", LI, "2026-02-02T10:00:00+08:00")


def test_conflict_resolved_in_an_update_branch_merge_makes_its_author_an_author(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    _diverged(repo, "规定文件的编制和审批。", "规定文件的发布和修改。")
    inner = _update_branch(
        repo, "zhang/qp01", LI, "2026-02-03T09:00:00+08:00", "规定文件的编制、审批、发布、作废。"
    )
    merge = repo.merge("zhang/qp01", LI, "2026-02-04T10:00:00+08:00")
    result = check(repo, LATER_CHECK)
    assert result.code == 1, result.output
    line = finding_line(result.stdout, "unapproved-change", LI)
    assert_names_commit(line, merge)
    assert_names_commit(line, inner)
    assert "李代表 is an author of the change and cannot approve it" in line
    assert "inside the branch" in line


def test_update_branch_merge_keeping_a_stale_version_makes_its_author_an_author(
    make_repo: MakeRepo,
) -> None:
    """No conflict: main's approved change to QP-02 came in cleanly, but 李代表's "Update
    branch" merge keeps the branch's older QP-02. Its blob is a parent's, yet the merge
    base shows only main changed the path: the revert is his text, and he cannot
    approve the branch that carries it to main."""
    repo = make_repo()
    branch_commit(repo, "zhang/qp01", ZHANG)
    repo.branch("zhang/qp02")
    repo.append(QP02, "\n补充：发放前核对版本。\n")
    repo.commit("改 QP-02", ZHANG, "2026-02-01T10:00:00+08:00")
    repo.checkout("main")
    approved = repo.merge("zhang/qp02", LI, "2026-02-02T10:00:00+08:00")
    inner = _update_branch(repo, "zhang/qp01", LI, "2026-02-03T09:00:00+08:00", None, keep=QP02)
    merge = repo.merge("zhang/qp01", LI, "2026-02-04T10:00:00+08:00")
    result = check(repo, LATER_CHECK)
    assert result.code == 1, result.output
    (line,) = [ln for ln in result.stdout.splitlines() if ": unapproved-change: " in ln and "QP-02" in ln]
    assert_names_commit(line, merge)
    assert_names_commit(line, inner)
    assert "李代表 is an author of the change and cannot approve it" in line
    assert "inside the branch" in line
    qp02 = document(register(repo, LATER_CHECK), "QP-02")
    assert qp02["history"][-1]["commit"] == approved and qp02["unapproved_change"]


def test_clean_update_branch_merge_authors_nothing(make_repo: MakeRepo) -> None:
    """Main changed another file: 李代表's "Update branch" merge writes nothing, his merge counts."""
    repo = make_repo()
    branch_commit(repo, "zhang/qp01", ZHANG)
    repo.branch("zhang/qp02")
    repo.append(QP02, "\n补充。\n")
    repo.commit("改 QP-02", ZHANG, "2026-02-01T10:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/qp02", LI, "2026-02-02T10:00:00+08:00")
    _update_branch(repo, "zhang/qp01", LI, "2026-02-03T09:00:00+08:00", None)
    merge = repo.merge("zhang/qp01", LI, "2026-02-04T10:00:00+08:00")
    qp01 = document(register(repo, LATER_CHECK), "QP-01")
    assert qp01["history"][-1]["commit"] == merge and qp01["revision"] == "A/1"
    assert check(repo, LATER_CHECK).code == 0
