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
}
