"""Approval, revision and status from git history (ARCHITECTURE.md §4–5): the history acceptance tests.

Every test builds a real repository from the minimal fixture (adopted A/0 on
2026-01-02 by 王总's baseline tag unless it says otherwise), makes the commits,
branches and merges a team would, and reads the outcome the way a user does:
``doccontrol register --format json`` and ``doccontrol check``.

People of the fixture: 王总 (总经理, the top role), 李代表 (管理者代表, who
approves QP-01, QP-02 and QR-01-01), 张质量 (质量部, the owner), 赵客服 (客服中心).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from conftest import LI, WANG, ZHANG, ZHAO
from doccontrol.project.load import load_project
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from gitrepo import GitRepo, Who
from history_cases import (
    ADDITION,
    GITHUB,
    QP01,
    QP02,
    ROLES,
    SM01,
    adopt,
    assert_names_commit,
    branch_commit,
    check,
    codes,
    document,
    finding_line,
    register,
    revisions,
)

MakeRepo = Callable[..., GitRepo]
LATER = "2026-06-01"  # an as-of date after every change below and before any review falls due

# --- approval by a merge -------------------------------------------------------------------------


def test_merge_by_an_approver_approves_the_change(make_repo: MakeRepo) -> None:
    repo = make_repo()
    branch_commit(repo, "zhang/qp01", ZHANG, "2026-02-01T09:00:00+08:00")
    merge = repo.merge(
        "zhang/qp01",
        LI,
        "2026-02-02T18:00:00+08:00",  # authored (opened) one day, committed the next
        "Merge pull request #3 from zhang/qp01\n\n修订文件控制程序：增加记录要求",
        committed="2026-02-03T10:00:00+08:00",
    )

    data = register(repo, LATER)
    qp01 = document(data, "QP-01")
    assert qp01["status"] == "current"
    assert qp01["revision"] == "A/1"
    assert qp01["issued"] == "2026-02-03", "the issue date is the merge's committer date"
    assert qp01["effective"] == "2026-02-03"
    assert qp01["approvers"] == ["李代表"]
    assert qp01["unapproved_change"] is False
    assert qp01["pending"] is None
    assert revisions(qp01) == ["A/0", "A/1"]
    last = qp01["history"][-1]
    assert last == {
        "revision": "A/1",
        "commit": merge,
        "issued": "2026-02-03",
        "effective": "2026-02-03",
        "approvers": ["李代表"],
        "authors": ["张质量"],
        "summary": "修订文件控制程序：增加记录要求",
        # 编制: the author with the date of their commit; 批准: the approver on the issue date.
        "prepared": [{"name": "张质量", "date": "2026-02-01"}],
        "reviewed": [],
        "approved": [{"name": "李代表", "date": "2026-02-03"}],
    }
    assert qp01["prepared"] == last["prepared"] and qp01["approved"] == last["approved"]
    # The other documents did not change.
    for other in ("QP-02", "SM-01", "QR-01-01"):
        assert revisions(document(data, other)) == ["A/0"]
    assert codes(data, "error") == []
    result = check(repo, LATER)
    assert result.code == 0, result.output


def test_summary_is_the_pull_request_title_even_with_a_colon(make_repo: MakeRepo) -> None:
    repo = make_repo()
    branch_commit(repo, "zhang/qp01")
    repo.merge(
        "zhang/qp01",
        LI,
        "2026-02-03T10:00:00+08:00",
        "Merge pull request #12 from zhang/qp01\n\nQP-01: add the records section",
    )
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["history"][-1]["summary"] == "QP-01: add the records section"


def test_forge_web_merge_is_approved_by_the_person_who_merged(make_repo: MakeRepo) -> None:
    """GitHub's merge button: the merge's author is the approver, its committer is GitHub."""
    repo = make_repo()
    branch_commit(repo, "zhang/qp01")
    merge = repo.merge(
        "zhang/qp01",
        LI,
        "2026-02-03T10:00:00+08:00",
        "Merge pull request #4 from zhang/qp01\n\n文件控制程序增加记录",
        committer=GITHUB,
    )
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["approvers"] == ["李代表"]
    assert qp01["history"][-1]["commit"] == merge


def test_merge_by_someone_who_is_not_an_approver_is_unapproved(make_repo: MakeRepo) -> None:
    repo = make_repo()
    branch_commit(repo, "zhang/qp01")
    merge = repo.merge("zhang/qp01", ZHAO, "2026-02-03T10:00:00+08:00")

    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["status"] == "current"
    assert qp01["revision"] == "A/0", "the site keeps the last approved revision"
    assert revisions(qp01) == ["A/0"]
    assert qp01["unapproved_change"] is True

    result = check(repo, LATER)
    assert result.code == 1
    line = finding_line(result.stdout, "unapproved-change", ZHAO)
    assert line.startswith(f"{QP01}:1: error: unapproved-change: ")
    assert_names_commit(line, merge)
    assert "QP-01" in line
    assert "李代表" in line, "the message says who may approve"


def test_approver_who_wrote_the_change_cannot_approve_it(make_repo: MakeRepo) -> None:
    repo = make_repo()
    branch_commit(repo, "li/qp01", LI)
    merge = repo.merge("li/qp01", LI, "2026-02-03T10:00:00+08:00")

    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True
    result = check(repo, LATER)
    assert result.code == 1
    line = finding_line(result.stdout, "unapproved-change", LI)
    assert_names_commit(line, merge)
    assert "author" in line


def test_co_author_cannot_approve_their_own_work(make_repo: MakeRepo) -> None:
    repo = make_repo()
    branch_commit(repo, "zhang/qp01", ZHANG, trailers=(f"Co-authored-by: {LI.ident}",))
    merge = repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")

    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True
    result = check(repo, LATER)
    assert result.code == 1
    line = finding_line(result.stdout, "unapproved-change", LI)
    assert_names_commit(line, merge)
    assert "author" in line


def test_author_merging_with_the_approvers_trailer_is_unapproved(make_repo: MakeRepo) -> None:
    """Anyone can type a trailer: the owner merging their own work cannot vouch for 李代表."""
    repo = make_repo()
    branch_commit(repo, "zhang/qp01", ZHANG)
    merge = repo.merge(
        "zhang/qp01", ZHANG, "2026-02-03T10:00:00+08:00", trailers=(f"Approved-by: {LI.ident}",)
    )
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True
    result = check(repo, LATER)
    assert result.code == 1
    assert_names_commit(finding_line(result.stdout, "unapproved-change", ZHANG), merge)


def test_direct_push_to_main_is_unapproved(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.append(QP01, ADDITION)
    sha = repo.commit("直接修改 QP-01", ZHANG, "2026-02-03T10:00:00+08:00")

    data = register(repo, LATER)
    qp01 = document(data, "QP-01")
    assert qp01["status"] == "current"
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True
    assert "unapproved-change" in codes(data, "error")
    result = check(repo, LATER)
    assert result.code == 1
    line = finding_line(result.stdout, "unapproved-change", ZHANG)
    assert line.startswith(f"{QP01}:1: error: unapproved-change: ")
    assert_names_commit(line, sha)
    assert "direct commit" in line


def test_an_approved_change_clears_the_unapproved_flag(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.append(QP01, "\n直接修改。\n")
    repo.commit("直接修改 QP-01", ZHANG, "2026-02-01T10:00:00+08:00")
    branch_commit(repo, "zhang/qp01", when="2026-02-02T09:00:00+08:00")
    repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["unapproved_change"] is False
    assert document(register(repo, "2026-02-02"), "QP-01")["unapproved_change"] is True
    # The error says how to put it right; once done, check passes again.
    assert check(repo, "2026-02-02").code == 1
    result = check(repo, LATER)
    assert result.code == 0, result.output


# --- squash and rebase merges: Approved-by trailers ---------------------------------------------


def test_squash_committed_by_the_approver_with_his_trailer_is_approved(make_repo: MakeRepo) -> None:
    repo = make_repo()
    branch_commit(repo, "zhang/qp01", ZHANG)
    sha = repo.squash(
        "zhang/qp01",
        LI,
        "文件控制程序增加记录 (#5)",
        "2026-02-03T10:00:00+08:00",
        trailers=(f"Approved-by: {LI.ident}",),
        author=ZHANG,
    )
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["approvers"] == ["李代表"]
    assert qp01["unapproved_change"] is False
    last = qp01["history"][-1]
    assert last["commit"] == sha
    assert last["authors"] == ["张质量"]
    assert last["summary"] == "文件控制程序增加记录 (#5)"
    assert check(repo, LATER).code == 0


def test_trailer_typed_by_the_owner_is_forged(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.append(QP01, ADDITION)
    sha = repo.commit(
        "QP-01 增加记录", ZHANG, "2026-02-03T10:00:00+08:00", trailers=(f"Approved-by: {LI.ident}",)
    )
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True
    result = check(repo, LATER)
    assert result.code == 1
    line = finding_line(result.stdout, "unapproved-change", ZHANG)
    assert_names_commit(line, sha)
    assert "trailer" in line


def test_owner_adding_his_own_trailer_does_not_vouch_for_the_approvers(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    repo.append(QP01, ADDITION)
    sha = repo.commit(
        "QP-01 增加记录",
        ZHANG,
        "2026-02-03T10:00:00+08:00",
        trailers=(f"Approved-by: {ZHANG.ident}", f"Approved-by: {LI.ident}"),
    )
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True
    result = check(repo, LATER)
    assert result.code == 1
    assert_names_commit(finding_line(result.stdout, "unapproved-change", ZHANG), sha)


def test_squash_by_a_bystander_with_the_approvers_trailer_is_unapproved(
    make_repo: MakeRepo,
) -> None:
    """赵客服 wrote none of it, but typed 李代表's name: only 李代表 or the forge may."""
    repo = make_repo()
    branch_commit(repo, "zhang/qp01", ZHANG)
    sha = repo.squash(
        "zhang/qp01",
        ZHAO,
        "QP-01 增加记录",
        "2026-02-03T10:00:00+08:00",
        trailers=(f"Approved-by: {LI.ident}",),
        author=ZHANG,
    )
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True
    result = check(repo, LATER)
    assert result.code == 1
    line = finding_line(result.stdout, "unapproved-change", ZHANG)
    assert_names_commit(line, sha)
    assert "赵客服" in line, "the message names who typed the trailer"


def test_trailer_naming_an_unknown_person_is_not_an_approval(make_repo: MakeRepo) -> None:
    repo = make_repo()
    nobody = Who("某人", "nobody@example.com")
    branch_commit(repo, "zhang/qp01", ZHANG)
    sha = repo.squash(
        "zhang/qp01",
        nobody,  # committed by the very person the trailer names: vouched, but unknown
        "QP-01 增加记录",
        "2026-02-03T10:00:00+08:00",
        trailers=(f"Approved-by: {nobody.ident}",),
        author=ZHANG,
    )
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True
    result = check(repo, LATER)
    assert result.code == 1
    line = finding_line(result.stdout, "unapproved-change", ZHANG)
    assert_names_commit(line, sha)
    assert "nobody@example.com" in line
    assert "not a person" in line


def test_forge_squash_with_an_unknown_trailer_is_not_an_approval(make_repo: MakeRepo) -> None:
    repo = make_repo()
    branch_commit(repo, "zhang/qp01", ZHANG)
    repo.squash(
        "zhang/qp01",
        GITHUB,
        "QP-01 增加记录 (#6)",
        "2026-02-03T10:00:00+08:00",
        trailers=("Approved-by: 某人 <nobody@example.com>",),
        author=ZHANG,
    )
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True


def test_forge_squash_with_the_approvers_trailer_is_approved_where_forge_trailers_are_trusted(
    make_repo: MakeRepo,
) -> None:
    """A forge that writes Approved-by itself (GitLab's %{approved_by}), trusted by config.

    Untrusted by default: tests/test_attacks_approval.py.
    """
    repo = make_repo(commit=False)
    repo.edit("mkdocs.yml", "  - doc-control\n", "  - doc-control:\n      forge_trailers: trusted\n")
    adopt(repo)
    branch_commit(repo, "zhang/qp01", ZHANG)
    sha = repo.squash(
        "zhang/qp01",
        GITHUB,
        "文件控制程序增加记录 (#7)",
        "2026-02-03T10:00:00+08:00",
        trailers=(f"Approved-by: {LI.ident}",),
        author=ZHANG,
    )
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["approvers"] == ["李代表"]
    assert qp01["issued"] == "2026-02-03"
    assert qp01["history"][-1]["commit"] == sha
    assert qp01["history"][-1]["authors"] == ["张质量"]
    assert check(repo, LATER).code == 0


def test_forge_squash_of_the_approvers_own_work_is_unapproved(make_repo: MakeRepo) -> None:
    repo = make_repo()
    branch_commit(repo, "li/qp01", LI)
    repo.squash(
        "li/qp01",
        GITHUB,
        "QP-01 增加记录 (#8)",
        "2026-02-03T10:00:00+08:00",
        trailers=(f"Approved-by: {LI.ident}",),
        author=LI,
    )
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True


# --- min_approvals ------------------------------------------------------------------------------


def _two_approvals(make_repo: MakeRepo, wang_holds_the_role: bool = True) -> GitRepo:
    repo = make_repo(commit=False)
    repo.edit("mkdocs.yml", "  - doc-control\n", "  - doc-control:\n      min_approvals: 2\n")
    if wang_holds_the_role:
        repo.edit(ROLES, "管理者代表: [李代表]", "管理者代表: [李代表, 王总]")
    adopt(repo)
    return repo


def test_min_approvals_two_one_approver_is_not_enough(make_repo: MakeRepo) -> None:
    repo = _two_approvals(make_repo)
    branch_commit(repo, "zhang/qp01")
    merge = repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True
    result = check(repo, LATER)
    assert result.code == 1
    line = finding_line(result.stdout, "unapproved-change", LI)
    assert_names_commit(line, merge)
    assert "1 of 2" in line


def test_min_approvals_two_merge_plus_sign_off_is_enough(make_repo: MakeRepo) -> None:
    """王总 records his own approval with a sign-off commit; 李代表 merges. (A trailer
    李代表 typed for 王总 counts for nothing: tests/test_attacks_approval.py.)"""
    repo = _two_approvals(make_repo)
    branch_commit(repo, "zhang/qp01")
    repo.checkout("zhang/qp01")
    repo.commit(
        "王总批准", WANG, "2026-02-02T09:00:00+08:00", (f"Approved-by: {WANG.ident}",), True
    )
    repo.checkout("main")
    repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["approvers"] == ["李代表", "王总"]
    assert qp01["unapproved_change"] is False
    assert check(repo, LATER).code == 0


def test_min_approvals_two_second_approver_must_hold_the_role(make_repo: MakeRepo) -> None:
    repo = _two_approvals(make_repo, wang_holds_the_role=False)
    branch_commit(repo, "zhang/qp01")
    repo.checkout("zhang/qp01")
    repo.commit(
        "王总批准", WANG, "2026-02-02T09:00:00+08:00", (f"Approved-by: {WANG.ident}",), True
    )
    repo.checkout("main")
    repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True


def test_min_approvals_two_the_same_person_twice_counts_once(make_repo: MakeRepo) -> None:
    repo = _two_approvals(make_repo)
    branch_commit(repo, "zhang/qp01")
    repo.merge(
        "zhang/qp01", LI, "2026-02-03T10:00:00+08:00", trailers=(f"Approved-by: {LI.ident}",)
    )
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True


# --- roles.yml: the root of trust --------------------------------------------------------------

ZHAO_AS_REPRESENTATIVE = ("管理者代表: [李代表]", "管理者代表: [李代表, 赵客服]")


def _roles_change(repo: GitRepo, merger: Who, when: str = "2026-02-03T10:00:00+08:00") -> str:
    repo.branch("zhang/roles")
    repo.edit(ROLES, *ZHAO_AS_REPRESENTATIVE)
    repo.commit("赵客服兼任管理者代表", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    return repo.merge("zhang/roles", merger, when)


def test_roles_change_approved_by_the_top_role_grants_authority(make_repo: MakeRepo) -> None:
    repo = make_repo()
    _roles_change(repo, WANG)
    branch_commit(repo, "zhang/qp01", when="2026-02-04T09:00:00+08:00")
    merge = repo.merge("zhang/qp01", ZHAO, "2026-02-05T10:00:00+08:00")

    data = register(repo, LATER)
    assert "roles-unapproved" not in codes(data)
    qp01 = document(data, "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["approvers"] == ["赵客服"]
    assert qp01["history"][-1]["commit"] == merge
    assert check(repo, LATER).code == 0


def test_roles_change_not_approved_by_the_top_role_is_an_error_and_grants_nothing(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    roles_merge = _roles_change(repo, LI)
    branch_commit(repo, "zhang/qp01", when="2026-02-04T09:00:00+08:00")
    qp_merge = repo.merge("zhang/qp01", ZHAO, "2026-02-05T10:00:00+08:00")

    data = register(repo, LATER)
    assert "roles-unapproved" in codes(data, "error")
    qp01 = document(data, "QP-01")
    assert qp01["revision"] == "A/0", "赵客服's authority came from an unapproved roles change"
    assert qp01["unapproved_change"] is True

    result = check(repo, LATER)
    assert result.code == 1
    line = finding_line(result.stdout, "roles-unapproved", LI)
    assert line.startswith(f"{ROLES}:1: error: roles-unapproved: ")
    assert_names_commit(line, roles_merge)
    assert "总经理" in line
    assert_names_commit(finding_line(result.stdout, "unapproved-change", ZHAO), qp_merge)


def test_later_approval_by_the_top_role_takes_up_an_unapproved_roles_change(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    _roles_change(repo, LI)
    assert check(repo, LATER).code == 1
    repo.branch("zhang/roles-2")
    repo.append(ROLES, "# 2026-02 职责确认\n")
    repo.commit("确认职责", ZHANG, "2026-02-04T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/roles-2", WANG, "2026-02-05T10:00:00+08:00")
    branch_commit(repo, "zhang/qp01", when="2026-02-06T09:00:00+08:00")
    repo.merge("zhang/qp01", ZHAO, "2026-02-07T10:00:00+08:00")

    data = register(repo, LATER)
    assert "roles-unapproved" not in codes(data)
    assert document(data, "QP-01")["revision"] == "A/1"
    assert document(data, "QP-01")["approvers"] == ["赵客服"]
    result = check(repo, LATER)
    assert result.code == 0, result.output


def test_authority_granted_in_the_change_it_would_approve_does_not_count(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    repo.branch("zhao/qp01")
    repo.edit(ROLES, *ZHAO_AS_REPRESENTATIVE)
    repo.append(QP01, ADDITION)
    repo.commit("赵客服兼任管理者代表并修改 QP-01", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    merge = repo.merge("zhao/qp01", ZHAO, "2026-02-03T10:00:00+08:00")

    data = register(repo, LATER)
    qp01 = document(data, "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True
    assert "roles-unapproved" in codes(data, "error")
    result = check(repo, LATER)
    assert result.code == 1
    assert_names_commit(finding_line(result.stdout, "unapproved-change", ZHAO), merge)


def test_roles_in_force_are_those_of_the_first_parent_even_when_the_top_role_merges(
    make_repo: MakeRepo,
) -> None:
    """王总 may approve the roles change, yet not a QP-01 edit riding in the same merge."""
    repo = make_repo()
    repo.branch("zhang/roles-qp01")
    repo.edit(ROLES, "管理者代表: [李代表]", "管理者代表: [李代表, 王总]")
    repo.append(QP01, ADDITION)
    repo.commit("王总兼任管理者代表并修改 QP-01", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/roles-qp01", WANG, "2026-02-03T10:00:00+08:00")

    data = register(repo, LATER)
    assert "roles-unapproved" not in codes(data)
    assert document(data, "QP-01")["revision"] == "A/0"
    assert document(data, "QP-01")["unapproved_change"] is True

    # From the next change on, 王总 holds the role.
    branch_commit(repo, "zhang/qp01", when="2026-02-04T09:00:00+08:00", text="\n再次修改。\n")
    repo.merge("zhang/qp01", WANG, "2026-02-05T10:00:00+08:00")
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["approvers"] == ["王总"]


def test_approvers_widened_inside_the_change_do_not_count(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.branch("zhao/qp01")
    repo.edit(QP01, "approvers: [管理者代表]", "approvers: [客服中心]")
    repo.append(QP01, ADDITION)
    repo.commit("QP-01 改由客服中心批准", ZHAO, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    # 赵客服 wrote it; 张质量 is no approver either. Neither is 赵客服 as merger:
    repo.merge("zhao/qp01", ZHANG, "2026-02-02T10:00:00+08:00")
    data = register(repo, LATER)
    assert document(data, "QP-01")["revision"] == "A/0"

    # Nor does the unapproved list let 赵客服 approve someone else's next change.
    branch_commit(repo, "zhang/qp01", ZHANG, "2026-02-03T09:00:00+08:00", text="\n再改。\n")
    merge = repo.merge("zhang/qp01", ZHAO, "2026-02-04T10:00:00+08:00")
    data = register(repo, LATER)
    qp01 = document(data, "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True
    result = check(repo, LATER)
    assert result.code == 1
    assert_names_commit(finding_line(result.stdout, "unapproved-change", ZHAO), merge)


def test_approvers_widened_inside_the_change_merged_by_the_new_approver(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    repo.branch("zhang/qp01")
    repo.edit(QP01, "approvers: [管理者代表]", "approvers: [客服中心]")
    repo.append(QP01, ADDITION)
    repo.commit("QP-01 改由客服中心批准", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    merge = repo.merge("zhang/qp01", ZHAO, "2026-02-03T10:00:00+08:00")

    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True
    result = check(repo, LATER)
    assert result.code == 1
    assert_names_commit(finding_line(result.stdout, "unapproved-change", ZHAO), merge)


def test_folder_document_chapters_and_chinese_paths(make_repo: MakeRepo) -> None:
    """A chapter's change is its document's change; git's paths stay Chinese (no quoting)."""
    repo = make_repo(commit=False)
    chapter = "procedures/qp-03/01-接待.md"
    repo.write(
        "procedures/qp-03/index.md",
        "---\nid: QP-03\ntitle: 服务提供程序\ntype: procedure\nowner: 质量部\n"
        "approvers: [管理者代表]\n---\n# 总则\n",
    )
    repo.write(chapter, "# 接待\n\n接待顾客。\n")
    adopt(repo)
    repo.branch("zhang/chapters")
    repo.git("mv", QP01, "procedures/文件控制程序.md")
    repo.append("procedures/文件控制程序.md", "\n修改。\n")
    repo.append(chapter, "\n补充。\n")
    repo.commit("QP-01 改名，QP-03 补充接待", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    merge = repo.merge("zhang/chapters", LI, "2026-02-03T10:00:00+08:00")
    approved_chapter = repo.git("rev-parse", f"{merge}:{chapter}")
    repo.append(chapter, "\n直接修改。\n")
    direct = repo.commit("直接修改接待", ZHANG, "2026-02-04T09:00:00+08:00")

    data = register(repo, LATER)
    qp01 = document(data, "QP-01")
    assert qp01["path"] == "procedures/文件控制程序.md"
    assert revisions(qp01) == ["A/0", "A/1"]
    qp03 = document(data, "QP-03")
    assert qp03["path"] == "procedures/qp-03/index.md"
    assert revisions(qp03) == ["A/0", "A/1"]
    assert qp03["history"][-1]["commit"] == merge
    assert qp03["unapproved_change"] is True
    result = check(repo, LATER)
    assert result.code == 1
    assert_names_commit(finding_line(result.stdout, "unapproved-change", ZHANG), direct)

    project = load_project(repo.path, read_mkdocs_yml(repo.path).config, date(2026, 6, 1))
    assert project.control is not None
    control = project.control.get("QP-03")
    assert control is not None and control.current is not None
    assert dict(control.current.files)[chapter] == approved_chapter


# --- renames, re-issues, effective dates --------------------------------------------------------


def test_rename_with_an_edit_keeps_one_history(make_repo: MakeRepo) -> None:
    repo = make_repo()
    new_path = "procedures/qp-01-document-control.md"
    repo.branch("zhang/rename")
    repo.git("mv", QP01, new_path)
    repo.append(new_path, ADDITION)
    repo.commit("QP-01 改名并增加记录", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    merge = repo.merge("zhang/rename", LI, "2026-02-03T10:00:00+08:00")

    data = register(repo, LATER)
    assert [d["id"] for d in data["documents"]].count("QP-01") == 1
    qp01 = document(data, "QP-01")
    assert qp01["path"] == new_path
    assert qp01["status"] == "current"
    assert qp01["revision"] == "A/1"
    assert revisions(qp01) == ["A/0", "A/1"]
    assert qp01["history"][-1]["commit"] == merge
    assert qp01["unapproved_change"] is False
    assert check(repo, LATER).code == 0


def test_reissue_sets_a_new_edition(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.branch("zhang/edition-b")
    repo.edit(QP01, "approvers: [管理者代表]\n", "approvers: [管理者代表]\nedition: B\n")
    repo.append(QP01, ADDITION)
    repo.commit("QP-01 换版", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/edition-b", LI, "2026-02-03T10:00:00+08:00")
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "B/0"
    assert revisions(qp01) == ["A/0", "B/0"]

    branch_commit(repo, "zhang/b1", when="2026-03-01T09:00:00+08:00", text="\n修改。\n")
    repo.merge("zhang/b1", LI, "2026-03-02T10:00:00+08:00")
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "B/1"
    assert revisions(qp01) == ["A/0", "B/0", "B/1"]


def test_future_effective_date_is_pending_until_it_comes(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.branch("zhang/effective")
    repo.edit(QP01, "approvers: [管理者代表]\n", "approvers: [管理者代表]\neffective: 2026-03-03\n")
    repo.append(QP01, ADDITION)
    repo.commit("QP-01 下月实施", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    merge = repo.merge("zhang/effective", LI, "2026-02-03T10:00:00+08:00")

    between = document(register(repo, "2026-02-20"), "QP-01")
    # Issue 15: A/0 is in force, so the document is current; A/1 waits beside it.
    assert between["status"] == "current"
    assert between["revision"] == "A/0", "staff still read A/0"
    assert between["issued"] == "2026-01-02"
    assert between["pending"] == {
        "revision": "A/1",
        "commit": merge,
        "issued": "2026-02-03",
        "effective": "2026-03-03",
        "approvers": ["李代表"],
        "authors": ["张质量"],
        "summary": "QP-01 下月实施",
        "prepared": [{"name": "张质量", "date": "2026-02-01"}],
        "reviewed": [],
        "approved": [{"name": "李代表", "date": "2026-02-03"}],
    }
    assert between["pending_revision"] == {
        "revision": "A/1", "approved": "2026-02-03", "effective": "2026-03-03",
    }
    # The next review runs from the revision in force (A/0, adopted 2026-01-02), not A/1.
    assert between["review_due"] == "2027-01-02"
    assert revisions(between) == ["A/0", "A/1"]

    on_the_day = document(register(repo, "2026-03-03"), "QP-01")
    assert on_the_day["status"] == "current"
    assert on_the_day["revision"] == "A/1"
    assert on_the_day["issued"] == "2026-02-03"
    assert on_the_day["effective"] == "2026-03-03"
    assert on_the_day["pending"] is None
    assert on_the_day["pending_revision"] is None
    assert on_the_day["review_due"] == "2027-02-03", "A/1 in force: its issue date starts the clock"


def test_effective_date_before_the_approval_is_the_issue_date(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.branch("zhang/effective")
    repo.edit(QP01, "approvers: [管理者代表]\n", "approvers: [管理者代表]\neffective: 2026-01-15\n")
    repo.commit("QP-01 实施日期", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/effective", LI, "2026-02-03T10:00:00+08:00")
    qp01 = document(register(repo, "2026-02-03"), "QP-01")
    assert qp01["status"] == "current"
    assert qp01["revision"] == "A/1"
    assert qp01["effective"] == "2026-02-03"


def test_impossible_effective_date_does_not_lose_the_document(make_repo: MakeRepo) -> None:
    """A typo in a date is the catalog's error to report, not a deletion in history."""
    repo = make_repo()
    repo.branch("zhang/effective")
    repo.edit(QP02, "approvers: [管理者代表]\n", "approvers: [管理者代表]\neffective: 2026-13-01\n")
    repo.commit("QP-02 实施日期", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/effective", LI, "2026-02-03T10:00:00+08:00")
    data = register(repo, LATER)
    qp02 = document(data, "QP-02")
    assert qp02["status"] == "current"
    assert qp02["revision"] == "A/1"
    assert qp02["effective"] == "2026-02-03"
    assert "bad-date" in codes(data, "error")


# --- withdrawal ---------------------------------------------------------------------------------


def test_approved_deletion_withdraws_the_document(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.branch("zhang/withdraw")
    repo.remove(QP02)
    repo.commit("作废 QP-02", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/withdraw", LI, "2026-02-03T10:00:00+08:00")

    qp02 = document(register(repo, LATER), "QP-02")
    assert qp02["status"] == "withdrawn"
    assert qp02["unapproved_change"] is False
    assert revisions(qp02) == ["A/0"]
    before = document(register(repo, "2026-02-02"), "QP-02")
    assert before["status"] == "current"


def test_unapproved_deletion_leaves_the_document_current(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.remove(QP02)
    sha = repo.commit("删除 QP-02", ZHANG, "2026-02-03T10:00:00+08:00")

    qp02 = document(register(repo, LATER), "QP-02")
    assert qp02["status"] == "current"
    assert qp02["revision"] == "A/0"
    assert qp02["unapproved_change"] is True
    result = check(repo, LATER)
    assert result.code == 1
    assert_names_commit(finding_line(result.stdout, "unapproved-change", ZHANG), sha)


def test_approved_status_withdrawn_withdraws_the_document(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.branch("zhang/withdraw")
    repo.edit(QP02, "approvers: [管理者代表]\n", "approvers: [管理者代表]\nstatus: withdrawn\n")
    repo.commit("作废 QP-02", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/withdraw", LI, "2026-02-03T10:00:00+08:00")

    qp02 = document(register(repo, LATER), "QP-02")
    assert qp02["status"] == "withdrawn"
    assert qp02["unapproved_change"] is False
    assert revisions(qp02) == ["A/0"]


def test_unapproved_status_withdrawn_leaves_the_document_current(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.edit(QP02, "approvers: [管理者代表]\n", "approvers: [管理者代表]\nstatus: withdrawn\n")
    repo.commit("作废 QP-02", ZHANG, "2026-02-03T10:00:00+08:00")
    qp02 = document(register(repo, LATER), "QP-02")
    assert qp02["status"] == "current"
    assert qp02["revision"] == "A/0"
    assert qp02["unapproved_change"] is True


# --- periodic review ----------------------------------------------------------------------------


def test_review_recorded_by_an_approvers_merge_moves_review_due(make_repo: MakeRepo) -> None:
    repo = make_repo()
    assert document(register(repo, LATER), "QP-01")["review_due"] == "2027-01-02"
    repo.branch("zhang/review")
    repo.commit("QP-01 年度评审：无需修改", ZHANG, "2026-05-30T09:00:00+08:00", allow_empty=True)
    repo.checkout("main")
    repo.merge(
        "zhang/review",
        LI,
        "2026-06-01T10:00:00+08:00",
        "Merge pull request #9 from zhang/review\n\nQP-01 年度评审",
        trailers=("Reviewed: QP-01",),
    )
    data = register(repo, "2026-06-02")
    qp01 = document(data, "QP-01")
    assert qp01["review_due"] == "2027-06-01"
    assert qp01["revision"] == "A/0", "a review makes no new revision"
    assert revisions(qp01) == ["A/0"]
    assert qp01["unapproved_change"] is False
    assert document(data, "QP-02")["review_due"] == "2027-01-02"
    assert check(repo, "2026-06-02").code == 0


def test_review_in_the_branch_commit_counts_when_an_approver_merges(make_repo: MakeRepo) -> None:
    """The forge's merge button keeps the default message: the branch commit says Reviewed."""
    repo = make_repo()
    repo.branch("zhang/review")
    repo.commit(
        "QP-01 年度评审：无需修改",
        ZHANG,
        "2026-05-30T09:00:00+08:00",
        trailers=("Reviewed: QP-01",),
        allow_empty=True,
    )
    repo.checkout("main")
    repo.merge("zhang/review", LI, "2026-06-01T10:00:00+08:00")
    data = register(repo, "2026-06-02")
    assert document(data, "QP-01")["review_due"] == "2027-06-01"
    assert revisions(document(data, "QP-01")) == ["A/0"]
    assert document(data, "QP-02")["review_due"] == "2027-01-02"


def test_review_merged_by_someone_who_may_not_approve_does_not_count(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    repo.branch("zhang/review")
    repo.commit("QP-01 评审", ZHANG, "2026-05-30T09:00:00+08:00", allow_empty=True)
    repo.checkout("main")
    merge = repo.merge(
        "zhang/review", ZHAO, "2026-06-01T10:00:00+08:00", trailers=("Reviewed: QP-01",)
    )
    data = register(repo, "2026-06-02")
    assert document(data, "QP-01")["review_due"] == "2027-01-02"
    result = check(repo, "2026-06-02")
    assert result.code == 0, "an uncounted review is a warning"
    assert_names_commit(finding_line(result.stdout, "review-not-counted"), merge)


def test_review_recorded_by_the_approvers_own_empty_commit(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.commit(
        "QP-01 年度评审",
        LI,
        "2026-06-01T10:00:00+08:00",
        trailers=("Reviewed: QP-01", f"Approved-by: {LI.ident}"),
        allow_empty=True,
    )
    data = register(repo, "2026-06-02")
    qp01 = document(data, "QP-01")
    assert qp01["review_due"] == "2027-06-01"
    assert revisions(qp01) == ["A/0"]
    assert "review-not-counted" not in codes(data)


def test_review_without_approval_does_not_count(make_repo: MakeRepo) -> None:
    repo = make_repo()
    sha = repo.commit(
        "QP-01 年度评审", ZHANG, "2026-06-01T10:00:00+08:00", trailers=("Reviewed: QP-01",),
        allow_empty=True,
    )
    data = register(repo, "2026-06-02")
    assert document(data, "QP-01")["review_due"] == "2027-01-02"
    assert "review-not-counted" in codes(data, "warning")
    result = check(repo, "2026-06-02")
    assert_names_commit(finding_line(result.stdout, "review-not-counted"), sha)


def test_review_by_an_approver_the_change_itself_added_does_not_count(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    repo.edit(QP01, "approvers: [管理者代表]", "approvers: [客服中心]")
    repo.commit("QP-01 改由客服中心批准", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.commit(
        "QP-01 年度评审",
        ZHAO,
        "2026-06-01T10:00:00+08:00",
        trailers=("Reviewed: QP-01", f"Approved-by: {ZHAO.ident}"),
        allow_empty=True,
    )
    qp01 = document(register(repo, "2026-06-02"), "QP-01")
    assert qp01["review_due"] == "2027-01-02"


def test_review_overdue_until_a_review_is_recorded(make_repo: MakeRepo) -> None:
    repo = make_repo()
    data = register(repo, "2026-12-31")
    assert document(data, "QP-01")["review_overdue"] is False
    assert "review-overdue" not in codes(data)

    data = register(repo, "2027-03-01")
    qp01 = document(data, "QP-01")
    assert qp01["review_due"] == "2027-01-02"
    assert qp01["review_overdue"] is True
    result = check(repo, "2027-03-01")
    assert result.code == 0, "an overdue review is a warning"
    prefix = f"{QP01}:1: warning: review-overdue: "
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith(prefix)]
    assert len(lines) == 1 and "QP-01" in lines[0] and "2027-01-02" in lines[0]

    repo.branch("zhang/review")
    repo.commit("QP-01 评审", ZHANG, "2027-03-08T09:00:00+08:00", allow_empty=True)
    repo.checkout("main")
    repo.merge("zhang/review", LI, "2027-03-10T10:00:00+08:00", trailers=("Reviewed: QP-01",))

    data = register(repo, "2027-03-15")
    qp01 = document(data, "QP-01")
    assert qp01["review_overdue"] is False
    assert qp01["review_due"] == "2028-03-10"
    assert document(data, "QP-02")["review_overdue"] is True
    overdue = [f["path"] for f in data["findings"] if f["code"] == "review-overdue"]
    assert QP01 not in overdue
    assert QP02 in overdue
    # History before the review still says it was overdue.
    assert document(register(repo, "2027-03-01"), "QP-01")["review_overdue"] is True


def test_review_months_from_front_matter(make_repo: MakeRepo) -> None:
    repo = make_repo(commit=False)
    repo.edit(QP01, "approvers: [管理者代表]\n", "approvers: [管理者代表]\nreview: 6\n")
    adopt(repo)
    qp01 = document(register(repo, "2026-07-03"), "QP-01")
    assert qp01["review_due"] == "2026-07-02"
    assert qp01["review_overdue"] is True


# --- adoption: the baseline tag -----------------------------------------------------------------


def test_baseline_by_the_top_role_adopts_every_document(make_repo: MakeRepo) -> None:
    repo = make_repo()
    initial = repo.head()
    data = register(repo, "2026-01-02")
    assert data["findings"] == []
    assert data["commit"] == initial
    # In the register's order: by level (手册, 程序文件, 记录表单), then by id.
    assert [d["id"] for d in data["documents"]] == ["SM-01", "QP-01", "QP-02", "QR-01-01"]
    for doc in data["documents"]:
        assert doc["status"] == "current"
        assert doc["revision"] == "A/0"
        assert doc["issued"] == "2026-01-02"
        assert doc["approvers"] == ["王总"]
        assert doc["unapproved_change"] is False
        assert [h["commit"] for h in doc["history"]] == [initial]
    result = check(repo, "2026-01-02")
    assert result.code == 0, result.output
    assert result.stdout == ""


def test_baseline_by_someone_else_is_invalid(make_repo: MakeRepo) -> None:
    repo = make_repo(commit=False)
    initial = adopt(repo, LI)
    data = register(repo, LATER)
    assert "baseline-invalid" in codes(data, "error")
    for doc in data["documents"]:
        assert doc["status"] == "draft"
        assert doc["revision"] is None
        assert doc["unapproved_change"] is True
    result = check(repo, LATER)
    assert result.code == 1
    baseline = finding_line(result.stdout, "baseline-invalid")
    assert "李代表" in baseline and "总经理" in baseline
    prefix = f"{QP01}:1: error: unapproved-change: "
    line = [ln for ln in result.stdout.splitlines() if ln.startswith(prefix)]
    assert len(line) == 1
    assert "张质量" in line[0]
    assert_names_commit(line[0], initial)


def test_lightweight_baseline_tag_is_refused(make_repo: MakeRepo) -> None:
    repo = make_repo(commit=False)
    repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.lightweight_tag("doccontrol/baseline")
    data = register(repo, LATER)
    assert "baseline-invalid" in codes(data, "error")
    assert document(data, "QP-01")["revision"] is None
    result = check(repo, LATER)
    assert result.code == 1
    assert "lightweight" in finding_line(result.stdout, "baseline-invalid")


def test_no_baseline_and_a_first_merge_approves(make_repo: MakeRepo) -> None:
    """Without adoption: roles.yml first, then the documents by pull request."""
    repo = make_repo(commit=False)
    documents = {p: repo.read(p) for p in (QP01, QP02, SM01, "records/forms/qr-01-01.md")}
    for path in documents:
        (repo.path / path).unlink()
    repo.commit("角色与职责", WANG, "2026-01-02T09:00:00+08:00")
    repo.branch("zhang/documents")
    for path, text in documents.items():
        repo.write(path, text)
    repo.commit("文件初稿", ZHANG, "2026-01-03T09:00:00+08:00")
    repo.checkout("main")
    merge = repo.merge("zhang/documents", LI, "2026-01-04T10:00:00+08:00")

    data = register(repo, LATER)
    qp01 = document(data, "QP-01")
    assert qp01["status"] == "current"
    assert qp01["revision"] == "A/0"
    assert qp01["approvers"] == ["李代表"]
    assert qp01["issued"] == "2026-01-04"
    assert qp01["history"][0]["commit"] == merge
    sm01 = document(data, "SM-01")
    assert sm01["status"] == "draft", "SM-01 needs 总经理, and 李代表 merged it"
    assert sm01["revision"] is None
    assert sm01["unapproved_change"] is True


# --- identities ---------------------------------------------------------------------------------


def test_people_are_recognised_by_email_whatever_name_git_has(make_repo: MakeRepo) -> None:
    repo = make_repo()
    branch_commit(repo, "zhang/qp01", Who("Zhang Q", "Zhang@Example.com"))
    repo.merge("zhang/qp01", Who("Li Daibiao", "li@example.com"), "2026-02-03T10:00:00+08:00")
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["approvers"] == ["李代表"]
    assert qp01["history"][-1]["authors"] == ["张质量"]


def test_self_approval_is_caught_under_another_git_name(make_repo: MakeRepo) -> None:
    repo = make_repo()
    branch_commit(repo, "li/qp01", Who("lidaibiao", "LI@example.com"))
    repo.merge("li/qp01", LI, "2026-02-03T10:00:00+08:00")
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True


# --- shapes of history --------------------------------------------------------------------------


def test_octopus_merge_approves_every_document_it_brings(make_repo: MakeRepo) -> None:
    repo = make_repo()
    branch_commit(repo, "zhang/qp01", path=QP01, when="2026-02-01T09:00:00+08:00")
    branch_commit(repo, "zhang/qp02", path=QP02, when="2026-02-01T10:00:00+08:00")
    merge = repo.merge(["zhang/qp01", "zhang/qp02"], LI, "2026-02-03T10:00:00+08:00")
    assert len(repo.git("show", "-s", "--format=%P", merge).split()) == 3

    data = register(repo, LATER)
    for doc_id in ("QP-01", "QP-02"):
        doc = document(data, doc_id)
        assert doc["revision"] == "A/1"
        assert doc["approvers"] == ["李代表"]
        assert doc["history"][-1]["commit"] == merge
        assert doc["unapproved_change"] is False
    assert revisions(document(data, "SM-01")) == ["A/0"]
    assert check(repo, LATER).code == 0


def test_octopus_merge_with_the_mergers_own_branch_is_unapproved(make_repo: MakeRepo) -> None:
    repo = make_repo()
    branch_commit(repo, "zhang/qp01", path=QP01)
    branch_commit(repo, "li/qp02", LI, path=QP02)
    repo.merge(["zhang/qp01", "li/qp02"], LI, "2026-02-03T10:00:00+08:00")
    data = register(repo, LATER)
    # The change is one: 李代表 wrote part of it, so he approves none of it.
    for doc_id in ("QP-01", "QP-02"):
        assert document(data, doc_id)["revision"] == "A/0"
        assert document(data, doc_id)["unapproved_change"] is True


def test_main_merged_back_into_a_branch_is_not_authored_by_the_branch(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    # 张质量 starts work on QP-01.
    branch_commit(repo, "zhang/qp01", ZHANG, "2026-02-01T09:00:00+08:00")
    # Meanwhile 李代表 writes an SM-01 change that 王总 approves: a 李代表 commit on main.
    li_commit = branch_commit(repo, "li/sm01", LI, "2026-02-02T09:00:00+08:00", path=SM01)
    repo.merge("li/sm01", WANG, "2026-02-03T10:00:00+08:00")
    # 张质量 merges main back into the branch, and goes on.
    repo.checkout("zhang/qp01")
    repo.merge("main", ZHANG, "2026-02-04T09:00:00+08:00", "Merge branch 'main' into zhang/qp01")
    repo.append(QP01, "\n补充。\n")
    repo.commit("QP-01 补充", ZHANG, "2026-02-05T09:00:00+08:00")
    repo.checkout("main")
    assert repo.git("merge-base", "--is-ancestor", li_commit, "zhang/qp01") == ""
    merge = repo.merge("zhang/qp01", LI, "2026-02-06T10:00:00+08:00")

    data = register(repo, LATER)
    qp01 = document(data, "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["approvers"] == ["李代表"]
    assert qp01["history"][-1]["commit"] == merge
    assert qp01["history"][-1]["authors"] == ["张质量"]
    assert qp01["unapproved_change"] is False
    sm01 = document(data, "SM-01")
    assert revisions(sm01) == ["A/0", "A/1"], "the merge-back does not re-issue SM-01"
    assert sm01["history"][-1]["authors"] == ["李代表"]
    assert sm01["approvers"] == ["王总"]
    assert check(repo, LATER).code == 0


def test_approver_updating_the_branch_from_main_authors_nothing(make_repo: MakeRepo) -> None:
    """GitHub's "Update branch" button: 李代表 merges main into the owner's branch."""
    repo = make_repo()
    branch_commit(repo, "zhang/qp01", ZHANG, "2026-02-01T09:00:00+08:00")
    branch_commit(repo, "li/sm01", LI, "2026-02-02T09:00:00+08:00", path=SM01)
    repo.merge("li/sm01", WANG, "2026-02-03T10:00:00+08:00")
    repo.checkout("zhang/qp01")
    repo.merge("main", LI, "2026-02-04T09:00:00+08:00", "Merge branch 'main' into zhang/qp01")
    repo.checkout("main")
    merge = repo.merge(
        "zhang/qp01", LI, "2026-02-06T10:00:00+08:00", "Merge pull request #5 from zhang/qp01\n\n修订"
    )
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["approvers"] == ["李代表"]
    assert qp01["history"][-1]["commit"] == merge
    assert qp01["history"][-1]["authors"] == ["张质量"]
    assert check(repo, LATER).code == 0


def test_merged_branch_with_its_own_merge_of_the_owners_work_stays_author_checked(
    make_repo: MakeRepo,
) -> None:
    """A merge inside the branch authors nothing, but what it brings in still counts."""
    repo = make_repo()
    branch_commit(repo, "li/part", LI, "2026-02-01T09:00:00+08:00")
    repo.branch("zhang/qp01")
    repo.merge("li/part", ZHANG, "2026-02-02T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0", "李代表 wrote the commit the inner merge brought in"
    assert qp01["unapproved_change"] is True


def test_as_of_before_a_merge_shows_the_earlier_revision(make_repo: MakeRepo) -> None:
    repo = make_repo()
    branch_commit(repo, "zhang/qp01", when="2026-02-01T09:00:00+08:00")
    first = repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    branch_commit(repo, "zhang/qp01-2", when="2026-03-01T09:00:00+08:00", text="\n再改。\n")
    second = repo.merge("zhang/qp01-2", LI, "2026-03-03T10:00:00+08:00")

    before = register(repo, "2026-02-02")
    assert before["as_of"] == "2026-02-02"
    assert before["commit"] == repo.git("rev-parse", "doccontrol/baseline^{commit}")
    assert revisions(document(before, "QP-01")) == ["A/0"]
    assert document(before, "QP-01")["revision"] == "A/0"

    middle = register(repo, "2026-02-03")
    assert middle["commit"] == first
    assert document(middle, "QP-01")["revision"] == "A/1"
    assert revisions(document(middle, "QP-01")) == ["A/0", "A/1"]

    after = register(repo, "2026-03-03")
    assert after["commit"] == second
    assert document(after, "QP-01")["revision"] == "A/2"


def test_register_json_has_exactly_the_contract_keys(make_repo: MakeRepo) -> None:
    repo = make_repo()
    branch_commit(repo, "zhang/qp01")
    repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    repo.branch("zhang/qp02")
    repo.edit(QP02, "approvers: [管理者代表]\n", "approvers: [管理者代表]\neffective: 2026-09-01\n")
    repo.commit("QP-02 九月实施", ZHANG, "2026-03-01T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/qp02", LI, "2026-03-02T10:00:00+08:00")
    # A new document only in the working tree: a draft.
    repo.write("procedures/qp-03.md", repo.read(QP02).replace("QP-02", "QP-03"))

    data = register(repo, LATER)
    assert set(data) == {"as_of", "commit", "documents", "external", "findings"}
    document_keys = {
        "id", "title", "type", "path", "status", "revision", "issued", "effective", "approvers",
        "review_due", "review_overdue", "unapproved_change", "pending", "pending_revision",
        "reviewers", "prepared", "reviewed", "approved", "withdrawal", "history",
        "owner", "distribution",
    }
    form_keys = {"keeper", "medium", "disposal"}  # a record form's 保管部门, 载体, 处置方式
    entry_keys = {
        "revision", "commit", "issued", "effective", "approvers", "authors", "summary",
        "prepared", "reviewed", "approved",
    }
    assert [d["id"] for d in data["documents"]] == ["SM-01", "QP-01", "QP-02", "QP-03", "QR-01-01"]
    for doc in data["documents"]:
        forms = form_keys if doc["type"] == "record-form" else set()
        assert set(doc) == document_keys | forms, doc["id"]
        for entry in doc["history"]:
            assert set(entry) == entry_keys
    assert document(data, "QP-03")["status"] == "draft"
    assert document(data, "QP-03")["revision"] is None
    qp02 = document(data, "QP-02")
    assert qp02["status"] == "current", "A/0 is in force while A/1 waits for 2026-09-01"
    assert set(qp02["pending"]) == entry_keys
    assert qp02["pending_revision"] == {
        "revision": "A/1", "approved": "2026-03-02", "effective": "2026-09-01",
    }
    qp01 = document(data, "QP-01")
    assert qp01 == {
        "id": "QP-01",
        "title": "文件控制程序",
        "type": "procedure",
        "path": QP01,
        "status": "current",
        "revision": "A/1",
        "issued": "2026-02-03",
        "effective": "2026-02-03",
        "approvers": ["李代表"],
        "review_due": "2027-02-03",
        "review_overdue": False,
        "unapproved_change": False,
        "pending": None,
        "pending_revision": None,
        "reviewers": [],
        "prepared": qp01["history"][-1]["prepared"],
        "reviewed": [],
        "approved": [{"name": "李代表", "date": "2026-02-03"}],
        "withdrawal": None,
        "history": qp01["history"],
        "owner": "质量部",
        "distribution": [],
    }
