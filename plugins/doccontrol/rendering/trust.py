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
