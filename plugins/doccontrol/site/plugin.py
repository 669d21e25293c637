"""The MkDocs plugin ``doc-control``: a thin adapter from MkDocs events to the core."""

from __future__ import annotations

import posixpath
import secrets
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config as MkConfig
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from doccontrol.cli.language import log_language
from doccontrol.edition.diagrams import MERMAID
from doccontrol.model.errors import DocControlError
from doccontrol.model.messages import msg
from doccontrol.project.load import (
    Project,
    approved_preview,
    load_project,
    unapproved_site_config,
)
from doccontrol.rendering.escape import html_text
from doccontrol.rendering.labels import section_of
from doccontrol.rendering.page_text import render_body
from doccontrol.site.build import SitePages, build_pages, nav_catalog
from doccontrol.site.docs_pages import release_docs_pages
from doccontrol.site.downloads import copy_record_files, write_register_downloads
from doccontrol.site.html_stash import restore_blocks, stash_blocks
from doccontrol.site.nav import controlled_nav, registers_nav, site_nav
from doccontrol.site.redlines import RedlineSite, redline_site
from doccontrol.site.search_view import search_view
from doccontrol.site.search_words import TERM_FREQUENCY, search_words
from doccontrol.site.start import START_MARKER, footer_html
from doccontrol.site.urls import REDLINE_PAGE
from doccontrol.sources.catalog import Catalog
from doccontrol.sources.config import OPTION_NAMES, config_from_options

log = get_plugin_logger(__name__)
ASSET_DIR = Path(__file__).parent / "assets"
ASSETS = ("doccontrol.css", "doccontrol.js", "redline.js", "redline.css", "registers.js")
# The vendored mermaid (edition.diagrams.MERMAID): an offline intranet cannot reach the CDN
# Material loads it from, and Material uses the copy a page already has.
# Material's own default, which fetches Roboto from the internet on every page.
_MATERIAL_FONT = {"text": "Roboto", "code": "Roboto Mono"}
# Material's Chinese translation says lang="zh"; the documents are Simplified Chinese.
_HTML_LANG = {"zh": "zh-CN"}


def _replace(files: Files, file: File) -> None:
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(file)


def _text_of(path: str | None) -> str | None:
    """mkdocs.yml's text, so that option errors can name their line."""
    try:
        return Path(path).read_text("utf-8") if path else None
    except (OSError, UnicodeDecodeError):
        return None


def _no_history(project: Project, language: str) -> str:
    reason = next(
        (f.as_text(language) for f in project.findings if f.path == ".git" and f.is_error),
        msg("site.history-unreadable").render(language),
    )
    return msg("site.nothing-built", reason=reason).render(language)


class DocControlPluginConfig(MkConfig):
    # Types are checked once, in doccontrol.sources.config, for the CLI and the plugin alike.
    roots = c.Optional(c.Type(list))
    roles = c.Optional(c.Type(str))
    external = c.Optional(c.Type(str))
    clauses = c.Optional(c.Type(str))
    branch = c.Optional(c.Type(str))
    min_approvals = c.Optional(c.Type(int))
    forge_trailers = c.Optional(c.Type(str))
    revisions = c.Optional(c.Type(str))
    review = c.Optional(c.Type(int))
    prefixes = c.Optional(c.Type(dict))
    types = c.Optional(c.Type(dict))  # key -> {label, prefix, level, record_form, ...}
    preview = c.Optional(c.Type(bool))
    defaults = c.Optional(c.Type(dict))  # type -> {owner, approvers}, for `doccontrol new`
    clock_skew = c.Optional(c.Type((str, int)))  # 1h, 30m: how far dates may drift
    pdf = c.Optional(c.Type(bool))  # each current document as a PDF (rendered once per revision)
    allow_raw_html = c.Optional(c.Type(bool))  # raw <script>, on...= and javascript: in texts
    forge_committers = c.Optional(c.Type((list, str)))  # e-mails that commit as the forge
    site_pages_approvers = c.Optional(c.Type((list, str)))  # who approves docs_dir pages
    organisation = c.Optional(c.Type(str))  # the legal name on an edition's cover
    mask = c.Optional(c.Type((list, str)))  # patterns masked in published records


class DocControlPlugin(BasePlugin[DocControlPluginConfig]):
    """Brings the controlled roots into the site, grouped by type, with document control."""

    def __init__(self) -> None:
        super().__init__()
        self.project: Project | None = None
        self.catalog: Catalog | None = None
        self.pages: dict[str, str] = {}
        self.as_of: date | None = None  # set by `doccontrol build --as-of`
        # Set by `doccontrol build --preview`: the only way besides the approved
        # mkdocs.yml to ask for a preview (issue 12, rule 5).
        self.preview_requested = False
        self.preview = False
        self.redlines = RedlineSite("", {})
        self.pdf_pages: list[tuple[str, str]] = []  # (page folder in the site, document id)
        self.start = ""  # the start page's blocks: what is new, what is due, the registers
        # The plugin's HTML blocks, set aside while Markdown runs (site.html_stash).
        self.stash_nonce = secrets.token_hex(8)
        self.stashed: dict[str, tuple[str, ...]] = {}
        self.site: SitePages | None = None
        # Material's search reads a lighter copy of the plugin's blocks (site.search_view):
        # the tags its parser keeps, or None where the copy is not safe to hand it.
        self.search_keep: frozenset[str] | None = None
        self.search_blocks: dict[str, tuple[str, ...]] = {}
        self.search_swapped: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {}
        self.language = "zh"  # of the build's log: theme.language, or DOCCONTROL_LANG

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        options = {name: self.config.get(name) for name in OPTION_NAMES}
        repo = Path(config.config_file_path or ".").resolve().parent
        language = self.language = log_language(str(config.theme.get("language") or "zh"))
        try:
            settings = config_from_options(options, source=_text_of(config.config_file_path))
            settings = replace(settings, language=str(config.theme.get("language") or "zh"))
            docs_dir = Path(config.docs_dir).resolve()
            if docs_dir.is_relative_to(repo):
                settings = replace(settings, docs_dir=docs_dir.relative_to(repo).as_posix())
            self.project = load_project(repo, settings, self.as_of)
        except DocControlError as exc:
            raise PluginError(exc.render(language)) from None
        if self.project.history is None:
            # Without history nothing is approved, and the working tree is no stand-in.
            raise PluginError(_no_history(self.project, language))
        # An unapproved `preview: true` in the working tree must not turn a release
        # build into a preview, and so dodge config-unapproved-site.
        self.preview = self.preview_requested or approved_preview(self.project)
        if not self.preview:
            refused = unapproved_site_config(
                self.project, Path(config.config_file_path or repo / "mkdocs.yml")
            )
            if refused is not None:
                raise PluginError(refused.as_text(language))
        self.catalog = self.project.site_catalog(self.preview)
        for finding in self.project.findings:
            (log.error if finding.is_error else log.warning)(finding.as_text(language))
        config.extra_css.append("assets/doccontrol/doccontrol.css")
        config.extra_javascript.append("assets/doccontrol/doccontrol.js")
        config.extra_javascript.append("assets/doccontrol/registers.js")
        self.mermaid = _mermaid_fence(config)
        if self.mermaid:
            config.extra_javascript.append(f"assets/doccontrol/{MERMAID[0]}")
        self._offline(config)
        self._footer(config)
        self._teach_segmenter(config)
        self.search_keep = _search_keep(config, self)
        return config

    mermaid = False  # a ```mermaid fence is configured: the vendored script is served

    def _offline(self, config: MkDocsConfig) -> None:
        """No request leaves the site: Material's web fonts are off unless a site chose one."""
        theme = config.theme
        if theme.name != "material":
            return
        font = theme.get("font")
        if font == _MATERIAL_FONT:
            theme["font"] = False  # the CJK system font stack of doccontrol.css applies
        elif font:
            log.warning(msg("site.web-fonts").render(self.language))

    def _footer(self, config: MkDocsConfig) -> None:
        """The footer names the organisation, the site's controlled state and the notice."""
        project = self.project
        assert project is not None
        organisation = str(config.copyright or config.site_name)
        language = str(config.theme.get("language") or "zh")
        commit = project.control.commit if project.control is not None else ""
        config.copyright = footer_html(organisation, project.as_of, commit, language)

    def _teach_segmenter(self, config: MkDocsConfig) -> None:
        """Give jieba (which Material's search uses for Chinese) the organisation's terms."""
        language = str(config.theme.get("language") or "zh")
        searching = any(name in config.plugins for name in ("search", "material/search"))
        if not searching or not language.lower().startswith("zh") or self.catalog is None:
            return
        try:
            import jieba
        except ImportError:
            return  # Material indexes without segmentation; nothing to teach
        jieba.setLogLevel(30)  # its dictionary-loading chatter is not the build's news
        for word in search_words(self.catalog):
            jieba.add_word(word, TERM_FREQUENCY)


    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        return self._html_lang(output_content, config)

    @staticmethod
    def _html_lang(html: str, config: MkDocsConfig) -> str:
        language = str(config.theme.get("language") or "")
        lang = _HTML_LANG.get(language)
        if lang is None:
            return html
        return html.replace(f'<html lang="{language}"', f'<html lang="{lang}"', 1)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        project, catalog = self.project, self.catalog
        assert project is not None and catalog is not None
        language = str(config.theme.get("language") or "zh")
        site = build_pages(
            project, self.preview, language, date.today(), bool(config.use_directory_urls)
        )
        self.pages = dict(site.pages)
        self.start = site.start
        self.site = site
        if files.get_file_from_path("index.md") is None:
            self.pages["index.md"] = f"# {config.site_name}\n\n{START_MARKER}\n"
        self.redlines = self._redlines(bool(config.use_directory_urls), language)
        for src_uri, text in self.pages.items():
            _replace(files, File.generated(config, src_uri, content=text))
        if self.redlines.files:
            _replace(files, File.generated(config, REDLINE_PAGE, content=self.redlines.page))
        for name in (*ASSETS, *((MERMAID[0], "mermaid.LICENSE") if self.mermaid else ())):
            _replace(
                files,
                File.generated(
                    config, f"assets/doccontrol/{name}", content=(ASSET_DIR / name).read_bytes()
                ),
            )
        if not self.preview:
            self._approved_docs_pages(files, config)
        self._add_editions(files, config, language)
        if config.nav is None:
            docs_pages = [
                f.src_uri
                for f in files
                if f.is_documentation_page()
                and (f.src_uri not in self.pages or f.src_uri == "index.md")
                and f.src_uri != REDLINE_PAGE
            ]
            listed = {p for _, p in site.registers}
            nav = controlled_nav(nav_catalog(catalog, site.documents), language)
            registers = registers_nav(site.registers, language)
            config.nav = site_nav([p for p in docs_pages if p not in listed], [*nav, registers])
        return files

    def _approved_docs_pages(self, files: Files, config: MkDocsConfig) -> None:
        """A release build shows the docs_dir pages' approved text, never the working tree's."""
        project = self.project
        if project is None or project.control is None or project.history is None:
            return
        on_disk = [
            f.src_uri
            for f in files
            if f.is_documentation_page()
            and f.src_uri not in self.pages
            and f.src_uri != REDLINE_PAGE  # made by the plugin, not a page of docs_dir
        ]
        pages = release_docs_pages(
            project.control.site_pages,
            project.history.blobs,
            project.config.docs_prefix,
            on_disk,
        )
        for src_uri in pages.left_out:
            existing = files.get_file_from_path(src_uri)
            if existing is not None:
                files.remove(existing)
        for src_uri, data in pages.shown:
            _replace(files, File.generated(config, src_uri, content=data))

    def _redlines(self, directory_urls: bool, language: str) -> RedlineSite:
        project, catalog = self.project, self.catalog
        if project is None or catalog is None or project.control is None or project.history is None:
            return RedlineSite("", {})
        control = project.control
        shown = [
            (doc.path, ctl)
            for doc in catalog.documents
            if doc.path in self.pages and (ctl := control.get(doc.id)) is not None
        ]
        return redline_site(
            shown,
            project.history.blobs,
            lambda body, src: render_body(body, src, catalog, language=language),
            directory_urls,
            language,
        )

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._write_redlines(config)
        self._write_pdfs(config)
        self._write_downloads(config)

    def _write_downloads(self, config: MkDocsConfig) -> None:
        """The register as CSV and XLSX, and the scans of records published in full."""
        site, project = self.site, self.project
        if site is None or project is None:
            return
        site_dir = Path(config.site_dir)
        header, lines = site.register
        write_register_downloads(site_dir, header, lines, project.as_of.isoformat())
        for path in copy_record_files(site_dir, project.repo, site.records):
            log.warning(msg("site.record-unreadable", path=str(path)).render(self.language))

    def _write_redlines(self, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        folders: set[Path] = set()
        for rel, data in self.redlines.files.items():
            target = site / rel
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            target.write_text(data, "utf-8")

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if page.file.src_uri == "index.md" and self.start:
            # The home page is the start page: the organisation's words, then what changed.
            if START_MARKER in markdown:
                markdown = markdown.replace(START_MARKER, self.start, 1)
            else:
                markdown = markdown.rstrip("\n") + "\n\n" + self.start
        if self.catalog is not None and page.file.src_uri not in self.pages:
            # Uncontrolled pages (docs/) may link documents with [[ID]] too.
            language = str(config.theme.get("language") or "zh")
            markdown = render_body(markdown, page.file.src_uri, self.catalog, language=language)
        stashed = stash_blocks(markdown, self.stash_nonce)
        if stashed.blocks:
            self.stashed[page.file.src_uri] = stashed.blocks
        return stashed.markdown

    # -- editions (版次) and per-document PDFs ------------------------------------------

    def _add_editions(self, files: Files, config: MkDocsConfig, language: str) -> None:
        """The Editions page, and the signed editions' PDFs for it to link to."""
        from doccontrol.edition.site import edition_files, editions_page_markdown

        assert self.project is not None
        repo = self.project.repo
        for src_uri, path in edition_files(repo):
            _replace(files, File.generated(config, src_uri, abs_src_path=str(path)))
        if files.get_file_from_path("editions.md") is None:
            page = editions_page_markdown(repo, language)
            files.append(File.generated(config, "editions.md", content=page))

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        # Themes write <title> with Jinja's striptags, which turns the escaped title of
        # the navigation back into markup: a title holding "</title><script>" would end
        # the element. Put the escaped text back.
        output = self._html_lang(output, config)
        title = page.title
        if not title:
            return output
        raw = Markup(title).striptags()
        return output.replace(f"<title>{raw}", f"<title>{html_text(raw)}", 1)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        blocks = self.stashed.pop(page.file.src_uri, ())
        if blocks:
            html = restore_blocks(html, self.stash_nonce, blocks)
            if self.search_keep is not None:
                self.search_blocks[page.file.src_uri] = blocks
        project = self.project
        if not self.config.get("pdf") or self.preview or project is None or project.control is None:
            return html
        doc = project.approved.owning(page.file.src_uri)
        if doc is None or doc.path != page.file.src_uri:
            return html  # not a document's own page (a chapter, a register, docs/)
        ctl = project.control.get(doc.id)
        if ctl is None or ctl.current is None or ctl.status.value not in ("current", "pending"):
            return html  # never approved, or withdrawn: nothing to download
        from doccontrol.edition.site import pdf_name

        name = pdf_name(doc.id, ctl.current.label)
        self.pdf_pages.append((posixpath.dirname(page.file.dest_uri), doc.id))
        label = section_of(str(config.theme.get("language") or "zh"), "site")["download_pdf"]
        link = (
            f'<p class="dc-pdf"><a href="{name}" download>{label} '
            f"({doc.id} {ctl.current.label})</a></p>"
        )
        at = html.find('<table class="dc-control"')
        end = html.find("</table>", at) if at >= 0 else -1
        if end < 0:
            return link + html
        end += len("</table>")
        return html[:end] + link + html[end:]

    # -- what Material's search parses (site.search_view) --------------------------------

    @event_priority(1)  # just before the search plugin
    def _search_reads_views(self, context: Any, /, *, page: Page, **_: Any) -> Any:
        blocks = self.search_blocks.pop(page.file.src_uri, ())
        content = page.content
        if not blocks or self.search_keep is None or content is None:
            return context
        parts: list[str] = []
        swapped: list[tuple[str, str]] = []
        at = 0
        for block in blocks:
            view = search_view(block, self.search_keep)
            found = content.find(block, at)
            if view == block or found < 0:
                continue
            marked = f"<!--dc-sv-{self.stash_nonce}-{len(swapped)}-->{view}"
            parts += [content[at:found], marked]
            swapped.append((marked, block))
            at = found + len(block)
        if swapped:
            parts.append(content[at:])
            self.search_swapped[page.file.src_uri] = (content, tuple(swapped))
            page.content = "".join(parts)
        return context

    @event_priority(-1)  # just after the search plugin
    def _search_views_back(self, context: Any, /, *, page: Page, **_: Any) -> Any:
        entry = self.search_swapped.pop(page.file.src_uri, None)
        if entry is None or page.content is None:
            return context
        before, swapped = entry
        content = page.content
        parts: list[str] = []
        at = 0
        for marked, block in swapped:
            found = content.find(marked, at)
            if found < 0:
                page.content = before  # not as search left it: the page as it was
                return context
            parts += [content[at:found], block]
            at = found + len(marked)
        parts.append(content[at:])
        page.content = "".join(parts)
        return context

    on_page_context = CombinedEvent(_search_reads_views, _search_views_back)

    def _write_pdfs(self, config: MkDocsConfig) -> None:
        """Write ``<page folder>/<ID>-<rev>.pdf`` for every current document (cached per revision)."""
        project = self.project
        if not self.pdf_pages or project is None:
            return
        from doccontrol.edition.site import document_pdf

        for folder, doc_id in self.pdf_pages:
            try:
                made = document_pdf(project.repo, project, doc_id, config.site_name)
            except DocControlError as exc:
                log.error(exc.render(self.language))
                continue
            if made is not None:
                target = Path(config.site_dir) / folder / made.name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(made.data)
        self.pdf_pages = []


def _search_keep(config: MkDocsConfig, plugin: DocControlPlugin) -> frozenset[str] | None:
    """The tags Material's search keeps, when its handler alone runs between the plugin's two.

    Any other plugin's handler there would see the lighter copy: then no copy is made.
    """
    handlers = config.plugins.events.get("page_context", [])
    ours = [
        i for i, h in enumerate(handlers) if getattr(h, "__self__", None) is plugin
    ]
    if len(ours) != 2:
        return None
    between = handlers[ours[0] + 1 : ours[1]]
    if len(between) != 1:
        return None
    owner = getattr(between[0], "__self__", None)
    if type(owner).__module__ != "material.plugins.search.plugin":
        return None
    from material.plugins.search.plugin import Parser  # type: ignore[import-untyped]

    keep = getattr(Parser(), "keep", None)
    return frozenset(keep) if isinstance(keep, set) else None


def _mermaid_fence(config: MkDocsConfig) -> bool:
    """Whether superfences turns ```mermaid fences into diagrams (Material's documented setup)."""
    options = config.mdx_configs.get("pymdownx.superfences") or {}
    fences = options.get("custom_fences") or [] if isinstance(options, dict) else []
    return any(isinstance(f, dict) and f.get("name") == "mermaid" for f in fences)
