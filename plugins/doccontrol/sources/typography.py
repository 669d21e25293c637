"""Chinese typography: ASCII punctuation between Chinese characters (pure).

In Chinese prose ``,;:()!?`` and ``"`` are written full width (，；：（）！？“”).
A mark counts as Chinese when the nearest letter before it is Chinese and the one
after it Chinese, a digit or the end of the line (or it opens a line of Chinese),
looking past spaces and other ASCII marks, so ``(见 [[QP-03]]);`` is caught whole;
brackets and quotes go in pairs. Code spans, fenced code, link targets, URLs, HTML
tags, ``[[ID]]`` and front matter are never touched, and ASCII-only text
(``24 hours, 7 days``) has no Chinese neighbour to trigger it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from doccontrol.model.findings import Finding, warning
from doccontrol.model.messages import msg
from doccontrol.sources.catalog import Catalog

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
_MARKS = frozenset(FULL_WIDTH) | {'"'}
_CJK = re.compile(r"[\u2018-\u201f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
# Spans left alone: code, autolinks and URLs, HTML tags.
_PROTECTED = re.compile(
    r"(`+)[^`]*?\1"  # code span
    r"|<[^>\n]+>"  # autolink or HTML tag
    r"|[A-Za-z][A-Za-z0-9+.-]*://\S+"  # a bare URL
)
# A link's target is never rewritten and never read: its text is what the reader sees.
_LINK_TARGET = re.compile(r"(?<!\])\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
# [[ID]] is shown as "ID 标题": Chinese text to its neighbours, but never rewritten.
_WIKILINK = re.compile(r"\[\[[^\]]*\]\]")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Fix:
    """One line's ASCII marks replaced: ``marks`` counts each mark changed."""

    line: int
    before: str
    after: str
    marks: tuple[tuple[str, int], ...]


def _protected(line: str) -> list[str]:
    """Per character: "" for text, "x" in code, a URL or a tag, "s" in a link's target,
    "w" in [[ID]]."""
    mask = [""] * len(line)
    for pattern, tag in ((_PROTECTED, "x"), (_LINK_TARGET, "s"), (_WIKILINK, "w")):
        for m in pattern.finditer(line):
            for k in range(m.start(), m.end()):
                mask[k] = mask[k] or tag
    return mask


def _neighbour(line: str, mask: list[str], start: int, step: int) -> str | None:
    """The nearest character past spaces and ASCII marks; None at the line's end."""
    k = start
    while 0 <= k < len(line):
        if mask[k] == "s" or (mask[k] == "" and line[k] == "]" and step < 0):
            k += step  # past a link's target, and the "]" that closes its text
            continue
        if mask[k]:
            return "中" if mask[k] == "w" else "\x00"
        ch = line[k]
        if ch not in _MARKS and ch not in " \t*_~":
            return ch
        k += step
    return None


def _chinese(ch: str | None) -> bool:
    return ch is not None and ch != "\x00" and _CJK.match(ch) is not None


def _pairs(line: str, mask: list[str], opening: set[str], closing: set[str]) -> list[tuple[int, int]]:
    stack: list[int] = []
    pairs = []
    for k, ch in enumerate(line):
        if mask[k]:
            continue
        if ch in opening:
            stack.append(k)
        elif ch in closing and stack:
            pairs.append((stack.pop(), k))
    return pairs


def _fixed_line(line: str) -> tuple[str, Counter[str]]:
    # A mark made full width can make its neighbour's context Chinese: repeat until stable.
    out = line
    for _ in range(4):
        again = _one_pass(out)
        if again == out:
            break
        out = again
    changed: Counter[str] = Counter(a for a, b in zip(line, out, strict=True) if a != b)
    return out, changed


def _one_pass(line: str) -> str:
    mask = _protected(line)
    out = list(line)
    for k, ch in enumerate(line):
        if ch not in FULL_WIDTH or mask[k]:
            continue
        left, right = _neighbour(line, mask, k - 1, -1), _neighbour(line, mask, k + 1, 1)
        # After Chinese, a number may follow (投诉的,30 分钟内): it is still Chinese prose.
        after_chinese = _chinese(left) and (right is None or _chinese(right) or right.isdigit())
        if after_chinese or (left is None and _chinese(right)):
            out[k] = FULL_WIDTH[ch]
    # Brackets go in pairs: one made (or written) full width takes the other with it,
    # and a bracket after Chinese holding Chinese is Chinese whatever starts it (文件库(git 仓库)).
    for a, b in _pairs(line, mask, {"(", "（"}, {")", "）"}):
        inside = any(_CJK.match(c) for c in line[a + 1 : b])
        wide = out[a] == "（" or out[b] == "）"
        if wide or (inside and _chinese(_neighbour(line, mask, a - 1, -1))):
            out[a], out[b] = "（", "）"
    # Straight quotes pair up along the line; a pair around Chinese becomes “”.
    quotes = [k for k, ch in enumerate(line) if ch == '"' and not mask[k]]
    for a, b in zip(quotes[::2], quotes[1::2], strict=False):
        if any(_CJK.match(c) for c in line[a + 1 : b]):
            out[a], out[b] = "“", "”"
    return "".join(out)


def _body_lines(text: str) -> list[tuple[int, str, bool]]:
    """(0-based index, line, whether it is prose) for every line of a Markdown file.

    Indented lines count as prose: in these documents they are list items and
    admonition bodies, not code.
    """
    lines = text.split("\n")
    prose = [True] * len(lines)
    start = 0
    if lines and lines[0].strip() == "---":
        for k in range(1, len(lines)):
            if lines[k].strip() in ("---", "..."):
                start = k + 1
                break
        for k in range(start):
            prose[k] = False
    fence: str | None = None
    for k in range(start, len(lines)):
        opened = _FENCE.match(lines[k])
        if fence is not None:
            prose[k] = False
            if opened is not None and opened.group(1) == fence:
                fence = None
        elif opened is not None:
            prose[k] = False
            fence = opened.group(1)
    return [(k, line, prose[k]) for k, line in enumerate(lines)]


def typography_fixes(text: str) -> list[Fix]:
    """Every line whose ASCII punctuation sits in Chinese text, with its fixed form."""
    fixes = []
    for k, line, prose in _body_lines(text):
        if not prose or not _CJK.search(line):
            continue
        after, changed = _fixed_line(line)
        if changed:
            fixes.append(Fix(k + 1, line, after, tuple(sorted(changed.items()))))
    return fixes


def fix_typography(text: str) -> tuple[str, list[Fix]]:
    """The text with those marks made full width; nothing else changes."""
    fixes = typography_fixes(text)
    if not fixes:
        return text, []
    lines = text.split("\n")
    for fix in fixes:
        lines[fix.line - 1] = fix.after
    return "\n".join(lines), fixes


def describe(fix: Fix) -> str:
    """``',' ×3, '(' → '（'`` for a message."""
    return "、".join(
        f"'{mark}' → '{FULL_WIDTH.get(mark, '“”')}'" + (f" ×{n}" if n > 1 else "")
        for mark, n in fix.marks
    )


def typography_findings(path: str, text: str) -> list[Finding]:
    """A ``typography`` warning per line with ASCII punctuation in Chinese text."""
    return [
        warning(
            path,
            fix.line,
            "typography",
            msg("typography", marks=describe(fix), path=path),
        )
        for fix in typography_fixes(text)
    ]


def catalog_typography(catalog: Catalog) -> list[Finding]:
    """``typography`` warnings over every document's and chapter's text."""
    findings = []
    for doc in catalog.documents:
        for path, body, first in (
            (doc.path, doc.body, doc.body_line),
            *((c.path, c.body, c.body_line) for c in doc.chapters),
        ):
            for found in typography_findings(path, body):
                findings.append(replace(found, line=found.line + first - 1))
    return findings
