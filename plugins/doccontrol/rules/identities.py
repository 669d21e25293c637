"""Identities in the history against roles.yml (ARCHITECTURE.md §4).

Approval and authorship are read from the e-mail in a commit, so a name and an
e-mail that roles.yml does not pair are reported: a listed person's name with an
address listed for nobody, and an address listed for one person under another
person's name. Pure: one event and the roles in force in, findings out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from doccontrol.model.documents import Person, Roles
from doccontrol.model.findings import Finding, error, warning
from doccontrol.model.history import ChangeEvent, Identity, parse_identity
from doccontrol.model.messages import Message, msg

# Trailers by which someone records their own approval or review: a listed name on
# one of these claims an approver's authority.
APPROVING_TRAILERS = frozenset({"approved-by", "reviewed-by"})
# The parts that make someone an author of what a commit changes.
_WRITING_PARTS = frozenset({"author", "'co-authored-by:' trailer"})


class Mismatch(Enum):
    """How an identity disagrees with roles.yml."""

    UNLISTED_EMAIL = "identity-unlisted-email"
    OTHER_PERSON = "identity-mismatch"


@dataclass(frozen=True)
class Appearance:
    """One identity as it appears in one commit: in which parts, and whether it approves."""

    commit: str
    identity: Identity
    parts: tuple[str, ...]
    approving: bool
    merge: str = ""  # the first-parent merge that brought ``commit`` in, if any


def appearances(event: ChangeEvent) -> list[Appearance]:
    """Every identity written into ``event`` and into the commits its merge brings in."""
    found: dict[tuple[str, Identity], tuple[list[str], bool]] = {}

    def note(commit: str, identity: Identity, part: str, approving: bool) -> None:
        parts, was = found.setdefault((commit, identity), ([], False))
        if part not in parts:
            parts.append(part)
        found[(commit, identity)] = (parts, was or approving)

    def trailers(commit: str, items: tuple[tuple[str, str], ...]) -> None:
        for key, value in items:
            identity = parse_identity(value)
            if identity is not None:
                note(commit, identity, f"'{key}:' trailer", key.lower() in APPROVING_TRAILERS)

    # The person who merges is the approver of what the merge brings in.
    note(event.commit, event.author, "author", event.is_merge)
    note(event.commit, event.committer, "committer", False)
    trailers(event.commit, event.trailers)
    for brought in event.brought_in:
        note(brought.commit, brought.author, "author", False)
        if brought.committer is not None:
            note(brought.commit, brought.committer, "committer", False)
        trailers(brought.commit, brought.trailers)
    return [
        Appearance(
            commit,
            identity,
            tuple(parts),
            approving,
            "" if commit == event.commit else event.commit,
        )
        for (commit, identity), (parts, approving) in found.items()
    ]


def _identities(event: ChangeEvent) -> Iterator[Identity]:
    """The identities :func:`appearances` reads, without what it says of them."""
    yield event.author
    yield event.committer
    for brought in event.brought_in:
        yield brought.author
        if brought.committer is not None:
            yield brought.committer
    for _, value in event.trailers + tuple(t for b in event.brought_in for t in b.trailers):
        identity = parse_identity(value)
        if identity is not None:
            yield identity


def classify(identity: Identity, roles: Roles) -> tuple[Mismatch, Person, Person | None] | None:
    """How ``identity`` disagrees with ``roles``: the kind, the person its name is, and
    the person its e-mail is (None when the e-mail is listed for nobody)."""
    named = roles.by_name(identity.name)
    if named is None:
        return None  # a name that is nobody's in roles.yml claims no one
    by_email = roles.by_email(identity.email)
    if by_email is None:
        return Mismatch.UNLISTED_EMAIL, named, None
    if by_email.name != named.name:
        return Mismatch.OTHER_PERSON, named, by_email
    return None


class IdentityCheck:
    """Checks the identities of each event against the roles in force at it.

    The same few identities recur in every commit of a long history, so each is
    classified once per version of roles.yml.
    """

    def __init__(self, roles_path: str) -> None:
        self.roles_path = roles_path
        self._roles: Roles | None = None
        self._known: dict[Identity, tuple[Mismatch, Person, Person | None] | None] = {}

    def findings(self, event: ChangeEvent, roles: Roles) -> list[Finding]:
        if roles is not self._roles:
            self._roles, self._known = roles, {}
        found: list[Finding] = []
        if not any(self._verdict(i, roles) for i in _identities(event)):
            return found  # the common case, without building the appearances
        for seen in appearances(event):
            verdict = self._verdict(seen.identity, roles)
            if verdict is not None:
                found.append(self._finding(event, seen, *verdict))
        return found

    def _verdict(
        self, identity: Identity, roles: Roles
    ) -> tuple[Mismatch, Person, Person | None] | None:
        known = self._known
        if identity in known:
            return known[identity]
        verdict = known[identity] = classify(identity, roles)
        return verdict

    def _finding(
        self,
        event: ChangeEvent,
        seen: Appearance,
        kind: Mismatch,
        named: Person,
        owner: Person | None,
    ) -> Finding:
        where = (
            msg(
                "identity.where.merged",
                commit=seen.commit[:8],
                merge=seen.merge[:8],
                date=str(event.committed.date()),
            )
            if seen.merge
            else msg("identity.where", commit=seen.commit[:8], date=str(event.committed.date()))
        )
        parts = _and([_part(p) for p in seen.parts])
        writes = not seen.approving and any(p.lower() in _WRITING_PARTS for p in seen.parts)
        if kind is Mismatch.OTHER_PERSON:
            assert owner is not None
            return error(
                self.roles_path,
                1,
                kind.value,
                msg(
                    "identity-mismatch.writes" if writes else "identity-mismatch",
                    where=where,
                    parts=parts,
                    identity=str(seen.identity),
                    owner=owner.name,
                    named=named.name,
                    roles=self.roles_path,
                ),
            )
        consequence = (
            msg("identity-unlisted-email.approving")
            if seen.approving
            else msg("identity-unlisted-email.writes", named=named.name)
            if writes
            else msg("identity-unlisted-email.untraced", named=named.name)
        )
        message = msg(
            "identity-unlisted-email",
            where=where,
            parts=parts,
            identity=str(seen.identity),
            named=named.name,
            roles=self.roles_path,
            consequence=consequence,
        )
        make = error if seen.approving else warning
        return make(self.roles_path, 1, kind.value, message)


def _part(part: str) -> Message:
    """Where in a commit an identity stands: author, committer, or a trailer (``'Key:' trailer``)."""
    if part in ("author", "committer"):
        return msg(f"identity.part.{part}")
    return msg("identity.part.trailer", trailer=part.removesuffix(" trailer"))


def _and(parts: list[Message]) -> Message:
    if len(parts) == 1:
        return parts[0]
    return msg("identity.and", first=parts[0], rest=_and(parts[1:]))
