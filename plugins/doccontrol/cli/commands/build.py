"""``doccontrol build``: the site, as ``mkdocs build`` with the doc-control plugin makes it."""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from doccontrol.cli.language import cli_language, say
from doccontrol.model.messages import msg
from doccontrol.sources.config import PLUGIN_NAME


def build(
    repo: Path,
    as_of: date | None,
    preview: bool,
    site_dir: Path | None,
    strict: bool = False,
) -> int:
    config_file = repo / "mkdocs.yml"
    if not config_file.is_file():
        print(f"{config_file}:1: error: config: {say(msg('cli.build.no-mkdocs'))}", file=sys.stderr)
        return 1
    _quiet_logging()
    overrides: dict[str, Any] = {"strict": strict}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir.resolve())
    try:
        config = load_config(str(config_file), **overrides)
        cli_language(str(config.theme.get("language") or "zh"))
        plugin = config.plugins.get(PLUGIN_NAME)
        if plugin is None:
            print(
                f"{config_file}:1: error: config: {say(msg('cli.build.no-plugin', plugin=PLUGIN_NAME))}",
                file=sys.stderr,
            )
            return 1
        if preview:
            plugin.preview_requested = True
        if as_of is not None:
            plugin.as_of = as_of
        mkdocs_build(config)
    except (ConfigurationError, PluginError, Abort) as exc:
        print(f"doccontrol build: {exc}", file=sys.stderr)
        return 1
    print(f"doccontrol: {say(msg('cli.build.written', folder=config.site_dir))}", file=sys.stderr)
    return 0


def _quiet_logging() -> None:
    # mkdocs' own CLI installs this handler; building through the API needs it too,
    # or warnings vanish and --strict has nothing to count.
    from mkdocs.__main__ import ColorFormatter

    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_doccontrol", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(ColorFormatter())
        handler._doccontrol = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
