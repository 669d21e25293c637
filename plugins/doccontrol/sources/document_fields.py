"""Front matter to :class:`~doccontrol.model.documents.Document`, checking every field of ARCHITECTURE.md §3."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from doccontrol.model.documents import (
    ID_PATTERN,
    Chapter,
    Document,
    DocumentType,
    parse_retention,
)
from doccontrol.model.findings import Finding, error, warning
from doccontrol.sources.clause_sets import normalise_clause
from doccontrol.sources.config import Config, RevisionScheme
from doccontrol.sources.front_matter import MarkdownText
from doccontrol.sources.register_fields import FIELDS as REGISTER_FIELDS
from doccontrol.sources.register_fields import FORM_ONLY, register_fields
from doccontrol.sources.yaml_positions import item_line, line_of

REQUIRED = ("id", "title", "type", "owner", "approvers")
OPTIONAL = (
    "edition",
    "effective",
    "review",
    "clauses",
    "references",
    "records",
    "status",
    "retention",
    "storage",
    "reviewers",
    "replaced_by",
    *REGISTER_FIELDS,
)

# Values git decides. Typing them by hand would let a file claim an approval it
# never had, so each is an error that says where the value really comes from.
CONTROL_FIELDS = {
    "version": "the revision (A/0, A/1 …) is counted from approved changes on main",
    "revision": "the revision (A/0, A/1 …) is counted from approved changes on main",
    "rev": "the revision (A/0, A/1 …) is counted from approved changes on main",
    "approved_by": "the approver is whoever merged the change (or its Approved-by trailers)",
    "approver": "the approver is whoever merged the change (or its Approved-by trailers)",
    "approved": "approval is the merge of the change into main by an approver",
    "approval_date": "the approval date is the date of the approving merge on main",
    "approved_on": "the approval date is the date of the approving merge on main",
    "issued": "the issue date is the date of the approving merge on main",
    "issue_date": "the issue date is the date of the approving merge on main",
    "date": "the issue date is the date of the approving merge on main",
    "published": "the issue date is the date of the approving merge on main",
    "effective_date": "write 'effective: YYYY-MM-DD' only to delay a revision; "
    "otherwise the approval date is the effective date",
}

_EDITION = re.compile(r"^[A-Z]$")


def own_field(key: str, config: Config) -> bool:
    """The organisation's own key (``fields:`` or ``x-…``): kept, never checked or shown."""
    return key.startswith("x-") or key in config.fields


def parse_date(value: Any) -> date | None:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _str_list(
    meta: Any, key: str, path: str, findings: list[Finding], *, allow_scalar: bool = True
) -> tuple[str, ...]:
    value = meta.get(key)
    line = line_of(meta, key, 1)
    if value is None:
        return ()
    if isinstance(value, str) and allow_scalar:
        return (value.strip(),)
    if not isinstance(value, list):
        findings.append(
            error(path, line, "field-type", f"'{key}' must be a list, like {key}: [X, Y]")
        )
        return ()
    items: list[str] = []
    for i, item in enumerate(value):
        if isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item).strip():
            items.append(str(item).strip())
        else:
            findings.append(
                error(
                    path,
                    item_line(value, i, line),
                    "field-type",
                    f"'{key}' item {i + 1} must be a plain name or id, not {item!r}",
                )
            )
    return tuple(items)


_EXAMPLES = {
    "title": "title: 文件控制程序",
    "owner": "owner: 质量部",
    "approvers": "approvers: [管理者代表]",
}


def _example(key: str, meta: Any, config: Config) -> str:
    """A front-matter line that would fill in the required field ``key``.

    The id and the type suggest each other: an SM id asks for ``type: manual``,
    a record form for a QR id.
    """
    if key == "id":
        given = meta.get("type")
        named = config.types.get(given) if isinstance(given, str) else None
        doc_type = named or _usual_type(config)
        return f"id: {doc_type.prefix}-01"
    if key == "type":
        match = ID_PATTERN.match(str(meta.get("id", "")).strip())
        by_prefix = config.type_for_prefix(match["prefix"]) if match else None
        return f"type: {(by_prefix or _usual_type(config)).key}"
    return _EXAMPLES[key]


def _usual_type(config: Config) -> DocumentType:
    """The type an example suggests when nothing else does: a procedure, or the first type."""
    return next(iter(config.types.procedures), config.types.types[0])


def document_from_markdown(
    parsed: MarkdownText, config: Config, chapters: tuple[Chapter, ...], folder: str | None
) -> tuple[Document | None, list[Finding]]:
    """Build a Document from a file's front matter; None when a required field is unusable."""
    meta = parsed.meta
    assert meta is not None
    path = parsed.path
    findings: list[Finding] = []
    top = meta.line

    for key in meta:
        line = line_of(meta, key, top)
        if key in CONTROL_FIELDS:
            findings.append(
                error(
                    path,
                    line,
                    "control-field",
                    f"'{key}' must not be typed: {CONTROL_FIELDS[key]}; remove this line",
                )
            )
        elif key not in REQUIRED and key not in OPTIONAL and not own_field(key, config):
            findings.append(
                warning(
                    path,
                    line,
                    "unknown-field",
                    f"unknown front-matter field '{key}'; known fields are "
                    + ", ".join(REQUIRED + OPTIONAL)
                    + f"; for a field of your own, list it under the doc-control option "
                    f"'fields' or name it x-{key}",
                )
            )

    missing = [k for k in REQUIRED if meta.get(k) in (None, "", [])]
    for key in missing:
        findings.append(
            error(
                path,
                top,
                "missing-field",
                f"required field '{key}' is missing or empty; add a line like "
                f"'{_example(key, meta, config)}' to the front matter"
                + ("; types are " + ", ".join(config.types.keys) if key == "type" else ""),
            )
        )

    def text_field(key: str) -> str | None:
        value = meta.get(key)
        if value is None or key in missing:
            return None
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return str(value).strip()
        findings.append(
            error(
                path, line_of(meta, key, top), "field-type", f"'{key}' must be a single text value"
            )
        )
        return None

    doc_id = text_field("id")
    title = text_field("title")
    owner = text_field("owner")
    type_text = text_field("type")
    approvers = _str_list(meta, "approvers", path, findings) if "approvers" not in missing else ()

    doc_type: DocumentType | None = None
    if type_text is not None:
        doc_type = config.types.get(type_text)
        if doc_type is None:
            findings.append(
                error(
                    path,
                    line_of(meta, "type", top),
                    "unknown-type",
                    f"type '{type_text}' is not a document type; use one of "
                    + ", ".join(config.types.keys)
                    + " (or define it under 'types' in mkdocs.yml)",
                )
            )

    if doc_id is not None:
        match = ID_PATTERN.match(doc_id)
        id_line = line_of(meta, "id", top)
        if not match:
            expected = f"{config.prefix(doc_type)}-01" if doc_type else "QP-01"
            findings.append(
                error(
                    path,
                    id_line,
                    "bad-id",
                    f"id '{doc_id}' is not of the form PREFIX-NN or PREFIX-NN-NN: write it "
                    f"like {expected} (capital letters, a hyphen, at least two digits)",
                )
            )
        elif doc_type is not None and match["prefix"] != config.prefix(doc_type):
            findings.append(
                error(
                    path,
                    id_line,
                    "id-prefix",
                    f"id '{doc_id}' has prefix {match['prefix']}, but documents of type "
                    f"{doc_type.key} use {config.prefix(doc_type)} (e.g. "
                    f"{config.prefix(doc_type)}-{match['num']}); change the id or the type",
                )
            )

    edition = "A" if config.revisions is RevisionScheme.LETTER else "1"
    if "edition" in meta:
        raw = str(meta["edition"]).strip()
        ok = (
            bool(_EDITION.match(raw))
            if config.revisions is RevisionScheme.LETTER
            else raw.isdigit() and int(raw) >= 1
        )
        if ok:
            edition = raw
        else:
            findings.append(
                error(
                    path,
                    line_of(meta, "edition", top),
                    "bad-edition",
                    f"edition '{raw}' must be "
                    + (
                        "one capital letter (A, B, …)"
                        if config.revisions is RevisionScheme.LETTER
                        else "a whole number (1, 2, …)"
                    ),
                )
            )

    effective = None
    if "effective" in meta:
        effective = parse_date(meta["effective"])
        if effective is None:
            findings.append(
                error(
                    path,
                    line_of(meta, "effective", top),
                    "bad-date",
                    f"effective date {meta['effective']!r} is not a real date; "
                    "write it as YYYY-MM-DD, e.g. effective: 2026-12-01",
                )
            )

    review_months = None
    if "review" in meta:
        value = meta["review"]
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            review_months = value
        else:
            findings.append(
                error(
                    path,
                    line_of(meta, "review", top),
                    "field-type",
                    f"review must be a whole number of months (e.g. review: 12), not {value!r}",
                )
            )

    withdrawn = False
    if "status" in meta:
        status = meta["status"]
        if status == "withdrawn":
            withdrawn = True
        else:
            findings.append(
                error(
                    path,
                    line_of(meta, "status", top),
                    "control-field",
                    f"status '{status}' must not be typed: current, pending and draft come from "
                    "git; the only value allowed is 'status: withdrawn' (作废)",
                )
            )

    retention = None
    storage = None
    if "retention" in meta:
        retention = parse_retention(str(meta["retention"]))
        if retention is None:
            findings.append(
                error(
                    path,
                    line_of(meta, "retention", top),
                    "bad-retention",
                    f"retention {meta['retention']!r} is not a period: write a number of months "
                    "or years, like 18m or 3y, or 'permanent'",
                )
            )
    if "storage" in meta:
        storage = text_field("storage")
    if doc_type is not None and doc_type.record_form:
        for key in ("retention", "storage"):
            if key not in meta:
                findings.append(
                    error(
                        path,
                        top,
                        "missing-field",
                        f"record forms need '{key}' (保存期限 / 保存地点); add e.g. "
                        + ("retention: 3y" if key == "retention" else "storage: 质量部档案室"),
                    )
                )
    elif doc_type is not None:
        for key in ("retention", "storage", *FORM_ONLY):
            if key in meta:
                findings.append(
                    warning(
                        path,
                        line_of(meta, key, top),
                        "field-not-used",
                        f"'{key}' applies to record forms only; it is ignored on a "
                        f"{doc_type.key}: remove it",
                    )
                )

    reviewers = _str_list(meta, "reviewers", path, findings)
    replaced_by = text_field("replaced_by") if "replaced_by" in meta else None
    if replaced_by is not None and not withdrawn:
        findings.append(
            warning(
                path,
                line_of(meta, "replaced_by", top),
                "field-not-used",
                "'replaced_by' names the document that replaces a withdrawn one; it is "
                "ignored unless the document says 'status: withdrawn': remove it, or "
                "withdraw the document in the same change",
            )
        )
    listed = register_fields(meta, doc_type, path, top, findings)
    clauses = tuple(normalise_clause(c) for c in _str_list(meta, "clauses", path, findings))
    references = _str_list(meta, "references", path, findings)
    records = _str_list(meta, "records", path, findings)

    if doc_id is None or title is None or owner is None or doc_type is None or not approvers:
        return None, findings
    document = Document(
        id=doc_id,
        title=title,
        type=doc_type,
        owner=owner,
        approvers=approvers,
        path=path,
        body=parsed.body,
        body_line=parsed.body_line,
        folder=folder,
        chapters=chapters,
        edition=edition,
        effective=effective,
        review_months=review_months,
        clauses=clauses,
        references=references,
        records=records,
        withdrawn=withdrawn,
        reviewers=reviewers,
        replaced_by=replaced_by,
        retention=retention,
        storage=storage,
        distribution=listed.distribution,
        keeper=listed.keeper,
        medium=listed.medium,
        disposal=listed.disposal,
        publish=listed.publish,
        field_lines=tuple(meta.lines.items()),
        own_fields=tuple((k, meta[k]) for k in meta if own_field(str(k), config)),
    )
    return document, findings
