"""The built site in a real headless browser (Debian's chromium driven by Playwright)."""

from __future__ import annotations

import csv
import functools
import io
import json
import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import LI, ROOT, ZHANG, run_cli
from gitrepo import GitRepo

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "test-output" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def serve() -> Iterator[Callable[[Path], str]]:
    servers: list[ThreadingHTTPServer] = []

    def start(site: Path) -> str:
        handler = functools.partial(_Quiet, directory=str(site))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("browser") / "demo"
    result = run_cli("demo", str(target))
    assert result.code == 0, result.output
    return target


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport=DESKTOP)  # type: ignore[attr-defined]
    pg = context.new_page()
    yield pg
    context.close()


def _shot(browser: object, url: str, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for label, size in (("desktop", DESKTOP), ("mobile", MOBILE)):
        context = browser.new_context(viewport=size)  # type: ignore[attr-defined]
        pg = context.new_page()
        pg.goto(url)
        pg.wait_for_load_state("networkidle")
        pg.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=False)
        context.close()


def test_controlled_page_shows_revision_and_approver(
    page: object, demo: Path, serve: Callable[[Path], str], browser: object
) -> None:
    base = serve(demo / "site")
    url = base + "procedures/qp-01-document-control/"
    page.goto(url)  # type: ignore[attr-defined]
    block = page.locator("table.dc-control")  # type: ignore[attr-defined]
    assert block.get_attribute("data-revision") == "A/1"
    text = block.inner_text()
    assert "李敏" in text and "A/1" in text and "受控" in text
    history = page.locator("table.dc-history").inner_text()  # type: ignore[attr-defined]
    assert "A/1" in history and "A/0" in history
    _shot(browser, url, "controlled-page")


def test_chinese_search_finds_the_procedure(
    page: object, demo: Path, serve: Callable[[Path], str]
) -> None:
    base = serve(demo / "site")
    page.goto(base)  # type: ignore[attr-defined]
    page.locator("label.md-search__icon, .md-search__input").first.click()  # type: ignore[attr-defined]
    page.locator("input.md-search__input").fill("升级督办")  # type: ignore[attr-defined]
    # Material reads the box on keyup (or when its worker becomes ready), not on input.
    page.locator("input.md-search__input").press("End")  # type: ignore[attr-defined]
    results = page.locator(".md-search-result__item")  # type: ignore[attr-defined]
    results.first.wait_for(timeout=45000)
    hrefs = [a.get_attribute("href") or "" for a in page.locator(".md-search-result__link").all()]  # type: ignore[attr-defined]
    assert any("qp-11-complaints-remedy" in h for h in hrefs), hrefs
    assert all("qp-11" in h for h in hrefs), "the word occurs only in QP-11"


def test_withdrawn_document_is_archived_not_navigable_or_searchable(
    page: object, demo: Path, serve: Callable[[Path], str]
) -> None:
    base = serve(demo / "site")
    page.goto(base)  # type: ignore[attr-defined]
    # With navigation tabs the sidebar shows one section at a time: read the whole tree.
    nav = page.locator("nav.md-nav--primary").first.text_content() or ""  # type: ignore[attr-defined]
    assert "QP-13" in nav and "QP-14" not in nav
    page.locator("label.md-search__icon, .md-search__input").first.click()  # type: ignore[attr-defined]
    page.locator("input.md-search__input").fill("售后回访管理程序")  # type: ignore[attr-defined]
    page.locator(".md-search-result__meta").wait_for(timeout=45000)  # type: ignore[attr-defined]
    page.wait_for_timeout(500)  # type: ignore[attr-defined]
    hrefs = [a.get_attribute("href") or "" for a in page.locator(".md-search-result__link").all()]  # type: ignore[attr-defined]
    assert not any("qp-14" in h for h in hrefs), hrefs
    page.goto(base + "archive/")  # type: ignore[attr-defined]
    row = page.locator("table.dc-archive tr", has_text="QP-14")  # type: ignore[attr-defined]
    assert "作废" in row.inner_text()
    # The row links the withdrawn document and its replacement (替代文件: QP-08).
    assert row.locator("a", has_text="QP-08").count() == 1
    row.locator("a", has_text="QP-14").click()
    banner = page.locator(".dc-banner").first  # type: ignore[attr-defined]
    assert "作废" in banner.inner_text()


def test_register_page_matches_register_command(
    page: object, demo: Path, serve: Callable[[Path], str], browser: object
) -> None:
    expected = json.loads((demo / "register.json").read_text("utf-8"))
    base = serve(demo / "site")
    page.goto(base + "register/")  # type: ignore[attr-defined]
    rows = page.locator("table.dc-register tbody tr")  # type: ignore[attr-defined]
    shown = {r.get_attribute("data-id"): r.get_attribute("data-status-code") for r in rows.all()}
    # Withdrawn documents are listed in 作废文件, not here.
    listed = {d["id"]: d["status"] for d in expected["documents"] if d["status"] != "withdrawn"}
    assert shown == listed and "QP-14" not in shown
    # The filters work: only work instructions remain.
    page.select_option("select[data-filter=type]", "作业指导书")  # type: ignore[attr-defined]
    visible = [r.get_attribute("data-id") for r in rows.all() if r.is_visible()]
    assert visible == ["WI-01", "WI-02"]
    _shot(browser, base + "register/", "register")


def _ids(page: object) -> list[str]:
    rows = page.locator("table#dc-register tbody tr")  # type: ignore[attr-defined]
    return [r.get_attribute("data-id") or "" for r in rows.all() if r.is_visible()]


def test_register_sorts_by_a_click_on_a_heading(
    page: object, demo: Path, serve: Callable[[Path], str], browser: object
) -> None:
    base = serve(demo / "site")
    page.goto(base + "register/")  # type: ignore[attr-defined]
    first = _ids(page)
    assert first[0] == "SM-01" and first[-1].startswith("QR-"), "level order: 手册 first, forms last"
    heading = page.locator("table#dc-register th", has_text="文件编号")  # type: ignore[attr-defined]
    heading.locator("button").click()
    ascending = _ids(page)
    assert ascending == sorted(first) and heading.get_attribute("aria-sort") == "ascending"
    heading.locator("button").click()
    assert _ids(page) == sorted(first, reverse=True)
    assert heading.get_attribute("aria-sort") == "descending"
    # Sorting by 类别 sorts by level, not by the label's characters.
    page.locator("table#dc-register th", has_text="类别").locator("button").click()  # type: ignore[attr-defined]
    levels = [
        int(r.get_attribute("data-level"))
        for r in page.locator("table#dc-register tbody tr").all()  # type: ignore[attr-defined]
    ]
    assert levels == sorted(levels)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "register-sorted.png"))  # type: ignore[attr-defined]


def test_register_exports_the_filtered_rows_as_csv(
    page: object, demo: Path, serve: Callable[[Path], str]
) -> None:
    base = serve(demo / "site")
    page.goto(base + "register/")  # type: ignore[attr-defined]
    page.select_option("select[data-filter=owner]", "客服中心")  # type: ignore[attr-defined]
    shown = _ids(page)
    assert shown and len(shown) < len(json.loads((demo / "register.json").read_text("utf-8"))["documents"])
    with page.expect_download() as info:  # type: ignore[attr-defined]
        page.locator("button.dc-export").click()  # type: ignore[attr-defined]
    raw = Path(info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0][:2] == ["文件编号", "文件名称"] and "发放范围" in rows[0]
    assert [r[0] for r in rows[1:]] == shown
    owner = rows[0].index("编制部门")
    assert {r[owner] for r in rows[1:]} == {"客服中心"}
    # The whole register, made at build time, is there too.
    whole = (demo / "site" / "register.csv").read_bytes().decode("utf-8-sig")
    assert len(list(csv.reader(io.StringIO(whole, newline="")))) > len(rows)


def test_a_record_page_shows_its_registration_and_masks_numbers(
    page: object, demo: Path, serve: Callable[[Path], str], browser: object
) -> None:
    base = serve(demo / "site")
    page.goto(base + "records/forms/qr-11-01-complaint-record/")  # type: ignore[attr-defined]
    listed = page.locator("table.dc-form-records a")  # type: ignore[attr-defined]
    assert listed.count() == 2
    page.locator("table.dc-form-records a", has_text="TS20261014006").click()  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    meta = page.locator("table.dc-record-meta").inner_text()  # type: ignore[attr-defined]
    assert "2026-10-14" in meta and "张伟" in meta and "2029-10-14" in meta and "未到期" in meta
    text = page.locator("article").inner_text()  # type: ignore[attr-defined]
    assert "李先生" in text and "8765" not in text and "2468" not in text and "19880512" not in text
    _shot(browser, page.url, "record-full")  # type: ignore[attr-defined]
    # A form without publish: full shows the registration only, and no link to the scan.
    page.goto(base + "records/QR-03-01/2026-03-12-training-signin/")  # type: ignore[attr-defined]
    assert "行政人事部" in page.locator("table.dc-record-meta").inner_text()  # type: ignore[attr-defined]
    assert page.locator("a[href$='.pdf']").count() == 0  # type: ignore[attr-defined]
    assert not list((demo / "site").rglob("2026-03-12-training-signin.pdf"))
    _shot(browser, page.url, "record-metadata")  # type: ignore[attr-defined]


def test_printout_says_uncontrolled(page: object, demo: Path, serve: Callable[[Path], str]) -> None:
    base = serve(demo / "site")
    page.goto(base + "procedures/qp-03-human-resources/")  # type: ignore[attr-defined]
    mark = page.locator(".dc-print-mark")  # type: ignore[attr-defined]
    assert not mark.is_visible()
    page.emulate_media(media="print")  # type: ignore[attr-defined]
    assert mark.is_visible()
    text = mark.inner_text()
    assert "非受控文件" in text and "QP-03 A/0" in text and "打印日期 20" in text
    assert "qp-03-human-resources" in text  # where to check the current revision


def test_coverage_matrix_shows_a_gap_when_a_required_procedure_goes(
    make_repo: Callable[..., GitRepo],
    tmp_path: Path,
    page: object,
    serve: Callable[[Path], str],
    browser: object,
) -> None:
    repo = make_repo()
    repo.branch("zhang/drop-qp-02")
    repo.remove("procedures/qp-02.md")
    repo.commit("QP-02 作废", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/drop-qp-02", LI, "2026-02-02T10:00:00+08:00")
    site = tmp_path / "site"
    assert run_cli("build", "--repo", str(repo.path), "-d", str(site)).code == 0
    page.goto(serve(site) + "coverage/")  # type: ignore[attr-defined]
    gap = page.locator('tr[data-clause="4.6.4"]')  # type: ignore[attr-defined]
    assert gap.get_attribute("class") == "dc-gap"
    assert "缺少程序文件" in gap.inner_text()
    covered = page.locator('tr[data-clause="4.6.3"]')  # type: ignore[attr-defined]
    assert covered.get_attribute("class") == "dc-covered"


def test_coverage_matrix_screenshot(
    demo: Path, serve: Callable[[Path], str], browser: object
) -> None:
    _shot(browser, serve(demo / "site") + "coverage/", "coverage")
    assert (SHOTS / "coverage-desktop.png").stat().st_size > 10_000


def test_record_register_lists_forms_and_their_records(
    page: object, demo: Path, serve: Callable[[Path], str], browser: object
) -> None:
    base = serve(demo / "site")
    page.goto(base + "records-register/")  # type: ignore[attr-defined]
    cells = page.locator('tr[data-form="QR-11-01"] td').all_inner_texts()  # type: ignore[attr-defined]
    assert cells == [
        "顾客投诉处理记录", "QR-11-01", "3 年", "工单系统投诉模块", "客服中心", "电子",
        "经批准后系统内删除，登记于 QR-02-01", "QP-11", "2", "2026-09-03", "2026-10-14",
    ]  # fmt: skip
    disposed = page.locator('tr[data-form="QR-06-01"] td').all_inner_texts()  # type: ignore[attr-defined]
    assert disposed[8] == "暂无归档记录", "the demo's disposed record is gone"
    assert disposed[9:] == ["—", "—"]
    _shot(browser, base + "records-register/", "record-register")


def test_revision_history_links_to_a_redline(
    page: object, demo: Path, serve: Callable[[Path], str]
) -> None:
    base = serve(demo / "site")
    page.goto(base + "procedures/qp-06-service-provision/")  # type: ignore[attr-defined]
    page.locator("table.dc-history a.dc-redline-link").first.click()  # type: ignore[attr-defined]
    view = page.locator("#dc-redline")  # type: ignore[attr-defined]
    view.locator(".dc-rl-text").wait_for()
    assert page.locator(".md-content h1").inner_text().endswith("A/0 → B/0")  # type: ignore[attr-defined]
    # The themed page: Material's header and navigation are there.
    assert page.locator("nav.md-nav--primary").count() == 1  # type: ignore[attr-defined]
    inserted = "".join(view.locator(".dc-rl-text ins").all_inner_texts())
    assert "远程诊断" in inserted
    assert view.locator(".dc-rl-text del").count() == 0
    # The edition is a changed front-matter field, in the table above the text.
    field = view.locator("tr.dc-rl-field").first
    assert field.locator("td").all_inner_texts() == ["版次", "—", "B"]
    # The text as rendered: no front matter, no heading marks, links as titles.
    text = view.locator(".dc-rl-text").inner_text()
    assert "edition:" not in text and "## " not in text and "[[" not in text
    assert "SP-01 服务提供规范" in text


@pytest.mark.parametrize("size", [{"width": 1400, "height": 900}, {"width": 390, "height": 844}])
def test_redline_page_counts_and_jumps_between_changes(
    browser: object, demo: Path, serve: Callable[[Path], str], size: dict[str, int]
) -> None:
    base = serve(demo / "site")
    context = browser.new_context(viewport=size)  # type: ignore[attr-defined]
    pg = context.new_page()
    pg.goto(base + "redline/?doc=procedures/qp-11-complaints-remedy&rev=A-1")
    count = pg.locator("#dc-rl-count")
    pg.locator("#dc-redline .dc-rl-text").wait_for()
    total = int(count.inner_text())
    marked = {
        el.get_attribute("data-change") for el in pg.locator("#dc-redline [data-change]").all()
    }
    assert total >= 1 and total == len(marked) == int(count.get_attribute("data-marked") or 0)
    pg.locator("#dc-rl-next").click()
    assert count.inner_text() == f"1 / {total}"
    current = pg.locator(".dc-rl-current").first
    assert current.get_attribute("data-change") == "1"
    assert current.is_visible() and _in_viewport(pg, current)
    pg.locator("#dc-rl-prev").click()
    assert count.inner_text() == f"{total} / {total}"
    assert pg.locator(".dc-rl-current").first.get_attribute("data-change") == str(total)
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= size["width"], f"the page is {width} px wide at {size['width']} px"
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"redline-{size['width']}.png"))
    context.close()


def _in_viewport(pg: object, element: object) -> bool:
    box = element.bounding_box()  # type: ignore[attr-defined]
    height = pg.evaluate("window.innerHeight")  # type: ignore[attr-defined]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height
