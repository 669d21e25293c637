"""What a branch will do when it is merged: ``doccontrol status`` (pure).

Takes what git says about the branch (:class:`~doccontrol.model.branch.BranchChanges`),
the working tree's files and catalog, and the control state of the base (the
release branch as it stands), and says which documents change, the revision
each will get, who may approve each — by the roles in force on the base, which
a branch cannot change for itself — and what would block the merge.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from doccontrol.model.branch import BranchChanges
from doccontrol.model.documents import Document, Roles, SourceFile, language_code
from doccontrol.model.findings import Finding
from doccontrol.model.history import Identity
from doccontrol.model.messages import Message, Value, joined, msg
from doccontrol.registers.rows import draft_control
from doccontrol.rendering.labels import section_of
from doccontrol.rules import approval
from doccontrol.rules.control import ControlState
from doccontrol.sources.catalog import Catalog, build_catalog
from doccontrol.sources.config import Config, SignatureMode

_CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")


class Change(Enum):
    ADDED = "added"
    CHANGED = "changed"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class Approval:
    """Who may approve one change, by the roles in force on the base."""

    names: tuple[str, ...]  # the roles or people named as approvers
    holders: tuple[str, ...]  # the people who hold them
    authors: tuple[str, ...]  # holders who wrote part of the branch: they cannot approve
    unknown: tuple[str, ...]  # holders git cannot recognise (no email in roles.yml)
    remaining: tuple[str, ...]  # holders whose merge would count
    needed: int
    # Holders with no signing key listed on the base, where the config checks signatures:
    # under ``required`` their merge would not count (they are not in ``remaining``).
    keyless: tuple[str, ...] = ()

    @property
    def blocked(self) -> bool:
        return len(self.remaining) < self.needed


@dataclass(frozen=True)
class DocumentChange:
    id: str
    title: str
    path: str
    change: Change
    current: str | None  # the latest revision on the base
    next: str | None  # the revision a merge gives it; None when it is withdrawn
    effective: date | None
    approval: Approval
    # Who may give the review sign-off (审核) a document with ``reviewers:`` needs:
    # holders of the reviewer roles on the base who wrote none of the branch.
    review: Approval | None = None


@dataclass(frozen=True)
class ApprovalGroup:
    """Changed items (document ids, or the roles file) that the same people may approve."""

    approvers: tuple[str, ...]
    items: tuple[str, ...]


@dataclass(frozen=True)
class BranchStatus:
    base: str
    branch: str
    fork: str
    head: str
    commits: int
    authors: tuple[str, ...]
    uncommitted: bool
    documents: tuple[DocumentChange, ...]
    roles_change: Approval | None
    roles_path: str
    top: str
    errors: tuple[Finding, ...]
    blocking: tuple[Message, ...]
    min_approvals: int
    groups: tuple[ApprovalGroup, ...] = ()  # set when no single merger can approve it all


def blob_id(data: bytes, length: int = 40) -> str:
    """The id git gives a file's content (SHA-1, or SHA-256 in a sha256 repository)."""
    header = b"blob %d\x00" % len(data)
    digest = hashlib.sha256 if length == 64 else hashlib.sha1
    return digest(header + data).hexdigest()


def branch_status(
    changes: BranchChanges,
    worktree_files: Mapping[str, bytes],
    worktree: Catalog,
    base: ControlState | None,
    findings: Sequence[Finding],
    config: Config,
) -> BranchStatus:
    fork_files = {p: changes.blobs.get(b) for p, b in changes.fork_files}
    fork = build_catalog(
        [SourceFile(p, d) for p, d in fork_files.items() if d is not None], config
    )
    roles = base.roles if base is not None else None

    # Uncommitted edits to documents or roles will be the local user's commits: they
    # count as written by them. Other files (editor backups, ignored files) do not.
    head = dict(changes.head_files)
    length = len(next(iter(head.values()), "x" * 40))
    relevant = {config.roles, *(p for cat in (worktree, fork) for d in cat.documents for p in d.paths)}
    uncommitted = any(
        (worktree_files.get(path) is None) != (head.get(path) is None)
        or (path in worktree_files and blob_id(worktree_files[path], length) != head.get(path))
        for path in relevant
    )
    authors = list(changes.authors)
    if uncommitted and changes.local_author is not None and changes.local_author not in authors:
        authors.append(changes.local_author)

    def content(doc: Document, files: Mapping[str, bytes | None]) -> tuple[tuple[str, bytes | None], ...]:
        return tuple((p, files.get(p)) for p in sorted(doc.paths))

    documents: list[DocumentChange] = []
    ids = list(dict.fromkeys([*(d.id for d in worktree.documents), *(d.id for d in fork.documents)]))
    for doc_id in ids:
        new, old = worktree.get(doc_id), fork.get(doc_id)
        if new is not None and old is not None:
            if content(new, worktree_files) == content(old, fork_files):
                continue
            change = Change.WITHDRAWN if new.withdrawn and not old.withdrawn else Change.CHANGED
        elif new is not None:
            change = Change.ADDED
        else:
            assert old is not None
            # Gone from the catalog: deleted (withdrawn), or still there but unreadable,
            # which check reports where it is.
            still = any(p in worktree_files for p in old.paths)
            change = Change.CHANGED if still else Change.WITHDRAWN
        doc = new or old
        assert doc is not None
        ctl = base.get(doc_id) if base is not None else None
        latest = ctl.latest if ctl is not None else None
        if change is Change.WITHDRAWN:
            next_label = None
        else:
            state = ctl if ctl is not None else draft_control(doc)
            next_label = state.next_label(doc.edition, config.revisions)
        # Authority is the approvers as the base has them, not as the branch edits them.
        approved_before = ctl is not None and bool(ctl.revisions or ctl.withdrawn_on)
        names = ctl.approvers if ctl is not None and approved_before else doc.approvers
        reviewers = (
            ctl.reviewers
            if ctl is not None and approved_before
            else doc.reviewers or config.defaults_for(doc.type).reviewers
        )
        documents.append(
            DocumentChange(
                id=doc_id,
                title=doc.title,
                path=doc.path,
                change=change,
                current=latest.label if latest else None,
                next=next_label,
                effective=new.effective if new is not None else None,
                approval=_approval(names, roles, tuple(authors), config.min_approvals, config),
                review=_approval(reviewers, roles, tuple(authors), 1, config) if reviewers else None,
            )
        )
    documents.sort(key=lambda d: d.id)

    roles_change = None
    if worktree_files.get(config.roles) != fork_files.get(config.roles):
        top = (roles.top,) if roles is not None else ()
        roles_change = _approval(top, roles, tuple(authors), config.min_approvals, config)

    errors = tuple(f for f in findings if f.is_error)
    blocking: list[Message] = []
    if roles is None:
        blocking.append(
            msg(
                "status.no-roles",
                base=base.commit[:8] if base and base.commit else changes.base,
                roles=config.roles,
            )
        )
    for item in documents:
        reason = _blocked(f"{item.id} {item.title}", item.approval)
        if reason:
            blocking.append(reason)
        if item.review is not None and roles is not None:
            reason = _blocked(f"{item.id} {item.title}", item.review, review=True)
            if reason:
                blocking.append(reason)
    if roles_change is not None and roles is not None:
        reason = _blocked(msg("status.roles-item", roles=config.roles, top=roles.top), roles_change)
        if reason:
            blocking.append(reason)
    groups = approval_groups(documents, roles_change, config.roles)
    if not blocking and len(groups) > 1:
        blocking.append(_split_advice(groups))
    if errors:
        blocking.append(msg("status.check-errors", count=len(errors)))
    return BranchStatus(
        base=changes.base,
        branch=changes.branch,
        fork=changes.fork,
        head=changes.head,
        commits=len(changes.commits),
        authors=tuple(_name(a, roles) for a in authors),
        uncommitted=uncommitted,
        documents=tuple(documents),
        roles_change=roles_change,
        roles_path=config.roles,
        top=roles.top if roles is not None else "",
        errors=errors,
        blocking=tuple(blocking),
        min_approvals=config.min_approvals,
        groups=groups if len(groups) > 1 else (),
    )


def approval_groups(
    documents: Sequence[DocumentChange], roles_change: Approval | None, roles_path: str
) -> tuple[ApprovalGroup, ...]:
    """The changed items grouped so that one merger can approve each group.

    A merge has one merger: it approves every item only when someone may approve
    them all. One group means that person exists; more mean the branch, merged
    as it is, leaves some items unapproved.
    """
    items = [(d.id, d.approval) for d in documents]
    if roles_change is not None:
        items.append((roles_path, roles_change))
    if not items:
        return ()
    common = set(items[0][1].remaining).intersection(*(set(a.remaining) for _, a in items[1:]))
    if common:
        everyone = tuple(h for h in items[0][1].remaining if h in common)
        return (ApprovalGroup(everyone, tuple(i for i, _ in items)),)
    grouped: dict[tuple[str, ...], list[str]] = {}
    for item, need in items:
        grouped.setdefault(need.remaining, []).append(item)
    return tuple(ApprovalGroup(who, tuple(ids)) for who, ids in grouped.items())


def _split_advice(groups: Sequence[ApprovalGroup]) -> Message:
    parts = joined(
        msg("status.group", items=g.items, who=_names(g.approvers) or msg("status.nobody"))
        for g in groups
    )
    return msg("status.split", groups=parts)


def _name(identity: Identity, roles: Roles | None) -> str:
    person = roles.by_email(identity.email) if roles is not None else None
    return person.name if person is not None else str(identity)


def _approval(
    names: tuple[str, ...],
    roles: Roles | None,
    authors: tuple[Identity, ...],
    needed: int,
    config: Config | None = None,
) -> Approval:
    """Ask the approval rules, holder by holder, whether that holder's merge would count
    (and, where signatures are checked, whether a key is listed to sign it)."""
    if roles is None:
        return Approval(names, (), (), (), (), needed)
    signing = config.signatures if config is not None else SignatureMode.OFF
    keyless = tuple(
        name
        for name in dict.fromkeys(p for n in names for p in roles.holders(n))
        if signing is not SignatureMode.OFF
        and (person := roles.person(name)) is not None
        and not person.signing_keys
    )
    holders = list(dict.fromkeys(p for name in names for p in roles.holders(name)))
    excluded: list[str] = []
    unknown: list[str] = []
    remaining: list[str] = []
    for holder in holders:
        person = roles.person(holder)
        if person is None or not person.emails:
            unknown.append(holder)
            continue
        who = approval.Parties(claimed=(Identity(person.name, person.emails[0]),), authors=authors, problems=())
        if approval.judge(who, roles, names, 1).approved:
            if not (signing is SignatureMode.REQUIRED and holder in keyless):
                remaining.append(holder)
        else:
            excluded.append(holder)
    return Approval(
        names, tuple(holders), tuple(excluded), tuple(unknown), tuple(remaining), needed, keyless
    )


def _blocked(what: str | Message, need: Approval, review: bool = False) -> Message | None:
    """Why ``need`` blocks the merge (None when it does not): an approval, or with
    ``review`` the review sign-off (审核) the document needs besides."""
    if not need.blocked:
        return None
    named: str | Message = _names(need.names) or msg("status.no-approver")
    if not need.holders:
        return msg("status.nobody-holds", what=what, names=named)
    parts: list[Message] = []
    if need.authors:
        parts.append(msg("status.part.authors", names=_names(need.authors)))
    if need.unknown:
        parts.append(msg("status.part.unknown", names=_names(need.unknown)))
    if need.keyless:
        parts.append(msg("status.part.keyless", names=_names(need.keyless)))
    have = (
        msg("status.only", names=_names(need.remaining))
        if need.remaining
        else msg("status.no-holder")
    )
    kind = "status.review-blocked" if review else "status.blocked"
    if parts:
        return msg(kind + ".because", what=what, needed=need.needed, names=named, have=have,
                   because=joined(parts))
    return msg(kind, what=what, needed=need.needed, names=named, have=have)


# --- rendering ---------------------------------------------------------------------------------


def _names(items: Sequence[str]) -> str:
    """Names as their language lists them: 甲、乙 for Chinese names, A, B for Latin ones."""
    return ("、" if any(_CJK.search(i) for i in items) else ", ").join(items)


def _say(language: str, key: str, **values: Value) -> str:
    return msg(key, **values).render(language)


def _revision(doc: DocumentChange, language: str = "en") -> str:
    before = doc.current or "—"
    withdrawn = section_of("en", "change")["withdrawn"]
    if language_code(language) == "zh":
        withdrawn = section_of("zh", "change")["withdrawn"]
    after = doc.next or withdrawn
    text = f"{before} → {after}"
    if doc.effective is not None and doc.next:
        text += _say(language, "status.effective", date=str(doc.effective))
    return text


def _who(need: Approval, language: str) -> str:
    if not need.holders:
        return _say(language, "status.who.nobody", names=_names(need.names))
    text = _say(
        language,
        "status.who",
        names=_names(need.names),
        people=_names(need.remaining) or msg("status.nobody-left"),
    )
    if need.needed > 1:
        text += _say(language, "status.needed", count=need.needed)
    return text


def _excluded(need: Approval, language: str) -> str:
    parts = [_say(language, "status.excluded.author", name=n) for n in need.authors]
    parts += [_say(language, "status.excluded.no-email", name=n) for n in need.unknown]
    parts += [_say(language, "status.excluded.keyless", name=n) for n in need.keyless]
    return _names(parts) if language_code(language) != "zh" else "、".join(parts)


def _header(status: BranchStatus, language: str) -> str:
    branch = status.branch or status.head[:8]
    return _say(
        language,
        "status.header.uncommitted" if status.uncommitted else "status.header",
        branch=branch,
        base=status.base,
        fork=status.fork[:8],
        commits=status.commits,
    )


def _change_word(change: Change, language: str) -> str:
    if language_code(language) == "zh":
        return section_of("zh", "change")[change.value]
    return change.value


def render_text(status: BranchStatus, language: str = "zh") -> str:
    def say(key: str, **values: Value) -> str:
        return _say(language, key, **values)

    lines = [say("status.title", header=_header(status, language))]
    lines.append(say("status.authors", names=_names(status.authors) or msg("status.none")))
    lines.append("")
    if not status.documents and status.roles_change is None:
        lines.append(say("status.no-change"))
    for doc in status.documents:
        lines.append(
            f"{doc.id} {doc.title} ({doc.path}): {_change_word(doc.change, language)}, "
            f"{_revision(doc, language)}"
        )
        lines.append("    " + say("status.may-approve", who=_who(doc.approval, language)))
        if _excluded(doc.approval, language):
            lines.append("    " + say("status.cannot-approve", who=_excluded(doc.approval, language)))
        if doc.review is not None:
            lines.append("    " + say("status.may-review", who=_who(doc.review, language)))
            if _excluded(doc.review, language):
                lines.append("    " + say("status.cannot-review", who=_excluded(doc.review, language)))
    if status.roles_change is not None:
        lines.append(say("status.roles-changed", roles=status.roles_path))
        lines.append("    " + say("status.may-approve", who=_who(status.roles_change, language)))
        if _excluded(status.roles_change, language):
            lines.append(
                "    " + say("status.cannot-approve", who=_excluded(status.roles_change, language))
            )
    if status.groups:
        lines.append("")
        lines.append(say("status.groups"))
        lines.extend(
            "  - " + say("status.group-line", items=g.items, who=_names(g.approvers) or msg("status.nobody"))
            for g in status.groups
        )
    lines.append("")
    if status.blocking:
        lines.append(say("status.blocking"))
        lines.extend(f"  - {reason.render(language)}" for reason in status.blocking)
        lines.extend(f"      {f.as_text(language)}" for f in status.errors)
    else:
        lines.append(say("status.clear"))
    return "\n".join(lines)


def _change(change: Change, language: str) -> str:
    if language_code(language) == "zh":
        return f"{section_of('zh', 'change')[change.value]} {change.value}"
    return change.value


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _approvers_cell(doc: DocumentChange, language: str) -> str:
    cell = _cell(_who(doc.approval, language))
    if doc.review is not None:
        cell += "<br>" + _cell(_say(language, "status.may-review", who=_who(doc.review, language)))
    return cell


def render_markdown(status: BranchStatus, language: str = "zh") -> str:
    """The pull-request comment: Chinese sites get the table's labels in both languages."""
    chinese = language_code(language) == "zh"
    lines = [f"### doccontrol status: `{_header(status, language)}`", ""]
    if status.documents or status.roles_change is not None:
        lines.append(
            "| 文件 Document | 变更 Change | 修改状态 Revision | 可批准 May approve "
            "| 不可批准 Cannot approve |"
            if chinese
            else "| Document | Change | Revision | May approve | Cannot approve |"
        )
        lines.append("|---|---|---|---|---|")
        for doc in status.documents:
            lines.append(
                f"| {_cell(doc.id)} {_cell(doc.title)}<br>`{_cell(doc.path)}` "
                f"| {_change(doc.change, language)} | {_cell(_revision(doc, language))} "
                f"| {_approvers_cell(doc, language)} "
                f"| {_cell(_excluded(doc.approval, language)) or '—'} |"
            )
        if status.roles_change is not None:
            lines.append(
                f"| `{_cell(status.roles_path)}` (roles) "
                f"| {_change(Change.CHANGED, language)} | — "
                f"| {_cell(_who(status.roles_change, language))} "
                f"| {_cell(_excluded(status.roles_change, language)) or '—'} |"
            )
    else:
        lines.append(_say(language, "status.no-change"))
    lines.append("")
    lines.append(
        _say(language, "status.authors.markdown", names=_cell(_names(status.authors)) or msg("status.none"))
    )
    lines.append("")
    if status.blocking:
        lines.append("#### :x: " + _say(language, "status.blocking.title"))
        lines.append("")
        lines.extend(f"- {_cell(reason.render(language))}" for reason in status.blocking)
        if status.errors:
            lines.append("")
            lines.append("```text")
            lines.extend(f.as_text(language) for f in status.errors)
            lines.append("```")
    else:
        lines.append(":white_check_mark: " + _say(language, "status.clear.markdown"))
    return "\n".join(lines)
