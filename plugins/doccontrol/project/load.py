"""Load a repository: the one place that wires readers to the pure core (shell side)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from doccontrol.history.reader import read_history
from doccontrol.model.documents import SourceFile
from doccontrol.model.errors import RepositoryError
from doccontrol.model.findings import Finding, error, sort_findings
from doccontrol.model.history import BaselineTag, History
from doccontrol.project.gc_pause import gc_paused
from doccontrol.project.trust_cache import TrustCache
from doccontrol.project.worktree import read_codeowners, read_worktree
from doccontrol.rules.control import ControlState, Evaluation
from doccontrol.rules.records import (
    FilledRecord,
    parse_records,
    record_history_findings,
    stale_external,
)
from doccontrol.sources.catalog import Catalog, build_catalog
from doccontrol.sources.config import Config
from doccontrol.workflow.codeowners import codeowners_findings


@dataclass(frozen=True)
class Project:
    """A repository as doccontrol sees it on one date.

    ``worktree`` is what the files on disk say (what ``check`` lints and a preview
    shows); ``approved`` holds, for each document, the text of its current
    revision read from git (what a release build shows). ``control`` is None when
    the folder is not a git repository.
    """

    repo: Path
    config: Config
    as_of: date
    worktree: Catalog
    approved: Catalog
    control: ControlState | None
    history: History | None
    findings: tuple[Finding, ...]
    records: tuple[FilledRecord, ...] = ()

    def site_catalog(self, preview: bool) -> Catalog:
        return self.worktree if preview or self.control is None else self.approved


def load_project(
    repo: Path, config: Config, as_of: date | None = None, baseline: BaselineTag | None = None
) -> Project:
    """``baseline``, when given, stands in for the tag: what the repository would be if adopted."""
    with gc_paused():
        return _load_project(repo, config, as_of or date.today(), baseline)


def _load_project(repo: Path, config: Config, as_of: date, baseline: BaselineTag | None) -> Project:
    # The working tree is read in a thread while git streams the history: the main
    # thread spends most of that time waiting for git, so the two overlap.
    history: History | None = None
    history_problem: Finding | None = None
    with ThreadPoolExecutor(max_workers=1) as pool:
        reading = pool.submit(_read_worktree, repo, config)
        # The replay takes the events as git streams them.
        trust = TrustCache()
        evaluation = Evaluation(config, as_of, trust)
        try:
            history = read_history(repo, config, evaluation)
        except RepositoryError as exc:
            history_problem = error(".git", 1, "not-a-repository", exc.message)
        sources, worktree, findings = reading.result()
    if history_problem is not None:
        findings.append(history_problem)
    if history is not None and baseline is not None:
        history = replace(history, baseline=baseline)  # the evaluation then replays afresh
    control: ControlState | None = None
    approved = worktree
    if history is not None:
        control = evaluation.result(history)
        trust.save()
        findings.extend(control.findings)
        approved = build_catalog(approved_sources(history, control, config), config)
        findings.extend(record_history_findings(history, control, approved, config))
    records, record_findings = parse_records(sources, worktree, config)
    findings.extend(record_findings)
    findings.extend(stale_external(worktree.external, config, as_of))
    return Project(
        repo,
        config,
        as_of,
        worktree,
        approved,
        control,
        history,
        tuple(sort_findings(findings)),
        records,
    )


def _read_worktree(repo: Path, config: Config) -> tuple[list[SourceFile], Catalog, list[Finding]]:
    sources, read_findings = read_worktree(repo, config)
    worktree = build_catalog(sources, config)
    findings: list[Finding] = [*read_findings, *worktree.findings]
    findings.extend(
        codeowners_findings(worktree, worktree.roles, read_codeowners(repo), config.min_approvals)
    )
    return sources, worktree, findings


def approved_sources(history: History, control: ControlState, config: Config) -> list[SourceFile]:
    """The files of each document's current (or last) revision, plus the registers as on main.

    roles.yml is the version last approved by the top role: an unapproved change on
    main must not put a person on the site's roles page (职责和权限).
    """
    files: dict[str, bytes] = {}
    for doc in control.documents:
        revision = doc.current or doc.latest
        if revision is None:
            continue
        for path, blob in revision.files:
            data = history.blobs.get(blob)
            if data is not None:
                files.setdefault(path, data)
    documents = {path for path in files}
    for path, blob in control.files:
        if path == config.roles:
            blob = control.roles_blob or ""
        if path not in documents and not path.lower().endswith((".md", ".markdown")):
            data = history.blobs.get(blob)
            if data is not None:
                files[path] = data
    return [SourceFile(p, d) for p, d in sorted(files.items())]
