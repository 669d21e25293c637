"""What Material's search parser needs of the plugin's own HTML blocks (pure).

Material's search plugin parses every page's HTML with ``html.parser`` and a Python
callback per tag. It keeps only text, headings and a few tags (``keep``: ``p``,
``code``, ``li``...), and skips elements marked ``data-search-exclude`` whole. On a
document page the plugin's control block and revision history are about 150 tags of
table markup around some 50 words: parsing them took 2.3 ms of the page's 2.5 ms, a
second of a 500-document build, to yield text the parser could have read from a tenth
of the markup.

``search_view`` gives the parser a block it reads the same way, with the markup it
throws away left out: the block's outer element stays (bare, or empty when excluded),
the kept tags stay (bare: the parser writes them without attributes), every other tag
goes. Where leaving a tag out would join two runs of text that the parser treats
otherwise than one run (white space only, or a character reference cut at the edge),
an empty comment keeps them apart. Any block outside that simple shape (headings,
``pre``, scripts, comments, an exclusion inside, unbalanced tags) is given as it is.
The plugin checks the result by building the site and the index both ways
(tests/test_search_view.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

# The one attribute of the plugin's blocks that speaks to search: on the outer element,
# without a value (Material strips valued data-search-* attributes from the page).
_EXCLUDE = re.compile(r"\sdata-search-exclude(?=\s|\Z)")
# Elements whose content the parser treats otherwise than plain text, or that start
# a section (_SPECIAL_TAG): a block holding one is given whole.
# The void elements of Material's parser: never pushed on its stack of open elements.
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)
# Attributes up to the next >: a block with a < or > that is not a tag's is given whole.
_ATTRS = r"([^<>]*)"
_NAMES = re.compile(r"<(/?)([a-z][a-z0-9]*)" + _ATTRS + ">")
_SPECIAL_TAG = re.compile(r"</?(?:h[1-6]|pre|script|style|object|textarea|title)[\s/>]")
# A run of text that must stay a run of its own when the tags around it go: white space
# only (the parser writes one space for it, or none after a space), or text ending in
# what could be the start of a character reference.
_WHITE_RUN = re.compile(r">(\s+)(?=<)")
_REFERENCE_AT_END = re.compile(r"(&[#\w]*)(?=<)")
_BOUNDARY = "<!---->"


@lru_cache(maxsize=8)
def _tag_patterns(keep: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a tag the parser throws away, a kept tag with its attributes)."""
    kept = "|".join(sorted(keep)) or "(?!)"
    return (
        re.compile(rf"</?(?!(?:{kept})[\s/>])[a-z][a-z0-9]*{_ATTRS}>"),
        re.compile(rf"<(/?)({kept})(?=[\s/>]){_ATTRS}>"),
    )


def search_view(block: str, keep: frozenset[str]) -> str:
    """``block`` as Material's search parser needs it, or the block itself.

    ``keep`` is the parser's set of tags it writes into the index.
    """
    if "<!" in block or "<?" in block or "linenodiv" in block or _SPECIAL_TAG.search(block):
        return block
    tags = _NAMES.findall(block)
    if not tags or not len(tags) == block.count("<") == block.count(">"):
        return block  # a < or > that is not a tag's
    if not block.startswith("<"):
        return block
    closing, outer, attributes = tags[0]
    if closing or outer in VOID or attributes.rstrip().endswith("/"):
        return block
    if not block.endswith(f"</{outer}>"):
        return block
    excluded = _EXCLUDE.search(attributes) is not None
    if block.count("data-search-") != excluded:
        return block  # an exclusion inside, or a valued data-search-* attribute
    if not _balanced(tags, outer, excluded):
        return block
    if excluded:
        return f"<{outer} data-search-exclude></{outer}>"
    drop, kept = _tag_patterns(keep)
    spaced = _WHITE_RUN.sub(rf">{_BOUNDARY}\1{_BOUNDARY}", block)
    spaced = _REFERENCE_AT_END.sub(rf"\1{_BOUNDARY}", spaced)
    head = spaced.index(">") + 1
    inner = spaced[head : len(spaced) - len(outer) - 3]
    return f"<{outer}>" + kept.sub(r"<\1\2>", drop.sub("", inner)) + f"</{outer}>"


def _balanced(tags: list[tuple[str, str, str]], outer: str, excluded: bool) -> bool:
    """Every element closes in order, the outer one last; no void element closes."""
    open_tags: list[str] = []
    last = len(tags) - 1
    for index, (closing, name, attributes) in enumerate(tags):
        if closing:
            if name in VOID or not open_tags or open_tags.pop() != name:
                return False
            if not open_tags and index != last:
                return False  # the outer element ends before the block does
            continue
        if excluded and name == outer and open_tags:
            return False  # the parser would end the exclusion at the inner one's end
        if name in VOID:
            continue
        if attributes.endswith("/"):
            return False
        open_tags.append(name)
    return not open_tags
