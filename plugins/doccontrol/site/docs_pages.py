"""What a release site shows of the pages under the MkDocs docs_dir (issue 12, rule 11).

Pure: given the approved (path, blob) pairs the replay kept, the blob store and
the pages MkDocs found on disk, say which pages to show with which text and
which to leave out. The plugin applies it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class DocsPages:
    """``shown``: each page's source URI (relative to docs_dir) and its approved text;
    ``left_out``: pages on disk that have no approved text."""

    shown: tuple[tuple[str, bytes], ...]
    left_out: tuple[str, ...]


def release_docs_pages(
    approved: Iterable[tuple[str, str]],
    blobs: Mapping[str, bytes],
    docs_prefix: str,
    on_disk: Iterable[str],
) -> DocsPages:
    """The docs_dir pages of a release build: approved text only, never the working tree."""
    shown: dict[str, bytes] = {}
    for path, blob in approved:
        data = blobs.get(blob)
        if data is not None and path.startswith(docs_prefix):
            shown[path.removeprefix(docs_prefix)] = data
    left_out = tuple(sorted(uri for uri in on_disk if uri not in shown))
    return DocsPages(tuple(sorted(shown.items())), left_out)
