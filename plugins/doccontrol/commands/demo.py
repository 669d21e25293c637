"""``doccontrol demo``: the main job on the embedded sample organisation."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from ..config import read_mkdocs_yml
from ..demo import build_history, prepare
from ..project import load_project
from ..register import register
from .build import build


def demo(target: Path, today: date | None = None) -> int:
    today = today or date.today()
    with click.progressbar(length=3, label="doccontrol demo", file=sys.stderr) as bar:
        prepare(target)
        build_history(target, today)
        bar.update(1)
        project = load_project(target, read_mkdocs_yml(target).config, today)
        data = register(project)
        bar.update(1)
        code = build(target, None, False, target / "site")
        bar.update(1)
    if code:
        return code
    (target / "register.json").write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    click.echo(f"\n样例组织的文件控制状态（{today}）:")
    for doc in data["documents"]:
        flags = []
        if doc["pending"]:
            flags.append(f"{doc['pending']['revision']} 将于 {doc['pending']['effective']} 实施")
        if doc["unapproved_change"]:
            flags.append("有未经批准的修改")
        if doc["review_overdue"]:
            flags.append("评审逾期")
        click.echo(
            f"  {doc['id']:<9} {doc['status']:<9} {doc['revision'] or '—':<5} "
            f"{doc['title']}" + (f"  [{'；'.join(flags)}]" if flags else "")
        )
    click.echo("\n发现的问题（doccontrol check）:")
    for finding in project.findings:
        click.echo("  " + finding.as_text())
    click.echo(f"\n站点: {target / 'site' / 'index.html'}")
    click.echo(f"登记表: {target / 'register.json'}")
    return 0
