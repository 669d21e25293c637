"""An edition reads trees and blobs through the history reader's one ``cat-file --batch``
stream (ARCHITECTURE.md §8, invariant 3), and sees exactly what ``git ls-tree`` sees.

Real repositories: folders, an executable, a symbolic link, non-ASCII and odd names, the
organisation in a sub-folder of the work tree; real git counted by a real wrapper on PATH.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT
from doccontrol.history.trees import GitTree
from doccontrol.model.errors import RepositoryError
from doccontrol.model.history import TreeEntry
from gitrepo import GitRepo


def _ls_tree(repo: GitRepo, commit: str, prefix: str) -> dict[str, TreeEntry]:
    raw = subprocess.run(["git", "ls-tree", "-r", "-z", "--full-tree", commit], cwd=repo.path,
                         capture_output=True, check=True).stdout
    out = {}
    for record in raw.split(b"\0"):
        if record:
            meta, _, name = record.partition(b"\t")
            mode, _kind, sha = meta.decode().split()
            path = name.decode("utf-8", errors="surrogateescape")
            if path.startswith(prefix):
                out[path[len(prefix):]] = TreeEntry(mode, sha)
    return out


def _history(tmp_path: Path) -> tuple[GitRepo, list[str]]:
    repo = GitRepo(tmp_path / "work")
    commits = []
    for n in range(4):
        repo.write("org/mkdocs.yml", f"site_name: 第{n}版\n")
        repo.write(f"org/procedures/qp-0{n}.md", f"# 程序 {n}\n")
        repo.write("org/procedures/images/流程 图.png", bytes(range(256)) * (n + 1))
        repo.write("org/a b/c\tt.txt", "tab in a name\n")
        repo.write("outside/secret.txt", "not under the organisation\n")
        script = repo.write("org/tools/run.sh", "#!/bin/sh\necho hi\n")
        script.chmod(0o755)
        link = repo.path / "org/procedures/logo.png"
        if not link.is_symlink():
            link.symlink_to("images/流程 图.png")
        commits.append(repo.commit(f"第 {n} 次"))
    return repo, commits


def test_trees_and_blobs_are_what_git_ls_tree_and_cat_file_say(tmp_path: Path) -> None:
    repo, commits = _history(tmp_path)
    tree = GitTree(repo.path / "org")
    try:
        assert tree.prefix == "org/"
        for commit in commits:
            expected = _ls_tree(repo, commit, "org/")
            assert tree.listing(commit) == expected
            assert list(tree.listing(commit)) == list(expected)  # git's order too
            for path, entry in expected.items():
                assert tree.entry(commit, path) == entry
                if entry.mode != "120000":
                    blob = subprocess.run(["git", "cat-file", "blob", entry.sha], cwd=repo.path,
                                          capture_output=True, check=True).stdout
                    assert tree.read(commit, path) == blob
        last = commits[-1]
        assert tree.read(last, "procedures/logo.png") is None  # a link is never followed here
        assert tree.blob(tree.entry(last, "procedures/logo.png").sha) == "images/流程 图.png".encode()  # type: ignore[union-attr]
        for folder in ("procedures", "procedures/images", "a b", ""):
            assert tree.entry(last, folder) is None  # folders are not files, as ls-tree -r says
        assert tree.entry(last, "../outside/secret.txt") is None
        assert tree.entry(last, "procedures/qp-09.md") is None
        assert tree.entry(commits[0], "procedures/qp-03.md") is None  # not yet there
        with pytest.raises(RepositoryError):
            tree.listing("0" * 40)
    finally:
        tree.close()


def test_an_edition_reads_every_commit_and_blob_through_one_git_process(tmp_path: Path) -> None:
    repo, commits = _history(tmp_path)
    log = tmp_path / "git-calls.log"
    wrapper = tmp_path / "bin" / "git"
    wrapper.parent.mkdir()
    real = subprocess.run(["sh", "-c", "command -v git"], capture_output=True, text=True, check=True).stdout.strip()
    wrapper.write_text(f'#!/bin/sh\nprintf "%s\\n" "$*" >> "{log}"\nexec "{real}" "$@"\n')
    wrapper.chmod(0o755)
    script = textwrap.dedent(f"""
        from pathlib import Path
        from doccontrol.history.trees import GitTree
        tree = GitTree(Path({str(repo.path / 'org')!r}))
        for commit in {commits!r}:
            for path in tree.listing(commit):
                tree.read(commit, path)
        tree.close()
    """)
    env = {**os.environ, "PATH": f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}",
           "PYTHONPATH": str(ROOT / "plugins")}
    subprocess.run([sys.executable, "-c", script], env=env, check=True, cwd=tmp_path)
    # GitPython asks git's version when imported; every other call is the tree's.
    calls = [c for c in log.read_text().splitlines() if c != "version"]
    assert len(calls) == 2, calls  # the folder's prefix, then one stream for 4 commits and their blobs
    assert sum("cat-file --batch" in c for c in calls) == 1, calls
    assert not any("ls-tree" in c or "cat-file blob" in c for c in calls), calls
