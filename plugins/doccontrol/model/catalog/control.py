"""Messages of the replay (``rules.control``): unapproved changes, reviews, the baseline."""

from __future__ import annotations

# "commit {commit} by {author} on {date}" names a change in most of these.
EN: dict[str, str] = {
    "approval.with-hint": "{message}. {hint}",
    "approval.role-holders": "{role} ({holders})",
    "approval.nobody": "nobody",
    "approval.none-named": "none named",
    "unapproved-change": (
        "commit {commit} by {author} on {date} changed {doc} without a valid approval: "
        "{reason}. The site keeps showing the last approved revision; to approve this text, "
        "have an approver of {doc} ({who}) merge a pull request that carries it"
    ),
    "review-missing": (
        "commit {commit} by {author} on {date} changed {doc}, which needs a review before "
        "approval, without a review that counts: {reason}. The site keeps showing the last "
        "approved revision; a holder of {who} who wrote none of the change and does not "
        "approve it makes an empty sign-off commit on the branch ('git commit --allow-empty "
        "-m \"Review {doc}\" -m \"Reviewed-by: Name <email>\"'), after the last change, "
        "before the merge"
    ),
    "trailer-not-counted": "commit {commit} by {author} on {date}: {note}",
    "baseline-moved": (
        "commit {commit} by {author} on {date} approved {doc} before the commit of "
        "doccontrol/baseline: the baseline must be the commit where control in git began, "
        "never moved past approvals. Move the tag back to that commit (the top role re-tags "
        "it), or acknowledge this in manual/acknowledged.yml"
    ),
    "control.rules-unapproved.no-roles": (
        "commit {commit} by {author} on {date} changed {path} while no approved roles file "
        "was in force to say who holds the top role; the version last approved stays in force"
    ),
    "control.rules-unapproved": (
        "commit {commit} by {author} on {date} changed {path} without approval by the top "
        "role {top}: {reason}. The version last approved stays in force until a holder of "
        "{top} merges a change that carries this one"
    ),
    "roles-unapproved": (
        "commit {commit} by {author} on {date} changed {path} without approval by the top "
        "role {top}: {reason}; its changes grant no authority until a holder of {top} merges "
        "them"
    ),
    "review-unknown": "commit {commit} records 'Reviewed: {doc}', but no document has that id",
    "review-not-counted": (
        "commit {commit} records 'Reviewed: {doc}', but it does not count: {reason}"
    ),
    "approval-not-needed": "commit {commit} records 'Approved: {doc}', but {what}; it is ignored",
    "approval-not-needed.unknown": "no document has that id",
    "approval-not-needed.nothing": "it has no unapproved change to approve",
    "approval-not-needed.deleted": "it was deleted",
    "approval-not-counted": (
        "commit {commit} records 'Approved: {doc}', but it does not count: {reason}"
    ),
    "baseline-unknown": (
        "{file} gives a paper history for {doc}, but no document had that id at the baseline "
        "commit; it is ignored: correct the id"
    ),
    "baseline-edition": (
        "{doc} was adopted at {label} ({file} line {line}), but its front matter gives "
        "edition {edition}; write 'edition: {paper_edition}' so that its next approved change "
        "continues from {label}"
    ),
    "merge-authored": (
        "merge commit {commit} by {author} on {date} wrote text in {paths} itself: the merge "
        "holds text that its parents' changes since their merge base do not explain (an edit "
        "or a conflict resolution made in the merge, or a stale branch's version taken over "
        "a change main had made since: a revert). Its merger is an author of that text "
        "and cannot approve it. Resolve conflicts on the branch (merge main into it, and "
        "commit the resolution there) before the approver merges"
    ),
    "shallow-clone": (
        "this is a shallow clone, so approvals and revisions cannot be read from history; "
        "fetch the full history (git fetch --unshallow, or fetch-depth: 0 in "
        "actions/checkout, GIT_DEPTH: 0 in GitLab CI)"
    ),
    "replace-refs": (
        "the repository holds replacement refs ({refs}): they make git show other commits "
        "than the ones recorded. doccontrol reads the recorded history and ignores them, but "
        "other tools do not; delete them (git replace -d <commit>) and do not push "
        "refs/replace/*"
    ),
    "grafts": (
        "the repository has a .git/info/grafts file: it rewrites commits' parents, and git "
        "applies it even when replacement refs are ignored, so the history read may not be "
        "the recorded one; delete .git/info/grafts"
    ),
    "baseline-invalid": (
        "tag doccontrol/baseline is ignored: {problem}; delete it and have the top role make "
        "it with: git tag -a doccontrol/baseline -m '...' <commit>"
    ),
    "baseline-invalid.off-line": (
        "it does not point at a commit on the first-parent line of the release branch"
    ),
    "baseline-invalid.lightweight": (
        "it is a lightweight tag; make it annotated (git tag -a) by the top role"
    ),
    "baseline-invalid.tagger": "its tagger {tagger} does not hold the top role {top}",
    "baseline-invalid.unsigned": (
        "tag doccontrol/baseline must be a signed annotated tag by the top role (git tag -s), "
        "verified against its tagger's keys in roles.yml: {problem}"
    ),
    "review-overdue": (
        "{doc} was due for its periodic review on {due}; review it and record the review with "
        "a commit carrying 'Reviewed: {doc}' merged by an approver, or approve a revision"
    ),
    "unapproved-change.site-page": (
        "commit {commit} by {author} on {date} changed the site page {path} without a valid "
        "approval: {reason}. A release site keeps showing its last approved text; site pages "
        "under {docs_dir}/ are approved by the top role or by site_pages_approvers: have {who} "
        "merge a pull request that carries this text"
    ),
    "unapproved-change.site-page-new": (
        "commit {commit} by {author} on {date} changed the site page {path} without a valid "
        "approval: {reason}. A release site leaves the page out, as no text of it was ever "
        "approved; site pages under {docs_dir}/ are approved by the top role or by "
        "site_pages_approvers: have {who} merge a pull request that carries this text"
    ),
    "site-page.top-role": "the top role",
}

ZH: dict[str, str] = {
    "approval.with-hint": "{message}。{hint}",
    "approval.role-holders": "{role}（{holders}）",
    "approval.nobody": "无人",
    "approval.none-named": "未指定",
    "unapproved-change": (
        "{author} 于 {date} 的提交 {commit} 未经有效批准即修改了 {doc}：{reason}。"
        "网站仍显示上一个已批准的版本；如要批准这一内容，请由 {doc} 的批准人 {who} "
        "合并包含该修改的合并请求"
    ),
    "review-missing": (
        "{author} 于 {date} 的提交 {commit} 修改了 {doc}，该文件批准前须经审核，但没有有效的审核：{reason}。"
        "网站仍显示上一个已批准的版本；请由 {who} 中未参与编制、也不担任批准人的一位，"
        "在最后一次修改之后、合并之前，在分支上做一个空的签署提交"
        "（'git commit --allow-empty -m \"审核 {doc}\" -m \"Reviewed-by: 姓名 <email>\"'）"
    ),
    "trailer-not-counted": "{author} 于 {date} 的提交 {commit}：{note}",
    "baseline-moved": (
        "{author} 于 {date} 的提交 {commit} 在 doccontrol/baseline 所在提交之前就批准了 {doc}："
        "基线必须是开始用 git 受控的那个提交，不得移到已有批准之后。请把标签移回该提交"
        "（由最高角色重新打标签），或在 manual/acknowledged.yml 中登记确认"
    ),
    "control.rules-unapproved.no-roles": (
        "{author} 于 {date} 的提交 {commit} 修改了 {path}，而当时没有已批准的角色文件说明谁担任最高角色；"
        "上一个已批准的版本继续有效"
    ),
    "control.rules-unapproved": (
        "{author} 于 {date} 的提交 {commit} 未经最高角色 {top} 批准即修改了 {path}：{reason}。"
        "在 {top} 的担任人合并包含该修改的变更之前，上一个已批准的版本继续有效"
    ),
    "roles-unapproved": (
        "{author} 于 {date} 的提交 {commit} 未经最高角色 {top} 批准即修改了 {path}：{reason}；"
        "在 {top} 的担任人合并之前，这些修改不授予任何权限"
    ),
    "review-unknown": "提交 {commit} 记录了“Reviewed: {doc}”，但没有该编号的文件",
    "review-not-counted": "提交 {commit} 记录了“Reviewed: {doc}”，但该评审不计：{reason}",
    "approval-not-needed": "提交 {commit} 记录了“Approved: {doc}”，但{what}；已忽略",
    "approval-not-needed.unknown": "没有该编号的文件",
    "approval-not-needed.nothing": "该文件没有待批准的修改",
    "approval-not-needed.deleted": "该文件已被删除",
    "approval-not-counted": "提交 {commit} 记录了“Approved: {doc}”，但该批准不计：{reason}",
    "baseline-unknown": (
        "{file} 给出了 {doc} 的纸质修订历史，但基线提交中没有该编号的文件；已忽略：请更正文件编号"
    ),
    "baseline-edition": (
        "{doc} 以 {label} 纳入基线（{file} 第 {line} 行），但其前置信息写的是版本 {edition}；"
        "请写“edition: {paper_edition}”，使其下一次批准的修改从 {label} 接续"
    ),
    "merge-authored": (
        "{author} 于 {date} 的合并提交 {commit} 自行在 {paths} 中写入了内容：合并结果无法由两个父提交"
        "自合并基点以来的改动得出（在合并中改动或解决冲突，或用落后分支的旧版本覆盖了主分支此后的改动，"
        "即回退）。合并人是这部分内容的编制人，不能批准。"
        "请先在分支上解决冲突（把主分支合并进分支，并在分支上提交解决结果），再由批准人合并"
    ),
    "shallow-clone": (
        "这是一个浅克隆，无法从历史中读出批准和修订；请获取完整历史（git fetch --unshallow，"
        "或 actions/checkout 中的 fetch-depth: 0、GitLab CI 中的 GIT_DEPTH: 0）"
    ),
    "replace-refs": (
        "仓库中有替换引用（{refs}）：它们让 git 显示的提交与记录的不同。doccontrol 读取记录的历史并忽略它们，"
        "但其他工具不会；请删除它们（git replace -d <commit>），且不要推送 refs/replace/*"
    ),
    "grafts": (
        "仓库中有 .git/info/grafts 文件：它会改写提交的父提交，即使忽略替换引用 git 也会应用它，"
        "因此读到的历史可能不是记录的历史；请删除 .git/info/grafts"
    ),
    "baseline-invalid": (
        "标签 doccontrol/baseline 已被忽略：{problem}；请删除它，并由最高角色用以下命令重新创建："
        "git tag -a doccontrol/baseline -m '…' <commit>"
    ),
    "baseline-invalid.off-line": "它没有指向发布分支第一父提交链上的提交",
    "baseline-invalid.lightweight": "它是轻量标签；请由最高角色创建附注标签（git tag -a）",
    "baseline-invalid.tagger": "打标签的人 {tagger} 不担任最高角色 {top}",
    "baseline-invalid.unsigned": (
        "标签 doccontrol/baseline 必须是最高角色签名的附注标签（git tag -s），"
        "并能用 roles.yml 中为打标签人登记的密钥验证：{problem}"
    ),
    "review-overdue": (
        "{doc} 的定期评审已于 {due} 到期；请评审，并以带有“Reviewed: {doc}”的提交、由批准人合并来记录评审，"
        "或批准一个新修订"
    ),
    "unapproved-change.site-page": (
        "{author} 于 {date} 的提交 {commit} 未经有效批准即修改了网站页面 {path}：{reason}。"
        "发布的网站仍显示其上一个已批准的内容；{docs_dir}/ 下的网站页面由最高角色或 site_pages_approvers 批准："
        "请由 {who} 合并包含该内容的合并请求"
    ),
    "unapproved-change.site-page-new": (
        "{author} 于 {date} 的提交 {commit} 未经有效批准即修改了网站页面 {path}：{reason}。"
        "该页面从未有内容获得批准，发布的网站不收录它；{docs_dir}/ 下的网站页面由最高角色或 "
        "site_pages_approvers 批准：请由 {who} 合并包含该内容的合并请求"
    ),
    "site-page.top-role": "最高角色",
}
