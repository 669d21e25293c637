"""Read the controlled files of a working tree into SourceFile records (shell side)."""

from __future__ import annotations

import os
from pathlib import Path

from doccontrol.model.documents import SourceFile
from doccontrol.model.findings import Finding, error
from doccontrol.model.messages import msg
from doccontrol.sources.config import Config
from doccontrol.sources.signing_keys import is_key_file, keys_folder
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

    def add(path: Path, in_root: bool = False) -> None:
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
                        msg("symlink-escape", target=os.readlink(path)),
                    )
                )
                return
            if in_root:
                findings.append(_symlink_in_root(rel, os.readlink(path)))
                return
        try:
            sources.append(SourceFile(rel, path.read_bytes()))
        except OSError as exc:
            findings.append(error(rel, 1, "unreadable", msg("unreadable.file", problem=str(exc.strerror))))

    for root in config.roots:
        base = repo / root
        problem = _root_problem(repo, base, root)
        if problem is not None:
            findings.append(problem)
            continue
        if not base.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(base):
            here = Path(dirpath)
            kept = []
            for name in sorted(d for d in dirnames if not d.startswith(".")):
                folder = here / name
                rel = folder.relative_to(repo).as_posix()
                if folder.is_symlink():
                    # os.walk would skip it without a word, and git holds only the link.
                    findings.append(_symlink_in_root(rel, os.readlink(folder)))
                elif (folder / ".git").exists():
                    findings.append(_submodule_in_root(rel))
                else:
                    kept.append(name)
            dirnames[:] = kept
            for name in sorted(filenames):
                if not name.startswith("."):
                    add(here / name, in_root=True)
    findings.extend(_submodules_in_roots(repo, config))
    for extra in (config.roles, config.external, config.clauses):
        path = repo / extra
        if path.is_file():
            add(path)
    # The key files roles.yml may name (issue 17), when roles.yml lies outside the roots.
    keys = repo / keys_folder(config.roles)
    if keys.is_dir():
        for path in sorted(keys.iterdir()):
            if path.is_file() and is_key_file(path.relative_to(repo).as_posix(), config.roles):
                add(path)
    return sources, findings


def _root_problem(repo: Path, base: Path, root: str) -> Finding | None:
    """A root that is a link, or lies outside the repository, or is a repository itself."""
    if base.is_symlink() or (base.exists() and not base.resolve().is_relative_to(repo)):
        target = os.readlink(base) if base.is_symlink() else str(base.resolve())
        return error(
            root,
            1,
            "root-outside-repository",
            msg("root-outside-repository", root=root, target=target),
        )
    if (base / ".git").exists():
        return _submodule_in_root(root)
    return None


def _symlink_in_root(rel: str, target: str) -> Finding:
    return error(
        rel,
        1,
        "symlink-in-root",
        msg("symlink-in-root", target=target),
    )


def _submodule_in_root(rel: str) -> Finding:
    return error(
        rel,
        1,
        "submodule-in-root",
        msg("submodule-in-root", path=rel),
    )


def _submodules_in_roots(repo: Path, config: Config) -> list[Finding]:
    """Submodules that .gitmodules places in a root, checked out or not."""
    try:
        text = (repo / ".gitmodules").read_text("utf-8", errors="replace")
    except OSError:
        return []
    found = []
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        path = value.strip().strip("/")
        in_root = path in config.roots or path.startswith(config.root_prefixes)
        # One that is checked out was reported by the walk already.
        if sep and key.strip() == "path" and in_root and not (repo / path / ".git").exists():
            found.append(_submodule_in_root(path))
    return found


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
