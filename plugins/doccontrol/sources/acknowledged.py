"""Acknowledged findings (manual/acknowledged.yml): past errors the top role has accepted.

A finding on a commit that cannot be mended without rewriting history (an evil
merge, a backwards date, an unapproved change later superseded) is listed here
with its commit, its code and why it is accepted. Once a change to this file is
approved by the top role, the finding stays visible as a warning that names who
acknowledged it and when; it makes no text approved (ARCHITECTURE.md §5).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from doccontrol.model.findings import Finding, error, warning
from doccontrol.model.messages import Message, msg
from doccontrol.sources.yaml_positions import PosDict, PosList, item_line, line_of, load_yaml

ACKNOWLEDGED = "manual/acknowledged.yml"
_COMMIT = re.compile(r"^[0-9a-f]{7,40}$")
_CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_EXAMPLE = (
    "acknowledged:\n  - commit: 1a2b3c4d\n    code: date-backwards\n"
    "    reason: the laptop clock was a day slow"
)


@dataclass(frozen=True)
class Acknowledgement:
    """One entry: the finding ``code`` on ``commit`` (7 to 40 hex digits) is accepted."""

    commit: str
    code: str
    reason: str
    line: int

    def matches(self, commit: str, code: str) -> bool:
        return code == self.code and commit.startswith(self.commit)


@dataclass(frozen=True)
class Acknowledged:
    """An acknowledgement as approved: who approved the change that listed it, and when."""

    entry: Acknowledgement
    by: tuple[str, ...]
    on: date


def parse_acknowledged(path: str, text: str) -> tuple[tuple[Acknowledgement, ...], list[Finding]]:
    """The entries of the file, and a path:line error for each one that is malformed."""
    data, problem = load_yaml(text)
    if problem:
        return (), [error(path, problem.line, "acknowledged-invalid", problem.text)]
    if data is None:
        return (), []
    if not isinstance(data, PosDict) or not isinstance(data.get("acknowledged"), PosList):
        return (), [
            error(
                path,
                1,
                "acknowledged-invalid",
                msg("acknowledged-invalid", example=_EXAMPLE),
            )
        ]
    items = data["acknowledged"]
    entries: list[Acknowledgement] = []
    findings: list[Finding] = []
    for i, item in enumerate(items):
        line = item_line(items, i, line_of(data, "acknowledged", 1))
        if not isinstance(item, PosDict):
            findings.append(
                error(path, line, "acknowledged-invalid", msg("acknowledged-invalid.entry"))
            )
            continue
        commit = str(item.get("commit") or "").strip().lower()
        code = str(item.get("code") or "").strip()
        reason = str(item.get("reason") or "").strip()
        wrong: list[Message] = []
        if not _COMMIT.match(commit):
            wrong.append(msg("acknowledged-invalid.commit"))
        if not _CODE.match(code):
            wrong.append(msg("acknowledged-invalid.code"))
        if not reason:
            wrong.append(msg("acknowledged-invalid.reason"))
        if wrong:
            findings.append(error(path, line, "acknowledged-invalid",
                                  msg("acknowledged-invalid.all", problems=tuple(wrong))))
            continue
        entries.append(Acknowledgement(commit, code, reason, line))
    return tuple(entries), findings


def acknowledge(
    findings: Iterable[Finding],
    commit_of: Mapping[Finding, str],
    acknowledged: tuple[Acknowledged, ...],
) -> list[Finding]:
    """Errors that an approved acknowledgement names, as warnings that say who accepted them.

    ``commit_of`` says which commit each finding is about; a finding about no
    commit cannot be acknowledged. Only the finding changes: whatever it says was
    not approved stays unapproved.
    """
    result = []
    for finding in findings:
        sha = commit_of.get(finding)
        ack = (
            next((a for a in acknowledged if a.entry.matches(sha, finding.code)), None)
            if sha and finding.is_error
            else None
        )
        if ack is None:
            result.append(finding)
            continue
        who: tuple[str, ...] | Message = tuple(ack.by) or msg("acknowledged.adopter")
        result.append(
            warning(
                finding.path,
                finding.line,
                finding.code,
                msg("acknowledged", finding=finding.text, by=who, on=str(ack.on),
                    file=ACKNOWLEDGED, reason=ack.entry.reason),
            )
        )
    return result
