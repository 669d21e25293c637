"""Messages of the sources (``sources/``): front matter, fields, roles, clauses, external
documents, mkdocs.yml options and the checks across documents."""

from __future__ import annotations

EN: dict[str, str] = {
    # document_fields: values git decides (control-field), with where they come from
    "control-field": "'{field}' must not be typed: {reason}; remove this line",
    "control-field.revision": "the revision (A/0, A/1 …) is counted from approved changes on main",
    "control-field.approver": (
        "the approver is whoever merged the change (or its Approved-by trailers)"
    ),
    "control-field.approved": "approval is the merge of the change into main by an approver",
    "control-field.approval-date": "the approval date is the date of the approving merge on main",
    "control-field.issued": "the issue date is the date of the approving merge on main",
    "control-field.effective": (
        "write 'effective: YYYY-MM-DD' only to delay a revision; "
        "otherwise the approval date is the effective date"
    ),
    "control-field.status": (
        "status '{status}' must not be typed: current, pending and draft come from git; "
        "the only value allowed is 'status: withdrawn'"
    ),
    "field-type.list": "'{field}' must be a list, like {field}: [X, Y]",
    "field-type.item": "'{field}' item {number} must be a plain name or id, not {value}",
    "field-type.text": "'{field}' must be a single text value",
    "field-type.review": "review must be a whole number of months (e.g. review: 12), not {value}",
    "unknown-field": (
        "unknown front-matter field '{field}'; known fields are {known}; for a field of your own, "
        "list it under the doc-control option 'fields' or name it x-{field}"
    ),
    "missing-field": (
        "required field '{field}' is missing or empty; add a line like '{example}' to the front matter"
    ),
    "missing-field.type": (
        "required field 'type' is missing or empty; add a line like '{example}' to the front "
        "matter; types are {types}"
    ),
    "missing-field.retention": (
        "record forms need 'retention' (how long records are kept); add e.g. retention: 3y"
    ),
    "missing-field.storage": (
        "record forms need 'storage' (where records are kept); add e.g. storage: Quality archive"
    ),
    "unknown-type": (
        "type '{type}' is not a document type; use one of {types} "
        "(or define it under 'types' in mkdocs.yml)"
    ),
    "bad-id": (
        "id '{id}' is not of the form PREFIX-NN or PREFIX-NN-NN: write it like {expected} "
        "(capital letters, a hyphen, at least two digits)"
    ),
    "id-prefix": (
        "id '{id}' has prefix {prefix}, but documents of type {type} use {expected} "
        "(e.g. {expected}-{num}); change the id or the type"
    ),
    "bad-edition.letter": "edition '{value}' must be one capital letter (A, B, …)",
    "bad-edition.number": "edition '{value}' must be a whole number (1, 2, …)",
    "bad-date.effective": (
        "effective date {value} is not a real date; write it as YYYY-MM-DD, e.g. effective: 2026-12-01"
    ),
    "bad-retention": (
        "retention {value} is not a period: write a number of months or years, like 18m or 3y, "
        "or 'permanent'"
    ),
    "field-not-used": "'{field}' applies to record forms only; it is ignored on a {type}: remove it",
    "field-not-used.replaced-by": (
        "'replaced_by' names the document that replaces a withdrawn one; it is ignored unless "
        "the document says 'status: withdrawn': remove it, or withdraw the document in the same change"
    ),
    # yaml_positions: every YAML file doccontrol reads
    "yaml.duplicate-key": "key '{field}' appears twice (first at line {first}); keep one of them",
    "yaml.tab": "tab character used for indentation; YAML needs spaces: replace tabs with spaces",
    "yaml.invalid": "invalid YAML: {problem}; check quoting, colons and indentation",
    "yaml.invalid-plain": "invalid YAML: {problem}",
    "yaml-too-large": (
        "the YAML is {size} characters long, more than the {limit} doccontrol reads; "
        "keep the data short and put long text in the document body"
    ),
    "yaml-alias": (
        "YAML anchor or alias '{name}' is not accepted: doccontrol reads YAML as plain data; "
        "write the value out in full (or quote a value that starts with & or *)"
    ),
    "yaml-too-deep": (
        "the YAML is nested more than {depth} levels deep here; doccontrol's files are a "
        "few levels deep: flatten the structure"
    ),
    "yaml.unclosed": (
        "invalid YAML: the '{opener}' on line {line} is never closed; "
        "add the closing '{closer}' at the end of that value"
    ),
    "yaml.runs-to": " (as written, the value runs on to line {line})",
    "yaml.runs-to-end": " (as written, it runs on to the end)",
    "yaml.open-quote": (
        "invalid YAML: the value opened with {quote} on line {line} has no closing {quote}"
        "{where}; add the closing {quote} at the end of the value on line {line}"
    ),
}

ZH: dict[str, str] = {
    "control-field": "'{field}' 不得手工填写：{reason}；请删除这一行",
    "control-field.revision": "版本（A/0、A/1 …）按主分支上已批准的修改自动计数",
    "control-field.approver": "批准人是合并该修改的人（或其 Approved-by 签注）",
    "control-field.approved": "批准即批准人将修改合并到主分支",
    "control-field.approval-date": "批准日期即主分支上批准合并的日期",
    "control-field.issued": "发布日期即主分支上批准合并的日期",
    "control-field.effective": (
        "只有推迟实施时才写 'effective: YYYY-MM-DD'；否则批准日期即实施日期"
    ),
    "control-field.status": (
        "status '{status}' 不得手工填写：现行、待实施和草稿状态由 git 判定；"
        "唯一允许的值是 'status: withdrawn'（作废）"
    ),
    "field-type.list": "'{field}' 必须是列表，如 {field}: [X, Y]",
    "field-type.item": "'{field}' 的第 {number} 项必须是名称或文件编号，不能是 {value}",
    "field-type.text": "'{field}' 必须是单个文本值",
    "field-type.review": "review 必须是整数个月（如 review: 12），不能是 {value}",
    "unknown-field": (
        "未知的前置字段 '{field}'；已知字段有 {known}；如是本组织自定字段，"
        "请在 doc-control 的 'fields' 选项中列出，或命名为 x-{field}"
    ),
    "missing-field": "缺少必填字段 '{field}' 或其为空；请在前置信息中加一行，如 '{example}'",
    "missing-field.type": (
        "缺少必填字段 'type' 或其为空；请在前置信息中加一行，如 '{example}'；可用类别有 {types}"
    ),
    "missing-field.retention": "记录表单须填写 'retention'（保存期限）；例如 retention: 3y",
    "missing-field.storage": "记录表单须填写 'storage'（保存地点）；例如 storage: 质量部档案室",
    "unknown-type": (
        "类别 '{type}' 不是文件类别；请使用 {types} 之一（或在 mkdocs.yml 的 'types' 下定义）"
    ),
    "bad-id": (
        "文件编号 '{id}' 不符合 PREFIX-NN 或 PREFIX-NN-NN 格式：请写成 {expected} 这样"
        "（大写字母、连字符、至少两位数字）"
    ),
    "id-prefix": (
        "文件编号 '{id}' 的前缀是 {prefix}，但 {type} 类文件使用 {expected}"
        "（如 {expected}-{num}）；请修改文件编号或类别"
    ),
    "bad-edition.letter": "版次 '{value}' 必须是一个大写字母（A、B …）",
    "bad-edition.number": "版次 '{value}' 必须是整数（1、2 …）",
    "bad-date.effective": (
        "实施日期 {value} 不是有效日期；请写成 YYYY-MM-DD，如 effective: 2026-12-01"
    ),
    "bad-retention": (
        "保存期限 {value} 不是期限：请写月数或年数，如 18m 或 3y，或 'permanent'（永久）"
    ),
    "field-not-used": "'{field}' 只适用于记录表单；在 {type} 类文件上不起作用：请删除",
    "field-not-used.replaced-by": (
        "'replaced_by' 指明替代已作废文件的文件；只有文件写明 'status: withdrawn' 时才起作用："
        "请删除，或在同一修改中将该文件作废"
    ),
    "yaml.duplicate-key": "键 '{field}' 出现了两次（第一次在第 {first} 行）；请只保留一个",
    "yaml.tab": "缩进用了制表符；YAML 须用空格缩进：请把制表符换成空格",
    "yaml.invalid": "YAML 格式错误：{problem}；请检查引号、冒号和缩进",
    "yaml.invalid-plain": "YAML 格式错误：{problem}",
    "yaml-too-large": (
        "该 YAML 长 {size} 个字符，超过 doccontrol 读取的上限 {limit}；"
        "请保持数据简短，长文本请写在文件正文中"
    ),
    "yaml-alias": (
        "不接受 YAML 锚点或别名 '{name}'：doccontrol 只把 YAML 当作普通数据读取；"
        "请把值完整写出（以 & 或 * 开头的值请加引号）"
    ),
    "yaml-too-deep": (
        "此处 YAML 嵌套超过 {depth} 层；doccontrol 的文件只有几层：请把结构改平"
    ),
    "yaml.unclosed": (
        "YAML 格式错误：第 {line} 行的 '{opener}' 没有闭合；请在该值末尾加上 '{closer}'"
    ),
    "yaml.runs-to": "（按现在的写法，该值一直延续到第 {line} 行）",
    "yaml.runs-to-end": "（按现在的写法，该值一直延续到文件末尾）",
    "yaml.open-quote": (
        "YAML 格式错误：第 {line} 行以 {quote} 开始的值没有闭合的 {quote}{where}；"
        "请在第 {line} 行该值的末尾加上 {quote}"
    ),
}
