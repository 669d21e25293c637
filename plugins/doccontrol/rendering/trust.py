"""What each approval rests on, as text: ``doccontrol check --explain-trust`` (issue 12, rule 15).

An auditor trusts an approval read from git only as far as what recorded it can
be trusted: a merge by a listed person (branch protection keeps others from
merging), a sign-off commit, a trailer its approver recorded, a forge-written
trailer (where the config trusts the forge), or the baseline tag.
"""

from __future__ import annotations

from doccontrol.model.messages import Message, joined, msg
from doccontrol.rules.approval import Basis, Ground
from doccontrol.rules.control import ControlState


def _ground(ground: Ground) -> Message:
    """What one approval rests on, its signature included (issue 17)."""
    described = ground.basis.describe(ground.commit)
    if ground.basis is Basis.BASELINE:
        key = "trust.ground"
    elif ground.key:
        key = "trust.ground.forge-signed" if ground.basis is Basis.FORGE_TRAILER else "trust.ground.signed"
    elif ground.key == "":
        key = "trust.ground.unverified"
    else:
        key = "trust.ground.unchecked"
    return msg(key, person=ground.person, basis=described, key_id=ground.key or "")


def trust_lines(control: ControlState, language: str = "en") -> list[str]:
    """One line per revision, in force or in history, of every document."""
    lines: list[str] = []
    for doc in control.documents:
        for revision in doc.revisions:
            grounds = (
                joined(_ground(g) for g in revision.grounds)
                if revision.grounds
                else msg("trust.no-record")
            )
            lines.append(
                msg(
                    "trust.line",
                    doc=doc.id,
                    revision=revision.label,
                    issued=str(revision.issued),
                    commit=revision.commit[:8],
                    grounds=grounds,
                ).render(language)
            )
    return lines


def trust_records(control: ControlState, language: str = "en") -> list[dict[str, object]]:
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
                    "explanation": ground.basis.describe(ground.commit).render(language),
                }
                for ground in revision.grounds
            ],
        }
        for doc in control.documents
        for revision in doc.revisions
    ]


def trust_annotations(control: ControlState, language: str = "en") -> list[str]:
    """``--format github``: every line in a folded log group, and a notice annotation
    on each revision whose approval rests on forge-written trailers.

    GitHub shows only a few annotations per step, so the full account goes to the
    log; the annotations point at what rests on the config rather than on git.
    """
    lines = ["::group::" + msg("trust.group").render(language)]
    lines.extend(_command_text(line) for line in trust_lines(control, language))
    lines.append("::endgroup::")
    for doc in control.documents:
        for revision in doc.revisions:
            forged = [g for g in revision.grounds if g.basis is Basis.FORGE_TRAILER]
            if not forged:
                continue
            message = msg(
                "trust.forge-notice",
                doc=doc.id,
                revision=revision.label,
                commit=revision.commit[:8],
                grounds=joined(msg("trust.ground", person=g.person, basis=g.basis.describe(g.commit), key_id="")
                               for g in forged),
            ).render(language)
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
