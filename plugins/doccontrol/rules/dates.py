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
                        f"commit {event.short} by {event.committer} is dated {when.isoformat()}, "
                        f"after now ({now.isoformat(timespec='seconds')}): a future date would "
                        "give its change an issue date that has not come; fix the committer's "
                        "clock, and if the commit is on main, acknowledge it in "
                        "manual/acknowledged.yml through a change approved by the top role",
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
                        f"commit {event.short} by {event.committer} is dated {when.isoformat()}, "
                        f"before commit {latest.short} ({latest.committed.isoformat()}) that "
                        f"precedes it on the release branch, by more than the clock_skew of "
                        f"{_span(clock_skew)}: dates on the first-parent line must run forward. "
                        "Fix the committer's clock; a commit already on main can be "
                        "acknowledged in manual/acknowledged.yml through a change approved by "
                        "the top role",
                    ),
                    event.commit,
                )
            )
        if latest is None or when > latest.committed:
            latest = event
    return found


def _span(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes % 60 == 0:
        return f"{minutes // 60} hour(s)"
    return f"{minutes} minute(s)"
