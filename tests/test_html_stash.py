"""The plugin's HTML blocks skip Markdown's parser and come back unchanged (site.html_stash)."""

from __future__ import annotations

import markdown
from doccontrol.site.html_stash import restore_blocks, stash_blocks

EXTENSIONS = ["tables", "fenced_code", "attr_list", "md_in_html", "admonition", "toc"]

WRAP = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
CONTROL = '<table class="dc-control"><tr><th scope="row">文件编号</th><td>QP-11</td></tr></table>'
HISTORY = (
    '<table class="dc-history"><tbody><tr><td>A/1</td>'
    '<td><a href="../../redline/?doc=x&amp;rev=A-1">修改对比</a></td></tr></tbody></table>'
)
PAGE = f"""# QP-11 服务补救程序

<header class="dc-head" data-search-exclude>{WRAP}{CONTROL}</div></div>
</header>

## 1 目的

及时处理顾客投诉，**补救**服务失误。

```html
<div class="dc-fake">a fence shows this as code</div>
```

<div class="dc-open">an element left open

that a blank line splits</div>

<div class="dc-note" markdown="1">
**md_in_html** acts on this one
</div>

!!! note "说明"
    <p class="dc-indented">indented: inside the admonition</p>

---

## 修订记录

{WRAP}{HISTORY}</div></div>
"""


def _html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def test_a_page_comes_out_of_markdown_the_same() -> None:
    stashed = stash_blocks(PAGE, "n0nce")
    assert len(stashed.blocks) == 2  # the control block and the history, nothing else
    assert stashed.blocks[0].startswith('<header class="dc-head"')
    assert stashed.blocks[1] == f"{WRAP}{HISTORY}</div></div>"
    assert "dc-control" not in stashed.markdown and "dc-fake" in stashed.markdown
    assert restore_blocks(_html(stashed.markdown), "n0nce", stashed.blocks) == _html(PAGE)


def test_a_page_cannot_name_a_block_without_the_nonce() -> None:
    text = "正文\n\n<!--dc-html-guess-0-->\n\n" + PAGE
    stashed = stash_blocks(text, "n0nce")
    html = restore_blocks(_html(stashed.markdown), "n0nce", stashed.blocks)
    assert html == _html(text)
    assert html.count("dc-control") == 1 and "<!--dc-html-guess-0-->" in html
