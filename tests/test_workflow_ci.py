"""The CI definitions and the pre-commit hook shipped in the repository: valid, and they call
only commands and options that exist; and ``check`` explaining a forge squash without approvers."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Iterator
from typing import Any

import click
import pytest
import yaml
from conftest import LI, ROOT, ZHANG
from doccontrol.cli.main import main
from gitrepo import GitRepo, Who
from workflow_cases import cli

GITHUB_WORKFLOW = ROOT / ".github/workflows/doccontrol.yml"
GITLAB_CI = ROOT / ".gitlab-ci.yml"
PRE_COMMIT = ROOT / ".pre-commit-hooks.yaml"
# Written by another change; tolerated only while the command is not there yet.
PENDING = {"release": ("--date", "--out")}
GITLAB_KEYWORDS = {"stages", "variables", "workflow", "default", "include", "image", "services", "cache"}


def _load(path: Any) -> Any:
    return yaml.safe_load(path.read_text("utf-8"))


def _github_steps() -> Iterator[dict[str, Any]]:
    for job in _load(GITHUB_WORKFLOW)["jobs"].values():
        yield from job["steps"]


def _gitlab_jobs() -> dict[str, dict[str, Any]]:
    data = _load(GITLAB_CI)
    return {k: v for k, v in data.items() if k not in GITLAB_KEYWORDS and not k.startswith(".")}


def _scripts() -> Iterator[tuple[str, str]]:
    for step in _github_steps():
        if "run" in step:
            yield "github", step["run"]
    data = _load(GITLAB_CI)
    for job in _gitlab_jobs().values():
        for key in ("before_script", "script", "after_script"):
            for line in job.get(key, []):
                yield "gitlab", line
    for line in data["default"].get("before_script", []):
        yield "gitlab", line
    for hook in _load(PRE_COMMIT):
        yield "pre-commit", hook["entry"]


def _invocations() -> Iterator[tuple[str, str, list[str]]]:
    """Every ``doccontrol SUB --options`` in the definitions: (where, sub, options)."""
    for where, script in _scripts():
        for line in script.replace("\\\n", " ").splitlines():
            for match in re.finditer(r"(?:^|[\s;&|(])doccontrol\s+([^;&|>\n]*)", line):
                words = shlex.split(match.group(1))
                if not words:
                    continue
                options = [w.split("=", 1)[0] for w in words[1:] if w.startswith("--")]
                yield where, words[0], options


def test_github_workflow_has_what_github_requires() -> None:
    data = _load(GITHUB_WORKFLOW)
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` as true
    assert {"pull_request", "push", "schedule", "workflow_dispatch"} <= set(triggers)
    assert triggers["push"]["branches"] == ["main"]
    assert triggers["push"]["tags"] == ["edition/*"]
    assert data["jobs"], "no jobs"
    for name, job in data["jobs"].items():
        assert isinstance(job["runs-on"], str), name
        assert job["steps"], name
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), (name, step)
            if step.get("uses", "").startswith("actions/checkout"):
                assert step["with"]["fetch-depth"] == 0, f"{name}: full history is needed"
    assert set(data["jobs"]) == {"check", "preview", "status", "site", "edition"}
    status = [s["run"] for s in data["jobs"]["status"]["steps"] if "run" in s]
    assert any("gh pr comment" in run for run in status)
    assert data["jobs"]["status"]["permissions"]["pull-requests"] == "write"
    edition_env = {k: v for s in data["jobs"]["edition"]["steps"] for k, v in s.get("env", {}).items()}
    assert "secrets.DOCCONTROL_SIGNING_PASSWORD" in edition_env["DOCCONTROL_SIGNING_PASSWORD"]


def test_gitlab_ci_has_what_gitlab_requires() -> None:
    data = _load(GITLAB_CI)
    stages = data["stages"]
    assert data["variables"]["GIT_DEPTH"] == "0"
    jobs = _gitlab_jobs()
    assert set(jobs) == {"check", "preview", "status", "site", "edition"}
    for name, job in jobs.items():
        assert job["stage"] in stages, name
        assert isinstance(job["script"], list) and job["script"], name
        assert all(isinstance(line, str) for line in job["script"]), name
        assert "rules" in job, name
    assert any("merge_requests" in line for line in jobs["status"]["script"])
    assert jobs["site"]["artifacts"]["paths"] == ["public/"]


def test_pre_commit_hook_definition() -> None:
    hooks = _load(PRE_COMMIT)
    (hook,) = [h for h in hooks if h["id"] == "doccontrol-check"]
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    assert hook["entry"] == "doccontrol check"
    files = re.compile(hook["files"])
    assert files.search("procedures/qp-01.md") and files.search("manual/roles.yml")
    assert files.search("mkdocs.yml") and not files.search("README.md")


def test_definitions_call_only_commands_and_options_that_exist() -> None:
    found = list(_invocations())
    subs = {sub for _, sub, _ in found}
    assert {"check", "build", "status", "release"} <= subs, subs
    for where, sub, options in found:
        if sub in PENDING and sub not in main.commands:
            assert set(options) <= set(PENDING[sub]), (where, sub, options)
            continue
        assert sub in main.commands, f"{where}: doccontrol {sub} does not exist"
        command = main.commands[sub]
        known = {opt for p in command.params if isinstance(p, click.Option) for opt in p.opts + p.secondary_opts}
        for option in options:
            assert option in known, f"{where}: doccontrol {sub} has no option {option}"


@pytest.mark.parametrize("forge", ["github-noreply", "numbered"])
def test_check_explains_a_forge_squash_without_approved_by(
    make_repo: Callable[..., GitRepo], forge: str
) -> None:
    repo = make_repo()
    repo.branch("zhang/qp01")
    repo.append("procedures/qp-01.md", "\n补充。\n")
    repo.commit("QP-01 补充", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    committer = Who("GitHub", "noreply@github.com") if forge == "github-noreply" else LI
    repo.squash("zhang/qp01", committer, "QP-01 补充 (#12)", "2026-02-02T10:00:00+08:00", author=ZHANG)
    result = cli(repo, "--lang", "en", "check")
    assert result.code == 1
    line = next(line for line in result.stdout.splitlines() if "unapproved-change" in line)
    assert "squash or rebase merge made on the forge" in line
    assert ("(#12)" in line) and (("GitHub <noreply@github.com>" in line) == (forge == "github-noreply"))
    assert "allow merge commits only" in line and "%{approved_by}" in line


def test_a_plain_direct_commit_gets_no_squash_explanation(make_repo: Callable[..., GitRepo]) -> None:
    repo = make_repo()
    repo.append("procedures/qp-01.md", "\n直接修改。\n")
    repo.commit("QP-01 直接修改", ZHANG, "2026-02-01T09:00:00+08:00")
    result = cli(repo, "--lang", "en", "check")
    line = next(line for line in result.stdout.splitlines() if "unapproved-change" in line)
    assert "squash" not in line
