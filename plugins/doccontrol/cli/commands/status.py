"""``doccontrol status``: what this branch will do to the documents when it is merged."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from doccontrol.cli.language import cli_language
from doccontrol.history.reader import read_branch, read_history
from doccontrol.project.load import load_project
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from doccontrol.project.worktree import read_worktree
from doccontrol.workflow.branch_status import branch_status, render_markdown, render_text


def status(repo: Path, base: str | None, fmt: str, as_of: date | None) -> int:
    site = read_mkdocs_yml(repo)
    language = cli_language(site.language)  # before anything can fail, so errors speak it too
    config = site.config
    changes = read_branch(repo, config, base)
    # The base as it stands: its roles are the trusted ones, its revisions the ones to count on.
    on_base = replace(config, branch=changes.base)
    history = read_history(repo, on_base)
    day = as_of or date.today()
    if history.events and as_of is None:
        day = max(day, history.events[-1].committed.date())  # a merge dated ahead of our clock
    project = load_project(repo, on_base, day)
    sources, _ = read_worktree(repo, config)
    result = branch_status(
        changes,
        {s.path: s.data for s in sources},
        project.worktree,
        project.control,
        project.findings,
        config,
    )
    print(render_markdown(result, language) if fmt == "markdown" else render_text(result, language))
    return 0
