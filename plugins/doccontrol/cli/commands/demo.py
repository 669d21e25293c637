"""``doccontrol demo``: the main job on the embedded sample organisation."""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from pathlib import Path

import click

from doccontrol.cli.commands.build import build
from doccontrol.cli.language import cli_language, say
from doccontrol.history.demo import SIGNING_DIR, build_history, prepare
from doccontrol.model.messages import Message, msg
from doccontrol.project.load import load_project
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from doccontrol.registers.register_json import register_data

EDITION_LAG = 5  # days: the edition precedes the demo's unapproved commit (4 days ago)
DEMO_PASSWORD = "demo"
DEMO_ORGANISATION = "杭州恒信家电售后服务有限公司（演示）"


def demo_key(target: Path) -> tuple[Path, Path]:
    """The demo's signing key and certificate, made on the first run (self-signed, labelled DEMO)."""
    folder = target / SIGNING_DIR
    key, cert = folder / "demo-key.p12", folder / "demo-cert.pem"
    if key.is_file() and cert.is_file():
        return key, cert
    from doccontrol.edition.sign import DEMO_CN, make_self_signed

    folder.mkdir(parents=True, exist_ok=True)
    p12, pem = make_self_signed(DEMO_CN, DEMO_ORGANISATION, DEMO_PASSWORD)
    key.write_bytes(p12)
    key.chmod(0o600)
    cert.write_bytes(pem)
    (folder / "README.txt").write_text(
        "doccontrol demo 的签名密钥：自签名，仅供演示，不得用于生产。\n"
        f"This is the doccontrol demo's signing key ({DEMO_CN}), self-signed, password "
        f"'{DEMO_PASSWORD}'. It is NOT FOR PRODUCTION: sign real editions with your "
        "organisation's key (doccontrol release --key FILE.p12).\n",
        "utf-8",
    )
    return key, cert


def demo(target: Path, today: date | None = None) -> int:
    from doccontrol.cli.commands.release import make_edition

    today = today or date.today()
    with click.progressbar(length=4, label="doccontrol demo", file=sys.stderr) as bar:
        prepare(target)
        build_history(target, today)
        bar.update(1)
        key, cert = demo_key(target)
        edition = make_edition(
            target, today - timedelta(days=EDITION_LAG), target, key, DEMO_PASSWORD, None, today
        )
        bar.update(1)
        site = read_mkdocs_yml(target)
        language = cli_language(site.language)
        project = load_project(target, site.config, today)
        data = register_data(
            project.as_of, project.control, project.approved, project.worktree, project.findings,
            language,
        )
        bar.update(1)
        code = build(target, None, False, target / "site")
        bar.update(1)
    if code:
        return code
    (target / "register.json").write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    click.echo("\n" + say(msg("cli.demo.state", date=str(today))))
    for doc in data["documents"]:
        flags: list[Message] = []
        if doc["pending"]:
            flags.append(msg("cli.demo.pending", revision=doc["pending"]["revision"],
                             effective=doc["pending"]["effective"]))
        if doc["unapproved_change"]:
            flags.append(msg("cli.demo.unapproved"))
        if doc["review_overdue"]:
            flags.append(msg("cli.demo.overdue"))
        click.echo(
            f"  {doc['id']:<9} {doc['status']:<9} {doc['revision'] or '—':<5} "
            f"{doc['title']}" + ("  " + say(msg("cli.demo.flags", flags=tuple(flags))) if flags else "")
        )
    click.echo("\n" + say(msg("cli.demo.findings")))
    for finding in project.findings:
        click.echo("  " + finding.as_text(language))
    built = edition.built
    click.echo("\n" + say(msg("cli.demo.edition", pdf=str(edition.pdf))))
    click.echo("  " + say(msg(
        "cli.demo.edition-size", date=str(built.plan.date), documents=len(built.plan.documents),
        pages=built.pages, size=f"{edition.size / 1e6:.1f}", seconds=f"{built.seconds:.1f}",
    )))
    click.echo(f"  SHA-256 {edition.sha256}")
    click.echo("  " + say(msg("cli.demo.key", key_file=str(key), password=DEMO_PASSWORD, cert=str(cert))))
    click.echo("  " + say(msg("cli.demo.verify", pdf=str(edition.pdf), cert=str(cert), repo=str(target))))
    click.echo("\n" + say(msg("cli.demo.site", path=str(target / "site" / "index.html"))))
    click.echo(say(msg("cli.demo.register", path=str(target / "register.json"))))
    return 0
