"""Markdown extensions that read files, confined to the repository (pure).

``pymdownx.snippets`` and the include extensions paste other files into a page
when it is rendered. Unconfined, an approved text could pull in ``/etc/passwd``,
a file beside the repository, or a URL, none of which git approved. ``check``
reports each configuration that can reach outside the repository.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any

from doccontrol.model.findings import Finding, error
from doccontrol.model.messages import Message, msg

CODE = "extension-reads-outside"
SNIPPETS = "pymdownx.snippets"
INCLUDES = ("markdown_include.include", "mdx_include")


def _extensions(data: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    found: list[tuple[str, Mapping[str, Any]]] = []
    for entry in data.get("markdown_extensions") or []:
        if isinstance(entry, str):
            found.append((entry, {}))
        elif isinstance(entry, Mapping):
            for name, options in entry.items():
                found.append((str(name), options if isinstance(options, Mapping) else {}))
    return found


def _outside(path: object) -> bool:
    text = str(path).replace("\\", "/")
    if text.startswith("/") or (len(text) > 1 and text[1] == ":") or "://" in text:
        return True
    return posixpath.normpath(text).split("/")[0] == ".."


def _paths(value: object) -> list[object]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _line(text: str, name: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if name in line:
            return number
    return 1


def extension_findings(data: Mapping[str, Any], text: str, path: str = "mkdocs.yml") -> list[Finding]:
    """The file-reading extensions of mkdocs.yml (``data``, from ``text``) that can leave the repo."""
    findings: list[Finding] = []
    for name, options in _extensions(data):
        problems: list[Message] = []
        if name == SNIPPETS:
            if options.get("check_paths") is not True:
                problems.append(msg("extension.check-paths"))
            if options.get("restrict_base_path") is False:
                problems.append(msg("extension.restrict-base-path"))
            if options.get("url_download") is True:
                problems.append(msg("extension.url-download"))
            bases = [b for b in _paths(options.get("base_path", ".")) if _outside(b)]
            bases += [a for a in _paths(options.get("auto_append", [])) if _outside(a)]
            problems += [msg("extension.outside", path=str(b)) for b in bases]
        elif name in INCLUDES:
            if _outside(options.get("base_path", ".")):
                problems.append(msg("extension.base-path", path=str(options.get("base_path"))))
            if name == "mdx_include" and options.get("allow_remote", True) is not False:
                problems.append(msg("extension.allow-remote"))
        for problem in problems:
            findings.append(
                error(
                    path,
                    _line(text, name),
                    CODE,
                    msg(CODE, name=name, problem=problem),
                )
            )
    return findings
