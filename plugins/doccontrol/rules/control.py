"""Document control from history: revisions, dates, statuses and flags (ARCHITECTURE.md §4–5).

Pure: :func:`evaluate` replays the typed events of the release branch up to a
date and returns frozen values. Nothing here runs git or reads files.
"""

from __future__ import annotations

import contextlib
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import Enum
from typing import Any

import yaml
from dateutil.relativedelta import relativedelta

from doccontrol.model.documents import ID_PATTERN, Roles, SigningKey
from doccontrol.model.errors import ConfigError
from doccontrol.model.findings import Finding, error, sort_findings, warning
from doccontrol.model.frozen import quick_init
from doccontrol.model.history import BaselineTag, ChangeEvent, History, Identity
from doccontrol.model.messages import Message, joined, msg
from doccontrol.rendering.labels import label as label_text
from doccontrol.rules import approval
from doccontrol.rules.dates import date_findings
from doccontrol.rules.identities import IdentityCheck
from doccontrol.rules.signatures import Verifier, check_claims, verify
from doccontrol.rules.site_pages import SitePages
from doccontrol.sources.acknowledged import (
    ACKNOWLEDGED,
    Acknowledged,
    acknowledge,
    parse_acknowledged,
)
from doccontrol.sources.baseline_file import PaperRevision, baseline_path, parse_baseline
from doccontrol.sources.config import Config, RevisionScheme, SignatureMode, parse_mkdocs_yml
from doccontrol.sources.roles_file import parse_roles
from doccontrol.sources.signing_keys import is_key_file
from doccontrol.sources.text_file import decode
from doccontrol.sources.yaml_positions import is_plain

try:  # the C loader makes replaying thousands of versions cheap
    _BaseLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _BaseLoader = yaml.SafeLoader


class _FastLoader(_BaseLoader):  # type: ignore[misc]
    """A safe loader that keeps an impossible date (2026-13-01) as text.

    The catalog reports such a date where it stands; the replay must still see
    the document, or a typo in a date would read as the document's deletion.
    """


def _timestamp(loader: Any, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


class Status(Enum):
    """Issue status of a document on a date."""

    CURRENT = "current"
    PENDING = "pending"
    DRAFT = "draft"
    WITHDRAWN = "withdrawn"


@quick_init
@dataclass(frozen=True)
class SignOff:
    """A person and a date in the 编制/审核/批准 block: who wrote, reviewed or approved."""

    name: str
    on: date


@quick_init
@dataclass(frozen=True)
class Revision:
    """One approved change of a document: its revision status and where its text lives.

    ``prepared`` (编制) holds the change's authors with the date of their last commit in
    it, ``reviewed`` (审核) the reviewers whose ``Reviewed-by`` sign-off counted, with its
    date; the approvers (批准) sign on the issue date (:attr:`approved`).
    """

    label: str
    edition: str
    amendment: int
    commit: str
    issued: date
    effective: date
    approvers: tuple[str, ...]
    authors: tuple[str, ...]
    summary: str
    path: str
    files: tuple[tuple[str, str], ...]  # (path, blob) of every file of the document
    paper_label: str = ""  # a revision carried over from paper: the label the paper carried
    # What each approval rests on (a merge, a sign-off, a trailer...): check --explain-trust.
    grounds: tuple[approval.Ground, ...] = ()
    prepared: tuple[SignOff, ...] = ()
    reviewed: tuple[SignOff, ...] = ()

    @property
    def approved(self) -> tuple[SignOff, ...]:
        """批准: each approver who counted, on the issue date."""
        return tuple(SignOff(name, self.issued) for name in self.approvers)


@dataclass(frozen=True)
class Withdrawal:
    """How a document was withdrawn (作废): by which approved change, why, and what replaces it."""

    on: date
    last_revision: str | None  # the revision in force until the withdrawal
    approvers: tuple[str, ...]
    reason: str  # the withdrawing change's title
    commit: str
    replaced_by: str | None = None


@dataclass(frozen=True)
class UnapprovedChange:
    """A change that reached the release branch without a valid approval."""

    commit: str
    author: Identity
    date: date
    reason: Message


@dataclass(frozen=True)
class DocumentControl:
    """A document's control state on the evaluation date."""

    id: str
    title: str
    type: str
    path: str
    approvers: tuple[str, ...]
    status: Status
    revisions: tuple[Revision, ...]
    current: Revision | None
    pending: Revision | None
    reviews: tuple[date, ...]
    review_due: date | None
    review_overdue: bool
    unapproved: tuple[UnapprovedChange, ...]
    withdrawn_on: date | None = None
    withdrawal: Withdrawal | None = None
    #: The roles or people whose ``Reviewed-by`` sign-off a change needs (审核), as approved.
    reviewers: tuple[str, ...] = ()

    @property
    def unapproved_change(self) -> bool:
        return bool(self.unapproved)

    @property
    def latest(self) -> Revision | None:
        return self.revisions[-1] if self.revisions else None

    def next_label(self, edition: str, scheme: RevisionScheme) -> str:
        """The revision an approved change with this edition would get."""
        return _next_label(self.latest, edition, scheme)[0]


@dataclass(frozen=True)
class ControlState:
    """Everything history says, as of one date."""

    as_of: date
    commit: str
    documents: tuple[DocumentControl, ...]
    findings: tuple[Finding, ...]
    roles: Roles | None
    files: tuple[tuple[str, str], ...]  # the release branch's controlled files at ``commit``
    roles_blob: str | None = None  # roles.yml as last approved (``roles``), not as on main
    #: The options in force: mkdocs.yml as last approved (the caller's, if git has none).
    config: Config | None = None
    #: mkdocs.yml, roles, clauses, external and acknowledged files as last approved:
    #: (path, blob), the blob None when the approved state is "absent".
    approved_files: tuple[tuple[str, str | None], ...] = ()
    acknowledged: tuple[Acknowledged, ...] = ()
    #: The commit whose approved mkdocs.yml put the release branch in force (its
    #: ``branch:`` as it now stands) when that names another branch than the first did:
    #: the commit the redirected branch's first-parent line must hold.
    branch_commit: str = ""
    #: The release branch that ``branch_commit`` redirected from.
    branch_from: str = ""
    #: Every root an approved mkdocs.yml put in force over the history (the options'
    #: own when none was approved): the paths the history must be read and judged under.
    roots_seen: tuple[str, ...] = ()

    def approved_blob(self, path: str) -> str | None:
        """The blob of a rules file as last approved, or None."""
        return dict(self.approved_files).get(path)
    # The pages under docs_dir as last approved, (path, blob): what a release site shows.
    site_pages: tuple[tuple[str, str], ...] = ()

    def get(self, doc_id: str) -> DocumentControl | None:
        return next((d for d in self.documents if d.id == doc_id), None)


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months; 31 January plus one month is the last day of February."""
    result: date = day + relativedelta(months=months)
    return result


def _next_label(last: Revision | None, edition: str, scheme: RevisionScheme) -> tuple[str, int]:
    amendment = 0 if last is None or last.edition != edition else last.amendment + 1
    sep = "/" if scheme is RevisionScheme.LETTER else "."
    return f"{edition}{sep}{amendment}", amendment


@dataclass
class _Doc:
    """Working state of one document while the history is replayed."""

    id: str
    path: str
    meta: dict[str, Any]
    revisions: list[Revision] = field(default_factory=list)
    reviews: list[date] = field(default_factory=list)
    unapproved: list[UnapprovedChange] = field(default_factory=list)
    # The errors for ``unapproved``: an approved change that carries the text clears
    # them, as their message promises.
    unapproved_findings: list[Finding] = field(default_factory=list)
    withdrawn_on: date | None = None
    present: bool = True
    approved_meta: dict[str, Any] | None = None
    # Who wrote the unapproved changes: the authors of an approval of the text standing.
    unapproved_authors: list[Identity] = field(default_factory=list)
    withdrawal: Withdrawal | None = None


class _Replay:
    def __init__(
        self,
        blobs: Mapping[str, bytes],
        config: Config,
        verifier: Verifier = verify,
        watch: tuple[str, ...] = (),
    ) -> None:
        self.blobs = blobs
        self.config = config
        self.verifier = verifier
        self.signature_warned: set[Message] = set()
        # Documents are judged under every root that is ever in force (``watch``, from
        # an earlier pass): a root added later must not launder what was written under
        # it before, and one taken out must not make its documents vanish.
        self.root_names = tuple(dict.fromkeys([*config.roots, *watch]))
        self.roots = tuple(r + "/" for r in self.root_names)
        self.roots_seen: dict[str, None] = {}
        # Each root taken out of the roots by an approved change, with that change.
        self.dropped: dict[str, ChangeEvent] = {}
        self.meta_cache: dict[str, dict[str, Any] | None] = {}
        self.head_cache: dict[bytes, dict[str, Any] | None] = {}
        self.tree: dict[str, str] = {}
        self.docs: dict[str, _Doc] = {}
        self.findings: list[Finding] = []
        # Unapproved roles changes not yet taken up by an approval of the top role.
        self.roles_findings: list[Finding] = []
        self.document_paths: dict[str, bool] = {}
        self.indexes: dict[str, tuple[str, ...]] = {}
        self.roles: Roles | None = None
        self.roles_blob: str | None = None
        self.site_pages = SitePages(config)
        # Verdicts depend only on who took part, the roles in force and the approvers
        # named; on a long history the same few combinations recur thousands of times.
        # Each verdict is kept with the roles it was judged under, which keeps that
        # object alive, so the id in its key cannot be reused by other roles.
        self.verdicts: dict[tuple[object, ...], tuple[Roles | None, approval.Verdict]] = {}
        self.identities = IdentityCheck(config.roles)
        # The rules files other than roles.yml, as last approved (issue 12, rule 5): the
        # options, clauses, external documents and acknowledgements in force.
        self.approved_files: dict[str, str | None] = {}
        self.pending: dict[str, list[Finding]] = {}
        # Findings about one commit, which an acknowledgement can name.
        self.commit_of: dict[Finding, str] = {}
        self.acknowledged: tuple[Acknowledged, ...] = ()
        # When each person came to hold each role (or to be listed, keyed by their own
        # name) as far as the approved roles say; None: since the root of trust.
        self.grants: dict[tuple[str, str], datetime | None] = {}
        self.rules = self.rules_files()
        self.branch_commit = ""
        self.branch_from = ""

    def rules_files(self) -> dict[str, str]:
        """The controlled rules files besides roles.yml, with the code of an unapproved change."""
        return {
            "mkdocs.yml": "config-unapproved",
            self.config.clauses: "clauses-unapproved",
            self.config.external: "external-unapproved",
            ACKNOWLEDGED: "acknowledged-unapproved",
        }

    # -- reading versions ------------------------------------------------------

    def meta(self, blob: str | None) -> dict[str, Any] | None:
        if blob is None:
            return None
        if blob in self.meta_cache:
            return self.meta_cache[blob]
        result: dict[str, Any] | None = None
        data = self.blobs.get(blob)
        if data is not None:
            # Only the front matter matters here: find it in the bytes. Most revisions
            # change the text, not the front matter, so each distinct front matter is
            # decoded and parsed once.
            start = (
                3 if data.startswith(b"---") else 6 if data.startswith(b"\xef\xbb\xbf---") else -1
            )
            end = data.find(b"\n---", start) if start > 0 else -1
            if end > 0:
                raw = data[start:end]
                if raw in self.head_cache:
                    result = self.head_cache[raw]
                else:
                    head, _ = decode("", raw)
                    result = self.head_cache[raw] = (
                        self.front_matter(head) if head is not None else None
                    )
        self.meta_cache[blob] = result
        return result

    @staticmethod
    def front_matter(head: str) -> dict[str, Any] | None:
        if not is_plain(head):
            return None  # the approved catalog's parser reports it, with its line
        try:
            loaded = yaml.load(head, Loader=_FastLoader)
        except (yaml.YAMLError, ValueError, TypeError):
            loaded = None
        return loaded if isinstance(loaded, dict) and isinstance(loaded.get("id"), str) else None

    def is_document_path(self, path: str) -> bool:
        known = self.document_paths.get(path)
        if known is None:
            known = self._is_document_path(path)
            self.document_paths[path] = known
        return known

    def _is_document_path(self, path: str) -> bool:
        if not path.startswith(self.roots) or not path.lower().endswith((".md", ".markdown")):
            return False
        for part in path.split("/")[1:-1]:
            match = ID_PATTERN.match(part)
            if match and match["prefix"] in self.config.types.record_form_prefixes:
                return False  # a filled record, not a document
        return True

    def index_candidates(self, path: str) -> tuple[str, ...]:
        """The ``index.md`` files that would make ``path`` a chapter, nearest first."""
        found = self.indexes.get(path)
        if found is None:
            candidates = []
            folder = posixpath.dirname(path)
            while folder:
                index = folder + "/index.md"
                if index != path:
                    candidates.append(index)
                if folder in self.root_names:
                    break
                folder = posixpath.dirname(folder)
            found = self.indexes[path] = tuple(candidates)
        return found

    def owner(self, path: str, tree: dict[str, str]) -> tuple[str, str] | None:
        """The id and front-matter file of the document a path belongs to in ``tree``."""
        if path not in tree or not self.is_document_path(path):
            return None
        for index in self.index_candidates(path):
            if index in tree:
                meta = self.meta(tree[index])
                return (str(meta["id"]), index) if meta else None
        meta = self.meta(tree[path])
        return (str(meta["id"]), path) if meta else None

    def files_of(self, doc: _Doc) -> tuple[tuple[str, str], ...]:
        if not (doc.path == "index.md" or doc.path.endswith("/index.md")):
            return ((doc.path, self.tree[doc.path]),)
        folder = posixpath.dirname(doc.path) + "/"
        chapters = sorted(
            (p, b)
            for p, b in self.tree.items()
            if p.startswith(folder) and p != doc.path and self.is_document_path(p)
        )
        return ((doc.path, self.tree[doc.path]), *chapters)

    def judge(
        self,
        who: approval.Parties,
        roles: Roles | None,
        approvers: tuple[str, ...],
        ignore_authors: bool = False,
        paths: frozenset[str] = frozenset(),
        commit: str = "",
    ) -> approval.Verdict:
        # The paths matter only to sign-offs, which are rare: elsewhere they would
        # only split the cache. A plain merge's claim names its own commit, which
        # would split the cache too: it is keyed without it, and the grounds of a
        # verdict kept from another merge are given this merge's commit.
        paths = paths if who.has_sign_offs else frozenset()
        if self.config.signatures is not SignatureMode.OFF:
            who = self.signed(who, roles)
        plain = all(c.basis is approval.Basis.MERGE for c in who.claims)
        party: object = (
            (who.claimed, who.authors, who.problems, tuple(c.verified for c in who.claims))
            if plain
            else who
        )
        key = (party, id(roles), approvers, ignore_authors, paths, self.config.min_approvals)
        kept = self.verdicts.get(key)
        if kept is not None:
            verdict = kept[1]
            if plain and verdict.grounds and verdict.grounds[0].commit != commit:
                # Built directly: dataclasses.replace, once per merge, cost more.
                grounds = tuple(
                    approval.Ground(g.person, g.basis, commit, g.key) for g in verdict.grounds
                )
                verdict = approval.Verdict(
                    verdict.approved,
                    verdict.approvers,
                    verdict.reason,
                    grounds,
                    verdict.ignored,
                    verdict.warnings,
                )
            return verdict
        verdict = approval.judge(
            who,
            roles,
            approvers,
            self.config.min_approvals,
            ignore_authors=ignore_authors,
            paths=paths,
        )
        self.verdicts[key] = (roles, verdict)
        return verdict

    def parties(self, event: ChangeEvent) -> approval.Parties:
        return approval.parties(
            event, self.config.forge_trailers_trusted, self.config.forge_committer_set
        )

    def in_time(
        self, verdict: approval.Verdict, event: ChangeEvent, names: tuple[str, ...]
    ) -> approval.Verdict:
        """The verdict without approvers whose authority came after the change's date.

        Authority is read at the first parent, but the issue date is the commit's own
        date: a merge backdated to before its merger got the role would otherwise be
        issued by someone who could not approve on that day.
        """
        if not verdict.approved or self.roles is None:
            return verdict
        counted: list[str] = []
        notes: list[Message] = []
        for person in verdict.approvers:
            granted = self.granted(person, names)
            if granted is not None and event.committed < granted:
                notes.append(
                    msg(
                        "approval.too-early",
                        date=event.committed.isoformat(),
                        person=person,
                        granted=granted.isoformat(),
                    )
                )
            else:
                counted.append(person)
        if not notes:
            return verdict
        grounds = tuple(g for g in verdict.grounds if g.person in counted)
        if len(counted) >= self.config.min_approvals:
            return approval.Verdict(True, tuple(counted), None, grounds, verdict.ignored)
        return approval.Verdict(False, tuple(counted), joined(notes), (), verdict.ignored)

    def granted(self, person: str, names: tuple[str, ...]) -> datetime | None:
        """When ``person`` came to hold one of ``names`` (roles or people), as the roles
        in force record it; None when they held it from the root of trust."""
        assert self.roles is not None
        since = [self.grants.get((person, name)) for name in names if person in self.roles.holders(name)]
        return None if not since or None in since else min(s for s in since if s)

    def review_in_time(
        self, review: approval.ReviewVerdict, event: ChangeEvent, names: tuple[str, ...]
    ) -> approval.ReviewVerdict:
        """The review without sign-offs made before their signer held a reviewer role.

        As for an approval (:meth:`in_time`, rule 6), the role is read at the first
        parent, but a sign-off dated before its signer was granted the role was not a
        review by a reviewer. A sign-off dated after the merge is taken at the merge's
        date, so a backdated merge cannot carry a review made after the grant.
        """
        if not review.reviewed or self.roles is None:
            return review
        kept: list[tuple[str, datetime | None]] = []
        notes: list[Message] = []
        for person, at in review.reviews:
            when = event.committed if at is None or at > event.committed else at
            granted = self.granted(person, names)
            if granted is not None and when < granted:
                notes.append(
                    msg(
                        "review.too-early",
                        person=person,
                        date=when.isoformat(),
                        granted=granted.isoformat(),
                    )
                )
            else:
                kept.append((person, at))
        if kept:
            return approval.ReviewVerdict(True, tuple(kept), None)
        return approval.ReviewVerdict(False, (), joined(notes))

    def set_roles(self, roles: Roles, blob: str | None, event: ChangeEvent, founding: bool) -> None:
        """Put approved roles in force, recording when each membership was granted."""
        old = self.roles
        grants: dict[tuple[str, str], datetime | None] = {}
        held = [(p.name, p.name) for p in roles.people] + [
            (member, role) for role, members in roles.roles for member in members
        ]
        for key in held:
            had = old is not None and (
                old.person(key[0]) is not None if key[0] == key[1] else key[0] in old.members(key[1])
            )
            grants[key] = (
                None if founding else self.grants.get(key) if had else event.committed
            )
        self.grants = grants
        self.roles, self.roles_blob = roles, blob

    def top_unapproved(
        self, path: str, code: str, key: str, event: ChangeEvent, top: str, verdict: approval.Verdict
    ) -> Finding:
        """The error for a rules file (roles.yml, mkdocs.yml…) changed without the top role."""
        message = msg(key, **_change(event), path=path, top=top, reason=_reason(verdict))
        return self.own(error(path, 1, code, _with_hint(message, event, self.config)), event)

    def own(self, finding: Finding, event: ChangeEvent) -> Finding:
        """Remember which commit ``finding`` is about, so an acknowledgement can name it."""
        self.commit_of[finding] = event.commit
        return finding

    def signed_review(self, who: approval.Parties, roles: Roles | None) -> approval.Parties:
        """``who`` with its review sign-offs' signatures checked, as its approvals' are."""
        if self.config.signatures is SignatureMode.OFF:
            return who
        return self.signed(who, roles)

    def signed(self, who: approval.Parties, roles: Roles | None) -> approval.Parties:
        """``who`` with its signatures checked (issue 17); under ``warn``, each unverified
        approval is reported once, as a warning naming its commit."""
        required = self.config.signatures is SignatureMode.REQUIRED
        checked = check_claims(who, roles, required, self.verifier)
        # Under warn each unverified claim is kept, unverified, and has one note, in order.
        unverified = [c for c in checked.claims if c.verified == ""]
        for claim, note in zip(unverified, checked.warnings, strict=False):
            if note not in self.signature_warned:
                self.signature_warned.add(note)
                path, line = _signer_line(roles, claim)
                self.findings.append(warning(path, line, "signature-unverified", note))
        return replace(checked, warnings=())

    # -- the replay -----------------------------------------------------------------

    def run(
        self,
        events: tuple[ChangeEvent, ...],
        adopt_at: int | None,
        adopted: date | None,
        adopter: str,
        summary: str = "",
    ) -> None:
        for index, event in enumerate(events):
            adopting = adopt_at is not None and index <= adopt_at
            self.step(event, adopting, adopt_at is not None and index < adopt_at)
            if adopting and index == adopt_at and adopted is not None:
                self.adopt(event, adopted, adopter, summary)

    def step(self, event: ChangeEvent, adopting: bool, before_baseline: bool = False) -> None:
        # Each document the change touches, with its front-matter file afterwards if
        # known: owners before the change, then the tree is updated in place (a copy
        # per commit would cost more than the rest of the replay), then owners after.
        tree = self.tree
        affected: dict[str, str | None] = {}
        touched: dict[str, set[str]] = {}  # each document's paths the change touches
        for change in event.changes:
            paths = (
                (change.path,)
                if change.old_path in (None, change.path)
                else (change.old_path, change.path)
            )
            for path in paths:
                found = self.owner(path, tree)
                if found:
                    affected.setdefault(found[0], None)
                    touched.setdefault(found[0], set()).add(path)
        pages = self.site_pages.touched(event.changes)
        touched_roles = False
        roles_where = ""
        roles_path = self.config.roles
        rules = self.rules
        touched_rules: list[str] = []
        for change in event.changes:
            if change.old_path and change.old_path != change.path:
                tree.pop(change.old_path, None)
            if change.blob is None:
                tree.pop(change.path, None)
            else:
                tree[change.path] = change.blob
            if self.config.roles in (change.path, change.old_path):
                touched_roles = True
                roles_where = self.config.roles
            elif is_key_file(change.path, roles_path) or is_key_file(
                change.old_path or "", roles_path
            ):
                # A key file roles.yml may name is part of the roles (issue 17).
                touched_roles = True
                roles_where = roles_where or change.path
            if change.path in rules or change.old_path in rules:
                touched_rules.extend(
                    p
                    for p in (change.path, change.old_path)
                    if p is not None and p in rules and p not in touched_rules
                )
        for change in event.changes:
            found = self.owner(change.path, tree)
            if found:
                affected[found[0]] = found[1]
                touched.setdefault(found[0], set()).add(change.path)

        roles_before = self.roles
        config_before = self.config
        if touched_roles:
            self.roles_change(event, roles_before, adopting, roles_where)
        if not adopting and self.roles is not None:
            # Against the roles in force at this commit: a change that lists someone's
            # new address, approved by the top role, already covers that person here.
            self.findings.extend(self.identities.findings(event, self.roles))
        if pages and not adopting:
            page_parties = self.parties(event)
            self.site_pages.change(
                event,
                pages,
                roles_before,
                lambda names: self.judge(page_parties, roles_before, names, commit=event.commit),
            )
        applied: Config | None = None
        for path in touched_rules:
            self.rules_change(event, path, rules[path], roles_before, adopting)
            if self.config is not config_before:
                # Judged under the options in force before it, like the roles: a change
                # cannot lower the bar it has to pass.
                applied, self.config = self.config, config_before
        if applied is not None:
            self.documents_step(event, affected, touched, roles_before, adopting, before_baseline)
            self.use_config(applied)
        else:
            self.documents_step(event, affected, touched, roles_before, adopting, before_baseline)

    def documents_step(
        self,
        event: ChangeEvent,
        affected: dict[str, str | None],
        touched: dict[str, set[str]],
        roles_before: Roles | None,
        adopting: bool,
        before_baseline: bool,
    ) -> None:
        reviewed = event.reviewed
        approved = event.approved_ids if not adopting else ()
        if not affected and not reviewed and not approved:
            return
        who = self.parties(event)
        if before_baseline and (event.is_merge or event.trailer_values("Approved-by")):
            self.approved_before_baseline(event, affected, who, roles_before)
        issued = event.committed.date()
        ignored: dict[Message, None] = {}
        for doc_id, hint in affected.items():
            doc_paths = frozenset(touched.get(doc_id, ()))
            verdict = self.document_change(
                event, doc_id, hint, who, roles_before, issued, adopting, doc_paths
            )
            if verdict is not None and verdict.approved:
                ignored.update(dict.fromkeys(verdict.ignored))
        for doc_id in reviewed:
            self.review(event, doc_id, who, roles_before, affected)
        for doc_id in approved:
            if doc_id not in affected:  # a change that carries the text approves it already
                self.approve_standing(event, doc_id, who, roles_before, issued)
        if event.merge_authored and affected and not adopting:
            self.findings.append(_merge_authored_finding(event))
        for note in ignored:
            # The change is approved without it, but a claim that counts for nothing
            # is worth an auditor's look: someone typed an approval that was not given.
            self.findings.append(
                warning(
                    ".git",
                    1,
                    "trailer-not-counted",
                    msg("trailer-not-counted", **_change(event), note=note),
                )
            )

    def use_config(self, config: Config) -> None:
        """Put approved options in force; what depends on roots and prefixes is recomputed.

        Roots only ever join the ones judged: a document whose root is taken out stays
        controlled until it is withdrawn (``root-dropped`` meanwhile).
        """
        if (config.roots, config.types) != (self.config.roots, self.config.types):
            self.document_paths.clear()
            self.indexes.clear()
            self.root_names = tuple(dict.fromkeys([*self.root_names, *config.roots]))
            self.roots = tuple(r + "/" for r in self.root_names)
        self.config = config
        self.rules = self.rules_files()

    def approved_before_baseline(
        self,
        event: ChangeEvent,
        affected: dict[str, str | None],
        who: approval.Parties,
        roles_before: Roles | None,
    ) -> None:
        """An approval older than the baseline means the baseline was moved past it (rule 9).

        Moving ``doccontrol/baseline`` forward would adopt, as if paper-approved, every
        unapproved change made before it; an approval that git already records there
        shows that documents were controlled in git before the tag's commit.
        """
        for doc_id in affected:
            doc = self.docs.get(doc_id)
            meta = (doc.approved_meta or doc.meta) if doc else None
            approvers = _names((meta or {}).get("approvers"))
            if approvers and self.judge(who, roles_before, approvers).approved:
                self.findings.append(
                    self.own(
                        error(
                            ".git",
                            1,
                            "baseline-moved",
                            msg("baseline-moved", **_change(event), doc=doc_id),
                        ),
                        event,
                    )
                )
                return

    def rules_change(
        self,
        event: ChangeEvent,
        path: str,
        code: str,
        roles_before: Roles | None,
        adopting: bool,
    ) -> None:
        """A change to mkdocs.yml, the clauses, the external documents or the
        acknowledgements: like roles.yml, it needs the top role (issue 12, rule 5)."""
        blob = self.tree.get(path)
        if adopting or (roles_before is None and path not in self.approved_files):
            # Before the baseline, or the file's first version before any roles: the
            # root of trust, like the first roles.yml.
            self.approve_rules_file(path, blob, event, (), founding=True)
            return
        if roles_before is None:
            self.pending.setdefault(path, []).append(
                self.own(
                    error(
                        path,
                        1,
                        code,
                        msg("control.rules-unapproved.no-roles", **_change(event), path=path),
                    ),
                    event,
                )
            )
            return
        verdict = self.in_time(
            self.judge(approval.parties(event), roles_before, (roles_before.top,)),
            event,
            (roles_before.top,),
        )
        if verdict.approved:
            self.pending.pop(path, None)
            self.approve_rules_file(path, blob, event, verdict.approvers, founding=False)
            return
        self.pending.setdefault(path, []).append(
            self.top_unapproved(path, code, "control.rules-unapproved", event, roles_before.top, verdict)
        )

    def approve_rules_file(
        self,
        path: str,
        blob: str | None,
        event: ChangeEvent,
        approvers: tuple[str, ...],
        founding: bool,
    ) -> None:
        redirectable = path in self.approved_files  # the first version redirects nothing
        self.approved_files[path] = blob
        text = None
        if blob is not None:
            text, _ = decode(path, self.blobs.get(blob, b""))
        if path == "mkdocs.yml":
            branch, roots_before = self.config.branch, self.config.roots
            if text is not None:
                # Unreadable, it keeps the options in force; check reports the file.
                with contextlib.suppress(ConfigError):
                    self.config = parse_mkdocs_yml(text, "").config
            elif blob is None:
                self.config = Config()
            if self.config.branch != branch and redirectable:
                self.branch_commit, self.branch_from = event.commit, branch
            if redirectable:
                for root in roots_before:
                    if root not in self.config.roots:
                        self.dropped[root] = event
            for root in self.config.roots:
                self.dropped.pop(root, None)
                self.roots_seen[root] = None
        elif path == ACKNOWLEDGED:
            entries, _ = parse_acknowledged(path, text or "")
            # An entry keeps who first approved it, however the file is edited later.
            kept = {(a.entry.commit, a.entry.code): a for a in self.acknowledged}
            on = event.committed.date()
            self.acknowledged = tuple(
                kept.get((entry.commit, entry.code))
                or Acknowledged(entry, () if founding else approvers, on)
                for entry in entries
            )

    def key_files(self) -> dict[str, str]:
        """The key files beside roles.yml at this commit (roles.yml may name them)."""
        found: dict[str, str] = {}
        for path, blob in self.tree.items():
            if is_key_file(path, self.config.roles):
                text, _ = decode(path, self.blobs.get(blob, b""))
                if text is not None:
                    found[path] = text
        return found

    def roles_change(
        self, event: ChangeEvent, roles_before: Roles | None, adopting: bool, where: str = ""
    ) -> None:
        blob = self.tree.get(self.config.roles)
        parsed: Roles | None = None
        if blob is not None:
            text, _ = decode(self.config.roles, self.blobs.get(blob, b""))
            if text is not None:
                parsed, _ = parse_roles(self.config.roles, text, self.key_files())
        if roles_before is None or adopting:
            # The first version of roles.yml is the root of trust.
            if parsed is not None:
                self.set_roles(parsed, blob, event, founding=True)
            return
        verdict = self.in_time(
            self.judge(self.parties(event), roles_before, (roles_before.top,), commit=event.commit),
            event,
            (roles_before.top,),
        )
        if verdict.approved:
            # The top role approved roles.yml as it now stands, earlier unapproved edits
            # included. Unreadable, it keeps the roles in force; check reports the file.
            self.roles_findings.clear()
            if parsed is not None:
                self.set_roles(parsed, blob, event, founding=False)
            return
        where = where or self.config.roles
        self.roles_findings.append(
            self.top_unapproved(where, "roles-unapproved", "roles-unapproved", event, roles_before.top, verdict)
        )

    def document_change(
        self,
        event: ChangeEvent,
        doc_id: str,
        hint: str | None,
        who: approval.Parties,
        roles_before: Roles | None,
        issued: date,
        adopting: bool,
        paths: frozenset[str] = frozenset(),
    ) -> approval.Verdict | None:
        doc = self.docs.get(doc_id)
        fm_path = hint or self._front_matter_path(doc_id)
        meta_after = self.meta(self.tree.get(fm_path)) if fm_path else None
        if doc is None:
            if fm_path is None or meta_after is None:
                return None
            doc = _Doc(doc_id, fm_path, meta_after)
            self.docs[doc_id] = doc
        present = meta_after is not None
        if present:
            assert fm_path is not None and meta_after is not None
            doc.path, doc.meta = fm_path, meta_after
        if adopting:
            doc.present = present
            doc.approved_meta = meta_after
            return None
        # Authority comes from the document's approvers as they stood at the first
        # parent, as far as an approval put them there (an unapproved edit to the list
        # grants nothing); a new document has none, so its own front matter names them.
        approvers = _names((doc.approved_meta or meta_after or {}).get("approvers"))
        verdict = self.in_time(
            self.judge(who, roles_before, approvers, paths=paths, commit=event.commit),
            event,
            approvers,
        )
        withdrawing = not present or (meta_after or {}).get("status") == "withdrawn"
        reviewers = self.reviewers_of(doc.approved_meta or meta_after or {})
        review = (
            self.review_in_time(
                approval.judge_review(
                    self.signed_review(who, roles_before), roles_before, reviewers,
                    verdict.approvers, paths,
                ),
                event,
                reviewers,
            )
            if verdict.approved and reviewers
            else None
        )
        if review is not None and not review.reviewed:
            verdict = replace(verdict, approved=False, reason=review.reason)
        if not verdict.approved:
            reason = _reason(verdict)
            doc.unapproved.append(UnapprovedChange(event.commit, event.author, issued, reason))
            doc.unapproved_authors.extend(who.authors)
            finding = (
                self._review_finding(doc, event, reason, roles_before, reviewers)
                if review is not None
                else self._unapproved_finding(doc, event, reason, roles_before, approvers)
            )
            doc.unapproved_findings.append(self.own(finding, event))
            doc.present = present
            return verdict
        doc.unapproved.clear()
        doc.unapproved_findings.clear()
        doc.unapproved_authors.clear()
        doc.present = present
        doc.approved_meta = meta_after or doc.approved_meta
        if withdrawing:
            self._withdraw(doc, event, issued, verdict.approvers, meta_after)
            return verdict
        doc.withdrawn_on = None
        doc.withdrawal = None
        assert meta_after is not None
        self._add_revision(
            doc,
            event,
            meta_after,
            issued,
            verdict.approvers,
            who.authors,
            verdict.grounds,
            review.reviews if review is not None else (),
        )
        return verdict

    def reviewers_of(self, meta: Mapping[str, Any]) -> tuple[str, ...]:
        return reviewers_of(meta, self.config)

    def _withdraw(
        self,
        doc: _Doc,
        event: ChangeEvent,
        issued: date,
        approvers: tuple[str, ...],
        meta: Mapping[str, Any] | None,
    ) -> None:
        doc.withdrawn_on = issued
        replaced = (meta or {}).get("replaced_by")
        doc.withdrawal = Withdrawal(
            on=issued,
            last_revision=doc.revisions[-1].label if doc.revisions else None,
            approvers=approvers,
            reason=event.summary,
            commit=event.commit,
            replaced_by=replaced.strip() if isinstance(replaced, str) and replaced.strip() else None,
        )

    def _review_finding(
        self,
        doc: _Doc,
        event: ChangeEvent,
        reason: Message,
        roles: Roles | None,
        reviewers: tuple[str, ...],
    ) -> Finding:
        return error(
            doc.path,
            1,
            "review-missing",
            msg(
                "review-missing",
                **_change(event),
                doc=doc.id,
                reason=reason,
                who=_holders(reviewers, roles),
            ),
        )

    def _add_revision(
        self,
        doc: _Doc,
        event: ChangeEvent,
        meta: dict[str, Any],
        issued: date,
        approvers: tuple[str, ...],
        authors: tuple[Identity, ...],
        grounds: tuple[approval.Ground, ...] = (),
        reviews: tuple[tuple[str, datetime | None], ...] = (),
    ) -> None:
        default = "A" if self.config.revisions is RevisionScheme.LETTER else "1"
        edition = str(meta.get("edition") or default).strip()
        last = doc.revisions[-1] if doc.revisions else None
        label, amendment = _next_label(last, edition, self.config.revisions)
        effective = _as_date(meta.get("effective"))
        names = []
        for author in authors:
            person = self.roles.by_email(author.email) if self.roles else None
            name = person.name if person else author.name
            if name not in names:
                names.append(name)
        doc.revisions.append(
            Revision(
                label=label,
                edition=edition,
                amendment=amendment,
                commit=event.commit,
                issued=issued,
                effective=effective if effective and effective > issued else issued,
                approvers=approvers,
                authors=tuple(names),
                summary=event.summary,
                path=doc.path,
                files=self.files_of(doc),
                grounds=grounds,
                prepared=_prepared(event, authors, self.roles),
                reviewed=tuple(SignOff(name, (at or event.committed).date()) for name, at in reviews),
            )
        )

    def _front_matter_path(self, doc_id: str) -> str | None:
        doc = self.docs.get(doc_id)
        if doc is not None and doc.path in self.tree:
            meta = self.meta(self.tree[doc.path])
            if meta and meta.get("id") == doc_id:
                return doc.path
        return None

    def _unapproved_finding(
        self,
        doc: _Doc,
        event: ChangeEvent,
        reason: Message,
        roles: Roles | None,
        approvers: tuple[str, ...],
    ) -> Finding:
        return error(
            doc.path,
            1,
            "unapproved-change",
            _with_hint(
                msg(
                    "unapproved-change",
                    **_change(event),
                    doc=doc.id,
                    reason=reason,
                    who=_holders(approvers, roles) if approvers else msg("approval.none-named"),
                ),
                event,
                self.config,
            ),
        )

    def review(
        self,
        event: ChangeEvent,
        doc_id: str,
        who: approval.Parties,
        roles_before: Roles | None,
        affected: dict[str, str | None],
    ) -> None:
        doc = self.docs.get(doc_id)
        if doc is None:
            self.findings.append(
                warning(
                    ".git",
                    1,
                    "review-unknown",
                    msg("review-unknown", commit=event.short, doc=doc_id),
                )
            )
            return
        # A review changes nothing, so an empty commit authors nothing either. Who may
        # record it is who may approve the document: its approvers as an approval left
        # them, not as an unapproved edit to the list would have them.
        changed_nothing = not event.is_merge and doc_id not in affected
        approvers = _names((doc.approved_meta or doc.meta).get("approvers"))
        verdict = self.in_time(
            self.judge(who, roles_before, approvers, ignore_authors=changed_nothing),
            event,
            approvers,
        )
        if verdict.approved:
            doc.reviews.append(event.committed.date())
        else:
            self.findings.append(
                warning(
                    doc.path,
                    1,
                    "review-not-counted",
                    msg("review-not-counted", commit=event.short, doc=doc_id, reason=_reason(verdict)),
                )
            )

    def approve_standing(
        self,
        event: ChangeEvent,
        doc_id: str,
        who: approval.Parties,
        roles_before: Roles | None,
        issued: date,
    ) -> None:
        """``Approved: ID``: the document's text as it stands on the branch is approved.

        It wrote nothing, so its own authors are not the text's: the authors of
        every unapproved change since the last approved revision are, and none of
        them may approve it.
        """
        doc = self.docs.get(doc_id)
        if doc is None or not doc.unapproved or not doc.present:
            what = msg(
                "approval-not-needed.unknown"
                if doc is None
                else "approval-not-needed.nothing"
                if doc.present
                else "approval-not-needed.deleted"
            )
            self.findings.append(
                warning(
                    doc.path if doc is not None else ".git",
                    1,
                    "approval-not-needed",
                    msg("approval-not-needed", commit=event.short, doc=doc_id, what=what),
                )
            )
            return
        authors = tuple(dict.fromkeys(doc.unapproved_authors))
        approvers = _names((doc.approved_meta or doc.meta).get("approvers"))
        # Held to the merge's own date like any approval: a standing approval merged
        # backdated to before its merger got the role would otherwise issue the text.
        verdict = self.in_time(
            self.judge(replace(who, authors=authors), roles_before, approvers, commit=event.commit),
            event,
            approvers,
        )
        # A document that names reviewers needs the review here too (issue 15).
        reviewers = self.reviewers_of(doc.approved_meta or doc.meta)
        review = (
            self.review_in_time(
                approval.judge_review(
                    self.signed_review(replace(who, authors=authors), roles_before),
                    roles_before, reviewers, verdict.approvers,
                ),
                event,
                reviewers,
            )
            if verdict.approved and reviewers
            else None
        )
        if review is not None and not review.reviewed:
            verdict = replace(verdict, approved=False, reason=review.reason)
        if not verdict.approved:
            self.findings.append(
                warning(
                    doc.path,
                    1,
                    "approval-not-counted",
                    msg(
                        "approval-not-counted",
                        commit=event.short,
                        doc=doc_id,
                        reason=_reason(verdict),
                    ),
                )
            )
            return
        doc.unapproved.clear()
        doc.unapproved_findings.clear()
        doc.unapproved_authors.clear()
        doc.approved_meta = doc.meta
        if doc.meta.get("status") == "withdrawn":
            self._withdraw(doc, event, issued, verdict.approvers, doc.meta)
            return
        doc.withdrawn_on = None
        doc.withdrawal = None
        self._add_revision(
            doc,
            event,
            doc.meta,
            issued,
            verdict.approvers,
            authors,
            verdict.grounds,
            review.reviews if review is not None else (),
        )

    def adopt(self, event: ChangeEvent, adopted: date, adopter: str, summary: str = "") -> None:
        """The baseline: every document at the tagged commit is approved A/0, or at the
        revision its paper history in baseline.yml reached."""
        self.site_pages.adopt(self.tree)
        paper = self._paper_history()
        for path in sorted(self.tree):
            found = self.owner(path, self.tree)
            if not found or found[0] not in self.docs:
                continue
            doc = self.docs[found[0]]
            if doc.revisions or not doc.present or doc.path != path:
                continue
            if not path.startswith(self.config.root_prefixes):
                # Under a root added after the baseline: the top role adopted the roots
                # in force then, so this text was never approved (a draft until it is).
                continue
            meta = doc.meta
            default = "A" if self.config.revisions is RevisionScheme.LETTER else "1"
            edition = str(meta.get("edition") or default).strip()
            rows = paper.pop(doc.id, ())
            if rows:
                self._adopt_paper(doc, event, rows, edition, adopter)
                continue
            label, _ = _next_label(None, edition, self.config.revisions)
            doc.revisions.append(
                Revision(
                    label,
                    edition,
                    0,
                    event.commit,
                    adopted,
                    adopted,
                    (adopter,),
                    (),
                    summary or label_text(self.config.language, "cli", "baseline_summary"),
                    doc.path,
                    self.files_of(doc),
                    grounds=(approval.Ground(adopter, approval.Basis.BASELINE, event.commit),),
                )
            )
        where = baseline_path(self.config)
        for doc_id, rows in sorted(paper.items()):
            self.findings.append(
                warning(
                    where,
                    rows[0].line,
                    "baseline-unknown",
                    msg("baseline-unknown", file=where, doc=doc_id),
                )
            )

    def _paper_history(self) -> dict[str, tuple[PaperRevision, ...]]:
        where = baseline_path(self.config)
        blob = self.tree.get(where)
        if blob is None:
            return {}
        text, problem = decode(where, self.blobs.get(blob, b""))
        if text is None:
            self.findings.extend([problem] if problem else [])
            return {}
        paper, found = parse_baseline(where, text, self.config.revisions)
        self.findings.extend(found)
        return paper

    def _adopt_paper(
        self,
        doc: _Doc,
        event: ChangeEvent,
        rows: tuple[PaperRevision, ...],
        edition: str,
        adopter: str,
    ) -> None:
        """A document adopted at the revision its paper history reached, with those rows."""
        files = self.files_of(doc)
        # The paper approvals themselves are outside git: what git can vouch for is
        # the top role's baseline tag that carried them over.
        grounds = (approval.Ground(adopter, approval.Basis.BASELINE, event.commit),)
        for row in rows:
            doc.revisions.append(
                Revision(
                    row.label,
                    row.edition,
                    row.amendment,
                    event.commit,
                    row.issued,
                    row.issued,
                    row.approved_by,
                    (),
                    row.summary,
                    doc.path,
                    files,
                    row.paper_label,
                    grounds,
                )
            )
        last = rows[-1]
        if last.edition != edition:
            # Left alone, the next approved change would re-issue it as edition A (or 1).
            self.findings.append(
                error(
                    doc.path,
                    1,
                    "baseline-edition",
                    msg(
                        "baseline-edition",
                        doc=doc.id,
                        label=last.label,
                        file=baseline_path(self.config),
                        line=last.line,
                        edition=edition,
                        paper_edition=last.edition,
                    ),
                )
            )


def reviewers_of(meta: Mapping[str, Any], config: Config) -> tuple[str, ...]:
    """The reviewer roles (审核) a document's front matter names, or its type's
    ``defaults``; none for most documents."""
    own = _names(meta.get("reviewers"))
    if own:
        return own
    defaults = dict(config.defaults).get(str(meta.get("type", "")))
    return defaults.reviewers if defaults else ()


def _prepared(
    event: ChangeEvent, authors: tuple[Identity, ...], roles: Roles | None
) -> tuple[SignOff, ...]:
    """编制: each author of the change, by listed name, with the date of their last commit in it."""
    dated: list[tuple[Identity, datetime]] = []
    if event.is_merge:
        for brought in event.brought_in:
            at = brought.authored or event.authored
            if not brought.is_merge and not brought.empty:
                dated.extend((who, at) for who in (brought.author, *brought.co_authors))
            elif brought.merge_authored:
                dated.append((brought.author, at))
        if event.merge_authored:
            dated.append((event.author, event.committed))
    if len(dated) == 1 and len(authors) == 1 and dated[0][0] is authors[0]:
        # The usual change: one author, dated by their one commit. What the general
        # path below gives for it, without its sets and dictionary (once per merge).
        who, at = dated[0]
        person = roles.by_email(who.email) if roles else None
        return (SignOff(person.name if person else who.name, at.date()),)
    seen = {(who.name, who.email.lower()) for who, _ in dated}
    # A single commit's authors, and any the merge's commits do not date, wrote on its date.
    dated.extend((a, event.authored) for a in authors if (a.name, a.email.lower()) not in seen)
    last: dict[str, date] = {}
    wanted = {(a.name, a.email.lower()) for a in authors}
    for who, at in dated:
        if (who.name, who.email.lower()) not in wanted:
            continue
        person = roles.by_email(who.email) if roles else None
        name = person.name if person else who.name
        day = at.date()
        if name not in last or day > last[name]:
            last[name] = day
    return tuple(SignOff(name, day) for name, day in last.items())


def _with_hint(message: Message, event: ChangeEvent, config: Config) -> Message:
    """``message``, and, for a forge squash whose approval git cannot show, what
    happened and how to fix the setup."""
    hint = approval.squash_hint(
        event, config.forge_committer_set, forge_trusted=config.forge_trailers_trusted
    )
    return msg("approval.with-hint", message=message, hint=hint) if hint else message


def _change(event: ChangeEvent) -> dict[str, str]:
    """The placeholders that name a change: ``commit {commit} by {author} on {date}``."""
    return {"commit": event.short, "author": str(event.author), "date": str(event.committed.date())}


def _reason(verdict: approval.Verdict | approval.ReviewVerdict) -> Message:
    return verdict.reason or msg("approval.none")


def _holders(names: tuple[str, ...], roles: Roles | None) -> Message | tuple[Message | str, ...]:
    """Each role (or person) named, with who holds it: 质量经理（王芳）."""
    if roles is None:
        return names
    return tuple(
        msg(
            "approval.role-holders",
            role=name,
            holders=roles.holders(name) or msg("approval.nobody"),
        )
        for name in names
    )


def _merge_authored_finding(event: ChangeEvent) -> Finding:
    return warning(
        event.merge_authored[0],
        1,
        "merge-authored",
        msg("merge-authored", **_change(event), paths=event.merge_authored),
    )


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return ()


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _shallow_findings(history: History) -> list[Finding]:
    findings = _rewritten_findings(history)
    if not history.shallow:
        return findings
    return [
        *findings,
        error(
            ".git",
            1,
            "shallow-clone",
            msg("shallow-clone"),
        ),
    ]


def _rewritten_findings(history: History) -> list[Finding]:
    """Replacement refs and grafts: ways to make git show another history than the recorded one."""
    findings = []
    if history.replace_refs:
        findings.append(
            error(
                ".git",
                1,
                "replace-refs",
                msg("replace-refs", refs=history.replace_refs),
            )
        )
    if history.grafts:
        findings.append(
            error(
                ".git",
                1,
                "grafts",
                msg("grafts"),
            )
        )
    return findings


class Evaluation:
    """:func:`evaluate`, taking the events one at a time as the history reader streams them.

    The reader calls :meth:`start` with the baseline tag and the blob store it is
    filling, then :meth:`add` with each event of the first-parent line, oldest
    first, once the blobs that event names are in the store. The replay then runs
    while git is still writing the history. It assumes that an annotated baseline
    tag dated by ``as_of`` adopts at its commit; when that turns out wrong (the
    tagger lacks authority, the commit is not on the line), or when the events did
    not all come this way (a cached history), :meth:`result` replays the history
    afresh with :func:`evaluate`, so the answer is the same either way.
    """

    def __init__(
        self,
        config: Config,
        as_of: date,
        now: datetime | None = None,
        verifier: Verifier = verify,
        watch: tuple[str, ...] = (),
    ) -> None:
        self.config = config
        self.as_of = as_of
        self.now = now
        self.verifier = verifier
        # Roots judged from the start: every root in force over the history (an
        # earlier pass's ``ControlState.roots_seen``).
        self.watch = watch
        self._replay: _Replay | None = None
        self._baseline: BaselineTag | None = None
        self._adopting = False
        self._usable = False
        self._added = 0
        self._later: list[ChangeEvent] = []  # dated after as_of, unless a later event is not
        self._commit = ""
        #: True when :meth:`result` had to replay the history afresh.
        self.replayed_afresh = False

    def start(self, baseline: BaselineTag | None, blobs: Mapping[str, bytes]) -> None:
        self._replay = _Replay(blobs, self.config, self.verifier, self.watch)
        self._baseline = baseline
        self._added = 0
        self._later.clear()
        self._commit = ""
        adopts = (
            baseline is not None
            and baseline.tagger is not None
            and baseline.date.date() <= self.as_of
        )
        # A tag that cannot adopt is judged by evaluate(), which explains why.
        self._usable = baseline is None or adopts
        self._adopting = adopts

    def add(self, event: ChangeEvent) -> None:
        self._added += 1
        if not self._usable:
            return
        if event.committed.date() > self.as_of:
            # Kept back: it counts only if a later event is dated by as_of (dates need
            # not rise along the line), as in evaluate().
            self._later.append(event)
            return
        for held in self._later:
            self._step(held)
        self._later.clear()
        self._step(event)

    def _step(self, event: ChangeEvent) -> None:
        replay = self._replay
        if replay is None or not self._usable:
            return
        baseline = self._baseline
        replay.step(
            event,
            self._adopting,
            self._adopting and baseline is not None and event.commit != baseline.commit,
        )
        self._commit = event.commit
        if self._adopting and baseline is not None and event.commit == baseline.commit:
            roles = replay.roles
            tagger = baseline.tagger
            person = roles.by_email(tagger.email) if roles and tagger else None
            if roles is None or person is None or person.name not in roles.members(roles.top):
                self._usable = False
                return
            unsigned = _baseline_signature(baseline, person.signing_keys, self.config, self.verifier)
            if unsigned and self.config.signatures is SignatureMode.REQUIRED:
                self._usable = False  # evaluate() reports it
                return
            if unsigned:
                replay.findings.append(
                    warning(roles.path, person.line, "signature-unverified", unsigned)
                )
            replay.adopt(event, baseline.date.date(), person.name, baseline.message)
            self._adopting = False

    def result(self, history: History) -> ControlState:
        """The control state, as :func:`evaluate` would give it for ``history``."""
        replay = self._replay
        complete = self._added == len(history.events) and history.baseline == self._baseline
        if replay is None or not complete or not self._usable or self._adopting:
            self.replayed_afresh = True
            return evaluate(
                history, self.config, self.as_of, self.now, self.verifier, self.watch
            )
        self.replayed_afresh = False
        return _finish(
            replay, self.as_of, self._commit, _shallow_findings(history), history, self.now
        )


def _signer_line(roles: Roles | None, claim: approval.Claim) -> tuple[str, int]:
    """Where roles.yml lists whoever made ``claim``: where a key for it belongs."""
    if roles is None:
        return ".git", 1
    if claim.basis is approval.Basis.FORGE_TRAILER:
        return roles.path, roles.forges[0].line if roles.forges else 1
    person = roles.by_email(claim.identity.email)
    return roles.path, person.line if person is not None else 1


def _baseline_signature(
    baseline: BaselineTag, keys: tuple[SigningKey, ...], config: Config, verifier: Verifier
) -> Message | None:
    """What is wrong with the baseline tag's signature, where signatures are checked."""
    if config.signatures is SignatureMode.OFF:
        return None
    check = verifier(f"tag:{baseline.commit}", baseline.signature, keys)
    if check.verified:
        return None
    return msg("baseline-invalid.unsigned", problem=check.problem or msg("signature.unsigned"))


def evaluate(
    history: History,
    config: Config,
    as_of: date,
    now: datetime | None = None,
    verifier: Verifier = verify,
    watch: tuple[str, ...] = (),
) -> ControlState:
    """Replay the release branch up to ``as_of`` and say where every document stands.

    ``now`` is the moment of the evaluation, for dates in the future; the caller
    reads the clock (or a test pins it), never the core. ``watch`` names roots
    judged from the start besides the options' (every root ever in force).
    """
    findings = _shallow_findings(history)
    last = -1
    for i, event in enumerate(history.events):
        if event.committed.date() <= as_of:
            last = i
    events = history.events[: last + 1]
    replay = _Replay(history.blobs, config, verifier, watch)

    adopt_at: int | None = None
    adopted: date | None = None
    adopter = ""
    baseline = history.baseline
    if baseline is not None:
        index = next((i for i, e in enumerate(history.events) if e.commit == baseline.commit), None)
        problem: Message | None = None
        if index is None:
            problem = msg("baseline-invalid.off-line")
        elif baseline.tagger is None:
            problem = msg("baseline-invalid.lightweight")
        else:
            # Authority to adopt comes from roles.yml as it stood at the tagged commit.
            probe = _Replay(history.blobs, config)
            probe.run(history.events[: index + 1], index, None, "")
            roles = probe.roles
            person = roles.by_email(baseline.tagger.email) if roles else None
            if roles is None or person is None or person.name not in roles.members(roles.top):
                problem = msg(
                    "baseline-invalid.tagger",
                    tagger=str(baseline.tagger),
                    top=roles.top if roles else "",
                )
            else:
                adopter = person.name
                unsigned = _baseline_signature(baseline, person.signing_keys, config, verifier)
                if unsigned and config.signatures is SignatureMode.REQUIRED:
                    problem, adopter = unsigned, ""
                elif unsigned:
                    findings.append(
                        warning(roles.path, person.line, "signature-unverified", unsigned)
                    )
        if problem:
            findings.append(
                error(
                    ".git",
                    1,
                    "baseline-invalid",
                    msg("baseline-invalid", problem=problem),
                )
            )
        elif index is not None and index <= last:
            adopt_at = index
            adopted = baseline.date.date() if baseline.date.date() <= as_of else None
            if adopted is None:
                adopt_at = None
        elif index is not None:
            adopt_at = None
    replay.run(events, adopt_at, adopted, adopter, baseline.message if baseline else "")
    return _finish(
        replay, as_of, events[-1].commit if events else "", findings, history, now
    )


def _finish(
    replay: _Replay,
    as_of: date,
    commit: str,
    findings: list[Finding],
    history: History,
    now: datetime | None,
) -> ControlState:
    """The control state once the replay has taken in every event up to ``as_of``."""
    config = replay.config
    baseline = history.baseline
    start = next(
        (i + 1 for i, e in enumerate(history.events) if baseline and e.commit == baseline.commit),
        0,
    )
    # Every commit of the line is dated, not only those up to as_of: a commit dated
    # 2099 would otherwise never be replayed, and so never seen.
    for finding, sha in date_findings(history.events, start, now, config.clock_skew):
        replay.commit_of[finding] = sha
        findings.append(finding)
    findings.extend(replay.findings)
    findings.extend(replay.roles_findings)
    for pending in replay.pending.values():
        findings.extend(pending)
    findings.extend(replay.site_pages.findings())
    for doc in replay.docs.values():
        findings.extend(doc.unapproved_findings)
    findings.extend(_dropped_findings(replay))
    findings = _acknowledge(findings, replay)

    documents = []
    for doc in replay.docs.values():
        documents.append(_freeze(doc, config, as_of))
        if documents[-1].review_overdue:
            d = documents[-1]
            findings.append(
                warning(
                    d.path,
                    1,
                    "review-overdue",
                    msg("review-overdue", doc=d.id, due=str(d.review_due)),
                )
            )
    documents.sort(key=lambda d: d.id)
    return ControlState(
        as_of=as_of,
        commit=commit,
        documents=tuple(documents),
        findings=tuple(sort_findings(findings)),
        roles=replay.roles,
        files=tuple(sorted((p, b) for p, b in replay.tree.items() if not config.is_site_page(p))),
        roles_blob=replay.roles_blob,
        config=config,
        approved_files=tuple(
            sorted(
                {
                    **replay.approved_files,
                    **({config.roles: replay.roles_blob} if replay.roles_blob else {}),
                }.items()
            )
        ),
        acknowledged=replay.acknowledged,
        site_pages=replay.site_pages.frozen(),
        branch_commit=replay.branch_commit,
        branch_from=replay.branch_from,
        roots_seen=tuple(replay.roots_seen) or config.roots,
    )


def _dropped_findings(replay: _Replay) -> list[Finding]:
    """Documents in force under a root an approved change took out of ``roots``.

    A controlled document leaves control by an approved withdrawal, which the
    register of withdrawn documents records; a roots change that drops it would make
    it vanish from the site and the registers with nobody having withdrawn it.
    """
    found: list[Finding] = []
    roots = replay.config.root_prefixes
    for doc in replay.docs.values():
        if doc.withdrawn_on is not None or not doc.present or doc.path.startswith(roots):
            continue
        root = next((r for r in replay.dropped if doc.path.startswith(r + "/")), None)
        if root is None:
            continue
        event = replay.dropped[root]
        found.append(
            replay.own(
                error(
                    doc.path,
                    1,
                    "root-dropped",
                    msg(
                        "root-dropped",
                        commit=event.short,
                        author=str(event.author),
                        date=str(event.committed.date()),
                        root=root,
                        doc=doc.id,
                    ),
                ),
                event,
            )
        )
    return found


def _acknowledge(findings: list[Finding], replay: _Replay) -> list[Finding]:
    """Errors that an approved acknowledgement names, as warnings that say who accepted them."""
    if not replay.acknowledged:
        return findings
    return acknowledge(findings, replay.commit_of, replay.acknowledged)


def _freeze(doc: _Doc, config: Config, as_of: date) -> DocumentControl:
    revisions = tuple(doc.revisions)
    in_force = [r for r in revisions if r.effective <= as_of]
    current = in_force[-1] if in_force else None
    pending = revisions[-1] if revisions and revisions[-1].effective > as_of else None
    # One definition for the register, the site, the edition and status (issue 15): a
    # document with a revision in force is current, whatever waits for its effective
    # date beside it; pending is a document with nothing in force yet.
    if doc.withdrawn_on is not None:
        status = Status.WITHDRAWN
    elif current is not None:
        status = Status.CURRENT
    elif pending is not None:
        status = Status.PENDING
    else:
        status = Status.DRAFT
    review_due = None
    overdue = False
    if status is Status.CURRENT and current is not None:
        # The review period in force is the approved one: an unapproved edit cannot
        # push the next review out. The clock runs from the revision in force (or a
        # later periodic review), never from one still waiting for its date.
        review = (doc.approved_meta or doc.meta).get("review")
        months = review if isinstance(review, int) and not isinstance(review, bool) else None
        last_check = max([current.issued, *doc.reviews])
        review_due = add_months(last_check, months or config.review_months)
        overdue = review_due < as_of
    return DocumentControl(
        id=doc.id,
        title=str(doc.meta.get("title", "")),
        type=str(doc.meta.get("type", "")),
        path=doc.path,
        approvers=_names(doc.meta.get("approvers")),
        status=status,
        revisions=revisions,
        current=current,
        pending=pending,
        reviews=tuple(doc.reviews),
        review_due=review_due,
        review_overdue=overdue,
        unapproved=tuple(doc.unapproved),
        withdrawn_on=doc.withdrawn_on,
        withdrawal=doc.withdrawal if doc.withdrawn_on is not None else None,
        reviewers=reviewers_of(doc.approved_meta or doc.meta, config),
    )
