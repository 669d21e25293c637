"""Shared fixtures: real git repositories and the doccontrol / mkdocs commands run as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from gitrepo import GitRepo, Who

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# People of the minimal fixture's roles.yml.
WANG = Who("王总", "wang@example.com")  # 总经理 (top)
LI = Who("李代表", "li@example.com")  # 管理者代表
ZHANG = Who("张质量", "zhang@example.com")  # 质量部
ZHAO = Who("赵客服", "zhao@example.com")  # 客服中心
STRANGER = Who("陌生人", "stranger@example.com")


@dataclass(frozen=True)
class Result:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_cli(*args: str, cwd: Path | None = None) -> Result:
    """Run ``doccontrol`` in a subprocess, exactly as a user would."""
    proc = subprocess.run(
        [sys.executable, "-m", "doccontrol", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def run_mkdocs(repo: Path, *args: str) -> Result:
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", *args, "-f", str(repo / "mkdocs.yml")],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def make_repo(tmp_path: Path) -> Callable[..., GitRepo]:
    """A real git repository holding a copy of a fixture folder.

    With ``commit``, the files are committed once and adopted as approved by the
    baseline tag of the top role (ARCHITECTURE.md §5, adoption), so the repository starts
    clean and a test's own change is the only thing under scrutiny.
    """

    def make(fixture: str = "minimal", commit: bool = True, name: str = "repo") -> GitRepo:
        repo = GitRepo.from_fixture(tmp_path / name, fixture)
        if commit:
            repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
            repo.tag("doccontrol/baseline", WANG, "2026-01-02T10:00:00+08:00", "纸质文件转入")
        return repo

    return make
