"""Benchmark of the signed edition (issue 13, item 7), as ratios against a bare render in the same run.

On a corpus of 200 procedures with tables (at least 600 pages):

1. bare: the same print HTML the edition renders, laid out and written by WeasyPrint
   in one process, one document after another, as one PDF (no planning, no git, no
   cache): what rendering costs without the edition's machinery;
2. cold: ``build_edition`` from the repository with an empty part cache, documents
   rendered in parallel processes. Budget: <= 0.75 x bare;
3. warm: one document changed and approved, the next edition with the cache the
   cold run filled. Budget: <= 0.25 x cold; it must render exactly one document;
4. peak memory: the most the process tree (the run and its workers) held at once,
   sampled from /proc. Budget: < 2 GB.

Each run is a fresh Python process. Run: .venv/bin/python benchmarks/edition.py [--documents N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import corpus

PY = sys.executable

SECTION = (
    "本节规定了服务过程中各接触点的控制要求，包括受理、派工、上门、维修、验收和回访。"
    "服务工程师应按服务提供规范作业，记录应完整、清晰、可追溯；发现不合格时应立即隔离并报告。"
)


def document(i: int, version: int) -> str:
    lines = [
        "---", f"id: QP-{i:04d}", f"title: 程序文件 {i:04d}", "type: procedure",
        "owner: 质量部", "approvers: [管理者代表]", "---", "", f"# 程序文件 {i:04d}", "",
    ]
    for s in range(1, 7):
        lines += [f"## {s} 第 {s} 节", "", SECTION * 2, ""]
        lines += ["| 步骤 | 责任部门 | 输入 | 活动 | 输出 | 记录 |", "|---|---|---|---|---|---|"]
        lines += [
            f"| {s}.{r} | 客服部 | 工单 HX{i:04d}{r:02d} | 受理、派工并跟踪至关闭 | 服务报告 | QR-{s:02d}-{r:02d} |"
            for r in range(1, 13)
        ]
        lines.append("")
    lines += [f"修订 {k}：增加第 {k} 项要求。{SECTION}" for k in range(1, version + 1)]
    return "\n".join(lines) + "\n"


def generate(path: Path, documents: int) -> None:
    """A repository of ``documents`` procedures adopted by a baseline tag an hour ago."""
    start = int(time.time()) - 3600
    path.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(path)], check=True)
    files = [("manual/roles.yml", corpus.ROLES), ("docs/index.md", "# 首页\n"),
             ("mkdocs.yml", corpus.MKDOCS.format(plugin="  - doc-control\n"))]
    files += [(f"procedures/qp-{i:04d}.md", document(i, 0)) for i in range(1, documents + 1)]
    out = [b"commit refs/heads/main\nmark :1\n",
           f"author 编制人 <owner@bench.example> {start} +0800\n".encode(),
           f"committer 编制人 <owner@bench.example> {start} +0800\n".encode(), corpus._data("导入")]
    for file_path, text in files:
        out += [f"M 100644 inline {file_path}\n".encode(), corpus._data(text)]
    out += [b"tag doccontrol/baseline\nfrom :1\n",
            f"tagger 总经理甲 <top@bench.example> {start + 30} +0800\n".encode(), corpus._data("基线")]
    subprocess.run(["git", "fast-import", "--quiet"], cwd=path, input=b"".join(out), check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=path, check=True)


def _commit_as(path: Path, email: str, name: str, files: list[str], message: str, when: int) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": name,
           "GIT_COMMITTER_EMAIL": email, "GIT_AUTHOR_DATE": f"{when} +0800",
           "GIT_COMMITTER_DATE": f"{when} +0800"}
    subprocess.run(["git", "add", *files], cwd=path, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=path, check=True, env=env)


def change_one(path: Path, i: int) -> None:
    """An owner's change to QP-i on a branch, merged into main by the approver."""
    when = int(time.time()) - 600
    subprocess.run(["git", "checkout", "-q", "-b", "change"], cwd=path, check=True)
    (path / f"procedures/qp-{i:04d}.md").write_text(document(i, 1), "utf-8")
    _commit_as(path, "owner@bench.example", "编制人", [f"procedures/qp-{i:04d}.md"], f"修订 QP-{i:04d}", when)
    subprocess.run(["git", "checkout", "-q", "main"], cwd=path, check=True)
    env = {**os.environ, "GIT_COMMITTER_NAME": "批准人", "GIT_COMMITTER_EMAIL": "approver@bench.example",
           "GIT_AUTHOR_NAME": "批准人", "GIT_AUTHOR_EMAIL": "approver@bench.example",
           "GIT_AUTHOR_DATE": f"{when + 60} +0800", "GIT_COMMITTER_DATE": f"{when + 60} +0800"}
    message = f"Merge pull request #1 from owner/change\n\n修订 QP-{i:04d}"
    subprocess.run(["git", "merge", "-q", "--no-ff", "-m", message, "change"], cwd=path, check=True, env=env)


BARE = """
import json, sys, time
from datetime import date
from pathlib import Path
import weasyprint
from weasyprint.text.fonts import FontConfiguration
from doccontrol.edition.build import fonts_at, markdown_at, plan_for, printed_documents
from doccontrol.edition.fonts import fonts_css
from doccontrol.edition.html import stylesheet
from doccontrol.edition.pdf import PDF_VARIANT, SandboxFetcher
from doccontrol.edition.sandbox import BASE_URL
repo, day = Path(sys.argv[1]), date.fromisoformat(sys.argv[2])
plan, tree, config = plan_for(repo, day)
printed = printed_documents(plan, tree, repo, markdown_at(tree, plan.commit), fonts_at(tree, plan.commit, config))
started = time.perf_counter()
fonts, fetcher = FontConfiguration(), SandboxFetcher(tree)
base = weasyprint.CSS(string=stylesheet() + fonts_css(config.print_fonts), font_config=fonts)
documents = [
    weasyprint.HTML(string=p.html, base_url=BASE_URL, url_fetcher=fetcher).render(
        font_config=fonts, pdf_variant=PDF_VARIANT,
        stylesheets=[base, weasyprint.CSS(string=p.css, font_config=fonts)])
    for p in printed
]
pages = [page for d in documents for page in d.pages]
pdf = documents[0].copy(pages).write_pdf(pdf_variant=PDF_VARIANT)
print(json.dumps({"seconds": time.perf_counter() - started, "pages": len(pages), "bytes": len(pdf)}))
"""

EDITION = """
import json, sys, time
from datetime import date
from pathlib import Path
from doccontrol.edition.build import build_edition
from doccontrol.edition.manifest import Signer
repo, day, cache, out = Path(sys.argv[1]), date.fromisoformat(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
started = time.perf_counter()
built = build_edition(repo, day, Signer("基准", "CN=bench", "0" * 64), cache=cache)
seconds = time.perf_counter() - started
out.write_bytes(built.pdf)
print(json.dumps({"seconds": seconds, "pages": built.pages, "bytes": len(built.pdf),
                  "rendered": int(built.timings["rendered"])}))
"""


def _tree_rss(root: int) -> int:
    """Resident memory of ``root`` and all its descendants, in bytes."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(entry)
        children.setdefault(int(fields.get("PPid", "0").strip()), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def measured(script: str, *args: str) -> dict[str, float]:
    """Run ``script`` in a fresh Python; its JSON line plus the peak RSS of its process tree."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "plugins")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen([PY, "-c", script, *args], stdout=subprocess.PIPE, text=True, env=env)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"benchmark run failed ({proc.returncode})")
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    result["peak_rss"] = peak
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds of the run and its workers: on a shared machine, what the wall time would be
    # on idle cores is this divided by the cores the run keeps busy.
    result["cpu"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="doccontrol-bench-") as tmp:
        work = Path(tmp)
        repo = work / "org"
        generate(repo, args.documents)
        # The commits carry +0800, and an edition's day is read in each commit's own
        # offset: late in a UTC day the change is already tomorrow in Beijing.
        day = datetime.now(timezone(timedelta(hours=8))).date().isoformat()
        cache = work / "cache"
        load = os.getloadavg()[0]
        bare = measured(BARE, str(repo), day)
        cold = measured(EDITION, str(repo), day, str(cache), str(work / "cold.pdf"))
        again = measured(EDITION, str(repo), day, str(cache), str(work / "again.pdf"))
        change_one(repo, 7)
        warm = measured(EDITION, str(repo), day, str(cache), str(work / "warm.pdf"))
        same = (work / "cold.pdf").read_bytes() == (work / "again.pdf").read_bytes()
    mb = 1024 * 1024
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f} at the start")
    print(f"corpus: {args.documents} documents, {bare['pages']:.0f} pages (bare), {cold['pages']:.0f} (edition)")
    print(f"CPU seconds: bare {bare['cpu']:.1f}, cold {cold['cpu']:.1f} "
          f"({cold['cpu'] / bare['cpu']:.2f}x), warm {warm['cpu']:.1f}")
    print(f"bare render, one process: {bare['seconds']:.1f} s, peak {bare['peak_rss'] / mb:.0f} MB, "
          f"{bare['bytes'] / mb:.1f} MB PDF")
    print(f"cold edition: {cold['seconds']:.1f} s = {cold['seconds'] / bare['seconds']:.2f}x bare "
          f"(budget 0.75), peak {cold['peak_rss'] / mb:.0f} MB (budget 2048), {cold['bytes'] / mb:.1f} MB PDF, "
          f"{cold['rendered']:.0f} documents rendered")
    print(f"same edition again, cache full: {again['seconds']:.1f} s, {again['rendered']:.0f} rendered, "
          f"bytes {'identical' if same else 'DIFFER'}")
    print(f"warm edition, one document changed: {warm['seconds']:.1f} s = "
          f"{warm['seconds'] / cold['seconds']:.2f}x cold (budget 0.25), {warm['rendered']:.0f} rendered, "
          f"peak {warm['peak_rss'] / mb:.0f} MB")
    if warm["rendered"] != 1 or not same:
        raise SystemExit("the warm edition must render exactly the changed document, and a rebuild "
                         "from a full cache must give the same bytes: the figures above are not valid")


if __name__ == "__main__":
    main()
