"""Raw HTML in a document's text that would run in a reader's browser (pure).

Markdown passes HTML through, so a ``<script>``, an ``onerror=`` attribute or a
``javascript:`` link written into an approved document would run on every
reader's intranet page. Unless the configuration allows raw HTML
(``allow_raw_html: true``), each is an error at its line. Code, fenced or
inline, is shown as text and is left alone.
"""

from __future__ import annotations

import html
import re

from doccontrol.model.findings import Finding, error
from doccontrol.model.messages import msg

SCRIPT = "raw-html-script"
EVENT_HANDLER = "raw-html-event-handler"
JAVASCRIPT_URL = "raw-html-javascript-url"

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_SCRIPT = re.compile(r"<\s*script\b", re.IGNORECASE)
_HANDLER = re.compile(r"<[a-z][^>]*?[\s/\"']on[a-z]+\s*=", re.IGNORECASE)
# A link target, a reference definition, an autolink or a URL attribute.
_JS_URL = re.compile(
    r"(?:\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?|<|\b(?:href|src|action|formaction|data|xlink:href)"
    r"\s*=\s*[\"']?)\s*javascript:",
    re.IGNORECASE,
)
# Browsers ignore these inside a URL scheme: "java\tscript:" still runs.
_URL_NOISE = re.compile(r"[\x00-\x20]+")
# "javascript:" with noise anywhere in it: what _JS_URL finds once the noise is gone.
_JS_WORD = re.compile(r"[\x00-\x20]*".join("javascript:"), re.IGNORECASE)
_SUSPECT = re.compile(r"[<&`:]")




def _inert(body: str) -> bool:
    """Whether no line of ``body`` can match, decided on the whole text at once.

    Without ``&`` nothing is unescaped and without a backtick no code span is cut
    out, so each line is checked as it stands: a ``<script>`` or a handler needs a
    ``<``, and a ``javascript:`` URL needs that word, with noise or without. Most
    texts have neither, and scanning them line by line with every pattern cost a
    large repository seconds.
    """
    if "<" in body or "&" in body or "`" in body:
        return False
    return ":" not in body or _JS_WORD.search(body) is None


def raw_html_findings(path: str, body: str, body_line: int) -> list[Finding]:
    """Each line of ``body`` (line 1 is ``body_line`` of the file) with active HTML."""
    if _inert(body):
        return []
    findings: list[Finding] = []
    fence: str | None = None
    for number, line in enumerate(body.split("\n"), start=body_line):
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if opened:
            fence = opened.group(1)
            continue
        if not _SUSPECT.search(line):
            continue  # as _inert: every pattern needs one of these characters
        text = html.unescape(_CODE_SPAN.sub("", line))
        if _SCRIPT.search(text):
            findings.append(
                error(path, number, SCRIPT, msg(SCRIPT))
            )
        if _HANDLER.search(text):
            findings.append(
                error(path, number, EVENT_HANDLER, msg(EVENT_HANDLER))
            )
        if _JS_URL.search(text) or _JS_URL.search(_URL_NOISE.sub("", text)):
            findings.append(
                error(path, number, JAVASCRIPT_URL, msg(JAVASCRIPT_URL))
            )
    return findings
