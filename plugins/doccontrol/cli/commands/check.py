"""``doccontrol check``: every finding, in text, JSON or GitHub annotations."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from doccontrol.cli.language import cli_language
from doccontrol.model.errors import ConfigError
from doccontrol.model.findings import (
    OutputFormat,
    error,
    has_errors,
    render_findings,
    sort_findings,
    summary_line,
)
from doccontrol.model.messages import msg
from doccontrol.project.load import load_project
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from doccontrol.project.site_links import link_findings
from doccontrol.rendering.trust import trust_annotations, trust_lines, trust_records
from doccontrol.sources.typography import catalog_typography


def check(
    repo: Path,
    as_of: date | None,
    fmt: OutputFormat,
    strict: bool = False,
    explain_trust: bool = False,
    print_layout: bool = False,
) -> int:
    """Exit 0 when nothing is an error (with ``strict``, nothing at all), 1 otherwise.

    ``explain_trust`` adds what every approval rests on: lines after the findings in
    text, a ``trust`` array next to them in JSON, a folded log group (and a notice on
    each approval resting on forge-written trailers) in GitHub's format.
    ``print_layout`` also lays every document out as the edition would (``--print``).
    """
    trust: list[str] = []
    # With the flag, JSON always carries the array, empty when nothing could be read.
    extra: dict[str, object] | None = (
        {"trust": []} if explain_trust and fmt is OutputFormat.JSON else None
    )
    annotations: list[str] = []
    site_language: str | None = None
    try:
        site = read_mkdocs_yml(repo)
        site_language = site.language
        cli_language(site_language)  # an error from here on speaks the site's language
        project = load_project(repo, site.config, as_of)
        from doccontrol.edition.printcheck import (  # fonts, WeasyPrint
            layout_findings,
            print_findings,
        )

        # Typography is the author's concern, not the site's: only check reports it.
        findings = sort_findings(
            [*site.findings, *project.findings, *link_findings(project), *print_findings(project, site.config),
             *catalog_typography(project.worktree),
             *(layout_findings(project, site.config) if print_layout else ())]
        )
        if explain_trust and project.control is not None:
            if fmt is OutputFormat.TEXT:
                trust = trust_lines(project.control, cli_language(site_language))
            elif fmt is OutputFormat.JSON:
                extra = {"trust": trust_records(project.control, cli_language(site_language))}
            else:
                annotations = trust_annotations(project.control, cli_language(site_language))
    except ConfigError as exc:
        findings = [error(exc.path or "mkdocs.yml", exc.line or 1, "config", exc.text)]
    language = cli_language(site_language)
    output = render_findings(findings, fmt, extra, language)
    if output:
        print(output)
    if annotations:
        print("\n".join(annotations))
    if trust:
        print(msg("cli.check.trust").render(language))
        print("\n".join(trust))
    if fmt is OutputFormat.TEXT:
        print(summary_line(findings, language), file=sys.stderr)
    return 1 if has_errors(findings) or (strict and findings) else 0
