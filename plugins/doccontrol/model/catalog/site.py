"""Messages of the site build (``site/``): what ``mkdocs build`` logs or stops with."""

from __future__ import annotations

EN: dict[str, str] = {
    "site.history-unreadable": "the git history could not be read",
    "site.nothing-built": (
        "{reason}. Nothing was built: the site shows only what git says was approved"
    ),
    "site.web-fonts": (
        "theme.font loads web fonts from the internet, which an offline intranet "
        "cannot reach; set `font: false` under theme in mkdocs.yml"
    ),
    "site.record-unreadable": "{path}: the record file could not be read; its page links to nothing",
}

ZH: dict[str, str] = {
    "site.history-unreadable": "无法读取 git 历史",
    "site.nothing-built": "{reason}。未生成站点：站点只显示 git 记录为已批准的内容",
    "site.web-fonts": (
        "theme.font 会从互联网加载网页字体，离线的内网无法访问；"
        "请在 mkdocs.yml 的 theme 下设置 `font: false`"
    ),
    "site.record-unreadable": "{path}：无法读取该记录文件，其页面不链接任何文件",
}
