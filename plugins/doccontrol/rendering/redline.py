"""Redlines between two texts of a document, readable for Chinese (pure).

Lines are matched first; within a changed line the comparison is by character
for CJK text and by word for Latin text, so a one-character edit to a Chinese
sentence shows as that character, not as the whole line replaced.
:func:`redline_text` gives the terminal form (``[-删除-]{+插入+}``, or colours
through a marker function), :func:`redline_html` the ``<del>``/``<ins>`` form of a
whole text, and :func:`redline_rows` the rows a site's redline page shows: the one
diff behind the terminal and the site.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import Enum
from functools import lru_cache
from html import escape


class Kind(Enum):
    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


@dataclass(frozen=True)
class Segment:
    kind: Kind
    text: str


@dataclass(frozen=True)
class Block:
    """A run of lines: unchanged (one EQUAL segment per line) or changed (inline segments).

    ``old_start`` and ``new_start`` are 1-based line numbers; ``old_count`` and
    ``new_count`` how many lines of each side the block covers.
    """

    changed: bool
    segments: tuple[Segment, ...]
    old_start: int
    old_count: int
    new_start: int
    new_count: int


# A Latin word (with digits, dots and the like inside), a run of spaces, or any one
# other character: each CJK character and punctuation mark is a token of its own.
_TOKEN = re.compile(r"[A-Za-z0-9_]+(?:[.'’\-][A-Za-z0-9_]+)*|[ \t]+|\n|.", re.S)
# Below this similarity a changed block reads better as old text out, new text in.
_INLINE_MIN_RATIO = 0.3


def tokens(text: str) -> list[str]:
    return list(_tokens(text))


# Each version of a changed paragraph is the new side of one redline and the old side
# of the next: tokenised once.
@lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text))


def _common_start(a: Sequence[str], b: Sequence[str]) -> int:
    """How many tokens the two sequences (both lists or both tuples) share at the start.

    Only the start: trimming the common end too would move an insertion before a
    shared final mark ("修改{+。见 QP-02+}。" rather than "修改。{+见 QP-02。+}").
    """
    # Halving by slices compares in C: a long paragraph with a short edit near its
    # end took a Python loop over every token.
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _inline(old: str, new: str) -> tuple[Segment, ...]:
    a, b = _tokens(old), _tokens(new)
    # The common start is matched outright: most edits touch a few characters of a
    # long paragraph, and the matcher's cost grows with what is left to compare.
    start = _common_start(a, b)
    middle_a, middle_b = a[start:], b[start:]
    matcher = SequenceMatcher(None, middle_a, middle_b, autojunk=False)
    matched = start + sum(size for *_, size in matcher.get_matching_blocks())
    total = len(a) + len(b)
    if total and 2 * matched / total < _INLINE_MIN_RATIO:
        return tuple(s for s in (Segment(Kind.DELETE, old), Segment(Kind.INSERT, new)) if s.text)
    out: list[Segment] = []

    def add(kind: Kind, text: str) -> None:
        if not text:
            return
        if out and out[-1].kind is kind:
            out[-1] = Segment(kind, out[-1].text + text)
        else:
            out.append(Segment(kind, text))

    add(Kind.EQUAL, "".join(a[:start]))
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            add(Kind.EQUAL, "".join(middle_a[i1:i2]))
            continue
        add(Kind.DELETE, "".join(middle_a[i1:i2]))
        add(Kind.INSERT, "".join(middle_b[j1:j2]))
    return tuple(out)


def _lines(text: str) -> list[str]:
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return lines


def _block(op: str, i1: int, i2: int, j1: int, j2: int, old: list[str], new: list[str]) -> Block:
    if op == "equal":
        segments = tuple(Segment(Kind.EQUAL, line) for line in old[i1:i2])
        return Block(False, segments, i1 + 1, i2 - i1, j1 + 1, j2 - j1)
    before = "\n".join(old[i1:i2])
    after = "\n".join(new[j1:j2])
    if op == "delete":
        segments = (Segment(Kind.DELETE, before),)
    elif op == "insert":
        segments = (Segment(Kind.INSERT, after),)
    else:
        segments = _inline(before, after)
    return Block(True, segments, i1 + 1, i2 - i1, j1 + 1, j2 - j1)


def blocks(old_text: str, new_text: str) -> list[Block]:
    """The two texts as unchanged and changed runs of lines, in order."""
    return line_blocks(_lines(old_text), _lines(new_text))


def line_blocks(old: Sequence[str], new: Sequence[str]) -> list[Block]:
    """Two lists of lines as unchanged and changed runs, in order."""
    old, new = list(old), list(new)
    # As in _inline: the common start needs no matcher (a revision mostly adds or
    # changes a few lines of many).
    start = _common_start(old, new)
    matcher = SequenceMatcher(None, old[start:], new[start:], autojunk=False)
    opcodes = [(op, i1 + start, i2 + start, j1 + start, j2 + start)
               for op, i1, i2, j1, j2 in matcher.get_opcodes()]
    if start:
        opcodes.insert(0, ("equal", 0, start, 0, start))
    merged: list[tuple[str, int, int, int, int]] = []
    for op in opcodes:
        if merged and op[0] == merged[-1][0] == "equal":
            merged[-1] = ("equal", merged[-1][1], op[2], merged[-1][3], op[4])
        else:
            merged.append(op)
    return [_block(*opcode, old, new) for opcode in merged]


def hunks(old_text: str, new_text: str, context: int = 2) -> list[list[Block]]:
    """The changes, each with up to ``context`` unchanged lines around it, grouped as a
    unified diff groups them."""
    old, new = _lines(old_text), _lines(new_text)
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    if all(op == "equal" for op, *_ in matcher.get_opcodes()):
        return []
    return [
        [_block(*opcode, old, new) for opcode in group]
        for group in matcher.get_grouped_opcodes(context)
    ]


Marker = Callable[[Kind, str], str]


def plain_marker(kind: Kind, text: str) -> str:
    """wdiff's markers: ``[-删除-]`` and ``{+插入+}``."""
    if kind is Kind.DELETE:
        return f"[-{text}-]"
    if kind is Kind.INSERT:
        return f"{{+{text}+}}"
    return text


def _html_marker(kind: Kind, text: str) -> str:
    tag = "del" if kind is Kind.DELETE else "ins"
    return f'<{tag} class="dc-{tag}">{text}</{tag}>'


def _marked(
    segments: tuple[Segment, ...], mark: Marker, quote: Callable[[str], str] = lambda t: t
) -> str:
    out = []
    for seg in segments:
        if seg.kind is Kind.EQUAL:
            out.append(quote(seg.text))
            continue
        # Mark each line on its own, so a colour or a marker never spans a line break.
        parts = seg.text.split("\n")
        out.append("\n".join(mark(seg.kind, quote(part)) if part else "" for part in parts))
    return "".join(out)


def redline_text(
    old_text: str, new_text: str, mark: Marker = plain_marker, context: int = 2
) -> str:
    """The changes with ``context`` unchanged lines around each, in hunks headed like a
    unified diff (``@@ -12,3 +12,4 @@``). Empty when the texts are the same."""
    out: list[str] = []
    for group in hunks(old_text, new_text, context):
        first, last = group[0], group[-1]
        old_count = last.old_start + last.old_count - first.old_start
        new_count = last.new_start + last.new_count - first.new_start
        out.append(f"@@ -{first.old_start},{old_count} +{first.new_start},{new_count} @@")
        for block in group:
            if block.changed:
                out.append(_marked(block.segments, mark))
            else:
                out.extend(s.text for s in block.segments)
    return "\n".join(out)


def redline_html(old_text: str, new_text: str) -> str:
    """The whole new text with deletions in ``<del>`` and insertions in ``<ins>``.

    One ``<pre class="dc-redline">`` block that keeps line breaks and wraps long
    lines, so the page needs no stylesheet to read correctly.
    """
    body: list[str] = []
    for block in blocks(old_text, new_text):
        if not block.changed:
            body.append("".join(escape(s.text) + "\n" for s in block.segments))
            continue
        body.append(_marked(block.segments, _html_marker, escape) + "\n")
    return (
        '<pre class="dc-redline" style="white-space: pre-wrap; word-break: break-all">'
        + "".join(body).rstrip("\n")
        + "</pre>"
    )


@dataclass(frozen=True)
class Mark:
    """A marked piece of a row: ``change`` numbers the change it belongs to (from 1)."""

    kind: Kind
    text: str
    change: int


@dataclass(frozen=True)
class Row:
    """One shown line of a changed block; ``source`` is the index of the line whose
    layout it takes, in the new text (``new``) or, for a line only deleted, the old."""

    marks: tuple[Mark, ...]
    source: int
    new: bool


@dataclass(frozen=True)
class Same:
    """Lines ``start`` to ``end`` (0-based, end excluded) of the new text, unchanged."""

    start: int
    end: int


def _changed_rows(block: Block, changes: int) -> tuple[tuple[Row, ...], int]:
    """A changed block as rows, numbering its changes after ``changes``."""
    rows: list[Row] = []
    current: list[Mark] = []
    old_line, new_line = block.old_start - 1, block.new_start - 1
    has_new = in_change = False
    for seg in block.segments:
        if seg.kind is Kind.EQUAL:
            in_change = False
        elif not in_change:
            changes += 1
            in_change = True
        for k, part in enumerate(seg.text.split("\n")):
            if k:
                if current:
                    rows.append(Row(tuple(current), new_line if has_new else old_line, has_new))
                current, has_new = [], False
                old_line += seg.kind is not Kind.INSERT
                new_line += seg.kind is not Kind.DELETE
            if part:
                current.append(Mark(seg.kind, part, 0 if seg.kind is Kind.EQUAL else changes))
                has_new = has_new or seg.kind is not Kind.DELETE
    if current:
        rows.append(Row(tuple(current), new_line if has_new else old_line, has_new))
    return tuple(rows), changes


def redline_rows(
    old: Sequence[str], new: Sequence[str]
) -> tuple[list[Same | tuple[Row, ...]], int]:
    """The new text as unchanged runs and changed rows, and how many changes there are.

    A change is a run of deletions and insertions with no unchanged text between;
    it may span rows, and every piece of it carries its number.
    """
    out: list[Same | tuple[Row, ...]] = []
    changes = 0
    for block in line_blocks(old, new):
        if block.changed:
            rows, changes = _changed_rows(block, changes)
            out.append(rows)
        else:
            out.append(Same(block.new_start - 1, block.new_start - 1 + block.new_count))
    return out, changes
