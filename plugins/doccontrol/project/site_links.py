"""``check``'s link pass, wired to the disk and to mkdocs.yml's toc slugify (shell side).

The anchors a page gets depend on the toc extension's ``slugify`` (Material sites
often use ``pymdownx.slugs.slugify``, which keeps Chinese headings); it is named
in mkdocs.yml with a ``!!python/name:`` or ``!!python/object/apply:`` tag, which
is resolved here as MkDocs would resolve it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from doccontrol.model.errors import ConfigError
from doccontrol.model.findings import Finding
from doccontrol.model.messages import msg
from doccontrol.project.load import Project
from doccontrol.rules.control import Status
from doccontrol.sources.link_check import Slugify, check_links


@dataclass(frozen=True)
class _PythonName:
    name: str


@dataclass(frozen=True)
class _PythonApply:
    name: str
    args: tuple[Any, ...] = ()
    kwds: dict[str, Any] = field(default_factory=dict)


class _TagLoader(yaml.SafeLoader):
    """mkdocs.yml with its Python tags kept as names, and other tags read as plain values."""


def _python_name(loader: _TagLoader, suffix: str, node: yaml.Node) -> _PythonName:
    return _PythonName(suffix)


def _python_apply(loader: _TagLoader, suffix: str, node: yaml.Node) -> _PythonApply:
    if isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
        return _PythonApply(suffix, tuple(value.get("args") or ()), dict(value.get("kwds") or {}))
    if isinstance(node, yaml.SequenceNode):
        return _PythonApply(suffix, tuple(loader.construct_sequence(node, deep=True)))
    return _PythonApply(suffix)


def _other(loader: _TagLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    return None


_TagLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
_TagLoader.add_multi_constructor("tag:yaml.org,2002:python/object/apply:", _python_apply)
_TagLoader.add_multi_constructor("tag:yaml.org,2002:python/", _other)
_TagLoader.add_multi_constructor("!", _other)


def _import(dotted: str) -> Any:
    module, _, attr = dotted.rpartition(".")
    try:
        return getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError, ValueError):
        raise ConfigError(
            msg("project.slugify-import", name=dotted),
            "mkdocs.yml",
        ) from None


def toc_slugify(repo: Path) -> Slugify:
    """The slugify the site's toc uses, with its configured separator."""
    from markdown.extensions.toc import slugify as default

    path = repo / "mkdocs.yml"
    toc: dict[str, Any] = {}
    if path.is_file():
        try:
            data = yaml.load(path.read_text("utf-8"), Loader=_TagLoader)
        except (yaml.YAMLError, OSError, UnicodeDecodeError):
            data = None  # read_mkdocs_yml reports an unreadable mkdocs.yml
        extensions = data.get("markdown_extensions") if isinstance(data, dict) else None
        for entry in extensions if isinstance(extensions, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("toc"), dict):
                toc = entry["toc"]
    chosen = toc.get("slugify")
    function: Callable[..., str] = default
    if isinstance(chosen, _PythonName):
        function = _import(chosen.name)
    elif isinstance(chosen, _PythonApply):
        function = _import(chosen.name)(*chosen.args, **chosen.kwds)
    separator = str(toc.get("separator", "-"))
    return lambda text, _sep: str(function(text, separator))


def link_findings(project: Project) -> list[Finding]:
    """Findings for links, anchors and images in the working tree's documents."""
    repo = project.repo
    retired: dict[str, str] = {}
    if project.control is not None:
        for ctl in project.control.documents:
            if ctl.status is Status.WITHDRAWN:
                retired[ctl.path] = ctl.id
    for doc in project.worktree.documents:
        if doc.withdrawn:
            for path in doc.paths:
                retired[path] = doc.id
    return check_links(
        project.worktree.documents,
        lambda rel: (repo / rel).is_file(),
        toc_slugify(repo),
        retired.get,
    )
