"""The MkDocs plugin ``doc-control``: a thin adapter from MkDocs events to the core."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config as MkConfig
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .catalog import Catalog
from .config import OPTION_NAMES, config_from_options
from .errors import DocControlError
from .page_text import render_body
from .project import Project, load_project
from .site_build import build_pages, nav_catalog
from .site_nav import controlled_nav, site_nav
from .site_pages import words

log = get_plugin_logger(__name__)
ASSET_DIR = Path(__file__).parent / "assets"
ASSETS = ("doccontrol.css", "doccontrol.js")


def _replace(files: Files, file: File) -> None:
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(file)


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
        self.catalog: Catalog | None = None
        self.pages: dict[str, str] = {}
        self.as_of: date | None = None  # set by `doccontrol build --as-of`
        self.preview = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        options = {name: self.config.get(name) for name in OPTION_NAMES}
        repo = Path(config.config_file_path or ".").resolve().parent
        try:
            settings = config_from_options(options)
            self.project = load_project(repo, settings, self.as_of)
        except DocControlError as exc:
            raise PluginError(str(exc)) from None
        self.preview = settings.preview
        self.catalog = self.project.site_catalog(self.preview)
        for finding in self.project.findings:
            (log.error if finding.is_error else log.warning)(finding.as_text())
        config.extra_css.append("assets/doccontrol/doccontrol.css")
        config.extra_javascript.append("assets/doccontrol/doccontrol.js")
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        project, catalog = self.project, self.catalog
        assert project is not None and catalog is not None
        language = str(config.theme.get("language") or "zh")
        site = build_pages(
            project, self.preview, language, date.today(), bool(config.use_directory_urls)
        )
        self.pages = dict(site.pages)
        for src_uri, text in self.pages.items():
            _replace(files, File.generated(config, src_uri, content=text))
        for name in ASSETS:
            _replace(
                files,
                File.generated(
                    config, f"assets/doccontrol/{name}", content=(ASSET_DIR / name).read_bytes()
                ),
            )
        if config.nav is None:
            docs_pages = [
                f.src_uri
                for f in files
                if f.is_documentation_page() and f.src_uri not in self.pages
            ]
            nav = controlled_nav(nav_catalog(catalog, site.documents), language)
            registers = {words(language)["registers"]: [{t: p} for t, p in site.registers]}
            config.nav = site_nav(docs_pages, [*nav, registers])
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.catalog is None or page.file.src_uri in self.pages:
            return markdown
        # Uncontrolled pages (docs/) may link documents with [[ID]] too.
        return render_body(markdown, page.file.src_uri, self.catalog)
