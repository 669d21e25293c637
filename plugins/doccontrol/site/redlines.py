"""Redlines on the site: each revision of a document against the one before (pure).

The diff is worked out here, at build time, by :mod:`doccontrol.rendering.redline`,
the same code behind ``doccontrol diff``; the browser only shows it
(assets/redline.js). What the site stores:

- one themed page, ``redline.md``, through MkDocs and the theme, with navigation;
  ``?doc=<page>&rev=<label>`` says which redline it shows;
- one data file per document (``redline/d/<page>.json``) holding ``rows``: each
  distinct line of the document's versions once, as a row of HTML; ``versions``: each
  distinct version of the document once, keyed by its blob: its text as rendered, as
  the indexes of its rows; and ``revisions``: per revision label,
  the header (changed front-matter fields, who approved it) and the changed rows
  only, with the unchanged runs as line ranges of the new version. One file per
  document rather than per version keeps a build's writes few.

So the added size is proportional to distinct versions plus what changed, not to
revisions times the document's length.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache, partial
from html import escape
from itertools import pairwise
from typing import Any

from doccontrol.rendering.display_text import DisplayLine, display_lines
from doccontrol.rendering.labels import names as list_names
from doccontrol.rendering.labels import section_of
from doccontrol.rendering.redline import Kind, Row, Same, redline_rows
from doccontrol.rules.control import DocumentControl, Revision
from doccontrol.site.urls import REDLINE_PAGE, redline_data, redline_slug, relative_url
from doccontrol.sources.front_matter import split_markdown
from doccontrol.sources.text_file import decode


def _words(language: str) -> Mapping[str, str]:
    return section_of(language, "redline")


@dataclass(frozen=True)
class Version:
    """A document's text as one revision holds it: its first file's front matter
    (as written, parsed only when a redline needs it) and the body of every file."""

    key: str
    path: str
    front: str
    body: str


_FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)


def _split(text: str) -> tuple[str, str]:
    """Front matter as written, and the rest."""
    match = _FENCE.match(text)
    if match is None:
        return "", text
    return match.group(0), text[match.end() :]


def _meta(path: str, front: str) -> Mapping[str, Any]:
    if not front:
        return {}
    parsed, _ = split_markdown(path, front + "\n")
    return parsed.meta if parsed is not None and parsed.meta is not None else {}


@dataclass(frozen=True)
class RedlineSite:
    """The redline page's Markdown, and the data files by site path."""

    page: str
    files: dict[str, str]


def version_of(revision: Revision, blobs: Mapping[str, bytes]) -> Version:
    """The revision's files as one text; the front matter is the first file's."""
    front = ""
    bodies = []
    for index, (path, blob) in enumerate(revision.files):
        text, _ = decode(path, blobs.get(blob, b""))
        if text is None:
            continue
        head, body = _split(text.replace("\r\n", "\n"))
        if index == 0:
            front = head
        bodies.append(body)
    blob_ids = ",".join(blob for _, blob in revision.files)
    key = blob_ids[:20] if len(revision.files) == 1 else hashlib.sha1(blob_ids.encode()).hexdigest()[:20]
    return Version(key, revision.path, front, "\n\n".join(bodies))


# Front-matter values are the authors' words: a list is joined the way its language would.
_CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, list | tuple):
        items = [str(v) for v in value]
        return ("、" if _CJK.search("".join(items)) else ", ").join(items) or "—"
    if isinstance(value, dict):
        pairs = [f"{k}: {_value(v)}" for k, v in value.items()]
        return ("；" if _CJK.search("".join(pairs)) else "; ").join(pairs)
    return str(value)


def changed_fields(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(field, before, after) for every front-matter field the revision changed."""
    out = []
    for key in [*old, *(k for k in new if k not in old)]:
        before, after = _value(old.get(key)), _value(new.get(key))
        if before != after:
            out.append((key, before, after))
    return out


def _row_html(line: DisplayLine, inner: str) -> str:
    depth = f" dc-rl-d{min(line.depth, 4)}" if line.depth else ""
    return f'<p class="dc-rl dc-rl-{line.kind}{depth}">{inner}</p>'


@lru_cache(maxsize=1 << 16)
def _plain_row(line: DisplayLine) -> str:
    # Versions of a document share most lines: each distinct line is escaped once.
    return _row_html(line, escape(line.text, quote=False))


def _mark_html(
    row: Row,
    lines: tuple[DisplayLine, ...],
    old_lines: tuple[DisplayLine, ...],
    first_seen: set[int],
    offset: int,
) -> str:
    parts = []
    for mark in row.marks:
        text = escape(mark.text, quote=False)
        if mark.kind is Kind.EQUAL:
            parts.append(text)
            continue
        tag = "del" if mark.kind is Kind.DELETE else "ins"
        number = mark.change + offset
        anchor = ""
        if number not in first_seen:
            first_seen.add(number)
            anchor = f' id="dc-change-{number}"'
        parts.append(f'<{tag} class="dc-{tag}" data-change="{number}"{anchor}>{text}</{tag}>')
    source = lines if row.new else old_lines
    layout = source[row.source] if 0 <= row.source < len(source) else DisplayLine("p", "")
    return _row_html(layout, "".join(parts))


def _head(
    ctl: DocumentControl,
    old: Revision,
    new: Revision,
    fields: list[tuple[str, str, str]],
    back: str,
    language: str,
) -> str:
    w = _words(language)
    names = section_of(language, "redline_fields")
    who = list_names(new.approvers, language)
    out = [
        f'<p class="dc-rl-back"><a href="{escape(back)}">← {escape(ctl.id)} {escape(ctl.title)}</a></p>',
        f'<p class="dc-rl-meta">{w["issued"]} {new.issued} · {w["approved"]} {escape(who)}'
        f" · {escape(new.summary)}</p>",
    ]
    if fields:
        # Each changed field is a change of its own, numbered before the text's.
        rows = "".join(
            f'<tr class="dc-rl-field" data-change="{n}" id="dc-change-{n}">'
            f"<td>{escape(names.get(k, k))}</td><td><del>{escape(a)}</del></td>"
            f"<td><ins>{escape(b)}</ins></td></tr>"
            for n, (k, a, b) in enumerate(fields, 1)
        )
        out.append(
            '<div class="dc-rl-fields"><table class="dc-rl-fields-table">'
            f"<thead><tr><th>{w['field']}</th><th>{w['old']}</th><th>{w['new']}</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></div>"
        )
    out.append(f'<p class="dc-rl-legend">{w["legend"]}</p>')
    return "".join(out)


class _Versions:
    """Rendered versions, each worked out once per build."""

    def __init__(self, blobs: Mapping[str, bytes], render: Callable[[str], str]) -> None:
        self.blobs = blobs
        self.render = render
        self.seen: dict[tuple[tuple[str, str], ...], tuple[Version, tuple[DisplayLine, ...]]] = {}
        # Versions share most of their lines: each distinct row is stored once.
        self.row_index: dict[str, int] = {}
        self.rows: dict[str, list[int]] = {}

    def get(self, revision: Revision) -> tuple[Version, tuple[DisplayLine, ...]]:
        # Each revision is the new side of one redline and the old side of the next.
        if revision.files not in self.seen:
            version = version_of(revision, self.blobs)
            lines = display_lines(self.render(version.body))
            self.seen[revision.files] = (version, lines)
            index = self.row_index
            self.rows[version.key] = [index.setdefault(_plain_row(ln), len(index)) for ln in lines]
        return self.seen[revision.files]


def redline_json(
    ctl: DocumentControl,
    old: Revision,
    new: Revision,
    versions: _Versions,
    back: str,
    language: str,
) -> dict[str, Any]:
    """The revision's redline as the page's script reads it."""
    old_version, old_lines = versions.get(old)
    new_version, new_lines = versions.get(new)
    ops, changes = redline_rows([ln.text for ln in old_lines], [ln.text for ln in new_lines])
    fields: list[tuple[str, str, str]] = []
    if old_version.front != new_version.front:  # parse YAML only when it changed
        fields = changed_fields(
            _meta(old_version.path, old_version.front), _meta(new_version.path, new_version.front)
        )
    seen: set[int] = set()
    body: list[list[int] | str] = []
    for op in ops:
        if isinstance(op, Same):
            body.append([op.start, op.end])
        else:
            body.append(
                "".join(_mark_html(row, new_lines, old_lines, seen, len(fields)) for row in op)
            )
    head = _head(ctl, old, new, fields, back, language)
    data = {
        "title": f"{ctl.id} {ctl.title}{section_of(language, 'common')['colon']}"
        f"{old.label} → {new.label}",
        "version": new_version.key,
        "changes": changes + len(fields),
        "head": head,
        "body": body,
    }
    return data


def redline_page(language: str, directory_urls: bool) -> str:
    """The one themed page that shows any revision's redline."""
    w = _words(language)
    assets = "../assets/doccontrol/" if directory_urls else "assets/doccontrol/"
    return f"""---
search:
  exclude: true
---

# {w["title"]}

<link rel="stylesheet" href="{assets}redline.css">
<div class="dc-redline-view" id="dc-redline" data-none="{escape(w["none"])}" data-missing="{escape(w["missing"])}">
<p class="dc-rl-choose">{escape(w["choose"])}</p>
</div>
<nav class="dc-rl-controls" id="dc-rl-controls" hidden>
<span class="dc-rl-count"><strong id="dc-rl-count">0</strong> {escape(w["changes"])}</span>
<button type="button" class="md-button" id="dc-rl-prev">↑ {escape(w["previous"])}</button>
<button type="button" class="md-button md-button--primary" id="dc-rl-next">↓ {escape(w["next"])}</button>
</nav>
<script src="{assets}redline.js"></script>
"""


def _render_in(render: Callable[[str, str], str], page: str, body: str) -> str:
    return render(body, page)


def redline_site(
    documents: Iterable[tuple[str, DocumentControl]],
    blobs: Mapping[str, bytes],
    render: Callable[[str, str], str],
    directory_urls: bool,
    language: str,
) -> RedlineSite:
    """The redline page and its data for every revision that has one before it.

    ``documents`` pairs each document's page source path with its control state;
    ``render(body, page)`` resolves ``[[ID]]`` links the way the page does.
    """
    files: dict[str, str] = {}
    for page_src, ctl in documents:
        versions = _Versions(blobs, partial(_render_in, render, page_src))
        back = relative_url(REDLINE_PAGE, page_src, directory_urls)
        revisions = {
            redline_slug(new.label): redline_json(ctl, old, new, versions, back, language)
            for old, new in pairwise(ctl.revisions)
        }
        if revisions:
            bundle = {"rows": list(versions.row_index), "versions": versions.rows, "revisions": revisions}
            files[redline_data(page_src)] = json.dumps(bundle, ensure_ascii=False)
    return RedlineSite(redline_page(language, directory_urls), files)
