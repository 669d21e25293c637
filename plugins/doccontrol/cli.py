"""The ``doccontrol`` command line: argument parsing only; the work is in ``commands``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import click

from .errors import DocControlError
from .findings import OutputFormat


class _Date(click.ParamType):
    name = "DATE"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date; write it as YYYY-MM-DD", param, ctx)


DATE = _Date()
repo_option = click.option(
    "--repo",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The repository to work on.",
)
as_of_option = click.option("--as-of", type=DATE, help="Evaluate as on this date (default: today).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="doccontrol")
def main() -> None:
    """Document control for quality documents kept as Markdown in git."""


@main.command()
@repo_option
@as_of_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f.value for f in OutputFormat]),
    default="text",
    show_default=True,
)
def check(repo: Path, as_of: date | None, fmt: str) -> None:
    """Report every finding; exit 1 when any is an error."""
    from .commands.check import check as run

    _guarded(lambda: run(repo.resolve(), as_of, OutputFormat(fmt)))


@main.command()
@repo_option
@as_of_option
@click.option("--preview", is_flag=True, help="Show the working tree, marked DRAFT.")
@click.option("-d", "--site-dir", type=click.Path(path_type=Path), help="Where to write the site.")
@click.option("--strict", is_flag=True, help="Fail on any warning, as mkdocs build --strict.")
def build(repo: Path, as_of: date | None, preview: bool, site_dir: Path | None, strict: bool) -> None:
    """Build the intranet site."""
    from .commands.build import build as run

    _guarded(lambda: run(repo.resolve(), as_of, preview, site_dir, strict))


@main.command()
@repo_option
@as_of_option
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
def register(repo: Path, as_of: date | None, fmt: str) -> None:
    """The document register: every document with its status and revision history."""
    from .commands.register import register as run

    _guarded(lambda: run(repo.resolve(), as_of, fmt))


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=Path("demo"))
def demo(directory: Path) -> None:
    """Replay a year of document control on the sample organisation, then build its site."""
    from .commands.demo import demo as run

    _guarded(lambda: run(directory.resolve()))


def _guarded(command: Callable[[], int]) -> None:
    try:
        code = command()
    except DocControlError as exc:
        click.echo(f"doccontrol: error: {exc}", err=True)
        code = 2
    except KeyboardInterrupt:
        click.echo("doccontrol: interrupted", err=True)
        code = 130
    sys.exit(code)
