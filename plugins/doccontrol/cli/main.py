"""The ``doccontrol`` command line: argument parsing only; the work is in ``commands``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import click

from doccontrol.cli.language import cli_language
from doccontrol.model.errors import DocControlError
from doccontrol.model.findings import OutputFormat
from doccontrol.model.messages import msg


class _Date(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click
    name = "DATE"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(msg("cli.not-a-date", value=repr(value)).render(cli_language()), param, ctx)


DATE = _Date()
repo_option = click.option(
    "--repo",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The repository to work on.",
)
as_of_option = click.option("--as-of", type=DATE, help="Evaluate as on this date (default: today).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="doccontrol")
@click.option("--lang", "language", type=click.Choice(["zh", "en"]), default=None,
              help="The language of messages (default: $DOCCONTROL_LANG, else theme.language).")
def main(language: str | None) -> None:
    """Document control for quality documents kept as Markdown in git."""
    from doccontrol.cli.language import choose

    choose(language)


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
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, as mkdocs build --strict.")
@click.option(
    "--explain-trust",
    is_flag=True,
    help="Also print what every approval rests on (a merge, a sign-off, a trailer, the forge).",
)
@click.option(
    "--print",
    "print_layout",
    is_flag=True,
    help="Also lay every document out as the edition would, and report what only a layout finds "
    "(print-overflow).",
)
def check(repo: Path, as_of: date | None, fmt: str, strict: bool, explain_trust: bool, print_layout: bool) -> None:
    """Report every finding; exit 1 when any is an error (with --strict, any at all)."""
    from doccontrol.cli.commands.check import check as run

    _guarded(lambda: run(repo.resolve(), as_of, OutputFormat(fmt), strict, explain_trust, print_layout))


@main.command()
@repo_option
@as_of_option
@click.option("--preview", is_flag=True, help="Show the working tree, marked DRAFT.")
@click.option("-d", "--site-dir", type=click.Path(path_type=Path), help="Where to write the site.")
@click.option("--strict", is_flag=True, help="Fail on any warning, as mkdocs build --strict.")
def build(repo: Path, as_of: date | None, preview: bool, site_dir: Path | None, strict: bool) -> None:
    """Build the intranet site."""
    from doccontrol.cli.commands.build import build as run

    _guarded(lambda: run(repo.resolve(), as_of, preview, site_dir, strict))


@main.command()
@repo_option
@as_of_option
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
def register(repo: Path, as_of: date | None, fmt: str) -> None:
    """The document register: every document with its status and revision history."""
    from doccontrol.cli.commands.register import register as run

    _guarded(lambda: run(repo.resolve(), as_of, fmt))


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=Path("demo"))
def demo(directory: Path) -> None:
    """Replay a year of document control on the sample organisation, then build its site."""
    from doccontrol.cli.commands.demo import demo as run

    _guarded(lambda: run(directory.resolve()))


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=Path("."))
@click.option("--sample/--empty", default=False, help="Copy the sample organisation, or start empty.")
@click.option("--lang", "language", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="The site's language and the starter files' wording.")
@click.option("--standard", help="Built-in clause set: sbt-10382-2004, gb-t-19001-2016, iso-13485-2016 "
              "(default: sbt-10382-2004 in Chinese, iso-13485-2016 in English).")
def init(directory: Path, sample: bool, language: str, standard: str | None) -> None:
    """Start an organisation in DIRECTORY: mkdocs.yml, roles, clause list, CI files, git."""
    from doccontrol.cli.commands.init import init as run

    _guarded(lambda: run(directory.resolve(), sample, language, standard))


@main.command()
@repo_option
@click.option("--date", "day", type=DATE, help="The adoption date (default: today).")
def adopt(repo: Path, day: date | None) -> None:
    """Tag the committed documents as approved on paper: the doccontrol/baseline tag."""
    from doccontrol.cli.commands.adopt import adopt as run

    _guarded(lambda: run(repo.resolve(), day))


@main.command()
@repo_option
@as_of_option
@click.option("--due", is_flag=True, help="Only records past retention that may be disposed of.")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
def records(repo: Path, as_of: date | None, due: bool, fmt: str) -> None:
    """Filled records and their retention; with --due, what may be disposed of and how."""
    from doccontrol.cli.commands.records import records as run

    _guarded(lambda: run(repo.resolve(), as_of, due, fmt))


# --- owners' and approvers' workflow: new, status, codeowners, diff ------------------------


def _names_option(value: str | None) -> tuple[str, ...]:
    return tuple(n.strip() for n in (value or "").replace("，", ",").split(",") if n.strip())


@main.command("new")
@click.argument("doc_type", metavar="TYPE")
@click.option("--title", required=True, help="The document's title (文件名称).")
@repo_option
@click.option("--owner", help="Role or person who owns it (编制); default from 'defaults' in mkdocs.yml.")
@click.option("--approvers", help="Comma-separated roles or people who approve it (批准).")
@click.option("--procedure", help="Record forms: the procedure whose number the form takes (QP-05).")
@click.option("--id", "doc_id", help="A particular id instead of the next free one.")
@click.option("--slug", help="File name after the id, e.g. complaint-handling (default: the id alone).")
@click.option("--retention", help="Record forms: 保存期限, e.g. 3y.")
@click.option("--storage", help="Record forms: 保存地点.")
def new_command(
    doc_type: str,
    title: str,
    repo: Path,
    owner: str | None,
    approvers: str | None,
    procedure: str | None,
    doc_id: str | None,
    slug: str | None,
    retention: str | None,
    storage: str | None,
) -> None:
    """Add a document of TYPE (a key of the 'types' option) with the next free id."""
    from doccontrol.cli.commands.new import new as run
    from doccontrol.workflow.new_document import NewRequest

    request = NewRequest(
        doc_type,
        title,
        owner,
        _names_option(approvers),
        procedure,
        doc_id,
        slug,
        retention,
        storage,
    )
    _guarded(lambda: run(repo.resolve(), request))


@main.command()
@repo_option
@click.option("--base", help="The branch this one will merge into (default: main, or origin/main).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
@as_of_option
def status(repo: Path, base: str | None, fmt: str, as_of: date | None) -> None:
    """What this branch changes, the revision each document gets, and who may approve it."""
    from doccontrol.cli.commands.status import status as run

    _guarded(lambda: run(repo.resolve(), base, fmt, as_of))


@main.command()
@repo_option
@click.option("--format", "fmt", type=click.Choice(["github", "gitlab"]), default="github", show_default=True)
@click.option("--write", is_flag=True, help="Write the file instead of printing it.")
@click.option("--path", "out", help="Where to write (default: the forge's usual place).")
def codeowners(repo: Path, fmt: str, write: bool, out: str | None) -> None:
    """CODEOWNERS from each document's approvers, so the forge asks the right reviewers."""
    from doccontrol.cli.commands.codeowners import codeowners as run

    _guarded(lambda: run(repo.resolve(), fmt, write, out))


@main.command()
@click.argument("doc_id", metavar="ID")
@click.argument("revisions", nargs=-1, metavar="[REV1 [REV2]]")
@repo_option
@click.option("--color/--no-color", default=None, help="Colour (default: when writing to a terminal).")
@click.option("--context", default=2, show_default=True, help="Unchanged lines around each change.")
def diff(doc_id: str, revisions: tuple[str, ...], repo: Path, color: bool | None, context: int) -> None:
    """Redline of a document between two revisions (default: the last two; 'worktree' for edits)."""
    from doccontrol.cli.commands.diff import diff as run

    if len(revisions) > 2:
        raise click.UsageError(msg("cli.diff.too-many").render(cli_language()))
    _guarded(lambda: run(repo.resolve(), doc_id, revisions, color, context))


@main.command()
@repo_option
@click.option("--date", "day", type=DATE, help="The edition's date (default: today).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Write editions/DATE/ here (default: the repository).")
@click.option("--key", type=click.Path(dir_okay=False, path_type=Path),
              help="PKCS#12 signing key (default: $DOCCONTROL_SIGNING_KEY).")
@click.option("--password", help="The key's password (default: $DOCCONTROL_SIGNING_PASSWORD).")
@click.option("--tsa", metavar="URL", help="RFC 3161 timestamp authority: PAdES B-T instead of B-B.")
@click.option("--tagged", is_flag=True,
              help="Sign the edition of the existing edition/DATE tag without tagging again "
                   "(CI on a pushed tag).")
@click.option("--cache-keep", type=click.IntRange(min=0), default=3, show_default=True,
              envvar="DOCCONTROL_CACHE_KEEP",
              help="Keep the rendered parts the last N editions used; others leave the cache.")
@click.option("--cache-max-age", type=click.FloatRange(min=0), default=180, show_default=True,
              envvar="DOCCONTROL_CACHE_MAX_AGE",
              help="Days after which a part no edition used leaves the cache.")
def release(repo: Path, day: date | None, out: Path | None, key: Path | None,
            password: str | None, tsa: str | None, tagged: bool, cache_keep: int, cache_max_age: float) -> None:
    """Issue the signed PDF edition of the documents current on DATE, and tag it."""
    from doccontrol.cli.commands.release import release as run
    from doccontrol.edition.partcache import CachePolicy

    policy = CachePolicy(cache_keep, cache_max_age)
    _guarded(lambda: run(repo.resolve(), day, out.resolve() if out else None,
                         key.resolve() if key else None, password, tsa, tagged, policy))


@main.command()
@click.argument("pdf", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--trust", type=click.Path(dir_okay=False, path_type=Path), multiple=True,
              help="Certificate (PEM or DER) the signer must chain to; repeatable.")
@click.option("--repo", type=click.Path(file_okay=False, path_type=Path),
              help="Rebuild the edition from this repository and compare.")
def verify(pdf: Path, trust: tuple[Path, ...], repo: Path | None) -> None:
    """Check an edition: signature, trust, manifest and, with --repo, a rebuild from git."""
    from doccontrol.cli.commands.verify import verify as run

    _guarded(lambda: run(pdf, list(trust), repo.resolve() if repo else None))


@main.command()
@repo_option
@click.option("--typography", is_flag=True,
              help="ASCII , ; : ( ) ! ? and straight quotes in Chinese text become full width.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def fix(repo: Path, typography: bool, paths: tuple[Path, ...]) -> None:
    """Rewrite fixable findings in place (default: the controlled roots and docs/)."""
    from doccontrol.cli.commands.fix import fix as run

    _guarded(lambda: run(repo.resolve(), tuple(p.resolve() for p in paths), typography))


def _guarded(command: Callable[[], int]) -> None:
    try:
        code = command()
    except DocControlError as exc:
        # The prefix stays as check's `error:` so scripts can match it in either language.
        click.echo(f"doccontrol: error: {exc.render(cli_language())}", err=True)
        code = 2
    except KeyboardInterrupt:
        click.echo(f"doccontrol: {msg('cli.interrupted').render(cli_language())}", err=True)
        code = 130
    sys.exit(code)
