"""What each approval rests on, as text: ``doccontrol check --explain-trust`` (issue 12, rule 15).

An auditor trusts an approval read from git only as far as what recorded it can
be trusted: a merge by a listed person (branch protection keeps others from
merging), a sign-off commit, a trailer its approver recorded, a forge-written
trailer (where the config trusts the forge), or the baseline tag.
"""

from __future__ import annotations

from doccontrol.rules.control import ControlState


def trust_lines(control: ControlState) -> list[str]:
    """One line per revision, in force or in history, of every document."""
    lines: list[str] = []
    for doc in control.documents:
        for revision in doc.revisions:
            grounds = "; ".join(
                f"{ground.person}: {ground.basis.describe(ground.commit)}"
                for ground in revision.grounds
            )
            lines.append(
                f"{doc.id} {revision.label} ({revision.issued}, commit {revision.commit[:8]}): "
                + (grounds or "no record of what the approval rests on")
            )
    return lines
