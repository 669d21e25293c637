"""``doccontrol codeowners``: CODEOWNERS for GitHub or GitLab from the documents' approvers."""

from __future__ import annotations

import sys
from pathlib import Path

from doccontrol.cli.language import cli_language, say
from doccontrol.model.errors import UsageError
from doccontrol.model.messages import msg
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from doccontrol.project.worktree import read_worktree
from doccontrol.sources.catalog import build_catalog
from doccontrol.workflow.codeowners import Forge, generate_codeowners


def codeowners(repo: Path, fmt: str, write: bool, out: str | None) -> int:
    site = read_mkdocs_yml(repo)
    config = site.config
    cli_language(site.language)
    sources, _ = read_worktree(repo, config)
    catalog = build_catalog(sources, config)
    if catalog.roles is None:
        raise UsageError(msg("cli.roles-unreadable", roles=config.roles))
    forge = Forge(fmt)
    text = generate_codeowners(catalog, catalog.roles, forge, config.min_approvals, config.language)
    missing = sorted(
        {
            holder
            for doc in catalog.documents
            for name in doc.approvers
            for holder in catalog.roles.holders(name)
            if not (p := catalog.roles.person(holder)) or not p.handles
        }
    )
    if missing:
        print(
            "doccontrol: warning: " + say(msg("cli.codeowners.no-handle", names=missing, roles=config.roles)),
            file=sys.stderr,
        )
    if not write:
        sys.stdout.write(text)
        return 0
    rel = out or next((p for p in forge.search_order if (repo / p).is_file()), forge.default_path)
    target = repo / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"doccontrol: {say(msg('cli.codeowners.wrote', path=rel))}", file=sys.stderr)
    return 0
