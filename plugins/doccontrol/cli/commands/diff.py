"""``doccontrol diff``: what changed in a document between two revisions, as a redline."""

from __future__ import annotations

import posixpath
import sys
from datetime import date
from pathlib import Path

import click

from doccontrol.cli.language import cli_language, say
from doccontrol.history.reader import read_history
from doccontrol.model.errors import UsageError
from doccontrol.model.history import History
from doccontrol.model.messages import Message, msg
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from doccontrol.project.worktree import read_worktree
from doccontrol.rendering.redline import Kind, plain_marker, redline_text
from doccontrol.rules.control import DocumentControl, Revision, evaluate
from doccontrol.sources.catalog import build_catalog
from doccontrol.sources.text_file import decode

WORKTREE = "worktree"


def _coloured(kind: Kind, text: str) -> str:
    if kind is Kind.DELETE:
        return click.style(text, fg="red", strikethrough=True)
    if kind is Kind.INSERT:
        return click.style(text, fg="green", underline=True)
    return text


def _files(paths_blobs: tuple[tuple[str, str], ...], history: History) -> dict[str, str]:
    """A revision's files, keyed by their path inside the document (for folder documents)."""
    if not paths_blobs:
        return {}
    base = posixpath.dirname(paths_blobs[0][0]) if len(paths_blobs) > 1 else None
    out: dict[str, str] = {}
    for path, blob in paths_blobs:
        text, _ = decode(path, history.blobs.get(blob, b""))
        key = posixpath.relpath(path, base) if base is not None else ""
        out[key] = text or ""
    return out


def _pick(ctl: DocumentControl, label: str) -> Revision:
    for rev in ctl.revisions:
        if rev.label == label:
            return rev
    known: tuple[str, ...] | Message = tuple(r.label for r in ctl.revisions) or msg("cli.none")
    raise UsageError(msg("cli.diff.no-revision", id=ctl.id, label=label, known=known, worktree=WORKTREE))


def diff(
    repo: Path, doc_id: str, revisions: tuple[str, ...], color: bool | None, context: int
) -> int:
    site = read_mkdocs_yml(repo)
    config = site.config
    cli_language(site.language)
    history = read_history(repo, config)
    day = date.today()
    if history.events:
        day = max(day, history.events[-1].committed.date())
    control = evaluate(history, config, day)
    wanted = doc_id.strip().upper()
    ctl = control.get(wanted)
    if ctl is None or not ctl.revisions:
        raise UsageError(msg(
            "cli.diff.no-approved" if ctl else "cli.diff.unknown-id", id=doc_id, branch=config.branch
        ))

    def files_of(label: str) -> tuple[str, dict[str, str]]:
        if label.lower() == WORKTREE:
            sources, _ = read_worktree(repo, config)
            doc = build_catalog(sources, config).get(wanted)
            if doc is None:
                return say(msg("cli.diff.worktree-withdrawn")), {}
            data = {s.path: s.data for s in sources}
            pairs = {p: (decode(p, data[p])[0] or "") for p in doc.paths if p in data}
            base = posixpath.dirname(doc.path) if len(pairs) > 1 else None
            return say(msg("cli.diff.worktree")), {
                (posixpath.relpath(p, base) if base is not None else ""): t for p, t in pairs.items()
            }
        rev = _pick(ctl, label)
        who = "、".join(rev.approvers)
        return f"{rev.label} ({rev.issued}{', ' + who if who else ''})", _files(rev.files, history)

    if len(revisions) == 2:
        old_label, new_label = revisions
    else:
        shown = ctl.current or ctl.revisions[-1]
        new_label = shown.label
        if len(revisions) == 1:
            old_label = revisions[0]
        else:
            index = ctl.revisions.index(shown)
            old_label = ctl.revisions[index - 1].label if index > 0 else ""
    if old_label:
        old_name, old_files = files_of(old_label)
    else:
        old_name, old_files = "—", {}
    new_name, new_files = files_of(new_label)

    use_colour = sys.stdout.isatty() if color is None else color
    mark = _coloured if use_colour else plain_marker
    click.echo(f"{ctl.id} {ctl.title}: {old_name} → {new_name}")
    keys = sorted(set(old_files) | set(new_files), key=lambda k: (k not in ("", "index.md"), k))
    changed = False
    for key in keys:
        text = redline_text(old_files.get(key, ""), new_files.get(key, ""), mark, context)
        if not text:
            continue
        changed = True
        if key:
            click.echo(f"=== {key}" + ("" if key in new_files else say(msg("cli.diff.removed"))))
        click.echo(text, color=use_colour)
    if not changed:
        click.echo(say(msg("cli.diff.no-difference")))
    return 0
