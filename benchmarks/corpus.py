"""Generate a large document-control history quickly with ``git fast-import``.

The corpus: N procedures imported and adopted by a baseline tag, then C approved
changes, each an owner's branch commit merged into main by the approver (two
commits per change). Used by bench.py; also handy for profiling.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

ROLES = """people:
  - name: 编制人
    emails: [owner@bench.example]
  - name: 批准人
    emails: [approver@bench.example]
  - name: 总经理甲
    emails: [top@bench.example]
roles:
  质量部: [编制人]
  管理者代表: [批准人]
  总经理: [总经理甲]
top: 总经理
"""

MKDOCS = """site_name: 基准测试
docs_dir: docs
theme:
  name: material
  language: zh
plugins:
  - search
{plugin}"""

PARAGRAPH = (
    "本程序规定了服务过程中各接触点的控制要求，包括受理、派工、上门、维修、验收和回访。"
    "服务工程师应按服务提供规范作业，记录应完整、清晰、可追溯。"
)


def document(i: int, version: int) -> str:
    lines = [
        "---",
        f"id: QP-{i:04d}",
        f"title: 程序文件 {i:04d}",
        "type: procedure",
        "owner: 质量部",
        "approvers: [管理者代表]",
        "---",
        "",
        f"# 程序文件 {i:04d}",
        "",
        "## 1 目的",
        "",
        PARAGRAPH,
        "",
        "## 2 工作程序",
        "",
    ]
    lines += [f"2.{k} 第 {k} 次修订增加的要求：{PARAGRAPH}" for k in range(1, version + 1)]
    return "\n".join(lines) + "\n"


def _data(text: str) -> bytes:
    raw = text.encode("utf-8")
    return b"data %d\n" % len(raw) + raw + b"\n"


FORM = """---
id: QR-01-01
title: 服务记录表
type: record-form
owner: 质量部
approvers: [管理者代表]
retention: 3y
storage: 质量部档案室
---

| 工单号 | 日期 | 服务工程师 |
|---|---|---|
"""


def record(n: int) -> str:
    return (
        f"---\ndate: 2026-0{n % 9 + 1}-1{n % 9}\nby: 编制人\ntitle: 服务记录 {n:05d}\n---\n\n"
        f"工单 HX{n:08d} 已完成，顾客签字确认。\n"
    )


def generate(
    path: Path,
    documents: int,
    changes: int,
    start: int | None = None,
    records: int = 0,
    config: str | None = None,
) -> None:
    """Write a repository at ``path`` with ``documents`` and ``changes`` approved changes.

    Commits are a minute apart and end a day before now, so no review is overdue.
    ``config``, if given, is the mkdocs.yml of the first commit, adopted by the
    baseline: a release build needs an approved one (config-never-approved).
    """
    if start is None:
        start = int(time.time()) - 86_400 - 60 * (2 * changes + 2)
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(path)], check=True)
    out: list[bytes] = []
    when = start
    mark = 0

    def commit(ref: str, who: str, email: str, message: str, parents: list[int],
               files: list[tuple[str, str]]) -> int:
        nonlocal mark, when
        mark += 1
        when += 60
        out.append(f"commit {ref}\nmark :{mark}\n".encode())
        out.append(f"author {who} <{email}> {when} +0800\n".encode())
        out.append(f"committer {who} <{email}> {when} +0800\n".encode())
        out.append(_data(message))
        if parents:
            out.append(f"from :{parents[0]}\n".encode())
            for extra in parents[1:]:
                out.append(f"merge :{extra}\n".encode())
        for file_path, text in files:
            out.append(f"M 100644 inline {file_path}\n".encode())
            out.append(_data(text))
        return mark

    files = [("manual/roles.yml", ROLES), ("docs/index.md", "# 首页\n")]
    if config is not None:
        files.append(("mkdocs.yml", config))
    files += [(f"procedures/qp-{i:04d}.md", document(i, 0)) for i in range(1, documents + 1)]
    if records:
        files.append(("records/forms/qr-01-01.md", FORM))
        files += [(f"records/QR-01-01/r{n:05d}.md", record(n)) for n in range(records)]
    main = commit("refs/heads/main", "编制人", "owner@bench.example", "导入", [], files)
    out.append(f"tag doccontrol/baseline\nfrom :{main}\n".encode())
    out.append(f"tagger 总经理甲 <top@bench.example> {when + 30} +0800\n".encode())
    out.append(_data("基线"))
    versions = [0] * (documents + 1)
    for n in range(changes):
        i = n % documents + 1
        versions[i] += 1
        change = [(f"procedures/qp-{i:04d}.md", document(i, versions[i]))]
        branch = commit("refs/heads/work", "编制人", "owner@bench.example", f"修订 QP-{i:04d}",
                        [main], change)
        # fast-import builds a merge's tree from its first parent: give it the change too.
        main = commit("refs/heads/main", "批准人", "approver@bench.example",
                      f"Merge pull request #{n + 1} from owner/work\n\n修订 QP-{i:04d}",
                      [main, branch], change)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=path, input=b"".join(out), check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=path, check=True)
    subprocess.run(["git", "branch", "-q", "-D", "work"], cwd=path, check=True)


def site_config(with_plugin: bool) -> str:
    return MKDOCS.format(plugin="  - doc-control\n" if with_plugin else "")


def write_site_config(path: Path, with_plugin: bool, nav: list[str] | None = None) -> None:
    """mkdocs.yml, with the plugin or without.

    ``nav`` lists the pages in the navigation, in a section per folder as MkDocs would.
    """
    text = site_config(with_plugin)
    if nav is not None:
        text += "nav:\n"
        section = ""
        for page in nav:
            folder = page.rpartition("/")[0]
            if not folder:
                text += f"  - {page}\n"
                continue
            if folder != section:
                text += f"  - {folder}:\n"
                section = folder
            text += f"    - {page}\n"
    (path / "mkdocs.yml").write_text(text, "utf-8")
