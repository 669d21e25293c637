"""Messages about records kept as evidence, and external documents to check."""

from __future__ import annotations

EN: dict[str, str] = {
    "record-fields.no-front-matter": (
        "record has no front matter: start it with '---', 'date: YYYY-MM-DD', 'by: <name>' "
        "and '---'"
    ),
    "record-fields.sidecar": "sidecar must hold 'date:' and 'by:' lines",
    "record-unknown-form": (
        "record is filed under {form}, which is not a record form; file it under the folder "
        "of an existing form (records/<form id>/) or add the form"
    ),
    "record-no-sidecar": (
        "record file has no sidecar: add {name}.yml beside it with 'date: YYYY-MM-DD' and "
        "'by: <name>'"
    ),
    "record-missing-field.date": "record needs 'date:' (the date it was made, YYYY-MM-DD)",
    "record-missing-field.by": "record needs 'by:' (who made it)",
    "bad-date.record": "record date {value} is not a date; write YYYY-MM-DD",
    "record-corrects": (
        "'corrects: {target}' names no record; give the path of the record this one corrects, "
        "e.g. corrects: 2026-03-01-complaint.md"
    ),
    "record-backdated": (
        "commit {commit} by {author} filed this record on {reached}, but its date: is {dated}; "
        "its retention counts from {reached}. If the record was made on paper earlier, say so "
        "in its summary; otherwise correct the date with a new record that has 'corrects:'"
    ),
    "record.kept-until": "kept until {until}",
    "record.kept": "kept permanently",
    "record-disposed-early": (
        "was disposed of before its retention ended ({keep}); restore it from git and dispose "
        "of it after that date"
    ),
    "record-disposal-unapproved": "was disposed of without a valid approval: {reason}",
    "record.restore": (
        "records are evidence: restore the original from git; to correct a record, add a new "
        "record with 'corrects: <path>' that references it"
    ),
    "record.dispose": (
        "dispose of records past retention with an approved change carrying 'Disposed: {path}'"
    ),
    "record.deleted": "deleted",
    "record.renamed": "renamed",
    "record.modified": "modified",
    "record.changed": "was {what} while it must be {keep}; {fix}",
    "record.evidence": "commit {commit} by {author} on {date}: the record {text}",
    "external-unchecked": (
        "{doc} has no 'checked:' date; record when it was last checked for a newer version"
    ),
    "external-stale": (
        "{doc} was last checked for a newer version on {checked}, more than {months} months "
        "ago; check it and update 'checked:'"
    ),
}

ZH: dict[str, str] = {
    "record-fields.no-front-matter": (
        "记录没有前置信息：请以“---”“date: YYYY-MM-DD”“by: <姓名>”“---”开头"
    ),
    "record-fields.sidecar": "附属文件必须有“date:”和“by:”两行",
    "record-unknown-form": (
        "记录归档在 {form} 下，但它不是记录表单；请归档到现有表单的文件夹（records/<表单编号>/）下，或先新增该表单"
    ),
    "record-no-sidecar": (
        "记录文件没有附属文件：请在旁边添加 {name}.yml，写明“date: YYYY-MM-DD”和“by: <姓名>”"
    ),
    "record-missing-field.date": "记录须有“date:”（形成日期，YYYY-MM-DD）",
    "record-missing-field.by": "记录须有“by:”（记录人）",
    "bad-date.record": "记录日期 {value} 不是日期；请写成 YYYY-MM-DD",
    "record-corrects": (
        "“corrects: {target}”没有指向任何记录；请写明本记录所更正记录的路径，例如 corrects: 2026-03-01-complaint.md"
    ),
    "record-backdated": (
        "{author} 的提交 {commit} 于 {reached} 归档了这份记录，但其 date: 为 {dated}；保存期限从 {reached} 起算。"
        "如果记录早先以纸质形成，请在摘要中说明；否则请新增一份带“corrects:”的记录更正日期"
    ),
    "record.kept-until": "须保存至 {until}",
    "record.kept": "须永久保存",
    "record-disposed-early": "在保存期限届满前被销毁（{keep}）；请从 git 恢复，到期后再销毁",
    "record-disposal-unapproved": "未经有效批准即被销毁：{reason}",
    "record.restore": (
        "记录是证据：请从 git 恢复原件；如需更正，请新增一份带“corrects: <路径>”的记录引用原记录"
    ),
    "record.dispose": "超过保存期限的记录，请通过带有“Disposed: {path}”的已批准变更销毁",
    "record.deleted": "删除",
    "record.renamed": "改名",
    "record.modified": "修改",
    "record.changed": "被{what}，但它{keep}；{fix}",
    "record.evidence": "{author} 于 {date} 的提交 {commit}：该记录{text}",
    "external-unchecked": "{doc} 没有“checked:”日期；请记录最近一次核查是否有新版本的日期",
    "external-stale": (
        "{doc} 最近一次核查是否有新版本是在 {checked}，已超过 {months} 个月；请核查并更新“checked:”"
    ),
}
