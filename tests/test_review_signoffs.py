"""Issue 15: what a document controller (文控) and an auditor expect of status and sign-offs.

Each test is a real git history. People of the minimal fixture: 王总 (总经理, top),
李代表 (管理者代表, approves QP-01), 张质量 (质量部, the owner, who writes), 赵客服
(客服中心). Here QP-01 names ``reviewers: [客服中心]``: every change needs 赵客服's
``Reviewed-by`` sign-off (审核) besides 李代表's approval (批准).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from conftest import LI, WANG, ZHANG, ZHAO, run_cli
from edition_support import edition_pdf, make_key, pdftotext, release
from gitrepo import GitRepo, Who
from history_cases import (
    ADDITION,
    GITHUB,
    QP01,
    QP02,
    ROLES,
    adopt,
    branch_commit,
    check,
    codes,
    document,
    finding_line,
    register,
)
from workflow_cases import status

MakeRepo = Callable[..., GitRepo]
LATER = "2026-06-01"
REVIEWERS = "approvers: [管理者代表]\nreviewers: [客服中心]\n"


def _reviewed_repo(make_repo: MakeRepo, roles_edit: tuple[str, str] | None = None) -> GitRepo:
    """The minimal fixture with QP-01 naming reviewers, adopted by 王总's baseline."""
    repo = make_repo(commit=False)
    repo.edit(QP01, "approvers: [管理者代表]\n", REVIEWERS)
    if roles_edit:
        repo.edit(ROLES, *roles_edit)
    adopt(repo)
    return repo


def _sign_off(repo: GitRepo, branch: str, who: Who, when: str, names: Who | None = None,
              key: str = "Reviewed-by") -> str:
    """An empty sign-off commit on ``branch`` by ``who`` carrying ``key: <names>``."""
    repo.checkout(branch)
    sha = repo.commit("审核", who, when, (f"{key}: {(names or who).ident}",), allow_empty=True)
    repo.checkout("main")
    return sha


def _refused(repo: GitRepo, reason: str) -> None:
    """QP-01 stays at A/0 with a review-missing error that says who may review, and why."""
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True
    line = finding_line(check(repo, LATER).stdout, "review-missing")
    assert "a holder of 客服中心 (赵客服" in line, line
    assert reason in line, line


# --- the rule ----------------------------------------------------------------------------------


def test_a_reviewers_document_is_refused_without_a_review(make_repo: MakeRepo) -> None:
    repo = _reviewed_repo(make_repo)
    branch_commit(repo, "zhang/qp01")
    repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    _refused(repo, "no Reviewed-by sign-off")
    data = register(repo, LATER)
    assert "review-missing" in codes(data, "error")
    assert "unapproved-change" not in codes(data)
    assert document(data, "QP-01")["reviewers"] == ["客服中心"]


def test_a_reviewers_document_is_accepted_with_the_reviewers_sign_off(make_repo: MakeRepo) -> None:
    repo = _reviewed_repo(make_repo)
    branch_commit(repo, "zhang/qp01", when="2026-02-01T09:00:00+08:00")
    _sign_off(repo, "zhang/qp01", ZHAO, "2026-02-02T16:00:00+08:00")
    repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    data = register(repo, LATER)
    qp01 = document(data, "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["unapproved_change"] is False
    assert codes(data, "error") == []
    assert qp01["prepared"] == [{"name": "张质量", "date": "2026-02-01"}]
    assert qp01["reviewed"] == [{"name": "赵客服", "date": "2026-02-02"}]
    assert qp01["approved"] == [{"name": "李代表", "date": "2026-02-03"}]
    assert qp01["history"][-1]["reviewed"] == qp01["reviewed"]
    assert qp01["history"][-1]["authors"] == ["张质量"], "the sign-off authors nothing"


def test_reviewers_by_type_in_defaults(make_repo: MakeRepo) -> None:
    """``defaults: {procedure: {reviewers: [...]}}`` asks every procedure for a review."""
    repo = make_repo(commit=False)
    repo.edit(
        "mkdocs.yml",
        "  - doc-control\n",
        "  - doc-control:\n      defaults:\n        procedure:\n          reviewers: [客服中心]\n",
    )
    adopt(repo)
    branch_commit(repo, "zhang/qp02", path=QP02)
    repo.merge("zhang/qp02", LI, "2026-02-03T10:00:00+08:00")
    qp02 = document(register(repo, LATER), "QP-02")
    assert qp02["reviewers"] == ["客服中心"]
    assert qp02["revision"] == "A/0" and qp02["unapproved_change"] is True
    branch_commit(repo, "zhang/qp02b", path=QP02, when="2026-02-04T09:00:00+08:00")
    _sign_off(repo, "zhang/qp02b", ZHAO, "2026-02-04T12:00:00+08:00")
    repo.merge("zhang/qp02b", LI, "2026-02-05T10:00:00+08:00")
    qp02 = document(register(repo, LATER), "QP-02")
    assert qp02["revision"] == "A/1", "the reviewed change carries the text of both"
    assert qp02["reviewed"] == [{"name": "赵客服", "date": "2026-02-04"}]


# --- attacks -----------------------------------------------------------------------------------


def test_reviewed_by_typed_in_the_merge_message_by_the_merger(make_repo: MakeRepo) -> None:
    repo = _reviewed_repo(make_repo)
    branch_commit(repo, "zhang/qp01")
    repo.merge(
        "zhang/qp01", LI, "2026-02-03T10:00:00+08:00", trailers=(f"Reviewed-by: {ZHAO.ident}",)
    )
    _refused(repo, f"was typed by {LI.name}")


def test_a_reviewer_who_wrote_part_of_the_change(make_repo: MakeRepo) -> None:
    repo = _reviewed_repo(make_repo)
    branch_commit(repo, "zhang/qp01")
    repo.checkout("zhang/qp01")
    repo.append(QP01, "\n客服中心补充的一句。\n")
    repo.commit("QP-01 补充", ZHAO, "2026-02-01T12:00:00+08:00")
    repo.checkout("main")
    _sign_off(repo, "zhang/qp01", ZHAO, "2026-02-02T09:00:00+08:00")
    repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    _refused(repo, "赵客服 is an author of the change and cannot review it")


def test_the_approver_cannot_count_as_their_own_reviewer(make_repo: MakeRepo) -> None:
    repo = _reviewed_repo(make_repo, ("客服中心: [赵客服]", "客服中心: [赵客服, 李代表]"))
    branch_commit(repo, "zhang/qp01")
    _sign_off(repo, "zhang/qp01", LI, "2026-02-02T09:00:00+08:00")
    repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    _refused(repo, "李代表 approved the change and cannot also be its reviewer")


def test_a_sign_off_made_before_a_later_change_is_void(make_repo: MakeRepo) -> None:
    repo = _reviewed_repo(make_repo)
    branch_commit(repo, "zhang/qp01")
    signed = _sign_off(repo, "zhang/qp01", ZHAO, "2026-02-02T09:00:00+08:00")
    repo.checkout("zhang/qp01")
    repo.append(QP01, "\n审核之后又改的一句。\n")
    repo.commit("QP-01 再改", ZHANG, "2026-02-02T12:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    _refused(repo, f"the review sign-off {signed[:8]} by {ZHAO.ident} is void")


def test_a_reviewed_by_for_someone_without_the_reviewer_role(make_repo: MakeRepo) -> None:
    repo = _reviewed_repo(make_repo)
    branch_commit(repo, "zhang/qp01")
    _sign_off(repo, "zhang/qp01", WANG, "2026-02-02T09:00:00+08:00")
    repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    _refused(repo, "王总 does not hold a reviewer role (客服中心)")


def test_a_sign_off_naming_someone_else(make_repo: MakeRepo) -> None:
    """张质量 makes the empty commit, naming 赵客服: recorded by someone other than the reviewer."""
    repo = _reviewed_repo(make_repo)
    branch_commit(repo, "zhang/qp01")
    _sign_off(repo, "zhang/qp01", ZHANG, "2026-02-02T09:00:00+08:00", names=ZHAO)
    repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    _refused(repo, f"typed by {ZHANG.ident}")


def test_the_reviewer_role_granted_in_the_same_change(make_repo: MakeRepo) -> None:
    """王总 (top, and here an approver) merges a change that also puts 李代表 into 客服中心;
    李代表's review counts only under the roles in force before the change."""
    repo = _reviewed_repo(make_repo, ("管理者代表: [李代表]", "管理者代表: [李代表, 王总]"))
    repo.branch("zhang/qp01")
    repo.edit(ROLES, "客服中心: [赵客服]", "客服中心: [赵客服, 李代表]")
    repo.append(QP01, ADDITION)
    repo.commit("QP-01 修改，并授予李代表审核", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    _sign_off(repo, "zhang/qp01", LI, "2026-02-02T09:00:00+08:00")
    repo.merge("zhang/qp01", WANG, "2026-02-03T10:00:00+08:00")
    _refused(repo, "李代表 does not hold a reviewer role (客服中心)")


def _grant_review_role_to_wang(repo: GitRepo, when: str) -> str:
    """张质量 writes 王总 into 客服中心; 王总, the top role, merges it on ``when``."""
    repo.branch("zhang/roles")
    repo.edit(ROLES, "客服中心: [赵客服]", "客服中心: [赵客服, 王总]")
    repo.commit("授予王总审核", ZHANG, "2026-02-01T08:00:00+08:00")
    repo.checkout("main")
    return repo.merge("zhang/roles", WANG, when)


def test_a_review_signed_off_before_the_reviewer_role_was_granted(make_repo: MakeRepo) -> None:
    """王总 signs off the review on 2026-02-05; the roles change that makes him a reviewer is
    merged on 2026-02-10, before the change itself (2026-02-12). At the change's first parent
    he holds the role, but he did not hold it when he reviewed: his sign-off counts for
    nothing, as an approval dated before its approver's grant does."""
    repo = _reviewed_repo(make_repo)
    branch_commit(repo, "zhang/qp01", when="2026-02-01T09:00:00+08:00")
    _sign_off(repo, "zhang/qp01", WANG, "2026-02-05T09:00:00+08:00")
    _grant_review_role_to_wang(repo, "2026-02-10T10:00:00+08:00")
    merge = repo.merge("zhang/qp01", LI, "2026-02-12T10:00:00+08:00")
    _refused(
        repo,
        "王总's review sign-off is dated 2026-02-05T09:00:00+08:00, before 王总 was granted "
        "the reviewer role it relies on (2026-02-10T10:00:00+08:00), so it does not count",
    )
    line = finding_line(check(repo, LATER).stdout, "review-missing")
    assert line.split("review-missing: ", 1)[1].startswith(f"commit {merge[:8]} by 李代表"), line
    assert document(register(repo, LATER), "QP-01")["reviewed"] == []

    # The same reviewer, signing off after the grant, is a review that counts.
    branch_commit(repo, "zhang/qp01b", when="2026-02-13T09:00:00+08:00")
    _sign_off(repo, "zhang/qp01b", WANG, "2026-02-13T15:00:00+08:00")
    repo.merge("zhang/qp01b", LI, "2026-02-14T10:00:00+08:00")
    data = register(repo, LATER)
    qp01 = document(data, "QP-01")
    assert qp01["revision"] == "A/1" and qp01["unapproved_change"] is False
    assert qp01["reviewed"] == [{"name": "王总", "date": "2026-02-13"}]
    assert "review-missing" not in codes(data)


def test_a_merge_backdated_before_the_reviewers_grant(make_repo: MakeRepo) -> None:
    """The sign-off is dated after the grant, but the merge that issues the change claims a
    date before it: the review is taken at the merge's date, and does not count."""
    repo = _reviewed_repo(make_repo)
    branch_commit(repo, "zhang/qp01", when="2026-02-01T09:00:00+08:00")
    _grant_review_role_to_wang(repo, "2026-02-10T10:00:00+08:00")
    _sign_off(repo, "zhang/qp01", WANG, "2026-02-11T09:00:00+08:00")
    repo.merge("zhang/qp01", LI, "2026-02-09T10:00:00+08:00")
    _refused(repo, "王总's review sign-off is dated 2026-02-09T10:00:00+08:00, before 王总")
    assert "date-backwards" in codes(register(repo, LATER), "error")


def test_a_review_sign_off_never_counts_as_the_approval(make_repo: MakeRepo) -> None:
    """A direct commit with 赵客服's sign-off brought in by nobody: no approval at all."""
    repo = _reviewed_repo(make_repo)
    repo.append(QP01, ADDITION)
    repo.commit("直接修改", ZHAO, "2026-02-01T09:00:00+08:00", (f"Reviewed-by: {ZHAO.ident}",))
    data = register(repo, LATER)
    assert document(data, "QP-01")["revision"] == "A/0"
    assert "unapproved-change" in codes(data, "error")


def test_a_forge_written_reviewed_by_counts_only_where_forge_trailers_are_trusted(
    make_repo: MakeRepo,
) -> None:
    """GitLab's squash template can write %{reviewed_by}: the forge's own record, trusted by
    config; untrusted, the same trailer is what the merger typed."""
    for option, counts in (("forge_trailers: trusted", True), ("forge_trailers: untrusted", False)):
        repo = make_repo(commit=False, name=option.split()[-1])
        repo.edit("mkdocs.yml", "  - doc-control\n", f"  - doc-control:\n      {option}\n")
        repo.edit(QP01, "approvers: [管理者代表]\n", REVIEWERS)
        adopt(repo)
        branch_commit(repo, "zhang/qp01", ZHANG)
        repo.squash(
            "zhang/qp01", GITHUB, "文件控制程序增加记录 (!7)", "2026-02-03T10:00:00+08:00",
            trailers=(f"Approved-by: {LI.ident}", f"Reviewed-by: {ZHAO.ident}"), author=ZHANG,
        )
        qp01 = document(register(repo, LATER), "QP-01")
        if counts:
            assert qp01["revision"] == "A/1", option
            assert qp01["reviewed"] == [{"name": "赵客服", "date": "2026-02-03"}]
        else:
            assert qp01["revision"] == "A/0", option


def test_an_unknown_reviewer_is_refused_at_its_line(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.edit(QP01, "approvers: [管理者代表]\n", "approvers: [管理者代表]\nreviewers: [审核组]\n")
    line = finding_line(check(repo, LATER).stdout, "unknown-reviewer")
    assert line.startswith(f"{QP01}:7:") and "审核组" in line, line


# --- withdrawal, external documents ------------------------------------------------------------


def test_withdrawal_data_with_replaced_by(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.branch("zhang/withdraw")
    repo.edit(QP02, "approvers: [管理者代表]\n", "approvers: [管理者代表]\nstatus: withdrawn\n"
              "replaced_by: QP-01\n")
    repo.commit("QP-02 作废，并入 QP-01", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    merge = repo.merge("zhang/withdraw", LI, "2026-02-03T10:00:00+08:00",
                       "Merge pull request #9 from zhang/withdraw\n\n记录控制程序并入文件控制程序")
    data = register(repo, LATER)
    qp02 = document(data, "QP-02")
    assert qp02["status"] == "withdrawn"
    assert qp02["withdrawal"] == {
        "date": "2026-02-03",
        "last_revision": "A/0",
        "approvers": ["李代表"],
        "reason": "记录控制程序并入文件控制程序",
        "commit": merge,
        "replaced_by": "QP-01",
    }
    assert codes(data, "error") == []


def test_replaced_by_an_id_that_does_not_exist(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.edit(QP02, "approvers: [管理者代表]\n", "approvers: [管理者代表]\nstatus: withdrawn\n"
              "replaced_by: QP-99\n")
    out = check(repo, LATER).stdout
    line = finding_line(out, "dangling-replacement")
    assert line.startswith(f"{QP02}:8:"), line
    assert "QP-99" in line


def test_external_documents_status_and_last_checked(make_repo: MakeRepo) -> None:
    repo = make_repo(commit=False)
    repo.edit("records/external.yml", "checked: 2026-09-01\n",
              "checked: 2026-09-01\n    status: superseded\n")
    repo.write("records/external.yml", repo.read("records/external.yml")
               + "  - id: EXT-02\n    title: 质量管理体系 要求\n    number: GB/T 19001-2016\n"
               "    checked: 2026-10-01\n")
    adopt(repo)
    external = {e["id"]: e for e in register(repo, LATER)["external"]}
    assert external["EXT-01"]["status"] == "superseded"
    assert external["EXT-01"]["checked"] == "2026-09-01"
    assert external["EXT-02"]["status"] == "valid"
    assert external["EXT-02"]["checked"] == "2026-10-01"


def test_an_unknown_external_status_is_refused_at_its_line(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.edit("records/external.yml", "checked: 2026-09-01\n",
              "checked: 2026-09-01\n    status: 作废了\n")
    line = finding_line(check(repo, LATER).stdout, "bad-external-status")
    assert line.startswith("records/external.yml:9:"), line


# --- what staff see: the site and the PDF ------------------------------------------------------


def _reviewed_and_waiting(make_repo: MakeRepo) -> GitRepo:
    """QP-01 A/1 reviewed and approved; then A/2 approved to take effect on 2026-12-22."""
    repo = _reviewed_repo(make_repo)
    branch_commit(repo, "zhang/qp01", when="2026-02-01T09:00:00+08:00")
    _sign_off(repo, "zhang/qp01", ZHAO, "2026-02-02T16:00:00+08:00")
    repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    repo.branch("zhang/later")
    repo.edit(QP01, REVIEWERS, REVIEWERS + "effective: 2026-12-22\n")
    repo.commit("QP-01 年底实施", ZHANG, "2026-02-10T09:00:00+08:00")
    _sign_off(repo, "zhang/later", ZHAO, "2026-02-11T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/later", LI, "2026-02-12T10:00:00+08:00")
    return repo


def test_control_block_in_the_site(make_repo: MakeRepo, tmp_path: Path) -> None:
    repo = _reviewed_and_waiting(make_repo)
    qp01 = document(register(repo, "2026-03-01"), "QP-01")
    assert qp01["status"] == "current" and qp01["revision"] == "A/1"
    assert qp01["pending_revision"] == {
        "revision": "A/2", "approved": "2026-02-12", "effective": "2026-12-22",
    }
    site = tmp_path / "site"
    result = run_cli("build", "--repo", str(repo.path), "-d", str(site), "--as-of", "2026-03-01")
    assert result.code == 0, result.output
    html = (site / "procedures" / "qp-01" / "index.html").read_text("utf-8")
    block = html[html.index('<table class="dc-control"') :]
    block = block[: block.index("</table>")]
    cells = dict(re.findall(r'<th scope="row">([^<]+)</th><td>([^<]*)</td>', block))
    assert cells["受控状态"] == "受控 · 现行 A/1（A/2 已批准，2026-12-22 实施）"
    assert cells["编制"] == "质量部 · 张质量 2026-02-01"
    assert cells["审核"] == "赵客服 2026-02-02"
    assert cells["批准"] == "李代表 2026-02-03"
    assert cells["下次评审"] == "2027-02-03", "from A/1 in force, not the waiting A/2"
    history = html[html.index('class="dc-history"') :]
    history = history[: history.index("</table>")]
    assert "变更号" in history and "commit" not in re.sub(r"<[^>]+>", "", history)
    assert "赵客服 2026-02-11" in history, "the waiting revision's row carries its review"
    # The register page uses the same status: staff filtering 现行 find QP-01.
    register_page = (site / "register" / "index.html").read_text("utf-8")
    row = re.search(r'<tr data-id="QP-01"[^>]*>', register_page)
    assert row and 'data-status="现行"' in row.group(0), row
    text = re.sub(r"<[^>]+>", " ", html[html.index('<table class="dc-control"') :])
    for word in ("owner", "approvers", "roles.yml"):
        assert word not in text.split("修订记录")[0], word


def test_control_block_in_the_pdf(make_repo: MakeRepo, tmp_path: Path) -> None:
    repo = _reviewed_and_waiting(make_repo)
    key = make_key(tmp_path / "keys")
    result = release(repo.path, key, "2026-03-01")
    assert result.code == 0, result.output
    text = pdftotext(edition_pdf(repo.path, "2026-03-01"))
    qp01 = text[text.rindex("QP-01 文件控制程序\n") :]
    qp01 = qp01[: qp01.index("1 目的")]
    assert re.search(r"受控状态 Control status\s+受控 · 现行 A/1（A/2 已批准，2026-12-22 实施）", qp01), qp01
    assert re.search(r"编制 Prepared by\s+质量部 · 张质量 2026-02-01", qp01), qp01
    assert re.search(r"审核 Reviewed by\s+赵客服 2026-02-02", qp01), qp01
    assert re.search(r"批准 Approved by\s+李代表 2026-02-03", qp01), qp01
    # The history table, laid out: each cell's name over its date (the columns are narrow).
    laid = pdftotext(edition_pdf(repo.path, "2026-03-01"), layout=True)
    history = laid[laid.index("修订记录", laid.index("修订 A/2 已于")) :]
    assert re.search(
        r"A/1\s+2026-02-03\s+2026-02-03\s+张质量\s+赵客服\s+李代表\s+修改 procedures/\s*\n"
        r"\s+2026-02-01\s+2026-02-02\s+2026-02-03\s+qp-01.md\s*\n", history
    ), history[:1200]
    assert "审核\n" not in history.split("Summary")[1][:600], "a sign-off's subject is no summary"


def test_approving_standing_text_needs_the_review_too(make_repo: MakeRepo) -> None:
    """``Approved: QP-01`` for a direct commit's text: without 赵客服's review it does not
    count; with it, the revision carries the review."""
    repo = _reviewed_repo(make_repo)
    repo.append(QP01, ADDITION)
    repo.commit("QP-01 直接修改", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.branch("li/approve")
    repo.commit("批准 QP-01", ZHANG, "2026-02-02T09:00:00+08:00",
                trailers=("Approved: QP-01",), allow_empty=True)
    repo.checkout("main")
    merge = repo.merge("li/approve", LI, "2026-02-03T10:00:00+08:00")
    out = check(repo, LATER).stdout
    line = finding_line(out, "approval-not-counted")
    assert merge[:8] in line and "no Reviewed-by sign-off" in line, line
    assert document(register(repo, LATER), "QP-01")["revision"] == "A/0"

    repo.branch("li/approve-reviewed")
    repo.commit("批准 QP-01", ZHANG, "2026-02-04T09:00:00+08:00",
                trailers=("Approved: QP-01",), allow_empty=True)
    _sign_off(repo, "li/approve-reviewed", ZHAO, "2026-02-04T15:00:00+08:00")
    repo.merge("li/approve-reviewed", LI, "2026-02-05T10:00:00+08:00")
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/1" and qp01["unapproved_change"] is False
    assert qp01["reviewed"] == [{"name": "赵客服", "date": "2026-02-04"}]


# --- status names who may review ---------------------------------------------------------------


def test_status_says_who_may_review_in_either_language(make_repo: MakeRepo) -> None:
    """On a branch changing QP-01, ``status`` names the reviewers (审核) beside the approvers;
    a reviewer who wrote part of the branch cannot review it, and the merge is blocked."""
    repo = _reviewed_repo(make_repo)
    branch_commit(repo, "zhang/qp01")
    repo.checkout("zhang/qp01")
    english = status(repo, "--as-of", LATER).stdout
    assert "    may approve — 管理者代表: 李代表" in english, english
    assert "    may review — 客服中心: 赵客服" in english, english
    assert "Nothing blocks the merge" in english
    chinese = status(repo, "--as-of", LATER, language="zh").stdout
    assert "    可批准 — 管理者代表：李代表" in chinese, chinese
    assert "    可审核 — 客服中心：赵客服" in chinese, chinese
    assert "没有阻止合并的问题" in chinese
    markdown = status(repo, "--as-of", LATER, "--format", "markdown", language="zh").stdout
    assert "管理者代表：李代表<br>可审核 — 客服中心：赵客服" in markdown, markdown

    # 赵客服 writes part of the branch: nobody is left to review it.
    repo.append(QP01, "\n客服中心补充。\n")
    repo.commit("QP-01 客服补充", ZHAO, "2026-02-02T09:00:00+08:00")
    english = status(repo, "--as-of", LATER).stdout
    assert "    may review — 客服中心: nobody left" in english, english
    assert "    cannot review — 赵客服 (author)" in english, english
    blocking = next(line for line in english.splitlines() if "Reviewed-by" in line)
    assert blocking.startswith("  - QP-01 ") and "needs a review sign-off (Reviewed-by) by 客服中心" in blocking
    assert "赵客服 wrote part of this branch" in blocking, blocking
    chinese = status(repo, "--as-of", LATER, language="zh").stdout
    assert "    不可审核 — 赵客服（编制人）" in chinese, chinese
    assert "批准之外还需要 客服中心 的审核签署（Reviewed-by），没有担任人能给出" in chinese, chinese
    assert not re.search(r"[A-Za-z]{4,} [a-z]{3,}", chinese.split("\n", 1)[1].replace("Reviewed-by", "")), chinese
