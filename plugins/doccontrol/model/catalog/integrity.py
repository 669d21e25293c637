"""Messages of approval integrity over history: the site configuration git approved,
redirects of the release branch, and roots that change (issue 12, rule 5)."""

from __future__ import annotations

EN: dict[str, str] = {
    "config-never-approved": (
        "no mkdocs.yml has ever been approved on {branch}, so nothing approved says which "
        "Markdown extensions, theme and doc-control options shape the release site and the "
        "replay: the working tree's would govern unseen. Commit mkdocs.yml and have a holder "
        "of the top role merge it (a new organisation commits it before 'doccontrol adopt', "
        "which adopts it with the documents); 'doccontrol build --preview' shows the working "
        "tree meanwhile, marked DRAFT"
    ),
    "branch-redirect-unanchored": (
        "commit {commit} approved moving the release branch from {source} to {target}, but "
        "the first-parent lines of {source} and {target} do not both hold that commit: "
        "{target} does not carry on {source}'s approved history (an orphan branch with a "
        "history of its own, or one that rewrote the past), so its approvals prove nothing. "
        "Make {target} carry on {source} (git branch -f {target} {source}, once {source} "
        "holds the approved redirect), or have the top role approve setting 'branch' back "
        "to {source}"
    ),
    "root-dropped": (
        "commit {commit} by {author} on {date} took {root} out of the roots in mkdocs.yml, "
        "but {doc} under it was never withdrawn: a controlled document leaves control only "
        "by an approved withdrawal, so it is still judged and listed. Withdraw it (status: "
        "withdrawn, approved like any change) or move it under a root, or have the top role "
        "put {root} back into roots"
    ),
}

ZH: dict[str, str] = {
    "config-never-approved": (
        "{branch} 上从未有过经批准的 mkdocs.yml，没有任何经批准的配置决定发布站点和历史回放所用的 "
        "Markdown 扩展、主题和 doc-control 选项：否则将由工作区中未经审查的配置决定。请提交 "
        "mkdocs.yml，并由最高管理者角色的成员合并（新组织应在 'doccontrol adopt' 之前提交它，"
        "adopt 会将它与文件一并纳入基线）；在此之前可用 'doccontrol build --preview' 查看工作区，"
        "页面标为草稿（DRAFT）"
    ),
    "branch-redirect-unanchored": (
        "提交 {commit} 批准将发布分支从 {source} 改为 {target}，但 {source} 和 {target} 的"
        "第一父提交线并未都包含该提交：{target} 不是 {source} 已批准历史的延续（一个另起历史的"
        "孤立分支，或改写过去的分支），其中的批准不能证明任何事。请让 {target} 延续 {source}"
        "（在 {source} 包含已批准的改向后执行 git branch -f {target} {source}），或由最高管理者"
        "角色批准将 'branch' 改回 {source}"
    ),
    "root-dropped": (
        "{author} 于 {date} 的提交 {commit} 将 {root} 移出了 mkdocs.yml 的 roots，但其下的 "
        "{doc} 从未作废：受控文件只能经批准的作废退出受控，因此它仍被判定并列入登记表。请先作废"
        "（status: withdrawn，像其他更改一样经批准），或将其移到某个根目录下，或由最高管理者角色"
        "将 {root} 放回 roots"
    ),
}
