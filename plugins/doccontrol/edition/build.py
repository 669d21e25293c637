"""Build the unsigned edition of a date from a repository (shell).

Used by ``release`` (then signed) and by ``verify`` (a rebuild to compare with).
Everything comes from git as of the date: the documents' approved text, the files
they load, and ``mkdocs.yml`` at the edition's commit; the signer comes from the
key (release) or the signature (verify). Nothing comes from the clock, the
working tree or where the repository is checked out.
"""

from __future__ import annotations

import hashlib
import io
import re
import tempfile
import time
from dataclasses import dataclass, field, replace
from datetime import date
from importlib.metadata import PackageNotFoundError, packages_distributions, version
from pathlib import Path
from typing import Any

from doccontrol.edition.fonts import FontSet, font_set, fonts_css
from doccontrol.edition.html import (
    FrontRow,
    PrintedDocument,
    document_html,
    edition_context,
    front_html,
    stylesheet,
)
from doccontrol.edition.manifest import (
    NAME,
    TAG_PREFIX,
    Signer,
    Stamp,
    manifest_bytes,
    manifest_dict,
)
from doccontrol.edition.markup import MarkdownSetup, converter, markdown_setup
from doccontrol.edition.partcache import CachePolicy
from doccontrol.edition.parts import jobs, locator, part_html, render_parts
from doccontrol.edition.plan import EditionPlan, plan_edition, several
from doccontrol.edition.preflight import text_findings
from doccontrol.history.trees import GitTree, tag_names
from doccontrol.model.errors import DocControlError
from doccontrol.model.findings import Finding, error, sort_findings
from doccontrol.model.messages import Message, msg
from doccontrol.project.load import Project, load_project
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from doccontrol.sources.config import Config, SiteConfig


class EditionRefused(DocControlError):
    """No edition can be made of the date: the findings say why, each at path:line."""

    def __init__(self, day: date, findings: list[Finding]) -> None:
        lines = "\n".join("  " + f.as_text() for f in findings)
        super().__init__(msg("edition.refused", date=str(day), findings=lines))
        self.findings = findings


@dataclass(frozen=True)
class BuiltEdition:
    plan: EditionPlan
    manifest: dict[str, Any]
    pdf: bytes
    pages: int
    document_pages: tuple[tuple[str, int], ...]
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)
    rendered: tuple[str, ...] = ()  # the documents laid out in this build (the others came from the cache)
    stamp: Stamp | None = None  # the visible signature release draws (edition_signature)


def _version(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "unknown"


def tools(setup: MarkdownSetup | None = None) -> dict[str, str]:
    """The versions of everything that turns the approved text into the PDF's bytes."""
    from doccontrol.edition.pdf import WEASYPRINT_VERSION

    found = {
        "doccontrol": _version("doccontrol"),
        "weasyprint": WEASYPRINT_VERSION,
        "pydyf": _version("pydyf"),
        "fonttools": _version("fonttools"),
        "markdown": _version("markdown"),
    }
    owners = packages_distributions()
    for name in setup.names if setup is not None else ():
        for distribution in owners.get(name.split(".")[0], []):
            found[distribution.lower()] = _version(distribution)
    return found


def option_line(text: str | None, key: str) -> int:
    """The line of mkdocs.yml where ``key:`` is set (1 when it is not)."""
    for number, line in enumerate((text or "").split("\n"), 1):
        if re.match(rf"^\s*-?\s*{re.escape(key)}\s*:", line):
            return number
    return 1


def fonts_at(tree: GitTree, commit: str, config: Config) -> FontSet:
    """The print fonts the configuration at ``commit`` names, as this machine has them."""
    data = tree.read(commit, "mkdocs.yml")
    text = data.decode("utf-8", errors="replace") if data is not None else None
    return font_set(replace(config.print_fonts, line=option_line(text, "print_fonts")))


def _site_at(tree: GitTree, commit: str) -> SiteConfig | None:
    """mkdocs.yml as it stood at the edition's commit."""
    data = tree.read(commit, "mkdocs.yml")
    if data is None:
        return None
    with tempfile.TemporaryDirectory(prefix="doccontrol-") as tmp:
        folder = Path(tmp) / "organisation"
        folder.mkdir()
        (folder / "mkdocs.yml").write_bytes(data)
        return read_mkdocs_yml(folder)


def load_for(repo: Path, day: date) -> tuple[Project, str, GitTree]:
    """The project as of ``day``, configured by mkdocs.yml as it was then, and its organisation."""
    site = read_mkdocs_yml(repo)
    project = load_project(repo, site.config, day)
    tree = GitTree(repo)
    organisation = site.config.organisation or site.site_name
    if project.control is not None and project.control.commit:
        then = _site_at(tree, project.control.commit)
        if then is not None:
            organisation = then.config.organisation or then.site_name
            if then.config != site.config:
                project = load_project(repo, then.config, day)
    return project, organisation, tree


def plan_for(repo: Path, day: date) -> tuple[EditionPlan, GitTree, Config]:
    project, organisation, tree = load_for(repo, day)
    plan, refused = plan_edition(project, organisation)
    if plan is None:
        raise EditionRefused(day, refused)
    return plan, tree, project.config


def markdown_at(tree: GitTree, commit: str) -> MarkdownSetup:
    """The site's Markdown extensions as mkdocs.yml listed them at ``commit``."""
    data = tree.read(commit, "mkdocs.yml")
    return markdown_setup(data.decode("utf-8", errors="replace") if data is not None else None)


def printed_documents(
    plan: EditionPlan, tree: GitTree, repo: Path, setup: MarkdownSetup, fonts: FontSet
) -> list[PrintedDocument]:
    """The print HTML of every document, or the findings that refuse the edition before rendering."""
    if fonts.findings:
        raise EditionRefused(plan.date, list(fonts.findings))
    md, unusable = converter(setup)
    if md is None:
        raise EditionRefused(plan.date, list(unusable))
    from doccontrol.edition.diagrams import available

    unprintable = text_findings((p for d in plan.documents for p in d.pieces), fonts.coverage, available())
    if unprintable:
        raise EditionRefused(plan.date, sort_findings(unprintable))
    ctx = edition_context(plan, md)
    printed = [document_html(doc, ctx, tree, str(repo.resolve())) for doc in plan.documents]
    problems = [f for p in printed for f in p.findings]
    if problems:
        raise EditionRefused(plan.date, problems)
    return printed


#: The largest seal image accepted, in pixels a side: a seal is a few centimetres across.
SEAL_PIXELS = 4096


def seal_problem(data: bytes) -> Message | None:
    """Why these bytes cannot be drawn as a seal, or None."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            kind, size = image.format, image.size
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()  # verify() reads no pixels: a truncated file fails only here
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        return msg("edition-seal.unreadable", reason=str(exc))
    if kind not in ("PNG", "JPEG"):
        return msg("edition-seal.format", format=str(kind))
    if max(size) > SEAL_PIXELS or min(size) < 16:
        return msg("edition-seal.size", width=size[0], height=size[1], most=SEAL_PIXELS)
    return None


def seal_finding(seal: str, line: int, problem: Message) -> Finding:
    return error("mkdocs.yml", line, "edition-seal", msg("edition-seal", seal=seal, problem=problem))


def stamp_for(tree: GitTree, plan: EditionPlan, config: Config, fonts: FontSet) -> Stamp | None:
    """The visible signature ``edition_signature`` asks for, its seal read from git at the
    edition's commit; a missing or unreadable seal refuses the edition at its line of mkdocs.yml."""
    from doccontrol.edition.fonts import REGULAR

    wanted = config.edition_signature
    if not wanted.visible:
        return None
    data = tree.read(plan.commit, "mkdocs.yml")
    text = data.decode("utf-8", errors="replace") if data is not None else None
    seal = b""
    if wanted.seal:
        line = option_line(text, "seal")
        blob = tree.read(plan.commit, wanted.seal)
        problem = (
            msg("edition-seal.not-in-git", commit=plan.commit[:12]) if blob is None else seal_problem(blob)
        )
        if problem is not None:
            raise EditionRefused(plan.date, [seal_finding(wanted.seal, line, problem)])
        seal = blob or b""
    faces = [f for f in fonts.faces if f.family == config.print_fonts.sans] or list(fonts.faces)
    if not faces:  # the fonts' own findings have refused the edition already
        return None
    face = min(faces, key=lambda f: (not Path(f.path).stem.lower().endswith(REGULAR), f.path))
    return Stamp(seal, face.path, face.index)


def diagrams_drawn(
    plan: EditionPlan, printed: list[PrintedDocument], config: Config, cache: Path | None
) -> tuple[list[PrintedDocument], bool]:
    """The print HTML with every mermaid diagram drawn as SVG (:mod:`doccontrol.edition.diagrams`),
    and whether there was one; a diagram mermaid refuses refuses the edition at its line."""
    if not any("mermaid" in p.html for p in printed):
        return printed, False
    from doccontrol.edition.diagrams import with_diagrams

    pages, failures = with_diagrams(
        [p.html for p in printed], config.print_fonts.sans, cache.parent / "diagrams" if cache else None
    )
    if failures:
        found = []
        for failure in failures:
            first = next((line for line in failure.source.split("\n") if line.strip()), "")
            path, line = locator(plan.documents[failure.doc_index].pieces)(first.strip())
            found.append(error(path, line, "print-diagram", msg("print-diagram", reason=failure.message)))
        raise EditionRefused(plan.date, sort_findings(found))
    drawn = [replace(p, html=h) for p, h in zip(printed, pages, strict=True)]
    return drawn, drawn != printed


def previous_edition(repo: Path, day: date) -> date | None:
    """The date of the last edition before ``day``, from the ``edition/DATE`` tags."""
    days = []
    for name in tag_names(repo, f"{TAG_PREFIX}*"):
        try:
            days.append(date.fromisoformat(name.removeprefix(TAG_PREFIX)))
        except ValueError:
            continue
    earlier = [d for d in days if d < day]
    return max(earlier) if earlier else None


def identifier(plan: EditionPlan) -> bytes:
    """The PDF /ID: from the edition's date and commit, the same at every rebuild."""
    return hashlib.sha256(f"{plan.date.isoformat()} {plan.commit}".encode()).hexdigest()[:32].encode()


def build_edition(
    repo: Path,
    day: date,
    signer: Signer,
    cache: Path | None = None,
    processes: int | None = None,
    policy: CachePolicy | None = None,
) -> BuiltEdition:
    """The unsigned edition of ``day``, or :class:`EditionRefused`.

    Documents are rendered in parallel processes, or taken from ``cache`` (release
    passes the user's cache folder; verify passes none, so that it renders everything),
    which ``policy`` then prunes.
    """
    from doccontrol.edition.assemble import assemble
    from doccontrol.edition.pdf import Renderer, page_count

    started = time.perf_counter()
    timings: dict[str, float] = {}
    plan, tree, config = plan_for(repo, day)
    setup = markdown_at(tree, plan.commit)
    fonts = fonts_at(tree, plan.commit, config)
    printed = printed_documents(plan, tree, repo, setup, fonts)
    stamp = stamp_for(tree, plan, config, fonts)
    printed, drew = diagrams_drawn(plan, printed, config, cache)
    timings["plan"] = time.perf_counter() - started

    print_css = stylesheet() + fonts_css(config.print_fonts)
    toolchain = tools(setup)
    if drew:
        from doccontrol.edition.diagrams import MERMAID

        toolchain["mermaid"] = MERMAID[1]
    todo = jobs(
        [(p.id, p.html, p.css, d.pieces) for d, p in zip(plan.documents, printed, strict=True)],
        print_css,
        fonts.manifest(),
        sorted(toolchain.items()),
    )
    parts = render_parts(repo, print_css, todo, cache, processes, policy=policy)
    failures = [p.failure for p in parts if p.failure is not None]
    if failures:
        _, path, line = failures[0]
        raise DocControlError(several([m for m, _, _ in failures]), path, line)
    found = [f for p in parts for f in p.findings]
    if found:
        raise EditionRefused(plan.date, sort_findings(found))
    counts = [p.pages for p in parts]
    timings["layout"] = time.perf_counter() - started - timings["plan"]
    timings["rendered"] = float(sum(p.rendered for p in parts))

    previous = previous_edition(repo, plan.date)
    renderer = Renderer(tree, print_css)

    def front(front_pages: int) -> Any:
        rows, start = [], front_pages + 1
        for doc, count in zip(plan.documents, counts, strict=True):
            rows.append(FrontRow(doc, count, start))
            start += count
        page = front_html(plan, signer, rows, previous)
        return renderer.render(part_html(page.html), page.css, lambda *_: ("mkdocs.yml", 1))

    cover = front(2)
    if page_count(cover) != 2:
        cover = front(page_count(cover))
    manifest = manifest_dict(plan, signer, toolchain, fonts.manifest())
    every_piece = tuple(p for d in plan.documents for p in d.pieces)
    cover_pdf = renderer.write(
        [cover],
        identifier(plan),
        plan.committed,
        locator(every_piece),
        attachment=(NAME, manifest_bytes(manifest), "doccontrol edition manifest"),
    )
    if renderer.findings:
        raise EditionRefused(plan.date, sort_findings(renderer.findings))
    pdf = assemble(cover_pdf, [(p.doc_id, p.pdf) for p in parts], [(f.path, f.index) for f in fonts.faces])
    total = time.perf_counter() - started
    timings["write"] = total - timings["plan"] - timings["layout"]
    return BuiltEdition(
        plan=plan,
        manifest=manifest,
        pdf=pdf,
        pages=page_count(cover) + sum(counts),
        document_pages=tuple((d.id, c) for d, c in zip(plan.documents, counts, strict=True)),
        seconds=total,
        timings=timings,
        rendered=tuple(p.doc_id for p in parts if p.rendered),
        stamp=stamp,
    )
