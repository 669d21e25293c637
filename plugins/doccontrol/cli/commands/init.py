"""``doccontrol init``: a new organisation, empty or from the sample, in a git repository."""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from importlib import resources
from pathlib import Path

import click

from doccontrol.cli.language import cli_language, say
from doccontrol.history.demo import SAMPLE_PARTS, sample_root
from doccontrol.history.repository import configured_identity, init_repository, is_repository
from doccontrol.model.errors import UsageError
from doccontrol.model.messages import msg
from doccontrol.sources.clause_sets import BUILTIN, builtin_text
from doccontrol.workflow.organisation import DEFAULT_STANDARD, StarterRequest, starter_files


def init(target: Path, sample: bool, language: str, standard: str | None) -> int:
    """Write the starter files (and with ``sample`` the sample organisation); exit 1 if any exists."""
    cli_language(language)
    if sample and standard and standard != "sbt-10382-2004":
        raise UsageError(msg("cli.init.sample-standard"))
    name = standard or DEFAULT_STANDARD[language]
    clause_text = builtin_text(name)
    if clause_text is None:
        raise UsageError(msg("cli.init.unknown-standard", name=name, known=tuple(BUILTIN)))
    ci = resources.files("doccontrol").joinpath("sample/ci")
    starting = not target.exists() or not is_repository(target)
    request = StarterRequest(
        language,
        clause_text,
        ci.joinpath("github-workflow.yml").read_text("utf-8"),
        ci.joinpath("gitlab-ci.yml").read_text("utf-8"),
        None,
    )
    files = starter_files(request, with_config=not sample)
    copied = _sample_files() if sample else {}
    clashes = sorted(p for p in [*files, *copied] if (target / p).exists() or (target / p).is_symlink())
    if clashes:
        shown = ", ".join(clashes[:8]) + (
            say(msg("cli.init.more", count=len(clashes) - 8)) if len(clashes) > 8 else ""
        )
        click.echo(f"doccontrol: error: {say(msg('cli.init.clashes', target=str(target), files=shown))}",
                   err=True)
        return 1
    target.mkdir(parents=True, exist_ok=True)
    if starting:
        init_repository(target, "main")
    # git's identity (global or local) is the top role's first holder, so that whoever
    # runs init can adopt at once; the other people are placeholders to fill in.
    files = starter_files(
        replace(request, committer=configured_identity(target)), with_config=not sample
    )
    for rel, source in copied.items():
        _write(target / rel, source.read_bytes())
    for rel, text in files.items():
        _write(target / rel, text.encode("utf-8"))
    wrote = msg("cli.init.wrote-repository" if starting else "cli.init.wrote",
                count=len(files) + len(copied), target=str(target))
    click.echo(f"doccontrol: {say(wrote)}")
    click.echo(say(msg("cli.init.next")))
    return 0


def _sample_files() -> dict[str, Path]:
    root = sample_root()
    found: dict[str, Path] = {}
    for part in SAMPLE_PARTS:
        path = root / part
        if path.is_file():
            found[part] = path
            continue
        for dirpath, dirnames, filenames in os.walk(path, followlinks=True):
            dirnames[:] = sorted(d for d in dirnames if d not in ("site", "__pycache__"))
            for name in sorted(filenames):
                full = Path(dirpath) / name
                found[(Path(part) / full.relative_to(path)).as_posix()] = full
    return found


def _write(path: Path, data: bytes) -> None:
    """Written to a temporary name and renamed, so no file is ever half there."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
