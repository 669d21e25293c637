"""Page URLs as MkDocs makes them, for links in raw HTML (pure)."""

from __future__ import annotations

import posixpath


def page_url(src: str, directory_urls: bool) -> str:
    """The URL MkDocs gives a page, relative to the site root ("" for the home page)."""
    stem = src.rsplit(".", 1)[0]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_src: str, to_src: str, directory_urls: bool) -> str:
    """A link from one page to another that works in raw HTML (MkDocs rewrites only Markdown links)."""
    here = page_url(from_src, directory_urls)
    there = page_url(to_src, directory_urls)
    here_dir = here if here.endswith("/") or not here else posixpath.dirname(here)
    rel = posixpath.relpath(there or ".", here_dir or ".")
    return rel + "/" if there.endswith("/") or not there else rel


def redline_name(page_src: str, label: str, directory_urls: bool) -> str:
    """Where a revision's redline page lives, relative to the site root."""
    url = page_url(page_src, directory_urls)
    slug = label.replace("/", "-")
    if url.endswith("/") or not url:
        return f"{url}redline-{slug}.html"
    return f"{url.rsplit('.', 1)[0]}.redline-{slug}.html"


def redline_href(page_src: str, label: str, directory_urls: bool) -> str:
    """The link from a document's page to one of its redlines."""
    url = page_url(page_src, directory_urls)
    here = url if url.endswith("/") or not url else posixpath.dirname(url)
    return posixpath.relpath(redline_name(page_src, label, directory_urls), here or ".")
