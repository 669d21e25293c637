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
from collections.abc import Collection

_TAG = re.compile(r"<(/?)([a-z][a-z0-9]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>")
# The one attribute of the plugin's blocks that speaks to search: on the outer element,
# without a value (Material strips valued data-search-* attributes from the page).
_EXCLUDE = re.compile(r"\sdata-search-exclude(?=\s|\Z)")
# Elements whose content the parser treats otherwise than plain text, or that start
# a section: a block holding one is given whole.
_SPECIAL = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "pre", "script", "style", "object", "textarea", "title"}
)
# The void elements of Material's parser: never pushed on its stack of open elements.
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)
_REFERENCE_AT_END = re.compile(r"&[#\w]*\Z")
_BOUNDARY = "<!---->"


def search_view(block: str, keep: Collection[str]) -> str:
    """``block`` as Material's search parser needs it, or the block itself.

    ``keep`` is the parser's set of tags it writes into the index.
    """
    if "<!" in block or "<?" in block or "linenodiv" in block:
        return block
    tags = list(_TAG.finditer(block))
    if not tags or tags[0].start() != 0 or tags[-1].end() != len(block):
        return block
    first = tags[0]
    if first.group(1) or first.group(2) in VOID or first.group(3).rstrip().endswith("/"):
        return block
    outer = first.group(2)
    excluded = _EXCLUDE.search(first.group(3)) is not None
    if first.group(3).count("data-search-") != excluded:
        return block
    out = [f"<{outer} data-search-exclude>" if excluded else f"<{outer}>"]
    open_tags: list[str] = []
    text = ""  # the run of text since the last tag written
    cut = False  # a tag was left out since the last text
    position = first.end()
    for match in tags[1:]:
        between = block[position : match.start()]
        position = match.end()
        if "<" in between:
            return block  # something the pattern did not read as a tag
        if between:
            if cut and text and _apart(text, between):
                out.append(_BOUNDARY)
                text = ""
            out.append(between)
            text += between
            cut = False
        closing, name, attributes = match.group(1), match.group(2), match.group(3)
        if name in _SPECIAL or "data-search-" in attributes or (excluded and name == outer and not closing):
            return block
        if closing:
            if name in VOID:
                return block
            if not open_tags:
                if match is not tags[-1] or name != outer:
                    return block
                break
            if open_tags.pop() != name:
                return block
        elif name not in VOID:
            if attributes.rstrip().endswith("/"):
                return block
            open_tags.append(name)
        if name in keep and not excluded:
            out.append(f"</{name}>" if closing else f"<{name}>")
            text, cut = "", False
        else:
            cut = True
    else:
        return block  # the outer element never closed
    if open_tags:
        return block
    if excluded:
        return f"<{outer} data-search-exclude></{outer}>"
    out.append(f"</{outer}>")
    return "".join(out)


def _apart(before: str, after: str) -> bool:
    """Whether the parser reads two runs of text otherwise than their join."""
    return before.isspace() or after.isspace() or _REFERENCE_AT_END.search(before) is not None
