"""Messages of the edition's diagrams, visible signature and layout check (issue 13)."""

from __future__ import annotations

EN: dict[str, str] = {
    "print-failed": (
        "{message}: the edition could not print it either; simplify the construct at this line, "
        "or report it with the document attached"
    ),
    "print-diagram": (
        "mermaid cannot draw this diagram ({reason}): correct its source; the site shows the same "
        "error in place of the diagram"
    ),
    "print-diagram.site": "print-diagram: mermaid cannot draw a diagram of {doc} ({reason}): correct its source",
    "print-diagram.no-browser": (
        "chromium ({path}) could not be started to draw the diagrams: {reason}; install it "
        "(scripts/bootstrap), or name a working one in DOCCONTROL_CHROMIUM"
    ),
    "edition-seal": (
        "the seal {seal} named by edition_signature {problem}: commit the company seal as a PNG or "
        "JPEG at that path (approved like any change), or correct the path"
    ),
    "edition-seal.not-in-git": "is not in git at the edition's commit {commit}",
    "edition-seal.not-in-repository": "is not in the repository",
    "edition-seal.unreadable": "is not an image that can be read ({reason})",
    "edition-seal.format": "is a {format} image, not a PNG or JPEG",
    "edition-seal.size": "is {width}x{height} pixels; a seal must be 16 to {most} pixels a side",
    "config.edition-signature.unknown": (
        "doc-control 'edition_signature' has unknown key(s) {keys}; it must be a mapping like "
        "{{visible: true, seal: manual/seal.png}}"
    ),
    "config.edition-signature.seal": (
        "doc-control 'edition_signature' seal must be the path of a PNG or JPEG in the repository, "
        "like manual/seal.png"
    ),
    "config.edition-signature.outside": (
        "doc-control 'edition_signature' seal names '{seal}', which is outside the repository; the "
        "seal must be a file git holds: give a path relative to mkdocs.yml, such as manual/seal.png"
    ),
    "config.edition-signature.visible": "doc-control 'edition_signature' visible must be true or false",
    "config.edition-signature.hidden-seal": (
        "doc-control 'edition_signature' has a seal but visible: false; a seal is drawn only with "
        "the visible signature: set visible: true or drop the seal"
    ),
}

ZH: dict[str, str] = {
    "print-failed": "{message}：版次同样无法打印该文件；请简化此行的写法，或附上文件报告此问题",
    "print-diagram": "mermaid 无法绘制此图（{reason}）：请改正图的源码；站点在图的位置显示同样的错误",
    "print-diagram.site": "print-diagram：mermaid 无法绘制 {doc} 中的图（{reason}）：请改正图的源码",
    "print-diagram.no-browser": (
        "无法启动 chromium（{path}）绘制图：{reason}；请安装（scripts/bootstrap），"
        "或在 DOCCONTROL_CHROMIUM 中指定可用的 chromium"
    ),
    "edition-seal": (
        "edition_signature 指定的印章 {seal} {problem}：请将公司印章以 PNG 或 JPEG 提交到该路径"
        "（与其他更改一样经批准），或改正路径"
    ),
    "edition-seal.not-in-git": "在版次的提交 {commit} 中不存在于 git",
    "edition-seal.not-in-repository": "不在仓库中",
    "edition-seal.unreadable": "不是可读取的图片（{reason}）",
    "edition-seal.format": "是 {format} 图片，不是 PNG 或 JPEG",
    "edition-seal.size": "为 {width}x{height} 像素；印章每边须为 16 至 {most} 像素",
    "config.edition-signature.unknown": (
        "doc-control 的 'edition_signature' 有未知的键 {keys}；应写成 "
        "{{visible: true, seal: manual/seal.png}} 这样的映射"
    ),
    "config.edition-signature.seal": (
        "doc-control 的 'edition_signature' 的 seal 必须是仓库中 PNG 或 JPEG 文件的路径，例如 manual/seal.png"
    ),
    "config.edition-signature.outside": (
        "doc-control 的 'edition_signature' 的 seal 指向 '{seal}'，位于仓库之外；印章必须是 git 管理的"
        "文件：请给出相对于 mkdocs.yml 的路径，例如 manual/seal.png"
    ),
    "config.edition-signature.visible": "doc-control 的 'edition_signature' 的 visible 必须为 true 或 false",
    "config.edition-signature.hidden-seal": (
        "doc-control 的 'edition_signature' 设置了 seal 却写了 visible: false；印章只随可见签名绘制："
        "请设置 visible: true，或删去 seal"
    ),
}
