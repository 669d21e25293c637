"""``check``'s print preflight: what ``release`` would refuse, found in the working tree (shell).

A pull request is checked before anyone approves it, so the text it proposes is
the working tree's: each controlled document's Markdown is converted with the
site's extensions (mkdocs.yml on disk), its resources are decided by the same
sandbox as an edition's (against the files on disk instead of git objects), and
its text is checked against the print fonts' coverage. Same finding codes as
``release``. Nothing is rendered, so it stays fast.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from doccontrol.edition.build import option_line, seal_finding, seal_problem
from doccontrol.edition.fonts import font_set
from doccontrol.edition.markup import convert, converter, markdown_setup
from doccontrol.edition.preflight import fence_findings, glyph_findings, table_findings
from doccontrol.edition.sandbox import Piece, sandbox_html
from doccontrol.model.documents import Document
from doccontrol.model.findings import Finding, Severity, error
from doccontrol.model.history import TreeEntry
from doccontrol.model.messages import msg
from doccontrol.project.load import Project
from doccontrol.sources.config import Config

_WORKTREE = "0" * 40  # the sandbox names a commit; the working tree has none
_FROM_TEXT = frozenset({"print-glyph", "edition-resource"})


class DiskTree:
    """The working tree through the sandbox's :class:`~doccontrol.edition.sandbox.Tree` view."""

    def __init__(self, repo: Path) -> None:
        self.repo = repo

    def entry(self, commit: str, path: str) -> TreeEntry | None:
        file = self.repo / path
        if file.is_symlink():
            return TreeEntry("120000", "link:" + path)
        return TreeEntry("100644", "file:" + path) if file.is_file() else None

    def blob(self, sha: str) -> bytes:
        kind, _, path = sha.partition(":")
        if kind == "link":
            return os.readlink(self.repo / path).encode("utf-8")
        return (self.repo / path).read_bytes()


def _pieces(doc: Document) -> list[Piece]:
    return [Piece(doc.path, doc.body, doc.body_line),
            *(Piece(c.path, c.body, c.body_line) for c in doc.chapters)]


def print_findings(project: Project, proposed: Config | None = None) -> list[Finding]:
    """Every finding of the print preflight for the working tree's controlled documents.

    ``proposed`` is the working tree's configuration: a pull request is checked as it
    would print once approved, so its own mkdocs.yml (fonts, extensions) is the one
    that counts here, while the approved one governs the replay.
    """
    repo = project.repo
    config_file = repo / "mkdocs.yml"
    try:
        text = config_file.read_text("utf-8") if config_file.is_file() else None
    except (OSError, UnicodeDecodeError):
        text = None  # the configuration check reports it
    found: list[Finding] = []
    md, unusable = converter(markdown_setup(text))
    found += unusable
    fonts = font_set(replace((proposed or project.config).print_fonts, line=option_line(text, "print_fonts")),
                     hashes=False)
    # A font this machine lacks may be installed where editions are made: say so, and do not
    # report every character as missing.
    missing_font = any("not installed" in f.message for f in fonts.findings)
    found += [replace(f, severity=Severity.WARNING) if "not installed" in f.message else f
              for f in fonts.findings]
    seal = (proposed or project.config).edition_signature.seal
    if seal:  # the seal the proposal names, as release will read it once approved
        file = repo / seal
        problem = seal_problem(file.read_bytes()) if file.is_file() else msg("edition-seal.not-in-repository")
        if problem is not None:
            found.append(seal_finding(seal, option_line(text, "seal"), problem))
    tree = DiskTree(repo)
    root = str(repo.resolve())
    from doccontrol.edition.diagrams import available

    diagrams = available()
    for doc in project.worktree.documents:
        for piece in _pieces(doc):
            if not missing_font:
                found += glyph_findings(piece, fonts.coverage)
            found += fence_findings(piece, diagrams)
            found += table_findings(piece)
            if md is not None:
                html = convert(md, piece.body)
                found += sandbox_html(html, piece, _WORKTREE, root, tree, lambda href: href).findings
    return found


def layout_findings(project: Project, proposed: Config | None = None) -> list[Finding]:
    """What only a layout finds (``check --print``): each controlled document of the working
    tree laid out as the edition lays it out, in parallel, and measured (``print-overflow``).

    The same print HTML, stylesheet and renderer as ``release`` (:mod:`doccontrol.edition.parts`),
    with the files a document loads read from the disk. Resource and glyph problems are
    left to :func:`print_findings`, so that nothing is reported twice.
    """
    from doccontrol.edition.fonts import fonts_css
    from doccontrol.edition.html import document_html, single_context, stylesheet
    from doccontrol.edition.parts import jobs, render_parts
    from doccontrol.edition.plan import proposed_document

    config = proposed or project.config
    repo = project.repo
    config_file = repo / "mkdocs.yml"
    try:
        text = config_file.read_text("utf-8") if config_file.is_file() else None
    except (OSError, UnicodeDecodeError):
        text = None
    md, _unusable = converter(markdown_setup(text))
    if md is None:
        return []  # print_findings reports the unusable extension; nothing can be laid out
    control = project.control
    titles = tuple(sorted({d.id: d.title for d in project.worktree.documents}.items()))
    withdrawn = (
        frozenset(c.id for c in control.documents if c.status.value == "withdrawn") if control else frozenset()
    )
    tree = DiskTree(repo)
    root = str(repo.resolve())
    printed = []
    for doc in project.worktree.documents:
        ctl = control.get(doc.id) if control is not None else None
        edoc = replace(proposed_document(doc, ctl, project.as_of), commit=_WORKTREE)
        ctx = single_context(
            config.organisation or "", edoc, project.worktree.roles, project.worktree.external, titles,
            withdrawn, md, config.language,
        )
        page = document_html(edoc, ctx, tree, root)
        printed.append((edoc.id, page.html, page.css, edoc.pieces))
    print_css = stylesheet() + fonts_css(config.print_fonts)
    parts = render_parts(repo, print_css, jobs(printed, print_css, "", ""), None, worktree=True)
    # Glyphs and resources are print_findings' (from the text, at each line): not twice.
    found: list[Finding] = [f for part in parts for f in part.findings if f.code not in _FROM_TEXT]
    for part in parts:
        if part.failure is not None:
            message, path, line = part.failure
            found.append(error(path or "mkdocs.yml", line or 1, "print-failed",
                               msg("print-failed", message=message)))
    return found
