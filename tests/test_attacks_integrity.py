"""Attacks on approval integrity that the first round left open (issue 12, rules 3, 5 and 6).

Each test builds, as a real git history, what someone with push or merge rights
would do, and asserts the exact finding and the commit it names: a ``preview:``
typed into the working tree, a repository whose mkdocs.yml git never approved,
octopus merges that revert or write text, a ``branch:`` redirect to a forged
branch, ``roots`` changed mid-history, and a reviewer whose role came too late.

The repository is the minimal fixture adopted on 2026-01-02 by 王总 (the top
role, 总经理); 李代表 (管理者代表) approves QP-01 and QP-02; 张质量 owns them.
"Now" is pinned.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from conftest import LI, WANG, ZHANG, ZHAO, run_cli, run_mkdocs
from doccontrol.model.findings import Finding, Severity
from doccontrol.project.load import Project, load_project
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from gitrepo import GitRepo, Who
from history_cases import ADDITION, QP01, QP02, ROLES, assert_names_commit, branch_commit

MakeRepo = Callable[..., GitRepo]
NOW = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
AS_OF = date(2026, 6, 30)


def load(repo: GitRepo, as_of: date = AS_OF, now: datetime = NOW) -> Project:
    return load_project(repo.path, read_mkdocs_yml(repo.path).config, as_of, now)


def the(findings: tuple[Finding, ...], code: str, severity: Severity = Severity.ERROR) -> Finding:
    found = [f for f in findings if f.code == code and f.severity is severity]
    assert len(found) == 1, f"expected one {severity.value} {code}, got: {findings}"
    return found[0]


def absent(findings: tuple[Finding, ...], code: str) -> None:
    assert not [f for f in findings if f.code == code], findings


def errors(project: Project) -> list[Finding]:
    return [f for f in project.findings if f.severity is Severity.ERROR]


def with_option(text: str, option: str) -> str:
    if "  - doc-control\n" in text:
        return text.replace("  - doc-control\n", f"  - doc-control:\n      {option}\n")
    return text.replace("  - doc-control:\n", f"  - doc-control:\n      {option}\n")


def pull_request(
    repo: GitRepo,
    branch: str,
    path: str,
    text: str,
    merger: Who,
    when: str,
    author: Who = ZHANG,
) -> str:
    """A branch by ``author`` writing ``text`` to ``path``, merged into main by ``merger``."""
    repo.branch(branch)
    repo.write(path, text)
    repo.commit(f"修改 {path}", author, when.replace("T1", "T0"))
    repo.checkout("main")
    return repo.merge(branch, merger, when)


def html_pages(site: Path) -> list[Path]:
    return list(site.rglob("*.html")) if site.exists() else []


# --- rule 5: preview comes only from the approved config or the command line ---------------


def test_unapproved_preview_option_does_not_turn_a_release_build_into_a_preview(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    repo = make_repo()
    # Typed into the working tree (or committed without the top role): not approved.
    repo.write("mkdocs.yml", with_option(repo.read("mkdocs.yml"), "preview: true"))
    site = tmp_path / "site"
    built = run_mkdocs(repo.path, "-d", str(site))
    assert built.code != 0
    assert "mkdocs.yml:8: error: config-unapproved-site: " in built.stderr, built.stderr
    assert not html_pages(site), "nothing is published"
    cli = run_cli("build", "--repo", str(repo.path), "-d", str(site), "--as-of", "2026-06-30")
    assert cli.code != 0 and "config-unapproved-site" in cli.output, cli.output
    assert not html_pages(site)
    # The command-line flag is the way to ask for a preview.
    preview = run_cli(
        "build", "--repo", str(repo.path), "-d", str(site), "--as-of", "2026-06-30", "--preview"
    )
    assert preview.code == 0, preview.output
    assert any("草稿（DRAFT）" in p.read_text("utf-8") for p in html_pages(site))


def test_preview_option_approved_by_the_top_role_makes_a_preview(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    repo = make_repo()
    pull_request(
        repo, "wang/preview", "mkdocs.yml", with_option(repo.read("mkdocs.yml"), "preview: true"),
        WANG, "2026-02-01T10:00:00+08:00",
    )
    absent(load(repo).findings, "config-unapproved")
    site = tmp_path / "site"
    built = run_mkdocs(repo.path, "-d", str(site))
    assert built.code == 0, built.stderr
    assert any("草稿（DRAFT）" in p.read_text("utf-8") for p in html_pages(site))


# --- rule 5: a repository whose mkdocs.yml git never approved -------------------------------


def _adopted_without_config(make_repo: MakeRepo, tmp_path: Path) -> GitRepo:
    """The fixture committed and adopted without its mkdocs.yml, which stays untracked."""
    repo = make_repo(commit=False)
    config = repo.read("mkdocs.yml")
    (repo.path / "mkdocs.yml").unlink()
    repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.tag("doccontrol/baseline", WANG, "2026-01-02T10:00:00+08:00", "纸质文件转入")
    repo.write("mkdocs.yml", config)
    return repo


def test_repository_that_never_held_mkdocs_yml_is_refused(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    repo = _adopted_without_config(make_repo, tmp_path)
    finding = the(load(repo).findings, "config-never-approved")
    assert finding.path == "mkdocs.yml" and finding.line == 1
    assert "top role merge it" in finding.message
    checked = run_cli("check", "--repo", str(repo.path), "--as-of", "2026-06-30")
    assert checked.code == 1
    assert "mkdocs.yml:1: error: config-never-approved: " in checked.output, checked.output

    site = tmp_path / "site"
    built = run_mkdocs(repo.path, "-d", str(site))
    assert built.code != 0 and "config-never-approved" in built.stderr, built.stderr
    assert not html_pages(site)
    preview = run_cli("build", "--repo", str(repo.path), "-d", str(site), "--preview")
    assert preview.code == 0, preview.output


def test_mkdocs_yml_committed_without_the_top_role_never_governs_a_release_site(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    repo = _adopted_without_config(make_repo, tmp_path)
    added = repo.commit("加入 mkdocs.yml", ZHANG, "2026-02-01T09:00:00+08:00")
    project = load(repo)
    assert_names_commit(the(project.findings, "config-unapproved").message, added)
    absent(project.findings, "config-never-approved")  # reported once, naming the commit
    site = tmp_path / "site"
    built = run_mkdocs(repo.path, "-d", str(site))
    assert built.code != 0 and "config-never-approved" in built.stderr, built.stderr
    assert not html_pages(site)

    # The top role approves it: the site builds.
    repo.branch("zhang/config")
    repo.append("mkdocs.yml", "\n")
    repo.commit("mkdocs.yml", ZHANG, "2026-02-02T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/config", WANG, "2026-02-02T10:00:00+08:00")
    project = load(repo)
    absent(project.findings, "config-unapproved")
    absent(project.findings, "config-never-approved")
    built = run_mkdocs(repo.path, "-d", str(site))
    assert built.code == 0, built.stderr


# --- rule 3: an octopus merge is judged path by path from its merge base ---------------------


def _two_branches(repo: GitRepo) -> None:
    """赵客服's QP-02 change and 张质量's uncontrolled note, both off main as it is now."""
    branch_commit(repo, "zhao/qp02", ZHAO, "2026-02-01T09:00:00+08:00", path=QP02)
    repo.branch("zhang/notes")
    repo.write("notes.txt", "会议纪要\n")
    repo.commit("会议纪要", ZHANG, "2026-02-01T10:00:00+08:00")
    repo.checkout("main")


def _octopus(repo: GitRepo, merger: Who, when: str, edit: Callable[[], None]) -> str:
    """An octopus merge of both branches whose result ``edit`` changes before it is committed."""
    env = {"GIT_AUTHOR_NAME": merger.name, "GIT_AUTHOR_EMAIL": merger.email}
    repo.git("merge", "-q", "--no-ff", "--no-commit", "zhao/qp02", "zhang/notes", env=env)
    edit()
    return repo.commit("Merge branches 'zhao/qp02' and 'zhang/notes'", merger, when)


def test_octopus_merge_reverting_mains_approved_change_is_the_mergers(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    adopted = repo.read(QP01)
    _two_branches(repo)  # forked before QP-01's approved change: they hold its old text
    approved = pull_request(
        repo, "zhang/qp01", QP01, adopted + "\n新要求。\n", LI, "2026-02-02T10:00:00+08:00"
    )
    # 李代表 approves QP-02 and merges it with the notes, putting back QP-01's old
    # text: a blob two parents hold, though no parent changed QP-01 that way.
    octopus = _octopus(
        repo, LI, "2026-02-03T10:00:00+08:00", lambda: repo.write(QP01, adopted)
    )
    assert len(repo.git("show", "-s", "--format=%P", octopus).split()) == 3
    project = load(repo)
    warned = the(project.findings, "merge-authored", Severity.WARNING)
    assert_names_commit(warned.message, octopus)
    assert warned.path == QP01
    # The merge is one change: its merger wrote part of it, so approves none of it.
    unapproved = [f for f in project.findings if f.code == "unapproved-change"]
    assert sorted(f.path for f in unapproved) == [QP01, QP02], unapproved
    for finding in unapproved:
        assert_names_commit(finding.message, octopus)
    assert project.control is not None
    qp01 = project.control.get("QP-01")
    assert qp01 is not None and qp01.current is not None
    assert qp01.current.commit == approved and qp01.unapproved_change


def test_octopus_merge_adding_text_no_parent_had_is_the_mergers(make_repo: MakeRepo) -> None:
    repo = make_repo()
    _two_branches(repo)
    octopus = _octopus(
        repo, LI, "2026-02-03T10:00:00+08:00", lambda: repo.append(QP02, "\n合并时加入的要求。\n")
    )
    project = load(repo)
    warned = the(project.findings, "merge-authored", Severity.WARNING)
    assert_names_commit(warned.message, octopus)
    assert warned.path == QP02
    unapproved = the(project.findings, "unapproved-change")
    assert unapproved.path == QP02
    assert_names_commit(unapproved.message, octopus)
    assert "itself wrote text in procedures/qp-02.md" in unapproved.message


def test_clean_octopus_merge_is_approved(make_repo: MakeRepo) -> None:
    repo = make_repo()
    _two_branches(repo)
    # main moves on meanwhile, with an approved change the octopus keeps.
    approved = pull_request(
        repo, "zhang/qp01", QP01, repo.read(QP01) + "\n新要求。\n", LI, "2026-02-02T10:00:00+08:00"
    )
    octopus = repo.merge(["zhao/qp02", "zhang/notes"], LI, "2026-02-03T10:00:00+08:00")
    project = load(repo)
    assert errors(project) == [], errors(project)
    absent(project.findings, "merge-authored")
    assert project.control is not None
    for doc_id, commit in (("QP-01", approved), ("QP-02", octopus)):
        doc = project.control.get(doc_id)
        assert doc is not None and doc.current is not None
        assert doc.current.commit == commit and doc.current.label == "A/1"


# --- rule 3: a two-parent merge is judged path by path from its merge base too -------------


def _stale_branch(repo: GitRepo, path: str = QP02) -> str:
    """赵客服's change to ``path``, forked before QP-01's approved change below."""
    branch_commit(repo, "zhao/stale", ZHAO, "2026-02-01T09:00:00+08:00", path=path)
    return repo.read(QP01)


def _approve_qp01(repo: GitRepo, adopted: str) -> str:
    return pull_request(
        repo, "zhang/qp01", QP01, adopted + "\n新要求。\n", LI, "2026-02-02T10:00:00+08:00"
    )


def _merge_as(repo: GitRepo, branch: str, merger: Who, resolve: Callable[[], None]) -> str:
    """LI's two-parent merge of ``branch`` into main, its result made by ``resolve``."""
    env = {"GIT_AUTHOR_NAME": merger.name, "GIT_AUTHOR_EMAIL": merger.email}
    repo.git("merge", "-q", "--no-ff", "--no-commit", "-X", "theirs", branch, env=env)
    resolve()
    return repo.commit(f"Merge branch '{branch}'", merger, "2026-02-03T10:00:00+08:00")


def _assert_mergers_revert(project: Project, merge: str, merger: Who) -> None:
    warned = the(project.findings, "merge-authored", Severity.WARNING)
    assert warned.path == QP01
    assert_names_commit(warned.message, merge)
    assert merger.name in warned.message
    unapproved = [f for f in project.findings if f.code == "unapproved-change"]
    assert QP01 in [f.path for f in unapproved], unapproved
    for finding in unapproved:
        assert_names_commit(finding.message, merge)
        assert f"by {merger.name}" in finding.message
        assert "stale branch's version taken over main's later change" in finding.message


def test_merge_taking_a_stale_branchs_tree_reverts_mains_approved_change(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    adopted = _stale_branch(repo)  # touches QP-02 only, holds QP-01's adopted text
    approved = _approve_qp01(repo, adopted)
    # 李代表 merges it "theirs"-style: the merge's tree is the branch's, so QP-01
    # silently goes back to its adopted text, though the branch never touched it.
    merge = _merge_as(
        repo, "zhao/stale", LI, lambda: repo.git("read-tree", "-u", "--reset", "zhao/stale")
    )
    assert repo.git("show", "-s", "--format=%P", merge).split()[1] == repo.git(
        "rev-parse", "zhao/stale"
    )
    assert repo.git("rev-parse", f"{merge}^{{tree}}") == repo.git(
        "rev-parse", "zhao/stale^{tree}"
    )
    assert repo.read(QP01) == adopted
    project = load(repo)
    _assert_mergers_revert(project, merge, LI)
    assert project.control is not None
    qp01 = project.control.get("QP-01")
    assert qp01 is not None and qp01.current is not None
    assert qp01.current.commit == approved and qp01.unapproved_change
    result = run_cli("check", "--repo", str(repo.path))
    assert result.code == 1, result.output
    assert "merge-authored" in result.output and "Traceback" not in result.output


def test_merge_taking_the_branchs_version_over_mains_change_is_the_mergers_text(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    adopted = _stale_branch(repo, QP01)  # the branch changes QP-01 too
    branch_text = repo.git("show", f"zhao/stale:{QP01}") + "\n"
    approved = _approve_qp01(repo, adopted)
    # The conflict is resolved in the merge by taking the branch's version whole:
    # main's approved change is dropped, in the merger's own text.
    merge = _merge_as(repo, "zhao/stale", LI, lambda: None)
    assert repo.read(QP01) == branch_text and "新要求" not in branch_text
    project = load(repo)
    _assert_mergers_revert(project, merge, LI)
    assert project.control is not None
    qp01 = project.control.get("QP-01")
    assert qp01 is not None and qp01.current is not None
    assert qp01.current.commit == approved and qp01.unapproved_change


def test_merge_of_an_old_main_commit_taking_its_tree_is_the_mergers_revert(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    old = repo.head()
    adopted = repo.read(QP01)
    approved = _approve_qp01(repo, adopted)
    # git will not merge an ancestor; plumbing will: the old commit as second parent,
    # its tree as the merge's, which puts QP-01's adopted text back.
    env = {
        "GIT_AUTHOR_NAME": LI.name, "GIT_AUTHOR_EMAIL": LI.email,
        "GIT_COMMITTER_NAME": LI.name, "GIT_COMMITTER_EMAIL": LI.email,
        "GIT_AUTHOR_DATE": "2026-02-03T10:00:00+08:00",
        "GIT_COMMITTER_DATE": "2026-02-03T10:00:00+08:00",
    }
    merge = repo.git(
        "commit-tree", f"{old}^{{tree}}", "-p", "HEAD", "-p", old, "-m", "Merge old main",
        env=env,
    )
    repo.git("reset", "-q", "--hard", merge)
    assert repo.read(QP01) == adopted
    project = load(repo)
    _assert_mergers_revert(project, merge, LI)
    assert project.control is not None
    qp01 = project.control.get("QP-01")
    assert qp01 is not None and qp01.current is not None
    assert qp01.current.commit == approved and qp01.unapproved_change


def test_plain_merges_of_fresh_and_stale_branches_are_approved(make_repo: MakeRepo) -> None:
    repo = make_repo()
    adopted = _stale_branch(repo)
    first = _approve_qp01(repo, adopted)  # up to date: forked from main's tip
    merge = repo.merge("zhao/stale", LI, "2026-02-03T10:00:00+08:00")  # stale, not touching QP-01
    assert "新要求" in repo.read(QP01)
    project = load(repo)
    assert errors(project) == [], errors(project)
    absent(project.findings, "merge-authored")
    assert project.control is not None
    for doc_id, commit in (("QP-01", first), ("QP-02", merge)):
        doc = project.control.get(doc_id)
        assert doc is not None and doc.current is not None
        assert doc.current.commit == commit and doc.current.label == "A/1"
        assert not doc.unapproved_change


def test_branch_brought_up_to_date_by_its_owner_then_merged_is_approved(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    adopted = _stale_branch(repo, QP01)
    _approve_qp01(repo, adopted)
    # 赵客服 merges main into the branch and resolves the conflict there, keeping both.
    repo.checkout("zhao/stale")
    env = {"GIT_AUTHOR_NAME": ZHAO.name, "GIT_AUTHOR_EMAIL": ZHAO.email}
    repo.git("merge", "-q", "--no-ff", "--no-commit", "-X", "ours", "main", env=env)
    repo.write(QP01, adopted + "\n新要求。\n" + ADDITION)
    repo.commit("Merge branch 'main' into zhao/stale", ZHAO, "2026-02-02T15:00:00+08:00")
    repo.checkout("main")
    merge = repo.merge("zhao/stale", LI, "2026-02-03T10:00:00+08:00")
    project = load(repo)
    assert errors(project) == [], errors(project)
    absent(project.findings, "merge-authored")
    assert project.control is not None
    qp01 = project.control.get("QP-01")
    assert qp01 is not None and qp01.current is not None
    assert qp01.current.commit == merge and qp01.current.label == "A/2"
    assert not qp01.unapproved_change


# --- rule 5: a redirect of branch: must carry on the approved history ----------------------


def _redirect_to_release(repo: GitRepo) -> str:
    """王总 approves moving the release branch from main to release: main's history."""
    return pull_request(
        repo, "wang/release", "mkdocs.yml", with_option(repo.read("mkdocs.yml"), "branch: release"),
        WANG, "2026-02-10T10:00:00+08:00",
    )


def _read_from_main(repo: GitRepo) -> Project:
    """The repository as a checkout whose mkdocs.yml still names main would read it."""
    config = replace(read_mkdocs_yml(repo.path).config, branch="main")
    return load_project(repo.path, config, AS_OF, NOW)


def test_redirect_to_an_orphan_branch_with_forged_approvals_is_refused(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    first = repo.head()
    redirect = _redirect_to_release(repo)
    # 张质量 makes an orphan release branch: roles where he is the top role and the
    # approver, an "approved" merge of his own change, and a redirect of its own.
    repo.git("checkout", "-q", "--orphan", "release", first)
    repo.edit(ROLES, "管理者代表: [李代表]", "管理者代表: [张质量]")
    repo.write(ROLES, repo.read(ROLES).replace("总经理: [王总]", "总经理: [张质量]"))
    repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.branch("zhao/qp01", "release")
    repo.append(QP01, "\n伪造的要求。\n")
    repo.commit("修改 QP-01", ZHAO, "2026-02-01T09:00:00+08:00")
    repo.checkout("release")
    repo.merge("zhao/qp01", ZHANG, "2026-02-01T10:00:00+08:00")
    repo.branch("zhang/release", "release")
    repo.write("mkdocs.yml", with_option(repo.read("mkdocs.yml"), "branch: release"))
    repo.commit("改用 release 分支", ZHAO, "2026-02-10T09:00:00+08:00")
    repo.checkout("release")
    forged = repo.merge("zhang/release", ZHANG, "2026-02-10T10:00:00+08:00")
    repo.checkout("main")
    assert "branch: release" in repo.read("mkdocs.yml")

    # A checkout of main names release: the orphan is read, and its redirect is not main's.
    project = load(repo)
    assert project.history is not None and project.history.branch == "release"
    unanchored = the(project.findings, "branch-redirect-unanchored")
    assert_names_commit(unanchored.message, forged)
    assert unanchored.path == "mkdocs.yml"
    the(project.findings, "baseline-invalid")  # the baseline is not on its line either

    # Read from main, the approved redirect itself is not on release's line: main stays read.
    project = _read_from_main(repo)
    assert project.history is not None and project.history.branch == "main"
    assert project.config.branch == "main"
    unanchored = the(project.findings, "branch-redirect-unanchored")
    assert_names_commit(unanchored.message, redirect)
    assert project.control is not None
    qp01 = project.control.get("QP-01")
    assert qp01 is not None and qp01.current is not None and qp01.current.label == "A/0"


def test_redirect_to_a_branch_that_rewrote_one_old_commit_is_refused(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    repo.append(QP01, "\n未经批准。\n")
    direct = repo.commit("直接修改 QP-01", ZHANG, "2026-02-01T09:00:00+08:00")
    redirect = _redirect_to_release(repo)
    # release: main's history with that one commit rewritten to look approved by 李代表.
    repo.branch("release", "main")
    repo.git(
        "filter-branch", "-f",
        "--msg-filter",
        f'cat; if [ "$GIT_COMMIT" = {direct} ]; then printf "\\nApproved-by: 李代表 <li@example.com>\\n"; fi',
        "--env-filter",
        f'if [ "$GIT_COMMIT" = {direct} ]; then export GIT_COMMITTER_NAME=李代表 '
        "GIT_COMMITTER_EMAIL=li@example.com; fi",
        "release",
        env={"FILTER_BRANCH_SQUELCH_WARNING": "1"},
    )
    rewritten = repo.git("rev-parse", "release")
    assert rewritten != redirect
    repo.checkout("main")

    project = load(repo)
    assert project.history is not None and project.history.branch == "release"
    absent(project.findings, "unapproved-change")  # laundered on release, but:
    assert_names_commit(the(project.findings, "branch-redirect-unanchored").message, rewritten)

    project = _read_from_main(repo)
    assert project.history is not None and project.history.branch == "main"
    assert_names_commit(the(project.findings, "branch-redirect-unanchored").message, redirect)
    assert_names_commit(the(project.findings, "unapproved-change").message, direct)


def test_redirect_to_a_branch_carrying_on_main_is_accepted(make_repo: MakeRepo) -> None:
    repo = make_repo()
    _redirect_to_release(repo)
    repo.branch("release", "main")
    repo.branch("zhang/qp01", "release")
    repo.append(QP01, "\n新要求。\n")
    repo.commit("修改 QP-01", ZHANG, "2026-02-12T09:00:00+08:00")
    repo.checkout("release")
    merge = repo.merge("zhang/qp01", LI, "2026-02-12T10:00:00+08:00")
    for project in (load(repo), _read_from_main(repo)):
        assert project.history is not None and project.history.branch == "release"
        absent(project.findings, "branch-redirect-unanchored")
        assert errors(project) == [], errors(project)
        assert project.control is not None
        qp01 = project.control.get("QP-01")
        assert qp01 is not None and qp01.current is not None
        assert qp01.current.commit == merge


# --- rule 5: roots changed mid-history -------------------------------------------------------

WI01 = "guides/wi-01.md"
WI01_TEXT = """---
id: WI-01
title: 空调安装作业指导书
type: instruction
owner: 质量部
approvers: [管理者代表]
---
## 1 目的

规定空调安装的作业步骤。
"""
WITH_GUIDES = "roots: [manual, procedures, records, guides]"


def test_root_added_later_judges_what_was_written_under_it_before(make_repo: MakeRepo) -> None:
    repo = make_repo()
    # 李代表, who approves instructions, writes one straight onto main outside the roots.
    repo.write(WI01, WI01_TEXT)
    written = repo.commit("作业指导书草稿", LI, "2026-02-01T09:00:00+08:00")
    added = pull_request(
        repo, "zhang/roots", "mkdocs.yml", with_option(repo.read("mkdocs.yml"), WITH_GUIDES),
        WANG, "2026-02-05T10:00:00+08:00",
    )
    project = load(repo)
    absent(project.findings, "config-unapproved")
    assert project.config.roots == ("manual", "procedures", "records", "guides")
    # The roots change approved the option, not the text under the new root.
    unapproved = the(project.findings, "unapproved-change")
    assert unapproved.path == WI01
    assert_names_commit(unapproved.message, written)
    assert project.control is not None
    wi01 = project.control.get("WI-01")
    assert wi01 is not None and wi01.status.value == "draft" and wi01.unapproved_change
    assert [c.commit for c in wi01.unapproved] == [written]
    # Nor can its own writer approve it as it stands.
    repo.commit("批准 WI-01", LI, "2026-02-06T10:00:00+08:00", ("Approved: WI-01",), allow_empty=True)
    project = load(repo)
    assert_names_commit(the(project.findings, "unapproved-change").message, written)
    the(project.findings, "approval-not-counted", Severity.WARNING)
    assert added


def test_root_added_after_the_baseline_does_not_adopt_what_stood_under_it(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo(commit=False)
    repo.write(WI01, WI01_TEXT)  # there at the baseline, outside the roots it adopted
    repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.tag("doccontrol/baseline", WANG, "2026-01-02T10:00:00+08:00", "纸质文件转入")
    pull_request(
        repo, "zhang/roots", "mkdocs.yml", with_option(repo.read("mkdocs.yml"), WITH_GUIDES),
        WANG, "2026-02-05T10:00:00+08:00",
    )
    project = load(repo)
    assert project.control is not None
    wi01 = project.control.get("WI-01")
    assert wi01 is not None and wi01.revisions == () and wi01.status.value == "draft"
    qp01 = project.control.get("QP-01")
    assert qp01 is not None and qp01.current is not None and qp01.current.label == "A/0"
    # An approved change carries its text: A/0, approved by 李代表.
    approved = pull_request(
        repo, "zhang/wi01", WI01, repo.read(WI01) + "\n## 2 步骤\n", LI, "2026-02-07T10:00:00+08:00"
    )
    wi01 = load(repo).control.get("WI-01")  # type: ignore[union-attr]
    assert wi01 is not None and wi01.current is not None
    assert (wi01.current.label, wi01.current.commit) == ("A/0", approved)


def test_root_dropped_keeps_its_documents_under_control_until_withdrawn(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    dropped = pull_request(
        repo, "zhang/roots", "mkdocs.yml",
        with_option(repo.read("mkdocs.yml"), "roots: [manual, records]"),
        WANG, "2026-02-05T10:00:00+08:00",
    )
    project = load(repo)
    assert project.config.roots == ("manual", "records")
    found = sorted(
        (f for f in project.findings if f.code == "root-dropped"), key=lambda f: f.path
    )
    assert [f.path for f in found] == [QP01, QP02], project.findings
    for finding in found:
        assert finding.severity is Severity.ERROR
        assert_names_commit(finding.message, dropped)
    assert project.control is not None
    qp01 = project.control.get("QP-01")
    assert qp01 is not None and qp01.current is not None, "it did not vanish"

    # Still controlled: its withdrawal is judged, approved by 李代表, and clears it.
    repo.branch("zhang/qp02")
    repo.edit(QP02, "approvers: [管理者代表]\n", "approvers: [管理者代表]\nstatus: withdrawn\n")
    repo.commit("作废 QP-02", ZHANG, "2026-02-06T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/qp02", LI, "2026-02-06T10:00:00+08:00")
    # An unapproved edit under the dropped root is still caught.
    repo.append(QP01, "\n未经批准。\n")
    edited = repo.commit("直接修改 QP-01", ZHANG, "2026-02-07T09:00:00+08:00")
    project = load(repo)
    assert [f.path for f in project.findings if f.code == "root-dropped"] == [QP01]
    assert project.control is not None
    qp02 = project.control.get("QP-02")
    assert qp02 is not None and qp02.status.value == "withdrawn"
    assert_names_commit(the(project.findings, "unapproved-change").message, edited)


# --- rule 6: a reviewer's authority comes before the review ---------------------------------


def _reviewed_by_service(make_repo: MakeRepo) -> GitRepo:
    """QP-01 names reviewers [客服中心], held at the baseline by 王总 alone."""
    repo = make_repo(commit=False)
    repo.edit(QP01, "approvers: [管理者代表]\n", "approvers: [管理者代表]\nreviewers: [客服中心]\n")
    repo.edit(ROLES, "客服中心: [赵客服]", "客服中心: [王总]")
    repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.tag("doccontrol/baseline", WANG, "2026-01-02T10:00:00+08:00", "纸质文件转入")
    return repo


def _grant_zhao(repo: GitRepo) -> str:
    """王总 approves 赵客服 joining 客服中心 on 2026-02-03."""
    return pull_request(
        repo, "zhang/roles", ROLES, repo.read(ROLES).replace("客服中心: [王总]", "客服中心: [王总, 赵客服]"),
        WANG, "2026-02-03T10:00:00+08:00",
    )


def _signed_off_change(repo: GitRepo, branch: str, written: str, signed: str) -> None:
    repo.branch(branch)
    repo.append(QP01, f"\n{branch} 的要求。\n")
    repo.commit("修改 QP-01", ZHANG, written)
    repo.commit("审核", ZHAO, signed, (f"Reviewed-by: {ZHAO.ident}",), allow_empty=True)
    repo.checkout("main")


def test_review_signed_off_before_the_reviewer_role_was_granted_does_not_count(
    make_repo: MakeRepo,
) -> None:
    repo = _reviewed_by_service(make_repo)
    # 赵客服 signs off on 2 February, a day before the role is granted; 李代表 merges after.
    _signed_off_change(repo, "zhang/qp01", "2026-02-01T09:00:00+08:00", "2026-02-02T09:00:00+08:00")
    _grant_zhao(repo)
    merge = repo.merge("zhang/qp01", LI, "2026-02-05T10:00:00+08:00")
    project = load(repo)
    missing = the(project.findings, "review-missing")
    assert_names_commit(missing.message, merge)
    assert "before 赵客服 was granted the reviewer role" in missing.message
    assert project.control is not None
    qp01 = project.control.get("QP-01")
    assert qp01 is not None and qp01.current is not None and qp01.current.label == "A/0"

    # Signed off after the grant, the same kind of change is reviewed and approved.
    _signed_off_change(repo, "zhang/qp01b", "2026-02-06T09:00:00+08:00", "2026-02-07T09:00:00+08:00")
    approved = repo.merge("zhang/qp01b", LI, "2026-02-08T10:00:00+08:00")
    project = load(repo)
    absent(project.findings, "review-missing")
    assert project.control is not None
    qp01 = project.control.get("QP-01")
    assert qp01 is not None and qp01.current is not None
    assert qp01.current.commit == approved
