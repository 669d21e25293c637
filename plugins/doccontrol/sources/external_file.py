"""records/external.yml, the register of documents of external origin (外来文件清单)."""

from __future__ import annotations

from doccontrol.model.documents import EXTERNAL_PREFIX, ID_PATTERN, ExternalDocument
from doccontrol.model.findings import Finding, error
from doccontrol.sources.document_fields import parse_date
from doccontrol.sources.yaml_positions import PosDict, PosList, item_line, line_of, load_yaml

FIELDS = ("id", "title", "number", "version", "source", "holder", "checked", "status")

# 有效 / 已替代: whether the version held is the one its issuer has in force.
_STATUS = {"valid": False, "有效": False, "superseded": True, "已替代": True}


def parse_external(path: str, text: str) -> tuple[tuple[ExternalDocument, ...], list[Finding]]:
    data, problem = load_yaml(text)
    if problem:
        return (), [error(path, problem.line, problem.code or "external-yaml", problem.text)]
    if data is None:
        return (), []
    if not isinstance(data, PosDict) or not isinstance(data.get("documents"), PosList):
        return (), [
            error(
                path,
                1,
                "external-invalid",
                "external documents file must hold 'documents:' with a list of entries "
                "(id, title, number, version, source, holder, checked)",
            )
        ]
    items = data["documents"]
    findings: list[Finding] = []
    docs: list[ExternalDocument] = []
    for i, entry in enumerate(items):
        line = item_line(items, i, 1)
        if not isinstance(entry, PosDict):
            findings.append(
                error(
                    path, line, "external-invalid", "each entry must be a mapping with id and title"
                )
            )
            continue
        doc_id = str(entry.get("id", "")).strip()
        title = str(entry.get("title", "")).strip()
        match = ID_PATTERN.match(doc_id)
        if not match or match["prefix"] != EXTERNAL_PREFIX:
            findings.append(
                error(
                    path,
                    line_of(entry, "id", line),
                    "bad-id",
                    f"external document id {doc_id!r} must look like {EXTERNAL_PREFIX}-01",
                )
            )
            continue
        if not title:
            findings.append(error(path, line, "missing-field", f"{doc_id} needs a 'title'"))
            continue
        for key in entry:
            if key not in FIELDS:
                findings.append(
                    error(
                        path,
                        line_of(entry, key, line),
                        "unknown-field",
                        f"unknown field '{key}' on {doc_id}; fields are " + ", ".join(FIELDS),
                    )
                )
        checked = None
        if entry.get("checked") is not None:
            checked = parse_date(entry["checked"])
            if checked is None:
                findings.append(
                    error(
                        path,
                        line_of(entry, "checked", line),
                        "bad-date",
                        f"'checked' of {doc_id} is {entry['checked']!r}, which is not a real "
                        "date; write the date it was last checked as YYYY-MM-DD, "
                        "e.g. checked: 2026-09-15",
                    )
                )
        superseded = False
        if entry.get("status") is not None:
            given = str(entry["status"]).strip()
            if given not in _STATUS:
                findings.append(
                    error(
                        path,
                        line_of(entry, "status", line),
                        "bad-external-status",
                        f"'status' of {doc_id} is {given!r}; write 'valid' (有效) or "
                        "'superseded' (已替代, the issuer has replaced the version held)",
                    )
                )
            superseded = _STATUS.get(given, False)
        docs.append(
            ExternalDocument(
                id=doc_id,
                title=title,
                line=line,
                number=str(entry.get("number", "") or ""),
                version=str(entry.get("version", "") or ""),
                source=str(entry.get("source", "") or ""),
                holder=str(entry.get("holder", "") or ""),
                checked=checked,
                superseded=superseded,
            )
        )
    return tuple(docs), findings
