"""Load a repository: the one place that wires readers to the pure core (shell side)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from doccontrol.history.reader import first_parent_holds, read_history
from doccontrol.history.trees import edition_tags
from doccontrol.model.documents import SourceFile
from doccontrol.model.errors import RepositoryError
from doccontrol.model.findings import Finding, error, sort_findings, warning
from doccontrol.model.history import BaselineTag, History
from doccontrol.model.messages import msg
from doccontrol.project.gc_pause import gc_paused
from doccontrol.project.trust_cache import TrustCache
from doccontrol.project.worktree import read_codeowners, read_worktree
from doccontrol.rules.control import ControlState, Evaluation
from doccontrol.rules.editions import edition_findings
from doccontrol.rules.records import (
    FilledRecord,
    parse_records,
    record_history_findings,
    stale_external,
)
from doccontrol.sources.acknowledged import ACKNOWLEDGED, parse_acknowledged
from doccontrol.sources.catalog import Catalog, build_catalog
from doccontrol.sources.config import Config
from doccontrol.sources.text_file import decode
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
    repo: Path,
    config: Config,
    as_of: date | None = None,
    now: datetime | None = None,
    *,
    baseline: BaselineTag | None = None,
) -> Project:
    """The repository on ``as_of`` (default today), judged at ``now`` (default the clock).

    ``config`` is what the working tree's mkdocs.yml says; the options that govern
    are those git says were last approved, and ``Project.config`` holds them.
    ``baseline``, when given, stands in for the tag: what the repository would be if adopted.
    """
    with gc_paused():
        return _load_project(
            repo, config, as_of or date.today(), baseline, now or datetime.now(UTC)
        )


def _load_project(
    repo: Path, config: Config, as_of: date, baseline: BaselineTag | None, now: datetime
) -> Project:
    # The working tree is read in a thread while git streams the history: the main
    # thread spends most of that time waiting for git, so the two overlap.
    history: History | None = None
    history_problem: Finding | None = None
    control: ControlState | None = None
    # Verified signatures are remembered outside the repository, by key set.
    trust = TrustCache()
    with ThreadPoolExecutor(max_workers=1) as pool:
        reading = pool.submit(_read_worktree, repo, config)
        try:
            history, control = _read_control(repo, config, as_of, now, trust, baseline)
        except RepositoryError as exc:
            history_problem = error(".git", 1, exc.code, exc.text)
        sources, worktree, findings = reading.result()
    if history_problem is not None:
        findings.append(history_problem)
    approved = worktree
    if history is not None and control is not None:
        config = control.config or config
        findings.extend(control.findings)
        findings.extend(_pending_config(repo, history, control))
        findings.extend(_config_never_approved(repo, history, control))
        findings.extend(edition_findings(history, edition_tags(repo)))
        approved = build_catalog(approved_sources(history, control, config), config)
        findings.extend(record_history_findings(history, control, approved, config, trust))
        trust.save()
    records, record_findings = parse_records(sources, worktree, config)
    findings.extend(record_findings)
    findings.extend(_acknowledged_file(repo))
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


def _read_control(
    repo: Path,
    config: Config,
    as_of: date,
    now: datetime,
    trust: TrustCache,
    baseline: BaselineTag | None = None,
) -> tuple[History, ControlState]:
    """The history and its replay under the options last approved (issue 12, rule 5).

    The working tree's mkdocs.yml names the branch and the files to read; when the
    version git approved names others (a direct commit redirected ``branch:`` or
    ``roles:``), the history is read again as the approved options say, so an
    unapproved edit cannot choose what is judged. When approved changes moved the
    roots, it is read again under every root ever in force, judged from the start.
    """
    evaluation = Evaluation(config, as_of, now, trust)  # takes the events as git streams them
    history = _with_baseline(read_history(repo, config, evaluation), baseline)
    control = evaluation.result(history)
    approved = control.config
    # Roots changed over the history: read and judge every path under any of them
    # from the start (rare; a history whose roots never changed is read once).
    watch = control.roots_seen if approved and set(control.roots_seen) != set(approved.roots) else ()
    if approved is not None and (watch or _reading(approved) != _reading(config)):
        evaluation = Evaluation(approved, as_of, now, trust, watch=watch)
        reading = replace(approved, roots=watch) if watch else approved
        redirected = _with_baseline(read_history(repo, reading, evaluation), baseline)
        if approved.branch != config.branch and control.branch_commit and not any(
            e.commit == control.branch_commit for e in redirected.events
        ):
            # The redirect is refused: the branch whose history approved it stays read.
            trust.save()
            unanchored = _unanchored(control, history.branch, redirected.branch)
            return history, replace(
                control,
                config=replace(approved, branch=config.branch),
                findings=tuple(sort_findings([*control.findings, unanchored])),
            )
        history, control = redirected, evaluation.result(redirected)
    if control.branch_commit and first_parent_holds(
        repo, control.branch_from, control.branch_commit
    ) is False:
        # The line read records a redirect from a branch that never approved it.
        unanchored = _unanchored(control, control.branch_from, history.branch)
        control = replace(control, findings=tuple(sort_findings([*control.findings, unanchored])))
    trust.save()
    return history, control


def _unanchored(control: ControlState, source: str, target: str) -> Finding:
    """A redirect of ``branch:`` that the redirected branch does not carry on from
    the branch it left (issue 12, rule 5): an orphan, or a rewritten past."""
    return error(
        "mkdocs.yml",
        1,
        "branch-redirect-unanchored",
        msg(
            "branch-redirect-unanchored",
            commit=control.branch_commit[:10],
            source=source,
            target=target,
        ),
    )


def _with_baseline(history: History, baseline: BaselineTag | None) -> History:
    # A stand-in baseline (adopt's dry run) differs from what was streamed, so the
    # evaluation's result() replays afresh.
    return history if baseline is None else replace(history, baseline=baseline)


def _reading(config: Config) -> tuple[object, ...]:
    """The options that decide what the history reader reads."""
    return (config.branch, config.roots, config.roles, config.clauses, config.external)


def _pending_config(repo: Path, history: History, control: ControlState) -> list[Finding]:
    """A working tree whose mkdocs.yml is not the approved one: the approved one governs."""
    differs = _config_difference(repo / "mkdocs.yml", history, control)
    if differs is None:
        return []
    line, blob = differs
    return [
        warning(
            "mkdocs.yml",
            line,
            "config-pending",
            msg("config-pending", branch=history.branch, blob=str(blob)[:8]),
        )
    ]


def _config_never_approved(repo: Path, history: History, control: ControlState) -> list[Finding]:
    """A working tree's mkdocs.yml that git never held on the release branch: it would
    govern the site and the replay unseen, as nothing approved does.

    A mkdocs.yml committed but not approved is ``config-unapproved`` already, naming
    its commit. Without any mkdocs.yml the built-in defaults govern, which nobody
    can edit, so there is nothing to report.
    """
    if "mkdocs.yml" in dict(control.approved_files) or "mkdocs.yml" in dict(control.files):
        return []
    if not (repo / "mkdocs.yml").is_file():
        return []
    return [_never_approved_finding(history.branch)]


def _never_approved_finding(branch: str) -> Finding:
    return error("mkdocs.yml", 1, "config-never-approved", msg("config-never-approved", branch=branch))


def approved_preview(project: Project) -> bool:
    """Whether the mkdocs.yml last approved asks for a preview site.

    Only that file or ``doccontrol build --preview`` may: an unapproved ``preview:
    true`` in the working tree would otherwise turn a release build into a preview
    and skip ``config-unapproved-site`` (issue 12, rule 5).
    """
    control = project.control
    if control is None or control.approved_blob("mkdocs.yml") is None:
        return False
    return project.config.preview


def unapproved_site_config(project: Project, config_file: Path) -> Finding | None:
    """A release site's config file, when it is not the mkdocs.yml last approved.

    Its Markdown extensions and theme decide what the approved text renders to, so
    a release site is never built with an unapproved one (issue 12, rules 5 and 11),
    nor with one when git holds no approved mkdocs.yml at all.
    """
    if project.history is None or project.control is None:
        return None
    if "mkdocs.yml" not in dict(project.control.approved_files):
        return _never_approved_finding(project.history.branch)
    differs = _config_difference(config_file, project.history, project.control)
    if differs is None:
        return None
    line, blob = differs
    try:
        shown = config_file.resolve().relative_to(project.repo.resolve()).as_posix()
    except ValueError:
        shown = str(config_file)
    return error(
        shown,
        line,
        "config-unapproved-site",
        msg(
            "config-unapproved-site",
            file=shown,
            branch=project.history.branch,
            blob=str(blob)[:8],
        ),
    )


def _config_difference(
    path: Path, history: History, control: ControlState
) -> tuple[int, str | None] | None:
    """The first line where ``path`` differs from the approved mkdocs.yml, with its blob;
    None when they are the same, or when git has never held a mkdocs.yml (then the
    working tree's is all there is)."""
    approved = dict(control.approved_files)
    if "mkdocs.yml" not in approved:
        return None
    blob = approved["mkdocs.yml"]
    try:
        here = path.read_bytes()
    except OSError:
        here = b""
    there = history.blobs.get(blob, b"") if blob is not None else b""
    if here == there:
        return None
    ours, theirs = here.split(b"\n"), there.split(b"\n")
    line = next(
        (n for n, (a, b) in enumerate(zip(ours, theirs, strict=False), start=1) if a != b),
        min(len(ours), len(theirs)) + 1,
    )
    return min(line, max(len(ours), 1)), blob


def _acknowledged_file(repo: Path) -> list[Finding]:
    path = repo / ACKNOWLEDGED
    try:
        data = path.read_bytes()
    except OSError:
        return []
    text, problem = decode(ACKNOWLEDGED, data)
    if problem is not None:
        return [problem]
    _, found = parse_acknowledged(ACKNOWLEDGED, text or "")
    return found


def _read_worktree(repo: Path, config: Config) -> tuple[list[SourceFile], Catalog, list[Finding]]:
    sources, read_findings = read_worktree(repo, config)
    worktree = build_catalog(sources, config)
    findings: list[Finding] = [*read_findings, *worktree.findings]
    findings.extend(
        codeowners_findings(
            worktree, worktree.roles, read_codeowners(repo), config.min_approvals, config.language
        )
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
    # Roles, clauses and external documents as last approved, not as main has them.
    rules = dict(control.approved_files)
    for path, blob in control.files:
        if path == config.roles:
            blob = control.roles_blob or ""
        if path not in documents and not path.lower().endswith((".md", ".markdown")):
            if path in rules:
                continue
            data = history.blobs.get(blob)
            if data is not None:
                files[path] = data
    for path, approved_blob in rules.items():
        data = history.blobs.get(approved_blob) if approved_blob is not None else None
        if data is not None and path != "mkdocs.yml":
            files[path] = data
    return [SourceFile(p, d) for p, d in sorted(files.items())]
