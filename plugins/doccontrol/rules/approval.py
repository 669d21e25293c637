"""Who approved a change, and whether that approval counts (ARCHITECTURE.md §5).

Pure functions over one :class:`~doccontrol.model.history.ChangeEvent` and the
roles in force at its first parent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from doccontrol.model.documents import Roles
from doccontrol.model.history import ChangeEvent, Identity, parse_identity

# Committers that stand for a forge's own squash or rebase merge: their Approved-by
# trailers were written by the forge, not by the person pushing.
FORGE_COMMITTERS = frozenset({"noreply@github.com"})


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one change against one document's approvers."""

    approved: bool
    approvers: tuple[str, ...]  # people whose approval counted
    reason: str  # why it does not count (empty when approved)


@dataclass(frozen=True)
class Parties:
    """Who claims to approve a change, and who wrote it.

    ``claimed`` lists the person who merged (for a merge) and then the people
    named in ``Approved-by`` trailers. ``recorder`` is who typed those trailers:
    the person who merged, or the committer of a single commit; None when the
    forge wrote them. A trailer only says what its recorder says, so trailers
    recorded by an author of the change vouch for nothing.
    """

    claimed: tuple[Identity, ...]
    authors: tuple[Identity, ...]
    problems: tuple[str, ...]
    trailers: tuple[Identity, ...] = ()
    recorder: Identity | None = None


def parties(event: ChangeEvent, forge_committers: frozenset[str] = FORGE_COMMITTERS) -> Parties:
    """The identities that claim approval, and the change's authors.

    A merge is approved by the person who made it, plus its ``Approved-by``
    trailers. A single commit is approved only by its trailers, and those count
    only when an approver named in them, or the forge, made the commit: anyone
    can type a trailer into a commit they push themselves.
    """
    problems: list[str] = []
    trailers: list[Identity] = []
    for value in event.trailer_values("Approved-by"):
        identity = parse_identity(value)
        if identity is None:
            problems.append(f"trailer 'Approved-by: {value}' has no <email>")
        else:
            trailers.append(identity)
    recorder: Identity | None
    if event.is_merge:
        recorder = event.author
        claimed = [event.author, *trailers]
        authors: list[Identity] = []
        for brought in event.brought_in:
            # A merge inside the branch (say, main merged back in) authors nothing.
            if not brought.is_merge:
                authors.append(brought.author)
            authors.extend(brought.co_authors)
    else:
        committer = event.committer.email.lower()
        forge = committer in forge_committers
        recorder = None if forge else event.committer
        vouched = forge or any(t.email.lower() == committer for t in trailers)
        if trailers and not vouched:
            problems.append(
                "its Approved-by trailer was written by the committer "
                f"{event.committer}, not by the approver or the forge, so it does not count"
            )
            trailers = []
        claimed = trailers
        co = [parse_identity(v) for v in event.trailer_values("Co-authored-by")]
        authors = [event.author, *(c for c in co if c is not None)]
    return Parties(tuple(claimed), tuple(authors), tuple(problems), tuple(trailers), recorder)


def judge(
    who: Parties,
    roles: Roles | None,
    approver_names: Iterable[str],
    min_approvals: int,
    ignore_authors: bool = False,
) -> Verdict:
    """Does the change have ``min_approvals`` approvers who hold one of ``approver_names``
    (roles or people, as of the first parent) and wrote none of it?"""
    names = tuple(approver_names)
    if roles is None:
        return Verdict(False, (), "no approved roles file was in force to say who may approve")
    entitled = {person for name in names for person in roles.holders(name)}
    author_people = set()
    author_emails = set()
    for author in who.authors:
        author_emails.add(author.email.lower())
        person = roles.by_email(author.email)
        if person:
            author_people.add(person.name)
        # A listed name is that person whatever address it came with: someone who
        # writes under an unlisted (or another person's) address is still an author.
        named = roles.by_name(author.name)
        if named:
            author_people.add(named.name)

    def is_author(identity: Identity) -> bool:
        person = roles.by_email(identity.email)
        if person is not None and person.name in author_people:
            return True
        emails = person.emails if person is not None else (identity.email,)
        return any(e.lower() in author_emails for e in emails)

    counted: list[str] = []
    notes: list[str] = list(who.problems)
    claimed = list(who.claimed)
    if (
        not ignore_authors
        and who.trailers
        and who.recorder is not None
        and is_author(who.recorder)
    ):
        # The author of the change typed the approvers' names: that is no approval.
        for trailer in who.trailers:
            if trailer in claimed:
                claimed.remove(trailer)
        notes.append(
            f"its Approved-by trailers were written by {who.recorder}, an author of the change, "
            "so they do not count"
        )
    for identity in claimed:
        person = roles.by_email(identity.email)
        if person is None:
            notes.append(f"{identity} is not a person in {roles.path}")
            continue
        if person.name not in entitled:
            notes.append(f"{person.name} does not hold an approver role ({'、'.join(names)})")
            continue
        if not ignore_authors and is_author(identity):
            notes.append(f"{person.name} is an author of the change and cannot approve it")
            continue
        if person.name not in counted:
            counted.append(person.name)
    if len(counted) >= min_approvals:
        return Verdict(True, tuple(counted), "")
    if not who.claimed and not who.problems:
        notes.insert(0, "a direct commit, with no merge and no Approved-by trailer")
    if counted and len(counted) < min_approvals:
        notes.append(f"{len(counted)} of {min_approvals} required approvals")
    return Verdict(False, tuple(counted), "; ".join(notes) or "no approval")


_SQUASH_SUBJECT = re.compile(r"\(#\d+\)\s*$")


def squash_hint(event: ChangeEvent, forge_committers: frozenset[str] = FORGE_COMMITTERS) -> str:
    """What happened and how to fix the forge, when a change looks like a forge's squash
    (or rebase) merge without ``Approved-by`` trailers; empty otherwise.

    Such a commit keeps who wrote the change and drops who approved it, so the
    history cannot show an approval however properly the pull request was reviewed.
    """
    if event.is_merge or event.trailer_values("Approved-by"):
        return ""
    by_forge = event.committer.email.lower() in forge_committers
    numbered = _SQUASH_SUBJECT.search(event.subject)
    if not by_forge and not numbered:
        return ""
    how = (
        f"its subject ends with '{numbered.group(0).strip()}'" if numbered else ""
    ) + (" and " if numbered and by_forge else "") + (
        f"the forge committed it ({event.committer})" if by_forge else ""
    )
    return (
        f"This looks like a squash or rebase merge made on the forge ({how}) that carries no "
        "'Approved-by:' trailer: such a merge keeps who wrote the change but not who approved "
        "it, so the approval cannot be read from git. Fix the repository settings: on GitHub, "
        "allow merge commits only (Settings → General → Pull Requests: clear 'Allow squash "
        "merging' and 'Allow rebase merging'); on GitLab, set Settings → Merge requests → "
        "Merge method to 'Merge commit', or put %{approved_by} in the squash commit message "
        "template so that squashes carry Approved-by trailers"
    )
