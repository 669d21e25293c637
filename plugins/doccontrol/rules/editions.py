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
                    f"tag {tag.name} marks commit {tag.commit[:8]}, which is not on the "
                    f"first-parent line of {history.branch}: the history an edition was issued "
                    "from has been rewritten (a force-push, or a rebase of main). Restore the "
                    "branch from a clone that still has that commit, and protect main against "
                    "force-pushes",
                )
            )
            continue
        if base_at is not None and at < base_at:
            found.append(
                error(
                    ".git",
                    1,
                    "baseline-moved",
                    f"tag {tag.name} marks commit {tag.commit[:8]}, before the commit of "
                    f"doccontrol/baseline ({baseline.commit[:8] if baseline else ''}): the "
                    "baseline was moved past an edition. Put the tag doccontrol/baseline back on "
                    "the commit it marked, and protect tags against being moved",
                )
            )
        if tag.baseline and (baseline is None or not baseline.commit.startswith(tag.baseline)):
            now = baseline.commit[:8] if baseline else "no baseline"
            found.append(
                error(
                    ".git",
                    1,
                    "baseline-moved",
                    f"tag {tag.name} was released from the baseline {tag.baseline[:8]}, but "
                    f"doccontrol/baseline now marks {now}: the baseline was moved or deleted "
                    "after an edition was issued. Put it back on "
                    f"{tag.baseline[:8]}, and protect tags against being moved",
                )
            )
    return found
