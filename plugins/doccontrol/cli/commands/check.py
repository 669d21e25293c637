"""``doccontrol check``: every finding, in text, JSON or GitHub annotations."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from doccontrol.model.errors import ConfigError
from doccontrol.model.findings import (
    OutputFormat,
    error,
    has_errors,
    render_findings,
    sort_findings,
    summary_line,
)
from doccontrol.project.load import load_project
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from doccontrol.sources.typography import catalog_typography


def check(repo: Path, as_of: date | None, fmt: OutputFormat) -> int:
    """Exit 0 when nothing is an error, 1 otherwise."""
    try:
        site = read_mkdocs_yml(repo)
        project = load_project(repo, site.config, as_of)
        # Typography is the author's concern, not the site's: only check reports it.
        findings = sort_findings([*project.findings, *catalog_typography(project.worktree)])
    except ConfigError as exc:
        findings = [error(exc.path or "mkdocs.yml", exc.line or 1, "config", exc.message)]
    output = render_findings(findings, fmt)
    if output:
        print(output)
    if fmt is OutputFormat.TEXT:
        print(summary_line(findings), file=sys.stderr)
    return 1 if has_errors(findings) else 0
