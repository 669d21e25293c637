"""Who approved a change, and whether that approval counts (ARCHITECTURE.md §5).

Pure functions over one :class:`~doccontrol.model.history.ChangeEvent` and the
roles in force at its first parent.

An approval is only as good as what vouches for it. The person who makes a merge
vouches for themself. A trailer vouches for nobody but its recorder: it counts
only when the person it names recorded it (the merger, or the committer of a
single commit). A sign-off commit on the branch, empty and made by the approver,
records that approver. Trailers a forge commits count only where the config
trusts the forge to write them itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from doccontrol.model.documents import Roles
from doccontrol.model.frozen import quick_init
from doccontrol.model.history import BroughtIn, ChangeEvent, Identity, Signed, parse_identity
from doccontrol.model.messages import Message, joined, msg

# Committers that stand for a forge's own web merge or squash: what such a commit's
# message says was typed by the person who pressed the button, or written by the forge.
# On GitLab the forge commits a merge or squash as the person who merged, so no
# address stands for it: ``*`` in ``forge_committers`` says that every committer
# on the release branch does (see README, "Forge-written trailers").
FORGE_COMMITTERS = frozenset({"noreply@github.com"})
ANY_COMMITTER = "*"


def is_forge_committer(email: str, forge_committers: frozenset[str]) -> bool:
    """Whether a commit by ``email`` was committed by the forge, as the config says."""
    return ANY_COMMITTER in forge_committers or email.lower() in forge_committers


class Basis(Enum):
    """What one approval rests on (``check --explain-trust`` prints it)."""

    MERGE = "merge"  # the person who made a merge commit on the release branch
    TRAILER = "trailer"  # an Approved-by trailer recorded by the person it names
    SIGN_OFF = "sign-off"  # an empty sign-off commit on the branch, by the approver
    FORGE_TRAILER = "forge-trailer"  # an Approved-by trailer the forge wrote (trusted by config)
    BASELINE = "baseline"  # the doccontrol/baseline tag by the top role (adoption)

    def describe(self, commit: str) -> Message:
        return msg(f"basis.{self.value}", commit=commit[:8])


@quick_init
@dataclass(frozen=True)
class Claim:
    """One identity that claims to approve a change, and on what.

    ``recorder`` is who typed the claim (None where the claim is its own record:
    the merger of a merge, or a trailer the forge wrote). ``voided`` lists, for a
    sign-off, the paths changed after it that its signer did not see.
    """

    identity: Identity
    basis: Basis
    commit: str
    recorder: Identity | None = None
    voided: frozenset[str] = frozenset()
    # The signature of ``commit`` (read only when the config checks signatures), and
    # the fingerprint of the listed key it verified against: None when signatures are
    # not checked, empty when checked and not verified (counted under signatures: warn).
    signed: Signed | None = None
    verified: str | None = None
    # A ``Reviewed-by:`` claim: a review sign-off (审核), never an approval.
    review: bool = False
    # When it was recorded: the sign-off commit's author date, or the commit's own date.
    at: datetime | None = None


@quick_init
@dataclass(frozen=True)
class Ground:
    """What one counted approval rests on."""

    person: str
    basis: Basis
    commit: str
    # The fingerprint of the listed key whose signature on ``commit`` verified; empty
    # when it was checked and did not verify (signatures: warn), None when not checked.
    key: str | None = None


@quick_init
@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one change against one document's approvers."""

    approved: bool
    approvers: tuple[str, ...]  # people whose approval counted
    reason: Message | None  # why it does not count (None when approved)
    grounds: tuple[Ground, ...] = ()  # what each counted approval rests on
    ignored: tuple[Message, ...] = ()  # claims that counted for nothing, and why
    warnings: tuple[Message, ...] = ()  # counted claims whose signature did not verify (warn)


@quick_init
@dataclass(frozen=True)
class Parties:
    """Who claims to approve a change, and who wrote it.

    ``claimed`` lists the claiming identities; ``claims`` says, for each, what it
    rests on and who recorded it (when empty, each identity in ``claimed`` stands
    for a merge it made). ``authors`` wrote the change: the commits it brings in
    that change files, and the merger for what the merge itself wrote.
    """

    claimed: tuple[Identity, ...]
    authors: tuple[Identity, ...]
    problems: tuple[Message, ...]
    claims: tuple[Claim, ...] = ()
    ignored: tuple[Message, ...] = ()  # the problems that are claims counting for nothing
    warnings: tuple[Message, ...] = ()  # signatures that did not verify, under signatures: warn
    # Review sign-offs (审核) that counted for nothing because their signature did not
    # verify under signatures: required; kept apart, since they never touch approval.
    review_problems: tuple[Message, ...] = ()

    @property
    def has_sign_offs(self) -> bool:
        return any(c.basis is Basis.SIGN_OFF for c in self.claims)


def _trailer_identities(
    trailers: Iterable[tuple[str, str]], keys: frozenset[str], problems: list[Message], where: Message
) -> list[tuple[str, Identity]]:
    found: list[tuple[str, Identity]] = []
    for key, value in trailers:
        if key.lower() not in keys:
            continue
        identity = parse_identity(value)
        if identity is None:
            problems.append(msg("approval.trailer-no-email", trailer=f"{key}: {value}", where=where))
        else:
            found.append((key, identity))
    return found


_APPROVED = frozenset({"approved-by"})
_SIGN_OFF = frozenset({"approved-by", "reviewed-by"})


def parties(
    event: ChangeEvent,
    forge_trusted: bool = False,
    forge_committers: frozenset[str] = FORGE_COMMITTERS,
) -> Parties:
    """The identities that claim approval, what each rests on, and the change's authors.

    A merge is approved by the person who made it; a single commit by its
    ``Approved-by`` trailers. A trailer counts only when the person it names
    recorded it: the committer (for a forge's web merge, the merger, who typed the
    message), or the forge itself where ``forge_trusted``. A merge also counts
    the sign-off commits it brings in.
    """
    problems: list[Message] = []
    claims: list[Claim] = []
    authors: list[Identity] = []
    inner_notes: list[Message] = []  # why a merge inside the branch is an author
    short = event.short
    forge = is_forge_committer(event.committer.email, forge_committers)
    trailers = (
        _trailer_identities(
            event.trailers, _SIGN_OFF, problems, msg("approval.in-commit", commit=short)
        )
        if event.trailers
        else []
    )
    if forge and trailers and not forge_trusted:
        named = "/".join(dict.fromkeys(k for k, _ in trailers))
        problems.append(
            msg(
                "approval.forge-committed",
                trailers=named,
                commit=short,
                committer=str(event.committer),
            )
        )
        trailers = []
    basis = Basis.FORGE_TRAILER if forge else Basis.TRAILER
    # Who typed the trailers: the committer, or for a forge's web merge (trailers
    # untrusted) the merger; a forge trusted to write them is its own record.
    recorder = None if forge else event.committer
    signed = event.signature
    if event.is_merge:
        claims.append(Claim(event.author, Basis.MERGE, event.commit, signed=signed))
    claims.extend(
        Claim(
            t,
            basis,
            event.commit,
            recorder,
            signed=signed,
            review=key.lower() not in _APPROVED,
            at=event.committed,
        )
        for key, t in trailers
    )
    if event.is_merge:
        for brought in event.brought_in:
            # A merge inside the branch (say, main merged back in) authors nothing,
            # and nor does an empty commit: neither changes a file.
            if not brought.is_merge and not brought.empty:
                authors.append(brought.author)
                authors.extend(brought.co_authors)
            elif brought.merge_authored:
                # A merge inside the branch that resolved a conflict (or edited) wrote text.
                authors.append(brought.author)
                inner_notes.append(
                    msg(
                        "approval.inner-merge-authored",
                        commit=brought.commit[:8],
                        author=str(brought.author),
                        paths=brought.merge_authored,
                    )
                )
            claims.extend(_sign_offs(brought, problems))
    ignored = tuple(problems)
    problems.extend(inner_notes)
    if event.is_merge:
        if event.merge_authored:
            authors.append(event.author)
            problems.append(
                msg(
                    "approval.merge-authored",
                    commit=short,
                    author=str(event.author),
                    paths=event.merge_authored,
                )
            )
    else:
        co = [parse_identity(v) for v in event.trailer_values("Co-authored-by")]
        authors = [event.author, *(c for c in co if c is not None)]
    return Parties(
        tuple(c.identity for c in claims if not c.review),
        tuple(authors),
        tuple(problems),
        tuple(claims),
        ignored,
    )


def _sign_offs(brought: BroughtIn, problems: list[Message]) -> list[Claim]:
    """The sign-off claims of a commit a merge brings in (most carry none)."""
    if not brought.trailers:
        return []
    named = _trailer_identities(
        brought.trailers, _SIGN_OFF, problems, msg("approval.in-branch-commit", commit=brought.commit[:8])
    )
    if not named:
        return []
    short = brought.commit[:8]
    keys = "/".join(dict.fromkeys(k for k, _ in named))
    if brought.is_merge or not brought.empty:
        problems.append(msg("approval.sign-off-changes-files", commit=short, trailers=keys))
        return []
    committer = brought.committer
    if committer is None or committer.email.lower() != brought.author.email.lower():
        problems.append(
            msg(
                "approval.sign-off-other-committer",
                commit=short,
                author=str(brought.author),
                committer=str(committer),
            )
        )
        return []
    return [
        Claim(
            identity,
            Basis.SIGN_OFF,
            brought.commit,
            brought.author,
            brought.changed_after,
            signed=brought.signature,
            review=key.lower() not in _APPROVED,
            at=brought.authored,
        )
        for key, identity in named
    ]


def judge(
    who: Parties,
    roles: Roles | None,
    approver_names: Iterable[str],
    min_approvals: int,
    ignore_authors: bool = False,
    paths: frozenset[str] = frozenset(),
) -> Verdict:
    """Does the change have ``min_approvals`` approvers who hold one of ``approver_names``
    (roles or people, as of the first parent) and wrote none of it?

    ``paths`` are the document's paths the change touches: a sign-off whose signer
    did not see the final text of one of them is void.
    """
    names = tuple(approver_names)
    if roles is None:
        return Verdict(False, (), msg("approval.no-roles"))
    entitled = {person for name in names for person in roles.holders(name)}
    is_author = _authorship(who.authors, roles)

    def same_person(a: Identity, b: Identity) -> bool:
        return _same_person(a, b, roles)

    counted: list[str] = []
    grounds: list[Ground] = []
    notes: list[Message] = list(who.problems)
    ignored: list[Message] = list(who.ignored)
    claims = who.claims or tuple(Claim(i, Basis.MERGE, "") for i in who.claimed)
    for claim in claims:
        if claim.review:
            continue  # a review sign-off (审核) is judged by judge_review, never as approval
        identity = claim.identity
        if claim.recorder is not None and not same_person(identity, claim.recorder):
            note = msg(
                "approval.recorded-by-other.sign-off"
                if claim.basis is Basis.SIGN_OFF
                else "approval.recorded-by-other.trailer",
                identity=str(identity),
                commit=claim.commit[:8],
                recorder=str(claim.recorder),
            )
            notes.append(note)
            ignored.append(note)
            continue
        if claim.basis is Basis.SIGN_OFF and (stale := sorted(paths & claim.voided)):
            note = msg(
                "approval.sign-off-void", commit=claim.commit[:8], identity=str(identity), paths=stale
            )
            notes.append(note)
            ignored.append(note)
            continue
        person = roles.by_email(identity.email)
        if person is None:
            notes.append(msg("approval.not-a-person", identity=str(identity), roles=roles.path))
            continue
        if person.name not in entitled:
            notes.append(msg("approval.not-entitled", person=person.name, names="、".join(names)))
            continue
        if not ignore_authors and is_author(identity):
            notes.append(msg("approval.author", person=person.name))
            continue
        if person.name not in counted:
            counted.append(person.name)
            grounds.append(Ground(person.name, claim.basis, claim.commit, claim.verified))
    if len(counted) >= min_approvals:
        return Verdict(True, tuple(counted), None, tuple(grounds), tuple(ignored), who.warnings)
    if not who.claimed and not who.problems:
        notes.insert(0, msg("approval.direct-commit"))
    if counted and len(counted) < min_approvals:
        notes.append(msg("approval.too-few", counted=len(counted), needed=min_approvals))
    return Verdict(
        False,
        tuple(counted),
        joined(notes) if notes else msg("approval.none"),
        tuple(grounds),
        tuple(ignored),
        who.warnings,
    )


def _authorship(authors: Iterable[Identity], roles: Roles) -> Callable[[Identity], bool]:
    """Whether an identity is one of ``authors``: by listed person, or by address."""
    author_people = set()
    author_emails = set()
    for author in authors:
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

    return is_author


def _same_person(a: Identity, b: Identity, roles: Roles) -> bool:
    if a.email.lower() == b.email.lower():
        return True
    pa, pb = roles.by_email(a.email), roles.by_email(b.email)
    return pa is not None and pb is not None and pa.name == pb.name


@quick_init
@dataclass(frozen=True)
class ReviewVerdict:
    """Whether a change carries the review sign-off (审核) its document asks for.

    ``reviews`` holds each counted reviewer with when they signed off; ``reason``
    says why none counted (None when reviewed).
    """

    reviewed: bool
    reviews: tuple[tuple[str, datetime | None], ...]
    reason: Message | None


def judge_review(
    who: Parties,
    roles: Roles | None,
    reviewer_names: Iterable[str],
    approvers: Iterable[str],
    paths: frozenset[str] = frozenset(),
) -> ReviewVerdict:
    """Does the change carry a ``Reviewed-by`` sign-off by a holder of one of
    ``reviewer_names`` (as of the first parent) who wrote none of it and is none of
    the ``approvers`` who counted?

    The sign-off counts under the rule an approval trailer does: recorded by the
    person it names (their own empty sign-off commit on the branch, or the committer
    of a single commit), or written by a trusted forge; void when one of ``paths``
    changed after it.
    """
    names = tuple(reviewer_names)
    if roles is None:
        return ReviewVerdict(False, (), msg("review.no-roles"))
    entitled = {person for name in names for person in roles.holders(name)}
    is_author = _authorship(who.authors, roles)
    counted_approvers = set(approvers)
    reviews: list[tuple[str, datetime | None]] = []
    notes: list[Message] = []
    for claim in who.claims:
        if not claim.review:
            continue
        identity = claim.identity
        short = claim.commit[:8]
        if claim.recorder is not None and not _same_person(identity, claim.recorder, roles):
            notes.append(
                msg(
                    "review.recorded-by-other",
                    identity=str(identity),
                    commit=short,
                    recorder=str(claim.recorder),
                )
            )
            continue
        if claim.basis is Basis.SIGN_OFF and (stale := sorted(paths & claim.voided)):
            notes.append(
                msg("review.sign-off-void", commit=short, identity=str(identity), paths=stale)
            )
            continue
        person = roles.by_email(identity.email)
        if person is None:
            notes.append(msg("approval.not-a-person", identity=str(identity), roles=roles.path))
            continue
        if person.name not in entitled:
            notes.append(msg("review.not-entitled", person=person.name, names="、".join(names)))
            continue
        if is_author(identity):
            notes.append(msg("review.author", person=person.name))
            continue
        if person.name in counted_approvers:
            notes.append(msg("review.approver", person=person.name))
            continue
        if all(p != person.name for p, _ in reviews):
            reviews.append((person.name, claim.at))
    if reviews:
        return ReviewVerdict(True, tuple(reviews), None)
    notes.extend(who.review_problems)
    if not notes:
        notes.append(msg("review.none"))
    return ReviewVerdict(False, (), joined(notes))


_SQUASH_SUBJECT = re.compile(r"\(#\d+\)\s*$")


def squash_hint(
    event: ChangeEvent,
    forge_committers: frozenset[str] = FORGE_COMMITTERS,
    forge_trusted: bool = False,
) -> Message | None:
    """What happened and how to fix the forge, when a change looks like a forge's squash
    (or rebase) merge whose approval git cannot show; None otherwise.

    Such a commit keeps who wrote the change and drops who approved it: without
    trailers nothing names the approver, and trailers the forge committed from a
    message the merger typed vouch for nothing.
    """
    # "*" names no forge address: it cannot tell a squash from a direct commit.
    by_forge = event.committer.email.lower() in forge_committers
    has_trailers = bool(event.trailer_values("Approved-by"))
    if event.is_merge or (has_trailers and (forge_trusted or not by_forge)):
        return None
    numbered = _SQUASH_SUBJECT.search(event.subject)
    if not by_forge and not numbered:
        return None
    signs: list[Message] = []
    if numbered:
        signs.append(msg("squash.numbered", suffix=numbered.group(0).strip()))
    if by_forge:
        signs.append(msg("squash.by-forge", committer=str(event.committer)))
    how = signs[0] if len(signs) == 1 else msg("squash.both", first=signs[0], second=signs[1])
    what = msg("squash.forge-trailers" if has_trailers else "squash.no-trailer")
    return msg("squash.hint", how=how, what=what)
