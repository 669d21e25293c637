"""``baseline.yml``: each document's paper history, carried into git at adoption.

It sits beside roles.yml and is read only as it stood at the commit of the
``doccontrol/baseline`` tag: after adoption, revisions come from approvals alone.
Each id maps to one revision (the one in force on paper) or to a list of them,
oldest first, written in the configured scheme (``C/2`` or ``2.3``)::

    QP-01:
      revision: C/2
      issued: 2023-05-10
      approved_by: 王建国
      summary: 第三次修订：增加电子文件的控制
      paper_label: r4      # optional: the label the paper copy carried
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from doccontrol.model.findings import Finding, error
from doccontrol.model.messages import msg
from doccontrol.sources.config import Config, RevisionScheme
from doccontrol.sources.yaml_positions import PosDict, PosList, item_line, line_of, load_yaml

_KEYS = ("revision", "issued", "approved_by", "summary", "paper_label")
_PATTERN = {
    RevisionScheme.LETTER: re.compile(r"^(?P<edition>[A-Z])/(?P<amendment>\d+)$"),
    RevisionScheme.NUMERIC: re.compile(r"^(?P<edition>\d+)\.(?P<amendment>\d+)$"),
}
_EXAMPLE = {RevisionScheme.LETTER: "C/2", RevisionScheme.NUMERIC: "2.3"}


@dataclass(frozen=True)
class PaperRevision:
    """One revision a document went through on paper, before adoption."""

    doc_id: str
    label: str
    edition: str
    amendment: int
    issued: date
    approved_by: tuple[str, ...]
    summary: str
    paper_label: str
    line: int


def baseline_path(config: Config) -> str:
    """``baseline.yml`` next to roles.yml (``manual/baseline.yml`` by default)."""
    return posixpath.join(posixpath.dirname(config.roles), "baseline.yml")


def parse_baseline(
    path: str, text: str, scheme: RevisionScheme
) -> tuple[dict[str, tuple[PaperRevision, ...]], list[Finding]]:
    """Each document's paper revisions, oldest first, and what is wrong with the file."""
    data, problem = load_yaml(text)
    if problem:
        return {}, [error(path, problem.line, "baseline-yaml", problem.text)]
    if data is None:
        return {}, []
    if not isinstance(data, PosDict):
        return {}, [
            error(path, 1, "baseline-entry", msg("baseline-entry.mapping"))
        ]
    findings: list[Finding] = []
    result: dict[str, tuple[PaperRevision, ...]] = {}
    for doc_id, value in data.items():
        line = line_of(data, doc_id, 1)
        entries: list[tuple[Any, int]]
        if isinstance(value, PosList):
            entries = [(v, item_line(value, i, line)) for i, v in enumerate(value)]
        else:
            entries = [(value, line)]
        rows: list[PaperRevision] = []
        for entry, entry_line in entries:
            row = _row(path, str(doc_id), entry, entry_line, scheme, findings)
            if row is None:
                break
            if rows and _order(row) <= _order(rows[-1]):
                findings.append(
                    error(path, row.line, "baseline-entry",
                          msg("baseline-entry.order", id=str(doc_id), label=row.label,
                              previous=rows[-1].label))
                )
                break
            rows.append(row)
        else:
            if rows:
                result[str(doc_id)] = tuple(rows)
    return result, findings


def _order(row: PaperRevision) -> tuple[int, str, int]:
    # 10.0 comes after 9.3: a longer edition number is a later one.
    return len(row.edition), row.edition, row.amendment


def _row(
    path: str, doc_id: str, entry: Any, line: int, scheme: RevisionScheme, findings: list[Finding]
) -> PaperRevision | None:
    example = _EXAMPLE[scheme]
    if not isinstance(entry, PosDict):
        findings.append(
            error(path, line, "baseline-entry",
                  msg("baseline-entry.entry", id=str(doc_id), example=example))
        )
        return None
    unknown = sorted(str(k) for k in entry if k not in _KEYS)
    if unknown:
        findings.append(
            error(path, line_of(entry, unknown[0], line), "baseline-entry",
                  msg("baseline-entry.unknown", id=str(doc_id), unknown=", ".join(unknown),
                      known=", ".join(_KEYS)))
        )
        return None
    label = str(entry.get("revision", "")).strip()
    match = _PATTERN[scheme].match(label)
    if match is None:
        findings.append(
            error(path, line_of(entry, "revision", line), "baseline-entry",
                  msg("baseline-entry.scheme", id=str(doc_id), label=repr(label), scheme=scheme.value,
                      example=example))
        )
        return None
    issued = entry.get("issued")
    if isinstance(issued, str):
        try:
            issued = date.fromisoformat(issued.strip())
        except ValueError:
            issued = None
    if not isinstance(issued, date):
        findings.append(
            error(path, line_of(entry, "issued", line), "baseline-entry",
                  msg("baseline-entry.issued", id=str(doc_id)))
        )
        return None
    approvers = entry.get("approved_by")
    names = (approvers,) if isinstance(approvers, str) else approvers
    if not isinstance(names, list | tuple) or not names or not all(
        isinstance(n, str) and n.strip() for n in names
    ):
        findings.append(
            error(path, line_of(entry, "approved_by", line), "baseline-entry",
                  msg("baseline-entry.approved-by", id=str(doc_id), label=label))
        )
        return None
    return PaperRevision(
        doc_id,
        label,
        match["edition"],
        int(match["amendment"]),
        issued,
        tuple(n.strip() for n in names),
        str(entry.get("summary") or "").strip(),
        str(entry.get("paper_label") or "").strip(),
        line,
    )
