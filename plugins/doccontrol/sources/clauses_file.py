"""The clause list of the standard (manual/clauses.yml)."""

from __future__ import annotations

from doccontrol.model.documents import Clause, Standard
from doccontrol.model.findings import Finding, error
from doccontrol.model.messages import msg
from doccontrol.sources.clause_sets import normalise_clause
from doccontrol.sources.yaml_positions import PosDict, PosList, item_line, load_yaml


def parse_clauses(path: str, text: str) -> tuple[Standard | None, list[Finding]]:
    data, problem = load_yaml(text)
    if problem:
        return None, [error(path, problem.line, problem.code or "clauses-yaml", problem.text)]
    if not isinstance(data, PosDict) or not isinstance(data.get("clauses"), PosList):
        return None, [
            error(
                path,
                1,
                "clauses-invalid",
                msg("clauses-invalid"),
            )
        ]
    findings: list[Finding] = []
    clauses: list[Clause] = []
    seen: set[str] = set()
    items = data["clauses"]
    for i, entry in enumerate(items):
        line = item_line(items, i, 1)
        if not isinstance(entry, PosDict) or "number" not in entry or "title" not in entry:
            findings.append(
                error(path, line, "clauses-invalid", msg("clauses-invalid.entry"))
            )
            continue
        number = normalise_clause(str(entry["number"]))
        if number in seen:
            findings.append(
                error(path, line, "clauses-invalid", msg("clauses-invalid.twice", number=number))
            )
            continue
        seen.add(number)
        clauses.append(
            Clause(
                number,
                str(entry["title"]),
                bool(entry.get("procedure")),
                bool(entry.get("records")),
                line,
            )
        )
    return Standard(
        str(data.get("standard", "")), str(data.get("title", "")), tuple(clauses)
    ), findings
