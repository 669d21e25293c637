"""Findings: what the rules say about a repository, with where and how to fix it.

A finding is a value. The CLI, the site and the PDF all render it through the
functions here, so every surface says the same thing the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from doccontrol.model.frozen import quick_init
from doccontrol.model.messages import Message, msg


class Severity(Enum):
    """How bad a finding is. Errors fail `check`, strict builds and releases."""

    ERROR = "error"
    WARNING = "warning"


@quick_init
@dataclass(frozen=True, order=True)
class Finding:
    """One thing wrong (or worth a look) in the repository.

    ``path`` is repository-relative with forward slashes; ``line`` is 1-based
    (1 when the finding concerns a whole file or a commit). ``text`` says what
    is wrong and how to fix it, in either language; ``message`` is its English.
    """

    path: str
    line: int
    severity: Severity
    code: str
    text: Message

    @property
    def message(self) -> str:
        return self.text.render("en")

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def as_text(self, language: str = "en") -> str:
        return (
            f"{self.path}:{self.line}: {self.severity.value}: {self.code}: "
            f"{self.text.render(language)}"
        )

    def as_dict(self, language: str = "en") -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.text.render(language),
        }

    def as_github(self, language: str = "en") -> str:
        # GitHub workflow commands need %, CR and LF escaped in the message and
        # also ',' and ':' in properties.
        def prop(value: str) -> str:
            return (
                value.replace("%", "%25")
                .replace("\r", "%0D")
                .replace("\n", "%0A")
                .replace(":", "%3A")
                .replace(",", "%2C")
            )

        text = self.text.render(language).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return (
            f"::{self.severity.value} file={prop(self.path)},line={self.line},"
            f"title={prop(self.code)}::{text}"
        )


def error(path: str, line: int, code: str, message: Message) -> Finding:
    """An error at ``path:line``; ``message`` names a catalog entry, never a sentence."""
    return Finding(path, max(line, 1), Severity.ERROR, code, message)


def warning(path: str, line: int, code: str, message: Message) -> Finding:
    """A warning at ``path:line``; ``message`` names a catalog entry, never a sentence."""
    return Finding(path, max(line, 1), Severity.WARNING, code, message)


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.is_error for f in findings)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(set(findings), key=lambda f: (f.path, f.line, f.code, f.message))


class OutputFormat(Enum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


def render_findings(
    findings: Sequence[Finding],
    fmt: OutputFormat,
    extra: Mapping[str, object] | None = None,
    language: str = "en",
) -> str:
    """The findings as one text block in the given format (no trailing newline).

    ``extra`` adds keys next to the findings in JSON (``trust``, for --explain-trust).
    """
    if fmt is OutputFormat.JSON:
        errors = sum(1 for f in findings if f.is_error)
        return json.dumps(
            {
                "findings": [f.as_dict(language) for f in findings],
                "errors": errors,
                "warnings": len(findings) - errors,
                **(extra or {}),
            },
            ensure_ascii=False,
            indent=2,
        )
    if fmt is OutputFormat.GITHUB:
        return "\n".join(f.as_github(language) for f in findings)
    return "\n".join(f.as_text(language) for f in findings)


def summary_line(findings: Sequence[Finding], language: str = "en") -> str:
    errors = sum(1 for f in findings if f.is_error)
    warnings = len(findings) - errors
    if not findings:
        return msg("findings.none").render(language)
    return msg("findings.summary", errors=errors, warnings=warnings).render(language)
