"""Helpers for the owners' and approvers' workflow tests: commands run as a user runs them."""

from __future__ import annotations

import re

from conftest import Result, run_cli
from gitrepo import GitRepo

# A status line: "QP-01 文件控制程序 (procedures/qp-01.md): changed, A/0 → A/1".
STATUS_LINE = re.compile(
    r"^(?P<id>[A-Z]+-\d+(?:-\d+)?) .* \((?P<path>[^()]+)\): (?P<change>added|changed|withdrawn), "
    r"(?P<before>\S+) → (?P<after>\S+)"
)


def cli(repo: GitRepo, *args: str) -> Result:
    return run_cli(*args, "--repo", str(repo.path))


def status(repo: GitRepo, *args: str, language: str = "en") -> Result:
    """``doccontrol status`` in ``language`` (English unless asked: these tests read its sentences)."""
    result = run_cli("--lang", language, "status", *args, "--repo", str(repo.path))
    assert result.code == 0, result.output
    return result


def predicted(output: str) -> dict[str, tuple[str, str, str]]:
    """``{id: (change, before, after)}`` from ``doccontrol status`` text output."""
    found: dict[str, tuple[str, str, str]] = {}
    for line in output.splitlines():
        match = STATUS_LINE.match(line)
        if match:
            found[match["id"]] = (match["change"], match["before"], match["after"].rstrip(","))
    return found


def may_approve(output: str, doc_id: str) -> str:
    """The "may approve — ROLE: people" line under a document in ``status`` text output."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(doc_id + " ") or line.startswith(doc_id + ":"))
    return next(line.strip() for line in lines[start + 1 :] if line.strip().startswith("may approve"))


def with_defaults(repo: GitRepo, defaults: str) -> None:
    """Give the fixture's doc-control plugin a ``defaults:`` option (YAML flow mapping)."""
    text = repo.read("mkdocs.yml")
    assert "  - doc-control\n" in text
    repo.write(
        "mkdocs.yml",
        text.replace("  - doc-control\n", f"  - doc-control:\n      defaults: {defaults}\n"),
    )
