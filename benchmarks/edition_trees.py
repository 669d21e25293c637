"""Benchmark of how an edition reads trees and blobs (issue 13, item 7): through the history
reader's one ``cat-file --batch`` stream, as a ratio against one git process per commit and per
blob (what ``history.trees`` did before), in the same run.

A repository of ``--commits`` commits, each changing one of ``--files`` files in nested
folders; both ways list every commit's tree and read every file at every commit. The
machine's load cancels out of the ratio, not out of the seconds.

Run: .venv/bin/python benchmarks/edition_trees.py [--commits N] [--files N]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
from doccontrol.history.trees import GitTree

ENV = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.com",
       "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.com"}


def git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=repo, env=ENV, capture_output=True, check=True).stdout


def generate(repo: Path, commits: int, files: int) -> list[str]:
    git(repo, "init", "-q", "-b", "main")
    made = []
    for n in range(commits):
        target = repo / f"procedures/part-{n % 7}/images/file-{n % files:03d}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# 第 {n} 次修改\n" + "正文。" * 200, "utf-8")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", f"change {n}")
        made.append(git(repo, "rev-parse", "HEAD").decode().strip())
    return made


def per_process(repo: Path, commits: list[str]) -> int:
    """The old way: ``ls-tree`` per commit, ``cat-file blob`` per blob (each blob once)."""
    read, seen = 0, set()
    for commit in commits:
        for record in git(repo, "ls-tree", "-r", "-z", "--full-tree", commit).split(b"\0"):
            if record:
                sha = record.split(b"\t")[0].split()[2].decode()
                if sha not in seen:
                    seen.add(sha)
                    read += len(git(repo, "cat-file", "blob", sha))
    return read


def streamed(repo: Path, commits: list[str]) -> int:
    tree, read = GitTree(repo), 0
    seen = set()
    for commit in commits:
        for path, entry in tree.listing(commit).items():
            if entry.sha not in seen:
                seen.add(entry.sha)
                read += len(tree.read(commit, path) or b"")
    tree.close()
    return read


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--commits", type=int, default=200)
    parser.add_argument("--files", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        commits = generate(repo, args.commits, args.files)
        times = {}
        for name, way in (("per_process", per_process), ("stream", streamed)):
            start = time.perf_counter()
            cpu = time.process_time() + sum(os.times()[2:4])
            size = way(repo, commits)
            times[name] = time.perf_counter() - start
            times[name + "_cpu"] = time.process_time() + sum(os.times()[2:4]) - cpu
            times[name + "_bytes"] = size
        assert times["per_process_bytes"] == times["stream_bytes"]
        print(json.dumps({
            "commits": args.commits,
            "files": args.files,
            "per_process_s": round(times["per_process"], 2),
            "stream_s": round(times["stream"], 2),
            "ratio_wall": round(times["stream"] / times["per_process"], 3),
            "ratio_cpu": round(times["stream_cpu"] / times["per_process_cpu"], 3),
        }))


if __name__ == "__main__":
    main()
