"""mkdocs serve: editing a page must not re-read history while the branch tip stays put."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from typing import Any

import pytest
from conftest import LI, ZHANG
from doccontrol.history import reader as history_reader
from doccontrol.history.reader import read_history
from doccontrol.sources.config import Config
from gitrepo import GitRepo


def _count_logs(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Record each history pass (the reader's two side-by-side ``git log`` streams)."""
    calls: list[list[str]] = []
    original = subprocess.Popen

    def spy(command: Any, *args: Any, **kwargs: Any) -> Any:
        # Every git call reads the recorded history: git --no-replace-objects log ...
        if isinstance(command, (list, tuple)) and command[1:3] == ["--no-replace-objects", "log"]:
            calls.append(list(command))
        return original(command, *args, **kwargs)

    monkeypatch.setattr(history_reader.subprocess, "Popen", spy)
    return calls


def test_history_is_cached_by_branch_tip(
    make_repo: Callable[..., GitRepo], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo()
    calls = _count_logs(monkeypatch)
    first = read_history(repo.path, Config())
    # An edit in the working tree (what mkdocs serve reacts to) leaves HEAD alone.
    repo.write("procedures/qp-01.md", repo.read("procedures/qp-01.md") + "\n草稿修改。\n")
    second = read_history(repo.path, Config())
    assert len(calls) == 2  # one pass: the first-parent diffs and the graph
    assert second is first

    repo.branch("zhang/edit")
    repo.commit("修改 QP-01", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/edit", LI, "2026-02-02T09:00:00+08:00")
    third = read_history(repo.path, Config())
    assert len(calls) == 4, "a new commit on main must be read"
    assert third.head != first.head
