"""``doccontrol adopt``: the top role tags the committed, paper-approved documents as the baseline."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import click

from doccontrol.history.reader import BASELINE_TAG
from doccontrol.history.repository import configured_identity, make_annotated_tag, work_state
from doccontrol.history.trees import tag_target
from doccontrol.model.findings import OutputFormat, Severity, render_findings
from doccontrol.model.history import BaselineTag
from doccontrol.project.load import load_project
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from doccontrol.rendering.labels import label


def adopt(repo: Path, day: date | None) -> int:
    """Exit 0 with the tag made; 1, saying why, when adoption is refused."""
    site = read_mkdocs_yml(repo)
    config = site.config
    refusal = _preconditions(repo, config.branch)
    if refusal:
        return _refuse(refusal)
    identity = configured_identity(repo)
    if identity is None:
        return _refuse(
            "git has no user.name and user.email here; the top role adopts under the identity "
            "roles.yml gives them: git config user.name NAME; git config user.email EMAIL"
        )
    now = datetime.now().astimezone()
    when = now if day is None or day == now.date() else datetime.combine(day, time(12), now.tzinfo)
    head = work_state(repo).head
    assert head is not None  # _preconditions refused an empty repository
    summary = label(site.language, "cli", "baseline_summary")
    project = load_project(
        repo, config, when.date(), baseline=BaselineTag(head, identity, when, summary)
    )
    roles = project.worktree.roles
    if roles is None:
        return _refuse(f"{config.roles} is missing or unreadable; run doccontrol check")
    person = roles.by_email(identity.email)
    top = roles.members(roles.top)
    if person is None or person.name not in top:
        return _refuse(
            f"git's identity {identity.name} <{identity.email}> is not the top role "
            f"{roles.top} ({', '.join(top) or 'nobody'}) in {config.roles}; only the top role "
            "adopts: run adopt as them, or correct their emails in roles.yml and commit"
        )
    history = project.history
    if history is not None and history.events and history.events[-1].committed.date() > when.date():
        return _refuse(
            f"the adoption date {when.date()} is before the last commit "
            f"({history.events[-1].committed.date()}); give a later --date"
        )
    errors = [f for f in project.findings if f.severity is Severity.ERROR]
    if errors:
        click.echo(render_findings(errors, OutputFormat.TEXT), err=True)
        return _refuse(
            f"check finds {len(errors)} error(s) in the documents as they would be adopted; "
            "fix them, commit, and run adopt again"
        )
    make_annotated_tag(repo, BASELINE_TAG, head, summary + "\n", when, identity)
    adopted = [d for d in (project.control.documents if project.control else ()) if d.revisions]
    click.echo(
        f"doccontrol: tagged {BASELINE_TAG} at {head[:10]} by {person.name} on {when.date()}: "
        f"{len(adopted)} document(s) adopted as approved"
    )
    click.echo(f"publish it with: git push origin {BASELINE_TAG}")
    return 0


def _preconditions(repo: Path, branch: str) -> str:
    existing = tag_target(repo, BASELINE_TAG)
    if existing:
        return (
            f"{BASELINE_TAG} already exists (at {existing[:10]}); adoption happens once. To move "
            f"it, delete it first (git tag -d {BASELINE_TAG}) with the top role's agreement"
        )
    state = work_state(repo)
    if state.head is None:
        return "nothing is committed yet; commit the documents first (git add -A; git commit)"
    if state.branch != branch:
        return (
            f"the checkout is {state.branch or 'a detached HEAD'}, not the release branch "
            f"{branch}; adopt what is on {branch}: git switch {branch}"
        )
    if state.dirty:
        return (
            "the working tree has changes that are not committed ("
            + ", ".join(state.dirty[:5])
            + (" …" if len(state.dirty) > 5 else "")
            + "); the tag adopts the last commit, so commit or stash them first"
        )
    return ""


def _refuse(reason: str) -> int:
    click.echo(f"doccontrol: adopt refused: {reason}", err=True)
    return 1
