"""``doccontrol check`` output formats and usage errors (ARCHITECTURE.md §9).

Findings are the same values in every format: text lines for people, JSON for
tools, GitHub workflow commands for annotations on a pull request. Usage errors
exit 2 with a message, never a traceback.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import LI, WANG, ZHANG, Result, run_cli
from gitrepo import GitRepo

MakeRepo = Callable[..., GitRepo]

QP02 = "procedures/qp-02.md"
QP02_TEXT = """\
---
id: QP-02
title: 记录控制程序
type: procedure
owner: 质量部
approvers: [管理者代表]
clauses: ["4.6.4"]
category: 管理类
---
## 1 目的

规定记录的标识、贮存、保护、检索、保存期限和处置。
"""
# Line 8 holds the unknown field 'category' (a warning); line 5 the owner.
UNKNOWN_FIELD_LINE = 8
OWNER_LINE = 5


def approved_change(repo: GitRepo, files: dict[str, str]) -> None:
    """Write files on a branch and merge them with every approval they need."""
    repo.branch("change")
    for rel, text in files.items():
        repo.write(rel, text)
    repo.commit("修改", ZHANG, "2026-01-10T10:00:00+08:00")
    # 李代表 signs off on the branch himself: a trailer typed by the merger would not count.
    repo.commit(
        "签核", LI, "2026-01-10T12:00:00+08:00", (f"Approved-by: {LI.ident}",), allow_empty=True
    )
    repo.checkout("main")
    repo.merge("change", WANG, "2026-01-11T10:00:00+08:00")


@pytest.fixture
def warning_repo(make_repo: MakeRepo) -> GitRepo:
    """Only a warning: QP-02 carries an unknown front-matter field."""
    repo = make_repo()
    approved_change(repo, {QP02: QP02_TEXT})
    return repo


@pytest.fixture
def error_repo(make_repo: MakeRepo) -> GitRepo:
    """One error (an unknown owner) and one warning (an unknown field) in QP-02."""
    repo = make_repo()
    approved_change(repo, {QP02: QP02_TEXT.replace("owner: 质量部", "owner: 财务部")})
    return repo


def check(repo: GitRepo | Path, *args: str) -> Result:
    path = repo.path if isinstance(repo, GitRepo) else repo
    # English: these tests read the wording; the minimal site itself is Chinese.
    result = run_cli("--lang", "en", "check", "--repo", str(path), *args)
    assert "Traceback" not in result.output, result.output
    return result


def parse_json(result: Result) -> dict[str, object]:
    data = json.loads(result.stdout)
    assert isinstance(data, dict), result.stdout
    return data


# --- JSON -------------------------------------------------------------------------------


def test_json_lists_findings_with_location_and_counts(error_repo: GitRepo) -> None:
    result = check(error_repo, "--format", "json")
    assert result.code == 1, result.output
    data = parse_json(result)
    findings = data["findings"]
    assert isinstance(findings, list)
    for finding in findings:
        assert set(finding) == {"path", "line", "severity", "code", "message"}, finding
        assert isinstance(finding["line"], int) and finding["line"] >= 1
        assert finding["severity"] in ("error", "warning")
        assert finding["message"]
    by_code = {f["code"]: f for f in findings}
    assert by_code["unknown-owner"] == {
        "path": QP02,
        "line": OWNER_LINE,
        "severity": "error",
        "code": "unknown-owner",
        "message": by_code["unknown-owner"]["message"],
    }
    assert "财务部" in by_code["unknown-owner"]["message"]  # UTF-8, not \u escapes
    assert by_code["unknown-field"]["severity"] == "warning"
    assert by_code["unknown-field"]["line"] == UNKNOWN_FIELD_LINE
    assert data["errors"] == sum(f["severity"] == "error" for f in findings) == 1
    assert data["warnings"] == sum(f["severity"] == "warning" for f in findings)
    assert data["warnings"] >= 1


def test_json_matches_the_text_lines(error_repo: GitRepo) -> None:
    text = check(error_repo)
    data = parse_json(check(error_repo, "--format", "json"))
    findings = data["findings"]
    assert isinstance(findings, list)
    lines = [
        f"{f['path']}:{f['line']}: {f['severity']}: {f['code']}: {f['message']}" for f in findings
    ]
    assert lines == text.stdout.splitlines()


def test_json_of_a_clean_repository(make_repo: MakeRepo) -> None:
    result = check(make_repo(), "--format", "json")
    assert result.code == 0, result.output
    assert parse_json(result) == {"findings": [], "errors": 0, "warnings": 0}


# --- GitHub annotations --------------------------------------------------------------------

GITHUB_LINE = re.compile(r"^::(error|warning) file=([^,]+),line=(\d+),title=([^:]+)::(.+)$")


def test_github_gives_workflow_commands(error_repo: GitRepo) -> None:
    result = check(error_repo, "--format", "github")
    assert result.code == 1, result.output
    lines = result.stdout.splitlines()
    assert lines
    for line in lines:
        assert GITHUB_LINE.match(line), line
    owner = f"::error file={QP02},line={OWNER_LINE},title=unknown-owner::"
    assert any(line.startswith(owner) and "财务部" in line for line in lines), lines
    field = f"::warning file={QP02},line={UNKNOWN_FIELD_LINE},title=unknown-field::"
    assert any(line.startswith(field) for line in lines), lines


def test_github_escapes_what_would_break_a_command(make_repo: MakeRepo) -> None:
    repo = make_repo()
    # A file name with a comma, whose document links to nothing: the path is a
    # property of the command, so its ',' must be escaped.
    approved_change(
        repo,
        {"procedures/qp-05,v2.md": QP02_TEXT.replace("QP-02", "QP-05") + "\n见 [[QP-99]]。\n"},
    )
    result = check(repo, "--format", "github")
    assert result.code == 1, result.output
    line = next(x for x in result.stdout.splitlines() if "title=dangling-link" in x)
    assert line.startswith("::error file=procedures/qp-05%2Cv2.md,line=14,title=dangling-link::")


# --- warnings alone do not fail --------------------------------------------------------------


def test_warning_only_repository_passes_in_text(warning_repo: GitRepo) -> None:
    result = check(warning_repo)
    assert result.code == 0, result.output
    assert re.search(
        rf"^{QP02}:{UNKNOWN_FIELD_LINE}: warning: unknown-field: .*'category'", result.stdout, re.M
    ), result.stdout
    assert ": error: " not in result.stdout
    assert "0 error(s)" in result.stderr


# --- the user's language (issue 15) ------------------------------------------------------------


def _doccontrol(*args: str, **environ: str) -> Result:
    env = {k: v for k, v in os.environ.items() if k != "DOCCONTROL_LANG"}
    proc = subprocess.run(
        [sys.executable, "-m", "doccontrol", *args], capture_output=True, text=True,
        env={**env, "NO_MKDOCS_2_WARNING": "1", **environ}, check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def test_a_finding_prints_in_either_language_with_the_same_code(warning_repo: GitRepo) -> None:
    repo = str(warning_repo.path)
    where = f"{QP02}:{UNKNOWN_FIELD_LINE}: warning: unknown-field: "
    # The minimal site is Chinese (theme.language: zh): check speaks Chinese.
    chinese = _doccontrol("check", "--repo", repo)
    assert chinese.code == 0, chinese.output
    assert f"{where}未知的前置字段 'category'；" in chinese.stdout, chinese.stdout
    assert "doccontrol：0 个错误，1 个警告" in chinese.stderr
    # --lang and DOCCONTROL_LANG override it; --lang wins over the environment.
    for english in (
        _doccontrol("--lang", "en", "check", "--repo", repo),
        _doccontrol("check", "--repo", repo, DOCCONTROL_LANG="en"),
        _doccontrol("--lang", "en", "check", "--repo", repo, DOCCONTROL_LANG="zh"),
    ):
        assert f"{where}unknown front-matter field 'category'; known fields are " in english.stdout
        assert "doccontrol: 0 error(s), 1 warning(s)" in english.stderr
    # JSON and GitHub annotations: the same code, the message in the chosen language.
    data = json.loads(_doccontrol("check", "--repo", repo, "--format", "json").stdout)
    assert [(f["code"], f["message"][:9]) for f in data["findings"]] == [("unknown-field", "未知的前置字段 '")]
    github = _doccontrol("check", "--repo", repo, "--format", "github", DOCCONTROL_LANG="en").stdout
    assert "title=unknown-field::unknown front-matter field 'category'" in github


def test_the_register_json_keeps_english_keys_and_carries_messages_in_the_language(
    warning_repo: GitRepo,
) -> None:
    repo = str(warning_repo.path)
    zh = json.loads(_doccontrol("register", "--repo", repo, "--format", "json").stdout)
    en = json.loads(_doccontrol("--lang", "en", "register", "--repo", repo, "--format", "json").stdout)
    assert zh.keys() == en.keys() and {"as_of", "commit", "documents", "findings"} <= zh.keys()
    assert [d["status"] for d in zh["documents"]] == [d["status"] for d in en["documents"]]
    (zh_finding,) = [f for f in zh["findings"] if f["code"] == "unknown-field"]
    (en_finding,) = [f for f in en["findings"] if f["code"] == "unknown-field"]
    assert zh_finding.keys() == en_finding.keys() == {"path", "line", "severity", "code", "message"}
    assert zh_finding["message"].startswith("未知的前置字段")
    assert en_finding["message"].startswith("unknown front-matter field")


def test_an_error_before_any_finding_speaks_the_language_too(tmp_path: Path) -> None:
    empty = tmp_path / "not-a-repository"
    empty.mkdir()
    (empty / "a.md").write_text("x", "utf-8")
    zh = _doccontrol("--lang", "zh", "fix", str(empty / "missing.md"), "--repo", str(empty), "--typography")
    en = _doccontrol("--lang", "en", "fix", str(empty / "missing.md"), "--repo", str(empty), "--typography")
    assert zh.code == en.code == 2
    assert zh.stderr.startswith("doccontrol: error: ") and "没有该文件或文件夹" in zh.stderr
    assert en.stderr.startswith("doccontrol: error: ") and "no such file or folder" in en.stderr
    assert "Traceback" not in zh.output + en.output


def test_the_site_build_logs_findings_in_the_theme_language_or_doccontrol_lang(
    warning_repo: GitRepo, tmp_path: Path
) -> None:
    def build(**environ: str) -> str:
        proc = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site"),
             "-f", str(warning_repo.path / "mkdocs.yml")],
            cwd=warning_repo.path, capture_output=True, text=True,
            env={**{k: v for k, v in os.environ.items() if k != "DOCCONTROL_LANG"},
                 "NO_MKDOCS_2_WARNING": "1", **environ},
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        return proc.stderr

    assert "unknown-field: 未知的前置字段 'category'" in build()
    assert "unknown-field: unknown front-matter field 'category'" in build(DOCCONTROL_LANG="en")


def test_warning_only_repository_passes_in_json(warning_repo: GitRepo) -> None:
    result = check(warning_repo, "--format", "json")
    assert result.code == 0, result.output
    data = parse_json(result)
    assert data["errors"] == 0
    assert data["warnings"] >= 1
    findings = data["findings"]
    assert isinstance(findings, list)
    assert any(f["code"] == "unknown-field" and f["path"] == QP02 for f in findings)


def test_warning_only_repository_passes_in_github(warning_repo: GitRepo) -> None:
    result = check(warning_repo, "--format", "github")
    assert result.code == 0, result.output
    assert result.stdout.startswith("::warning "), result.stdout


# --- usage errors exit 2 --------------------------------------------------------------------


def test_unknown_format_is_a_usage_error(warning_repo: GitRepo) -> None:
    result = check(warning_repo, "--format", "xml")
    assert result.code == 2, result.output
    assert "xml" in result.stderr
    assert "json" in result.stderr  # says which formats there are
    assert result.stdout == ""


@pytest.mark.parametrize("bad", ["2026-02-30", "2026-13-01", "tomorrow", "2026/03/01"])
def test_bad_as_of_date_is_a_usage_error(warning_repo: GitRepo, bad: str) -> None:
    result = check(warning_repo, "--as-of", bad)
    assert result.code == 2, result.output
    assert bad in result.stderr
    assert "YYYY-MM-DD" in result.stderr
    assert result.stdout == ""


def test_good_as_of_date_is_accepted(warning_repo: GitRepo) -> None:
    assert check(warning_repo, "--as-of", "2026-03-01").code == 0


def test_missing_repo_folder_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    result = check(missing)
    assert result.code == 2, result.output
    assert "no-such-folder" in result.stderr
    assert result.stdout == ""


def test_repo_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    file = tmp_path / "a-file.txt"
    file.write_text("not a folder", encoding="utf-8")
    result = check(file)
    assert result.code == 2, result.output
    assert "a-file.txt" in result.stderr
