"""What each approval rests on, as text: ``doccontrol check --explain-trust`` (issue 12, rule 15).

An auditor trusts an approval read from git only as far as what recorded it can
be trusted: a merge by a listed person (branch protection keeps others from
merging), a sign-off commit, a trailer its approver recorded, a forge-written
trailer (where the config trusts the forge), or the baseline tag.
"""

from __future__ import annotations

from doccontrol.rules.approval import Basis, Ground
from doccontrol.rules.control import ControlState


def _signature(ground: Ground) -> str:
    """What the approval rests on besides git's identities (issue 17)."""
    if ground.basis is Basis.BASELINE:
        return ""
    if ground.key:
        what = "forge signature" if ground.basis is Basis.FORGE_TRAILER else "verified signature"
        return f", with a {what} {ground.key}"
    if ground.key == "":
        return ", on the committer identity alone: its signature did not verify (signatures: warn)"
    return ", on the committer identity alone (signatures: off)"


def trust_lines(control: ControlState) -> list[str]:
    """One line per revision, in force or in history, of every document."""
    lines: list[str] = []
    for doc in control.documents:
        for revision in doc.revisions:
            grounds = "; ".join(
                f"{ground.person}: {ground.basis.describe(ground.commit)}{_signature(ground)}"
                for ground in revision.grounds
            )
            lines.append(
                f"{doc.id} {revision.label} ({revision.issued}, commit {revision.commit[:8]}): "
                + (grounds or "no record of what the approval rests on")
            )
    return lines


def trust_records(control: ControlState) -> list[dict[str, object]]:
    """The same, as data: ``check --explain-trust --format json`` puts it under ``trust``."""
    return [
        {
            "document": doc.id,
            "revision": revision.label,
            "commit": revision.commit,
            "issued": revision.issued.isoformat(),
            "approvals": [
                {
                    "person": ground.person,
                    "basis": ground.basis.value,
                    "commit": ground.commit,
                    "explanation": ground.basis.describe(ground.commit),
                }
                for ground in revision.grounds
            ],
        }
        for doc in control.documents
        for revision in doc.revisions
    ]


def trust_annotations(control: ControlState) -> list[str]:
    """``--format github``: every line in a folded log group, and a notice annotation
    on each revision whose approval rests on forge-written trailers.

    GitHub shows only a few annotations per step, so the full account goes to the
    log; the annotations point at what rests on the config rather than on git.
    """
    lines = ["::group::What each approval rests on (doccontrol --explain-trust)"]
    lines.extend(_command_text(line) for line in trust_lines(control))
    lines.append("::endgroup::")
    for doc in control.documents:
        for revision in doc.revisions:
            forged = [g for g in revision.grounds if g.basis is Basis.FORGE_TRAILER]
            if not forged:
                continue
            message = (
                f"{doc.id} {revision.label} (commit {revision.commit[:8]}) rests on "
                + "; ".join(f"{g.person}: {g.basis.describe(g.commit)}" for g in forged)
            )
            lines.append(
                f"::notice file={_property(revision.path)},line=1,"
                f"title=approval-rests-on-forge-trailer::{_command_text(message)}"
            )
    return lines


def _command_text(text: str) -> str:
    # A log line starting with "::" would be read as a workflow command.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _command_text(value).replace(":", "%3A").replace(",", "%2C")
