"""Messages of the PDF edition (``edition/``): its findings, its errors and ``verify``'s verdicts."""

from __future__ import annotations

EN: dict[str, str] = {
    # verify: the signature
    "verify.signer": "{name} (certificate SHA-256 {sha})",
    "verify.intact": "signature by {who} is intact",
    "verify.not-intact": (
        "signature by {who} does not match the content: the file was changed after signing"
    ),
    "verify.whole-file": "the signature covers the whole file",
    "verify.changed-after": "the file holds changes made after it was signed",
    "verify.trusted": "the signer chains to the trusted certificate",
    "verify.untrusted": (
        "the signer does not chain to any --trust certificate (signed with another key?)"
    ),
    "verify.timestamp": "timestamp {time} by {authority}",
    "verify.timestamp-unsound": "timestamp {time} by {authority} is not sound",
    "verify.timestamp-untrusted": "timestamp {time} by {authority} is not trusted by --trust",
    "verify.no-signer": "the signature names no signing certificate",
    "verify.not-pdf": "not a readable PDF: {reason}",
    "verify.unsigned": "the PDF carries no signature",
    "verify.signatures": "the PDF carries {count} signatures; an edition carries exactly one",
    "verify.invalid": "the signature cannot be validated: {reason}",
    "verify.same-revision": "the signature was made in the same revision as the content",
    "verify.no-unsigned": "the unsigned edition cannot be found inside the signed file",
    "verify.unsigned-unreadable": "the unsigned edition inside the file cannot be read: {reason}",
    "verify.attachments-unreadable": "the attachments cannot be read: {reason}",
    # verify: the manifest and the files filed beside the PDF
    "verify.no-manifest": "the edition carries no {name}",
    "verify.manifest-replaced": "{name} was replaced after the edition was built",
    "verify.manifest": "{name}: edition of {date}, commit {commit}, {documents} documents",
    "verify.manifest-signer": "the manifest names the signing certificate",
    "verify.manifest-other-signer": (
        "the manifest names certificate {named}, but the PDF is signed with {signed}: "
        "re-signed with another key"
    ),
    "verify.swapped-file": (
        "the file name {name} says {says}, but this is the edition of {date}: "
        "an edition swapped for another"
    ),
    "verify.swapped-folder": (
        "the folder {name} says {says}, but this is the edition of {date}: "
        "an edition swapped for another"
    ),
    "verify.sums-unlisted": "SHA256SUMS next to it does not list {name}",
    "verify.sums-match": "SHA-256 matches SHA256SUMS",
    "verify.sums-differ": "SHA-256 {digest} is not the {listed} that SHA256SUMS lists",
    "verify.index-match": "editions.json records this file",
    "verify.index-differs": (
        "editions.json records {name} as the edition of {date} with SHA-256 {sha}, not this file"
    ),
    # verify: the rebuild from git
    "verify.no-tag": "the repository has no tag {tag}",
    "verify.tag-match": "tag {tag} points at the edition's commit",
    "verify.tag-differs": "tag {tag} points at {tagged}, the edition says {commit}",
    "verify.manifest-differs": "manifest differs from git: {difference}",
    "verify.rebuilt-same": (
        "the signed content is byte for byte the edition rebuilt from git ({bytes} bytes)"
    ),
    "verify.rebuilt-differs": (
        "the signed content differs from the edition rebuilt from git "
        "({signed} bytes signed, {rebuilt} rebuilt)"
    ),
    "verify.not-git-edition": "the signed content is not the edition git gives",
    "verify.refused": "git refuses an edition of {date}: {findings}",
    "verify.finding": "{path}:{line}: {severity}: {code}: {text}",
    "verify.located": "{path}:{line}: {text}",
    "verify.not-rebuilt": "the edition cannot be rebuilt from the repository: {reason}",
    # the manifest
    "manifest.not-json": "the manifest is not valid JSON: {reason}",
    "manifest.not-object": "the manifest is not a JSON object",
    "manifest.missing": "the manifest has no '{field}'",
    "manifest.format": "the manifest's format is {found}, not {expected}",
    "manifest.tag": "the manifest's tag {tag} does not match its date {date}",
    "manifest.date": "the manifest's date {date} is not YYYY-MM-DD",
    "manifest.no-signer": "the manifest names no signing certificate",
    "manifest.documents": "the manifest's documents are not a list of {{id, revision, files}}",
    "manifest.field-differs": "{field}: the edition says {edition}, git says {git}",
    "manifest.signer-differs": (
        "signer: the edition names another signer than the signing certificate"
    ),
    "manifest.doc-missing": "{id}: current on the date but missing from the edition",
    "manifest.doc-extra": "{id}: in the edition but not current on the date",
    "manifest.doc-field": "{field} {edition} ≠ {git}",
    "manifest.doc-blobs": "git blobs differ",
    "manifest.doc-differs": "{id}: {details}",
    "manifest.tool-differs": "tool {tool}: the edition was made with {made}, this machine has {here}",
    "manifest.generator-differs": "generator: made with {made}, rebuilt with {here}",
    "manifest.fonts-differ": "fonts: the edition lists {edition}, the rebuild {here}",
    "manifest.font-extra": "font {family} ({file}): not used by the edition, used by the rebuild",
    "manifest.font-missing": "font {family} ({file}): used by the edition, missing on this machine",
    "manifest.font-differs": (
        "font {family} ({file}): the edition embeds SHA-256 {edition}, this machine has {here}: "
        "install the edition's font to rebuild it"
    ),
    # the edition's findings and errors
    "print-font.missing": (
        "the print font {family} is not installed; install it, or name an installed family in "
        "doc-control's print_fonts"
    ),
    "print-font.unreadable": "the print font {family} ({path}) cannot be read: {reason}",
    "print-font.colour": (
        "the print font {family} ({file}) is a colour or bitmap font ({tables} tables), which "
        "cannot be embedded the same way at every build: name a monochrome outline font instead"
    ),
    "print-overflow.box": "a box",
    "print-overflow": (
        "{what}{quoted} runs {points} pt past the printable area of page {page} of {label}, and "
        "would be cut off in the PDF: give it a width the page can hold (drop a fixed width or "
        "nowrap, split the table or the line)"
    ),
    "print-glyph.embedded": (
        "no embedded font has the character {char} ({code}); the PDF would show a blank box: "
        "replace it, or declare a font that has it (print_fonts)"
    ),
    "print-glyph.weasyprint": "{text}",
    "print-glyph": (
        "no print font has {chars}; the PDF would show a blank box: replace it, or add a font "
        "that has it to print_fonts' fallback"
    ),
    "print-glyph.several": (
        "no print font has {chars}; the PDF would show a blank box: replace them, or add a font "
        "that has them to print_fonts' fallback"
    ),
    "print-unsupported": (
        "a ```{language} diagram has no renderer here (headless chromium with Playwright, which "
        "draws it for the edition) and would print as its source code: install chromium "
        "(scripts/bootstrap), or draw it as an SVG or PNG in the repository and include the image"
    ),
    "print-table-too-wide": (
        "this table has {count} columns; a landscape page holds {most} at a readable size: "
        "split it into tables of at most {most} columns, or turn columns into rows"
    ),
    "edition-resource": "{where} refers to {url}: {reason}",
    "edition.rendering": "PDF rendering: {text}",
    "edition.and": "{first}\n  {next}",
    "edition.unprintable": "{id} cannot be printed: {reason}",
    "edition.finding": "{code}: {text}",
    "edition.refused": "no edition of {date}: as of that date\n{findings}",
    "not-a-repository.edition": "an edition is made from git history",
    "edition-no-commit": (
        "the release branch {branch} has no commit on or before {date}: there is nothing to issue"
    ),
    "unapproved-change.edition": (
        "commit {commit} by {author} on {date} changed {id} without approval: {reason}"
    ),
    "edition-text": (
        "{id} {label}: the approved text (commit {commit}) cannot be read as a document; "
        "see doccontrol check"
    ),
    "edition-empty": "no document is current on {date}: there is nothing to issue",
    "store.exists": "{folder} already exists: an edition is never replaced; release another date",
    "sign.key-unreadable": (
        "cannot read the signing key: {reason}; pass --key FILE.p12 or set DOCCONTROL_SIGNING_KEY"
    ),
    "sign.key-closed": (
        "the signing key will not open ({reason}): is it a PKCS#12 file (.p12/.pfx), and is the "
        "password right (--password or DOCCONTROL_SIGNING_PASSWORD)?"
    ),
    "sign.no-certificate": "the PKCS#12 file holds no certificate for its key",
    "sign.no-timestamp": "no timestamp: {reason}; check --tsa, or sign without it",
    "sign.failed": "signing failed: {reason}",
    "sign.rewrote": "signing rewrote the PDF instead of appending to it",
    "sign.trust-unreadable": "cannot read the trust anchor: {reason}",
    "sign.not-certificate": "not a PEM or DER certificate: {reason}",
    # the sandbox: what an edition may load
    "edition.would-load": "the PDF would load {url}: {reason}",
    "sandbox.not-committed": (
        "{path} is not in the repository at commit {commit}; commit the file, or correct the path"
    ),
    "sandbox.absolute-link": (
        "{path} is a symbolic link to {target}, outside the repository; an edition loads only "
        "files inside the repository (a link must be relative and stay inside it): copy the file in instead"
    ),
    "sandbox.escaping-link": (
        "{path} is a symbolic link to {target}, which leaves the repository; copy the file in instead"
    ),
    "sandbox.link-loop": "{path}: too many levels of symbolic links",
    "sandbox.submodule": "{path} is a git submodule, not a file of this repository",
    "sandbox.not-folder": "{path} is a file, not a folder",
    "sandbox.not-file": "{path} is not a file",
    "sandbox.file-url-inside": (
        "an absolute file:// URL depends on where the repository is checked out; "
        "refer to the file by a path relative to the document"
    ),
    "sandbox.file-url": (
        "file:// URL reads {path}, outside the repository; an edition loads only files inside the repository"
    ),
    "sandbox.network": (
        "an edition never loads anything from the network; put the file in the repository and "
        "refer to it by a relative path"
    ),
    "sandbox.scheme": "the {scheme}: scheme cannot be loaded into an edition",
    "sandbox.network-path": (
        "a network-path URL loads from another host; an edition never loads anything from the network"
    ),
    "sandbox.invalid": "not a valid URL",
    "sandbox.in-style": "style of <{tag}>",
    "sandbox.in-srcset": "srcset of <{tag}>",
    "sandbox.absolute-path": (
        "absolute path {path}: an edition loads only files inside the repository, by a path "
        "relative to the document"
    ),
    "sandbox.escape": (
        "{path} leaves the repository (../ escape); an edition loads only files inside the repository"
    ),
    "sandbox.folder": "the URL names a folder, not a file",
    "sandbox.data-url": "unreadable data: URL ({reason})",
    "sandbox.outside": "only files of the repository can be loaded into a PDF",
    # markdown_extensions, as the edition reads them
    "print-extension.list": "markdown_extensions must be a list of extension names",
    "print-extension.constructor": "{problem}: install the package that provides it, or remove the option",
    "print-extension.entry": "a markdown_extensions entry is a name, or a name with its options",
    "print-extension.options": "the options of {name} must be a mapping",
    "print-extension.missing": (
        "the Markdown extension {name} is not installed ({reason}); install the package that "
        "provides it, or remove it from markdown_extensions"
    ),
    "print-extension.refuses": "the Markdown extension {name} refuses its options: {reason}",
    "print-extension.combined": "the Markdown extensions cannot be combined: {reason}",
}

ZH: dict[str, str] = {
    "verify.signer": "{name}（证书 SHA-256 {sha}）",
    "verify.intact": "{who} 的签名完好",
    "verify.not-intact": "{who} 的签名与内容不符：文件在签署后被修改过",
    "verify.whole-file": "签名覆盖整个文件",
    "verify.changed-after": "文件含有签署后所做的修改",
    "verify.trusted": "签署人的证书链可追溯到受信任的证书",
    "verify.untrusted": "签署人的证书链不能追溯到任何 --trust 证书（是否用其他密钥签署？）",
    "verify.timestamp": "时间戳 {time}，由 {authority} 签发",
    "verify.timestamp-unsound": "时间戳 {time}（由 {authority} 签发）无效",
    "verify.timestamp-untrusted": "时间戳 {time}（由 {authority} 签发）不受 --trust 信任",
    "verify.no-signer": "签名未注明签名证书",
    "verify.not-pdf": "不是可读取的 PDF：{reason}",
    "verify.unsigned": "该 PDF 没有签名",
    "verify.signatures": "该 PDF 有 {count} 个签名；版次只应有一个签名",
    "verify.invalid": "无法验证签名：{reason}",
    "verify.same-revision": "签名与内容出自同一修订，不是签在已完成的版次上",
    "verify.no-unsigned": "在已签署文件中找不到未签署的版次",
    "verify.unsigned-unreadable": "文件中的未签署版次无法读取：{reason}",
    "verify.attachments-unreadable": "无法读取附件：{reason}",
    "verify.no-manifest": "该版次没有 {name}",
    "verify.manifest-replaced": "{name} 在版次生成后被替换",
    "verify.manifest": "{name}：{date} 的版次，提交 {commit}，{documents} 份文件",
    "verify.manifest-signer": "清单注明的正是签名证书",
    "verify.manifest-other-signer": (
        "清单注明的证书是 {named}，但 PDF 由 {signed} 签署：已用其他密钥重新签署"
    ),
    "verify.swapped-file": "文件名 {name} 表明日期为 {says}，但这是 {date} 的版次：版次被调换",
    "verify.swapped-folder": "文件夹 {name} 表明日期为 {says}，但这是 {date} 的版次：版次被调换",
    "verify.sums-unlisted": "旁边的 SHA256SUMS 未列出 {name}",
    "verify.sums-match": "SHA-256 与 SHA256SUMS 一致",
    "verify.sums-differ": "SHA-256 {digest} 与 SHA256SUMS 所列的 {listed} 不符",
    "verify.index-match": "editions.json 登记了此文件",
    "verify.index-differs": (
        "editions.json 登记的 {name} 是 {date} 的版次，SHA-256 为 {sha}，不是此文件"
    ),
    "verify.no-tag": "仓库中没有标签 {tag}",
    "verify.tag-match": "标签 {tag} 指向该版次的提交",
    "verify.tag-differs": "标签 {tag} 指向 {tagged}，而版次注明的是 {commit}",
    "verify.manifest-differs": "清单与 git 不符：{difference}",
    "verify.rebuilt-same": "已签署内容与从 git 重建的版次逐字节一致（{bytes} 字节）",
    "verify.rebuilt-differs": (
        "已签署内容与从 git 重建的版次不同（签署 {signed} 字节，重建 {rebuilt} 字节）"
    ),
    "verify.not-git-edition": "已签署内容不是 git 给出的版次",
    "verify.refused": "git 拒绝生成 {date} 的版次：{findings}",
    "verify.finding": "{path}:{line}：{severity}：{code}：{text}",
    "verify.located": "{path}:{line}：{text}",
    "verify.not-rebuilt": "无法从仓库重建该版次：{reason}",
    "manifest.not-json": "清单不是有效的 JSON：{reason}",
    "manifest.not-object": "清单不是 JSON 对象",
    "manifest.missing": "清单缺少 '{field}'",
    "manifest.format": "清单的格式是 {found}，不是 {expected}",
    "manifest.tag": "清单的标签 {tag} 与其日期 {date} 不符",
    "manifest.date": "清单的日期 {date} 不是 YYYY-MM-DD 格式",
    "manifest.no-signer": "清单未注明签名证书",
    "manifest.documents": "清单的 documents 不是 {{id, revision, files}} 的列表",
    "manifest.field-differs": "{field}：版次为 {edition}，git 为 {git}",
    "manifest.signer-differs": "signer：版次注明的签署人与签名证书不符",
    "manifest.doc-missing": "{id}：该日现行，但版次中没有",
    "manifest.doc-extra": "{id}：版次中有，但该日并非现行",
    "manifest.doc-field": "{field}：版次 {edition} ≠ git {git}",
    "manifest.doc-blobs": "git 文件内容不同",
    "manifest.doc-differs": "{id}：{details}",
    "manifest.tool-differs": "工具 {tool}：版次用 {made} 生成，本机为 {here}",
    "manifest.generator-differs": "生成工具：版次用 {made} 生成，重建用 {here}",
    "manifest.fonts-differ": "字体：版次列出 {edition}，重建为 {here}",
    "manifest.font-extra": "字体 {family}（{file}）：版次未使用，重建时使用",
    "manifest.font-missing": "字体 {family}（{file}）：版次使用，本机没有",
    "manifest.font-differs": (
        "字体 {family}（{file}）：版次嵌入的 SHA-256 为 {edition}，本机为 {here}："
        "请安装版次所用的字体后再重建"
    ),
    "print-font.missing": "打印字体 {family} 未安装；请安装，或在 doc-control 的 print_fonts 中改用已安装的字体族",
    "print-font.unreadable": "无法读取打印字体 {family}（{path}）：{reason}",
    "print-font.colour": (
        "打印字体 {family}（{file}）是彩色或点阵字体（{tables} 表），无法在每次生成时以相同方式嵌入："
        "请改用单色轮廓字体"
    ),
    "print-overflow.box": "一个版块",
    "print-overflow": (
        "{what}{quoted} 超出 {label} 第 {page} 页可打印区域 {points} pt，在 PDF 中会被截断："
        "请给它页面容得下的宽度（去掉固定宽度或 nowrap，拆分表格或该行）"
    ),
    "print-glyph.embedded": (
        "嵌入的字体中没有字符 {char}（{code}）；PDF 中会显示为空白方框："
        "请替换该字符，或在 print_fonts 中声明含有它的字体"
    ),
    "print-glyph.weasyprint": "PDF 排版：{text}",
    "print-glyph": (
        "打印字体中没有 {chars}；PDF 中会显示为空白方框：请替换该字符，或把含有它的字体加入 print_fonts 的 fallback"
    ),
    "print-glyph.several": (
        "打印字体中没有 {chars}；PDF 中会显示为空白方框：请替换这些字符，或把含有它们的字体加入 print_fonts 的 fallback"
    ),
    "print-unsupported": (
        "此处没有 ```{language} 图表的渲染器（版次用 Playwright 驱动的无头 chromium 绘制），会按源代码打印："
        "请安装 chromium（scripts/bootstrap），或在仓库中画成 SVG 或 PNG 图片并插入"
    ),
    "print-table-too-wide": (
        "该表格有 {count} 列；横向页面在可读字号下最多容纳 {most} 列：请拆分为每表不超过 {most} 列，或把列改为行"
    ),
    "edition-resource": "{where} 引用了 {url}：{reason}",
    "edition.rendering": "PDF 排版：{text}",
    "edition.and": "{first}\n  另：{next}",
    "edition.unprintable": "{id} 无法打印：{reason}",
    "edition.finding": "{code}：{text}",
    "edition.refused": "不生成 {date} 的版次：截至该日\n{findings}",
    "not-a-repository.edition": "版次须由 git 历史生成",
    "edition-no-commit": "发布分支 {branch} 在 {date} 及之前没有提交：没有可发布的内容",
    "unapproved-change.edition": "{author} 于 {date} 的提交 {commit} 未经批准修改了 {id}：{reason}",
    "edition-text": "{id} {label}：已批准的文本（提交 {commit}）无法作为文件读取；请运行 doccontrol check",
    "edition-empty": "{date} 没有现行文件：没有可发布的内容",
    "store.exists": "{folder} 已存在：版次从不替换；请发布其他日期的版次",
    "sign.key-unreadable": "无法读取签名密钥：{reason}；请用 --key FILE.p12 指定或设置 DOCCONTROL_SIGNING_KEY",
    "sign.key-closed": (
        "签名密钥打不开（{reason}）：是否为 PKCS#12 文件（.p12/.pfx），密码是否正确"
        "（--password 或 DOCCONTROL_SIGNING_PASSWORD）？"
    ),
    "sign.no-certificate": "该 PKCS#12 文件中没有与密钥对应的证书",
    "sign.no-timestamp": "没有时间戳：{reason}；请检查 --tsa，或不加时间戳签署",
    "sign.failed": "签署失败：{reason}",
    "sign.rewrote": "签署时改写了 PDF，而不是追加签名",
    "sign.trust-unreadable": "无法读取信任锚证书：{reason}",
    "sign.not-certificate": "不是 PEM 或 DER 格式的证书：{reason}",
    "edition.would-load": "PDF 将会加载 {url}：{reason}",
    "sandbox.not-committed": "{path} 不在提交 {commit} 的仓库中；请提交该文件，或更正路径",
    "sandbox.absolute-link": (
        "{path} 是指向仓库之外 {target} 的符号链接；版次只加载仓库内的文件（链接必须是相对的且留在仓库内）："
        "请把文件复制进来"
    ),
    "sandbox.escaping-link": "{path} 是指向 {target} 的符号链接，会离开仓库；请把文件复制进来",
    "sandbox.link-loop": "{path}：符号链接层数过多",
    "sandbox.submodule": "{path} 是 git 子模块，不是本仓库的文件",
    "sandbox.not-folder": "{path} 是文件，不是文件夹",
    "sandbox.not-file": "{path} 不是文件",
    "sandbox.file-url-inside": "绝对的 file:// 网址取决于仓库检出的位置；请用相对于本文件的路径引用该文件",
    "sandbox.file-url": "file:// 网址读取的 {path} 在仓库之外；版次只加载仓库内的文件",
    "sandbox.network": "版次从不从网络加载任何内容；请把文件放入仓库，并用相对路径引用",
    "sandbox.scheme": "{scheme}: 方案的内容不能加载到版次中",
    "sandbox.network-path": "网络路径网址会从其他主机加载；版次从不从网络加载任何内容",
    "sandbox.invalid": "不是有效的网址",
    "sandbox.in-style": "<{tag}> 的 style",
    "sandbox.in-srcset": "<{tag}> 的 srcset",
    "sandbox.absolute-path": "绝对路径 {path}：版次只按相对于本文件的路径加载仓库内的文件",
    "sandbox.escape": "{path} 会离开仓库（../ 越界）；版次只加载仓库内的文件",
    "sandbox.folder": "该网址指向文件夹，不是文件",
    "sandbox.data-url": "无法读取的 data: 网址（{reason}）",
    "sandbox.outside": "只有仓库中的文件才能加载到 PDF 中",
    "print-extension.list": "markdown_extensions 必须是扩展名称的列表",
    "print-extension.constructor": "{problem}：请安装提供它的软件包，或删除该选项",
    "print-extension.entry": "markdown_extensions 的每一项是扩展名称，或名称加其选项",
    "print-extension.options": "{name} 的选项必须是映射",
    "print-extension.missing": (
        "Markdown 扩展 {name} 未安装（{reason}）；请安装提供它的软件包，或从 markdown_extensions 中删除"
    ),
    "print-extension.refuses": "Markdown 扩展 {name} 不接受其选项：{reason}",
    "print-extension.combined": "这些 Markdown 扩展不能同时使用：{reason}",
}
