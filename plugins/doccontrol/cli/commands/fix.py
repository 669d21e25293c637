"""``doccontrol fix --typography``: full-width punctuation in Chinese text, in place."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

import click

from doccontrol.cli.language import cli_language, say
from doccontrol.edition.store import replace_file
from doccontrol.model.errors import DocControlError, UsageError
from doccontrol.model.messages import msg
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from doccontrol.sources.typography import describe, fix_typography


def _markdown_files(repo: Path, paths: tuple[Path, ...]) -> list[Path]:
    if not paths:
        roots = read_mkdocs_yml(repo).config.roots
        paths = tuple(repo / r for r in (*roots, "docs") if (repo / r).exists())
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise UsageError(msg("cli.fix.no-such-path", path=str(path)))
        files.extend(sorted(path.rglob("*.md")) if path.is_dir() else [path])
    return files


def fix(repo: Path, paths: tuple[Path, ...], typography: bool) -> int:
    """Rewrite only the ASCII marks in Chinese text, each file atomically; print each change."""
    # A broken mkdocs.yml is check's to report; fixing named files needs none.
    with suppress(DocControlError):
        cli_language(read_mkdocs_yml(repo).language)
    if not typography:
        raise UsageError(msg("cli.fix.what"))
    changed_files = 0
    for path in _markdown_files(repo, paths):
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(msg("cli.fix.not-utf8", path=str(path), reason=str(exc))) from None
        new_text, fixes = fix_typography(text)
        if not fixes:
            continue
        replace_file(path, new_text.encode("utf-8"))
        changed_files += 1
        shown = path.relative_to(repo) if path.is_relative_to(repo) else path
        for one in fixes:
            click.echo(f"{shown.as_posix()}:{one.line}: {describe(one)}")
    click.echo(say(msg("cli.fix.changed", count=changed_files) if changed_files else msg("cli.fix.nothing")))
    return 0
