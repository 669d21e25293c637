"""Helpers for the history tests: pull requests, register and check, as a user runs them."""

from __future__ import annotations

import json
import re
from typing import Any

from conftest import WANG, ZHANG, Result, run_cli
from gitrepo import GitRepo, Who

QP01 = "procedures/qp-01.md"
QP02 = "procedures/qp-02.md"
SM01 = "manual/sm-01.md"
ROLES = "manual/roles.yml"
ADDITION = "\n## 3 记录\n\n文件的发放和回收均应登记。\n"
GITHUB = Who("GitHub", "noreply@github.com")


def adopt(repo: GitRepo, who: Who = WANG) -> str:
    """Commit the fixture copy and tag it ``doccontrol/baseline`` (what make_repo does)."""
    sha = repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.tag("doccontrol/baseline", who, "2026-01-02T10:00:00+08:00", "纸质文件转入")
    return sha


def branch_commit(
    repo: GitRepo,
    branch: str,
    author: Who = ZHANG,
    when: str = "2026-02-01T09:00:00+08:00",
    path: str = QP01,
    text: str = ADDITION,
    trailers: tuple[str, ...] = (),
    start: str = "main",
) -> str:
    """A branch off ``start`` with one commit appending ``text`` to ``path``; back on main after."""
    repo.branch(branch, start)
    repo.append(path, text)
    sha = repo.commit(f"修改 {path}", author, when, trailers)
    repo.checkout("main")
    return sha


def register(repo: GitRepo, as_of: str) -> dict[str, Any]:
    result = run_cli("register", "--format", "json", "--repo", str(repo.path), "--as-of", as_of)
    assert result.code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def document(data: dict[str, Any], doc_id: str) -> dict[str, Any]:
    found = [d for d in data["documents"] if d["id"] == doc_id]
    assert len(found) == 1, f"{doc_id} appears {len(found)} times in {data['documents']}"
    return found[0]


def revisions(doc: dict[str, Any]) -> list[str]:
    return [h["revision"] for h in doc["history"]]


def codes(data: dict[str, Any], severity: str | None = None) -> list[str]:
    return [f["code"] for f in data["findings"] if severity in (None, f["severity"])]


def check(repo: GitRepo, as_of: str) -> Result:
    return run_cli("--lang", "en", "check", "--repo", str(repo.path), "--as-of", as_of)


def finding_line(output: str, code: str, who: Who | None = None) -> str:
    """The one line of ``check`` text output with ``code`` (and naming ``who``)."""
    lines = [
        line
        for line in output.splitlines()
        if f": {code}: " in line and (who is None or who.name in line)
    ]
    assert len(lines) == 1, f"expected one {code} line naming {who}, got:\n{output}"
    return lines[0]


def assert_names_commit(line: str, sha: str) -> None:
    """The finding names ``sha`` by an abbreviation of at least seven hex digits."""
    shown = [h for h in re.findall(r"\b[0-9a-f]{7,40}\b", line) if sha.startswith(h)]
    assert shown, f"commit {sha[:8]} is not named in: {line}"
