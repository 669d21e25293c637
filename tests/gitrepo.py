"""Real git repositories for tests: commits with authors, dates and trailers; branches; merges."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class Who:
    name: str
    email: str

    @property
    def ident(self) -> str:
        return f"{self.name} <{self.email}>"


class GitRepo:
    """A scratch repository driven through the git command line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.name", "Test Runner")
        self.git("config", "user.email", "runner@example.com")
        self.git("config", "commit.gpgsign", "false")

    @classmethod
    def from_fixture(cls, path: Path, fixture: str) -> GitRepo:
        shutil.copytree(FIXTURES / fixture, path, dirs_exist_ok=True)
        return cls(path)

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        full_env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(self.path), **(env or {})}
        result = subprocess.run(
            ["git", *args], cwd=self.path, env=full_env, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed: {result.stderr}")
        return result.stdout.strip()

    def write(self, rel: str, content: str | bytes) -> Path:
        target = self.path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        return target

    def read(self, rel: str) -> str:
        return (self.path / rel).read_text(encoding="utf-8")

    def remove(self, rel: str) -> None:
        self.git("rm", "-q", "-r", rel)

    def _env(self, who: Who, when: str, committer: Who | None = None) -> dict[str, str]:
        committer = committer or who
        return {
            "GIT_AUTHOR_NAME": who.name,
            "GIT_AUTHOR_EMAIL": who.email,
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_NAME": committer.name,
            "GIT_COMMITTER_EMAIL": committer.email,
            "GIT_COMMITTER_DATE": when,
        }

    def commit(
        self,
        message: str,
        who: Who | None = None,
        when: str = "2026-01-05T10:00:00+08:00",
        trailers: tuple[str, ...] = (),
        allow_empty: bool = False,
        committer: Who | None = None,
    ) -> str:
        """Commit everything; ``committer`` differs from the author for squashes and forges."""
        who = who or Who("Test Runner", "runner@example.com")
        self.git("add", "-A")
        full = message + ("\n\n" + "\n".join(trailers) if trailers else "")
        args = ["commit", "-q", "-m", full]
        if allow_empty:
            args.append("--allow-empty")
        self.git(*args, env=self._env(who, when, committer))
        return self.head()

    def head(self) -> str:
        return self.git("rev-parse", "HEAD")

    def branch(self, name: str, start: str = "main") -> None:
        self.git("checkout", "-q", "-b", name, start)

    def checkout(self, name: str) -> None:
        self.git("checkout", "-q", name)

    def merge(
        self,
        branch: str | list[str],
        who: Who,
        when: str = "2026-01-06T10:00:00+08:00",
        message: str | None = None,
        trailers: tuple[str, ...] = (),
        committer: Who | None = None,
        committed: str | None = None,
    ) -> str:
        """A merge commit on the current branch (always --no-ff), made by ``who``.

        A list of branches makes an octopus merge. ``committer`` and ``committed``
        stand for a forge's web merge, which commits as itself, or a commit made
        later than it was authored.
        """
        branches = [branch] if isinstance(branch, str) else branch
        msg = message or f"Merge branch '{' '.join(branches)}'"
        full = msg + ("\n\n" + "\n".join(trailers) if trailers else "")
        env = self._env(who, when, committer)
        if committed:
            env["GIT_COMMITTER_DATE"] = committed
        self.git("merge", "-q", "--no-ff", "-m", full, *branches, env=env)
        return self.head()

    def squash(
        self,
        branch: str,
        who: Who,
        message: str,
        when: str = "2026-01-06T10:00:00+08:00",
        trailers: tuple[str, ...] = (),
        author: Who | None = None,
    ) -> str:
        """A squash merge committed by ``who``, authored by ``author`` (default: ``who``)."""
        self.git("merge", "-q", "--squash", branch)
        return self.commit(message, author or who, when, trailers, committer=who)

    def tag(self, name: str, who: Who, when: str, message: str = "tag", ref: str = "HEAD") -> None:
        self.git("tag", "-a", name, "-m", message, ref, env=self._env(who, when))

    def lightweight_tag(self, name: str, ref: str = "HEAD") -> None:
        """A tag with no tagger, date or message: just a name for a commit."""
        self.git("tag", name, ref)

    def edit(self, rel: str, old: str, new: str) -> None:
        """Replace the one occurrence of ``old`` in a file."""
        text = self.read(rel)
        if text.count(old) != 1:
            raise AssertionError(f"{rel}: {old!r} occurs {text.count(old)} times")
        self.write(rel, text.replace(old, new))

    def append(self, rel: str, text: str) -> None:
        self.write(rel, self.read(rel) + text)

    def clone(self, target: Path, *args: str) -> GitRepo:
        """``git clone [args] file://self target``, driven like any other scratch repo."""
        self.git("clone", "-q", *args, f"file://{self.path}", str(target))
        clone = GitRepo.__new__(GitRepo)
        clone.path = target
        return clone
