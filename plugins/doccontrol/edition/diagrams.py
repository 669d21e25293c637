"""Diagrams in the edition: each ```mermaid fence drawn as vector SVG by headless chromium (shell).

The site draws mermaid in the reader's browser with the vendored script
(:data:`MERMAID`); the edition cannot run a script, so each diagram is drawn once
here by the same script in the headless chromium the project installs (Playwright,
no network: every request is refused), with labels as SVG text (no HTML
``foreignObject``) in the edition's own sans font, and the SVG is put in the print
HTML in place of the fence. WeasyPrint then draws it as vector paths and text in
the embedded fonts, so the PDF stays PDF/A and its text can be searched.

Drawings are cached by the hash of the mermaid version, the drawing options and
the diagram's source, beside the part cache; ``verify`` uses no cache and draws
them again, so the same chromium and fonts must draw the same SVG.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import os
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from doccontrol.model.errors import DocControlError
from doccontrol.model.messages import msg

#: The vendored mermaid (npm ``mermaid``, ``dist/mermaid.min.js``; MIT, ``mermaid.LICENSE``), in the
#: site's assets: (file, version, SHA-256). A test holds the file to the hash.
MERMAID = ("mermaid.min.js", "11.12.2", "d0830a6c05546e9edb8fe20a8f545f3e0dc7c4c3134d584bad9c13a99d7a71e0")
SCRIPT = Path(__file__).resolve().parent.parent / "site" / "assets" / MERMAID[0]

# What superfences' custom fence (Material's documented setup) and plain fenced code make of a fence.
_BLOCK = re.compile(
    r'<pre class="mermaid"><code>(?P<a>.*?)</code></pre>'
    r'|<pre><code class="language-mermaid">(?P<b>.*?)</code></pre>',
    re.DOTALL,
)


def chromium() -> str | None:
    """The headless chromium to draw with: $DOCCONTROL_CHROMIUM, else the one on PATH."""
    named = os.environ.get("DOCCONTROL_CHROMIUM")
    found = named if named is not None else (shutil.which("chromium") or "/usr/bin/chromium")
    return found if found and os.access(found, os.X_OK) else None


def available() -> bool:
    """Whether diagrams can be drawn here: chromium, Playwright and the vendored script."""
    if chromium() is None or not SCRIPT.is_file():
        return False
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


def _options(font: str) -> str:
    family = '"' + font.replace('"', "") + '"'
    return (
        "{startOnLoad: false, securityLevel: 'strict', theme: 'neutral', htmlLabels: false, "
        f"flowchart: {{htmlLabels: false}}, fontFamily: {family!r}, deterministicIds: true}}"
    )


def _key(source: str, font: str) -> str:
    text = "\0".join(["doccontrol diagram 1", MERMAID[1], MERMAID[2], _options(font), source])
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


@dataclass(frozen=True)
class DiagramFailure:
    """A diagram mermaid refused: its source (to find its line) and mermaid's words."""

    doc_index: int
    source: str
    message: str


def _draw(todo: dict[str, str], font: str) -> tuple[dict[str, str], dict[str, str]]:
    """(key -> SVG, key -> error) for every source in ``todo`` (key -> source), in one browser."""
    from playwright.sync_api import Error, sync_playwright

    drawn: dict[str, str] = {}
    failed: dict[str, str] = {}
    executable = chromium()
    assert executable is not None
    with sync_playwright() as p:
        try:
            browser = p.chromium.launch(
                executable_path=executable,
                headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
        except Error as exc:  # a broken install: say so, never a traceback
            raise DocControlError(
                msg("print-diagram.no-browser", path=executable, reason=str(exc).split("\n")[0])
            ) from None
        try:
            page = browser.new_page()
            page.route("**/*", lambda route: route.abort())  # nothing is ever fetched
            page.set_content("<!doctype html><html><body></body></html>")
            page.add_script_tag(content=SCRIPT.read_text("utf-8"))
            page.evaluate(f"() => mermaid.initialize({_options(font)})")
            for key, source in todo.items():
                try:
                    drawn[key] = str(
                        page.evaluate("async ([id, src]) => (await mermaid.render(id, src)).svg",
                                      [f"dc-diagram-{key[:12]}", source])
                    )
                except Error as exc:
                    failed[key] = str(exc).split("\n")[0]
        finally:
            browser.close()
    return drawn, failed


def with_diagrams(
    pages: Sequence[str], font: str, cache: Path | None
) -> tuple[list[str], list[DiagramFailure]]:
    """Each print HTML with its mermaid blocks replaced by their SVG drawings."""
    found: dict[str, str] = {}
    for page in pages:
        for match in _BLOCK.finditer(page):
            source = html.unescape(match["a"] if match["a"] is not None else match["b"])
            found[_key(source, font)] = source
    if not found:
        return list(pages), []
    drawings: dict[str, str] = {}
    for key in found:
        if cache is not None:
            with contextlib.suppress(OSError, UnicodeDecodeError):  # not drawn yet, or damaged
                drawings[key] = (cache / f"{key}.svg").read_text("utf-8")
    todo = {k: s for k, s in found.items() if k not in drawings}
    failed: dict[str, str] = {}
    if todo:
        drawn, failed = _draw(todo, font)
        drawings.update(drawn)
        if cache is not None:
            from doccontrol.edition.store import replace_file

            for key, svg in drawn.items():
                try:
                    cache.mkdir(parents=True, exist_ok=True)
                    replace_file(cache / f"{key}.svg", svg.encode("utf-8"))
                except OSError:
                    pass  # a cache that cannot be written costs time, never the edition
    failures: list[DiagramFailure] = []
    out: list[str] = []
    for index, page in enumerate(pages):

        def replace(match: re.Match[str], index: int = index) -> str:
            source = html.unescape(match["a"] if match["a"] is not None else match["b"])
            key = _key(source, font)
            if key in failed or key not in drawings:
                failures.append(DiagramFailure(index, source, failed.get(key, "not drawn")))
                return match.group(0)
            return f'<figure class="dc-diagram">{drawings[key]}</figure>'

        out.append(_BLOCK.sub(replace, page))
    return out, failures
