"""Links to pull requests on a known forge, from the remote URL and a change's message (pure)."""

from __future__ import annotations

import re

from doccontrol.model.history import ChangeEvent

_REMOTE = re.compile(
    r"^(?:https?://(?:[^@/]+@)?|ssh://git@|git@)(?P<host>github\.com|gitlab\.com)[:/](?P<path>.+?)(?:\.git)?/?$"
)
_GITHUB_MERGE = re.compile(r"^Merge pull request #(\d+)")
_SQUASH = re.compile(r"\(#(\d+)\)\s*$")
_GITLAB = re.compile(r"See merge request (?:\S+)?!(\d+)")


def web_base(remote_url: str) -> tuple[str, str] | None:
    """``(host, https base URL)`` for a GitHub or GitLab remote, else None."""
    match = _REMOTE.match(remote_url.strip())
    if not match:
        return None
    return match["host"], f"https://{match['host']}/{match['path']}"


def pull_request_url(remote_url: str, event: ChangeEvent) -> str | None:
    """The pull (merge) request a change came from, when the forge left its number."""
    base = web_base(remote_url)
    if base is None:
        return None
    host, url = base
    if host == "gitlab.com":
        found = _GITLAB.search(event.body)
        return f"{url}/-/merge_requests/{found.group(1)}" if found else None
    found = _GITHUB_MERGE.match(event.subject) or _SQUASH.search(event.subject)
    return f"{url}/pull/{found.group(1)}" if found else None
