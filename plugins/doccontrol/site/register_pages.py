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
from doccontrol.rendering.labels import retention_label, section_of
from doccontrol.rules.control import Status
from doccontrol.site.pages import FormStats, SiteModel, scroll_wrap, words
from doccontrol.site.urls import page_url

CSV_FILE = "register.csv"
XLSX_FILE = "register.xlsx"

def texts(language: str) -> Mapping[str, str]:
    """The register pages' own labels (rendering.labels, section ``register_page``)."""
    return section_of(language, "register_page")


def _colon(language: str) -> str:
    return section_of(language, "common")["colon"]


def _sep(language: str) -> str:
    return section_of(language, "common")["list_sep"]


def _duty_words(language: str) -> tuple[tuple[str, str, str], ...]:
    """(duty, the matrix's mark, the legend's word) for each duty, in the legend's order."""
    marks, words_ = section_of(language, "duty_marks"), section_of(language, "duties")
    return tuple((key, marks[key], words_[key]) for key in marks)


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
    flag_label = section_of(model.language, "register_flags")
    flag_note = section_of(model.language, "register_flag_notes")
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
            f"{escape(flag_label[k])}</span>"
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
    legend = "".join(
        f'<dt><span class="dc-flag dc-flag-{k.replace("_", "-")}">'
        f"{escape(flag_label[k])}</span></dt><dd>{escape(flag_note[k])}</dd>"
        for k in FLAGS
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
    duty_words = _duty_words(model.language)
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
    legend = t["legend_sep"].join(
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

