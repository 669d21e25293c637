"""``check`` follows relative links, anchors and images the way the site renders them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import run_cli
from doccontrol.sources.link_check import anchors
from gitrepo import GitRepo

MakeRepo = Callable[..., GitRepo]

LINKS = """
[记录控制](qp-02.md#{anchor})
[不存在](qp-09.md)
[坏锚点](qp-02.md#no-such-heading)
![流程图](img/missing.png)
```
[代码里的链接不算](nowhere.md)
```
[本文](#{own})
[外部](https://example.com/x.md) `[行内代码](nowhere.md)`
[手册](../manual/sm-01.md)
"""
PYMDOWNX = """markdown_extensions:
  - toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
"""


def _add_links(repo: GitRepo, anchor: str, own: str) -> None:
    text = repo.read("procedures/qp-01.md")
    repo.write("procedures/qp-01.md", text + LINKS.format(anchor=anchor, own=own))


def _check(repo: GitRepo, *args: str) -> tuple[int, list[str]]:
    result = run_cli("--lang", "en", "check", "--repo", str(repo.path), "--as-of", "2026-02-01", *args)
    lines = [ln for ln in result.stdout.splitlines() if "link" in ln or "anchor" in ln or "image" in ln]
    return result.code, lines


def test_check_finds_a_broken_link_a_broken_anchor_and_a_missing_image(make_repo: MakeRepo) -> None:
    repo = make_repo()
    _add_links(repo, "1", "2")  # Python-Markdown's default slugify drops the Chinese
    code, lines = _check(repo)
    assert code == 1
    assert lines == [
        "procedures/qp-01.md:20: error: broken-link: link qp-09.md points at procedures/qp-09.md, "
        "which does not exist; correct the path (relative to procedures)",
        "procedures/qp-01.md:21: error: broken-anchor: anchor in qp-02.md#no-such-heading names no "
        "heading of procedures/qp-02.md; its headings are #1 (ids as the site's toc slugify makes them)",
        "procedures/qp-01.md:22: error: missing-image: image img/missing.png points at "
        "procedures/img/missing.png, which does not exist; correct the path (relative to procedures)",
    ]


def test_anchors_on_chinese_headings_use_the_configured_slugify(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.write("mkdocs.yml", repo.read("mkdocs.yml") + PYMDOWNX)
    _add_links(repo, "1-目的", "2-工作程序")
    repo.write("procedures/img/missing.png", b"\x89PNG\r\n\x1a\n")
    code, lines = _check(repo)
    assert code == 1
    assert [ln.split(": ")[1:3] for ln in lines] == [
        ["error", "broken-link"],
        ["error", "broken-anchor"],
    ]
    assert "its headings are #1-目的" in lines[1]
    # The anchor the default slugify would give is now the broken one.
    repo.write("procedures/qp-01.md", repo.read("procedures/qp-01.md").replace("#1-目的", "#1"))
    _, lines = _check(repo)
    assert any(ln.startswith("procedures/qp-01.md:19: error: broken-anchor: anchor in qp-02.md#1 ") for ln in lines)


def test_a_link_into_a_withdrawn_document_is_a_warning_and_strict_fails(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.write("procedures/qp-01.md", repo.read("procedures/qp-01.md") + "\n见[记录控制](qp-02.md)。\n")
    repo.edit("procedures/qp-02.md", "clauses:", "status: withdrawn\nclauses:")
    repo.commit("草稿", when="2026-01-10T10:00:00+08:00")
    result = run_cli("check", "--repo", str(repo.path), "--as-of", "2026-02-01")
    # The site is Chinese, so check speaks Chinese; the code stays the same.
    assert (
        "procedures/qp-01.md:19: warning: link-to-withdrawn: 链接 qp-02.md 指向已作废的 QP-02"
        in result.stdout
    )
    strict = run_cli("check", "--repo", str(repo.path), "--as-of", "2026-02-01", "--strict")
    assert strict.code == 1


def test_strict_passes_when_nothing_is_found(make_repo: MakeRepo) -> None:
    repo = make_repo()
    result = run_cli("check", "--repo", str(repo.path), "--as-of", "2026-02-01", "--strict")
    assert result.code == 0, result.output


@pytest.mark.parametrize(
    ("body", "ids"),
    [
        ("# 目的\n## 目的\n", {"_1", "_2"}),
        ("Scope\n=====\n\n## Scope\n", {"scope", "scope_1"}),
        ("## Terms {#terms-and-definitions}\n", {"terms-and-definitions"}),
        ('<a id="here"></a>\n```\n# not a heading\n```\n', {"here"}),
        ("## **Bold** and `code`\n", {"bold-and-code"}),
    ],
)
def test_anchor_ids_follow_the_toc_rules(body: str, ids: set[str]) -> None:
    from markdown.extensions.toc import slugify

    assert anchors(body, slugify) == ids
