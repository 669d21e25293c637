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
from doccontrol.model.messages import msg
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
# Each names the catalog entry that says where the value comes from.
CONTROL_FIELDS = {
    "version": "control-field.revision",
    "revision": "control-field.revision",
    "rev": "control-field.revision",
    "approved_by": "control-field.approver",
    "approver": "control-field.approver",
    "approved": "control-field.approved",
    "approval_date": "control-field.approval-date",
    "approved_on": "control-field.approval-date",
    "issued": "control-field.issued",
    "issue_date": "control-field.issued",
    "date": "control-field.issued",
    "published": "control-field.issued",
    "effective_date": "control-field.effective",
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
            error(path, line, "field-type", msg("field-type.list", field=key))
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
                    msg("field-type.item", field=key, number=i + 1, value=repr(item)),
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
                    msg("control-field", field=key, reason=msg(CONTROL_FIELDS[key])),
                )
            )
        elif key not in REQUIRED and key not in OPTIONAL and not own_field(key, config):
            findings.append(
                warning(
                    path,
                    line,
                    "unknown-field",
                    msg("unknown-field", field=key, known=", ".join(REQUIRED + OPTIONAL)),
                )
            )

    missing = [k for k in REQUIRED if meta.get(k) in (None, "", [])]
    for key in missing:
        findings.append(
            error(
                path,
                top,
                "missing-field",
                msg("missing-field.type", example=_example(key, meta, config),
                    types=", ".join(config.types.keys))
                if key == "type"
                else msg("missing-field", field=key, example=_example(key, meta, config)),
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
                path, line_of(meta, key, top), "field-type", msg("field-type.text", field=key)
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
                    msg("unknown-type", type=type_text, types=", ".join(config.types.keys)),
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
                    msg("bad-id", id=doc_id, expected=expected),
                )
            )
        elif doc_type is not None and match["prefix"] != config.prefix(doc_type):
            findings.append(
                error(
                    path,
                    id_line,
                    "id-prefix",
                    msg("id-prefix", id=doc_id, prefix=match["prefix"], type=doc_type.key,
                        expected=config.prefix(doc_type), num=match["num"]),
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
                    msg(
                        "bad-edition.letter"
                        if config.revisions is RevisionScheme.LETTER
                        else "bad-edition.number",
                        value=str(raw),
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
                    msg("bad-date.effective", value=repr(meta["effective"])),
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
                    msg("field-type.review", value=repr(value)),
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
                    msg("control-field.status", status=str(status)),
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
                    msg("bad-retention", value=repr(meta["retention"])),
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
                        msg("missing-field.retention" if key == "retention" else "missing-field.storage"),
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
                        msg("field-not-used", field=key, type=doc_type.key),
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
                msg("field-not-used.replaced-by"),
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
