"""``doccontrol adopt``: the top role tags the committed, paper-approved documents as the baseline."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import click

from doccontrol.cli.language import cli_language, say
from doccontrol.history.reader import BASELINE_TAG
from doccontrol.history.repository import configured_identity, make_annotated_tag, work_state
from doccontrol.history.trees import tag_target
from doccontrol.model.findings import OutputFormat, Severity, render_findings
from doccontrol.model.history import BaselineTag
from doccontrol.model.messages import Message, msg
from doccontrol.project.load import load_project
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from doccontrol.rendering.labels import label


def adopt(repo: Path, day: date | None) -> int:
    """Exit 0 with the tag made; 1, saying why, when adoption is refused."""
    site = read_mkdocs_yml(repo)
    cli_language(site.language)
    config = site.config
    refusal = _preconditions(repo, config.branch)
    if refusal is not None:
        return _refuse(refusal)
    identity = configured_identity(repo)
    if identity is None:
        return _refuse(msg("cli.adopt.no-identity"))
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
        return _refuse(msg("cli.adopt.no-roles", roles=config.roles))
    person = roles.by_email(identity.email)
    top = roles.members(roles.top)
    if person is None or person.name not in top:
        return _refuse(msg(
            "cli.adopt.not-top", name=identity.name, email=identity.email, top=roles.top,
            holders=tuple(top) if top else msg("cli.nobody"), roles=config.roles,
        ))
    history = project.history
    if history is not None and history.events and history.events[-1].committed.date() > when.date():
        return _refuse(msg(
            "cli.adopt.before-last-commit", date=str(when.date()),
            last=str(history.events[-1].committed.date()),
        ))
    errors = [f for f in project.findings if f.severity is Severity.ERROR]
    if errors:
        click.echo(render_findings(errors, OutputFormat.TEXT, language=cli_language()), err=True)
        return _refuse(msg("cli.adopt.errors", count=len(errors)))
    make_annotated_tag(repo, BASELINE_TAG, head, summary + "\n", when, identity)
    adopted = [d for d in (project.control.documents if project.control else ()) if d.revisions]
    click.echo("doccontrol: " + say(msg(
        "cli.adopt.tagged", tag=BASELINE_TAG, commit=head[:10], name=person.name,
        date=str(when.date()), count=len(adopted),
    )))
    click.echo(say(msg("cli.adopt.publish", tag=BASELINE_TAG)))
    return 0


def _preconditions(repo: Path, branch: str) -> Message | None:
    existing = tag_target(repo, BASELINE_TAG)
    if existing:
        return msg("cli.adopt.tag-exists", tag=BASELINE_TAG, commit=existing[:10])
    state = work_state(repo)
    if state.head is None:
        return msg("cli.adopt.nothing-committed")
    if state.branch != branch:
        checkout: str | Message = state.branch or msg("cli.adopt.detached")
        return msg("cli.adopt.wrong-branch", checkout=checkout, branch=branch)
    if state.dirty:
        files = ", ".join(state.dirty[:5]) + (" …" if len(state.dirty) > 5 else "")
        return msg("cli.adopt.dirty", files=files)
    return None


def _refuse(reason: Message) -> int:
    click.echo(f"doccontrol: {say(msg('cli.adopt.refused', reason=reason))}", err=True)
    return 1
