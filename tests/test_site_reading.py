"""Reading the demo site in a real browser: widths, network, print, navigation and search.

Chromium (Debian's, by path) at 1400 and 390 px. Screenshots go to test-output/screenshots/.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, run_cli

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "test-output" / "screenshots"
WIDTHS = (1400, 390)

# Every kind of page the plugin makes.
PAGES = {
    "home": "",
    "document": "procedures/qp-11-complaints-remedy/",
    "chapter": "manual/service-manual/04-responsibilities/",
    "record-form": "records/forms/qr-11-01-complaint-record/",
    "register": "register/",
    "records-register": "records-register/",
    "external": "external/",
    "archive": "archive/",
    "coverage": "coverage/",
    "roles": "roles/",
    "editions": "editions/",
    "section": "sections/procedures/",
    "registers-section": "sections/registers/",
    "redline": "redline/?doc=procedures/qp-06-service-provision&rev=B-0",
    "redline-typography": "redline/?doc=procedures/qp-02-record-control&rev=A-1",
    "withdrawn": "procedures/qp-14-return-visit/",
    "record-full": "records/QR-11-01/2026-10-14-TS20261014006/",
    "record-metadata": "records/QR-03-01/2026-03-12-training-signin/",
}
REGISTERS = ("register", "records-register", "external", "archive", "coverage", "roles")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("reading") / "demo"
    result = run_cli("demo", str(target))
    assert result.code == 0, result.output
    return target


@pytest.fixture(scope="module")
def base(demo: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(demo / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


def _page(browser: Any, width: int) -> Any:
    return browser.new_context(viewport={"width": width, "height": 900}).new_page()


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_is_wider_than_the_viewport(browser: Any, base: str, width: int) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = _page(browser, width)
    wide = {}
    for name, url in PAGES.items():
        page.goto(base + url)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(SHOTS / f"reading-{name}-{width}.png"))
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            wide[name] = scroll
        if name in REGISTERS and width > 1220:
            # The right-hand table of contents gives its room to the table.
            assert not page.locator(".md-sidebar--secondary .md-nav__list").is_visible(), name
    page.context.close()
    assert wide == {}, f"pages wider than {width} px: {wide}"


def test_titles_read_across_not_down(browser: Any, base: str) -> None:
    """A title column never shrinks to a character's width, even on a phone."""
    page = _page(browser, 390)
    for url, table in (("external/", "dc-external"), ("roles/", "dc-roles")):
        page.goto(base + url)
        widths = page.eval_on_selector_all(
            f"table.{table} tbody td:nth-child(2)", "cells => cells.map(c => c.clientWidth)"
        )
        assert widths and min(widths) >= 100, (url, widths)
    page.goto(base + "procedures/qp-01-document-control/")
    dates = page.eval_on_selector_all(
        "table.dc-history tbody td:nth-child(2)", "cells => cells.map(c => c.clientHeight)"
    )
    rows = page.eval_on_selector_all(
        "table.dc-history tbody td:nth-child(1)", "cells => cells.map(c => c.clientHeight)"
    )
    assert dates == rows  # one line each: a date never wraps taller than its row needs
    page.context.close()


def test_no_request_leaves_the_site(browser: Any, base: str, demo: Path) -> None:
    page = _page(browser, 1400)
    elsewhere: list[str] = []
    page.on(
        "request",
        lambda r: None if r.url.startswith((base, "data:", "blob:")) else elsewhere.append(r.url),
    )
    for url in PAGES.values():
        page.goto(base + url)
        page.wait_for_load_state("networkidle")
    assert _results(page, base, "投诉")  # the search worker and its language files too
    assert elsewhere == []
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei"'), family
    page.context.close()
    for html in (demo / "site").rglob("*.html"):
        text = html.read_text("utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, html


def test_every_printed_page_carries_the_mark_and_the_id(
    browser: Any, base: str, tmp_path: Path
) -> None:
    page = _page(browser, 1400)
    page.goto(base + "procedures/qp-11-complaints-remedy/")
    page.wait_for_load_state("networkidle")
    pdf = tmp_path / "qp-11.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)  # fires beforeprint, as a print does
    page.context.close()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    count = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))  # type: ignore[union-attr]
    assert count >= 3, "QP-11 prints on several sheets"
    today = date.today().isoformat()
    for number in range(1, count + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        flat = re.sub(r"\s+", "", text)
        assert "非受控文件" in flat, number
        assert "QP-11A/0" in flat, number
        assert f"打印日期{today}" in flat, number
        assert f"第{number}页" in flat, number
        head = text.strip().splitlines()[0]
        assert "非受控文件" in head and "QP-11" in head, "the mark sits above the text"


def _results(page: Any, base: str, query: str) -> set[str]:
    page.goto(base)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill(query)
    # Material reads the box on keyup (or when its worker becomes ready); fill() sends
    # only an input event, so a worker ready before it never saw the query.
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=45000)
    items = page.locator(".md-search-result__item")
    wrap = page.locator(".md-search__scrollwrap")
    seen = -1
    for _ in range(100):
        # Material renders ten results, then four more each time the list's scroll
        # reaches its bottom anew: leave the bottom, then come back to it.
        if items.count() == seen:
            break
        seen = items.count()
        wrap.evaluate("w => w.scrollTo(0, 0)")
        page.wait_for_timeout(100)
        wrap.evaluate("w => w.scrollTo(0, w.scrollHeight)")
        page.wait_for_timeout(300)
    announced = page.locator(".md-search-result__meta").inner_text()
    if number := re.search(r"\d+", announced):
        assert items.count() == int(number.group()), (query, announced, items.count())
    links = page.locator(".md-search-result__link")
    return {
        (a.get_attribute("href") or "").removeprefix(base).split("?")[0].split("#")[0]
        for a in links.all()
    }


@pytest.mark.parametrize(
    "query",
    [
        "保存期限",
        "投诉处理",
        "文件控制程序",  # jieba cut it 文件|控制程序 beside other words, until taught firmly
    ],
)
def test_two_word_chinese_query_finds_every_page_with_it(
    browser: Any, base: str, demo: Path, query: str
) -> None:
    index = json.loads((demo / "site" / "search" / "search_index.json").read_text("utf-8"))
    expected = {
        doc["location"].split("#")[0]
        for doc in index["docs"]
        if query in (doc["title"] + doc["text"]).replace("\u200b", "")
    }
    assert len(expected) >= 4, expected
    page = _page(browser, 1400)
    found = _results(page, base, query)
    page.context.close()
    assert expected <= found, sorted(expected - found)


def test_search_results_open_with_prose_and_still_match_id_and_title(
    browser: Any, base: str, demo: Path
) -> None:
    index = json.loads((demo / "site" / "search" / "search_index.json").read_text("utf-8"))
    top = next(d for d in index["docs"] if d["location"] == "procedures/qp-11-complaints-remedy/")
    assert "文件编号" not in top["text"] and "QP-11" in top["title"]
    page = _page(browser, 1400)
    assert "procedures/qp-11-complaints-remedy/" in _results(page, base, "QP-11")
    assert "procedures/qp-11-complaints-remedy/" in _results(page, base, "服务补救程序")
    article = page.locator(".md-search-result__article").first.inner_text()
    assert "文件编号" not in article
    page.context.close()


def test_navigation_by_level_with_registers_at_the_top(browser: Any, base: str) -> None:
    page = _page(browser, 1400)
    page.goto(base)
    tabs = page.locator(".md-tabs__link").all_inner_texts()
    assert [t.strip() for t in tabs[1:6]] == [
        "手册与规范",
        "程序文件",
        "作业指导书",
        "记录表单",
        "清单与台账",
    ]
    page.locator(".md-tabs__link", has_text="清单与台账").click()
    assert page.url.endswith("/sections/registers/")
    registers = page.locator("article ul.dc-start-list a").all_inner_texts()
    assert registers[:2] == ["受控文件清单", "记录清单"] and "版次" in registers
    page.goto(base + "sections/procedures/")
    assert page.locator("table.dc-level tr", has_text="QP-11").count() == 1
    assert page.locator("table.dc-level tr", has_text="WI-02").count() == 0
    page.context.close()


def test_home_is_a_start_page_and_the_footer_names_the_organisation(
    browser: Any, base: str, demo: Path
) -> None:
    page = _page(browser, 1400)
    page.goto(base)
    recent = page.locator("table.dc-recent").inner_text()
    assert "QP-11" in recent and "A/1" in recent  # issued in the demo's last month
    assert "WI-02" in page.locator("table.dc-due").inner_text()  # overdue for review
    assert page.locator("article ul.dc-start-list a", has_text="记录清单").count() == 1
    footer = page.locator(".md-copyright").inner_text()
    register = json.loads((demo / "register.json").read_text("utf-8"))
    assert "杭州恒信家电售后服务有限公司" in footer
    assert f"受控状态截至 {register['as_of']}" in footer and register["commit"][:8] in footer
    assert "打印或下载的文本均为非受控文件" in footer
    page.context.close()


def test_generated_link_text_has_no_space_after_its_bracket(demo: Path) -> None:
    html = (
        demo / "site" / "manual" / "service-manual" / "04-responsibilities" / "index.html"
    ).read_text("utf-8")
    assert re.search(r"QP-13 管理评审程序（A/\d）</a>执行", html)
    assert "（A/0）</a> " not in html
