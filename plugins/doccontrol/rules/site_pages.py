"""The pages under the MkDocs ``docs_dir`` are controlled like documents (issue 12, rule 11).

A home page or a how-to page is read as the organisation's word as much as a
procedure is, so a change to one needs approval: by the top role, or by a role
or person named in ``site_pages_approvers``. The baseline tag adopts the pages
present at its commit. A release site shows each page's approved text only and
leaves out a page that was never approved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from doccontrol.model.documents import Roles
from doccontrol.model.findings import Finding, error
from doccontrol.model.history import ChangeEvent, FileChange
from doccontrol.model.messages import Message, msg
from doccontrol.rules import approval
from doccontrol.sources.config import Config


def page_approvers(config: Config, roles: Roles | None) -> tuple[str, ...]:
    """Who may approve a site page: the top role, and whoever the config names."""
    top = (roles.top,) if roles is not None and roles.top else ()
    return tuple(dict.fromkeys((*top, *config.site_pages_approvers)))


@dataclass
class SitePages:
    """The approved text of each site page while the history is replayed."""

    config: Config
    approved: dict[str, str] = field(default_factory=dict)  # path -> blob last approved
    unapproved: dict[str, list[Finding]] = field(default_factory=dict)

    def touched(self, changes: Iterable[FileChange]) -> dict[str, str | None]:
        """The site pages a change touches, with the blob each holds after it (None: gone)."""
        pages: dict[str, str | None] = {}
        for change in changes:
            old = change.old_path
            if old and old != change.path and self.config.is_site_page(old):
                pages[old] = None
            if self.config.is_site_page(change.path):
                pages[change.path] = change.blob
        return pages

    def change(
        self,
        event: ChangeEvent,
        pages: Mapping[str, str | None],
        roles: Roles | None,
        verdict: Callable[[tuple[str, ...]], approval.Verdict],
    ) -> None:
        """Judge one commit's change to site pages; ``verdict`` judges it against approvers."""
        approvers = page_approvers(self.config, roles)
        judged = verdict(approvers)
        for path, blob in pages.items():
            if judged.approved:
                self.unapproved.pop(path, None)
                if blob is None:
                    self.approved.pop(path, None)
                else:
                    self.approved[path] = blob
                continue
            self.unapproved.setdefault(path, []).append(
                self._finding(event, path, judged.reason, roles, approvers)
            )

    def adopt(self, tree: Mapping[str, str]) -> None:
        """The baseline: every site page at the tagged commit is approved as it stands."""
        self.approved = {p: b for p, b in tree.items() if self.config.is_site_page(p)}
        self.unapproved.clear()

    def findings(self) -> list[Finding]:
        return [f for path in sorted(self.unapproved) for f in self.unapproved[path]]

    def frozen(self) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(self.approved.items()))

    def _finding(
        self,
        event: ChangeEvent,
        path: str,
        reason: Message | None,
        roles: Roles | None,
        approvers: tuple[str, ...],
    ) -> Finding:
        who_may: tuple[Message | str, ...] = tuple(
            msg(
                "approval.role-holders",
                role=name,
                holders=roles.holders(name) or msg("approval.nobody"),
            )
            if roles
            else name
            for name in approvers
        )
        return error(
            path,
            1,
            "unapproved-change",
            msg(
                "unapproved-change.site-page"
                if path in self.approved
                else "unapproved-change.site-page-new",
                commit=event.short,
                author=str(event.author),
                date=str(event.committed.date()),
                path=path,
                reason=reason or msg("approval.none"),
                docs_dir=self.config.docs_dir,
                who=who_may or msg("site-page.top-role"),
            ),
        )
