"""``doccontrol init`` and ``doccontrol adopt``, and a paper history carried over by baseline.yml.

Every case runs the command line in a subprocess on a real git repository, with
git's identity in a private HOME, as a new organisation would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import LI, ROOT, WANG, ZHANG, Result
from doccontrol.sources.clause_sets import builtin_text
from gitrepo import GitRepo, Who

MakeRepo = Callable[..., GitRepo]
TOP = Who("Grace Top", "grace@example.org")


def doccontrol(*args: str, cwd: Path, home: Path) -> Result:
    env = {**os.environ, "HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "NO_MKDOCS_2_WARNING": "1"}
    for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        env.pop(var, None)
    proc = subprocess.run(
        [sys.executable, "-m", "doccontrol", *args], cwd=cwd, env=env,
        capture_output=True, text=True, check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A HOME whose git identity is TOP, as on the top role's own machine."""
    folder = tmp_path / "home"
    folder.mkdir()
    (folder / ".gitconfig").write_text(
        f"[user]\n\tname = {TOP.name}\n\temail = {TOP.email}\n[commit]\n\tgpgsign = false\n", "utf-8"
    )
    return folder


def _git(repo: Path, home: Path, *args: str) -> str:
    env = {**os.environ, "HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_init_empty_then_adopt(tmp_path: Path, home: Path) -> None:
    org = tmp_path / "org"
    made = doccontrol("init", str(org), "--empty", "--lang", "en", "--standard", "gb-t-19001-2016",
                      cwd=tmp_path, home=home)
    assert made.code == 0, made.output
    assert "started a git repository" in made.stdout
    assert (org / ".git").is_dir()
    for rel in ("mkdocs.yml", "manual/roles.yml", "manual/clauses.yml", ".gitignore",
                ".github/workflows/doccontrol.yml", ".gitlab-ci.yml", ".pre-commit-config.yaml",
                "docs/index.md"):
        assert (org / rel).is_file(), rel
    assert (org / "manual/clauses.yml").read_text("utf-8") == builtin_text("gb-t-19001-2016")
    mkdocs = yaml.safe_load((org / "mkdocs.yml").read_text("utf-8"))
    assert mkdocs["theme"]["language"] == "en" and "doc-control" in mkdocs["plugins"]
    roles = yaml.safe_load((org / "manual/roles.yml").read_text("utf-8"))
    assert roles["roles"][roles["top"]] == [TOP.name]
    assert {"name": TOP.name, "emails": [TOP.email]} in roles["people"]
    workflow = (org / ".github/workflows/doccontrol.yml").read_text("utf-8")
    assert "pip install doccontrol" in workflow and "pip install .\n" not in workflow
    assert "pip install -q doccontrol" in (org / ".gitlab-ci.yml").read_text("utf-8")
    hooks = yaml.safe_load((org / ".pre-commit-config.yaml").read_text("utf-8"))
    assert hooks["repos"][0]["hooks"][0]["entry"] == "doccontrol check"

    refused = doccontrol("adopt", "--repo", str(org), cwd=tmp_path, home=home)
    assert refused.code == 1
    assert "adopt refused: nothing is committed yet" in refused.stderr

    _git(org, home, "add", "-A")
    _git(org, home, "commit", "-q", "-m", "Start document control")
    adopted = doccontrol("adopt", "--repo", str(org), "--date", "2099-01-02", cwd=tmp_path, home=home)
    assert adopted.code == 0, adopted.output
    tag = _git(org, home, "for-each-ref", "refs/tags/doccontrol/baseline",
               "--format=%(objecttype) %(taggername) %(taggeremail) %(taggerdate:short) %(subject)")
    assert tag == (f"tag {TOP.name} <{TOP.email}> 2099-01-02 "
                   "Baseline: paper-approved documents adopted")
    again = doccontrol("adopt", "--repo", str(org), cwd=tmp_path, home=home)
    assert again.code == 1 and "doccontrol/baseline already exists" in again.stderr
    check = doccontrol("check", "--repo", str(org), "--as-of", "2099-01-03", cwd=tmp_path, home=home)
    assert check.code == 0, check.output


def test_init_refuses_to_overwrite_and_writes_nothing(tmp_path: Path, home: Path) -> None:
    org = tmp_path / "org"
    (org / "manual").mkdir(parents=True)
    (org / "manual/roles.yml").write_text("mine\n", "utf-8")
    result = doccontrol("--lang", "en", "init", str(org), cwd=tmp_path, home=home)
    assert result.code == 1
    assert "already has manual/roles.yml; init never overwrites a file" in result.stderr
    assert sorted(p.name for p in org.iterdir()) == ["manual"]
    assert (org / "manual/roles.yml").read_text("utf-8") == "mine\n"


def test_init_sample_copies_the_sample_organisation(tmp_path: Path, home: Path) -> None:
    org = tmp_path / "sample"
    result = doccontrol("init", str(org), "--sample", cwd=tmp_path, home=home)
    assert result.code == 0, result.output
    for part in ("mkdocs.yml", "manual/roles.yml", "manual/clauses.yml", "docs/index.md"):
        assert (org / part).read_bytes() == (ROOT / part).read_bytes(), part
    assert (org / "procedures").is_dir() and (org / "records").is_dir()
    assert (org / ".github/workflows/doccontrol.yml").is_file()
    assert not any(p.is_symlink() for p in org.rglob("*"))
    bad = doccontrol("--lang", "en", "init", str(tmp_path / "x"), "--sample", "--standard", "iso-13485-2016",
                     cwd=tmp_path, home=home)
    assert bad.code == 2 and "leave out --standard" in bad.stderr


def test_adopt_refuses_whoever_is_not_the_top_role(make_repo: MakeRepo, tmp_path: Path) -> None:
    repo = make_repo(commit=False)
    repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.git("config", "user.name", LI.name)
    repo.git("config", "user.email", LI.email)
    result = doccontrol("--lang", "en", "adopt", "--repo", str(repo.path), cwd=tmp_path, home=tmp_path)
    assert result.code == 1
    assert (f"git's identity {LI.name} <{LI.email}> is not the top role 总经理 (王总)"
            in result.stderr)
    assert "doccontrol/baseline" not in repo.git("tag", "-l")


def test_adopt_refuses_uncommitted_changes_and_check_errors(make_repo: MakeRepo, tmp_path: Path) -> None:
    repo = make_repo(commit=False)
    repo.edit("procedures/qp-01.md", "approvers: [管理者代表]", "approvers: [无此人]")
    repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.git("config", "user.name", WANG.name)
    repo.git("config", "user.email", WANG.email)
    home = tmp_path
    repo.write("procedures/draft.md", "草稿\n")
    dirty = doccontrol("--lang", "en", "adopt", "--repo", str(repo.path), cwd=tmp_path, home=home)
    assert dirty.code == 1 and "changes that are not committed (procedures/draft.md)" in dirty.stderr
    (repo.path / "procedures/draft.md").unlink()
    broken = doccontrol("--lang", "en", "adopt", "--repo", str(repo.path), cwd=tmp_path, home=home)
    assert broken.code == 1
    assert "procedures/qp-01.md:6: error: unknown-approver:" in broken.stderr
    assert "check finds 1 error(s)" in broken.stderr
    assert "doccontrol/baseline" not in repo.git("tag", "-l")


BASELINE_YML = """\
QP-01:
  - revision: C/1
    issued: 2022-03-01
    approved_by: 王总
    summary: 纸质第三版第一次修改
    paper_label: r3
  - revision: C/2
    issued: 2023-05-10
    approved_by: [王总]
    summary: 纸质第三版第二次修改
    paper_label: r4
QP-02: {revision: B/1, issued: 2024-01-01, approved_by: 李代表}
QP-99: {revision: A/3, issued: 2024-01-01, approved_by: 李代表}
SM-01: {revision: r4, issued: 2024-01-01, approved_by: 王总}
"""


def test_baseline_yml_carries_paper_revisions(make_repo: MakeRepo, tmp_path: Path) -> None:
    repo = make_repo(commit=False)
    repo.write("manual/baseline.yml", BASELINE_YML)
    repo.edit("procedures/qp-01.md", "type: procedure\n", "type: procedure\nedition: C\n")
    repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.tag("doccontrol/baseline", WANG, "2026-01-02T10:00:00+08:00", "纸质体系文件转入（2026 年）")
    repo.branch("zhang/qp-01")
    repo.edit("procedures/qp-01.md", "文件经批准后发布。", "文件经批准后发布，并通知使用部门。")
    repo.commit("QP-01 增加发布通知", ZHANG, "2026-02-01T10:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/qp-01", LI, "2026-02-02T10:00:00+08:00", "合并：QP-01 增加发布通知")
    # After adoption the file means nothing: this edit must not change any revision.
    repo.edit("manual/baseline.yml", "revision: C/2", "revision: C/7")
    repo.commit("改 baseline.yml", ZHANG, "2026-02-03T10:00:00+08:00")

    register = doccontrol("register", "--repo", str(repo.path), "--format", "json",
                          "--as-of", "2026-02-10", cwd=tmp_path, home=tmp_path)
    docs = {d["id"]: d for d in json.loads(register.stdout)["documents"]}
    qp01 = docs["QP-01"]
    assert [r["revision"] for r in qp01["history"]] == ["C/1", "C/2", "C/3"]
    assert qp01["revision"] == "C/3"
    first, second, third = qp01["history"]
    assert (first["issued"], first["approvers"], first["summary"], first["paper_label"]) == (
        "2022-03-01", ["王总"], "纸质第三版第一次修改", "r3")
    assert (second["issued"], second["paper_label"]) == ("2023-05-10", "r4")
    assert third["approvers"] == ["李代表"] and "paper_label" not in third
    # No paper history: A/0 on the tag's date, the tag's message as its summary.
    assert [(r["revision"], r["issued"], r["summary"]) for r in docs["QR-01-01"]["history"]] == [
        ("A/0", "2026-01-02", "纸质体系文件转入（2026 年）")]

    check = doccontrol("--lang", "en", "check", "--repo", str(repo.path), "--as-of", "2026-02-10",
                       cwd=tmp_path, home=tmp_path)
    out = check.stdout
    assert ("procedures/qp-02.md:1: error: baseline-edition: QP-02 was adopted at B/1 "
            "(manual/baseline.yml line 12), but its front matter gives edition A") in out
    assert "manual/baseline.yml:13: warning: baseline-unknown:" in out and "QP-99" in out
    assert ("manual/baseline.yml:14: error: baseline-entry: SM-01: revision 'r4' is not in the "
            "letter scheme") in out
    assert "C/7" not in out

