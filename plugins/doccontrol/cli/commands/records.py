"""``doccontrol records``: filled records, and those past retention that may be disposed of."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from doccontrol.cli.language import cli_language
from doccontrol.project.load import load_project
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from doccontrol.rendering.labels import names, section_of
from doccontrol.rules.records import due_for_disposal, retained_until


def records(repo: Path, as_of: date | None, due_only: bool, fmt: str) -> int:
    site = read_mkdocs_yml(repo)
    language = cli_language(site.language)
    project = load_project(repo, site.config, as_of)
    words = section_of(language, "cli")
    catalog = project.worktree
    due = {d.record.path: d for d in due_for_disposal(project.records, catalog, project.as_of)}
    roles = project.control.roles if project.control else catalog.roles
    rows = []
    for record in project.records:
        if due_only and record.path not in due:
            continue
        form = catalog.get(record.form)
        months = form.retention.months if form and form.retention else None
        until = retained_until(record.date, months)
        approvers = form.approvers if form else ()
        people = sorted({p for a in approvers for p in (roles.holders(a) if roles else ())})
        rows.append(
            {
                "path": record.path,
                "form": record.form,
                "date": record.date.isoformat(),
                "by": record.by,
                "title": record.title,
                "retained_until": until.isoformat() if until else None,
                "due": record.path in due,
                "corrects": record.corrects,
                "dispose": (
                    f"open a pull request that deletes {record.path}"
                    + (f" and its sidecar {record.sidecar}" if record.sidecar else "")
                    + " with the trailer "
                    f"'Disposed: {record.path}', merged by an approver of {record.form} "
                    f"({names(people, language) or names(approvers, language)})"
                    if record.path in due
                    else None
                ),
            }
        )
    if fmt == "json":
        click.echo(json.dumps({"as_of": project.as_of.isoformat(), "records": rows},
                              ensure_ascii=False, indent=2))
        return 0
    if not rows:
        click.echo(words["records_none_due"] if due_only else words["records_none"])
        return 0
    forever = section_of(language, "retention")["permanent"]
    for row in rows:
        mark = words["records_due"] if row["due"] else words["records_kept"]
        click.echo(
            f"{row['path']}  {row['form']}  {row['date']}  {words['records_until']} "
            f"{row['retained_until'] or forever}  {mark}"
        )
        if row["dispose"]:
            click.echo(f"    {words['records_dispose']}: {row['dispose']}")
    return 0
