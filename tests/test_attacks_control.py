"""Attacks on the rules that keep control trustworthy (issue 12, rules 5, 6, 8, 9 and 14).

Each test builds, as a real git history, what someone with push or merge rights
would do to make git say that something was approved when it was not, and
asserts the exact finding and the commit it names. The repository is the
minimal fixture adopted on 2026-01-02 by 王总 (the top role, 总经理); 李代表
(管理者代表) approves QP-01, QP-02 and QR-01-01; 张质量 owns them.

"Now" is pinned: the evaluation is given the moment it runs, never the clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from conftest import LI, WANG, ZHANG, ZHAO, run_cli, run_mkdocs
from doccontrol.edition.plan import refusals
from doccontrol.model.findings import Finding, Severity
from doccontrol.project.load import Project, load_project
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from gitrepo import GitRepo, Who
from history_cases import QP01, QP02, ROLES, assert_names_commit, check, finding_line

MakeRepo = Callable[..., GitRepo]
NOW = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
AS_OF = date(2026, 6, 30)
CLAUSES = "manual/clauses.yml"
ACK = "manual/acknowledged.yml"
FORM = "records/forms/qr-01-01.md"
RECORD = "records/QR-01-01/2026-03-10-发放登记.md"


def load(repo: GitRepo, as_of: date = AS_OF, now: datetime = NOW) -> Project:
    return load_project(repo.path, read_mkdocs_yml(repo.path).config, as_of, now)


def the(findings: tuple[Finding, ...], code: str, severity: Severity = Severity.ERROR) -> Finding:
    found = [f for f in findings if f.code == code and f.severity is severity]
    assert len(found) == 1, f"expected one {severity.value} {code}, got: {findings}"
    return found[0]


def absent(findings: tuple[Finding, ...], code: str) -> None:
    assert not [f for f in findings if f.code == code], findings


def names(finding: Finding, sha: str) -> None:
    assert_names_commit(finding.message, sha)


def direct(repo: GitRepo, path: str, text: str, who: Who, when: str) -> str:
    """A commit straight onto main, with no merge and no approval."""
    repo.write(path, text)
    return repo.commit(f"直接修改 {path}", who, when)


def pull_request(
    repo: GitRepo,
    branch: str,
    path: str,
    text: str,
    merger: Who,
    when: str,
    author: Who = ZHANG,
    committed: str | None = None,
) -> str:
    """A branch by ``author`` writing ``text`` to ``path``, merged into main by ``merger``."""
    repo.branch(branch)
    repo.write(path, text)
    repo.commit(f"修改 {path}", author, when.replace("T1", "T0"))
    repo.checkout("main")
    return repo.merge(branch, merger, when, committed=committed)


def with_option(repo: GitRepo, option: str) -> str:
    text = repo.read("mkdocs.yml")
    if "  - doc-control\n" in text:
        return text.replace("  - doc-control\n", f"  - doc-control:\n      {option}\n")
    return text.replace("  - doc-control:\n", f"  - doc-control:\n      {option}\n")


def adopted_with(make_repo: MakeRepo, option: str) -> GitRepo:
    """The fixture with an option in mkdocs.yml from the start (the root of trust)."""
    repo = make_repo(commit=False)
    repo.write("mkdocs.yml", with_option(repo, option))
    repo.edit(ROLES, "管理者代表: [李代表]", "管理者代表: [李代表, 王总]")
    repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.tag("doccontrol/baseline", WANG, "2026-01-02T10:00:00+08:00", "纸质文件转入")
    return repo


# --- rule 5: the rules are controlled --------------------------------------------------------


def test_direct_commit_lowering_min_approvals_changes_nothing(make_repo: MakeRepo) -> None:
    repo = adopted_with(make_repo, "min_approvals: 2")
    lowered = direct(
        repo, "mkdocs.yml", repo.read("mkdocs.yml").replace("min_approvals: 2", "min_approvals: 1"),
        ZHANG, "2026-02-01T09:00:00+08:00",
    )
    merge = pull_request(
        repo, "zhang/qp01", QP01, repo.read(QP01) + "\n新要求。\n", LI, "2026-02-03T10:00:00+08:00"
    )

    project = load(repo)
    names(the(project.findings, "config-unapproved"), lowered)
    unapproved = the(project.findings, "unapproved-change")
    names(unapproved, merge)
    assert "1 of 2" in unapproved.message
    assert project.config.min_approvals == 2, "the options as last approved govern"
    assert project.control is not None
    qp01 = project.control.get("QP-01")
    assert qp01 is not None and qp01.current is not None and qp01.current.label == "A/0"
    the(project.findings, "config-pending", Severity.WARNING)


def test_min_approvals_raised_by_the_top_role_applies_after_its_merge(make_repo: MakeRepo) -> None:
    repo = make_repo()
    raised = pull_request(
        repo, "wang/two", "mkdocs.yml", with_option(repo, "min_approvals: 2"), WANG,
        "2026-02-01T10:00:00+08:00",
    )
    merge = pull_request(
        repo, "zhang/qp01", QP01, repo.read(QP01) + "\n新要求。\n", LI, "2026-02-03T10:00:00+08:00"
    )
    project = load(repo)
    absent(project.findings, "config-unapproved")
    absent(project.findings, "config-pending")
    assert project.config.min_approvals == 2
    names(the(project.findings, "unapproved-change"), merge)
    assert raised != merge


def test_redirecting_branch_cannot_hide_main(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.branch("clean")  # a branch without what follows on main
    repo.checkout("main")
    hidden = direct(repo, QP01, repo.read(QP01) + "\n未经批准。\n", ZHANG, "2026-02-01T09:00:00+08:00")
    redirect = direct(
        repo, "mkdocs.yml", with_option(repo, "branch: clean"), ZHANG, "2026-02-02T09:00:00+08:00"
    )

    project = load(repo)
    assert project.config.branch == "main"
    assert project.history is not None and project.history.branch == "main"
    names(the(project.findings, "config-unapproved"), redirect)
    names(the(project.findings, "unapproved-change"), hidden)


def test_pointing_roles_to_another_file_grants_nothing(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.write(
        "manual/roles-new.yml", repo.read(ROLES).replace("管理者代表: [李代表]", "管理者代表: [张质量]")
    )
    pointed = direct(
        repo, "mkdocs.yml", with_option(repo, "roles: manual/roles-new.yml"), ZHANG,
        "2026-02-01T09:00:00+08:00",
    )
    merge = pull_request(
        repo, "zhao/qp01", QP01, repo.read(QP01) + "\n新要求。\n", ZHANG,
        "2026-02-03T10:00:00+08:00", author=ZHAO,
    )

    project = load(repo)
    assert project.config.roles == ROLES
    names(the(project.findings, "config-unapproved"), pointed)
    unapproved = the(project.findings, "unapproved-change")
    names(unapproved, merge)
    assert "张质量 does not hold an approver role" in unapproved.message


def test_unapproved_clauses_change_keeps_the_approved_clauses(make_repo: MakeRepo) -> None:
    repo = make_repo()
    before = repo.read(CLAUSES)
    changed = direct(
        repo, CLAUSES, before.replace("持续的顾客满意与补救", "已删除"), ZHANG,
        "2026-02-01T09:00:00+08:00",
    )
    project = load(repo)
    names(the(project.findings, "clauses-unapproved"), changed)
    assert project.approved.standard is not None
    assert "持续的顾客满意与补救" in [c.title for c in project.approved.standard.clauses]

    # The top role approves the file as it now stands: the change is in force, the error gone.
    pull_request(
        repo, "zhang/clauses", CLAUSES, repo.read(CLAUSES) + "\n", WANG, "2026-02-05T10:00:00+08:00"
    )
    project = load(repo)
    absent(project.findings, "clauses-unapproved")
    assert project.approved.standard is not None
    assert "已删除" in [c.title for c in project.approved.standard.clauses]


def test_unapproved_external_documents_change_is_an_error(make_repo: MakeRepo) -> None:
    repo = make_repo()
    path = "records/external.yml"
    changed = direct(
        repo, path, repo.read(path).replace('version: "2004"', 'version: "2099"'), LI,
        "2026-02-01T09:00:00+08:00",
    )
    names(the(load(repo).findings, "external-unapproved"), changed)


# An extension that changes what the approved text renders to: Markdown inside HTML.
MD_IN_HTML = "markdown_extensions:\n  - md_in_html\n"
HTML_BODY = '\n<div class="note" markdown>\n**加粗的要求**\n</div>\n'


def test_unapproved_markdown_extensions_never_shape_the_release_site(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    repo = make_repo()
    config = repo.read("mkdocs.yml")
    line = config.count("\n") + 1  # where the extension list starts
    repo.write(QP01, repo.read(QP01) + HTML_BODY)
    repo.commit("直接修改 QP-01", ZHANG, "2026-01-20T09:00:00+08:00")
    # 李代表 approves documents but is not the top role: the change is unapproved.
    merge = pull_request(
        repo, "zhang/ext", "mkdocs.yml", config + MD_IN_HTML, LI, "2026-02-01T10:00:00+08:00"
    )
    project = load(repo)
    names(the(project.findings, "config-unapproved"), merge)
    assert the(project.findings, "config-pending", Severity.WARNING).line == line

    site = tmp_path / "site"
    built = run_mkdocs(repo.path, "-d", str(site))
    assert built.code != 0
    assert f"mkdocs.yml:{line}: error: config-unapproved-site: " in built.stderr, built.stderr
    # mkdocs build speaks the site's language (zh): the fix is there, in Chinese.
    assert "请由最高角色的担任人批准（合并）该修改" in built.stderr, built.stderr
    assert not site.exists() or not any(site.rglob("*.html")), "nothing is published"
    cli = run_cli("build", "--repo", str(repo.path), "-d", str(site), "--as-of", "2026-06-30")
    assert cli.code != 0 and "config-unapproved-site" in cli.output, cli.output
    assert not site.exists() or not any(site.rglob("*.html"))
    # A preview shows the working tree, marked DRAFT: it may render with it.
    preview = run_cli(
        "build", "--repo", str(repo.path), "-d", str(site), "--as-of", "2026-06-30", "--preview"
    )
    assert preview.code == 0, preview.output


def test_markdown_extensions_approved_by_the_top_role_shape_the_release_site(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    repo = make_repo()
    config = repo.read("mkdocs.yml")
    pull_request(
        repo, "zhang/ext", "mkdocs.yml", config + MD_IN_HTML, WANG, "2026-02-01T10:00:00+08:00"
    )
    pull_request(
        repo, "zhang/qp01", QP01, repo.read(QP01) + HTML_BODY, LI, "2026-02-03T10:00:00+08:00"
    )
    project = load(repo)
    absent(project.findings, "config-unapproved")
    absent(project.findings, "config-pending")
    site = tmp_path / "site"
    built = run_mkdocs(repo.path, "-d", str(site))
    assert built.code == 0, built.stderr
    pages = [p.read_text("utf-8") for p in site.rglob("*.html")]
    assert any("<strong>加粗的要求</strong>" in page for page in pages)


# --- rule 6: dates --------------------------------------------------------------------------


def test_date_running_backwards_beyond_clock_skew_is_an_error(make_repo: MakeRepo) -> None:
    repo = make_repo()
    pull_request(repo, "zhang/qp01", QP01, repo.read(QP01) + "\n一。\n", LI, "2026-02-05T10:00:00+08:00")
    back = pull_request(
        repo, "zhang/qp02", QP02, repo.read(QP02) + "\n二。\n", LI, "2026-02-05T10:00:00+08:00",
        committed="2026-02-03T10:00:00+08:00",
    )
    names(the(load(repo).findings, "date-backwards"), back)


def test_date_running_backwards_within_clock_skew_is_accepted(make_repo: MakeRepo) -> None:
    repo = make_repo()
    pull_request(repo, "zhang/qp01", QP01, repo.read(QP01) + "\n一。\n", LI, "2026-02-05T10:00:00+08:00")
    pull_request(
        repo, "zhang/qp02", QP02, repo.read(QP02) + "\n二。\n", LI, "2026-02-05T10:00:00+08:00",
        committed="2026-02-05T09:20:00+08:00",  # a slow clock: 40 minutes behind
    )
    project = load(repo)
    absent(project.findings, "date-backwards")
    assert project.control is not None
    qp02 = project.control.get("QP-02")
    assert qp02 is not None and qp02.current is not None and qp02.current.label == "A/1"


def test_clock_skew_option_narrows_the_tolerance(make_repo: MakeRepo) -> None:
    repo = adopted_with(make_repo, "clock_skew: 10m")
    pull_request(repo, "zhang/qp01", QP01, repo.read(QP01) + "\n一。\n", LI, "2026-02-05T10:00:00+08:00")
    back = pull_request(
        repo, "zhang/qp02", QP02, repo.read(QP02) + "\n二。\n", LI, "2026-02-05T10:00:00+08:00",
        committed="2026-02-05T09:20:00+08:00",
    )
    finding = the(load(repo).findings, "date-backwards")
    names(finding, back)
    assert "10 minute(s)" in finding.message


def test_date_in_the_future_is_an_error(make_repo: MakeRepo) -> None:
    repo = make_repo()
    ahead = direct(repo, "docs/index.md", "# 首页\n", ZHANG, "2026-07-05T09:00:00+08:00")
    project = load(repo)  # now is 2026-07-01; the evaluation is as of 2026-06-30
    names(the(project.findings, "date-future"), ahead)


def test_commit_dated_2099_is_checked_and_reported(make_repo: MakeRepo) -> None:
    repo = make_repo()
    sha = direct(repo, QP01, repo.read(QP01) + "\n远期。\n", ZHANG, "2099-01-01T09:00:00+08:00")
    result = check(repo, "2026-06-01")  # the real clock, as a user runs it
    assert result.code == 1, result.output
    assert_names_commit(finding_line(result.stdout, "date-future"), sha)


def test_backdated_merge_before_the_role_was_granted_is_refused(make_repo: MakeRepo) -> None:
    repo = make_repo()
    pull_request(
        repo, "zhang/roles", ROLES,
        repo.read(ROLES).replace("管理者代表: [李代表]", "管理者代表: [李代表, 赵客服]"),
        WANG, "2026-03-01T10:00:00+08:00",
    )
    merge = pull_request(
        repo, "zhang/qp01", QP01, repo.read(QP01) + "\n新要求。\n", ZHAO,
        "2026-03-03T10:00:00+08:00", committed="2026-02-20T10:00:00+08:00",
    )
    project = load(repo)
    unapproved = the(project.findings, "unapproved-change")
    names(unapproved, merge)
    assert "before 赵客服 was granted" in unapproved.message
    names(the(project.findings, "date-backwards"), merge)
    assert project.control is not None
    qp01 = project.control.get("QP-01")
    assert qp01 is not None and qp01.current is not None and qp01.current.label == "A/0"


def test_standing_approval_backdated_before_the_role_was_granted_is_not_counted(
    make_repo: MakeRepo,
) -> None:
    """``Approved: ID`` approves the text as it stands: its merger must have held the
    authority on the merge's own date, as for any other approval (rule 6)."""
    repo = make_repo()
    pull_request(
        repo, "zhang/roles", ROLES,
        repo.read(ROLES).replace("管理者代表: [李代表]", "管理者代表: [李代表, 赵客服]"),
        WANG, "2026-03-01T10:00:00+08:00",
    )
    unapproved = direct(repo, QP01, repo.read(QP01) + "\n直接写入的要求。\n", ZHANG, "2026-03-02T09:00:00+08:00")
    repo.branch("zhang/approve-qp01")
    repo.commit("批准 QP-01 现行文本", ZHANG, "2026-03-03T09:00:00+08:00",
                trailers=("Approved: QP-01",), allow_empty=True)
    repo.checkout("main")
    merge = repo.merge("zhang/approve-qp01", ZHAO, "2026-03-03T10:00:00+08:00",
                       committed="2026-02-20T10:00:00+08:00")
    project = load(repo)
    not_counted = the(project.findings, "approval-not-counted", Severity.WARNING)
    names(not_counted, merge)
    assert "before 赵客服 was granted" in not_counted.message
    names(the(project.findings, "unapproved-change"), unapproved)
    names(the(project.findings, "date-backwards"), merge)
    assert project.control is not None
    qp01 = project.control.get("QP-01")
    assert qp01 is not None and qp01.current is not None and qp01.current.label == "A/0"
    assert qp01.unapproved_change


# --- rule 8: acknowledgements -----------------------------------------------------------------


def _ack(commit: str, code: str) -> str:
    return (
        "acknowledged:\n"
        f"  - commit: {commit[:10]}\n"
        f"    code: {code}\n"
        "    reason: 笔记本电脑时钟慢了两天，已校准\n"
    )


def _backwards(repo: GitRepo) -> str:
    pull_request(repo, "zhang/qp01", QP01, repo.read(QP01) + "\n一。\n", LI, "2026-02-05T10:00:00+08:00")
    return pull_request(
        repo, "zhang/qp02", QP02, repo.read(QP02) + "\n二。\n", LI, "2026-02-05T10:00:00+08:00",
        committed="2026-02-03T10:00:00+08:00",
    )


def test_acknowledged_finding_is_a_warning_naming_who_and_when(make_repo: MakeRepo) -> None:
    repo = make_repo()
    back = _backwards(repo)
    pull_request(
        repo, "zhang/ack", ACK, _ack(back, "date-backwards"), WANG, "2026-02-10T10:00:00+08:00"
    )
    project = load(repo)
    finding = the(project.findings, "date-backwards", Severity.WARNING)
    names(finding, back)
    assert "acknowledged by 王总 on 2026-02-10" in finding.message
    assert not [f for f in refusals(project) if f.code == "date-backwards"]


def test_unapproved_acknowledgement_is_ignored(make_repo: MakeRepo) -> None:
    repo = make_repo()
    back = _backwards(repo)
    sneaked = direct(repo, ACK, _ack(back, "date-backwards"), ZHANG, "2026-02-10T10:00:00+08:00")
    project = load(repo)
    names(the(project.findings, "date-backwards"), back)
    names(the(project.findings, "acknowledged-unapproved"), sneaked)
    assert [f for f in refusals(project) if f.code == "date-backwards"]


def test_acknowledging_never_makes_unapproved_text_approved(make_repo: MakeRepo) -> None:
    repo = make_repo()
    unapproved = direct(repo, QP01, repo.read(QP01) + "\n未经批准。\n", ZHANG, "2026-02-01T09:00:00+08:00")
    pull_request(
        repo, "zhang/ack", ACK, _ack(unapproved, "unapproved-change"), WANG,
        "2026-02-10T10:00:00+08:00",
    )
    project = load(repo)
    finding = the(project.findings, "unapproved-change", Severity.WARNING)
    names(finding, unapproved)
    assert project.control is not None
    qp01 = project.control.get("QP-01")
    assert qp01 is not None and qp01.unapproved_change
    assert qp01.current is not None and qp01.current.label == "A/0"
    assert "未经批准" not in (project.approved.get("QP-01") or project.worktree.get("QP-01")).body  # type: ignore[union-attr]


def test_malformed_acknowledgement_gets_path_and_line(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.write(ACK, "acknowledged:\n  - commit: zz\n    code: date-backwards\n    reason: x\n")
    finding = the(load(repo).findings, "acknowledged-invalid")
    assert (finding.path, finding.line) == (ACK, 2)
    assert "7 hex digits" in finding.message


# --- rule 9: the baseline cannot be moved -----------------------------------------------------


def test_baseline_moved_past_an_approval(make_repo: MakeRepo) -> None:
    repo = make_repo(commit=False)
    repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    approved = pull_request(
        repo, "zhang/qp01", QP01, repo.read(QP01) + "\n一。\n", LI, "2026-01-10T10:00:00+08:00"
    )
    direct(repo, QP02, repo.read(QP02) + "\n未经批准。\n", ZHANG, "2026-01-12T09:00:00+08:00")
    repo.tag("doccontrol/baseline", WANG, "2026-01-12T10:00:00+08:00", "纸质文件转入")
    names(the(load(repo).findings, "baseline-moved"), approved)


def test_edition_tag_before_the_baseline_is_baseline_moved(make_repo: MakeRepo) -> None:
    repo = make_repo(commit=False)
    first = repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.tag("edition/2026-01-02", WANG, "2026-01-02T12:00:00+08:00", "受控文件版次")
    direct(repo, QP02, repo.read(QP02) + "\n未经批准。\n", ZHANG, "2026-01-12T09:00:00+08:00")
    repo.tag("doccontrol/baseline", WANG, "2026-01-12T10:00:00+08:00", "纸质文件转入")
    finding = the(load(repo).findings, "baseline-moved")
    names(finding, first)
    assert "edition/2026-01-02" in finding.message


def test_baseline_differing_from_an_editions_record_is_baseline_moved(make_repo: MakeRepo) -> None:
    repo = make_repo()
    adopted = repo.head()
    later = direct(repo, QP02, repo.read(QP02) + "\n未经批准。\n", ZHANG, "2026-01-12T09:00:00+08:00")
    repo.tag(
        "edition/2026-01-20", WANG, "2026-01-20T12:00:00+08:00",
        f"受控文件版次 2026-01-20\n\nbaseline {adopted}\n",
    )
    repo.git("tag", "-d", "doccontrol/baseline")
    repo.tag("doccontrol/baseline", WANG, "2026-01-21T10:00:00+08:00", "纸质文件转入", ref=later)
    finding = the(load(repo).findings, "baseline-moved")
    names(finding, adopted)
    assert later[:8] in finding.message


def test_edition_tag_off_the_first_parent_line_is_a_rewrite(make_repo: MakeRepo) -> None:
    repo = make_repo()
    issued = direct(repo, "docs/index.md", "# 首页\n", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.tag("edition/2026-02-01", WANG, "2026-02-01T12:00:00+08:00", "受控文件版次")
    repo.git("reset", "-q", "--hard", "HEAD~1")  # main rewritten under the edition
    direct(repo, "docs/index.md", "# 另一个首页\n", ZHANG, "2026-02-02T09:00:00+08:00")
    finding = the(load(repo).findings, "edition-off-line")
    names(finding, issued)


# --- rule 14: records ---------------------------------------------------------------------------


def _record(when: str) -> str:
    return f"---\ndate: {when}\nby: 张质量\ntitle: 文件发放登记\n---\n\n| 文件 | 领用人 |\n|---|---|\n"


def test_backdated_record_warns_and_counts_from_reaching_main(make_repo: MakeRepo) -> None:
    repo = make_repo()
    filed = direct(repo, RECORD, _record("2026-01-05"), ZHANG, "2026-03-10T09:00:00+08:00")
    repo.remove(RECORD)
    deleted = repo.commit("删除", ZHAO, "2026-04-01T09:00:00+08:00")
    project = load(repo)
    names(the(project.findings, "record-backdated", Severity.WARNING), filed)
    finding = the(project.findings, "record-deleted")
    names(finding, deleted)
    assert "kept until 2029-03-10" in finding.message


def test_shortening_retention_never_frees_records_filed_before(make_repo: MakeRepo) -> None:
    repo = make_repo()
    direct(repo, RECORD, _record("2026-01-10"), ZHANG, "2026-01-10T09:00:00+08:00")
    pull_request(
        repo, "zhang/form", FORM, repo.read(FORM).replace("retention: 3y", "retention: 1m"), LI,
        "2026-02-01T10:00:00+08:00",
    )
    repo.branch("zhang/dispose")
    repo.remove(RECORD)
    repo.commit("销毁到期记录", ZHANG, "2026-04-01T09:00:00+08:00")
    repo.checkout("main")
    disposal = repo.merge(
        "zhang/dispose", LI, "2026-04-01T15:00:00+08:00", f"销毁记录\n\nDisposed: {RECORD}"
    )
    finding = the(load(repo).findings, "record-disposed-early")
    names(finding, disposal)
    assert "kept until 2029-01-10" in finding.message


# --- rule 8: record findings are acknowledged like the replay's ------------------------------


def _rewritten_record(repo: GitRepo) -> str:
    """A filed record rewritten in the same commit that slips a change into QP-01."""
    direct(repo, RECORD, _record("2026-01-10"), ZHANG, "2026-01-10T09:00:00+08:00")
    repo.write(RECORD, repo.read(RECORD) + "\n补记。\n")
    repo.write(QP01, repo.read(QP01) + "\n未经批准的要求。\n")
    return repo.commit("改记录和程序", ZHAO, "2026-02-01T09:00:00+08:00")


def test_acknowledged_record_finding_is_a_warning_and_approves_nothing(
    make_repo: MakeRepo,
) -> None:
    repo = make_repo()
    both = _rewritten_record(repo)
    pull_request(
        repo, "zhang/ack", ACK, _ack(both, "record-modified"), WANG, "2026-02-10T10:00:00+08:00"
    )
    project = load(repo)
    finding = the(project.findings, "record-modified", Severity.WARNING)
    names(finding, both)
    assert "acknowledged by 王总 on 2026-02-10" in finding.message
    # The acknowledgement names one code on that commit: its unapproved text stays unapproved.
    names(the(project.findings, "unapproved-change"), both)
    assert project.control is not None
    qp01 = project.control.get("QP-01")
    assert qp01 is not None and qp01.unapproved_change
    assert qp01.current is not None and qp01.current.label == "A/0"
    approved = project.approved.get("QP-01")
    assert approved is not None and "未经批准的要求" not in approved.body


def test_unapproved_acknowledgement_of_a_record_finding_is_ignored(make_repo: MakeRepo) -> None:
    repo = make_repo()
    both = _rewritten_record(repo)
    sneaked = direct(repo, ACK, _ack(both, "record-modified"), ZHAO, "2026-02-10T10:00:00+08:00")
    project = load(repo)
    names(the(project.findings, "record-modified"), both)
    names(the(project.findings, "acknowledged-unapproved"), sneaked)
