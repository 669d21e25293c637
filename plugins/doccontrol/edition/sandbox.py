"""The resource sandbox of a printed document: what its HTML may load (pure).

An edition prints approved text read from git, so the files it embeds (images,
stylesheets, fonts, attachments) are read from git as well, never from the disk:
every URL a document names is decided here before WeasyPrint sees it, and again
by the URL fetcher when WeasyPrint asks for it (defence in depth, see
:mod:`doccontrol.edition.pdf`).

- A path relative to the document, inside the repository, is read from the
  document's revision in git, following symbolic links that stay in the
  repository.
- ``data:`` URLs are decoded in memory.
- Everything else is refused with the document's path and line: ``http(s)`` and
  other network URLs, ``file://`` URLs (absolute paths depend on the machine, and
  outside the repository they read other files), absolute paths, ``../`` that
  leaves the repository, symbolic links that lead out of it (or to an absolute
  path), submodules and missing files.

Allowed resources are rewritten to ``https://doccontrol.invalid/<commit>/<path>``:
a host that cannot resolve (RFC 2606), which only the sandboxed fetcher serves,
from the git objects of that commit.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from typing import Protocol
from urllib.parse import quote, unquote, urlsplit

import tinycss2
import tinycss2.ast
from tinycss2.serializer import serialize_string_value, serialize_url

from doccontrol.model.findings import Finding, error
from doccontrol.model.history import TreeEntry
from doccontrol.model.messages import Message, msg

VIRTUAL_HOST = "doccontrol.invalid"
BASE_URL = f"https://{VIRTUAL_HOST}/"
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_COMMIT = re.compile(r"^[0-9a-f]{40}(?:[0-9a-f]{24})?$")
_MAX_LINKS = 8

# Attributes whose URL a renderer may load, on any element. ``href`` of a link
# (``<a>``, ``<area>``) is a hyperlink, not a load, unless rel names an attachment.
RESOURCE_ATTRIBUTES = frozenset(
    {
        "src", "href", "xlink:href", "data", "poster", "background", "srcset", "lowsrc",
        "dynsrc", "longdesc", "usemap", "codebase", "archive", "manifest", "icon", "profile",
        "action", "formaction", "cite", "ping",
    }
)
LINK_ELEMENTS = frozenset({"a", "area"})
# Functions whose string arguments are URLs (CSS Values 4 and CSS Images).
_URL_FUNCTIONS = frozenset({"url", "src", "image", "image-set", "-webkit-image-set", "cross-fade"})


class Tree(Protocol):
    """The files of the repository at a commit (git's view, not the disk's)."""

    def entry(self, commit: str, path: str) -> TreeEntry | None: ...

    def blob(self, sha: str) -> bytes: ...


@dataclass(frozen=True)
class Piece:
    """One Markdown file of a document: where its text starts, for path:line messages."""

    path: str
    body: str
    body_line: int


@dataclass(frozen=True)
class Decision:
    """What happens to one URL: kept as written, loaded from ``path``, or refused."""

    kind: str  # "keep" | "load" | "refuse"
    path: str = ""
    reason: Message | None = None  # why it is refused


KEEP = Decision("keep")


def resource_url(commit: str, path: str) -> str:
    return f"{BASE_URL}{commit}/{quote(path)}"


def parse_resource_url(url: str) -> tuple[str, str] | None:
    """The commit and repository path of a sandbox URL; None for any other URL."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme != "https" or parts.netloc != VIRTUAL_HOST or parts.query:
        return None
    commit, _, rest = parts.path.lstrip("/").partition("/")
    path = unquote(rest)
    if not _COMMIT.match(commit) or not path:
        return None
    if posixpath.normpath(path) != path or path.startswith(("/", "..")) or "\\" in path:
        return None
    return commit, path


def follow(tree: Tree, commit: str, path: str, hops: int = 0) -> Decision:
    """Find ``path`` in the tree of ``commit``, following links that stay in the repository."""
    parts = path.split("/")
    for i in range(1, len(parts) + 1):
        prefix = "/".join(parts[:i])
        entry = tree.entry(commit, prefix)
        if entry is None:
            if i == len(parts):
                return Decision(
                    "refuse",
                    reason=msg("sandbox.not-committed", path=path, commit=commit[:8]),
                )
            continue  # a folder: git trees list files, not folders
        if entry.mode == "120000":
            target = tree.blob(entry.sha).decode("utf-8", errors="replace")
            if target.startswith("/"):
                return Decision(
                    "refuse",
                    reason=msg("sandbox.absolute-link", path=prefix, target=target),
                )
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(prefix), target, *parts[i:]))
            if joined == ".." or joined.startswith("../"):
                return Decision(
                    "refuse",
                    reason=msg("sandbox.escaping-link", path=prefix, target=target),
                )
            if hops >= _MAX_LINKS:
                return Decision("refuse", reason=msg("sandbox.link-loop", path=prefix))
            return follow(tree, commit, joined, hops + 1)
        if entry.mode == "160000":
            return Decision("refuse", reason=msg("sandbox.submodule", path=prefix))
        if i < len(parts):
            return Decision("refuse", reason=msg("sandbox.not-folder", path=prefix))
        return Decision("load", path=path)
    return Decision("refuse", reason=msg("sandbox.not-file", path=path))


def decide(url: str, from_path: str, commit: str, repo_root: str, tree: Tree) -> Decision:
    """What a document at ``from_path`` (revision ``commit``) may do with ``url``."""
    value = url.strip()
    if not value or value.startswith("#"):
        return KEEP
    match = _SCHEME.match(value)
    if match:
        scheme = match.group(1).lower()
        if scheme == "data":
            return KEEP
        if scheme == "file":
            local = unquote(urlsplit(value).path)
            root = repo_root.rstrip("/") + "/"
            if local.startswith(root):
                return Decision(
                    "refuse",
                    reason=msg("sandbox.file-url-inside"),
                )
            return Decision(
                "refuse",
                reason=msg("sandbox.file-url", path=local or value),
            )
        if scheme in ("http", "https", "ftp", "ftps", "ws", "wss"):
            return Decision(
                "refuse",
                reason=msg("sandbox.network"),
            )
        return Decision("refuse", reason=msg("sandbox.scheme", scheme=scheme))
    if value.startswith(("//", "\\\\")):
        return Decision(
            "refuse",
            reason=msg("sandbox.network-path"),
        )
    try:
        parts = urlsplit(value)
    except ValueError:
        return Decision("refuse", reason=msg("sandbox.invalid"))
    rel = unquote(parts.path)
    if not rel:
        return KEEP  # only a query or fragment: this document itself
    if rel.startswith("/"):
        return Decision(
            "refuse",
            reason=msg("sandbox.absolute-path", path=rel),
        )
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), rel))
    if joined == ".." or joined.startswith("../"):
        return Decision(
            "refuse",
            reason=msg("sandbox.escape", path=rel),
        )
    if joined == ".":
        return Decision("refuse", reason=msg("sandbox.folder"))
    return follow(tree, commit, joined)


def locate(needles: Iterable[str], piece: Piece) -> int:
    """The line of ``piece`` where the first of ``needles`` occurs (its first line if none does)."""
    lines = piece.body.split("\n")
    for needle in needles:
        if not needle:
            continue
        for offset, line in enumerate(lines):
            if needle in line:
                return piece.body_line + offset
    return piece.body_line


def _needles(url: str) -> list[str]:
    value = url.strip()
    base = posixpath.basename(urlsplit(value).path) if value else ""
    return [value, escape(value, quote=True), value.replace("&", "&amp;"), unquote(base), base]


# -- CSS -----------------------------------------------------------------------------


def rewrite_css(css: str, resolve: Callable[[str], str]) -> str:
    """Every URL in a stylesheet (url(), @import, image-set() ...) replaced by ``resolve(url)``."""
    nodes = tinycss2.parse_component_value_list(css, skip_comments=False)
    if not _rewrite_nodes(nodes, resolve):
        return css
    return str(tinycss2.serialize(nodes))


def _rewrite_nodes(nodes: list[tinycss2.ast.Node], resolve: Callable[[str], str]) -> bool:
    changed = False
    importing = False
    for node in nodes:
        if isinstance(node, tinycss2.ast.URLToken):
            node.representation = f"url({serialize_url(resolve(node.value))})"
            changed = True
        elif isinstance(node, tinycss2.ast.StringToken) and importing:
            node.representation = f'"{serialize_string_value(resolve(node.value))}"'
            changed = True
        elif isinstance(node, tinycss2.ast.FunctionBlock):
            if node.lower_name in _URL_FUNCTIONS:
                for arg in node.arguments:
                    if isinstance(arg, tinycss2.ast.StringToken):
                        arg.representation = f'"{serialize_string_value(resolve(arg.value))}"'
                        changed = True
            changed |= _rewrite_nodes(node.arguments, resolve)
        elif isinstance(
            node,
            tinycss2.ast.CurlyBracketsBlock
            | tinycss2.ast.ParenthesesBlock
            | tinycss2.ast.SquareBracketsBlock,
        ):
            changed |= _rewrite_nodes(node.content, resolve)
        if isinstance(node, tinycss2.ast.AtKeywordToken):
            importing = node.lower_value == "import"
        elif not isinstance(node, tinycss2.ast.WhitespaceToken | tinycss2.ast.Comment):
            importing = False
    return changed


# -- HTML ----------------------------------------------------------------------------

INVALID = "about:invalid"


class _Rewriter(HTMLParser):
    """Copies HTML through, rewriting what may load and what may link."""

    def __init__(
        self,
        resolve: Callable[[str, str | Message, tuple[str, ...]], str],
        link: Callable[[str], str | None],
    ) -> None:
        super().__init__(convert_charrefs=False)
        self.resolve = resolve
        self.link = link
        self.out: list[str] = []
        self.in_style = False
        self.skipping = 0

    # Start tags are copied as written unless something in them changes.
    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], closing: bool) -> None:
        raw = self.get_starttag_text() or ""
        if tag == "base":
            return  # would change what every relative URL means
        rels = {
            token.lower()
            for name, value in attrs
            if name == "rel" and value
            for token in value.split()
        }
        # What an author wrote near the URL, for the line of a refusal when the URL was made
        # by an extension (pymdownx.emoji writes a CDN image for ":thumbsup:").
        hints = tuple(v for n, v in attrs if n in ("alt", "title") and v)
        new: list[tuple[str, str | None]] = []
        changed = False
        for name, value in attrs:
            if value is None:
                new.append((name, value))
                continue
            replaced = value
            if name == "style":
                replaced = rewrite_css(value, lambda u: self.resolve(u, msg("sandbox.in-style", tag=tag), hints))
            elif name in ("href", "xlink:href") and tag in LINK_ELEMENTS and "attachment" not in rels:
                target = self.link(value)
                if target is None:
                    changed = True
                    continue
                replaced = target
            elif name == "srcset":
                replaced = ", ".join(
                    " ".join([self.resolve(c.split()[0], msg("sandbox.in-srcset", tag=tag), hints), *c.split()[1:]])
                    for c in value.split(",")
                    if c.strip()
                )
            elif name in RESOURCE_ATTRIBUTES:
                replaced = self.resolve(value, f"<{tag} {name}>", hints)
            if replaced != value:
                changed = True
            new.append((name, replaced))
        if not changed:
            self.out.append(raw)
            return
        text = "".join(
            f" {name}" if value is None else f' {name}="{escape(value, quote=True)}"'
            for name, value in new
        )
        self.out.append(f"<{tag}{text}{' /' if closing else ''}>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, False)
        if tag == "style":
            self.in_style = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, True)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self.in_style = False
        if tag != "base":
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.in_style:
            data = rewrite_css(data, lambda u: self.resolve(u, "<style>", ()))
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


@dataclass(frozen=True)
class Sandboxed:
    """A document's HTML with every load rewritten, the files it loads, and what was refused."""

    html: str
    loads: tuple[str, ...]
    findings: tuple[Finding, ...]


def sandbox_html(
    html: str,
    piece: Piece,
    commit: str,
    repo_root: str,
    tree: Tree,
    link: Callable[[str], str | None],
) -> Sandboxed:
    """Rewrite the HTML made from one Markdown file so that it loads only repository files.

    ``link`` maps a hyperlink's target to what the PDF should link to (None: no link).
    """
    findings: list[Finding] = []
    loads: list[str] = []

    def resolve(url: str, where: str | Message, hints: tuple[str, ...]) -> str:
        decision = decide(url, piece.path, commit, repo_root, tree)
        if decision.kind == "keep":
            return url
        if decision.kind == "load":
            loads.append(decision.path)
            return resource_url(commit, decision.path)
        findings.append(
            error(
                piece.path,
                locate([*_needles(url), *hints], piece),
                "edition-resource",
                msg("edition-resource", where=where, url=repr(url.strip()),
                    reason=decision.reason or msg("sandbox.invalid")),
            )
        )
        return INVALID

    rewriter = _Rewriter(resolve, link)
    rewriter.feed(html)
    rewriter.close()
    return Sandboxed("".join(rewriter.out), tuple(dict.fromkeys(loads)), tuple(findings))
