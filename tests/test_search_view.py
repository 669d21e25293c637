"""Material's search reads a lighter copy of the plugin's blocks, and indexes the same.

site.search_view leaves out the markup Material's search parser throws away. These
tests hold it to that with Material's own parser: on blocks built to trip it (white
space between tags, a reference cut at a tag, an exclusion inside, headings, ``pre``,
unbalanced tags) and on whole sites built with and without the copy.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import LI, ZHANG, run_cli
from doccontrol.site.plugin import DocControlPlugin, _search_keep
from doccontrol.site.search_view import search_view
from gitrepo import GitRepo
from mkdocs.config import load_config

search = pytest.importorskip("material.plugins.search.plugin")
KEEP = frozenset(search.Parser().keep)


def _sections(html: str) -> list[tuple[object, ...]]:
    parser = search.Parser()
    parser.feed(html)
    parser.close()
    return [
        (s.id, "".join(s.title), "".join(s.text), s.is_excluded(), s.depth)
        for s in parser.data
    ]


def _page(block: str) -> str:
    return f"<h1 id=\"t\">标题</h1>\n<p>前文</p>\n{block}\n<h2 id=\"n\">后文</h2>\n<p>正文 &amp; 结尾</p>"


HISTORY = (
    '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="dc-history">'
    "<thead><tr><th>版本</th><th>发布日期</th></tr></thead><tbody>"
    '<tr><td>A/1</td><td><span class="dc-signed">编制人 2026-12-03</span></td>'
    '<td><code title="ce74691ff6b875be">ce74691f</code></td>'
    '<td><a class="dc-redline-link" href="../r/?doc=a&amp;rev=A-1">修改对比</a></td></tr>'
    "</tbody></table></div></div>"
)
CONTROL = (
    '<header class="dc-head" data-search-exclude><div class="md-typeset__scrollwrap">'
    '<table class="dc-control"><tr><th scope="row">文件编号</th><td>QP-01</td></tr></table></div>\n'
    "</header>"
)
LIGHTENED = {
    "history": HISTORY,
    "control block": CONTROL,
    "white space between tags": '<div class="dc-x">\n  <table>\n    <tr><td> a </td>\n\n<td>\n</td>'
    "<td>b\nc</td></tr>\n  </table>\n</div>",
    "reference cut at a tag": '<div class="dc-x"><span>A &amp</span><span>lt; B</span><i>&</i>'
    "<b>amp;</b><i>x &#</i><i>39;</i></div>",
    "kept tags with attributes": '<ul class="dc-list"><li class="x"><a href="#">一</a> <code '
    'title="t">二</code></li><li><sub>三</sub><br>四<br/>五</li></ul>',
    "list in a table": '<div class="dc-x"><table><tr><td><ul><li>一</li><li> </li></ul></td>'
    "<td><p>二</p><p></p></td></tr></table></div>",
}
GIVEN_WHOLE = {
    "an exclusion inside": '<div class="dc-x"><p>一</p><p data-search-exclude>秘</p></div>',
    "a valued search attribute": '<div class="dc-x" data-search-boost="2"><p>一</p></div>',
    "a heading inside": '<div class="dc-x"><h3 id="h">三</h3><p>一</p></div>',
    "pre": '<div class="dc-x"><pre>a\n  b</pre></div>',
    "a script": '<div class="dc-x"><script>var a = "<p>";</script></div>',
    "a comment": '<div class="dc-x"><!-- a --><p>一</p></div>',
    "unbalanced": '<div class="dc-x"><table><tr><td>一</td></table></div>',
    "unclosed": '<div class="dc-x"><p>一</p>',
    "text after": '<div class="dc-x"><p>一</p></div> 尾',
    "line numbers": '<div class="dc-x"><div class="linenodiv">1</div></div>',
    "same tag inside an exclusion": '<div data-search-exclude><div>一</div></div>',
    "upper case": '<div class="dc-x"><P>一</P></div>',
}


@pytest.mark.parametrize("name", sorted(LIGHTENED))
def test_the_parser_reads_the_lighter_copy_as_the_block(name: str) -> None:
    block = LIGHTENED[name]
    view = search_view(block, KEEP)
    # Fewer tags for the parser to call back on (an empty comment costs it no callback).
    assert view.count("<") - view.count("<!---->") < block.count("<"), view
    assert _sections(_page(view)) == _sections(_page(block))
    # At the very start of a page too, where the parser makes its preface section.
    assert _sections(view) == _sections(block)


@pytest.mark.parametrize("name", sorted(GIVEN_WHOLE))
def test_blocks_outside_the_simple_shape_are_given_whole(name: str) -> None:
    block = GIVEN_WHOLE[name]
    assert search_view(block, KEEP) == block


def test_an_excluded_block_leaves_only_its_empty_element() -> None:
    assert search_view(CONTROL, KEEP) == "<header data-search-exclude></header>"


def _copies(config: Path) -> bool:
    """Whether the plugin hands search the lighter copy under this mkdocs.yml."""
    loaded = load_config(str(config))
    plugin = loaded.plugins["doc-control"]
    assert isinstance(plugin, DocControlPlugin)
    return _search_keep(loaded, plugin) == KEEP


def _build(repo: GitRepo, site: Path) -> None:
    result = run_cli("build", "--preview", "--repo", str(repo.path), "-d", str(site))
    assert result.code == 0, result.output


def _tree(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.suffix != ".xlsx"  # the workbook carries the time it was made
    }


def test_the_site_and_its_index_are_the_same_with_and_without_the_copy(
    make_repo: Callable[..., GitRepo], tmp_path: Path
) -> None:
    repo = make_repo()
    for n in range(1, 3):
        repo.branch(f"zhang/qp-01-{n}")
        text = repo.read("procedures/qp-01.md")
        repo.write("procedures/qp-01.md", text + f"\n第 {n} 次修订 & <增加> 的要求。\n")
        repo.commit(f"QP-01 第 {n} 次修订", ZHANG, f"2026-02-0{n}T09:00:00+08:00")
        repo.checkout("main")
        repo.merge(f"zhang/qp-01-{n}", LI, f"2026-02-0{n}T10:00:00+08:00")
    with_copy = tmp_path / "with"
    assert _copies(repo.path / "mkdocs.yml")
    _build(repo, with_copy)
    # Another plugin's handler between doc-control's and search's: the plugin makes no
    # copy then (that handler would see it), and search parses the blocks themselves.
    (repo.path / "between.py").write_text(
        "def on_page_context(context, page, config, nav):\n    return context\n", "utf-8"
    )
    config = repo.path / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "hooks:\n  - between.py\n", "utf-8")
    assert not _copies(config)
    without = tmp_path / "without"
    _build(repo, without)
    a, b = _tree(with_copy), _tree(without)
    assert a.keys() == b.keys()
    for name in a:
        assert a[name] == b[name], name
    index = json.loads(a["search/search_index.json"])
    texts = {d["location"]: d["text"] for d in index["docs"]}
    history = next(t for loc, t in texts.items() if loc.startswith("procedures/qp-01/#"))
    assert history  # the document's sections are indexed
    assert any("<code>" in t for t in texts.values())  # a revision history's change ids
    # The control block stays out: results open with the document's prose.
    assert all("文件编号" not in t for loc, t in texts.items() if loc.startswith("procedures/"))
