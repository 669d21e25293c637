"""Benchmarks of the history issue, as ratios against a baseline run in the same process.

1. ``mkdocs build`` with doc-control against the same mkdocs-material build without it,
   on 1000 documents with 3000 approved changes (6000 commits) and 5000 filled
   records. Budget: <= 1.10.
   The plain build gets the same pages (copied into docs/, the filed records
   included, since each has a page) and the same navigation (the documents; record
   pages are built but not listed, as doc-control lists them on its registers), so
   the ratio is the cost of document control alone.
2. Redlines: ``mkdocs build`` with doc-control (redline pages on) against the plain
   mkdocs-material build of the same documents, on 500 documents with 3000
   approved changes, as the median of several pairs built side by side, with the
   size and page count of each site. Budget: <= 1.10.
3. ``doccontrol register`` on 100 000 commits against a bare
   ``git log --name-status`` over the same history. Budget: <= 2.

Each comparison runs its two commands in turn, pair by pair, and reports the best
wall times and the median ratio of CPU seconds (the build's and its child
processes'): on a shared machine the wall time swings with the other load.

Run: .venv/bin/python benchmarks/bench.py [--quick] [--only build|redlines|register]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import generate, site_config, write_site_config

os.environ["NO_MKDOCS_2_WARNING"] = "1"
PY = sys.executable


def timed(args: list[str], cwd: Path, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t0)
    return best


def plain_nav(docs: Path) -> list[str]:
    """The plain site's navigation: the documents, as doc-control's lists them.

    doc-control gives every filed record a page but lists none in the navigation (its
    form's page and the records register link them). Material renders the whole
    navigation into every page, so a plain site that listed 5000 record pages would
    build in time quadratic in the pages, and one without the record pages would
    leave out 5000 pages: either way the ratio would not be the cost of document control.
    """
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    return [p for p in pages if not p.startswith("records/") or p.startswith("records/forms/")]


def bench_build(work: Path, documents: int, changes: int, repeat: int, records: int) -> None:
    """The site with doc-control against the plain site, built in alternating pairs."""
    controlled = work / "controlled"
    generate(controlled, documents, changes, records=records, config=site_config(True))
    write_site_config(controlled, with_plugin=True)
    plain = work / "plain"
    plain.mkdir()
    shutil.copytree(controlled / "docs", plain / "docs")
    # The same pages, as plain Markdown in docs/, for the build without the plugin.
    shutil.copytree(controlled / "procedures", plain / "docs" / "procedures")
    # Every filed record has a page of its own (issue 15): the plain site gets them too.
    if (controlled / "records").is_dir():
        shutil.copytree(controlled / "records", plain / "docs" / "records")
    write_site_config(plain, with_plugin=False, nav=plain_nav(plain / "docs"))
    build = [PY, "-m", "mkdocs", "build", "-q", "-d"]
    # Warm-up: jieba's dictionary cache and Python bytecode.
    timed([*build, str(work / "warm"), "-f", str(plain / "mkdocs.yml")], plain, 1)
    pairs = [
        (
            timed_cpu([*build, str(work / "s1"), "-f", str(controlled / "mkdocs.yml")], controlled),
            timed_cpu([*build, str(work / "s2"), "-f", str(plain / "mkdocs.yml")], plain),
        )
        for _ in range(repeat)
    ]
    with_dc = min(w for (w, _), _ in pairs)
    without = min(p for _, (p, _) in pairs)
    cpu = [w_cpu / p_cpu for (_, w_cpu), (_, p_cpu) in pairs]
    size_w, pages_w = site_size(work / "s1")
    size_p, pages_p = site_size(work / "s2")
    print(f"mkdocs build, {documents} documents, {changes * 2} commits, {records} records: "
          f"with doc-control {with_dc:.2f}s, without {without:.2f}s, "
          f"ratio {with_dc / without:.3f} (best of {repeat}; budget 1.10); "
          f"CPU time ratio {statistics.median(cpu):.3f} "
          f"({', '.join(f'{r:.3f}' for r in cpu)}); "
          f"site {pages_w} pages / {size_w / 1e6:.1f} MB, plain {pages_p} pages / {size_p / 1e6:.1f} MB")


def timed_cpu(args: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the build and the processes it waited for) of one run.

    On a shared machine the wall time of a build swings with the other load; its CPU
    time barely does, so the script reports the ratio of both.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def site_size(site: Path) -> tuple[int, int]:
    """(bytes, HTML pages) of a built site."""
    files = [f for f in site.rglob("*") if f.is_file()]
    return sum(f.stat().st_size for f in files), sum(1 for f in files if f.suffix == ".html")


def bench_redlines(work: Path, documents: int, changes: int, pairs: int) -> None:
    """The site with redlines against the plain site, built in alternating pairs."""
    controlled = work / "rl-controlled"
    generate(controlled, documents, changes, config=site_config(True))
    write_site_config(controlled, with_plugin=True)
    plain = work / "rl-plain"
    plain.mkdir()
    shutil.copytree(controlled / "docs", plain / "docs")
    shutil.copytree(controlled / "procedures", plain / "docs" / "procedures")
    write_site_config(plain, with_plugin=False)
    build = [PY, "-m", "mkdocs", "build", "-q", "-d"]
    timed([*build, str(work / "rl-warm"), "-f", str(plain / "mkdocs.yml")], plain, 1)
    ratios, with_times, plain_times, cpu_ratios = [], [], [], []
    for _ in range(pairs):
        w, w_cpu = timed_cpu([*build, str(work / "rl-s1"), "-f", str(controlled / "mkdocs.yml")], controlled)
        p, p_cpu = timed_cpu([*build, str(work / "rl-s2"), "-f", str(plain / "mkdocs.yml")], plain)
        with_times.append(w)
        plain_times.append(p)
        ratios.append(w / p)
        cpu_ratios.append(w_cpu / p_cpu)
    size_w, pages_w = site_size(work / "rl-s1")
    size_p, pages_p = site_size(work / "rl-s2")
    print(f"mkdocs build with redlines, {documents} documents, {changes} approved changes: "
          f"with doc-control {statistics.median(with_times):.2f}s, "
          f"without {statistics.median(plain_times):.2f}s, "
          f"ratio {statistics.median(ratios):.3f} (median of {pairs} pairs: "
          f"{', '.join(f'{r:.3f}' for r in ratios)}; budget 1.10); "
          f"CPU time ratio {statistics.median(cpu_ratios):.3f} "
          f"({', '.join(f'{r:.3f}' for r in cpu_ratios)}); "
          f"site {pages_w} pages / {size_w / 1e6:.1f} MB, plain {pages_p} pages / {size_p / 1e6:.1f} MB")


def bench_register(work: Path, documents: int, changes: int, repeat: int) -> None:
    """``register`` against a bare ``git log --name-status``, run in alternating pairs."""
    repo = work / "big"
    generate(repo, documents, changes)
    log = ["git", "log", "--name-status", "main"]
    register = [PY, "-m", "doccontrol", "register", "--format", "json", "--repo", str(repo)]
    timed(log, repo, 1)  # warm-up: the pack in the page cache, Python bytecode
    pairs = [(timed_cpu(register, repo), timed_cpu(log, repo)) for _ in range(repeat)]
    best = min(r for (r, _), _ in pairs)
    git_log = min(g for _, (g, _) in pairs)
    cpu = [r_cpu / g_cpu for (_, r_cpu), (_, g_cpu) in pairs]
    print(f"doccontrol register, {changes * 2 + 1} commits: {best:.2f}s, "
          f"git log --name-status {git_log:.2f}s, ratio {best / git_log:.3f} "
          f"(best of {repeat}; budget 2.0); CPU time ratio {statistics.median(cpu):.3f} "
          f"({', '.join(f'{r:.3f}' for r in cpu)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller corpora, one run each")
    parser.add_argument("--only", choices=("build", "redlines", "register"), help="one benchmark")
    parser.add_argument("--pairs", type=int, default=4, help="build pairs for the redline ratio")
    args = parser.parse_args()
    repeat = 1 if args.quick else 3
    docs, changes = (200, 600) if args.quick else (1000, 3000)
    records = 1000 if args.quick else 5000
    big_changes = 5000 if args.quick else 50_000
    with tempfile.TemporaryDirectory(prefix="doccontrol-bench-") as tmp:
        work = Path(tmp)
        if args.only in (None, "build"):
            bench_build(work, docs, changes, repeat, records)
        if args.only in (None, "redlines"):
            rl_docs, rl_changes = (100, 600) if args.quick else (500, 3000)
            bench_redlines(work, rl_docs, rl_changes, 1 if args.quick else args.pairs)
        if args.only not in (None, "register"):
            return 0
        bench_register(work, 1000, big_changes, repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
