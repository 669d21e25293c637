"""A branch whose documents have different approvers, and approving text already on main.

``status`` must say when no single merger can approve every changed document;
after such a merge, an empty commit carrying ``Approved: ID`` merged by an
approver approves the document's text as it stands, and nobody who wrote any
unapproved change since its last approved revision may give that approval.
"""

from __future__ import annotations

from collections.abc import Callable

from conftest import LI, WANG, ZHANG, ZHAO
from gitrepo import GitRepo
from history_cases import check, codes, document, register, revisions
from workflow_cases import status

MakeRepo = Callable[..., GitRepo]
AS_OF = "2026-03-01"


def _two_approver_branch(repo: GitRepo) -> None:
    repo.branch("zhang/both")
    repo.append("manual/sm-01.md", "\n本手册每年评审一次。\n")  # approved by 总经理 (王总)
    repo.append("procedures/qp-01.md", "\n文件发放应登记。\n")  # approved by 管理者代表 (李代表)
    repo.commit("SM-01、QP-01 修改", ZHANG, "2026-02-01T09:00:00+08:00")


def test_status_says_when_no_single_person_can_approve_the_branch(make_repo: MakeRepo) -> None:
    repo = make_repo()
    _two_approver_branch(repo)
    out = status(repo, "--as-of", AS_OF).stdout
    assert "No single person may approve every change; approval groups:" in out
    assert "  - QP-01: 李代表" in out and "  - SM-01: 王总" in out
    assert (
        "no single person can approve every document this branch changes, so one merge would "
        "leave some unapproved: QP-01 by 李代表; SM-01 by 王总. Split the branch" in out
    )
    assert "Nothing blocks the merge" not in out

    markdown = status(repo, "--format", "markdown", "--as-of", AS_OF).stdout
    assert "#### :x: Blocking the merge" in markdown and "QP-01 by 李代表; SM-01 by 王总" in markdown


def test_one_approver_for_everything_needs_no_split(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.branch("zhang/two")
    repo.append("procedures/qp-01.md", "\n文件发放应登记。\n")
    repo.append("procedures/qp-02.md", "\n记录应编号。\n")
    repo.commit("QP-01、QP-02 修改", ZHANG, "2026-02-01T09:00:00+08:00")
    out = status(repo, "--as-of", AS_OF).stdout
    assert "approval groups" not in out and "Nothing blocks the merge" in out


def test_an_empty_approved_commit_approves_the_text_left_unapproved(make_repo: MakeRepo) -> None:
    repo = make_repo()
    _two_approver_branch(repo)
    repo.checkout("main")
    repo.merge("zhang/both", LI, "2026-02-02T10:00:00+08:00")
    before = register(repo, AS_OF)
    assert revisions(document(before, "QP-01")) == ["A/0", "A/1"]
    assert document(before, "SM-01")["unapproved_change"]

    repo.branch("zhang/approve-sm-01")
    repo.commit("批准 SM-01 现行文本", ZHANG, "2026-02-03T09:00:00+08:00",
                trailers=("Approved: SM-01",), allow_empty=True)
    repo.checkout("main")
    repo.merge("zhang/approve-sm-01", WANG, "2026-02-04T10:00:00+08:00")
    after = register(repo, AS_OF)
    sm01 = document(after, "SM-01")
    assert revisions(sm01) == ["A/0", "A/1"]
    assert not sm01["unapproved_change"]
    latest = sm01["history"][-1]
    assert (latest["issued"], latest["approvers"], latest["authors"]) == ("2026-02-04", ["王总"], ["张质量"])
    result = check(repo, AS_OF)
    assert result.code == 0, result.output
    assert "unapproved-change" not in result.output


def test_an_author_of_any_unapproved_change_cannot_approve_it_standing(make_repo: MakeRepo) -> None:
    repo = make_repo()
    # Two direct commits to main: one by the approver himself, then one by another author.
    repo.append("procedures/qp-01.md", "\n文件发放应登记。\n")
    repo.commit("QP-01 直接修改", LI, "2026-02-01T09:00:00+08:00")
    repo.append("procedures/qp-01.md", "\n文件回收应登记。\n")
    repo.commit("QP-01 再次直接修改", ZHAO, "2026-02-02T09:00:00+08:00")
    repo.branch("li/approve")
    repo.commit("批准 QP-01", ZHAO, "2026-02-03T09:00:00+08:00",
                trailers=("Approved: QP-01",), allow_empty=True)
    repo.checkout("main")
    merge = repo.merge("li/approve", LI, "2026-02-04T10:00:00+08:00")
    data = register(repo, AS_OF)
    qp01 = document(data, "QP-01")
    assert revisions(qp01) == ["A/0"] and qp01["unapproved_change"]
    assert "approval-not-counted" in codes(data, "warning")
    assert "unapproved-change" in codes(data, "error")
    out = check(repo, AS_OF).stdout
    assert f"warning: approval-not-counted: commit {merge[:8]} records 'Approved: QP-01'" in out


def test_approved_for_a_document_with_nothing_to_approve_is_a_warning(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.branch("x")
    repo.commit("批准 QP-02", ZHANG, "2026-02-03T09:00:00+08:00",
                trailers=("Approved: QP-02",), allow_empty=True)
    repo.checkout("main")
    repo.merge("x", LI, "2026-02-04T10:00:00+08:00")
    out = check(repo, AS_OF).stdout
    assert "procedures/qp-02.md:1: warning: approval-not-needed:" in out
    assert "it has no unapproved change to approve; it is ignored" in out
