"""Page URLs as MkDocs makes them, for links in raw HTML (pure)."""

from __future__ import annotations

import posixpath
from urllib.parse import quote


def page_url(src: str, directory_urls: bool) -> str:
    """The URL MkDocs gives a page, relative to the site root ("" for the home page)."""
    stem = src.rsplit(".", 1)[0]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def _relative(path: str, start: str) -> str:
    """``posixpath.relpath`` for two paths inside the site, without asking the process
    for its working directory (which ``relpath`` does twice a call, thousands of times
    a build)."""
    to = [part for part in path.split("/") if part and part != "."]
    at = [part for part in start.split("/") if part and part != "."]
    common = 0
    while common < min(len(to), len(at)) and to[common] == at[common]:
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:]) or "."


def relative_url(from_src: str, to_src: str, directory_urls: bool) -> str:
    """A link from one page to another that works in raw HTML (MkDocs rewrites only Markdown links)."""
    here = page_url(from_src, directory_urls)
    there = page_url(to_src, directory_urls)
    here_dir = here if here.endswith("/") or not here else posixpath.dirname(here)
    rel = _relative(there, here_dir)
    return rel + "/" if there.endswith("/") or not there else rel


REDLINE_PAGE = "redline.md"


def redline_slug(label: str) -> str:
    """A revision label as the redline page's ``rev`` parameter: ``A/1`` → ``A-1``."""
    return label.replace("/", "-")


def redline_data(page_src: str) -> str:
    """Where a document's redline data lives, relative to the site root."""
    return f"redline/d/{page_src.rsplit('.', 1)[0]}.json"


def redline_href(page_src: str, label: str, directory_urls: bool) -> str:
    """The link from a document's page to the redline page showing one of its revisions."""
    page = relative_url(page_src, REDLINE_PAGE, directory_urls)
    return f"{page}?doc={quote(page_src.rsplit('.', 1)[0])}&rev={quote(redline_slug(label))}"
