"""Issue 15, acceptance: a finding printed in both languages.

A real Chinese repository (the minimal fixture: ``theme.language: zh``) holds a real
finding: a direct commit on main changes QP-01 without approval. ``check`` (text, JSON
and GitHub annotations), ``status`` on a branch and ``register --format json`` say it
in Chinese by default, and in English with ``--lang en`` or ``DOCCONTROL_LANG=en``;
an English site says it in English, and in Chinese with ``--lang zh``. The finding
code is the same everywhere, and the register JSON keeps its English keys.

People's and roles' names (张质量, 管理者代表…) are the organisation's data, not the
tool's words: they are taken out before an English message is searched for CJK.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

from conftest import ROOT, ZHANG
from gitrepo import GitRepo
from history_cases import ADDITION, QP01, adopt

MakeRepo = Callable[..., GitRepo]
AS_OF = "2026-06-01"
CODE = "unapproved-change"
CJK = re.compile(r"[\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
# Two English words in a row: a sentence, not a code, a path or an option name.
ENGLISH = re.compile(r"\b[A-Za-z]{2,} [A-Za-z]{2,}\b")
NAMES = ("张质量", "李代表", "王总", "赵客服", "管理者代表", "总经理", "质量部", "客服中心", "文件控制程序")


@dataclass(frozen=True)
class Said:
    """What one run of the CLI printed."""

    code: int
    stdout: str
    stderr: str


def _run(repo: GitRepo, *args: str, lang: str | None = None, env_lang: str | None = None) -> Said:
    """``doccontrol [--lang LANG] ARGS --repo REPO`` in a subprocess, ``DOCCONTROL_LANG``
    set to ``env_lang`` (and unset when None)."""
    env = {k: v for k, v in os.environ.items() if k != "DOCCONTROL_LANG"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if env_lang is not None:
        env["DOCCONTROL_LANG"] = env_lang
    chosen = ("--lang", lang) if lang else ()
    proc = subprocess.run(
        [sys.executable, "-m", "doccontrol", *chosen, *args, "--repo", str(repo.path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return Said(proc.returncode, proc.stdout, proc.stderr)


def _repository(make_repo: MakeRepo, site_language: str = "zh") -> GitRepo:
    """The fixture adopted by the baseline, then QP-01 changed on main by a direct commit,
    then a branch with a change of its own (for ``status``)."""
    repo = make_repo(commit=False)
    if site_language != "zh":
        repo.edit("mkdocs.yml", "language: zh", f"language: {site_language}")
    adopt(repo)
    repo.append(QP01, ADDITION)
    repo.commit("直接修改 QP-01", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.branch("zhang/qp01")
    repo.append(QP01, "\n分支上的补充。\n")
    repo.commit("QP-01 补充", ZHANG, "2026-02-02T09:00:00+08:00")
    repo.checkout("main")
    return repo


def _messages(repo: GitRepo, lang: str | None = None, env_lang: str | None = None) -> dict[str, str]:
    """The unapproved-change finding's message as each output says it, by output."""
    found: dict[str, str] = {}

    text = _run(repo, "check", "--as-of", AS_OF, lang=lang, env_lang=env_lang)
    assert text.code == 1, text
    line = next(ln for ln in text.stdout.splitlines() if f": error: {CODE}: " in ln)
    assert line.startswith(f"{QP01}:1: error: {CODE}: "), line
    found["check"] = line.split(f": {CODE}: ", 1)[1]
    found["summary"] = text.stderr.strip().splitlines()[-1]

    as_json = _run(repo, "check", "--as-of", AS_OF, "--format", "json", lang=lang, env_lang=env_lang)
    data = json.loads(as_json.stdout)
    finding = next(f for f in data["findings"] if f["code"] == CODE)
    assert set(finding) == {"path", "line", "severity", "code", "message"}
    found["check json"] = finding["message"]

    github = _run(repo, "check", "--as-of", AS_OF, "--format", "github", lang=lang, env_lang=env_lang)
    annotation = next(ln for ln in github.stdout.splitlines() if f"title={CODE}::" in ln)
    assert annotation.startswith(f"::error file={QP01},line=1,title={CODE}::"), annotation
    found["check github"] = annotation.split("::", 2)[2]

    register = _run(repo, "register", "--format", "json", "--as-of", AS_OF, lang=lang, env_lang=env_lang)
    assert register.code == 0, register
    data = json.loads(register.stdout)
    assert {"as_of", "commit", "documents", "findings"} <= set(data), "the keys stay English"
    qp01 = next(d for d in data["documents"] if d["id"] == "QP-01")
    assert qp01["unapproved_change"] is True
    finding = next(f for f in data["findings"] if f["code"] == CODE)
    found["register json"] = finding["message"]

    repo.checkout("zhang/qp01")
    try:
        status = _run(repo, "status", "--as-of", AS_OF, lang=lang, env_lang=env_lang)
    finally:
        repo.checkout("main")
    assert status.code == 0, status
    blocked = next(ln for ln in status.stdout.splitlines() if f": error: {CODE}: " in ln)
    found["status"] = blocked.split(f": {CODE}: ", 1)[1]
    found["status lines"] = status.stdout
    return found


def _without_names(text: str) -> str:
    for name in NAMES:
        text = text.replace(name, "")
    return text


def _assert_chinese(found: dict[str, str]) -> None:
    for where in ("check", "check json", "check github", "register json", "status"):
        message = found[where]
        assert CJK.search(message), (where, message)
        assert "未经有效批准即修改了 QP-01" in message, (where, message)
        assert not ENGLISH.search(message), (where, message)
    assert found["summary"] == "doccontrol：1 个错误，0 个警告", found["summary"]
    assert "阻止合并的问题：" in found["status lines"], found["status lines"]


def _assert_english(found: dict[str, str]) -> None:
    for where in ("check", "check json", "check github", "register json", "status"):
        message = found[where]
        assert "changed QP-01 without a valid approval" in message, (where, message)
        assert not CJK.search(_without_names(message)), (where, message)
    assert found["summary"] == "doccontrol: 1 error(s), 0 warning(s)", found["summary"]
    assert "Blocking the merge:" in found["status lines"], found["status lines"]


def test_a_chinese_site_speaks_chinese_and_english_when_asked(make_repo: MakeRepo) -> None:
    repo = _repository(make_repo)
    chinese = _messages(repo)
    _assert_chinese(chinese)
    by_option = _messages(repo, lang="en")
    _assert_english(by_option)
    by_environment = _messages(repo, env_lang="en")
    _assert_english(by_environment)
    assert by_option["check"] == by_environment["check"]
    # The words differ; the values (the commit, its author and date, who may approve) do not.
    commit = repo.git("rev-parse", "main").strip()[:8]
    for message in (chinese["check"], by_option["check"]):
        assert commit in message and "2026-02-01" in message, message
        assert "张质量" in message and "管理者代表" in message and "李代表" in message, message
    # --lang wins over the environment.
    _assert_chinese(_messages(repo, lang="zh", env_lang="en"))


def test_an_english_site_speaks_english_and_chinese_when_asked(make_repo: MakeRepo) -> None:
    repo = _repository(make_repo, site_language="en")
    _assert_english(_messages(repo))
    _assert_chinese(_messages(repo, lang="zh"))
    _assert_chinese(_messages(repo, env_lang="zh"))
