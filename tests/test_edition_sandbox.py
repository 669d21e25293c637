"""The print sandbox: a document loads only files of the repository, never the network or the disk."""

from __future__ import annotations

import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from doccontrol.edition.sandbox import Piece, sandbox_html
from doccontrol.model.history import TreeEntry
from edition_support import (
    EDITION_DAY,
    adopted_repo,
    approve_change,
    edition_pdf,
    make_key,
    release,
)
from gitrepo import GitRepo

COMMIT = "c" * 40


class FakeTree:
    """A git tree as a dict: path -> (mode, content)."""

    def __init__(self, files: dict[str, tuple[str, bytes]]) -> None:
        self.files = files

    def entry(self, commit: str, path: str) -> TreeEntry | None:
        found = self.files.get(path)
        return TreeEntry(found[0], path) if found else None

    def blob(self, sha: str) -> bytes:
        return self.files[sha][1]


TREE = FakeTree(
    {
        "procedures/qp-01.md": ("100644", b""),
        "procedures/img/ok.png": ("100644", b"png"),
        "procedures/out.png": ("120000", b"/etc/hostname"),
        "procedures/up.png": ("120000", b"../../outside.png"),
        "procedures/in.png": ("120000", b"img/ok.png"),
        "procedures/linked": ("120000", b"/etc"),
    }
)


def _check(html: str) -> tuple[str, list[str]]:
    piece = Piece("procedures/qp-01.md", html, 10)
    result = sandbox_html(html, piece, COMMIT, "/srv/repo", TREE, lambda href: href)
    return result.html, [f.as_text() for f in result.findings]


@pytest.mark.parametrize(
    "html",
    [
        '<img src="http://example.com/a.png">',
        '<img src="https://example.com/a.png">',
        '<img src="//example.com/a.png">',
        '<img src="file:///etc/hostname">',
        '<img src="file:///srv/repo/procedures/img/ok.png">',
        '<img src="/etc/hostname">',
        '<img src="../../etc/hostname">',
        '<img src="%2e%2e/%2e%2e/etc/hostname">',
        '<img src="out.png">',
        '<img src="up.png">',
        '<img src="linked/hostname">',
        '<img src="missing.png">',
        '<link rel="stylesheet" href="http://example.com/x.css">',
        '<link rel=stylesheet href=file:///etc/passwd>',
        '<a rel="attachment" href="../../etc/passwd">x</a>',
        '<object data="file:///etc/passwd"></object>',
        '<embed src="http://example.com/x.svg">',
        '<svg><image href="file:///etc/passwd"/></svg>',
        '<svg><image xlink:href="http://example.com/x.png"/></svg>',
        '<img srcset="ok.png 1x, http://example.com/b.png 2x">',
        '<div style="background: url(file:///etc/passwd)">x</div>',
        '<div style="background-image: url(\'http://example.com/x.png\')">x</div>',
        "<style>body { background: url(../../../etc/passwd) }</style>",
        '<style>@import "http://example.com/x.css";</style>',
        "<style>@import url(file:///etc/passwd);</style>",
        "<style>p { background: \\75 rl(file:///etc/passwd) }</style>",
        '<style>@font-face { font-family: x; src: url(http://example.com/f.woff) }</style>',
        '<div style="background: image-set(\'http://example.com/x.png\' 1x)">x</div>',
    ],
)
def test_every_escape_is_refused_with_its_line(html: str) -> None:
    out, findings = _check(html)
    assert findings, out
    assert all(f.startswith("procedures/qp-01.md:10: error: edition-resource: ") for f in findings), findings
    for bad in ("example.com", "/etc/", "file:"):
        assert bad not in out.replace("about:invalid", ""), out


def test_repository_files_are_allowed_and_rewritten_to_the_sandbox() -> None:
    html = '<p>x</p>\n<img alt="a" src="img/ok.png">\n<img src="in.png">\n<img src="data:image/png;base64,AAAA">'
    out, findings = _check(html)
    assert findings == []
    assert f"https://doccontrol.invalid/{COMMIT}/procedures/img/ok.png" in out
    assert 'src="data:image/png;base64,AAAA"' in out
    assert out.count("procedures/img/ok.png") == 2  # the in-repository link, followed


@contextmanager
def _listener() -> Iterator[tuple[str, list[str]]]:
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_hostile_document_is_refused_naming_each_line(tmp_path: Path) -> None:
    repo: GitRepo = adopted_repo(tmp_path / "org")
    secret = tmp_path / "secret.png"
    secret.write_text("SECRET-OUTSIDE-THE-REPOSITORY", "utf-8")
    os.symlink(str(secret), repo.path / "procedures" / "escape.png")
    with _listener() as (url, hits):
        lines = [
            f"![网络图片]({url}/image.png)",
            "![本机文件](file:///etc/hostname)",
            "![越界](../../secret.png)",
            "![符号链接](escape.png)",
            f'<div style="background: url({url}/css.png)">样式</div>',
            f'<link rel="stylesheet" href="{url}/x.css">',
            '<img src="file:///etc/passwd">',
        ]
        text = repo.read("procedures/qp-01.md").rstrip("\n") + "\n\n" + "\n\n".join(lines) + "\n"
        approve_change(repo, "procedures/qp-01.md", text, "2026-02-02", "zhang/hostile")
        result = release(repo.path, make_key(tmp_path / "keys"), lang="en")
        assert hits == []  # nothing reached the network
    assert result.code == 1, result.output
    numbered = text.split("\n")
    for needle in lines:
        line = numbered.index(needle) + 1
        assert f"procedures/qp-01.md:{line}: error: edition-resource:" in result.stderr, (needle, result.stderr)
    assert "symbolic link" in result.stderr and "leaves the repository" in result.stderr
    assert "Traceback" not in result.output
    assert not (repo.path / "editions" / EDITION_DAY).exists()
    assert repo.git("tag", "-l", "edition/*") == ""


def test_the_fetcher_refuses_what_the_scan_might_miss(tmp_path: Path) -> None:
    """Defence in depth: WeasyPrint itself can load nothing outside git objects of the repository."""
    from doccontrol.edition.html import stylesheet
    from doccontrol.edition.pdf import Renderer, SandboxFetcher, SandboxRefusal
    from doccontrol.history.trees import GitTree
    from doccontrol.model.errors import DocControlError

    repo = adopted_repo(tmp_path / "org")
    tree = GitTree(repo.path)
    fetcher = SandboxFetcher(tree)
    for url in ("file:///etc/hostname", "http://127.0.0.1:9/x.png", "https://doccontrol.invalid/x.png",
                f"https://doccontrol.invalid/{repo.head()}/../../etc/hostname"):
        with pytest.raises(SandboxRefusal):
            fetcher.fetch(url)
    served = fetcher.fetch(f"https://doccontrol.invalid/{repo.head()}/procedures/qp-01.md")
    assert b"QP-01" in served.read()
    renderer = Renderer(tree, stylesheet())
    raw = '<html><body><p>x</p><img src="file:///etc/hostname"></body></html>'
    with pytest.raises(DocControlError) as caught:
        renderer.render(raw, "", lambda needle: ("procedures/qp-01.md", 7))
    assert str(caught.value).startswith("procedures/qp-01.md:7: ")


def test_an_image_in_the_repository_is_printed(tmp_path: Path) -> None:
    from pypdf import PdfReader

    repo = adopted_repo(tmp_path / "org")
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360f8ffff3f0005fe02fea7d6a4a00000000049454e44ae426082"
    )
    (repo.path / "procedures" / "flow.png").write_bytes(png)
    text = repo.read("procedures/qp-01.md") + "\n![流程图](flow.png)\n"
    approve_change(repo, "procedures/qp-01.md", text, "2026-02-02", "zhang/flow")
    result = release(repo.path, make_key(tmp_path / "keys"))
    assert result.code == 0, result.output
    pages = PdfReader(edition_pdf(repo.path)).pages
    qp01 = next(p for p in pages if "QP-01 文件控制程序" in (p.extract_text() or "").split("\n")[0])
    assert len(qp01.images) == 1
