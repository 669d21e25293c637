"""The 作废文件 register's rows: each withdrawn document, with the change that withdrew it (pure).

The control state knows the withdrawal date; who approved it and why are read from the
approving change on the release branch: the merger (or the ``Approved-by`` names) and
the merge message's description.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from doccontrol.model.documents import Roles
from doccontrol.model.history import ChangeEvent, History
from doccontrol.registers.rows import RegisterRow
from doccontrol.rules.control import Status


@dataclass(frozen=True)
class Withdrawal:
    """A withdrawn document as 作废文件 lists it."""

    row: RegisterRow
    last_revision: str | None
    on: date | None
    approvers: tuple[str, ...]
    reason: str
    change: str  # the withdrawing commit, short ("" when history does not show it)
    replaced_by: str | None = None


def _name(value: str, roles: Roles | None) -> str:
    """``Name <email>`` as the name roles.yml lists for that e-mail, else as written."""
    name, _, rest = value.partition("<")
    email = rest.rstrip("> ").strip()
    person = roles.by_email(email) if roles and email else None
    return person.name if person else name.strip()


def _reason(event: ChangeEvent) -> str:
    """A merge's own words: the first line of its description; otherwise its subject."""
    if event.subject.startswith(("Merge pull request", "Merge branch", "Merge remote")):
        for line in event.body.splitlines():
            line = line.strip()
            if line and ":" not in line.split(" ", 1)[0]:
                return line
    return event.subject.strip()


def _approvers(event: ChangeEvent, roles: Roles | None) -> tuple[str, ...]:
    named = [_name(v, roles) for v in event.trailer_values("Approved-by")]
    if event.is_merge:
        named.insert(0, _name(f"{event.committer.name} <{event.committer.email}>", roles))
    return tuple(dict.fromkeys(n for n in named if n))


def withdrawals(
    rows: Sequence[RegisterRow], history: History | None, roles: Roles | None
) -> tuple[Withdrawal, ...]:
    """The withdrawn rows in register order, each with its withdrawing change where found."""
    wanted = {r.control.path: r for r in rows if r.control.status is Status.WITHDRAWN}
    found: dict[str, ChangeEvent] = {}
    for event in history.events if history else ():
        for change in event.changes:
            for path in (change.path, change.old_path):
                row = wanted.get(path or "")
                if row is not None and event.committed.date() == row.control.withdrawn_on:
                    found[row.control.id] = event  # the last such change is the withdrawal
    result = []
    for row in wanted.values():
        ctl = row.control
        known = ctl.withdrawal
        if known is not None:  # the replay recorded the withdrawing change (issue 15, part A)
            result.append(
                Withdrawal(
                    row=row,
                    last_revision=known.last_revision,
                    on=known.on,
                    approvers=known.approvers,
                    reason=known.reason,
                    change=known.commit[:8],
                    replaced_by=known.replaced_by,
                )
            )
            continue
        last = found.get(ctl.id)
        result.append(
            Withdrawal(
                row=row,
                last_revision=ctl.latest.label if ctl.latest else None,
                on=ctl.withdrawn_on,
                approvers=_approvers(last, roles) if last else (),
                reason=_reason(last) if last else "",
                change=last.short if last else "",
            )
        )
    return tuple(result)
