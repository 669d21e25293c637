"""Read the controlled files of a working tree into SourceFile records (shell side)."""

from __future__ import annotations

import os
from pathlib import Path

from doccontrol.model.documents import SourceFile
from doccontrol.model.findings import Finding, error
from doccontrol.sources.config import Config
from doccontrol.workflow.codeowners import CODEOWNERS_PATHS


def read_worktree(repo: Path, config: Config) -> tuple[list[SourceFile], list[Finding]]:
    """Every file under the controlled roots, plus roles, external and clause files.

    A symlink that leads out of the repository is not followed: it is a finding,
    so a controlled page can never pull in a file from elsewhere on the machine.
    """
    repo = repo.resolve()
    sources: list[SourceFile] = []
    findings: list[Finding] = []
    seen: set[str] = set()

    def add(path: Path) -> None:
        rel = path.relative_to(repo).as_posix()
        if rel in seen:
            return
        seen.add(rel)
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(repo):
                findings.append(
                    error(
                        rel,
                        1,
                        "symlink-escape",
                        f"symbolic link points outside the repository ({os.readlink(path)}); "
                        "controlled files must live in the repository: copy the file in instead",
                    )
                )
                return
        try:
            sources.append(SourceFile(rel, path.read_bytes()))
        except OSError as exc:
            findings.append(error(rel, 1, "unreadable", f"cannot read file: {exc.strerror}"))

    for root in config.roots:
        base = repo / root
        if not base.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if not name.startswith("."):
                    add(Path(dirpath) / name)
    for extra in (config.roles, config.external, config.clauses):
        path = repo / extra
        if path.is_file():
            add(path)
    return sources, findings


def read_codeowners(repo: Path) -> list[tuple[str, str]]:
    """The text of each CODEOWNERS file the forges would read, as (path, text)."""
    found: list[tuple[str, str]] = []
    for rel in CODEOWNERS_PATHS:
        path = repo / rel
        if path.is_file():
            try:
                found.append((rel, path.read_text("utf-8", errors="replace")))
            except OSError:
                continue
    return found
