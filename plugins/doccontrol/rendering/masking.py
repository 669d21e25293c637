"""Masking personal numbers in record text before the site shows it (pure).

Records hold customers' phone numbers and ID-card numbers. Where a form publishes its
records in full, every match of the pattern list is masked. The built-in patterns
read digits the way a person types them: ASCII or full-width, split by spaces,
hyphens, dots or invisible characters, or written as HTML character references, so
that ``138 1234 5678``, ``１３８１２３４５６７８`` and ``&#49;38…`` are all caught.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

MASK = "*"
_DIGIT = "[0-9\uff10-\uff19]"
# One optional separator between two digits: spaces (also no-break and ideographic),
# hyphens and dashes of every width, dots, middle dots and zero-width characters.
_SEP = "[ \\t\u00a0\u3000\\-\u2010\u2011\u2012\u2013\u2014\uff0d.\u00b7\u200b\u200c\u200d\u2060\ufeff]?"
_D = f"{_SEP}{_DIGIT}"
_NOT_BEFORE = "(?<![0-9\uff10-\uff19])"
_NOT_AFTER = f"(?!{_SEP}[0-9\uff10-\uff19])"
# An HTML character reference for a digit (&#49; &#x31; &#65297;) renders as the digit.
_DIGIT_REFERENCE = re.compile(r"&#(?:[xX]0*(?:3[0-9]|[fF][fF]1[0-9])|0*(?:4[89]|5[0-7]|6529[6-9]|6530[0-5]));")


@dataclass(frozen=True)
class MaskPattern:
    """A regular expression whose matches are masked, keeping ``head`` and ``tail`` digits."""

    name: str
    regex: re.Pattern[str]
    head: int = 0
    tail: int = 0


BUILT_IN = (
    MaskPattern(
        "id-card",  # 18 digits, the last may be X: province, birth date, serial, check
        re.compile(f"{_NOT_BEFORE}[1-9\uff11-\uff19](?:{_D}){{16}}{_SEP}[0-9\uff10-\uff19XxＸｘ×]{_NOT_AFTER}"),
        head=0,
        tail=0,
    ),
    MaskPattern(
        "mobile",  # 1[3-9]xxxxxxxxx, optionally after +86
        re.compile(
            f"(?P<country>(?:\\+|＋)?(?:86|８６){_SEP})?(?(country)|{_NOT_BEFORE})[1１]{_SEP}[3-9\uff13-\uff19](?:{_D}){{9}}{_NOT_AFTER}"
        ),
        head=3,
        tail=2,
    ),
    MaskPattern(
        "landline",  # 0 and a 2-3 digit area code, then 7-8 digits; (0571) 8888-6666
        re.compile(
            f"{_NOT_BEFORE}[(（]?[0０](?:{_D}){{2,3}}[)）]?{_SEP}{_DIGIT}(?:{_D}){{6,7}}{_NOT_AFTER}"
        ),
        head=4,
        tail=2,
    ),
)


def extra_patterns(sources: Sequence[str]) -> tuple[MaskPattern, ...]:
    """The organisation's own patterns (already checked to compile), masked whole."""
    return tuple(MaskPattern(f"extra-{i + 1}", re.compile(s)) for i, s in enumerate(sources))


def _digit_of(reference: re.Match[str]) -> str:
    body = reference.group(0)[2:-1]
    return chr(int(body[1:], 16) if body[:1] in "xX" else int(body))


def _masked(text: str, head: int, tail: int) -> str:
    """Each digit or letter of ``text`` as ``*``, but the first ``head`` and last ``tail`` digits."""
    if head == 0 and tail == 0:
        return "".join(MASK if not c.isspace() else c for c in text)
    positions = [i for i, c in enumerate(text) if c.isdigit()]
    keep = set(positions[:head]) | set(positions[len(positions) - tail :] if tail else ())
    return "".join(
        c if i in keep or not c.isalnum() else MASK for i, c in enumerate(text)
    )


def _replacement(match: re.Match[str], pattern: MaskPattern) -> str:
    # A country code is no personal data; the digits kept are counted after it.
    country = (match.groupdict().get("country") or "") if "country" in pattern.regex.groupindex else ""
    return country + _masked(match.group(0)[len(country) :], pattern.head, pattern.tail)


def mask_text(text: str, patterns: Sequence[MaskPattern] = BUILT_IN) -> str:
    """``text`` with every match of ``patterns`` masked, ID cards first (they hold the
    digits of a phone number), then the others in order."""
    text = _DIGIT_REFERENCE.sub(_digit_of, text)
    for pattern in patterns:
        text = pattern.regex.sub(functools.partial(_replacement, pattern=pattern), text)
    return text
