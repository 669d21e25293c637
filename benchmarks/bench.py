"""Benchmarks of the history issue, as ratios against a baseline run in the same process.

1. ``mkdocs build`` with doc-control against the same mkdocs-material build without it,
   on 1000 documents with 3000 approved changes (6000 commits) and 5000 filled
   records. Budget: <= 1.10.
   The plain build gets the same pages (copied into docs/), so the ratio is the
   cost of document control alone.
2. ``doccontrol register`` on 100 000 commits against a bare
   ``git log --name-status`` over the same history. Budget: <= 2.

Run: .venv/bin/python benchmarks/bench.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import generate, write_site_config

os.environ["NO_MKDOCS_2_WARNING"] = "1"
PY = sys.executable


def timed(args: list[str], cwd: Path, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t0)
    return best


def bench_build(
    work: Path, documents: int, changes: int, repeat: int, records: int
) -> tuple[float, float]:
    controlled = work / "controlled"
    generate(controlled, documents, changes, records=records)
    write_site_config(controlled, with_plugin=True)
    plain = work / "plain"
    plain.mkdir()
    shutil.copytree(controlled / "docs", plain / "docs")
    # The same pages, as plain Markdown in docs/, for the build without the plugin.
    shutil.copytree(controlled / "procedures", plain / "docs" / "procedures")
    write_site_config(plain, with_plugin=False)
    build = [PY, "-m", "mkdocs", "build", "-q", "-d"]
    # Warm-up: jieba's dictionary cache and Python bytecode.
    timed([*build, str(work / "warm"), "-f", str(plain / "mkdocs.yml")], plain, 1)
    with_dc = timed([*build, str(work / "s1"), "-f", str(controlled / "mkdocs.yml")], controlled, repeat)
    without = timed([*build, str(work / "s2"), "-f", str(plain / "mkdocs.yml")], plain, repeat)
    return with_dc, without


def bench_register(work: Path, documents: int, changes: int, repeat: int) -> tuple[float, float]:
    repo = work / "big"
    generate(repo, documents, changes)
    git_log = timed(["git", "log", "--name-status", "main"], repo, repeat)
    register = timed([PY, "-m", "doccontrol", "register", "--format", "json", "--repo", str(repo)],
                     repo, repeat)
    return register, git_log


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller corpora, one run each")
    args = parser.parse_args()
    repeat = 1 if args.quick else 3
    docs, changes = (200, 600) if args.quick else (1000, 3000)
    records = 1000 if args.quick else 5000
    big_changes = 5000 if args.quick else 50_000
    with tempfile.TemporaryDirectory(prefix="doccontrol-bench-") as tmp:
        work = Path(tmp)
        with_dc, without = bench_build(work, docs, changes, repeat, records)
        print(f"mkdocs build, {docs} documents, {changes * 2} commits, {records} records: "
              f"with doc-control {with_dc:.2f}s, without {without:.2f}s, "
              f"ratio {with_dc / without:.3f} (budget 1.10)")
        register, git_log = bench_register(work, 1000, big_changes, repeat)
        print(f"doccontrol register, {big_changes * 2 + 1} commits: {register:.2f}s, "
              f"git log --name-status {git_log:.2f}s, ratio {register / git_log:.3f} (budget 2.0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
