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
from doccontrol.model.messages import Message, msg


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
    problems: tuple[Message, ...] = ()


@dataclass(frozen=True)
class Check:
    """One conclusion of ``verify``: passed or failed, and why (``text``, either language)."""

    ok: bool
    text: Message

    @property
    def message(self) -> str:
        return self.text.render("en")


_DATED = re.compile(r"(\d{4}-\d{2}-\d{2})")


def signature_checks(report: SignatureReport, trusting: bool) -> list[Check]:
    checks = [Check(False, p) for p in report.problems]
    if report.signatures != 1:
        return checks
    signer = report.signer
    who: str | Message = (
        msg("verify.signer", name=signer.name, sha=signer.certificate_sha256) if signer else "?"
    )
    checks.append(
        Check(report.sound, msg("verify.intact" if report.sound else "verify.not-intact", who=who))
    )
    whole = report.entire_file and report.unmodified
    checks.append(Check(whole, msg("verify.whole-file" if whole else "verify.changed-after")))
    if trusting:
        checks.append(
            Check(bool(report.trusted), msg("verify.trusted" if report.trusted else "verify.untrusted"))
        )
    if report.timestamp is not None:
        ts = report.timestamp
        ok = ts.sound and (ts.trusted or not trusting)
        key = "verify.timestamp" if ok else (
            "verify.timestamp-unsound" if not ts.sound else "verify.timestamp-untrusted"
        )
        checks.append(
            Check(ok, msg(key, time=ts.time.isoformat() if ts.time else "?", authority=ts.authority))
        )
    return checks


def manifest_checks(report: SignatureReport) -> tuple[list[Check], dict[str, Any] | None]:
    raw = report.attachments.get(NAME)
    if raw is None:
        return [Check(False, msg("verify.no-manifest", name=NAME))], None
    if report.final_attachments.get(NAME) != raw:
        return [Check(False, msg("verify.manifest-replaced", name=NAME))], None
    manifest, problems = parse_manifest(raw)
    if manifest is None:
        return [Check(False, p) for p in problems], None
    checks = [Check(True, msg("verify.manifest", name=NAME, date=str(manifest["date"]),
                              commit=str(manifest["commit"]), documents=len(manifest["documents"])))]
    named = manifest["signer"].get("certificate_sha256")
    if report.signer is not None:
        same = report.signer.certificate_sha256 == named
        checks.append(
            Check(same, msg("verify.manifest-signer") if same else
                  msg("verify.manifest-other-signer", named=str(named),
                      signed=report.signer.certificate_sha256))
        )
    return checks, manifest


def name_checks(file_name: str, folder_name: str, manifest: dict[str, Any]) -> list[Check]:
    """An edition named or filed for a date must be the edition of that date."""
    said = str(manifest.get("date"))
    checks = []
    for key, name in (("verify.swapped-file", file_name), ("verify.swapped-folder", folder_name)):
        match = _DATED.search(name)
        if match and match.group(1) != said:
            checks.append(Check(False, msg(key, name=name, says=match.group(1), date=said)))
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
            checks.append(Check(False, msg("verify.sums-unlisted", name=file_name)))
        else:
            checks.append(Check(want == digest, msg("verify.sums-match") if want == digest else
                                msg("verify.sums-differ", digest=digest, listed=want)))
    for record in records:
        if str(record.get("file", "")).rsplit("/", 1)[-1] != file_name:
            continue
        ok = record.get("sha256") == digest and record.get("date") == manifest.get("date")
        checks.append(Check(ok, msg("verify.index-match") if ok else
                            msg("verify.index-differs", name=file_name, date=str(record.get("date")),
                                sha=str(record.get("sha256")))))
    return checks


def rebuild_checks(manifest: dict[str, Any], rebuilt_manifest: dict[str, Any],
                   unsigned: bytes, rebuilt: bytes, tag_commit: str | None, day: date) -> list[Check]:
    checks = []
    tag = f"edition/{day.isoformat()}"
    if tag_commit is None:
        checks.append(Check(False, msg("verify.no-tag", tag=tag)))
    else:
        same = tag_commit == manifest.get("commit")
        checks.append(Check(same, msg("verify.tag-match", tag=tag) if same else
                            msg("verify.tag-differs", tag=tag, tagged=tag_commit,
                                commit=str(manifest.get("commit")))))
    diffs = differences(manifest, rebuilt_manifest)
    for diff in diffs:
        checks.append(Check(False, msg("verify.manifest-differs", difference=diff)))
    if unsigned == rebuilt:
        checks.append(Check(True, msg("verify.rebuilt-same", bytes=len(rebuilt))))
    elif not diffs:
        checks.append(Check(False, msg("verify.rebuilt-differs", signed=len(unsigned), rebuilt=len(rebuilt))))
    else:
        checks.append(Check(False, msg("verify.not-git-edition")))
    return checks
