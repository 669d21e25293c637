"""Identities against roles.yml (issue 12, rule 4): attacks built as real git histories.

Approval and authorship are read by e-mail. An attacker with push rights chooses
the name and e-mail git writes, so every author, committer, co-author and
trailer identity is matched against roles.yml as in force at its commit: a
listed name under an unlisted e-mail, and one person's e-mail under another
person's name, are reported naming the commit and the identity; and someone
whose listed name wrote a change under an unlisted e-mail is still its author.

People of the minimal fixture: 王总 (总经理, top), 李代表 (管理者代表, approves
QP-01), 张质量 (质量部, owner), 赵客服 (客服中心).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from conftest import LI, WANG, ZHANG
from doccontrol.model.findings import Finding, Severity
from doccontrol.project.load import load_project
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from gitrepo import GitRepo, Who
from history_cases import (
    GITHUB,
    QP01,
    ROLES,
    adopt,
    assert_names_commit,
    branch_commit,
    check,
    document,
    finding_line,
    register,
    revisions,
)

MakeRepo = Callable[..., GitRepo]
LATER = "2026-06-01"
UNLISTED = "identity-unlisted-email"
MISMATCH = "identity-mismatch"

LI_AT_HOME = Who(LI.name, "li@home.example")  # 李代表's name, an address nobody listed
ZHANG_AT_HOME = Who(ZHANG.name, "zhang@home.example")
WANG_AT_HOME = Who(WANG.name, "wang@laptop.example")
LI_AS_ZHANG = Who(LI.name, ZHANG.email)  # 李代表's name on 张质量's address
ZHANG_AS_LI = Who(ZHANG.name, LI.email)  # 张质量's name on 李代表's address


def findings(repo: GitRepo, code: str) -> list[Finding]:
    config = read_mkdocs_yml(repo.path).config
    project = load_project(repo.path, config, date.fromisoformat(LATER))
    return [f for f in project.findings if f.code == code]


def only(repo: GitRepo, code: str, sha: str, who: Who, severity: Severity) -> Finding:
    """The one finding of ``code``: it names ``sha`` and the identity ``who``."""
    found = findings(repo, code)
    assert len(found) == 1, [f.as_text() for f in found]
    finding = found[0]
    assert finding.severity is severity, finding.as_text()
    assert f"{who.name} <{who.email}>" in finding.message, finding.message
    assert_names_commit(finding.message, sha)
    assert finding.path == ROLES
    return finding


def unapproved(repo: GitRepo) -> list[str]:
    return [f.message for f in findings(repo, "unapproved-change")]


# --- (a) a listed name with an unlisted e-mail ---------------------------------------------


def test_owner_writing_from_an_unlisted_address_is_reported_but_approvable(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    work = branch_commit(repo, "zhang/home", ZHANG_AT_HOME)
    repo.merge("zhang/home", LI)
    only(repo, UNLISTED, work, ZHANG_AT_HOME, Severity.WARNING)
    # 张质量 wrote it and 李代表 approved it: that is a valid approval.
    assert revisions(document(register(repo, LATER), "QP-01")) == ["A/0", "A/1"]
    assert unapproved(repo) == []


def test_approver_writing_under_an_unlisted_address_cannot_approve_it(
    make_repo: MakeRepo,
) -> None:
    """李代表 writes the change from a home address git does not tie to him, then merges it."""
    repo = make_repo()
    work = branch_commit(repo, "li/own", LI_AT_HOME)
    merge = repo.merge("li/own", LI)
    only(repo, UNLISTED, work, LI_AT_HOME, Severity.WARNING)
    [message] = unapproved(repo)
    assert "李代表 is an author of the change and cannot approve it" in message
    assert_names_commit(message, merge)
    assert revisions(document(register(repo, LATER), "QP-01")) == ["A/0"]


def test_co_author_under_an_unlisted_address_cannot_approve(make_repo: MakeRepo) -> None:
    repo = make_repo()
    work = branch_commit(
        repo, "zhang/pair", ZHANG, trailers=(f"Co-authored-by: {LI_AT_HOME.ident}",)
    )
    repo.merge("zhang/pair", LI)
    finding = only(repo, UNLISTED, work, LI_AT_HOME, Severity.WARNING)
    assert "Co-authored-by" in finding.message
    assert len(unapproved(repo)) == 1


def test_merge_under_an_approvers_name_from_an_unlisted_address_is_an_error(
    make_repo: MakeRepo,
) -> None:
    """Someone merges as '李代表' from an address roles.yml does not list: an impersonation."""
    repo = make_repo()
    branch_commit(repo, "zhang/pr", ZHANG)
    merge = repo.merge("zhang/pr", LI_AT_HOME)
    only(repo, UNLISTED, merge, LI_AT_HOME, Severity.ERROR)
    [message] = unapproved(repo)
    assert f"{LI_AT_HOME.ident} is not a person" in message


def test_approved_by_trailer_from_an_unlisted_address_is_an_error(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.append(QP01, "\n直接修改。\n")
    sha = repo.commit(
        "QP-01 直接修改", ZHANG, "2026-02-03T09:00:00+08:00",
        trailers=(f"Approved-by: {LI_AT_HOME.ident}",),
    )
    finding = only(repo, UNLISTED, sha, LI_AT_HOME, Severity.ERROR)
    assert "Approved-by" in finding.message
    assert len(unapproved(repo)) == 1


def test_sign_off_commit_under_an_approvers_name_from_an_unlisted_address(
    make_repo: MakeRepo,
) -> None:
    """An empty sign-off commit brought in by a merge, its Reviewed-by naming 李代表 falsely."""
    repo = make_repo()
    branch_commit(repo, "zhang/signed", ZHANG)
    repo.checkout("zhang/signed")
    sign_off = repo.commit(
        "签核", ZHANG, "2026-02-02T09:00:00+08:00",
        trailers=(f"Reviewed-by: {LI_AT_HOME.ident}",), allow_empty=True,
    )
    repo.checkout("main")
    merge = repo.merge("zhang/signed", LI)
    finding = only(repo, UNLISTED, sign_off, LI_AT_HOME, Severity.ERROR)
    assert f"brought in by merge {merge[:8]}" in finding.message


def test_committer_from_an_unlisted_address_is_reported(make_repo: MakeRepo) -> None:
    """王总 commits on his laptop: the committer line carries an address nobody listed."""
    repo = make_repo()
    branch_commit(repo, "zhang/pr", ZHANG)
    repo.git("checkout", "-q", "zhang/pr")
    repo.append(QP01, "\n第二处修改。\n")
    second = repo.commit("第二处", ZHANG, "2026-02-02T09:00:00+08:00", committer=WANG_AT_HOME)
    repo.checkout("main")
    repo.merge("zhang/pr", LI)
    finding = only(repo, UNLISTED, second, WANG_AT_HOME, Severity.WARNING)
    assert "committer" in finding.message
    assert unapproved(repo) == []


# --- (b) one person's e-mail under another person's name -----------------------------------


def test_merge_under_the_approvers_name_with_the_owners_address(make_repo: MakeRepo) -> None:
    """张质量 sets user.name to 李代表 and merges his own change: git still reads 张质量."""
    repo = make_repo()
    branch_commit(repo, "zhang/pr", ZHANG)
    merge = repo.merge("zhang/pr", LI_AS_ZHANG)
    finding = only(repo, MISMATCH, merge, LI_AS_ZHANG, Severity.ERROR)
    assert "the e-mail of 张质量 under the name of 李代表" in finding.message
    assert len(unapproved(repo)) == 1


def test_approver_writing_under_the_owners_name_cannot_approve_it(make_repo: MakeRepo) -> None:
    """李代表 writes as '张质量' (his own address), then merges: he is the author by e-mail."""
    repo = make_repo()
    work = branch_commit(repo, "li/as-zhang", ZHANG_AS_LI)
    repo.merge("li/as-zhang", LI)
    only(repo, MISMATCH, work, ZHANG_AS_LI, Severity.ERROR)
    [message] = unapproved(repo)
    assert "李代表 is an author of the change" in message


def test_approver_writing_from_the_owners_address_cannot_approve_it(make_repo: MakeRepo) -> None:
    """李代表 writes on 张质量's machine (her address, his name), then merges: still his change."""
    repo = make_repo()
    work = branch_commit(repo, "li/on-zhang", LI_AS_ZHANG)
    repo.merge("li/on-zhang", LI)
    finding = only(repo, MISMATCH, work, LI_AS_ZHANG, Severity.ERROR)
    assert "Both count as its authors" in finding.message
    [message] = unapproved(repo)
    assert "李代表 is an author of the change" in message


def test_committer_of_a_brought_in_commit_under_another_persons_name(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    repo.branch("zhang/pr")
    repo.append(QP01, "\n修改。\n")
    work = repo.commit("修改", ZHANG, "2026-02-01T09:00:00+08:00", committer=ZHANG_AS_LI)
    repo.checkout("main")
    merge = repo.merge("zhang/pr", LI)
    finding = only(repo, MISMATCH, work, ZHANG_AS_LI, Severity.ERROR)
    assert f"brought in by merge {merge[:8]}" in finding.message


# --- what is not reported --------------------------------------------------------------------


def test_unlisted_names_and_forge_committers_are_not_reported(make_repo: MakeRepo) -> None:
    """A name nobody holds claims no one: the forge's committer, a pinyin user.name."""
    repo = make_repo()
    branch_commit(repo, "zhang/pr", Who("Zhang Zhiliang", ZHANG.email))
    repo.merge("zhang/pr", LI, committer=GITHUB)
    assert findings(repo, UNLISTED) == [] and findings(repo, MISMATCH) == []
    assert revisions(document(register(repo, LATER), "QP-01")) == ["A/0", "A/1"]


def test_history_before_the_baseline_is_not_judged(make_repo: MakeRepo) -> None:
    repo = make_repo(commit=False)
    repo.commit("纸质文件录入", ZHANG_AT_HOME, "2026-01-01T09:00:00+08:00")
    repo.append(QP01, "\n录入补充。\n")
    adopt(repo)
    assert findings(repo, UNLISTED) == []
    work = branch_commit(repo, "zhang/home", ZHANG_AT_HOME)
    repo.merge("zhang/home", LI)
    only(repo, UNLISTED, work, ZHANG_AT_HOME, Severity.WARNING)


def test_roles_in_force_at_the_commit_decide(make_repo: MakeRepo) -> None:
    """An address is listed from the approved change that lists it; an unapproved one lists nothing."""
    repo = make_repo()
    before = branch_commit(repo, "zhang/early", ZHANG_AT_HOME, "2026-02-01T09:00:00+08:00")
    repo.merge("zhang/early", LI, "2026-02-01T15:00:00+08:00")
    # 张质量 lists her home address herself, in a direct commit: no top-role approval.
    repo.edit(ROLES, "emails: [zhang@example.com]", "emails: [zhang@example.com, zhang@home.example]")
    repo.commit("加上家里的邮箱", ZHANG, "2026-02-05T09:00:00+08:00")
    unapproved_meanwhile = branch_commit(
        repo, "zhang/middle", ZHANG_AT_HOME, "2026-02-06T09:00:00+08:00",
        text="\n中间的修改。\n",
    )
    repo.merge("zhang/middle", LI, "2026-02-06T15:00:00+08:00")
    # 王总 (top) approves roles.yml as it stands: from here on the address is hers.
    repo.branch("roles/approve")
    repo.append(ROLES, "# 张质量的家庭邮箱已核实\n")
    repo.commit("roles.yml 核实", ZHANG, "2026-02-07T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("roles/approve", WANG, "2026-02-07T15:00:00+08:00")
    branch_commit(repo, "zhang/late", ZHANG_AT_HOME, "2026-02-08T09:00:00+08:00", text="\n后来。\n")
    repo.merge("zhang/late", LI, "2026-02-08T15:00:00+08:00")

    found = findings(repo, UNLISTED)
    named = sorted(sha for f in found for sha in (before, unapproved_meanwhile) if sha[:8] in f.message)
    assert len(found) == 2 and named == sorted([before, unapproved_meanwhile]), [
        f.as_text() for f in found
    ]


def test_check_prints_the_finding_and_exits_1_on_an_impersonation(make_repo: MakeRepo) -> None:
    repo = make_repo()
    branch_commit(repo, "zhang/pr", ZHANG)
    merge = repo.merge("zhang/pr", LI_AS_ZHANG)
    result = check(repo, LATER)
    assert result.code == 1
    line = finding_line(result.stdout, MISMATCH)
    assert line.startswith(f"{ROLES}:1: error: {MISMATCH}: ")
    assert_names_commit(line, merge)
