"""Relative links, ``#anchors`` and image paths in document text (pure).

``check`` runs this so that it and ``mkdocs build --strict`` agree: a relative
``.md`` link must name a file that exists, an anchor must name a heading of its
target as the site renders it (with the toc extension's slugify, handed in by
the shell), and an image must exist. A link into a withdrawn document still
works on the site, but sends the reader to text no longer in force: a warning.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote

from doccontrol.model.documents import Document
from doccontrol.model.findings import Finding, error, warning
from doccontrol.model.messages import Message, msg

Slugify = Callable[[str, str], str]

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_INLINE = re.compile(r"(!?)\[(?:[^\]\\]|\\.)*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
_HTML = re.compile(r"<(img|a)\b[^>]*?\b(src|href)\s*=\s*\"([^\"]+)\"", re.IGNORECASE)
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_ATTR_ID = re.compile(r"\s*\{[^}]*#([\w-]+)[^}]*\}\s*$")
_ANCHOR_HTML = re.compile(r"<a\b[^>]*\b(?:id|name)\s*=\s*\"([^\"]+)\"", re.IGNORECASE)
_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`~]|<[^>]+>")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class Target:
    """A link or image written in a file, at its line."""

    path: str
    line: int
    url: str
    image: bool


def targets(path: str, body: str, body_line: int) -> Iterator[Target]:
    """Every link and image outside code, with the line it is on."""
    fence = ""
    for offset, line in enumerate(body.split("\n")):
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            continue
        if opened:
            fence = opened.group(1)
            continue
        if line.startswith(("    ", "\t")) and not line.strip().startswith(("-", "*", "<")):
            continue  # an indented code block, as far as a line can tell
        text = _CODE_SPAN.sub("", line)
        number = body_line + offset
        for match in _INLINE.finditer(text):
            yield Target(path, number, match.group(2).strip("<>"), match.group(1) == "!")
        definition = _DEFINITION.match(text)
        if definition:
            yield Target(path, number, definition.group(1).strip("<>"), False)
        for match in _HTML.finditer(text):
            yield Target(path, number, match.group(3), match.group(1).lower() == "img")


def anchors(body: str, slugify: Slugify) -> frozenset[str]:
    """The ids the site gives the headings of ``body`` (toc's slugify, made unique as toc does)."""
    found: list[str] = []
    seen: set[str] = set()
    fence = ""
    previous = ""
    for line in body.split("\n"):
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0]:
                fence = ""
            continue
        if opened:
            fence = opened.group(1)
            previous = ""
            continue
        found.extend(_ANCHOR_HTML.findall(line))
        heading: str | None = None
        atx = _ATX.match(line)
        if atx:
            heading = atx.group(2)
        elif _SETEXT.match(line) and previous.strip() and not previous.lstrip().startswith(("-", "*", "|")):
            heading = previous.strip()
        previous = line
        if heading is None:
            continue
        explicit = _ATTR_ID.search(heading)
        if explicit:
            found.append(explicit.group(1))
            continue
        plain = _MARKUP.sub(lambda m: m.group(1) or "", heading).strip()
        slug = slugify(plain, "-")
        # Python-Markdown's toc: a repeated id gets _1, _2 …
        unique, n = slug, 0
        while unique in seen or not unique:
            n += 1
            unique = f"{slug}_{n}"
        seen.add(unique)
        found.append(unique)
    return frozenset(found)


def check_links(
    documents: Iterable[Document],
    exists: Callable[[str], bool],
    slugify: Slugify,
    withdrawn: Callable[[str], str | None],
) -> list[Finding]:
    """Findings for the relative links, anchors and images of every document's files.

    ``exists`` says whether a repository path is a file; ``withdrawn`` gives the id
    of the withdrawn document a path belongs to, or None.
    """
    docs = list(documents)
    bodies: dict[str, str] = {}
    for doc in docs:
        bodies[doc.path] = doc.body
        for chapter in doc.chapters:
            bodies[chapter.path] = chapter.body
    cache: dict[str, frozenset[str]] = {}

    def ids_of(path: str) -> frozenset[str]:
        if path not in cache:
            cache[path] = anchors(bodies[path], slugify)
        return cache[path]

    findings: list[Finding] = []
    for doc in docs:
        for path, body, line in (
            (doc.path, doc.body, doc.body_line),
            *((c.path, c.body, c.body_line) for c in doc.chapters),
        ):
            for target in targets(path, body, line):
                finding = _judge(target, exists, ids_of, bodies, withdrawn)
                if finding is not None:
                    findings.append(finding)
    return findings


def _judge(
    target: Target,
    exists: Callable[[str], bool],
    ids_of: Callable[[str], frozenset[str]],
    bodies: dict[str, str],
    withdrawn: Callable[[str], str | None],
) -> Finding | None:
    url = target.url
    if not url or _SCHEME.match(url) or url.startswith(("/", "//")):
        return None  # external, or absolute on the site: not the repository's to check
    raw_path, _, fragment = url.partition("#")
    raw_path = unquote(raw_path.partition("?")[0])
    fragment = unquote(fragment)
    where = (target.path, target.line)
    if not raw_path:
        if fragment and fragment not in ids_of(target.path):
            return error(*where, "broken-anchor", _anchor_message(url, target.path, ids_of))
        return None
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(target.path), raw_path))
    kind = "image" if target.image else "link"
    if resolved.startswith("../") or resolved == "..":
        return error(
            *where,
            "missing-image" if target.image else "broken-link",
            msg(f"broken-link.{kind}-outside", url=url),
        )
    if not exists(resolved):
        retired = withdrawn(resolved)
        if retired is not None and not target.image:
            return warning(
                *where,
                "link-to-withdrawn",
                msg("link-to-withdrawn", url=url, target=retired),
            )
        code = "missing-image" if target.image else "broken-link"
        return error(
            *where,
            code,
            msg(f"broken-link.{kind}-missing", url=url, resolved=resolved,
                base=posixpath.dirname(target.path) or msg("broken-link.repository")),
        )
    retired = withdrawn(resolved)
    if retired is not None and not target.image:
        return warning(
            *where,
            "link-to-withdrawn",
            msg("link-to-withdrawn", url=url, target=retired),
        )
    if fragment and resolved in bodies and fragment not in ids_of(resolved):
        return error(*where, "broken-anchor", _anchor_message(url, resolved, ids_of))
    return None


def _anchor_message(url: str, path: str, ids_of: Callable[[str], frozenset[str]]) -> Message:
    known = sorted(ids_of(path))
    listed = ", ".join("#" + k for k in known[:8]) + (" …" if len(known) > 8 else "")
    if not known:
        return msg("broken-anchor.none", url=url, path=path)
    return msg("broken-anchor", url=url, path=path, headings=listed)
