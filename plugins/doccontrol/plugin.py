"""The MkDocs plugin ``doc-control``: a thin adapter from MkDocs events to the core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config as MkConfig
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .config import OPTION_NAMES, config_from_options
from .errors import DocControlError
from .page_text import chapter_page, document_page, render_body
from .project import Project, load_project
from .site_nav import controlled_nav, site_nav

log = get_plugin_logger(__name__)


class DocControlPluginConfig(MkConfig):
    # Types are checked once, in doccontrol.config, for the CLI and the plugin alike.
    roots = c.Optional(c.Type(list))
    roles = c.Optional(c.Type(str))
    external = c.Optional(c.Type(str))
    clauses = c.Optional(c.Type(str))
    branch = c.Optional(c.Type(str))
    min_approvals = c.Optional(c.Type(int))
    revisions = c.Optional(c.Type(str))
    review = c.Optional(c.Type(int))
    prefixes = c.Optional(c.Type(dict))
    preview = c.Optional(c.Type(bool))


class DocControlPlugin(BasePlugin[DocControlPluginConfig]):
    """Brings the controlled roots into the site, grouped by type, with document control."""

    def __init__(self) -> None:
        super().__init__()
        self.project: Project | None = None
        self.pages: dict[str, str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        options = {name: self.config.get(name) for name in OPTION_NAMES}
        repo = Path(config.config_file_path or ".").resolve().parent
        try:
            settings = config_from_options(options)
            self.project = load_project(repo, settings)
        except DocControlError as exc:
            raise PluginError(str(exc)) from None
        for finding in self.project.findings:
            (log.error if finding.is_error else log.warning)(finding.as_text())
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        project = self.project
        assert project is not None
        catalog = project.catalog
        self.pages = {}
        for doc in catalog.documents:
            self.pages[doc.path] = document_page(doc, catalog)
            for chapter in doc.chapters:
                self.pages[chapter.path] = chapter_page(chapter.path, chapter.body, catalog)
        for src_uri, text in self.pages.items():
            existing = files.get_file_from_path(src_uri)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, src_uri, content=text))
        if config.nav is None:
            docs_pages = [
                f.src_uri for f in files if f.is_documentation_page() and f.src_uri not in self.pages
            ]
            hidden = frozenset(d.id for d in catalog.documents if d.withdrawn)
            language = str(config.theme.get("language") or "zh")
            config.nav = site_nav(docs_pages, controlled_nav(catalog, language, hidden))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        project = self.project
        if project is None or page.file.src_uri in self.pages:
            return markdown
        # Uncontrolled pages (docs/) may link documents with [[ID]] too.
        return render_body(markdown, page.file.src_uri, project.catalog)


