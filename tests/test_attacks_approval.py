"""Attacks on approval integrity (issue 12, rules 1, 2, 3, 7 and 15), each a real git history.

Each test is what someone with push or merge rights would try in order to make
git say that a text was approved when it was not, and asserts the finding that
stops it (its exact code and the commit it names), or, for the honest cases,
that the approval counts and rests on what it should.

People of the minimal fixture: 王总 (总经理, the top role), 李代表 (管理者代表, who
approves QP-01 and QP-02), 张质量 (质量部, the owner), 赵客服 (客服中心).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable

import pytest
from conftest import LI, WANG, ZHANG, ZHAO, run_cli
from doccontrol.history.reader import _commits
from doccontrol.model.errors import RepositoryError
from gitrepo import GitRepo, Who
from history_cases import (
    ADDITION,
    GITHUB,
    QP01,
    QP02,
    ROLES,
    adopt,
    assert_names_commit,
    branch_commit,
    check,
    codes,
    document,
    finding_line,
    register,
)

MakeRepo = Callable[..., GitRepo]
LATER = "2026-06-01"


def _configured(make_repo: MakeRepo, option: str, wang_approves: bool = False) -> GitRepo:
    """The minimal fixture with one doc-control option set, adopted by 王总's baseline."""
    repo = make_repo(commit=False)
    repo.edit("mkdocs.yml", "  - doc-control\n", f"  - doc-control:\n      {option}\n")
    if wang_approves:
        repo.edit(ROLES, "管理者代表: [李代表]", "管理者代表: [李代表, 王总]")
    adopt(repo)
    return repo


def _two_approvals(make_repo: MakeRepo) -> GitRepo:
    return _configured(make_repo, "min_approvals: 2", wang_approves=True)


def _sign_off(repo: GitRepo, branch: str, who: Who, when: str, key: str = "Approved-by",
              committer: Who | None = None, names: Who | None = None) -> str:
    """An empty commit on ``branch`` carrying ``key: <names>``; back on main after."""
    repo.checkout(branch)
    sha = repo.commit(
        "签核", who, when, (f"{key}: {(names or who).ident}",), allow_empty=True, committer=committer
    )
    repo.checkout("main")
    return sha


def _merge_by_hand(repo: GitRepo, branch: str, who: Who, when: str, edit: Callable[[], None]) -> str:
    """``git merge --no-commit`` (conflicts allowed), then ``edit`` the result, then commit it."""
    env = {
        "GIT_AUTHOR_NAME": who.name,
        "GIT_AUTHOR_EMAIL": who.email,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_NAME": who.name,
        "GIT_COMMITTER_EMAIL": who.email,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(
        ["git", "merge", "-q", "--no-ff", "--no-commit", branch],
        cwd=repo.path,
        env={**env, "HOME": str(repo.path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        check=False,
    )
    edit()
    repo.git("add", "-A")
    repo.git("commit", "-q", "--no-edit", "-m", f"Merge branch '{branch}'", env=env)
    return repo.head()


# --- rule 1: a trailer counts only when the person it names recorded it --------------------------


def test_trailer_typed_into_a_merge_counts_for_nothing(make_repo: MakeRepo) -> None:
    """李代表's merge approves; the 王总 trailer he typed into it is reported, not counted."""
    repo = make_repo()
    branch_commit(repo, "zhang/qp01")
    merge = repo.merge(
        "zhang/qp01", LI, "2026-02-03T10:00:00+08:00", trailers=(f"Approved-by: {WANG.ident}",)
    )
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["approvers"] == ["李代表"], "the typed 王总 trailer is no approval"
    result = check(repo, LATER)
    line = finding_line(result.stdout, "trailer-not-counted")
    assert_names_commit(line, merge)
    assert "recorded by 李代表" in line and "王总" in line


def test_min_approvals_two_merger_plus_typed_trailer_is_one_approval(make_repo: MakeRepo) -> None:
    repo = _two_approvals(make_repo)
    branch_commit(repo, "zhang/qp01")
    merge = repo.merge(
        "zhang/qp01", LI, "2026-02-03T10:00:00+08:00", trailers=(f"Approved-by: {WANG.ident}",)
    )
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True
    result = check(repo, LATER)
    assert result.code == 1
    line = finding_line(result.stdout, "unapproved-change", LI)
    assert_names_commit(line, merge)
    assert "1 of 2" in line
    assert "recorded by 李代表" in line and "counts for nothing" in line


def test_squash_with_a_forged_second_trailer_is_one_approval(make_repo: MakeRepo) -> None:
    """李代表 commits the squash with his own trailer and one he typed for 王总."""
    repo = _two_approvals(make_repo)
    branch_commit(repo, "zhang/qp01")
    sha = repo.squash(
        "zhang/qp01",
        LI,
        "QP-01 增加记录",
        "2026-02-03T10:00:00+08:00",
        trailers=(f"Approved-by: {LI.ident}", f"Approved-by: {WANG.ident}"),
        author=ZHANG,
    )
    assert document(register(repo, LATER), "QP-01")["revision"] == "A/0"
    line = finding_line(check(repo, LATER).stdout, "unapproved-change", ZHANG)
    assert_names_commit(line, sha)
    assert "1 of 2" in line


# --- sign-off commits ----------------------------------------------------------------------------


def test_sign_off_commit_is_the_second_approval(make_repo: MakeRepo) -> None:
    repo = _two_approvals(make_repo)
    branch_commit(repo, "zhang/qp01")
    signed = _sign_off(repo, "zhang/qp01", WANG, "2026-02-02T09:00:00+08:00")
    merge = repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["approvers"] == ["李代表", "王总"]
    last = qp01["history"][-1]
    assert last["commit"] == merge
    assert last["authors"] == ["张质量"], "an empty sign-off authors nothing"
    result = run_cli("--lang", "en", "check", "--repo", str(repo.path), "--as-of", LATER, "--explain-trust")
    assert result.code == 0, result.output
    trust = [ln for ln in result.stdout.splitlines() if ln.startswith("QP-01 A/1")]
    assert len(trust) == 1
    assert f"李代表: a merge by a listed person (merge {merge[:8]})" in trust[0]
    assert f"王总: a sign-off commit on the branch (commit {signed[:8]})" in trust[0]


def test_reviewed_by_sign_off_is_a_review_not_an_approval(make_repo: MakeRepo) -> None:
    """Issue 15 keeps the words apart: ``Reviewed-by:`` is the 审核 sign-off, and never
    stands in for a second approval."""
    repo = _two_approvals(make_repo)
    branch_commit(repo, "zhang/qp01")
    _sign_off(repo, "zhang/qp01", WANG, "2026-02-02T09:00:00+08:00", key="Reviewed-by")
    repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True
    assert "1 of 2 required approvals" in finding_line(
        check(repo, LATER).stdout, "unapproved-change", LI
    )


def test_sign_off_is_voided_by_a_later_edit_on_the_branch(make_repo: MakeRepo) -> None:
    repo = _two_approvals(make_repo)
    branch_commit(repo, "zhang/qp01")
    signed = _sign_off(repo, "zhang/qp01", WANG, "2026-02-02T09:00:00+08:00")
    repo.checkout("zhang/qp01")
    repo.append(QP01, "\n签核之后又加的一句。\n")
    repo.commit("QP-01 再改", ZHANG, "2026-02-02T12:00:00+08:00")
    repo.checkout("main")
    merge = repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True
    line = finding_line(check(repo, LATER).stdout, "unapproved-change", LI)
    assert_names_commit(line, merge)
    assert f"sign-off {signed[:8]}" in line and "is void" in line and QP01 in line


def test_sign_off_before_an_edit_of_another_document_still_counts(make_repo: MakeRepo) -> None:
    """Voiding is per document: QP-02 edited after the sign-off voids it for QP-02 only."""
    repo = _two_approvals(make_repo)
    branch_commit(repo, "zhang/qp01")
    _sign_off(repo, "zhang/qp01", WANG, "2026-02-02T09:00:00+08:00")
    repo.checkout("zhang/qp01")
    repo.append(QP02, "\n另一个文件。\n")
    repo.commit("QP-02 改", ZHANG, "2026-02-02T12:00:00+08:00")
    repo.checkout("main")
    merge = repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    data = register(repo, LATER)
    assert document(data, "QP-01")["revision"] == "A/1"
    assert document(data, "QP-02")["revision"] == "A/0"
    line = finding_line(check(repo, LATER).stdout, "unapproved-change", LI)
    assert_names_commit(line, merge)
    assert "QP-02" in line


def test_sign_off_made_by_someone_else_is_no_sign_off(make_repo: MakeRepo) -> None:
    """张质量 commits an empty commit with 王总 as its author and 王总's trailer."""
    repo = _two_approvals(make_repo)
    branch_commit(repo, "zhang/qp01")
    fake = _sign_off(repo, "zhang/qp01", WANG, "2026-02-02T09:00:00+08:00", committer=ZHANG)
    merge = repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    assert document(register(repo, LATER), "QP-01")["revision"] == "A/0"
    line = finding_line(check(repo, LATER).stdout, "unapproved-change", LI)
    assert_names_commit(line, merge)
    assert f"branch commit {fake[:8]} is no sign-off" in line
    assert "committed by 张质量" in line


def test_sign_off_naming_someone_else_counts_for_nothing(make_repo: MakeRepo) -> None:
    """张质量's own empty commit saying 'Approved-by: 王总'."""
    repo = _two_approvals(make_repo)
    branch_commit(repo, "zhang/qp01")
    fake = _sign_off(repo, "zhang/qp01", ZHANG, "2026-02-02T09:00:00+08:00", names=WANG)
    merge = repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    assert document(register(repo, LATER), "QP-01")["revision"] == "A/0"
    line = finding_line(check(repo, LATER).stdout, "unapproved-change", LI)
    assert_names_commit(line, merge)
    assert f"in commit {fake[:8]} was recorded by 张质量" in line


# --- forge-written trailers ----------------------------------------------------------------------


def test_forge_committed_trailer_is_untrusted_by_default(make_repo: MakeRepo) -> None:
    """A GitHub web squash: the merger typed 'Approved-by: 李代表', GitHub committed it."""
    repo = make_repo()
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
    assert qp01["revision"] == "A/0"
    assert qp01["unapproved_change"] is True
    result = check(repo, LATER)
    assert result.code == 1
    line = finding_line(result.stdout, "unapproved-change", ZHANG)
    assert_names_commit(line, sha)
    assert "forge_trailers: trusted" in line and "allow merge commits only" in line


def test_forge_committed_trailer_counts_when_trusted_and_says_so(make_repo: MakeRepo) -> None:
    repo = _configured(make_repo, "forge_trailers: trusted")
    branch_commit(repo, "zhang/qp01", ZHANG)
    sha = repo.squash(
        "zhang/qp01",
        GITHUB,
        "文件控制程序增加记录 (!7)",
        "2026-02-03T10:00:00+08:00",
        trailers=(f"Approved-by: {LI.ident}",),
        author=ZHANG,
    )
    qp01 = document(register(repo, LATER), "QP-01")
    assert qp01["revision"] == "A/1"
    assert qp01["history"][-1]["commit"] == sha
    result = run_cli("--lang", "en", "check", "--repo", str(repo.path), "--as-of", LATER, "--explain-trust")
    assert result.code == 0, result.output
    (line,) = [ln for ln in result.stdout.splitlines() if ln.startswith("QP-01 A/1")]
    assert f"李代表: a forge-written Approved-by trailer (commit {sha[:8]})" in line
    assert "forge_trailers: trusted" in line


def test_forge_trailers_option_must_be_trusted_or_untrusted(make_repo: MakeRepo) -> None:
    repo = _configured(make_repo, "forge_trailers: yes")
    result = check(repo, LATER)
    assert result.code == 1
    assert "config: doc-control option 'forge_trailers' must be 'untrusted'" in result.stdout


# --- rule 2: no message byte can confuse the reader ----------------------------------------------

ODD_MESSAGES = {
    "record-separators": "QP-01 增加记录 \x1e\x1f\x1d 分隔符",
    "fake-header": "QP-01 增加记录\n\ncommit 0123456789abcdef0123456789abcdef01234567\x00",
    "carriage-return": "QP-01 增加记录\r\n\r\n回车\r换行",
    "long-line": "QP-01 增加记录 " + "长" * 40_000,
}


@pytest.mark.parametrize("kind", sorted(ODD_MESSAGES))
def test_odd_bytes_in_a_message_do_not_break_the_reader(make_repo: MakeRepo, kind: str) -> None:
    """The squash's message holds separators, a fake log header, CRs or a very long line:
    it is still one commit, approved by its trailer, followed by the next commit."""
    message = ODD_MESSAGES[kind].replace("\x00", "")  # git refuses NUL in a message
    if kind == "fake-header":
        # A line that looks like the next record of a log: hash, parents, author...
        message += "\x1e" + "\x1f".join(["f" * 40, "", "李代表", LI.email, "2026-01-01T00:00:00+08:00"])
    repo = make_repo()
    branch_commit(repo, "zhang/qp01", ZHANG)
    sha = repo.squash(
        "zhang/qp01", LI, message, "2026-02-03T10:00:00+08:00",
        trailers=(f"Approved-by: {LI.ident}",), author=ZHANG,
    )
    repo.append(QP02, ADDITION)
    direct = repo.commit("直接修改 QP-02", ZHANG, "2026-02-04T10:00:00+08:00")
    data = register(repo, LATER)
    qp01 = document(data, "QP-01")
    assert [h["commit"] for h in qp01["history"]][-1] == sha
    assert qp01["revision"] == "A/1"
    assert qp01["approvers"] == ["李代表"]
    assert qp01["history"][-1]["summary"].startswith("QP-01 增加记录")
    assert document(data, "QP-02")["unapproved_change"] is True
    line = finding_line(check(repo, LATER).stdout, "unapproved-change", ZHANG)
    assert_names_commit(line, direct)


def test_a_record_that_does_not_parse_is_an_error_not_dropped() -> None:
    """The stream parser takes fields by count; a cut-off or foreign record is refused."""
    whole = ["a" * 40, "", "subject", "trailers"]
    assert [h for h, _ in _commits([whole, [""]], 4, diffs=False)] == [whole]
    with pytest.raises(RepositoryError, match="ended inside a record"):
        list(_commits([[*whole, "b" * 40, ""], ["x"]], 4, diffs=False))
    with pytest.raises(RepositoryError, match="does not start with a commit hash"):
        list(_commits([["not a hash", "", "s", "t"], [""]], 4, diffs=False))


# --- rule 3: what a merge commit itself writes ---------------------------------------------------


def test_merge_that_edits_a_document_the_branch_never_touched(make_repo: MakeRepo) -> None:
    repo = make_repo()
    branch_commit(repo, "zhang/qp01")

    def slip_in() -> None:
        repo.append(QP02, "\n合并时顺手加的一句。\n")

    merge = _merge_by_hand(repo, "zhang/qp01", LI, "2026-02-03T10:00:00+08:00", slip_in)
    data = register(repo, LATER)
    qp02 = document(data, "QP-02")
    assert qp02["revision"] == "A/0"
    assert qp02["unapproved_change"] is True
    result = check(repo, LATER)
    assert result.code == 1
    line = finding_line(result.stdout, "merge-authored")
    assert_names_commit(line, merge)
    assert QP02 in line and QP01 not in line
    assert "merge main into it" in line
    unapproved = [
        ln for ln in result.stdout.splitlines() if ": unapproved-change: " in ln and "QP-02" in ln
    ]
    assert len(unapproved) == 1
    assert_names_commit(unapproved[0], merge)
    assert "李代表 is an author of the change" in unapproved[0]
    assert "itself wrote text in procedures/qp-02.md" in unapproved[0]


def test_conflict_resolved_by_the_approver_in_the_merge(make_repo: MakeRepo) -> None:
    repo = make_repo()
    branch_commit(repo, "zhang/qp01", text="\n张质量的版本。\n")
    repo.append(QP01, "\n主线上的版本。\n")
    repo.commit("主线修改", ZHAO, "2026-02-02T09:00:00+08:00")  # unapproved itself, as it happens

    def resolve() -> None:
        text = repo.read(QP01)
        assert "<<<<<<<" in text, "the test needs a real conflict"
        head = text.split("<<<<<<<")[0]
        repo.write(QP01, head + "\n李代表在合并时写的版本。\n")

    merge = _merge_by_hand(repo, "zhang/qp01", LI, "2026-02-03T10:00:00+08:00", resolve)
    result = check(repo, LATER)
    line = finding_line(result.stdout, "merge-authored")
    assert_names_commit(line, merge)
    assert QP01 in line
    (unapproved,) = [
        ln
        for ln in result.stdout.splitlines()
        if ": unapproved-change: " in ln and f"commit {merge[:8]} by 李代表" in ln
    ]
    assert "conflict resolution made in the merge" in unapproved
    assert document(register(repo, LATER), "QP-01")["revision"] == "A/0"


def test_clean_automatic_merge_is_not_merge_authored(make_repo: MakeRepo) -> None:
    """Main and the branch change different parts of QP-01; git merges them unaided."""
    repo = make_repo()
    repo.branch("zhang/qp01")
    repo.edit(QP01, "规定文件的编制、审批、发布和修改。", "规定文件的编制、审核、批准、发布和修改。")
    repo.commit("QP-01 目的", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    branch_commit(repo, "zhang/qp01-b", ZHANG, "2026-02-01T10:00:00+08:00")
    repo.merge("zhang/qp01-b", LI, "2026-02-02T10:00:00+08:00")
    merge = repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    text = repo.read(QP01)
    assert "审核、批准" in text and "发放和回收" in text, "both changes are in the result"
    data = register(repo, LATER)
    assert "merge-authored" not in codes(data)
    qp01 = document(data, "QP-01")
    assert qp01["revision"] == "A/2"
    assert qp01["history"][-1]["commit"] == merge
    assert check(repo, LATER).code == 0


# --- rule 7: replacement objects and grafts ------------------------------------------------------


def test_replace_ref_cannot_approve_a_direct_commit(make_repo: MakeRepo) -> None:
    """张质量 pushes a direct change, then a replacement that shows it as 李代表's squash."""
    repo = make_repo()
    repo.append(QP01, ADDITION)
    direct = repo.commit("QP-01 增加记录", ZHANG, "2026-02-03T10:00:00+08:00")
    tree = repo.git("rev-parse", f"{direct}^{{tree}}")
    parent = repo.git("rev-parse", f"{direct}^")
    env = {
        "GIT_AUTHOR_NAME": ZHANG.name, "GIT_AUTHOR_EMAIL": ZHANG.email,
        "GIT_AUTHOR_DATE": "2026-02-03T10:00:00+08:00",
        "GIT_COMMITTER_NAME": LI.name, "GIT_COMMITTER_EMAIL": LI.email,
        "GIT_COMMITTER_DATE": "2026-02-03T10:00:00+08:00",
    }
    forged = repo.git(
        "commit-tree", tree, "-p", parent, "-m", f"QP-01 增加记录\n\nApproved-by: {LI.ident}", env=env
    )
    repo.git("replace", direct, forged)
    assert "Approved-by" in repo.git("log", "-1", "--format=%B", direct), "git honours it by default"

    data = register(repo, LATER)
    assert document(data, "QP-01")["revision"] == "A/0"
    result = check(repo, LATER)
    assert result.code == 1
    assert_names_commit(finding_line(result.stdout, "unapproved-change", ZHANG), direct)
    line = finding_line(result.stdout, "replace-refs")
    assert f"refs/replace/{direct}" in line


def test_grafts_file_is_reported(make_repo: MakeRepo) -> None:
    repo = make_repo()
    branch_commit(repo, "zhang/qp01")
    merge = repo.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    first = repo.git("rev-parse", f"{merge}^1")
    # Graft the merge onto its first parent alone: the branch's author would vanish.
    (repo.path / ".git" / "info").mkdir(exist_ok=True)
    (repo.path / ".git" / "info" / "grafts").write_text(f"{merge} {first}\n")
    result = check(repo, LATER)
    assert result.code == 1
    line = finding_line(result.stdout, "grafts")
    assert line.startswith(".git:1: error: grafts:")
    assert "delete .git/info/grafts" in line
