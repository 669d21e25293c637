"""Read a repository's mkdocs.yml from the disk (shell side of :mod:`doccontrol.sources.config`)."""

from __future__ import annotations

from pathlib import Path

from doccontrol.model.errors import ConfigError
from doccontrol.model.messages import msg
from doccontrol.sources.config import Config, SiteConfig, parse_mkdocs_yml


def read_mkdocs_yml(repo: Path) -> SiteConfig:
    """Read ``repo/mkdocs.yml`` the way the plugin would see its options."""
    path = repo / "mkdocs.yml"
    if not path.is_file():
        return SiteConfig(Config(), False, repo.name, "zh")
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(msg("project.mkdocs-unreadable", problem=str(exc)), "mkdocs.yml") from None
    return parse_mkdocs_yml(text, repo.name)
