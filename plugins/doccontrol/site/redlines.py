"""Redline pages: each revision of a document against the one before (pure).

The pages are small static files written next to the document's page. They carry
both texts; the browser works out the changes (assets/redline.js), so a history of
thousands of revisions adds almost nothing to a build.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable, Mapping
from html import escape
from itertools import pairwise

from doccontrol.rules.control import DocumentControl, Revision
from doccontrol.site.urls import page_url, redline_name


def revision_text(revision: Revision, blobs: Mapping[str, bytes]) -> str:
    parts = []
    for _, blob in revision.files:
        data = blobs.get(blob)
        if data is not None:
            parts.append(data.decode("utf-8", errors="replace").replace("\r\n", "\n"))
    return "\n".join(parts)


def _json_script(element_id: str, text: str) -> str:
    # "</" cannot close the script element once escaped.
    payload = json.dumps(text, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" id="{element_id}">{payload}</script>'


def redline_page(
    ctl: DocumentControl,
    old: Revision,
    new: Revision,
    old_text: str,
    new_text: str,
    back: str,
    assets: str,
    language: str,
) -> str:
    english = language.lower().startswith("en")
    title = f"{ctl.id} {ctl.title}: {old.label} → {new.label}"
    legend = (
        "Deleted text is struck through, inserted text underlined."
        if english
        else "删除的文字加删除线，新增的文字加下划线。"
    )
    meta = (
        f"{'Issued' if english else '发布日期'} {new.issued} · "
        f"{'Approved by' if english else '批准'} {'、'.join(new.approvers)} · {new.summary}"
    )
    return f"""<!doctype html>
<html lang="{"en" if english else "zh"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; margin: 2rem auto; max-width: 60rem;
  padding: 0 1rem; color: #222; line-height: 1.6; }}
pre.dc-redline {{ white-space: pre-wrap; word-break: break-word; font-family: inherit; font-size: 0.95rem; }}
del {{ background: #fde2e1; color: #b3261e; }}
ins {{ background: #dcf5e3; color: #1b6b35; text-decoration: underline; }}
.dc-meta {{ color: #555; font-size: 0.9rem; }}
</style>
</head>
<body>
<p><a href="{escape(back)}">← {escape(ctl.id)} {escape(ctl.title)}</a></p>
<h1>{escape(title)}</h1>
<p class="dc-meta">{escape(meta)}</p>
<p class="dc-meta">{escape(legend)}</p>
<pre class="dc-redline" id="dc-redline"></pre>
{_json_script("dc-old", old_text)}
{_json_script("dc-new", new_text)}
<script src="{escape(assets)}redline.js"></script>
</body>
</html>
"""


def redline_pages(
    documents: Iterable[tuple[str, DocumentControl]],
    blobs: Mapping[str, bytes],
    directory_urls: bool,
    language: str,
) -> dict[str, str]:
    """Site-relative path → HTML for every revision that has one before it.

    ``documents`` pairs each document's page source path with its control state.
    """
    pages: dict[str, str] = {}
    for page_src, ctl in documents:
        url = page_url(page_src, directory_urls)
        for old, new in pairwise(ctl.revisions):
            path = redline_name(page_src, new.label, directory_urls)
            here = posixpath.dirname(path)
            back = posixpath.relpath(url, here or ".") + ("/" if url.endswith("/") else "")
            assets = posixpath.relpath("assets/doccontrol", here or ".") + "/"
            pages[path] = redline_page(
                ctl,
                old,
                new,
                revision_text(old, blobs),
                revision_text(new, blobs),
                back,
                assets,
                language,
            )
    return pages
