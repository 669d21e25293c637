"""Split a Markdown text into front matter and body, keeping line numbers.

python-frontmatter finds the ``---`` fences; :mod:`doccontrol.sources.yaml_positions` reads the
YAML so that every key keeps its line and bad YAML is a finding, not silence.
"""

from __future__ import annotations

from dataclasses import dataclass

from frontmatter.default_handlers import YAMLHandler

from doccontrol.model.findings import Finding, error
from doccontrol.model.messages import msg
from doccontrol.sources.yaml_positions import PosDict, load_yaml

_HANDLER = YAMLHandler()


@dataclass(frozen=True)
class MarkdownText:
    """A Markdown file split up. ``meta`` is None when it has no front matter.

    Line ``k`` of ``body`` is line ``body_line + k - 1`` of the file.
    """

    path: str
    meta: PosDict | None
    body: str
    body_line: int


def split_markdown(path: str, text: str) -> tuple[MarkdownText | None, list[Finding]]:
    """Parse front matter; a file with broken front matter gives ``(None, findings)``."""
    if not text.strip():
        return None, [
            error(path, 1, "empty-file", msg("empty-file"))
        ]
    opening = _HANDLER.FM_BOUNDARY.match(text) if _HANDLER.FM_BOUNDARY else None
    if opening is None:
        return MarkdownText(path, None, text, 1), []
    try:
        fm, content = _HANDLER.split(text)
    except ValueError:
        return None, [
            error(
                path,
                1,
                "front-matter-unclosed",
                msg("front-matter-unclosed"),
            )
        ]
    fm_line = text[: opening.end()].count("\n") + 1
    body_line = text[: len(text) - len(content)].count("\n") + 1
    meta, problem = load_yaml(fm, fm_line)
    if problem:
        return None, [error(path, problem.line, problem.code or "front-matter-yaml", problem.text)]
    if meta is None:
        return None, [
            error(
                path,
                1,
                "front-matter-empty",
                msg("front-matter-empty"),
            )
        ]
    if not isinstance(meta, PosDict):
        return None, [
            error(
                path,
                fm_line + 1,
                "front-matter-not-mapping",
                msg("front-matter-not-mapping.list" if isinstance(meta, list)
                    else "front-matter-not-mapping"),
            )
        ]
    return MarkdownText(path, meta, content, body_line), []
