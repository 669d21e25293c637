"""Messages about the history itself: dates, edition tags, identities, reading git."""

from __future__ import annotations

EN: dict[str, str] = {
    "date-future": (
        "commit {commit} by {committer} is dated {date}, after now ({now}): a future date "
        "would give its change an issue date that has not come; fix the committer's clock, "
        "and if the commit is on main, acknowledge it in manual/acknowledged.yml through a "
        "change approved by the top role"
    ),
    "date-backwards": (
        "commit {commit} by {committer} is dated {date}, before commit {earlier} "
        "({earlier_date}) that precedes it on the release branch, by more than the clock_skew "
        "of {skew}: dates on the first-parent line must run forward. Fix the committer's "
        "clock; a commit already on main can be acknowledged in manual/acknowledged.yml "
        "through a change approved by the top role"
    ),
    "date.hours": "{count} hour(s)",
    "date.minutes": "{count} minute(s)",
    "edition-off-line": (
        "tag {tag} marks commit {commit}, which is not on the first-parent line of {branch}: "
        "the history an edition was issued from has been rewritten (a force-push, or a rebase "
        "of main). Restore the branch from a clone that still has that commit, and protect "
        "main against force-pushes"
    ),
    "baseline-moved.edition": (
        "tag {tag} marks commit {commit}, before the commit of doccontrol/baseline "
        "({baseline}): the baseline was moved past an edition. Put the tag "
        "doccontrol/baseline back on the commit it marked, and protect tags against being moved"
    ),
    "baseline-moved.since-edition": (
        "tag {tag} was released from the baseline {baseline}, but doccontrol/baseline now "
        "marks {now}: the baseline was moved or deleted after an edition was issued. Put it "
        "back on {baseline}, and protect tags against being moved"
    ),
    "baseline.none": "no baseline",
    "identity.where": "commit {commit} on {date}",
    "identity.where.merged": "commit {commit} (brought in by merge {merge}) on {date}",
    "identity.part.author": "author",
    "identity.part.committer": "committer",
    "identity.part.trailer": "{trailer} trailer",
    "identity.and": "{first} and {rest}",
    "identity-mismatch": (
        "{where}: the {parts} {identity} puts the e-mail of {owner} under the name of {named}; "
        "git reads it as {owner}, the name says {named}. Find out who made it: if it was a "
        "mistake, have that person set git config user.name and user.email to their own entry "
        "in {roles}; if not, it is an impersonation"
    ),
    "identity-mismatch.writes": (
        "{where}: the {parts} {identity} puts the e-mail of {owner} under the name of {named}; "
        "git reads it as {owner}, the name says {named}. Both count as its authors, so neither "
        "can approve it. Find out who made it: if it was a mistake, have that person set git "
        "config user.name and user.email to their own entry in {roles}; if not, it is an "
        "impersonation"
    ),
    "identity-unlisted-email": (
        "{where}: the {parts} {identity} carries the name of {named} from {roles} with an "
        "e-mail that is listed for nobody there; {consequence}. If the address is {named}'s, "
        "add it to their emails in {roles} through a change approved by the top role; "
        "otherwise set git config user.email to a listed address"
    ),
    "identity-unlisted-email.approving": (
        "an approval is read by e-mail, so this one counts for nothing, and an approver's name "
        "under an address nobody vouched for looks like an impersonation"
    ),
    "identity-unlisted-email.writes": (
        "it still counts as written by {named}, who therefore cannot approve it"
    ),
    "identity-unlisted-email.untraced": "the commit cannot be traced to {named} by its address",
    "not-a-repository": (
        "not a git repository: document control reads approvals from git history; run 'git "
        "init' and commit, or point --repo at a clone"
    ),
    "empty-repository": (
        "the git repository has no commits yet, so no document has been approved: commit the "
        "documents and have the top role adopt them with the annotated tag doccontrol/baseline "
        "(see README, 'Adopting existing documents')"
    ),
    "branch-missing": (
        "the release branch '{branch}' is neither a local branch nor origin/{branch}: fetch it "
        "(git fetch origin {branch}:{branch}, or fetch-depth: 0 in CI), or set doc-control's "
        "'branch' option in mkdocs.yml to the branch that is released"
    ),
    "history.git-failed": "git could not read the history: {problem}",
    "history.bad-record": (
        "git log gave a record that does not parse (it does not start with a commit hash): "
        "{record}; run 'git fsck' on the repository"
    ),
    "history.cut-record": (
        "git log ended inside a record ({read} field(s) of {fields} read): {record}; the "
        "history could not be read whole"
    ),
    "history.bad-commit": (
        "git log gave a record for commit {commit} that does not parse ({problem}); run 'git "
        "fsck' on the repository"
    ),
    "history.cat-file-stopped": "git cat-file stopped before answering every lookup",
    "history.cat-file-stopped-answering": "git cat-file stopped answering",
    "history.no-object": "git has no {kind} {name}",
    "history.no-base": (
        "the base branch {base} is not here (neither {base} nor origin/{base}): fetch it (git "
        "fetch origin {base}) or name another with --base"
    ),
    "history.no-head": "HEAD names no commit yet: commit the branch first",
    "history.no-merge-base": (
        "HEAD shares no history with {ref} (or the clone is shallow): fetch the full history "
        "(git fetch --unshallow)"
    ),
    "history.cannot-run-git": "cannot run git: {problem}",
    "history.git-command-failed": "git {command} failed: {problem}",
    "demo.no-sample": (
        "the sample organisation was not found next to the package ({root}); run doccontrol "
        "demo from a clone of the doccontrol repository"
    ),
    "demo.not-a-demo": "{target} exists and is not a doccontrol demo; choose an empty or new folder",
    "project.mkdocs-unreadable": "mkdocs.yml cannot be read: {problem}",
    "project.slugify-import": (
        "the toc extension's slugify {name} cannot be imported; install the package that "
        "provides it, or correct the name in markdown_extensions"
    ),
    "symlink-escape": (
        "symbolic link points outside the repository ({target}); controlled files must live in "
        "the repository: copy the file in instead"
    ),
    "unreadable.file": "cannot read file: {problem}",
    "root-outside-repository": (
        "the controlled root '{root}' is a link to {target}; git holds only the link, so no "
        "approval can be read for what it points at: make it a real folder in the repository"
    ),
    "symlink-in-root": (
        "symbolic link ({target}) inside a controlled root: git records only the link, not the "
        "text it leads to, so that text is never approved; replace the link with the file or "
        "folder itself"
    ),
    "submodule-in-root": (
        "'{path}' is a git submodule inside a controlled root: its files have their own "
        "history, which no approval on the release branch covers; move them into this "
        "repository (git rm the submodule, then commit the files) or out of the root"
    ),
    "config-pending": (
        "this mkdocs.yml is not the version the top role last approved on {branch} (blob "
        "{blob}): the approved version governs approval and the replay until a holder of the "
        "top role merges this change, and a release site is not built with it"
    ),
    "config-unapproved-site": (
        "{file} differs here from the mkdocs.yml the top role last approved on {branch} (blob "
        "{blob}), and its Markdown extensions and theme shape every page, so the release site "
        "is not built with it. Have a holder of the top role approve the change (merge it), or "
        "build with the approved version (git checkout {branch} -- mkdocs.yml); 'doccontrol "
        "build --preview' shows the working tree, marked DRAFT"
    ),
}

ZH: dict[str, str] = {
    "date-future": (
        "{committer} 的提交 {commit} 日期为 {date}，晚于当前时间（{now}）：未来的日期会使该变更的发布日期"
        "尚未到来；请校正提交人的时钟；如该提交已在主分支上，请通过最高角色批准的变更在 "
        "manual/acknowledged.yml 中登记确认"
    ),
    "date-backwards": (
        "{committer} 的提交 {commit} 日期为 {date}，早于发布分支上排在它之前的提交 {earlier}"
        "（{earlier_date}），且相差超过 clock_skew 允许的 {skew}：第一父提交链上的日期必须向前推进。"
        "请校正提交人的时钟；已在主分支上的提交可通过最高角色批准的变更在 manual/acknowledged.yml 中登记确认"
    ),
    "date.hours": "{count} 小时",
    "date.minutes": "{count} 分钟",
    "edition-off-line": (
        "标签 {tag} 标记的提交 {commit} 不在 {branch} 的第一父提交链上：发布版本所依据的历史已被改写"
        "（强制推送，或对主分支变基）。请从仍有该提交的克隆恢复分支，并保护主分支不被强制推送"
    ),
    "baseline-moved.edition": (
        "标签 {tag} 标记的提交 {commit} 早于 doccontrol/baseline 所在的提交（{baseline}）："
        "基线被移到了某个发布版本之后。请把 doccontrol/baseline 标签放回原来标记的提交，并保护标签不被移动"
    ),
    "baseline-moved.since-edition": (
        "标签 {tag} 是从基线 {baseline} 发布的，但 doccontrol/baseline 现在标记的是 {now}："
        "发布版本之后基线被移动或删除了。请把它放回 {baseline}，并保护标签不被移动"
    ),
    "baseline.none": "没有基线",
    "identity.where": "{date} 的提交 {commit}",
    "identity.where.merged": "{date} 的提交 {commit}（由合并提交 {merge} 带入）",
    "identity.part.author": "作者",
    "identity.part.committer": "提交人",
    "identity.part.trailer": "{trailer} 尾注",
    "identity.and": "{first}和{rest}",
    "identity-mismatch": (
        "{where}：{parts} {identity} 把 {owner} 的电子邮件放在 {named} 的名字下；git 认为是 {owner}，"
        "名字却是 {named}。请查明是谁做的：如果是失误，请此人把 git config user.name 和 user.email "
        "设为其在 {roles} 中的登记信息；如果不是，这就是冒名"
    ),
    "identity-mismatch.writes": (
        "{where}：{parts} {identity} 把 {owner} 的电子邮件放在 {named} 的名字下；git 认为是 {owner}，"
        "名字却是 {named}。两人都算作编制人，因此都不能批准。请查明是谁做的：如果是失误，请此人把 "
        "git config user.name 和 user.email 设为其在 {roles} 中的登记信息；如果不是，这就是冒名"
    ),
    "identity-unlisted-email": (
        "{where}：{parts} {identity} 使用了 {roles} 中 {named} 的名字，但电子邮件没有登记在任何人名下；"
        "{consequence}。如果该地址属于 {named}，请通过最高角色批准的变更把它加到 {roles} 中此人的 emails；"
        "否则请把 git config user.email 设为已登记的地址"
    ),
    "identity-unlisted-email.approving": (
        "批准按电子邮件识别，因此这次批准不计；批准人的名字配上无人担保的地址，看起来像冒名"
    ),
    "identity-unlisted-email.writes": "它仍算作 {named} 编制，因此 {named} 不能批准",
    "identity-unlisted-email.untraced": "无法凭地址把该提交追溯到 {named}",
    "not-a-repository": (
        "这不是 git 仓库：文件控制从 git 历史中读取批准；请运行“git init”并提交，或用 --repo 指向一个克隆"
    ),
    "empty-repository": (
        "git 仓库还没有任何提交，因此没有文件获得批准：请提交文件，并由最高角色用附注标签 "
        "doccontrol/baseline 将其纳入受控（见 README 的“Adopting existing documents”）"
    ),
    "branch-missing": (
        "发布分支“{branch}”既不是本地分支，也不是 origin/{branch}：请获取它（git fetch origin "
        "{branch}:{branch}，或在 CI 中设 fetch-depth: 0），或在 mkdocs.yml 中把 doc-control 的 "
        "“branch”选项设为实际发布的分支"
    ),
    "history.git-failed": "git 无法读取历史：{problem}",
    "history.bad-record": (
        "git log 给出了一条无法解析的记录（不是以提交哈希开头）：{record}；请对仓库运行“git fsck”"
    ),
    "history.cut-record": (
        "git log 在一条记录中途结束（已读 {fields} 个字段中的 {read} 个）：{record}；无法完整读取历史"
    ),
    "history.bad-commit": "git log 给出的提交 {commit} 的记录无法解析（{problem}）；请对仓库运行“git fsck”",
    "history.cat-file-stopped": "git cat-file 未回答完所有查询就停止了",
    "history.cat-file-stopped-answering": "git cat-file 停止了应答",
    "history.no-object": "git 中没有 {kind} 对象 {name}",
    "history.no-base": (
        "这里没有基准分支 {base}（既无 {base} 也无 origin/{base}）：请获取它（git fetch origin {base}），"
        "或用 --base 指定其他分支"
    ),
    "history.no-head": "HEAD 还没有指向任何提交：请先在分支上提交",
    "history.no-merge-base": (
        "HEAD 与 {ref} 没有共同历史（或这是浅克隆）：请获取完整历史（git fetch --unshallow）"
    ),
    "history.cannot-run-git": "无法运行 git：{problem}",
    "history.git-command-failed": "git {command} 执行失败：{problem}",
    "demo.no-sample": (
        "在软件包旁边没有找到示例组织（{root}）；请在 doccontrol 仓库的克隆中运行 doccontrol demo"
    ),
    "demo.not-a-demo": "{target} 已存在且不是 doccontrol 演示；请选择一个空的或新的文件夹",
    "project.mkdocs-unreadable": "无法读取 mkdocs.yml：{problem}",
    "project.slugify-import": (
        "无法导入 toc 扩展的 slugify {name}；请安装提供它的软件包，或在 markdown_extensions 中更正名称"
    ),
    "symlink-escape": (
        "符号链接指向仓库之外（{target}）；受控文件必须在仓库内：请把文件复制进来"
    ),
    "unreadable.file": "无法读取文件：{problem}",
    "root-outside-repository": (
        "受控根目录“{root}”是指向 {target} 的链接；git 只保存链接本身，无法读出其所指内容的批准："
        "请把它改为仓库中的真实文件夹"
    ),
    "symlink-in-root": (
        "受控根目录中有符号链接（{target}）：git 只记录链接，不记录其指向的内容，因此该内容永远不会获得批准；"
        "请用文件或文件夹本身替换该链接"
    ),
    "submodule-in-root": (
        "“{path}”是受控根目录中的 git 子模块：其文件有自己的历史，发布分支上的批准覆盖不到；"
        "请把它们移入本仓库（git rm 子模块，再提交文件），或移出根目录"
    ),
    "config-pending": (
        "此 mkdocs.yml 不是最高角色在 {branch} 上最近批准的版本（blob {blob}）：在最高角色的担任人合并此修改之前，"
        "批准和历史回放都以已批准的版本为准，发布的网站也不会用它构建"
    ),
    "config-unapproved-site": (
        "{file} 与最高角色在 {branch} 上最近批准的 mkdocs.yml（blob {blob}）不同，而其 Markdown 扩展和主题"
        "决定每个页面，因此发布的网站不会用它构建。请由最高角色的担任人批准（合并）该修改，或用已批准的版本构建"
        "（git checkout {branch} -- mkdocs.yml）；“doccontrol build --preview”显示工作区内容，并标为草稿"
    ),
}
