"""``[[ID]]`` cross-references in document text."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# Ids only: anything else in double brackets is left alone as ordinary text.
LINK = re.compile(r"\[\[\s*([A-Z][A-Z0-9]*-\d{2,}(?:-\d{2,})?)\s*\]\]")


@dataclass(frozen=True)
class LinkUse:
    """One ``[[ID]]`` at a line of a file."""

    target: str
    path: str
    line: int


def find_links(path: str, body: str, body_line: int) -> Iterator[LinkUse]:
    for offset, line in enumerate(body.split("\n")):
        if "[[" not in line:
            continue
        for match in LINK.finditer(line):
            yield LinkUse(match.group(1), path, body_line + offset)


def replace_links(body: str, render: Callable[[str], str]) -> str:
    """Replace every ``[[ID]]`` with what ``render(ID)`` returns."""
    return LINK.sub(lambda m: render(m.group(1)), body)
