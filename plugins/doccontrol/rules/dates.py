"""Commit dates on the release branch (issue 12, rule 6): they run forward and never ahead of now.

Pure. A commit's date is its committer date in its own recorded offset; the
issue date of an approval is that date, so a date that runs backwards along the
first-parent line, or one in the future, would let a change claim a place in
time it did not have. ``now`` is given by the caller: the core never reads a clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from doccontrol.model.findings import Finding, error
from doccontrol.model.history import ChangeEvent
from doccontrol.model.messages import Message, msg

DEFAULT_CLOCK_SKEW = timedelta(hours=1)


def date_findings(
    events: Sequence[ChangeEvent],
    start: int,
    now: datetime | None,
    clock_skew: timedelta = DEFAULT_CLOCK_SKEW,
) -> list[tuple[Finding, str]]:
    """Each backwards or future date from ``events[start]`` on, with the commit it names.

    A commit is compared with the latest date seen before it on the line, so that
    one commit dated far ahead cannot make every honest commit after it look fine
    (that one is reported as in the future, or as running backwards from it).
    """
    found: list[tuple[Finding, str]] = []
    latest: ChangeEvent | None = events[start - 1] if 0 < start <= len(events) else None
    for event in events[max(start, 0) :]:
        when = event.committed
        if now is not None and when - now > clock_skew:
            found.append(
                (
                    error(
                        ".git",
                        1,
                        "date-future",
                        msg(
                            "date-future",
                            commit=event.short,
                            committer=str(event.committer),
                            date=when.isoformat(),
                            now=now.isoformat(timespec="seconds"),
                        ),
                    ),
                    event.commit,
                )
            )
        if latest is not None and latest.committed - when > clock_skew:
            found.append(
                (
                    error(
                        ".git",
                        1,
                        "date-backwards",
                        msg(
                            "date-backwards",
                            commit=event.short,
                            committer=str(event.committer),
                            date=when.isoformat(),
                            earlier=latest.short,
                            earlier_date=latest.committed.isoformat(),
                            skew=_span(clock_skew),
                        ),
                    ),
                    event.commit,
                )
            )
        if latest is None or when > latest.committed:
            latest = event
    return found


def _span(delta: timedelta) -> Message:
    minutes = int(delta.total_seconds() // 60)
    if minutes % 60 == 0:
        return msg("date.hours", count=minutes // 60)
    return msg("date.minutes", count=minutes)
