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
from doccontrol.project.site_links import link_findings
from doccontrol.rendering.trust import trust_lines
from doccontrol.sources.typography import catalog_typography


def check(
    repo: Path, as_of: date | None, fmt: OutputFormat, strict: bool = False, explain_trust: bool = False
) -> int:
    """Exit 0 when nothing is an error (with ``strict``, nothing at all), 1 otherwise.

    ``explain_trust`` adds, after the findings in text format, what every approval rests on.
    """
    trust: list[str] = []
    try:
        site = read_mkdocs_yml(repo)
        project = load_project(repo, site.config, as_of)
        from doccontrol.edition.printcheck import print_findings  # loads the font machinery

        # Typography is the author's concern, not the site's: only check reports it.
        findings = sort_findings(
            [*site.findings, *project.findings, *link_findings(project), *print_findings(project),
             *catalog_typography(project.worktree)]
        )
        if explain_trust and fmt is OutputFormat.TEXT and project.control is not None:
            trust = trust_lines(project.control)
    except ConfigError as exc:
        findings = [error(exc.path or "mkdocs.yml", exc.line or 1, "config", exc.message)]
    output = render_findings(findings, fmt)
    if output:
        print(output)
    if trust:
        print("What each approval rests on:")
        print("\n".join(trust))
    if fmt is OutputFormat.TEXT:
        print(summary_line(findings), file=sys.stderr)
    return 1 if has_errors(findings) or (strict and findings) else 0
