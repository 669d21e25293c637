"""Who approved a change, and whether that approval counts (DESIGN §5).

Pure functions over one :class:`~doccontrol.history_model.ChangeEvent` and the
roles in force at its first parent.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .history_model import ChangeEvent, Identity, parse_identity
from .model import Roles

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
    """Who claims to approve a change, and who wrote it."""

    claimed: tuple[Identity, ...]
    authors: tuple[Identity, ...]
    problems: tuple[str, ...]


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
    if event.is_merge:
        claimed = [event.author, *trailers]
        authors: list[Identity] = []
        for brought in event.brought_in:
            # A merge inside the branch (say, main merged back in) authors nothing.
            if not brought.is_merge:
                authors.append(brought.author)
            authors.extend(brought.co_authors)
    else:
        committer = event.committer.email.lower()
        vouched = committer in forge_committers or any(
            t.email.lower() == committer for t in trailers
        )
        if trailers and not vouched:
            problems.append(
                "its Approved-by trailer was written by the committer "
                f"{event.committer}, not by the approver or the forge, so it does not count"
            )
            trailers = []
        claimed = trailers
        co = [parse_identity(v) for v in event.trailer_values("Co-authored-by")]
        authors = [event.author, *(c for c in co if c is not None)]
    return Parties(tuple(claimed), tuple(authors), tuple(problems))


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
    counted: list[str] = []
    notes: list[str] = list(who.problems)
    for identity in who.claimed:
        person = roles.by_email(identity.email)
        if person is None:
            notes.append(f"{identity} is not a person in {roles.path}")
            continue
        if person.name not in entitled:
            notes.append(f"{person.name} does not hold an approver role ({'、'.join(names)})")
            continue
        if not ignore_authors and (
            person.name in author_people
            or any(e.lower() in author_emails for e in person.emails)
        ):
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
