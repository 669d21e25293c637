"""The register pages an auditor reads (issue 15): 受控文件清单, 记录清单, 作废文件,
外来文件清单 and 职责和权限 (pure).

Each takes the typed rows and returns Markdown holding HTML tables. The document
register's columns are :mod:`doccontrol.registers.table`'s, shared with the CSV and
XLSX downloads; tables marked ``dc-sortable`` sort by a click on their heading
(``assets/doccontrol.js``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from html import escape

from doccontrol.model.documents import Document, ExternalDocument, Roles
from doccontrol.registers.table import FLAGS, headers, register_lines
from doccontrol.registers.withdrawals import Withdrawal
from doccontrol.rendering.labels import retention_label
from doccontrol.rules.control import Status
from doccontrol.site.pages import FormStats, SiteModel, scroll_wrap, words
from doccontrol.site.urls import page_url

CSV_FILE = "register.csv"
XLSX_FILE = "register.xlsx"

_ZH = {
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
}
_EN = {
    **_ZH,
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
}


# What a role does for a document: the matrix's cell mark and the legend's word.
DUTIES = {
    "zh": (("prepares", "编", "编制"), ("reviews", "审", "审核"), ("approves", "批", "批准"),
           ("receives", "发", "发放（接收）")),
    "en": (("prepares", "P", "prepares"), ("reviews", "R", "reviews"), ("approves", "A", "approves"),
           ("receives", "D", "receives")),
}


def texts(language: str) -> dict[str, str]:
    return _EN if language.lower().startswith("en") else _ZH


def _colon(language: str) -> str:
    return ": " if language.lower().startswith("en") else "："


def _sep(language: str) -> str:
    return ", " if language.lower().startswith("en") else "、"


def _table(css: str, head: Sequence[str], rows: Sequence[str], table_id: str) -> str:
    cells = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    return scroll_wrap(
        f'<table class="{css}" id="{table_id}"><thead><tr>{cells}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def site_file_href(page: str, name: str, directory_urls: bool) -> str:
    """A link from a page to a file at the site's root (the downloads)."""
    here = page_url(page, directory_urls)
    folder = here if here.endswith("/") or not here else posixpath.dirname(here)
    return posixpath.relpath(name, folder or ".")


def register_page(model: SiteModel) -> str:
    """受控文件清单: documents in force, pending or in draft, by level then id."""
    w, t = words(model.language), texts(model.language)
    page = "register.md"
    lines = register_lines(model.rows, model.language)
    options: dict[str, set[str]] = {"type": set(), "status": set(), "owner": set()}
    body = []
    for line in lines:
        ctl = line.row.control
        values = {k: line.cell(k) for k in ("type", "status", "owner")}
        for key, value in values.items():
            options[key].add(value)
        flags = "".join(
            f'<span class="dc-flag dc-flag-{k.replace("_", "-")}">'
            f"{escape(FLAGS[k][1 if model.language.startswith('en') else 0])}</span>"
            for k in line.flags
        )
        cells = [
            f"<td>{model.link(page, ctl.id)}</td>",
            f"<td>{escape(line.cell('title'))}</td>",
            f'<td data-sort="{line.row.level}">{escape(line.cell("type"))}</td>',
            f"<td>{escape(line.cell('revision'))}</td>",
            f'<td class="dc-status dc-status-{ctl.status.value}">{escape(line.cell("status"))}</td>',
            f'<td class="dc-flags">{flags}</td>',
            *(
                f"<td>{escape(line.cell(k))}</td>"
                for k in ("issued", "effective", "owner", "approvers", "distribution", "review_due")
            ),
        ]
        body.append(
            f'<tr data-id="{escape(ctl.id)}" data-level="{line.row.level}" '
            f'data-type="{escape(values["type"])}" data-status="{escape(values["status"])}" '
            f'data-status-code="{ctl.status.value}" data-owner="{escape(values["owner"])}">'
            + "".join(cells)
            + "</tr>"
        )
    selects = "".join(
        f'<label>{escape(w[key])} <select data-filter="{key}">'
        f'<option value="">{escape(w["all"])}</option>'
        + "".join(f'<option value="{escape(v)}">{escape(v)}</option>' for v in sorted(values) if v)
        + "</select></label> "
        for key, values in options.items()
    )
    count = escape(w["count"].format(n=len(lines)))
    english = model.language.lower().startswith("en")
    legend = "".join(
        f'<dt><span class="dc-flag dc-flag-{k.replace("_", "-")}">'
        f"{escape(v[1] if english else v[0])}</span></dt><dd>{escape(v[3] if english else v[2])}</dd>"
        for k, v in FLAGS.items()
    )
    csv_href = site_file_href(page, CSV_FILE, model.directory_urls)
    xlsx_href = site_file_href(page, XLSX_FILE, model.directory_urls)
    return (
        f"# {w['register']}\n\n{w['intro_register']} {t['sort_hint']}\n\n"
        f'<p class="dc-downloads">{escape(t["downloads"])}{_colon(model.language)}'
        f'<a href="{escape(csv_href)}" download>CSV</a> · '
        f'<a href="{escape(xlsx_href)}" download>Excel (XLSX)</a></p>\n\n'
        f'<div class="dc-filters" data-for="dc-register">{selects}'
        f'<span class="dc-count" data-template="{escape(w["count"])}">{count}</span> '
        f'<button type="button" class="dc-export md-button" data-for="dc-register" '
        f'data-name="{escape(t["export_name"])}">{escape(t["export"])}</button></div>\n\n'
        + _table("dc-register dc-sortable", headers(model.language), body, "dc-register")
        + f'\n<div class="dc-legend"><p><strong>{escape(t["legend"])}</strong></p>'
        f"<dl>{legend}</dl><p>{escape(t['no_flags'])}</p></div>\n"
    )


def _procedures(model: SiteModel, form_id: str) -> list[str]:
    """The documents in force that name the form under ``records:``."""
    return [
        r.control.id
        for r in model.rows
        if r.document is not None
        and form_id in r.document.records
        and r.control.status is not Status.WITHDRAWN
    ]


def records_register_page(model: SiteModel, stats: Mapping[str, FormStats]) -> str:
    """记录清单: each record form in force, how its records are kept, and how many there are."""
    w, t = words(model.language), texts(model.language)
    page = "records-register.md"
    sep = _sep(model.language)
    rows = []
    for row in model.rows:
        doc = row.document
        if doc is None or not doc.type.record_form or row.control.status is Status.WITHDRAWN:
            continue
        st = stats.get(doc.id, FormStats(0, None, None))
        media = sep.join(
            (m.value if model.language.startswith("en") else m.label_zh) for m in doc.medium
        )
        count = (
            f'<td data-sort="{st.count}">{st.count}</td>'
            if st.count
            else f'<td data-sort="0" class="dc-none">{escape(t["no_records"])}</td>'
        )
        procedures = sep.join(model.link(page, i) for i in _procedures(model, doc.id)) or "—"
        rows.append(
            f'<tr data-form="{escape(doc.id)}">'
            f"<td>{escape(doc.title)}</td><td>{model.link(page, doc.id)}</td>"
            f'<td data-sort="{doc.retention.months if doc.retention and doc.retention.months else 99999}">'
            f"{escape(retention_label(doc.retention, model.language) if doc.retention else '—')}</td>"
            f"<td>{escape(doc.storage or '—')}</td>"
            f"<td>{escape(doc.keeper or doc.owner)}</td>"
            f"<td>{escape(media or '—')}</td>"
            f"<td>{escape(doc.disposal or '—')}</td>"
            f"<td>{procedures}</td>{count}"
            f"<td>{st.oldest or '—'}</td><td>{st.newest or '—'}</td></tr>"
        )
    head = [
        t["record_name"],
        t["form"],
        w["retention"],
        w["storage"],
        t["keeper"],
        t["medium"],
        t["disposal"],
        t["procedures"],
        w["record_count"],
        w["oldest"],
        w["newest"],
    ]
    return (
        f"# {w['records']}\n\n{t['sort_hint']}\n\n"
        + _table("dc-records dc-sortable", head, rows, "dc-records")
    )


def archive_page(model: SiteModel, withdrawn: Sequence[Withdrawal]) -> str:
    """作废文件: last revision, withdrawal date, who approved it, why, and what replaces it."""
    w, t = words(model.language), texts(model.language)
    page = "archive.md"
    sep = _sep(model.language)
    rows = []
    for item in withdrawn:
        ctl = item.row.control
        change = f"<code>{escape(item.change)}</code>" if item.change else "—"
        rows.append(
            f'<tr class="dc-obsolete" data-id="{escape(ctl.id)}"><td>{model.link(page, ctl.id)}</td>'
            f"<td>{escape(ctl.title)}</td><td>{escape(item.last_revision or '—')}</td>"
            f"<td>{item.on or '—'}</td><td>{escape(sep.join(item.approvers) or '—')}</td>"
            f"<td>{escape(item.reason or '—')}</td>"
            f"<td>{model.link(page, item.replaced_by) if item.replaced_by else '—'}</td>"
            f"<td>{change}</td>"
            f'<td><span class="dc-mark-obsolete">{escape(w["obsolete"])}</span></td></tr>'
        )
    head = [
        w["id"],
        w["title"],
        w["last_revision"],
        w["withdrawn_on"],
        t["withdrawn_by"],
        t["reason"],
        t["replaced_by"],
        t["change"],
        w["status"],
    ]
    table = (
        _table("dc-archive dc-sortable", head, rows, "dc-archive")
        if rows
        else f"<p>{escape(w['none'])}</p>"
    )
    return f"# {w['archive']}\n\n{w['intro_archive']}\n\n{table}\n"


def external_page(external: Sequence[ExternalDocument], language: str) -> str:
    """外来文件清单: each external document, whether it is still the valid edition, last checked."""
    w, t = words(language), texts(language)
    rows = []
    for e in external:
        cells = (e.id, e.title, e.number, e.version, e.source, e.holder)
        rows.append(
            f'<tr data-id="{escape(e.id)}">'
            + "".join(f"<td>{escape(v)}</td>" for v in cells)
            + (
                f'<td class="dc-ext-superseded">{escape(t["superseded"])}</td>'
                if e.superseded
                else f'<td class="dc-ext-valid">{escape(t["valid"])}</td>'
            )
            + f"<td>{e.checked or '—'}</td></tr>"
        )
    head = [w[k] for k in ("id", "title", "number", "version", "source", "holder")]
    return f"# {w['external']}\n\n" + _table(
        "dc-external dc-sortable", [*head, t["ext_status"], w["checked"]], rows, "dc-external"
    )


def _duties(doc: Document, approvers: Sequence[str], role: str, roles: Roles) -> set[str]:
    """What ``role`` does for ``doc``. The owner may be a role or a person holding roles."""
    duties = set()
    if doc.owner == role or role in roles.roles_of(doc.owner):
        duties.add("prepares")
    if role in doc.reviewers:
        duties.add("reviews")
    if role in approvers:
        duties.add("approves")
    if role in doc.distribution:
        duties.add("receives")
    return duties


def roles_page(model: SiteModel, roles: Roles | None) -> str:
    """职责和权限: the roles and their people, and the matrix of roles × documents."""
    w, t = words(model.language), texts(model.language)
    page = "roles.md"
    if roles is None:
        return f"# {w['roles']}\n\n{w['none']}\n"
    people_rows = []
    for role, members in roles.roles:
        top = " ★" if role == roles.top else ""
        people_rows.append(
            f"<tr><td>{escape(role)}{top}</td><td>{escape(_sep(model.language).join(members))}</td></tr>"
        )
    names = [role for role, _ in roles.roles]
    duty_words = DUTIES["en" if model.language.lower().startswith("en") else "zh"]
    matrix = []
    for row in model.rows:
        doc, ctl = row.document, row.control
        if doc is None or ctl.status is Status.WITHDRAWN:
            continue
        cells = []
        for role in names:
            duties = _duties(doc, ctl.approvers, role, roles)
            label = " ".join(
                f'<span class="dc-duty dc-duty-{key}" title="{escape(long)}">{escape(short)}</span>'
                for key, short, long in duty_words
                if key in duties
            )
            cells.append(f"<td>{label}</td>")
        matrix.append(
            f'<tr data-id="{escape(ctl.id)}"><td>{model.link(page, ctl.id)}</td>'
            f"<td>{escape(ctl.title)}</td>{''.join(cells)}</tr>"
        )
    legend = ("; " if model.language.lower().startswith("en") else "；").join(
        f'<span class="dc-duty dc-duty-{key}">{escape(short)}</span> = {escape(long)}'
        for key, short, long in duty_words
    )
    return (
        f"# {w['roles']}\n\n## {t['people_table']}\n\n"
        + _table("dc-roles", [w["role"], w["people"]], people_rows, "dc-roles")
        + f"\n## {t['matrix']}\n\n{t['matrix_intro']}\n\n<p class=\"dc-legend\">{legend}</p>\n\n"
        + _table(
            "dc-matrix dc-sortable",
            [w["id"], w["title"], *names],
            matrix,
            "dc-matrix",
        )
    )

