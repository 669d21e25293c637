"""Messages of the command line (``cli/``): what the commands say to their user.

The prefixes around them (``doccontrol:``, ``error:``, ``warning:``, ``note``,
``ok``/``FAIL``) stay as they are in both languages, like check's
``path:line: error: CODE:``, so that scripts can match them.
"""

from __future__ import annotations

EN: dict[str, str] = {
    "cli.interrupted": "interrupted",
    "cli.not-a-date": "{value} is not a date; write it as YYYY-MM-DD",
    "cli.diff.too-many": "give at most two revisions, e.g. A/1 A/2",
    "cli.none": "none",
    "cli.nobody": "nobody",
    "cli.roles-unreadable": "{roles} is missing or unreadable: run 'doccontrol check'",
    # adopt
    "cli.adopt.refused": "adopt refused: {reason}",
    "cli.adopt.no-identity": (
        "git has no user.name and user.email here; the top role adopts under the identity "
        "roles.yml gives them: git config user.name NAME; git config user.email EMAIL"
    ),
    "cli.adopt.no-roles": "{roles} is missing or unreadable; run doccontrol check",
    "cli.adopt.not-top": (
        "git's identity {name} <{email}> is not the top role {top} ({holders}) in {roles}; "
        "only the top role adopts: run adopt as them, or correct their emails in roles.yml and commit"
    ),
    "cli.adopt.before-last-commit": (
        "the adoption date {date} is before the last commit ({last}); give a later --date"
    ),
    "cli.adopt.errors": (
        "check finds {count} error(s) in the documents as they would be adopted; "
        "fix them, commit, and run adopt again"
    ),
    "cli.adopt.tagged": (
        "tagged {tag} at {commit} by {name} on {date}: {count} document(s) adopted as approved"
    ),
    "cli.adopt.publish": "publish it with: git push origin {tag}",
    "cli.adopt.tag-exists": (
        "{tag} already exists (at {commit}); adoption happens once. To move it, delete it first "
        "(git tag -d {tag}) with the top role's agreement"
    ),
    "cli.adopt.nothing-committed": (
        "nothing is committed yet; commit the documents first (git add -A; git commit)"
    ),
    "cli.adopt.detached": "a detached HEAD",
    "cli.adopt.wrong-branch": (
        "the checkout is {checkout}, not the release branch {branch}; adopt what is on {branch}: "
        "git switch {branch}"
    ),
    "cli.adopt.dirty": (
        "the working tree has changes that are not committed ({files}); the tag adopts the last "
        "commit, so commit or stash them first"
    ),
    # build
    "cli.build.no-mkdocs": "no mkdocs.yml here; run from the repository or pass --repo DIR",
    "cli.build.no-plugin": "add '{plugin}' under plugins in mkdocs.yml",
    "cli.build.written": "site written to {folder}",
    # check
    "cli.check.trust": "What each approval rests on:",
    # codeowners
    "cli.codeowners.no-handle": (
        "no forge handle for {names}; add 'handles' to {roles}, or the forge cannot ask them to review"
    ),
    "cli.codeowners.wrote": "wrote {path}; commit it with the change",
    # demo
    "cli.demo.state": "Document control status of the sample organisation ({date}):",
    "cli.demo.pending": "{revision} takes effect on {effective}",
    "cli.demo.unapproved": "changed without approval",
    "cli.demo.overdue": "review overdue",
    "cli.demo.flags": "[{flags}]",
    "cli.demo.findings": "Findings (doccontrol check):",
    "cli.demo.edition": "Edition (for the auditor): {pdf}",
    "cli.demo.edition-size": (
        "{date} · {documents} documents · {pages} pages · {size} MB · rendered in {seconds} s · "
        "tag edition/{date}"
    ),
    "cli.demo.key": (
        "Signed with the demo key (not for production) {key_file}, password {password}; certificate {cert}"
    ),
    "cli.demo.verify": "Verify: doccontrol verify {pdf} --trust {cert} --repo {repo}",
    "cli.demo.site": "Site: {path}",
    "cli.demo.register": "Register: {path}",
    # diff
    "cli.diff.no-revision": "{id} has no revision {label}; its revisions are {known} (or '{worktree}')",
    "cli.diff.no-approved": "{id} has no approved revision on {branch}: nothing to compare",
    "cli.diff.unknown-id": (
        "{id} has no approved revision on {branch}: nothing to compare; check the id"
    ),
    "cli.diff.worktree": "working tree",
    "cli.diff.worktree-withdrawn": "working tree (withdrawn)",
    "cli.diff.removed": " (removed)",
    "cli.diff.no-difference": "no difference in the text",
    # fix
    "cli.fix.no-such-path": "{path}: no such file or folder; give Markdown files or folders",
    "cli.fix.what": "say what to fix: doccontrol fix --typography [PATHS]",
    "cli.fix.not-utf8": "{path}: cannot be read as UTF-8 text ({reason}); fix or skip it",
    "cli.fix.changed": "{count} file(s) changed",
    "cli.fix.nothing": "nothing to fix",
    # init
    "cli.init.sample-standard": (
        "the sample organisation uses its own clause list (sbt-10382-2004); "
        "leave out --standard, or start with --empty"
    ),
    "cli.init.unknown-standard": "unknown standard '{name}'; built in are {known}",
    "cli.init.more": " and {count} more",
    "cli.init.clashes": (
        "{target} already has {files}; init never overwrites a file: choose an empty folder, "
        "or move these away"
    ),
    "cli.init.wrote": "wrote {count} files to {target}",
    "cli.init.wrote-repository": "wrote {count} files to {target} and started a git repository",
    "cli.init.next": (
        "next: fill in manual/roles.yml (people, roles, the top role), add documents "
        "(doccontrol new), run doccontrol check, commit, then have the top role run doccontrol adopt"
    ),
    # new
    "cli.new.exists": "{path} already exists; pass another --slug",
    "cli.new.refused": "refused: {reason}",
    "cli.new.note": "note: {note}",
    "cli.new.next": (
        "next: write the text, run 'doccontrol check', then open a pull request "
        "for an approver to merge ('doccontrol status' shows who)"
    ),
    # release
    "cli.release.future": (
        "{date} is in the future: an edition holds what was current on a day that has come"
    ),
    "cli.release.issued": (
        "the edition of {date} was issued already (tag {tag} at commit {commit}), and an edition "
        "is issued once. To sign the edition of that tag again, elsewhere (as CI does when the "
        "tag is pushed), run: doccontrol release --date {date} --tagged"
    ),
    "cli.release.no-tag": (
        "--tagged signs the edition of an existing tag, but there is no tag {tag}; "
        "leave out --tagged to issue a new edition"
    ),
    "cli.release.exists": (
        "the edition of {date} exists ({folder}, tag {tag}); an edition is never replaced"
    ),
    "cli.release.tag-moved": (
        "tag {tag} exists and points at {tagged}, not at {commit}, the last commit of the release "
        "branch on {date}; an edition is never moved"
    ),
    "cli.release.write-failed": "cannot write the edition: {reason}; nothing was kept",
    "cli.release.no-key": (
        "no signing key: pass --key FILE.p12 or set {key_env} (and the password with "
        "--password or {password_env})"
    ),
    "cli.release.refused": "no edition of {date}; as of that date:",
    "cli.release.written": "edition of {date} written to {folder}",
    "cli.release.size": (
        "{name}: {pages} pages, {size} MB, {documents} documents, rendered in {seconds} s"
    ),
    "cli.release.tagged": "commit {commit}, tag {tag}, signed by {signer}",
    # verify
    "cli.verify.unreadable": "cannot read the edition: {reason}",
    "cli.verify.no-trust": (
        "no --trust given: the signer was not checked against a certificate you trust"
    ),
    "cli.verify.no-repo": "no --repo given: the edition was not compared with git",
    "cli.verify.verifies": "{pdf} verifies",
    "cli.verify.fails": "{pdf} does NOT verify",
}

ZH: dict[str, str] = {
    "cli.interrupted": "已中断",
    "cli.not-a-date": "{value} 不是日期；请写成 YYYY-MM-DD",
    "cli.diff.too-many": "最多给出两个版本，如 A/1 A/2",
    "cli.none": "无",
    "cli.nobody": "无人",
    "cli.roles-unreadable": "{roles} 缺失或无法读取：请运行 'doccontrol check'",
    # adopt
    "cli.adopt.refused": "拒绝建立基线：{reason}",
    "cli.adopt.no-identity": (
        "此处 git 未设置 user.name 和 user.email；最高管理角色须以 roles.yml 中登记的身份建立基线："
        "git config user.name 姓名；git config user.email 邮箱"
    ),
    "cli.adopt.no-roles": "{roles} 缺失或无法读取；请运行 doccontrol check",
    "cli.adopt.not-top": (
        "git 身份 {name} <{email}> 不是 {roles} 中的最高管理角色 {top}（{holders}）；"
        "只有最高管理角色可以建立基线：请以其身份运行 adopt，或在 roles.yml 中更正其邮箱后提交"
    ),
    "cli.adopt.before-last-commit": (
        "基线日期 {date} 早于最后一次提交（{last}）；请用 --date 给出更晚的日期"
    ),
    "cli.adopt.errors": (
        "check 在拟纳入基线的文件中发现 {count} 个错误；请修正、提交后再运行 adopt"
    ),
    "cli.adopt.tagged": (
        "已由 {name} 于 {date} 在 {commit} 打上标签 {tag}：{count} 份文件按已批准纳入基线"
    ),
    "cli.adopt.publish": "发布标签：git push origin {tag}",
    "cli.adopt.tag-exists": (
        "{tag} 已存在（位于 {commit}）；基线只建立一次。如需移动，须经最高管理角色同意，"
        "先删除它（git tag -d {tag}）"
    ),
    "cli.adopt.nothing-committed": "尚无任何提交；请先提交文件（git add -A；git commit）",
    "cli.adopt.detached": "游离的 HEAD",
    "cli.adopt.wrong-branch": (
        "当前检出的是 {checkout}，不是发布分支 {branch}；基线应建立在 {branch} 上：git switch {branch}"
    ),
    "cli.adopt.dirty": (
        "工作区有未提交的修改（{files}）；标签纳入的是最后一次提交，请先提交或暂存（stash）这些修改"
    ),
    # build
    "cli.build.no-mkdocs": "此处没有 mkdocs.yml；请在仓库目录下运行，或用 --repo DIR 指定仓库",
    "cli.build.no-plugin": "请在 mkdocs.yml 的 plugins 下加入 '{plugin}'",
    "cli.build.written": "站点已生成到 {folder}",
    # check
    "cli.check.trust": "各项批准的依据：",
    # codeowners
    "cli.codeowners.no-handle": (
        "{names} 没有代码托管平台账号；请在 {roles} 中填写 'handles'，否则平台无法请其审核"
    ),
    "cli.codeowners.wrote": "已写入 {path}；请随本次修改一并提交",
    # demo
    "cli.demo.state": "样例组织的文件控制状态（{date}）：",
    "cli.demo.pending": "{revision} 将于 {effective} 实施",
    "cli.demo.unapproved": "有未经批准的修改",
    "cli.demo.overdue": "评审逾期",
    "cli.demo.flags": "【{flags}】",
    "cli.demo.findings": "发现的问题（doccontrol check）：",
    "cli.demo.edition": "版次（供审核员）：{pdf}",
    "cli.demo.edition-size": (
        "{date} · {documents} 份文件 · {pages} 页 · {size} MB · 生成用时 {seconds} s · "
        "标签 edition/{date}"
    ),
    "cli.demo.key": "签名：演示密钥（不得用于生产）{key_file}，密码 {password}；证书 {cert}",
    "cli.demo.verify": "核验：doccontrol verify {pdf} --trust {cert} --repo {repo}",
    "cli.demo.site": "站点：{path}",
    "cli.demo.register": "登记表：{path}",
    # diff
    "cli.diff.no-revision": "{id} 没有版本 {label}；其版本为 {known}（或 '{worktree}'）",
    "cli.diff.no-approved": "{id} 在 {branch} 上没有已批准的版本：无可比较",
    "cli.diff.unknown-id": "{id} 在 {branch} 上没有已批准的版本：无可比较；请核对文件编号",
    "cli.diff.worktree": "工作区",
    "cli.diff.worktree-withdrawn": "工作区（已作废）",
    "cli.diff.removed": "（已删除）",
    "cli.diff.no-difference": "正文没有差异",
    # fix
    "cli.fix.no-such-path": "{path}：没有该文件或文件夹；请给出 Markdown 文件或文件夹",
    "cli.fix.what": "请说明要修正什么：doccontrol fix --typography [PATHS]",
    "cli.fix.not-utf8": "{path}：无法按 UTF-8 文本读取（{reason}）；请修正或跳过该文件",
    "cli.fix.changed": "已修改 {count} 个文件",
    "cli.fix.nothing": "没有需要修正的内容",
    # init
    "cli.init.sample-standard": (
        "样例组织使用自带的条款清单（sbt-10382-2004）；请去掉 --standard，或用 --empty 从空白开始"
    ),
    "cli.init.unknown-standard": "未知的标准 '{name}'；内置的有 {known}",
    "cli.init.more": " 等另外 {count} 个",
    "cli.init.clashes": (
        "{target} 中已有 {files}；init 从不覆盖文件：请选择空文件夹，或先移走这些文件"
    ),
    "cli.init.wrote": "已向 {target} 写入 {count} 个文件",
    "cli.init.wrote-repository": "已向 {target} 写入 {count} 个文件，并新建了 git 仓库",
    "cli.init.next": (
        "下一步：填写 manual/roles.yml（人员、角色、最高管理角色），添加文件（doccontrol new），"
        "运行 doccontrol check，提交，然后由最高管理角色运行 doccontrol adopt"
    ),
    # new
    "cli.new.exists": "{path} 已存在；请用 --slug 另取文件名",
    "cli.new.refused": "拒绝：{reason}",
    "cli.new.note": "注意：{note}",
    "cli.new.next": (
        "下一步：编写正文，运行 'doccontrol check'，然后发起合并请求，由批准人合并"
        "（'doccontrol status' 显示由谁批准）"
    ),
    # release
    "cli.release.future": "{date} 是将来的日期：版次收录的是已到来之日现行的文件",
    "cli.release.issued": (
        "{date} 的版次已发布（标签 {tag}，提交 {commit}），每个版次只发布一次。"
        "如需在别处再次签署该标签的版次（如推送标签后的 CI），请运行：doccontrol release --date {date} --tagged"
    ),
    "cli.release.no-tag": (
        "--tagged 签署已有标签的版次，但没有标签 {tag}；如要发布新版次，请去掉 --tagged"
    ),
    "cli.release.exists": "{date} 的版次已存在（{folder}，标签 {tag}）；版次从不替换",
    "cli.release.tag-moved": (
        "标签 {tag} 已存在，指向 {tagged}，而不是 {date} 发布分支上的最后一次提交 {commit}；版次从不移动"
    ),
    "cli.release.write-failed": "无法写入版次：{reason}；未保留任何文件",
    "cli.release.no-key": (
        "没有签名密钥：请用 --key FILE.p12 指定或设置 {key_env}（密码用 --password 或 {password_env}）"
    ),
    "cli.release.refused": "不发布 {date} 的版次；截至该日：",
    "cli.release.written": "{date} 的版次已写入 {folder}",
    "cli.release.size": "{name}：{pages} 页，{size} MB，{documents} 份文件，生成用时 {seconds} s",
    "cli.release.tagged": "提交 {commit}，标签 {tag}，签署人 {signer}",
    # verify
    "cli.verify.unreadable": "无法读取版次：{reason}",
    "cli.verify.no-trust": "未给出 --trust：签署人未与您信任的证书核对",
    "cli.verify.no-repo": "未给出 --repo：版次未与 git 比对",
    "cli.verify.verifies": "{pdf} 核验通过",
    "cli.verify.fails": "{pdf} 核验未通过",
}
