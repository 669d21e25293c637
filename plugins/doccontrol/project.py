"""Load a repository: the one place that wires readers to the pure core (shell side)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .catalog import Catalog, build_catalog
from .config import Config
from .findings import Finding, sort_findings
from .worktree import read_worktree


@dataclass(frozen=True)
class Project:
    """A repository as doccontrol sees it: its config, catalog and every finding."""

    repo: Path
    config: Config
    catalog: Catalog
    findings: tuple[Finding, ...]


def load_project(repo: Path, config: Config) -> Project:
    sources, read_findings = read_worktree(repo, config)
    catalog = build_catalog(sources, config)
    findings = sort_findings([*read_findings, *catalog.findings])
    return Project(repo, config, catalog, tuple(findings))
