"""The history reader on the repositories CI and people actually have (ARCHITECTURE.md §8).

Shallow clones, folders that are not repositories, detached checkouts and
clones with only ``origin/main``; and one ``git log`` pass for the whole
repository, never one per document.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import git
import pytest
from conftest import LI, ZHANG
from doccontrol.history import reader as history_reader
from doccontrol.project.load import load_project
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from doccontrol.rules.control import Status
from gitrepo import FIXTURES, GitRepo
from history_cases import (
    QP01,
    QP02,
    adopt,
    branch_commit,
    check,
    codes,
    document,
    register,
)

MakeRepo = Callable[..., GitRepo]
AS_OF = "2026-06-01"


def _with_changes(make_repo: MakeRepo) -> GitRepo:
    repo = make_repo()
    branch_commit(repo, "zhang/qp01", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.merge(
        "zhang/qp01", LI, "2026-02-03T10:00:00+08:00", "Merge pull request #1 from zhang/qp01\n\n修订"
    )
    branch_commit(repo, "zhang/qp02", ZHANG, "2026-03-01T09:00:00+08:00", path=QP02)
    repo.merge("zhang/qp02", LI, "2026-03-03T10:00:00+08:00")
    repo.append(QP01, "\n直接修改。\n")
    repo.commit("直接修改 QP-01", ZHANG, "2026-04-01T09:00:00+08:00")
    return repo


def test_shallow_clone_is_an_error_that_says_how_to_fetch(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    origin = _with_changes(make_repo)
    clone = origin.clone(tmp_path / "shallow", "--depth", "1")
    assert clone.git("rev-parse", "--is-shallow-repository") == "true"

    data = register(clone, AS_OF)
    assert "shallow-clone" in codes(data, "error")
    result = check(clone, AS_OF)
    assert result.code == 1
    lines = [ln for ln in result.stdout.splitlines() if ": error: shallow-clone: " in ln]
    assert len(lines) == 1
    assert "fetch-depth" in lines[0]


def test_folder_that_is_not_a_repository_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    shutil.copytree(FIXTURES / "minimal", folder)
    result = check(_plain(folder), AS_OF)
    assert result.code == 1
    lines = [ln for ln in result.stdout.splitlines() if ": error: not-a-repository: " in ln]
    assert len(lines) == 1
    assert "git" in lines[0]


def _plain(folder: Path) -> GitRepo:
    """A GitRepo handle on a folder without running git init (for check/register paths)."""
    handle = GitRepo.__new__(GitRepo)
    handle.path = folder
    return handle


def test_detached_head_gives_the_same_register_as_main(make_repo: MakeRepo) -> None:
    repo = _with_changes(make_repo)
    on_main = register(repo, AS_OF)
    repo.git("checkout", "-q", "--detach")
    assert repo.git("rev-parse", "--abbrev-ref", "HEAD") == "HEAD"
    detached = register(repo, AS_OF)
    assert detached == on_main
    assert document(detached, "QP-01")["revision"] == "A/1"
    assert document(detached, "QP-02")["revision"] == "A/1"
    assert document(detached, "QP-01")["unapproved_change"] is True


def test_detached_head_without_a_release_branch_is_an_error(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    """A checkout with no main and no origin/main: HEAD may be any branch, so nothing is read."""
    origin = _with_changes(make_repo)
    clone = origin.clone(tmp_path / "ci")
    clone.git("checkout", "-q", "--detach")
    clone.git("branch", "-D", "main")
    clone.git("remote", "remove", "origin")
    assert clone.git("for-each-ref", "refs/heads", "refs/remotes") == ""
    result = check(clone, AS_OF)
    assert result.code == 1
    lines = [ln for ln in result.stdout.splitlines() if ": error: branch-missing: " in ln]
    assert len(lines) == 1 and "git fetch origin main" in lines[0]


def test_clone_with_only_origin_main_works(make_repo: MakeRepo, tmp_path: Path) -> None:
    origin = _with_changes(make_repo)
    expected = register(origin, AS_OF)
    clone = origin.clone(tmp_path / "clone")
    clone.git("checkout", "-q", "-b", "work")
    clone.git("branch", "-D", "main")
    assert "main" not in clone.git("branch", "--list").split()
    assert clone.git("rev-parse", "--verify", "origin/main") == origin.head()
    # A commit on the local branch is not on the release branch: it changes nothing.
    clone.append(QP02, "\n本地草稿。\n")
    clone.commit("本地草稿", ZHANG, "2026-05-01T09:00:00+08:00")

    data = register(clone, AS_OF)
    assert data["commit"] == origin.head()
    assert data["documents"] == expected["documents"]
    assert check(clone, AS_OF).code == 1  # the direct commit on main is still an error


def test_subfolder_of_a_repository(make_repo: MakeRepo, tmp_path: Path) -> None:
    """The organisation's documents may live in a folder of a larger repository."""
    outer = GitRepo(tmp_path / "outer")
    shutil.copytree(FIXTURES / "minimal", outer.path / "qms")
    outer.write("README.md", "outer\n")
    adopt(outer)
    outer.branch("zhang/qp01")
    outer.append("qms/" + QP01, "\n修改。\n")
    outer.commit("QP-01", ZHANG, "2026-02-01T09:00:00+08:00")
    outer.checkout("main")
    outer.merge("zhang/qp01", LI, "2026-02-03T10:00:00+08:00")
    data = register(_plain(outer.path / "qms"), AS_OF)
    assert document(data, "QP-01")["revision"] == "A/1"
    assert document(data, "QP-01")["path"] == QP01
    assert document(data, "QP-02")["revision"] == "A/0"


# --- one pass -----------------------------------------------------------------------------------


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Record every git command GitPython runs."""
    calls: list[list[str]] = []
    original = git.cmd.Git.execute

    def spy(self: git.cmd.Git, command: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append([str(c) for c in command] if isinstance(command, (list, tuple)) else [command])
        return original(self, command, *args, **kwargs)

    monkeypatch.setattr(git.cmd.Git, "execute", spy)
    return calls


def _big_repo(make_repo: MakeRepo) -> GitRepo:
    """Ten documents, twenty-odd commits: merges, direct commits, a rename, a withdrawal."""
    repo = make_repo(commit=False)
    template = repo.read(QP02)
    for n in range(3, 9):
        repo.write(f"procedures/qp-{n:02d}.md", template.replace("QP-02", f"QP-{n:02d}"))
    adopt(repo)
    commits = 1
    for n in range(1, 9):
        path = f"procedures/qp-{n:02d}.md"
        branch_commit(repo, f"zhang/qp{n:02d}", ZHANG, f"2026-02-{n:02d}T09:00:00+08:00", path=path)
        repo.merge(f"zhang/qp{n:02d}", LI, f"2026-02-{n:02d}T15:00:00+08:00")
        commits += 2
    for n in range(3, 9):
        repo.append(f"procedures/qp-{n:02d}.md", "\n直接修改。\n")
        repo.commit(f"直接修改 QP-{n:02d}", ZHANG, f"2026-03-{n:02d}T09:00:00+08:00")
        commits += 1
    repo.branch("zhang/rename")
    repo.git("mv", "procedures/qp-08.md", "procedures/qp-08-renamed.md")
    repo.commit("改名", ZHANG, "2026-03-20T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/rename", LI, "2026-03-21T09:00:00+08:00")
    repo.branch("zhang/withdraw")
    repo.remove("procedures/qp-07.md")
    repo.commit("作废", ZHANG, "2026-03-22T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/withdraw", LI, "2026-03-23T09:00:00+08:00")
    commits += 4
    assert commits >= 20
    assert int(repo.git("rev-list", "--count", "main")) >= 20
    return repo


def test_history_is_read_in_one_pass(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _big_repo(make_repo)
    history_reader._CACHE.clear()
    calls = _spy(monkeypatch)
    streams: list[list[str]] = []
    popen = subprocess.Popen

    def spy_popen(args: Any, *rest: Any, **kwargs: Any) -> Any:
        streams.append([str(a) for a in args])
        return popen(args, *rest, **kwargs)

    # The log streams and the blob stream are the reader's own processes, outside GitPython.
    monkeypatch.setattr(history_reader.subprocess, "Popen", spy_popen)
    project = load_project(repo.path, read_mkdocs_yml(repo.path).config, date(2026, 6, 1))

    assert project.control is not None
    documents = project.control.documents
    assert len(documents) == 10
    assert all(len(d.revisions) >= 1 for d in documents)
    withdrawn = [d.id for d in documents if d.status is Status.WITHDRAWN]
    assert withdrawn == ["QP-07"]
    # One pass: the first-parent line with its diffs and the commit graph without
    # diffs, read side by side; never a git call per document or per commit.
    # Every git call reads the recorded history: no replacement objects (issue 12, rule 7).
    assert all(c[:2] == ["git", "--no-replace-objects"] for c in [*calls, *streams]), calls
    calls = [c[:1] + c[2:] for c in calls]
    streams = [s[:1] + s[2:] for s in streams]
    assert not [c for c in calls if len(c) > 1 and c[1] == "log"]
    logs = [r for r in streams if r[1] == "log"]
    assert len(logs) == 2, logs
    diffs, graph = sorted(logs, key=lambda command: "--raw" not in command)
    assert "--first-parent" in diffs and "--raw" in diffs
    assert "--raw" not in graph and "--first-parent" not in graph
    assert not [c for c in calls if len(c) > 1 and c[1] in ("show", "cat-file", "blame", "ls-tree")]
    # One stream of blobs; at most one of lookups (which blob a merge's other parent
    # holds at a path the merge changes: whether the merger wrote text), whatever the
    # number of merges. A merge whose tree is its branch's asks nothing: here, none asks.
    assert [s for s in streams if "cat-file" in s] == [["git", "cat-file", "--batch"]]


def test_number_of_git_commands_does_not_grow_with_documents(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    small = make_repo(name="small")
    big = _big_repo(make_repo)
    config = read_mkdocs_yml(small.path).config
    counts = []
    for repo in (small, big):
        history_reader._CACHE.clear()
        calls = _spy(monkeypatch)
        load_project(repo.path, config, date(2026, 6, 1))
        counts.append(len(calls))
        monkeypatch.undo()
    assert counts[0] == counts[1]


def test_big_repository_outcome(make_repo: MakeRepo) -> None:
    repo = _big_repo(make_repo)
    data = register(repo, AS_OF)
    assert len(data["documents"]) == 10
    assert document(data, "QP-01")["revision"] == "A/1"
    qp03 = document(data, "QP-03")
    assert qp03["revision"] == "A/1"
    assert qp03["unapproved_change"] is True
    qp08 = document(data, "QP-08")
    assert qp08["path"] == "procedures/qp-08-renamed.md"
    assert qp08["revision"] == "A/2"
    qp07 = document(data, "QP-07")
    assert qp07["status"] == "withdrawn"
    assert qp07["unapproved_change"] is False


def test_parsed_commits_spread_into_events_field_for_field() -> None:
    # The reader builds each event as ChangeEvent(*parsed, brought_in=...): the parsed
    # commit's fields must be the event's, in the same order.
    from dataclasses import fields

    from doccontrol.history.reader import _Mainline
    from doccontrol.model.history import ChangeEvent

    assert (*_Mainline._fields, "brought_in", "merge_authored", "signature") == tuple(
        f.name for f in fields(ChangeEvent)
    )
