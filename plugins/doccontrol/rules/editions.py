"""Edition tags against the release branch (issue 12, rule 9): the baseline cannot be moved.

Pure. Every ``edition/*`` tag marks a commit of the release branch's first-parent
line; a tag elsewhere means the history was rewritten under it. A tag before the
baseline's commit, or one whose release recorded another baseline, means
``doccontrol/baseline`` was moved after editions were issued from it.
"""

from __future__ import annotations

from collections.abc import Sequence

from doccontrol.model.findings import Finding, error
from doccontrol.model.history import EditionTag, History
from doccontrol.model.messages import Message, msg


def edition_findings(history: History, tags: Sequence[EditionTag]) -> list[Finding]:
    """``edition-off-line`` and ``baseline-moved`` for each tag that shows a rewrite."""
    if not history.events:
        return []
    position = {event.commit: i for i, event in enumerate(history.events)}
    baseline = history.baseline
    base_at = position.get(baseline.commit) if baseline else None
    found: list[Finding] = []
    for tag in sorted(tags, key=lambda t: t.name):
        at = position.get(tag.commit)
        if at is None:
            found.append(
                error(
                    ".git",
                    1,
                    "edition-off-line",
                    msg(
                        "edition-off-line",
                        tag=tag.name,
                        commit=tag.commit[:8],
                        branch=history.branch,
                    ),
                )
            )
            continue
        if base_at is not None and at < base_at:
            found.append(
                error(
                    ".git",
                    1,
                    "baseline-moved",
                    msg(
                        "baseline-moved.edition",
                        tag=tag.name,
                        commit=tag.commit[:8],
                        baseline=baseline.commit[:8] if baseline else "",
                    ),
                )
            )
        if tag.baseline and (baseline is None or not baseline.commit.startswith(tag.baseline)):
            now: Message | str = baseline.commit[:8] if baseline else msg("baseline.none")
            found.append(
                error(
                    ".git",
                    1,
                    "baseline-moved",
                    msg(
                        "baseline-moved.since-edition",
                        tag=tag.name,
                        baseline=tag.baseline[:8],
                        now=now,
                    ),
                )
            )
    return found
