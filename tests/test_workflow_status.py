"""``doccontrol status`` on a branch: what it changes, the revision each gets, who may approve.

The predictions are checked against what actually happens: the branch is merged
by an approver and ``register`` must show exactly the predicted revisions.
"""

from __future__ import annotations

from collections.abc import Callable

from conftest import LI, WANG, ZHANG, run_cli
from gitrepo import GitRepo
from history_cases import document, register
from workflow_cases import cli, may_approve, predicted, status

MakeRepo = Callable[..., GitRepo]
LATER = "2026-06-01"


def _approved_change(repo: GitRepo) -> None:
    """QP-01 gets A/1 on main first, so that the branch's prediction is not the first step."""
    repo.branch("zhang/first")
    repo.append("procedures/qp-01.md", "\n## 3 记录\n\n文件的发放和回收均应登记。\n")
    repo.commit("QP-01 增加记录要求", ZHANG, "2026-01-20T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/first", LI, "2026-01-21T10:00:00+08:00")


def test_status_predicts_the_revisions_register_shows_after_the_merge(make_repo: MakeRepo) -> None:
    repo = make_repo()
    _approved_change(repo)
    repo.branch("zhang/changes")
    repo.edit("procedures/qp-01.md", "文件经批准后发布。", "文件经管理者代表批准后发布。")
    repo.edit("records/forms/qr-01-01.md", "retention: 3y", "edition: B\nretention: 3y")  # a re-issue
    repo.edit("procedures/qp-02.md", 'clauses: ["4.6.4"]', 'clauses: ["4.6.4"]\nstatus: withdrawn')
    new = cli(repo, "new", "procedure", "--title", "服务投诉处理程序", "--owner", "质量部", "--approvers", "管理者代表")
    assert new.code == 0, new.output
    repo.commit("文件修订：QP-01、QR-01-01 换版、QP-02 作废、新增 QP-03", ZHANG, "2026-02-01T09:00:00+08:00")
    # A change on main after the branch forked is the base's, not the branch's.
    repo.checkout("main")
    repo.branch("wang/sm01")
    repo.append("manual/sm-01.md", "\n本手册每年评审一次。\n")
    repo.commit("SM-01 增加评审要求", ZHANG, "2026-02-02T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("wang/sm01", WANG, "2026-02-03T10:00:00+08:00")
    repo.checkout("zhang/changes")

    result = status(repo, "--as-of", LATER)
    prediction = predicted(result.stdout)
    assert prediction == {
        "QP-01": ("changed", "A/1", "A/2"),
        "QP-02": ("withdrawn", "A/0", "withdrawn"),
        "QP-03": ("added", "—", "A/0"),
        "QR-01-01": ("changed", "A/0", "B/0"),
    }, result.stdout
    assert "Nothing blocks the merge" in result.stdout
    assert "Authors (cannot approve): 张质量" in result.stdout

    repo.checkout("main")
    repo.merge("zhang/changes", LI, "2026-02-05T10:00:00+08:00", "Merge pull request #7 from zhang/changes")
    data = register(repo, LATER)
    for doc_id, (change, _, after) in prediction.items():
        doc = document(data, doc_id)
        if change == "withdrawn":
            assert doc["status"] == "withdrawn", doc
        else:
            assert doc["history"][-1]["revision"] == after, (doc_id, doc["history"])
            assert doc["status"] == "current"
    assert document(data, "SM-01")["revision"] == "A/1"
    assert [f for f in data["findings"] if f["severity"] == "error"] == []


def test_status_names_approvers_from_roles_as_they_stand_on_the_base(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.branch("zhang/qp01")
    repo.append("procedures/qp-01.md", "\n补充说明。\n")
    # The branch tries to make its author the approver, and to name a new approver role.
    repo.edit("manual/roles.yml", "管理者代表: [李代表]", "管理者代表: [张质量]")
    repo.edit("procedures/qp-01.md", "approvers: [管理者代表]", "approvers: [质量部]")
    repo.write("records/.gitkeep", "")
    repo.commit("QP-01 补充；调整角色", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.write("records/qp-01.md~", "an editor's backup, not a change")

    text = status(repo, "--as-of", LATER).stdout
    assert "uncommitted" not in text.splitlines()[0]
    assert predicted(text)["QP-01"] == ("changed", "A/0", "A/1")
    assert may_approve(text, "QP-01") == "may approve — 管理者代表: 李代表", text
    assert "张质量" not in may_approve(text, "QP-01")
    assert may_approve(text, "manual/roles.yml") == "may approve — 总经理: 王总", text
    # Nobody may approve both, so one merge leaves one of them unapproved (as below).
    assert "Nothing blocks the merge" not in text
    assert "leave some unapproved: QP-01 by 李代表; manual/roles.yml by 王总" in text

    # The pull-request comment of a Chinese site: its table's labels in both languages.
    markdown = status(repo, "--as-of", LATER, "--format", "markdown", language="zh").stdout
    assert markdown.startswith("### doccontrol status: `zhang/qp01 → main")
    row = next(line for line in markdown.splitlines() if line.startswith("| QP-01 "))
    assert "| 修改 changed | A/0 → A/1 | 管理者代表：李代表 | — |" in row
    assert "| `manual/roles.yml` (roles) | 修改 changed | — | 总经理：王总 |" in markdown

    # The prediction holds: 李代表 approves it, and the roles change needs 王总 too.
    repo.checkout("main")
    repo.merge("zhang/qp01", LI, "2026-02-02T10:00:00+08:00")
    data = register(repo, LATER)
    assert document(data, "QP-01")["approvers"] == ["李代表"]
    assert any(f["code"] == "roles-unapproved" for f in data["findings"])


def test_an_author_cannot_approve_and_status_says_who_remains(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.git("config", "user.name", "李代表")
    repo.git("config", "user.email", "li@example.com")
    repo.branch("li/qp02")
    repo.append("procedures/qp-02.md", "\n由管理者代表补充。\n")
    repo.commit("QP-02 补充", LI, "2026-02-01T09:00:00+08:00", trailers=("Co-authored-by: 张质量 <zhang@example.com>",))
    repo.append("procedures/qp-01.md", "\n未提交的修改。\n")  # uncommitted: the local user writes it

    text = status(repo, "--as-of", LATER).stdout
    assert "Authors (cannot approve): 李代表、张质量" in text
    assert "uncommitted changes" in text
    assert may_approve(text, "QP-02") == "may approve — 管理者代表: nobody left"
    assert "cannot approve — 李代表 (author)" in text
    assert "Blocking the merge:" in text
    blocking = next(line for line in text.splitlines() if line.startswith("  - QP-02 "))
    assert "needs 1 approval(s) by 管理者代表, and no holder can give one" in blocking
    assert "李代表 wrote part of this branch" in blocking

    # And so it is: 李代表's own merge does not approve it.
    repo.commit("QP-01 修改", LI, "2026-02-01T10:00:00+08:00")
    repo.checkout("main")
    repo.merge("li/qp02", LI, "2026-02-02T10:00:00+08:00")
    data = register(repo, LATER)
    assert document(data, "QP-02")["unapproved_change"] is True


def test_status_lists_check_errors_as_blocking(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.branch("zhang/broken")
    repo.append("procedures/qp-01.md", "\n见 [[QP-99]]。\n")
    repo.commit("QP-01 引用", ZHANG, "2026-02-01T09:00:00+08:00")
    text = status(repo, "--as-of", LATER).stdout
    assert "doccontrol check reports 1 error(s)" in text
    assert "procedures/qp-01.md:" in text and "dangling-link" in text


def test_status_on_a_missing_base_is_a_usage_error(make_repo: MakeRepo) -> None:
    repo = make_repo()
    result = run_cli("status", "--repo", str(repo.path), "--base", "release")
    assert result.code == 2
    assert "这里没有基准分支 release" in result.stderr, "a Chinese site is told in Chinese"
    result = run_cli("--lang", "en", "status", "--repo", str(repo.path), "--base", "release")
    assert result.code == 2
    assert "base branch release is not here" in result.stderr
