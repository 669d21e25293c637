"""``doccontrol records``: filled records, and those past retention that may be disposed of."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from doccontrol.project.load import load_project
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from doccontrol.rules.records import due_for_disposal, retained_until


def records(repo: Path, as_of: date | None, due_only: bool, fmt: str) -> int:
    project = load_project(repo, read_mkdocs_yml(repo).config, as_of)
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
                    f"({'、'.join(people) or '、'.join(approvers)})"
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
        click.echo("没有到期可销毁的记录。" if due_only else "没有记录。")
        return 0
    for row in rows:
        mark = "到期" if row["due"] else "保存中"
        click.echo(f"{row['path']}  {row['form']}  {row['date']}  保存至 {row['retained_until'] or '永久'}  {mark}")
        if row["dispose"]:
            click.echo(f"    销毁方法: {row['dispose']}")
    return 0
