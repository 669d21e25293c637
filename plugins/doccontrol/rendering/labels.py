"""Every label the tool shows, one table per language: the only home of its wording.

``ZH`` and ``EN`` hold the same sections and keys (a test holds them to it), so a
page written against one language gets the other for free. Chinese pages keep
their full-width punctuation; English text uses Latin punctuation only, which
is why brackets, quotes and the list separator are labels too (``common``).
Placeholders in braces are filled with ``str.format``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from doccontrol.model.documents import Retention, language_code

ZH: dict[str, dict[str, str]] = {
    "control": {
        "id": "文件编号",
        "title": "文件名称",
        "revision": "版本/修改状态",
        "status": "受控状态",
        "issued": "发布日期",
        "effective": "实施日期",
        "owner": "编制",
        "reviewed": "审核",
        "approvers": "批准",
        "waiting": "{rev} 已批准，{date} 实施",
        "signed": "已验证签名",
        "review_due": "下次评审",
        "controlled": "受控",
        "draft_banner": "草稿（DRAFT）：本页显示工作区中尚未批准的文本，不得作为受控文件使用。",
        "draft_next": "批准后的版本将为 {rev}。",
        "pending": "修订 {rev} 已批准，将于 {date} 实施；在此之前以本页现行版本为准。",
        "pending_only": "本文件 {rev} 已批准，将于 {date} 实施，尚未生效。",
        "overdue": "本文件已超过定期评审日期（应于 {date} 前评审）。",
        "withdrawn": "作废：本文件已于 {date} 作废，仅作留存，不得使用。",
        "unapproved": "主分支上有未经批准的修改，本页仍显示最近批准的版本。",
        "as_of": "本站点反映 {date} 当日的受控状态，并非最新版本。",
    },
    "site": {
        "register": "受控文件清单",
        "records": "记录清单",
        "external": "外来文件清单",
        "archive": "作废文件",
        "coverage": "条款覆盖矩阵",
        "roles": "职责和权限",
        "registers": "清单与台账",
        "editions": "版次",
        "id": "文件编号",
        "title": "文件名称",
        "type": "类别",
        "revision": "版本",
        "status": "状态",
        "issued": "发布日期",
        "effective": "实施日期",
        "owner": "编制",
        "reviewed": "审核",
        "approvers": "批准",
        "change_id": "变更号",
        "review_due": "下次评审",
        "all": "全部",
        "history": "修订记录",
        "compare": "修改对比",
        "changes": "修改内容",
        "summary": "修改说明",
        "where_used": "引用本文件的文件",
        "produces": "本文件产生的记录",
        "none": "无",
        "retention": "保存期限",
        "storage": "保存地点",
        "form": "表单编号",
        "number": "标准编号",
        "version": "版本/日期",
        "source": "来源",
        "holder": "持有部门",
        "checked": "最近查新",
        "record_count": "记录数",
        "oldest": "最早",
        "newest": "最新",
        "withdrawn_on": "作废日期",
        "last_revision": "最后版本",
        "clause": "条款",
        "needs": "要求",
        "documents": "相关文件",
        "dp": "形成文件的程序",
        "rec": "记录",
        "gap": "缺少程序文件",
        "role": "角色 / 部门",
        "people": "人员",
        "approves": "批准的文件",
        "obsolete": "作废",
        "pending": "待实施",
        "count": "共 {n} 份文件",
        "filter": "筛选",
        "download_pdf": "下载 PDF",
        "intro_register": "本清单列出全部受控文件及其当前状态，由 git 记录自动生成。",
        "intro_archive": "以下文件已作废，仅作留存，不得使用。",
        "intro_coverage": "标准各条款与体系文件的对应关系。标红的条款要求形成文件的程序，但尚无现行程序文件。",
    },
    "start": {
        "start": "从这里开始",
        "recent": "最近发布",
        "recent_intro": "最近 {days} 天内批准发布的修订（截至 {date}）。",
        "recent_none": "最近 {days} 天内没有新的修订。",
        "due": "待评审",
        "due_intro": "已超过或将在 {days} 天内到达定期评审日期的文件。",
        "due_none": "近期没有需要评审的文件。",
        "overdue": "已逾期",
        "find": "清单与台账",
        "find_intro": "各清单由 git 记录自动生成：",
        "date": "日期",
        "level_intro": "本栏目的现行受控文件。",
        "registers_intro": "由 git 记录自动生成的清单，与 `doccontrol register` 的输出一致。",
        "editions": "版次",
        "as_of": "受控状态截至 {date}（{commit}）",
        "notice": "本站点是受控文件的唯一发布形式；打印或下载的文本均为非受控文件，使用前请回到本站点核对现行版本。",
    },
    "register_notes": {
        "register.md": "全部受控文件的版本、状态、日期和下次评审",
        "records-register.md": "记录表单的保存期限、保存地点和已有记录",
        "external.md": "引用的国家标准、法规等外来文件",
        "archive.md": "已作废的文件，仅作留存",
        "coverage.md": "标准条款与体系文件的对应关系",
        "roles.md": "各角色、人员及其批准的文件",
        "editions.md": "经签名的 PDF 版次",
    },
    "redline": {
        "title": "修订对比",
        "choose": "请从文件页面底部的修订记录中选择一次修订查看对比。",
        "legend": "删除的文字加删除线，新增的文字加下划线。",
        "issued": "发布日期",
        "approved": "批准",
        "field": "字段",
        "old": "修订前",
        "new": "修订后",
        "changes": "处修改",
        "previous": "上一处",
        "next": "下一处",
        "back": "返回",
        "none": "正文无变化",
        "missing": "找不到这次修订的对比。",
    },
    "redline_fields": {
        "title": "文件名称",
        "owner": "编制",
        "approvers": "批准",
        "effective": "实施日期",
        "edition": "版次",
        "review": "评审周期（月）",
        "references": "引用文件",
        "records": "记录",
        "clauses": "条款",
        "retention": "保存期限",
        "storage": "保存地点",
    },
    "editions": {
        "title": "版次",
        "intro": (
            "经数字签名的受控文件版次（PDF/A-3b，PAdES 签名），供审核员下载。"
            "每个版次收录当日现行的全部受控文件及其修订记录，并在 git 中打上标签 "
            "`edition/日期`。下载后可用 `doccontrol verify 文件.pdf --trust 证书.pem --repo 仓库` "
            "核验签名、清单，并与仓库重新生成的版次逐字节比对。"
        ),
        "none": "尚未发布版次。用 `doccontrol release --date 日期` 发布。",
        "head": "版次日期 | 提交 | SHA-256 | 签署人 | 文件 | 下载",
        "count": "{docs} 份 / {pages} 页",
    },
    "common": {
        "list_sep": "、",
        "colon": "：",
        "open": "（",
        "close": "）",
        "quote_open": "《",
        "quote_close": "》",
        "obsolete": "作废",
        "none": "无",
        "nobody": "无人",
    },
    "status": {
        "current": "现行",
        "pending": "待实施",
        "draft": "草稿",
        "withdrawn": "作废",
    },
    "change": {
        "added": "新增",
        "changed": "修改",
        "withdrawn": "作废",
    },
    "retention": {
        "permanent": "永久",
        "years": "{n} 年",
        "one_year": "1 年",
        "months": "{n} 个月",
        "one_month": "1 个月",
    },
    "roles_table": {
        "role": "角色 / 部门",
        "people": "人员",
        "note": "备注",
        "top": "批准本表的修改（最高管理者）",
        "section": "角色与权限",
    },
    "edition": {
        "edition": "受控文件版次",
        "edition_of": "受控文件版次 {date}",
        "edition_date": "版次日期",
        "source_commit": "源提交",
        "committed": "提交时间",
        "tag": "标签",
        "signed_by": "签署人",
        "certificate": "证书指纹",
        "documents": "文件数",
        "statement": (
            "本版次收录 {date} 当日现行的全部受控文件，每份文件为其现行版本经批准的文本，取自上述提交的 "
            "git 历史。本 PDF 以 PAdES 数字签名；附件 manifest.json 列出每份文件的编号、版本和 git "
            "blob。可用 <code>doccontrol verify</code> 核验签名、附件，并与仓库重新生成的版次逐字节比对。"
        ),
        "document_list": "受控文件清单",
        "no": "序号",
        "document": "文件编号",
        "document_no": "文件编号",
        "title": "文件名称",
        "type": "类别",
        "rev": "版本",
        "revision": "版本/修改状态",
        "control_status": "受控状态",
        "issued": "发布日期",
        "effective": "实施日期",
        "pages": "页数",
        "page": "起始页",
        "prepared_by": "编制",
        "reviewed_by": "审核",
        "approved_by": "批准",
        "summary": "修改摘要",
        "history": "修订记录",
        "revisions": "修订清单",
        "revisions_since": "修订清单（{since} 版次以后）",
        "none": "无",
        "external": "外来文件清单",
        "id": "编号",
        "number": "标准号",
        "version": "版本",
        "source": "来源",
        "holder": "保管",
        "withdrawn": "作废文件",
        "page_of": "第 {page} 页 共 {pages} 页",
        "running_revision": "版本",
        "running_edition": "版次",
        "running_controlled": "受控文件",
        "continued": "续表",
        # The cover's 批准/发布 statement and the colophon (issue 13); the register of record forms.
        "issued_by": "发布",
        "release": "本版次收录 {date} 当日现行的全部受控文件，经 {signer} 批准，由 {organisation} 于 {date} 发布。",
        "colophon": "版本说明",
        "records_register": "记录清单",
        "form": "记录表单",
        "retention": "保存期限",
        "kept_at": "保存地点",
        "form_owner": "归口部门",
        "uncontrolled": "打印件为非受控副本",
        "cover_running": "受控文件版次",
        "current": "受控 · 现行",
        "current_waiting": "受控 · 现行 {revision}（{pending} 已批准，{effective} 实施）",
        "single_status": "受控 · 发布 {issued} · 以网站现行版本为准",
        "pending_notice": (
            "修订 {pending} 已于 {issued} 批准，将于 {effective} 实施；本版次收录的 {revision} "
            "在此之前有效。"
        ),
        "sign_reason": "受控文件版次 {date}",
    },
    # The registers (registers.table, site.register_pages, site.record_pages).
    "register_columns": {
        "id": "文件编号",
        "title": "文件名称",
        "type": "类别",
        "revision": "版本",
        "status": "状态",
        "flags": "标记",
        "issued": "发布日期",
        "effective": "实施日期",
        "owner": "编制部门",
        "approvers": "批准人",
        "distribution": "发放范围",
        "review_due": "下次评审",
    },
    "register_flags": {
        "unapproved_change": "有未批准修改",
        "review_overdue": "评审逾期",
    },
    "register_flag_notes": {
        "unapproved_change": "发布后有未经批准的修改；本站仍显示已批准的版本。",
        "review_overdue": "已超过下次评审日期，尚未评审。",
    },
    "register_page": {
        "downloads": "下载完整清单",
        "export": "导出筛选结果（CSV）",
        "export_name": "受控文件清单-筛选结果.csv",
        "legend": "标记说明",
        "no_flags": "无标记的文件处于正常受控状态。",
        "sort_hint": "点击表头可排序。",
        "record_name": "记录名称",
        "form": "表单编号",
        "keeper": "保管部门",
        "medium": "载体（纸质/电子）",
        "disposal": "处置方式",
        "procedures": "相关程序",
        "no_records": "暂无归档记录",
        "withdrawn_by": "批准作废",
        "reason": "作废原因",
        "replaced_by": "替代文件",
        "change": "变更号",
        "ext_status": "状态",
        "valid": "有效",
        "superseded": "已替代",
        "matrix": "文件职责矩阵",
        "matrix_intro": "每份现行文件由谁编制、审核、批准，发放到哪些部门。",
        "people_table": "岗位与人员",
        "legend_sep": "；",
    },
    # What a role does for a document: the matrix's cell mark, and the legend's word.
    "duty_marks": {
        "prepares": "编",
        "reviews": "审",
        "approves": "批",
        "receives": "发",
    },
    "duties": {
        "prepares": "编制",
        "reviews": "审核",
        "approves": "批准",
        "receives": "发放（接收）",
    },
    "record_page": {
        "form": "记录表单",
        "date": "日期",
        "by": "填写人",
        "title": "标题",
        "retention": "保存期限",
        "until": "保存至",
        "disposal_status": "处置状态",
        "keeper": "保管部门",
        "storage": "保存地点",
        "permanent": "永久保存",
        "kept": "未到期",  # not 保存…: a search for 保存期限 is not about every record
        "due": "已过保存期，待按“{how}”处置",
        "due_plain": "已过保存期，待处置",
        "private": "本记录含个人信息，内网只显示登记信息。原件由{keeper}保管（{storage}），需要查阅请向保管部门申请。",
        "file": "查看原件（{name}）",
        "masked": "本页已隐去电话号码和身份证号码。",
        "records": "归档记录",
        "none": "暂无归档记录",
        "corrects": "更正",
    },
    "cli": {
        "baseline_summary": "基线：纸质批准文件转入",
        "created": "已创建 {id} {title}（{type}）— 编制 {owner}，批准 {approvers}",
        "records_none": "没有记录。",
        "records_none_due": "没有到期可销毁的记录。",
        "records_due": "到期",
        "records_kept": "保存中",
        "records_until": "保存至",
        "records_dispose": "销毁方法",
        "register_head": "文件编号 | 状态 | 版本 | 发布日期 | 实施日期 | 标题",
        "withdrawn_next": "作废",
    },
}

EN: dict[str, dict[str, str]] = {
    "control": {
        "id": "Document no.",
        "title": "Title",
        "revision": "Revision",
        "status": "Status",
        "issued": "Issued",
        "effective": "Effective",
        "owner": "Prepared by",
        "reviewed": "Reviewed by",
        "approvers": "Approved by",
        "waiting": "{rev} approved, effective {date}",
        "signed": "signature verified",
        "review_due": "Next review",
        "controlled": "Controlled",
        "draft_banner": (
            "DRAFT: this page shows unapproved text from the working tree; it is not a "
            "controlled document."
        ),
        "draft_next": "Once approved it becomes revision {rev}.",
        "pending": (
            "Revision {rev} is approved and takes effect on {date}; until then the revision "
            "on this page applies."
        ),
        "pending_only": (
            "Revision {rev} is approved and takes effect on {date}; it is not yet in force."
        ),
        "overdue": "This document is overdue for its periodic review (due {date}).",
        "withdrawn": "WITHDRAWN on {date}: kept for reference only; do not use.",
        "unapproved": (
            "Main holds an unapproved change to this document; this page still shows the "
            "last approved revision."
        ),
        "as_of": "This site shows the controlled state as on {date}, not the latest.",
    },
    "site": {
        "register": "Document register",
        "records": "Record register",
        "external": "External documents",
        "archive": "Withdrawn documents",
        "coverage": "Clause coverage",
        "roles": "Responsibilities and authorities",
        "registers": "Registers",
        "editions": "Editions",
        "id": "No.",
        "title": "Title",
        "type": "Type",
        "revision": "Revision",
        "status": "Status",
        "issued": "Issued",
        "effective": "Effective",
        "owner": "Owner",
        "reviewed": "Reviewed by",
        "approvers": "Approved by",
        "change_id": "Change",
        "review_due": "Next review",
        "all": "All",
        "history": "Revision history",
        "compare": "redline",
        "changes": "Changes",
        "summary": "Summary",
        "where_used": "Referenced by",
        "produces": "Records produced",
        "none": "none",
        "retention": "Retention",
        "storage": "Storage",
        "form": "Form",
        "number": "Number",
        "version": "Version/date",
        "source": "Source",
        "holder": "Holder",
        "checked": "Last checked",
        "record_count": "Records",
        "oldest": "Oldest",
        "newest": "Newest",
        "withdrawn_on": "Withdrawn",
        "last_revision": "Last revision",
        "clause": "Clause",
        "needs": "Requires",
        "documents": "Documents",
        "dp": "procedure",
        "rec": "records",
        "gap": "no procedure",
        "role": "Role",
        "people": "People",
        "approves": "Approves",
        "obsolete": "obsolete",
        "pending": "pending",
        "count": "{n} documents",
        "filter": "Filter",
        "download_pdf": "Download PDF",
        "intro_register": "Every controlled document and its status, generated from git.",
        "intro_archive": "These documents are withdrawn, kept for reference only; do not use them.",
        "intro_coverage": (
            "Which documents address each clause. Clauses marked red ask for a documented "
            "procedure and have no current one."
        ),
    },
    "start": {
        "start": "Start here",
        "recent": "What is new",
        "recent_intro": "Revisions issued in the last {days} days (as of {date}).",
        "recent_none": "No revision was issued in the last {days} days.",
        "due": "Due for review",
        "due_intro": (
            "Documents past their periodic review date, or reaching it within {days} days."
        ),
        "due_none": "No document is due for review soon.",
        "overdue": "overdue",
        "find": "Registers",
        "find_intro": "Each register is generated from git:",
        "date": "Date",
        "level_intro": "The controlled documents in this section.",
        "registers_intro": "Registers generated from git; they match `doccontrol register`.",
        "editions": "Editions",
        "as_of": "Controlled state as of {date} ({commit})",
        "notice": (
            "This site is the only controlled issue of these documents; a printed or "
            "downloaded copy is uncontrolled: check the current revision here before use."
        ),
    },
    "register_notes": {
        "register.md": "every controlled document: revision, status, dates, next review",
        "records-register.md": "record forms: retention, storage, filled records",
        "external.md": "standards and regulations the documents cite",
        "archive.md": "withdrawn documents, kept for reference",
        "coverage.md": "which documents address each clause of the standard",
        "roles.md": "roles, people and the documents they approve",
        "editions.md": "signed PDF editions",
    },
    "redline": {
        "title": "Redline",
        "choose": "Choose a revision in a document's revision history to see its redline.",
        "legend": "Deleted text is struck through, inserted text underlined.",
        "issued": "Issued",
        "approved": "Approved by",
        "field": "Field",
        "old": "Before",
        "new": "After",
        "changes": "changes",
        "previous": "Previous",
        "next": "Next",
        "back": "Back to",
        "none": "No change in the text",
        "missing": "This redline was not found.",
    },
    "redline_fields": {
        "title": "title",
        "owner": "owner",
        "approvers": "approvers",
        "effective": "effective",
        "edition": "edition",
        "review": "review",
        "references": "references",
        "records": "records",
        "clauses": "clauses",
        "retention": "retention",
        "storage": "storage",
    },
    "editions": {
        "title": "Editions",
        "intro": (
            "Signed, dated editions of the controlled documents (PDF/A-3b with a PAdES "
            "signature), for auditors. Each holds every document current on its date with "
            "its revision history, and is tagged `edition/DATE` in git. Check a download "
            "with `doccontrol verify FILE.pdf --trust CERT.pem --repo REPO`: the signature, "
            "the manifest, and a byte-for-byte rebuild from the repository."
        ),
        "none": "No edition has been released yet: `doccontrol release --date DATE` makes one.",
        "head": "Date | Commit | SHA-256 | Signed by | Contents | Download",
        "count": "{docs} documents / {pages} pages",
    },
    "common": {
        "list_sep": ", ",
        "colon": ": ",
        "open": " (",
        "close": ")",
        "quote_open": "“",
        "quote_close": "”",
        "obsolete": "withdrawn",
        "none": "none",
        "nobody": "nobody",
    },
    "status": {
        "current": "current",
        "pending": "pending",
        "draft": "draft",
        "withdrawn": "withdrawn",
    },
    "change": {
        "added": "added",
        "changed": "changed",
        "withdrawn": "withdrawn",
    },
    "retention": {
        "permanent": "permanent",
        "years": "{n} years",
        "one_year": "1 year",
        "months": "{n} months",
        "one_month": "1 month",
    },
    "roles_table": {
        "role": "Role",
        "people": "People",
        "note": "Note",
        "top": "Approves changes to this table (top management)",
        "section": "Roles and authorities",
    },
    "edition": {
        "edition": "Controlled document edition",
        "edition_of": "Edition {date}",
        "edition_date": "Edition date",
        "source_commit": "Source commit",
        "committed": "Committed",
        "tag": "Tag",
        "signed_by": "Signed by",
        "certificate": "Certificate SHA-256",
        "documents": "Documents",
        "statement": (
            "This edition holds every controlled document current on {date}, each in the "
            "approved text of its current revision as recorded in git at the commit above. The "
            "PDF carries a PAdES signature; the attached manifest.json lists each document's id, "
            "revision and git blobs. <code>doccontrol verify</code> checks the signature and the "
            "manifest, and compares the edition byte for byte with a rebuild from the repository."
        ),
        "document_list": "Document list",
        "no": "No.",
        "document": "Document",
        "document_no": "Document no.",
        "title": "Title",
        "type": "Type",
        "rev": "Rev.",
        "revision": "Revision",
        "control_status": "Control status",
        "issued": "Issued",
        "effective": "Effective",
        "pages": "Pages",
        "page": "Page",
        "prepared_by": "Prepared by",
        "reviewed_by": "Reviewed by",
        "approved_by": "Approved by",
        "summary": "Summary",
        "history": "Revision history",
        "revisions": "Revisions issued",
        "revisions_since": "Revisions since the edition of {since}",
        "none": "None",
        "external": "External documents",
        "id": "Id",
        "number": "Number",
        "version": "Version",
        "source": "Source",
        "holder": "Holder",
        "withdrawn": "Withdrawn documents",
        "page_of": "Page {page} of {pages}",
        "running_revision": "Rev.",
        "running_edition": "Edition",
        "running_controlled": "Controlled document",
        "continued": "continued",
        # The cover's 批准/发布 statement and the colophon (issue 13); the register of record forms.
        "issued_by": "Issued by",
        "release": "This edition holds every controlled document current on {date}. Approved by {signer}; "
        "issued by {organisation} on {date}.",
        "colophon": "Colophon",
        "records_register": "Records",
        "form": "Form",
        "retention": "Retention",
        "kept_at": "Kept at",
        "form_owner": "Owner",
        "uncontrolled": "Uncontrolled when printed",
        "cover_running": "Edition",
        "current": "Controlled · current",
        "current_waiting": "Controlled · current {revision} ({pending} approved, effective {effective})",
        "single_status": "Controlled; issued {issued}; the site holds the current revision",
        "pending_notice": (
            "Revision {pending} was approved on {issued} and takes effect on {effective}; until "
            "then {revision}, printed here, applies."
        ),
        "sign_reason": "controlled document edition {date}",
    },
    "register_columns": {
        "id": "No.",
        "title": "Title",
        "type": "Type",
        "revision": "Revision",
        "status": "Status",
        "flags": "Flags",
        "issued": "Issued",
        "effective": "Effective",
        "owner": "Owner",
        "approvers": "Approved by",
        "distribution": "Distribution",
        "review_due": "Next review",
    },
    "register_flags": {
        "unapproved_change": "Unapproved change",
        "review_overdue": "Review overdue",
    },
    "register_flag_notes": {
        "unapproved_change": (
            "The text changed after approval without a new approval; the site shows the approved text."
        ),
        "review_overdue": "The periodic review is past its due date.",
    },
    "register_page": {
        "downloads": "Download the whole register",
        "export": "Export the rows shown (CSV)",
        "export_name": "register-filtered.csv",
        "legend": "Flags",
        "no_flags": "A document without flags is under control as it should be.",
        "sort_hint": "Click a heading to sort.",
        "record_name": "Record",
        "form": "Form",
        "keeper": "Kept by",
        "medium": "Medium (paper/electronic)",
        "disposal": "Disposal",
        "procedures": "Procedures",
        "no_records": "No records filed yet",
        "withdrawn_by": "Withdrawal approved by",
        "reason": "Reason",
        "replaced_by": "Replaced by",
        "change": "Change",
        "ext_status": "Status",
        "valid": "valid",
        "superseded": "superseded",
        "matrix": "Responsibility matrix",
        "matrix_intro": "Who prepares, reviews and approves each document, and who receives it.",
        "people_table": "Roles and people",
        "legend_sep": "; ",
    },
    "duty_marks": {
        "prepares": "P",
        "reviews": "R",
        "approves": "A",
        "receives": "D",
    },
    "duties": {
        "prepares": "prepares",
        "reviews": "reviews",
        "approves": "approves",
        "receives": "receives",
    },
    "record_page": {
        "form": "Record form",
        "date": "Date",
        "by": "Made by",
        "title": "Title",
        "retention": "Retention",
        "until": "Kept until",
        "disposal_status": "Disposal",
        "keeper": "Kept by",
        "storage": "Storage",
        "permanent": "kept permanently",
        "kept": "within retention",
        "due": "past retention, to be disposed of ({how})",
        "due_plain": "past retention, to be disposed of",
        "private": (
            "This record holds personal data; the intranet shows its registration only. "
            "{keeper} keeps the original ({storage}); ask them to see it."
        ),
        "file": "Open the original ({name})",
        "masked": "Phone and ID-card numbers are masked on this page.",
        "records": "Filed records",
        "none": "No records filed yet",
        "corrects": "Corrects",
    },
    "cli": {
        "baseline_summary": "Baseline: paper-approved documents adopted",
        "created": "created {id} {title} ({type}), owner {owner}, approvers {approvers}",
        "records_none": "No records.",
        "records_none_due": "No record is due for disposal.",
        "records_due": "due",
        "records_kept": "kept",
        "records_until": "kept until",
        "records_dispose": "dispose by",
        "register_head": "Document | Status | Revision | Issued | Effective | Title",
        "withdrawn_next": "withdrawn",
    },
}

_TABLES = {"zh": ZH, "en": EN}


def section_of(language: str, section: str) -> Mapping[str, str]:
    """One section of the label table of a site language (``zh``, ``en``, ``en-GB``…)."""
    return _TABLES[language_code(language)][section]


def label(language: str, section: str, key: str, **values: object) -> str:
    """One label, its placeholders filled in."""
    text = section_of(language, section)[key]
    return text.format(**values) if values else text


def names(items: Sequence[str], language: str) -> str:
    """A list of names as the language writes one: 甲、乙 or A, B."""
    return section_of(language, "common")["list_sep"].join(items)


def bracketed(text: str, language: str) -> str:
    """``（text）`` in Chinese, `` (text)`` in English."""
    common = section_of(language, "common")
    return f"{common['open']}{text}{common['close']}"


def quoted(text: str, language: str) -> str:
    """A title quoted as the language quotes one: 《标题》 or “Title”."""
    common = section_of(language, "common")
    return f"{common['quote_open']}{text}{common['quote_close']}"


def retention_label(retention: Retention, language: str) -> str:
    """How long records are kept, in words: 3 年, 18 months, permanent."""
    words = section_of(language, "retention")
    if retention.months is None:
        return words["permanent"]
    if retention.months % 12 == 0:
        years = retention.months // 12
        return words["one_year"] if years == 1 else words["years"].format(n=years)
    return words["one_month"] if retention.months == 1 else words["months"].format(n=retention.months)
