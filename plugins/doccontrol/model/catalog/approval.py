"""Messages of approval and review (审核): why a claim or a change does not count."""

from __future__ import annotations

EN: dict[str, str] = {
    "list.joined": "{first}; {rest}",
    "approval.in-commit": "commit {commit}",
    "approval.in-branch-commit": "branch commit {commit}",
    "approval.trailer-no-email": "trailer '{trailer}' in {where} has no <email>",
    "approval.forge-committed": (
        "the {trailers} trailers of commit {commit} were committed by the forge "
        "({committer}): on a web merge or squash the person who merges types that "
        "message, so forge-committed trailers count for nothing unless the config says "
        "the forge writes them itself (forge_trailers: trusted)"
    ),
    "approval.inner-merge-authored": (
        "merge commit {commit} inside the branch, by {author}, itself wrote text in {paths} "
        "that neither its parents nor git's automatic merge hold (a conflict resolution or "
        "an edit in an 'Update branch' merge), so its author is an author of the change"
    ),
    "approval.merge-authored": (
        "merge commit {commit} by {author} itself wrote text in {paths} that its parents' "
        "changes since their merge base do not explain (an edit or a conflict resolution made "
        "in the merge, or a stale branch's version taken over main's later change), so its "
        "merger is an author of that text and cannot approve it; resolve "
        "conflicts on the branch (merge main into it) before the approver merges"
    ),
    "approval.sign-off-changes-files": (
        "branch commit {commit} carries {trailers} but changes files: only an empty sign-off "
        "commit by the approver records an approval on a branch"
    ),
    "approval.sign-off-other-committer": (
        "branch commit {commit} is no sign-off: it was authored by {author} but committed by "
        "{committer}; the approver makes their own sign-off commit"
    ),
    "approval.no-roles": "no approved roles file was in force to say who may approve",
    "approval.recorded-by-other.sign-off": (
        "the sign-off naming {identity} in commit {commit} was recorded by {recorder}, not by "
        "the person it names, so it counts for nothing"
    ),
    "approval.recorded-by-other.trailer": (
        "the Approved-by trailer naming {identity} in commit {commit} was recorded by "
        "{recorder}, not by the person it names, so it counts for nothing"
    ),
    "approval.sign-off-void": (
        "the sign-off {commit} by {identity} is void: {paths} changed after it (on the branch "
        "or in the merge); sign off again after the last change"
    ),
    "approval.not-a-person": "{identity} is not a person in {roles}",
    "approval.not-entitled": "{person} does not hold an approver role ({names})",
    "approval.author": "{person} is an author of the change and cannot approve it",
    "approval.direct-commit": "a direct commit, with no merge and no Approved-by trailer",
    "approval.too-few": "{counted} of {needed} required approvals",
    "approval.none": "no approval",
    "approval.too-early": (
        "it is dated {date}, before {person} was granted the authority it relies on "
        "({granted}), so {person}'s approval does not count"
    ),
    "review.no-roles": "no approved roles file was in force to say who may review",
    "review.recorded-by-other": (
        "the Reviewed-by naming {identity} in commit {commit} was typed by {recorder}, not by "
        "the reviewer, so it counts for nothing"
    ),
    "review.sign-off-void": (
        "the review sign-off {commit} by {identity} is void: {paths} changed after it; the "
        "reviewer signs off again after the last change"
    ),
    "review.not-entitled": "{person} does not hold a reviewer role ({names})",
    "review.author": "{person} is an author of the change and cannot review it",
    "review.approver": "{person} approved the change and cannot also be its reviewer",
    "review.none": "no Reviewed-by sign-off",
    "review.too-early": (
        "{person}'s review sign-off is dated {date}, before {person} was granted the reviewer "
        "role it relies on ({granted}), so it does not count; the reviewer signs off again"
    ),
    "squash.numbered": "its subject ends with '{suffix}'",
    "squash.by-forge": "the forge committed it ({committer})",
    "squash.both": "{first} and {second}",
    "squash.forge-trailers": (
        "whose Approved-by trailers the forge committed from a message the merger typed"
    ),
    "squash.no-trailer": "that carries no 'Approved-by:' trailer",
    "squash.hint": (
        "This looks like a squash or rebase merge made on the forge ({how}) {what}: such a "
        "merge keeps who wrote the change but not who approved it, so the approval cannot be "
        "read from git. Fix the repository settings: on GitHub, allow merge commits only "
        "(Settings → General → Pull Requests: clear 'Allow squash merging' and 'Allow rebase "
        "merging'); on GitLab, set Settings → Merge requests → Merge method to 'Merge commit', "
        "or put %{{approved_by}} in the squash commit message template and set "
        "forge_trailers: trusted"
    ),
    "signature.unsigned": "it is not signed",
    "signature.no-key": "no signing key is listed for its signer in the roles in force",
    "signature.format": "its signature is in no format git signs with",
    "signature.ssh-damaged": "its SSH signature is damaged ({problem})",
    "signature.key-not-listed": "it is signed by key {fingerprint}, which is not listed for its signer",
    "signature.namespace": "its signature is for namespace {namespace}, not git's",
    "signature.hash": "its signature uses hash {hash}, which git does not use",
    "signature.kind": "its signature kind {kind} does not match key {fingerprint}",
    "signature.ssh-invalid": (
        "its signature by key {fingerprint} does not verify: the commit was changed after it was signed"
    ),
    "signature.openpgp-damaged": "its OpenPGP signature is damaged ({problem})",
    "signature.openpgp-not-listed": (
        "it is signed by key {fingerprint} (OpenPGP), which is not listed for its signer"
    ),
    "signature.openpgp-invalid": (
        "its signature by OpenPGP key {fingerprint} does not verify: the commit was changed after it "
        "was signed, or the key had expired, was revoked or may not sign"
    ),
    "signature.openpgp-no-match": "its signature by OpenPGP key {fingerprint} does not verify",
    "signature.the-forge": "the forge (forges: in roles.yml)",
    "signature.kind.review": "review sign-off",
    "signature.kind.merge": "merge approval",
    "signature.kind.trailer": "trailer approval",
    "signature.kind.sign-off": "sign-off approval",
    "signature.kind.forge-trailer": "forge-trailer approval",
    "signature.kind.baseline": "baseline approval",
    "signature.unverified.merge": (
        "the {kind} by {whose} in merge {commit} has no verified signature: {problem} "
        "(signatures: {mode}: it must be signed with a key listed for {whose} in roles.yml as "
        "it stood before the change)"
    ),
    "signature.unverified.commit": (
        "the {kind} by {whose} in commit {commit} has no verified signature: {problem} "
        "(signatures: {mode}: it must be signed with a key listed for {whose} in roles.yml as "
        "it stood before the change)"
    ),
    "basis.merge": "a merge by a listed person (merge {commit})",
    "basis.trailer": "an Approved-by trailer recorded by the approver (commit {commit})",
    "basis.sign-off": "a sign-off commit on the branch (commit {commit})",
    "basis.forge-trailer": (
        "a forge-written Approved-by trailer (commit {commit}), trusted because the config says "
        "forge_trailers: trusted"
    ),
    "basis.baseline": "the doccontrol/baseline tag by the top role (commit {commit})",
    "trust.ground": "{person}: {basis}",
    "trust.ground.signed": "{person}: {basis}, with a verified signature {key_id}",
    "trust.ground.forge-signed": "{person}: {basis}, with a forge signature {key_id}",
    "trust.ground.unverified": (
        "{person}: {basis}, on the committer identity alone: its signature did not verify "
        "(signatures: warn)"
    ),
    "trust.ground.unchecked": (
        "{person}: {basis}, on the committer identity alone (signatures: off)"
    ),
    "trust.no-record": "no record of what the approval rests on",
    "trust.line": "{doc} {revision} ({issued}, commit {commit}): {grounds}",
    "trust.group": "What each approval rests on (doccontrol --explain-trust)",
    "trust.forge-notice": "{doc} {revision} (commit {commit}) rests on {grounds}",
}

ZH: dict[str, str] = {
    "list.joined": "{first}；{rest}",
    "approval.in-commit": "提交 {commit}",
    "approval.in-branch-commit": "分支上的提交 {commit}",
    "approval.trailer-no-email": "{where} 中的尾注“{trailer}”没有 <email>",
    "approval.forge-committed": (
        "提交 {commit} 的 {trailers} 尾注是由代码托管平台提交的（{committer}）：网页合并或压缩合并时，"
        "提交说明由执行合并的人填写，因此平台提交的尾注一律不计，除非配置写明由平台自行写入"
        "（forge_trailers: trusted）"
    ),
    "approval.inner-merge-authored": (
        "分支内的合并提交 {commit}（{author}）自行在 {paths} 中写入了两个父提交和 git 自动合并都没有的"
        "内容（解决冲突，或在“Update branch”合并中改动），因此其作者也是本次变更的编制人"
    ),
    "approval.merge-authored": (
        "合并提交 {commit}（{author}）自行在 {paths} 中写入了两个父提交自合并基点以来的改动无法得出的内容"
        "（在合并中改动或解决冲突，或用落后分支的旧版本覆盖主分支此后的改动），"
        "因此合并人是这部分内容的编制人，不能批准；"
        "请先在分支上解决冲突（把主分支合并进分支），再由批准人合并"
    ),
    "approval.sign-off-changes-files": (
        "分支上的提交 {commit} 带有 {trailers}，但改动了文件：只有批准人本人的空签署提交才能在分支上记录批准"
    ),
    "approval.sign-off-other-committer": (
        "分支上的提交 {commit} 不是签署提交：作者是 {author}，提交人却是 {committer}；"
        "签署提交须由批准人本人提交"
    ),
    "approval.no-roles": "当时没有已批准的角色文件，无法确定谁有权批准",
    "approval.recorded-by-other.sign-off": (
        "提交 {commit} 中署名 {identity} 的签署由 {recorder} 记录，而不是本人记录，因此不计"
    ),
    "approval.recorded-by-other.trailer": (
        "提交 {commit} 中署名 {identity} 的 Approved-by 尾注由 {recorder} 记录，而不是本人记录，因此不计"
    ),
    "approval.sign-off-void": (
        "{identity} 的签署提交 {commit} 已失效：{paths} 在签署之后又有改动（在分支上或在合并中）；"
        "请在最后一次改动之后重新签署"
    ),
    "approval.not-a-person": "{identity} 不是 {roles} 中登记的人员",
    "approval.not-entitled": "{person} 不担任批准角色（{names}）",
    "approval.author": "{person} 是本次变更的编制人，不能批准",
    "approval.direct-commit": "直接提交，既无合并也无 Approved-by 尾注",
    "approval.too-few": "所需批准 {needed} 个，仅有 {counted} 个",
    "approval.none": "没有批准",
    "approval.too-early": (
        "其日期为 {date}，早于 {person} 获得所依据权限的日期（{granted}），因此 {person} 的批准不计"
    ),
    "review.no-roles": "当时没有已批准的角色文件，无法确定谁有权审核",
    "review.recorded-by-other": (
        "提交 {commit} 中署名 {identity} 的 Reviewed-by 由 {recorder} 填写，而不是审核人本人，因此不计"
    ),
    "review.sign-off-void": (
        "{identity} 的审核签署 {commit} 已失效：{paths} 在签署之后又有改动；审核人须在最后一次改动之后重新签署"
    ),
    "review.not-entitled": "{person} 不担任审核角色（{names}）",
    "review.author": "{person} 是本次变更的编制人，不能审核",
    "review.approver": "{person} 已批准本次变更，不能同时担任审核人",
    "review.none": "没有 Reviewed-by 审核签署",
    "review.too-early": (
        "{person} 的审核签署日期为 {date}，早于 {person} 获得所依据审核角色的日期（{granted}），因此不计；"
        "审核人须重新签署"
    ),
    "squash.numbered": "其标题以“{suffix}”结尾",
    "squash.by-forge": "由代码托管平台提交（{committer}）",
    "squash.both": "{first}，且{second}",
    "squash.forge-trailers": "其 Approved-by 尾注由平台根据合并人填写的说明提交",
    "squash.no-trailer": "且没有“Approved-by:”尾注",
    "squash.hint": (
        "这看起来是在代码托管平台上做的压缩合并或变基合并（{how}），{what}：这种合并保留了编制人，"
        "却没有保留批准人，因此无法从 git 读出批准。请修改仓库设置：GitHub 上只允许合并提交"
        "（Settings → General → Pull Requests：取消“Allow squash merging”和“Allow rebase merging”）；"
        "GitLab 上把 Settings → Merge requests → Merge method 设为“Merge commit”，"
        "或在压缩提交说明模板中写入 %{{approved_by}} 并设置 forge_trailers: trusted"
    ),
    "signature.unsigned": "它没有签名",
    "signature.no-key": "现行角色文件中没有为签名人登记签名密钥",
    "signature.format": "其签名不是 git 使用的任何格式",
    "signature.ssh-damaged": "其 SSH 签名已损坏（{problem}）",
    "signature.key-not-listed": "它由密钥 {fingerprint} 签名，但该密钥没有登记在签名人名下",
    "signature.namespace": "其签名的命名空间是 {namespace}，不是 git 的",
    "signature.hash": "其签名使用的散列算法 {hash} 不是 git 使用的",
    "signature.kind": "其签名类型 {kind} 与密钥 {fingerprint} 不符",
    "signature.ssh-invalid": "密钥 {fingerprint} 的签名验证不通过：提交在签名之后被改动过",
    "signature.openpgp-damaged": "其 OpenPGP 签名已损坏（{problem}）",
    "signature.openpgp-not-listed": "它由 OpenPGP 密钥 {fingerprint} 签名，但该密钥没有登记在签名人名下",
    "signature.openpgp-invalid": (
        "OpenPGP 密钥 {fingerprint} 的签名验证不通过：提交在签名之后被改动过，或密钥已过期、已吊销或无权签名"
    ),
    "signature.openpgp-no-match": "OpenPGP 密钥 {fingerprint} 的签名验证不通过",
    "signature.the-forge": "代码托管平台（roles.yml 中的 forges:）",
    "signature.kind.review": "审核签署",
    "signature.kind.merge": "合并批准",
    "signature.kind.trailer": "尾注批准",
    "signature.kind.sign-off": "签署提交批准",
    "signature.kind.forge-trailer": "平台尾注批准",
    "signature.kind.baseline": "基线批准",
    "signature.unverified.merge": (
        "合并提交 {commit} 中 {whose} 的{kind}没有经过验证的签名：{problem}（signatures: {mode}："
        "必须用变更前 roles.yml 中为 {whose} 登记的密钥签名）"
    ),
    "signature.unverified.commit": (
        "提交 {commit} 中 {whose} 的{kind}没有经过验证的签名：{problem}（signatures: {mode}："
        "必须用变更前 roles.yml 中为 {whose} 登记的密钥签名）"
    ),
    "basis.merge": "登记人员所做的合并（合并提交 {commit}）",
    "basis.trailer": "批准人本人记录的 Approved-by 尾注（提交 {commit}）",
    "basis.sign-off": "分支上的签署提交（提交 {commit}）",
    "basis.forge-trailer": (
        "代码托管平台写入的 Approved-by 尾注（提交 {commit}），因配置写明 forge_trailers: trusted 而予以信任"
    ),
    "basis.baseline": "最高角色打的 doccontrol/baseline 标签（提交 {commit}）",
    "trust.ground": "{person}：{basis}",
    "trust.ground.signed": "{person}：{basis}，有经过验证的签名 {key_id}",
    "trust.ground.forge-signed": "{person}：{basis}，有代码托管平台的签名 {key_id}",
    "trust.ground.unverified": (
        "{person}：{basis}，仅凭提交人身份：其签名未通过验证（signatures: warn）"
    ),
    "trust.ground.unchecked": "{person}：{basis}，仅凭提交人身份（signatures: off）",
    "trust.no-record": "没有记录该批准依据什么",
    "trust.line": "{doc} {revision}（{issued}，提交 {commit}）：{grounds}",
    "trust.group": "每个批准的依据（doccontrol --explain-trust）",
    "trust.forge-notice": "{doc} {revision}（提交 {commit}）依据的是{grounds}",
}
