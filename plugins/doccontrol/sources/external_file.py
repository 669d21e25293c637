"""records/external.yml, the register of documents of external origin (外来文件清单)."""

from __future__ import annotations

from doccontrol.model.documents import EXTERNAL_PREFIX, ID_PATTERN, ExternalDocument
from doccontrol.model.findings import Finding, error
from doccontrol.model.messages import msg
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
                msg("external-invalid"),
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
                    path, line, "external-invalid", msg("external-invalid.entry")
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
                    msg("bad-id.external", id=repr(doc_id), prefix=EXTERNAL_PREFIX),
                )
            )
            continue
        if not title:
            findings.append(error(path, line, "missing-field", msg("missing-field.external-title", id=doc_id)))
            continue
        for key in entry:
            if key not in FIELDS:
                findings.append(
                    error(
                        path,
                        line_of(entry, key, line),
                        "unknown-field",
                        msg("unknown-field.external", field=str(key), id=doc_id, known=", ".join(FIELDS)),
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
                        msg("bad-date.checked", id=doc_id, value=repr(entry["checked"])),
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
                        msg("bad-external-status", id=doc_id, value=repr(given)),
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
