"""Mermaid diagrams on the offline intranet (issue 13, item 5): the vendored script, held to its
recorded hash, renders a ```mermaid fence in a real headless chromium with no request to another host.
"""

from __future__ import annotations

import functools
import hashlib
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from doccontrol.site.plugin import ASSET_DIR, MERMAID
from edition_support import adopted_repo, approve_change, approve_rules_change

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "test-output" / "screenshots"
FENCES = """markdown_extensions:
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
"""
DIAGRAM = "\n\n## 流程图\n\n```mermaid\ngraph LR\n  A[受理投诉] --> B[现场维修]\n  B --> C[回访客户]\n```\n"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_the_vendored_mermaid_is_the_pinned_release_with_its_licence() -> None:
    name, version, sha256 = MERMAID
    data = (ASSET_DIR / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == sha256
    assert "MIT License" in (ASSET_DIR / "mermaid.LICENSE").read_text("utf-8")
    assert version.count(".") == 2 and len(data) > 1_000_000


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    repo = adopted_repo(tmp_path / "org")
    repo.write("mkdocs.yml", repo.read("mkdocs.yml") + FENCES)
    approve_rules_change(repo, "流程图", "2026-02-01")
    approve_change(repo, "procedures/qp-01.md", repo.read("procedures/qp-01.md") + DIAGRAM, "2026-02-02",
                   "zhang/diagram")
    out = tmp_path / "site"
    built = run_cli("build", "--repo", str(repo.path), "-d", str(out))
    assert built.code == 0, built.output
    assert (out / "assets/doccontrol" / MERMAID[0]).read_bytes() == (ASSET_DIR / MERMAID[0]).read_bytes()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_a_mermaid_fence_renders_as_a_diagram_with_no_request_to_another_host(site: str) -> None:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            for name, viewport in (("desktop", {"width": 1400, "height": 900}),
                                   ("mobile", {"width": 390, "height": 844})):
                context = browser.new_context(viewport=viewport)
                page = context.new_page()
                # Material draws the diagram in a closed shadow root; opened here so the test can read it.
                page.add_init_script("const a = Element.prototype.attachShadow;"
                                     "Element.prototype.attachShadow = function (o) {"
                                     " return a.call(this, {...o, mode: 'open'}); };")
                requests: list[str] = []
                page.on("request", lambda r, seen=requests: seen.append(r.url))
                page.goto(site + "procedures/qp-01/", wait_until="networkidle")
                page.wait_for_function(
                    "() => !!document.querySelector('div.mermaid')?.shadowRoot?.querySelector('svg')",
                    timeout=30_000,
                )
                labels = page.evaluate(
                    "() => document.querySelector('div.mermaid').shadowRoot.querySelector('svg').textContent"
                )
                assert "受理投诉" in labels and "现场维修" in labels and "回访客户" in labels, labels
                box = page.locator("div.mermaid").bounding_box()
                assert box is not None and box["height"] > 40 and box["width"] <= viewport["width"]
                assert page.locator("pre.mermaid").count() == 0  # no source left to read instead
                others = [u for u in requests if not u.startswith(site)]
                assert not others, others
                SHOTS.mkdir(parents=True, exist_ok=True)
                page.locator("div.mermaid").scroll_into_view_if_needed()
                page.screenshot(path=str(SHOTS / f"mermaid-{name}.png"))
                context.close()
        finally:
            browser.close()
