"""What the site shows of editions and printed documents.

- :func:`editions_page_markdown`: the Editions page (版次), built from the
  annotated ``edition/*`` tags (date, SHA-256 and signer are in the message),
  never from files in the working tree; a download is linked only when the
  PDF's SHA-256 is the one its tag names.
- :func:`edition_files`: the files of every edition, for the site to serve.
- :func:`document_pdf`: a document's own PDF (the site's 下载 PDF), rendered once
  per revision and kept in a cache keyed by id, revision and git blobs.

This module imports no renderer until a PDF has to be rendered, so the MkDocs
plugin can import it freely.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from doccontrol.edition.plan import edition_document, in_edition
from doccontrol.edition.store import FOLDER, SUMS, replace_file, sums_line
from doccontrol.model.errors import DocControlError
from doccontrol.model.messages import msg
from doccontrol.rendering.escape import markdown_text
from doccontrol.rendering.labels import section_of

if TYPE_CHECKING:  # the project is loaded by the shell; the plan only reads it
    from doccontrol.project.load import Project

CACHE = Path(".doccontrol-cache") / "pdf"

def _words(language: str) -> Mapping[str, str]:
    return section_of(language, "editions")


@dataclass(frozen=True)
class EditionTag:
    """What an annotated ``edition/DATE`` tag says (see ``cli.commands.release``)."""

    date: str
    commit: str
    sha256: str
    file: str  # the PDF's name
    signer: str
    documents: str
    pages: str


_SUM = re.compile(r"^([0-9a-f]{64})  (\S+)$", re.MULTILINE)
_SIGNER = re.compile(r"^signed by (.+?) \(certificate", re.MULTILINE)
_COUNT = re.compile(r"^(\d+) documents, (\d+) pages$", re.MULTILINE)


def parse_edition_tag(name: str, commit: str, message: str) -> EditionTag | None:
    """An edition tag's message read back; None when it is not one a release wrote."""
    day = name.removeprefix("edition/")
    found = _SUM.search(message)
    if found is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        return None
    signer = _SIGNER.search(message)
    count = _COUNT.search(message)
    return EditionTag(
        day,
        commit,
        found.group(1),
        posixpath.basename(found.group(2)),
        signer.group(1) if signer else "",
        count.group(1) if count else "?",
        count.group(2) if count else "?",
    )


def edition_tags(repo: Path) -> list[EditionTag]:
    from doccontrol.history.trees import annotated_edition_tags as read_tags

    tags = (parse_edition_tag(*tag) for tag in read_tags(repo))
    return sorted((t for t in tags if t is not None), key=lambda t: t.date, reverse=True)


def _tagged_pdf(repo: Path, tag: EditionTag) -> Path | None:
    """The edition's PDF in the working tree, only if it is the one the tag names."""
    pdf = repo / FOLDER / tag.date / tag.file
    if not pdf.is_file() or hashlib.sha256(pdf.read_bytes()).hexdigest() != tag.sha256:
        return None
    return pdf


def editions_page_markdown(repo: Path, language: str) -> str:
    """The Editions page from the ``edition/*`` tags: date, commit, SHA-256, signer, download."""
    words = _words(language)
    tags = edition_tags(repo)
    lines = [f"# {words['title']}", "", words["intro"], ""]
    if not tags:
        return "\n".join([*lines, words["none"], ""])
    head = words["head"].split(" | ")
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for tag in tags:
        count = words["count"].format(docs=tag.documents, pages=tag.pages)
        file = f"{tag.date}/{tag.file}"
        download = (
            f"[{markdown_text(tag.file)}]({FOLDER}/{file})" if _tagged_pdf(repo, tag) else "—"
        )
        cells = [tag.date, f"`{tag.commit[:12]}`", f"`{tag.sha256}`", markdown_text(tag.signer)]
        lines.append("| " + " | ".join([*cells, count, download]) + " |")
    return "\n".join([*lines, ""])


def edition_files(repo: Path) -> list[tuple[str, Path]]:
    """(site path, file) of every tagged edition's PDF and checksums, for the site to serve."""
    out: list[tuple[str, Path]] = []
    for tag in edition_tags(repo):
        pdf = _tagged_pdf(repo, tag)
        if pdf is None:
            continue
        out.append((f"{FOLDER}/{tag.date}/{tag.file}", pdf))
        sums = pdf.parent / SUMS
        if sums.is_file() and sums.read_bytes() == sums_line(tag.sha256, tag.file).encode():
            out.append((f"{FOLDER}/{tag.date}/{SUMS}", sums))
    return out


@dataclass(frozen=True)
class DocumentPdf:
    name: str  # e.g. QP-01-A-1.pdf
    data: bytes
    rendered: bool  # False: it came from the cache


def pdf_name(doc_id: str, revision: str) -> str:
    return f"{doc_id}-{revision.replace('/', '-')}.pdf"


def document_pdf(
    repo: Path, project: Project, doc_id: str, organisation: str, cache: Path | None = None
) -> DocumentPdf | None:
    """The PDF of a document's current revision, from the cache or rendered into it.

    None when the document has no current revision. The cache file is named by the
    id, the revision, a hash of the revision's git blobs and a hash of everything
    rendered (template and tool versions included), so an unchanged revision is
    rendered once.
    """
    from doccontrol.edition.build import tools
    from doccontrol.edition.html import document_html, single_context, stylesheet
    from doccontrol.history.trees import GitTree

    control = project.control
    ctl = control.get(doc_id) if control else None
    doc = project.approved.get(doc_id)
    if control is None or ctl is None or doc is None or not in_edition(ctl):
        return None
    assert ctl.current is not None
    if doc.path != ctl.current.path:
        return None
    printable = edition_document(ctl, doc)
    tree = GitTree(repo)
    titles = tuple(sorted({c.id: c.title for c in control.documents}.items()))
    withdrawn = frozenset(c.id for c in control.documents if c.status.value == "withdrawn")
    from doccontrol.edition.build import markdown_at
    from doccontrol.edition.markup import converter

    md, problems = converter(markdown_at(tree, control.commit))
    if md is None:
        first = problems[0]
        raise DocControlError(msg("edition.finding", code=first.code, text=first.text), first.path, first.line)
    ctx = single_context(
        organisation, printable, project.approved.roles, project.approved.external, titles, withdrawn,
        md, project.config.language,
    )
    page = document_html(printable, ctx, tree, str(repo.resolve()))
    if page.findings:
        first = page.findings[0]
        raise DocControlError(msg("edition.finding", code=first.code, text=first.text), first.path, first.line)
    if "mermaid" in page.html:  # drawn as the edition draws them, where chromium is installed
        from doccontrol.edition.diagrams import available, with_diagrams

        if available():
            drawn, failed = with_diagrams(
                [page.html], project.config.print_fonts.sans, (cache or repo / CACHE).parent / "diagrams"
            )
            if failed:
                raise DocControlError(msg("print-diagram.site", doc=doc_id, reason=failed[0].message),
                                      printable.path, 1)
            page = replace(page, html=drawn[0])
    blobs = hashlib.sha256(" ".join(f"{p}:{b}" for p, b in printable.files).encode()).hexdigest()
    from doccontrol.edition.fonts import fonts_css

    print_css = stylesheet() + fonts_css(project.config.print_fonts)
    rendered_from = "\0".join([page.html, page.css, print_css, repr(sorted(tools().items()))])
    render_key = hashlib.sha256(rendered_from.encode()).hexdigest()
    folder = (cache or repo / CACHE) / doc_id
    slug = printable.revision.replace("/", "-")
    target = folder / f"{slug}-{blobs[:12]}-{render_key[:12]}.pdf"
    name = pdf_name(doc_id, printable.revision)
    if target.is_file():
        return DocumentPdf(name, target.read_bytes(), False)

    from doccontrol.edition.pdf import Renderer

    def find(needle: str, nth: int = 0, /) -> tuple[str, int]:
        for piece in printable.pieces:
            if needle and needle in piece.body:
                return piece.path, piece.body_line + piece.body[: piece.body.index(needle)].count("\n")
        return printable.path, 1

    renderer = Renderer(tree, print_css)
    rendered = renderer.render(page.html, page.css, find)
    identifier = hashlib.sha256(f"{doc_id} {printable.revision} {blobs}".encode()).hexdigest()[:32]
    created = printable.issued
    data = renderer.write(
        [rendered],
        identifier.encode(),
        datetime(created.year, created.month, created.day, tzinfo=UTC),
        find,
    )
    if renderer.findings:
        first = renderer.findings[0]
        raise DocControlError(msg("edition.finding", code=first.code, text=first.text), first.path, first.line)
    folder.mkdir(parents=True, exist_ok=True)
    replace_file(target, data)
    return DocumentPdf(name, data, True)
