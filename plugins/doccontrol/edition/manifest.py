"""The manifest attached inside every edition: what it holds, by id, revision and git blob (pure).

It is JSON, written with sorted keys so that the same edition always gives the same
bytes, and it names the signer's certificate: a re-signing with another key no
longer matches it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from doccontrol.edition.plan import EditionDocument, EditionPlan
from doccontrol.model.messages import Message, msg

FORMAT = "doccontrol-edition/1"
NAME = "manifest.json"
TAG_PREFIX = "edition/"


@dataclass(frozen=True)
class Stamp:
    """What the visible signature draws on the cover: the seal's bytes (PNG or JPEG, from git at
    the edition's commit; empty for none) and the font file and face its text is set in."""

    seal: bytes
    font: str
    font_index: int


@dataclass(frozen=True)
class Signer:
    """Who signs: the signing certificate's common name, subject and SHA-256 fingerprint."""

    name: str
    subject: str
    certificate_sha256: str


def tag_name(day: date) -> str:
    return f"{TAG_PREFIX}{day.isoformat()}"


def pdf_name(day: date) -> str:
    return f"edition-{day.isoformat()}.pdf"


def manifest_dict(
    plan: EditionPlan, signer: Signer, tools: dict[str, str], fonts: list[dict[str, str]] | None = None
) -> dict[str, Any]:
    """The manifest: the plan's documents, the signer, the toolchain's versions and the font files."""
    return {
        "format": FORMAT,
        "organisation": plan.organisation,
        "date": plan.date.isoformat(),
        "tag": tag_name(plan.date),
        "commit": plan.commit,
        "committed": plan.committed.isoformat(),
        "baseline": plan.baseline,
        "signer": {
            "name": signer.name,
            "subject": signer.subject,
            "certificate_sha256": signer.certificate_sha256,
        },
        "documents": [
            {
                "id": d.id,
                "title": d.title,
                "type": d.type.key,
                "revision": d.revision,
                "issued": d.issued.isoformat(),
                "effective": d.effective.isoformat(),
                "approvers": list(d.approvers),
                "commit": d.commit,
                "files": [{"path": p, "blob": b} for p, b in d.files],
            }
            | _signatures(d)
            for d in plan.documents
        ],
        "generator": dict(sorted(tools.items())),
        "fonts": sorted(fonts or [], key=lambda f: (f["family"], f["file"], f["index"])),
    }


def _signatures(doc: EditionDocument) -> dict[str, Any]:
    """Whether the revision's approvals were signature-verified, where that is checked."""
    if doc.signature_keys is None:
        return {}
    return {
        "signature_verified": all(doc.signature_keys),
        "signature_keys": [k for k in dict.fromkeys(doc.signature_keys) if k],
    }


def manifest_bytes(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")


REQUIRED = ("format", "organisation", "date", "tag", "commit", "signer", "documents")


def parse_manifest(raw: bytes) -> tuple[dict[str, Any] | None, list[Message]]:
    """The manifest as data, or what is wrong with it."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, [msg("manifest.not-json", reason=str(exc))]
    if not isinstance(data, dict):
        return None, [msg("manifest.not-object")]
    problems = [msg("manifest.missing", field=key) for key in REQUIRED if key not in data]
    if data.get("format") not in (None, FORMAT):
        problems.append(msg("manifest.format", found=repr(data.get("format")), expected=repr(FORMAT)))
    try:
        day = date.fromisoformat(str(data.get("date")))
        if data.get("tag") != tag_name(day):
            problems.append(msg("manifest.tag", tag=repr(data.get("tag")), date=str(day)))
    except ValueError:
        problems.append(msg("manifest.date", date=repr(data.get("date"))))
    signer = data.get("signer")
    if not isinstance(signer, dict) or not isinstance(signer.get("certificate_sha256"), str):
        problems.append(msg("manifest.no-signer"))
    documents = data.get("documents")
    if not isinstance(documents, list) or not all(
        isinstance(d, dict) and isinstance(d.get("id"), str) and isinstance(d.get("revision"), str)
        for d in documents
    ):
        problems.append(msg("manifest.documents"))
    return (data if not problems else None), problems


def differences(have: dict[str, Any], want: dict[str, Any]) -> list[Message]:
    """What differs between an edition's manifest and the one git gives, in words."""
    out: list[Message] = []
    for key in ("organisation", "date", "commit", "committed", "tag"):
        if have.get(key) != want.get(key):
            out.append(msg("manifest.field-differs", field=key, edition=repr(have.get(key)),
                           git=repr(want.get(key))))
    if have.get("signer") != want.get("signer"):
        out.append(msg("manifest.signer-differs"))
    have_docs = {d.get("id"): d for d in have.get("documents", []) if isinstance(d, dict)}
    want_docs = {d.get("id"): d for d in want.get("documents", []) if isinstance(d, dict)}
    for doc_id in sorted(set(have_docs) | set(want_docs), key=str):
        h, w = have_docs.get(doc_id), want_docs.get(doc_id)
        if h is None:
            out.append(msg("manifest.doc-missing", id=str(doc_id)))
        elif w is None:
            out.append(msg("manifest.doc-extra", id=str(doc_id)))
        elif h != w:
            fields = sorted(k for k in set(h) | set(w) if h.get(k) != w.get(k))
            details: list[Message] = [
                msg("manifest.doc-field", field=k, edition=repr(h.get(k)), git=repr(w.get(k)))
                for k in fields if k != "files"
            ]
            if "files" in fields:
                details.append(msg("manifest.doc-blobs"))
            out.append(msg("manifest.doc-differs", id=str(doc_id), details=tuple(details)))
    made, rebuilt = have.get("generator") or {}, want.get("generator") or {}
    if isinstance(made, dict) and isinstance(rebuilt, dict):
        for tool in sorted(set(made) | set(rebuilt)):
            if made.get(tool) != rebuilt.get(tool):
                out.append(msg("manifest.tool-differs", tool=tool,
                               made=str(made.get(tool) or "none"), here=str(rebuilt.get(tool) or "none")))
    elif made != rebuilt:
        out.append(msg("manifest.generator-differs", made=str(made), here=str(rebuilt)))
    out += _font_differences(have.get("fonts"), want.get("fonts"))
    return out


def _font_differences(have: Any, want: Any) -> list[Message]:
    """Which font file differs, by family and file name, in words."""
    if have == want:
        return []
    if not isinstance(have, list) or not isinstance(want, list):
        return [msg("manifest.fonts-differ", edition=repr(have), here=repr(want))]

    def keyed(rows: list[Any]) -> dict[tuple[str, str], str]:
        return {(str(r.get("family")), f"{r.get('file')}#{r.get('index')}"): str(r.get("sha256"))
                for r in rows if isinstance(r, dict)}

    made, rebuilt = keyed(have), keyed(want)
    out: list[Message] = []
    for family, file in sorted(set(made) | set(rebuilt)):
        a, b = made.get((family, file)), rebuilt.get((family, file))
        if a is None:
            out.append(msg("manifest.font-extra", family=family, file=file))
        elif b is None:
            out.append(msg("manifest.font-missing", family=family, file=file))
        elif a != b:
            out.append(msg("manifest.font-differs", family=family, file=file, edition=a, here=b))
    return out
