"""Messages of the owners' workflow: ``status`` on a branch, ``new``, ``codeowners``."""

from __future__ import annotations

EN: dict[str, str] = {
    # doccontrol status
    "status.title": "doccontrol status: {header}",
    "status.header": "{branch} → {base} (merge-base {fork}, {commits} commit(s))",
    "status.header.uncommitted": (
        "{branch} → {base} (merge-base {fork}, {commits} commit(s), uncommitted changes)"
    ),
    "status.authors": "Authors (cannot approve): {names}",
    "status.authors.markdown": "**Authors** (cannot approve): {names}",
    "status.none": "none",
    "status.no-change": "This branch changes no controlled document.",
    "status.may-approve": "may approve — {who}",
    "status.cannot-approve": "cannot approve — {who}",
    "status.may-review": "may review — {who}",
    "status.cannot-review": "cannot review — {who}",
    "status.roles-changed": "{roles}: changed; approval by the top role",
    "status.groups": "No single person may approve every change; approval groups:",
    "status.group-line": "{items}: {who}",
    "status.blocking": "Blocking the merge:",
    "status.blocking.title": "Blocking the merge",
    "status.clear": (
        "Nothing blocks the merge. An approver named above approves it by merging with a "
        "merge commit (or a squash carrying their Approved-by trailer)."
    ),
    "status.clear.markdown": (
        "Nothing blocks the merge. An approver named above approves it by merging with a "
        "merge commit (or a squash carrying their `Approved-by` trailer); the merge date "
        "becomes the issue date."
    ),
    "status.effective": ", effective {date}",
    "status.who": "{names}: {people}",
    "status.who.nobody": "{names}: nobody",
    "status.nobody-left": "nobody left",
    "status.needed": " ({count} needed)",
    "status.excluded.author": "{name} (author)",
    "status.excluded.no-email": "{name} (no email)",
    "status.excluded.keyless": "{name} (no signing key listed in roles.yml)",
    "status.no-roles": "{base} has no approved {roles}, so no one can approve anything yet",
    "status.roles-item": "{roles} (top role {top})",
    "status.check-errors": (
        "doccontrol check reports {count} error(s); the pipeline fails until they are fixed"
    ),
    "status.nobody": "nobody",
    "status.group": "{items} by {who}",
    "status.split": (
        "no single person can approve every document this branch changes, so one merge would "
        "leave some unapproved: {groups}. Split the branch into one per group, or have the "
        "other approvers sign off with commits carrying their Approved-by trailers before the "
        "merge"
    ),
    "status.no-approver": "no approver",
    "status.nobody-holds": (
        "{what}: nobody holds {names}, so no one can approve it; add a holder on the base first"
    ),
    "status.part.authors": "{names} wrote part of this branch and cannot approve it",
    "status.part.unknown": "{names} has no email in roles.yml, so git cannot recognise them",
    "status.part.keyless": (
        "{names} has no signing key listed in roles.yml, and signatures are required"
    ),
    "status.only": "only {names} can give one",
    "status.no-holder": "no holder can give one",
    "status.blocked": (
        "{what}: needs {needed} approval(s) by {names}, and {have}; ask another holder, or "
        "have the top role add one to roles.yml on the base first"
    ),
    "status.blocked.because": (
        "{what}: needs {needed} approval(s) by {names}, and {have} ({because}); ask another "
        "holder, or have the top role add one to roles.yml on the base first"
    ),
    "status.review-blocked": (
        "{what}: needs a review sign-off (Reviewed-by) by {names} besides the approval, and "
        "{have}; ask another holder, or have the top role add one to roles.yml on the base first"
    ),
    "status.review-blocked.because": (
        "{what}: needs a review sign-off (Reviewed-by) by {names} besides the approval, and "
        "{have} ({because}); ask another holder, or have the top role add one to roles.yml on "
        "the base first"
    ),
    # doccontrol new
    "new.empty-title": "--title must not be empty",
    "new.unknown-type": (
        "'{type}' is not a document type; types are {types} (the 'types' option of mkdocs.yml "
        "defines them)"
    ),
    "new.title-taken": (
        "title '{title}' is already used by {doc} ({path}); choose another title, or change "
        "{doc} instead of adding a document"
    ),
    "new.new-form-group": (
        "{doc} starts a new group of record forms; to number a form after the procedure that "
        "uses it, pass --procedure (e.g. --procedure {prefix}-05)"
    ),
    "new.filled-in": (
        "retention and storage were filled in as {retention} and {storage}: check them before "
        "you ask for approval"
    ),
    "new.form-only": "--retention and --storage apply to record forms only",
    "new.bad-slug": (
        "--slug '{slug}' must be lower-case letters, digits and hyphens, like document-control"
    ),
    "new.path-taken": "{path} already holds {doc}; pass another --slug",
    "new.add-to-records": "add {doc} to 'records:' of {procedure}, which uses the form",
    "new.add-to-records.path": (
        "add {doc} to 'records:' of {procedure} ({path}), which uses the form"
    ),
    "new.procedure-form-only": "--procedure numbers record forms only (type record-form)",
    "new.none": "none",
    "new.no-procedure": "--procedure {procedure}: no procedure has that id; procedures are {procedures}",
    "new.not-a-procedure": (
        "--procedure {procedure} is of type {type}, not a procedure; record forms are numbered "
        "after procedures (QR-05-01 belongs to QP-05)"
    ),
    "new.bad-id": "--id {id}: a {type} has an id like {example}",
    "new.id-taken": (
        "id {id} is already used by {where}; ids are never reused — leave out --id to get the "
        "next free one"
    ),
    "new.both": "--owner and --approvers",
    "new.no-defaults": (
        "no default owner and approvers for a new {type}: pass {missing} (roles or people of "
        "roles.yml), or set a default in mkdocs.yml under the doc-control plugin, e.g.\n"
        "  plugins:\n    - doc-control:\n        defaults:\n"
        "          {type}: {{owner: Quality, approvers: [Quality Manager]}}"
    ),
    "new.unknown-name": "'{name}' is neither a role nor a person in {roles_file}; roles are {roles}",
    "new.nobody": "approver role '{name}' has nobody in {roles_file}",
    # doccontrol check
    "codeowners-stale": (
        "{path} no longer matches the documents' approvers and the handles in {roles} (line "
        "{line} should read: {expected}), so the forge may ask the wrong reviewers; run "
        "'doccontrol codeowners --write --format {forge} --path {path}' and commit the result"
    ),
}

ZH: dict[str, str] = {
    "status.title": "doccontrol 状态：{header}",
    "status.header": "{branch} → {base}（分叉点 {fork}，{commits} 个提交）",
    "status.header.uncommitted": "{branch} → {base}（分叉点 {fork}，{commits} 个提交，有未提交的修改）",
    "status.authors": "编制人（不能批准）：{names}",
    "status.authors.markdown": "**编制人**（不能批准）：{names}",
    "status.none": "无",
    "status.no-change": "本分支没有修改任何受控文件。",
    "status.may-approve": "可批准 — {who}",
    "status.cannot-approve": "不可批准 — {who}",
    "status.may-review": "可审核 — {who}",
    "status.cannot-review": "不可审核 — {who}",
    "status.roles-changed": "{roles}：已修改；须经最高角色批准",
    "status.groups": "没有一个人能批准全部修改；可分别批准的分组：",
    "status.group-line": "{items}：{who}",
    "status.blocking": "阻止合并的问题：",
    "status.blocking.title": "阻止合并的问题",
    "status.clear": (
        "没有阻止合并的问题。上面列出的批准人以合并提交方式合并即为批准"
        "（或用带有本人 Approved-by 尾注的压缩合并）。"
    ),
    "status.clear.markdown": (
        "没有阻止合并的问题。上面列出的批准人以合并提交方式合并即为批准"
        "（或用带有本人 `Approved-by` 尾注的压缩合并）；合并日期即发布日期。"
    ),
    "status.effective": "，{date} 起实施",
    "status.who": "{names}：{people}",
    "status.who.nobody": "{names}：无人",
    "status.nobody-left": "已无可批准的人",
    "status.needed": "（需 {count} 人）",
    "status.excluded.author": "{name}（编制人）",
    "status.excluded.no-email": "{name}（无电子邮件）",
    "status.excluded.keyless": "{name}（roles.yml 中未登记签名密钥）",
    "status.no-roles": "{base} 没有已批准的 {roles}，目前没有人能批准任何内容",
    "status.roles-item": "{roles}（最高角色 {top}）",
    "status.check-errors": "doccontrol check 报告了 {count} 个错误；修正之前流水线不会通过",
    "status.nobody": "无人",
    "status.group": "{items} 由 {who} 批准",
    "status.split": (
        "没有一个人能批准本分支修改的全部文件，一次合并会使部分文件未获批准：{groups}。"
        "请按分组拆分分支，或请其他批准人在合并前以带有 Approved-by 尾注的提交签署"
    ),
    "status.no-approver": "未指定批准人",
    "status.nobody-holds": "{what}：没有人担任 {names}，因此无人能批准；请先在基准分支上指定担任人",
    "status.part.authors": "{names} 编制了本分支的部分内容，不能批准",
    "status.part.unknown": "{names} 在 roles.yml 中没有电子邮件，git 无法识别",
    "status.part.keyless": "{names} 在 roles.yml 中没有登记签名密钥，而配置要求签名",
    "status.only": "只有 {names} 能给出",
    "status.no-holder": "没有担任人能给出",
    "status.blocked": (
        "{what}：需要 {names} 的 {needed} 个批准，{have}；请找其他担任人，"
        "或先由最高角色在基准分支的 roles.yml 中增加担任人"
    ),
    "status.blocked.because": (
        "{what}：需要 {names} 的 {needed} 个批准，{have}（{because}）；请找其他担任人，"
        "或先由最高角色在基准分支的 roles.yml 中增加担任人"
    ),
    "status.review-blocked": (
        "{what}：批准之外还需要 {names} 的审核签署（Reviewed-by），{have}；请找其他担任人，"
        "或先由最高角色在基准分支的 roles.yml 中增加担任人"
    ),
    "status.review-blocked.because": (
        "{what}：批准之外还需要 {names} 的审核签署（Reviewed-by），{have}（{because}）；"
        "请找其他担任人，或先由最高角色在基准分支的 roles.yml 中增加担任人"
    ),
    "new.empty-title": "--title 不能为空",
    "new.unknown-type": "“{type}”不是文件类型；类型有 {types}（由 mkdocs.yml 的“types”选项定义）",
    "new.title-taken": "标题“{title}”已被 {doc}（{path}）使用；请换一个标题，或修改 {doc} 而不是新增文件",
    "new.new-form-group": (
        "{doc} 开始了一组新的记录表单；如要按使用它的程序编号，请加 --procedure（例如 --procedure {prefix}-05）"
    ),
    "new.filled-in": "保存期限和保存地点已暂填为 {retention} 和 {storage}：申请批准前请核对",
    "new.form-only": "--retention 和 --storage 只适用于记录表单",
    "new.bad-slug": "--slug“{slug}”只能由小写字母、数字和连字符组成，例如 document-control",
    "new.path-taken": "{path} 已存有 {doc}；请换一个 --slug",
    "new.add-to-records": "请把 {doc} 加到使用该表单的 {procedure} 的“records:”中",
    "new.add-to-records.path": "请把 {doc} 加到使用该表单的 {procedure}（{path}）的“records:”中",
    "new.procedure-form-only": "--procedure 只用于给记录表单编号（类型 record-form）",
    "new.none": "无",
    "new.no-procedure": "--procedure {procedure}：没有该编号的程序；现有程序为 {procedures}",
    "new.not-a-procedure": (
        "--procedure {procedure} 的类型是 {type}，不是程序；记录表单按程序编号（QR-05-01 属于 QP-05）"
    ),
    "new.bad-id": "--id {id}：{type} 的编号形如 {example}",
    "new.id-taken": "编号 {id} 已被 {where} 使用；编号永不重复使用——不写 --id 即取下一个空闲编号",
    "new.both": "--owner 和 --approvers",
    "new.no-defaults": (
        "新 {type} 没有默认的归口部门和批准人：请给出 {missing}（roles.yml 中的角色或人员），"
        "或在 mkdocs.yml 的 doc-control 插件下设置默认值，例如：\n"
        "  plugins:\n    - doc-control:\n        defaults:\n"
        "          {type}: {{owner: 质量部, approvers: [管理者代表]}}"
    ),
    "new.unknown-name": "“{name}”既不是 {roles_file} 中的角色，也不是其中的人员；角色有 {roles}",
    "new.nobody": "批准角色“{name}”在 {roles_file} 中没有担任人",
    "codeowners-stale": (
        "{path} 与文件的批准人及 {roles} 中的账号不再一致（第 {line} 行应为：{expected}），"
        "代码托管平台可能会请错审核人；请运行“doccontrol codeowners --write --format {forge} --path {path}”并提交结果"
    ),
}
