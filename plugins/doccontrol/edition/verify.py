"""What ``doccontrol verify`` concludes about an edition (pure).

The signature adapter (:mod:`sign`) reports what the signature says; the command
reads the files next to the PDF and, given the repository, rebuilds the edition.
The functions here turn those facts into checks, each passed or failed with the
reason in words.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from doccontrol.edition.manifest import NAME, Signer, differences, parse_manifest


@dataclass(frozen=True)
class TimestampInfo:
    time: datetime | None
    sound: bool
    trusted: bool
    authority: str


@dataclass(frozen=True)
class SignatureReport:
    """What the signature of an edition says, and the unsigned edition inside it."""

    signatures: int
    signer: Signer | None = None
    sound: bool = False  # intact and cryptographically valid
    trusted: bool | None = None  # None: no trust anchor given
    entire_file: bool = False
    unmodified: bool = False
    certified: bool = False
    signing_time: datetime | None = None
    timestamp: TimestampInfo | None = None
    unsigned: bytes = b""
    attachments: dict[str, bytes] = field(default_factory=dict)
    final_attachments: dict[str, bytes] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Check:
    ok: bool
    message: str


_DATED = re.compile(r"(\d{4}-\d{2}-\d{2})")


def signature_checks(report: SignatureReport, trusting: bool) -> list[Check]:
    checks = [Check(False, p) for p in report.problems]
    if report.signatures != 1:
        return checks
    signer = report.signer
    who = f"{signer.name} (certificate SHA-256 {signer.certificate_sha256})" if signer else "?"
    checks.append(
        Check(report.sound, f"signature by {who} is intact" if report.sound else
              f"signature by {who} does not match the content: the file was changed after signing")
    )
    checks.append(
        Check(report.entire_file and report.unmodified,
              "the signature covers the whole file" if report.entire_file and report.unmodified
              else "the file holds changes made after it was signed")
    )
    if trusting:
        checks.append(
            Check(bool(report.trusted), "the signer chains to the trusted certificate" if report.trusted
                  else "the signer does not chain to any --trust certificate (signed with another key?)")
        )
    if report.timestamp is not None:
        ts = report.timestamp
        ok = ts.sound and (ts.trusted or not trusting)
        checks.append(
            Check(ok, f"timestamp {ts.time.isoformat() if ts.time else '?'} by {ts.authority}"
                  + ("" if ok else (" is not sound" if not ts.sound else " is not trusted by --trust")))
        )
    return checks


def manifest_checks(report: SignatureReport) -> tuple[list[Check], dict[str, Any] | None]:
    raw = report.attachments.get(NAME)
    if raw is None:
        return [Check(False, f"the edition carries no {NAME}")], None
    if report.final_attachments.get(NAME) != raw:
        return [Check(False, f"{NAME} was replaced after the edition was built")], None
    manifest, problems = parse_manifest(raw)
    if manifest is None:
        return [Check(False, p) for p in problems], None
    checks = [Check(True, f"{NAME}: edition of {manifest['date']}, commit {manifest['commit']}, "
                    f"{len(manifest['documents'])} documents")]
    named = manifest["signer"].get("certificate_sha256")
    if report.signer is not None:
        same = report.signer.certificate_sha256 == named
        checks.append(
            Check(same, "the manifest names the signing certificate" if same else
                  f"the manifest names certificate {named}, but the PDF is signed with "
                  f"{report.signer.certificate_sha256}: re-signed with another key")
        )
    return checks, manifest


def name_checks(file_name: str, folder_name: str, manifest: dict[str, Any]) -> list[Check]:
    """An edition named or filed for a date must be the edition of that date."""
    said = str(manifest.get("date"))
    checks = []
    for label, name in (("file name", file_name), ("folder", folder_name)):
        match = _DATED.search(name)
        if match and match.group(1) != said:
            checks.append(Check(False, f"the {label} {name} says {match.group(1)}, but this is the "
                                f"edition of {said}: an edition swapped for another"))
    return checks


def sums_checks(file_name: str, data: bytes, sums: str | None, records: list[dict[str, Any]],
                manifest: dict[str, Any]) -> list[Check]:
    """The SHA256SUMS and editions.json filed next to the PDF must describe this file."""
    digest = hashlib.sha256(data).hexdigest()
    checks = []
    if sums is not None:
        listed = {
            parts[1].lstrip("*"): parts[0].lower()
            for parts in (line.split(None, 1) for line in sums.splitlines())
            if len(parts) == 2
        }
        want = listed.get(file_name)
        if want is None:
            checks.append(Check(False, f"SHA256SUMS next to it does not list {file_name}"))
        else:
            checks.append(Check(want == digest, "SHA-256 matches SHA256SUMS" if want == digest else
                                f"SHA-256 {digest} is not the {want} that SHA256SUMS lists"))
    for record in records:
        if str(record.get("file", "")).rsplit("/", 1)[-1] != file_name:
            continue
        ok = record.get("sha256") == digest and record.get("date") == manifest.get("date")
        checks.append(Check(ok, "editions.json records this file" if ok else
                            f"editions.json records {file_name} as the edition of {record.get('date')} "
                            f"with SHA-256 {record.get('sha256')}, not this file"))
    return checks


def rebuild_checks(manifest: dict[str, Any], rebuilt_manifest: dict[str, Any],
                   unsigned: bytes, rebuilt: bytes, tag_commit: str | None, day: date) -> list[Check]:
    checks = []
    tag = f"edition/{day.isoformat()}"
    if tag_commit is None:
        checks.append(Check(False, f"the repository has no tag {tag}"))
    else:
        same = tag_commit == manifest.get("commit")
        checks.append(Check(same, f"tag {tag} points at the edition's commit" if same else
                            f"tag {tag} points at {tag_commit}, the edition says {manifest.get('commit')}"))
    diffs = differences(manifest, rebuilt_manifest)
    for diff in diffs:
        checks.append(Check(False, f"manifest differs from git: {diff}"))
    if unsigned == rebuilt:
        checks.append(Check(True, f"the signed content is byte for byte the edition rebuilt from git "
                            f"({len(rebuilt)} bytes)"))
    elif not diffs:
        checks.append(Check(False, "the signed content differs from the edition rebuilt from git "
                            f"({len(unsigned)} bytes signed, {len(rebuilt)} rebuilt)"))
    else:
        checks.append(Check(False, "the signed content is not the edition git gives"))
    return checks
