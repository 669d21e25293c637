"""``doccontrol verify``: is this PDF the signed edition git says it is? Exit 0 only if so."""

from __future__ import annotations

import sys
from contextlib import suppress
from datetime import date
from pathlib import Path

from doccontrol.cli.language import cli_language, say
from doccontrol.edition import store
from doccontrol.edition.build import EditionRefused, build_edition
from doccontrol.edition.manifest import Signer, tag_name
from doccontrol.edition.sign import inspect, load_trust
from doccontrol.edition.verify import (
    Check,
    manifest_checks,
    name_checks,
    rebuild_checks,
    signature_checks,
    sums_checks,
)
from doccontrol.history import trees as git_objects
from doccontrol.model.errors import DocControlError, UsageError
from doccontrol.model.findings import Finding
from doccontrol.model.messages import Message, msg
from doccontrol.project.mkdocs_yml import read_mkdocs_yml


def _neighbours(pdf: Path) -> tuple[str | None, list[dict[str, object]]]:
    sums_file = pdf.parent / store.SUMS
    try:
        sums = sums_file.read_text("utf-8") if sums_file.is_file() else None
    except (OSError, UnicodeDecodeError):
        sums = ""
    return sums, store.read_index(pdf.parent)


def verify_checks(pdf: Path, trust: list[Path], repo: Path | None) -> list[Check]:
    try:
        data = pdf.read_bytes()
    except OSError as exc:
        raise UsageError(msg("cli.verify.unreadable", reason=str(exc.strerror)), str(pdf)) from None
    anchors = load_trust(trust)
    report = inspect(data, anchors)
    checks = signature_checks(report, bool(anchors))
    if report.signatures != 1 or report.problems:
        return checks
    found, manifest = manifest_checks(report)
    checks += found
    if manifest is None:
        return checks
    checks += name_checks(pdf.name, pdf.parent.name, manifest)
    sums, records = _neighbours(pdf)
    checks += sums_checks(pdf.name, data, sums, records, manifest)
    if repo is None:
        return checks
    day = date.fromisoformat(manifest["date"])
    signer = report.signer
    if signer is None:
        return [*checks, Check(False, msg("verify.no-signer"))]
    tag_commit = git_objects.tag_target(repo, tag_name(day))
    try:
        rebuilt = build_edition(repo, day, Signer(signer.name, signer.subject, signer.certificate_sha256))
    except EditionRefused as exc:
        checks.append(Check(False, msg("verify.refused", date=str(day),
                                       findings=tuple(_finding_text(f) for f in exc.findings))))
        return checks
    except DocControlError as exc:
        checks.append(Check(False, msg("verify.not-rebuilt", reason=_error_text(exc))))
        return checks
    checks += rebuild_checks(manifest, rebuilt.manifest, report.unsigned, rebuilt.pdf, tag_commit, day)
    return checks


def _finding_text(finding: Finding) -> Message:
    return msg("verify.finding", path=finding.path, line=finding.line, severity=finding.severity.value,
               code=finding.code, text=finding.text)


def _error_text(exc: DocControlError) -> Message:
    if not exc.path:
        return exc.text
    return msg("verify.located", path=exc.path, line=exc.line or 1, text=exc.text)


def verify(pdf: Path, trust: list[Path], repo: Path | None) -> int:
    if repo is not None:
        # A repository that cannot be read is a verdict of the rebuild below, not an error here.
        with suppress(DocControlError):
            cli_language(read_mkdocs_yml(repo).language)
    checks = verify_checks(pdf, trust, repo)
    language = cli_language()
    for check in checks:
        print(f"{'ok  ' if check.ok else 'FAIL'}  {check.text.render(language)}")
    if not trust:
        print(f"note  {say(msg('cli.verify.no-trust'))}")
    if repo is None:
        print(f"note  {say(msg('cli.verify.no-repo'))}")
    good = bool(checks) and all(c.ok for c in checks)
    print(f"doccontrol: {say(msg('cli.verify.verifies' if good else 'cli.verify.fails', pdf=str(pdf)))}",
          file=sys.stderr)
    return 0 if good else 1
