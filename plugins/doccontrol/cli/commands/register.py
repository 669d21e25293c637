"""``doccontrol register``: the document register, as JSON or a text table."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import orjson

from doccontrol.cli.language import cli_language
from doccontrol.project.gc_pause import gc_paused
from doccontrol.project.load import load_project
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from doccontrol.registers.register_json import register_data
from doccontrol.rendering.labels import section_of


def register(repo: Path, as_of: date | None, fmt: str) -> int:
    site = read_mkdocs_yml(repo)
    language = cli_language(site.language)
    project = load_project(repo, site.config, as_of)
    with gc_paused():
        data = register_data(
            project.as_of, project.control, project.approved, project.worktree, project.findings,
            language,
        )
    if fmt == "json":
        # Indented for a person at a terminal; compact for the tools that read it.
        # orjson writes UTF-8 at once: a long history's register is some 16 MB,
        # which json's C encoder took a tenth of the command's time to write.
        option = orjson.OPT_INDENT_2 if sys.stdout.isatty() else 0
        written = orjson.dumps(data, option=option) + b"\n"
        out = getattr(sys.stdout, "buffer", None)
        if out is None:  # a text-only stream (some test harnesses)
            sys.stdout.write(written.decode("utf-8"))
            return 0
        sys.stdout.flush()
        out.write(written)
        out.flush()
        return 0
    rows = [tuple(section_of(language, "cli")["register_head"].split(" | "))]
    for doc in data["documents"]:
        rows.append(
            (
                doc["id"],
                doc["status"],
                doc["revision"] or "-",
                doc["issued"] or "-",
                doc["effective"] or "-",
                doc["title"],
            )
        )
    for row in rows:
        print("  ".join(str(c) for c in row))
    return 0
