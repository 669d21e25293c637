"""What ``doccontrol init`` writes for a new organisation (pure: texts in, files out).

The shell (``cli.commands.init``) reads the clause set and the CI definitions
from the package, asks git who is committing, then writes what
:func:`starter_files` returns, refusing to overwrite anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from doccontrol.model.history import Identity

LANGUAGES = ("zh", "en")
DEFAULT_STANDARD = {"zh": "sbt-10382-2004", "en": "iso-13485-2016"}
GITHUB_WORKFLOW = ".github/workflows/doccontrol.yml"
GITLAB_CI = ".gitlab-ci.yml"
PRE_COMMIT = ".pre-commit-config.yaml"
# The doccontrol repository's CI installs its own checkout; an organisation installs
# the released package.
_SELF_INSTALL = re.compile(r"pip install (-q )?\.$", re.MULTILINE)

_TEXT = {
    "zh": {
        "site_name": "质量管理体系文件",
        "top": "总经理",
        "rep": "管理者代表",
        "dept": "质量部",
        "placeholder": "（姓名）",
        "roles_head": (
            "# 人员、岗位角色与批准权限。本文件的修改须由 top 角色批准。\n"
            "# 把（姓名）换成真实人员，emails 写其提交 git 时使用的邮箱。\n"
        ),
        "index": (
            "# 体系文件\n\n本站点只显示已经批准、并已到实施日期的现行文本。\n\n"
            "全部文件见站点导航中的文件清单。\n"
        ),
    },
    "en": {
        "site_name": "Quality management system",
        "top": "Managing Director",
        "rep": "Quality Manager",
        "dept": "Quality",
        "placeholder": "(name)",
        "roles_head": (
            "# People, roles and approval authority. A change to this file needs the top role.\n"
            "# Replace (name) with real people; emails are the ones they commit to git with.\n"
        ),
        "index": (
            "# Controlled documents\n\nThis site shows only approved text that is in force.\n\n"
            "Every document is listed in the document register in the navigation.\n"
        ),
    },
}


@dataclass(frozen=True)
class StarterRequest:
    """``doccontrol init``'s choices, and what the shell read for them."""

    language: str
    clause_text: str
    github_workflow: str
    gitlab_ci: str
    committer: Identity | None  # git's configured identity: the top role's first holder


def starter_files(request: StarterRequest, *, with_config: bool = True) -> dict[str, str]:
    """Every file ``init`` writes, by path; ``with_config`` False when the sample brings its own."""
    text = _TEXT[request.language]
    files: dict[str, str] = {}
    if with_config:
        files["mkdocs.yml"] = _mkdocs_yml(request.language, text["site_name"])
        files["manual/roles.yml"] = _roles_yml(text, request.committer)
        files["manual/clauses.yml"] = request.clause_text
        files["docs/index.md"] = text["index"]
    files[".gitignore"] = "site/\n.doccontrol-cache/\n__pycache__/\n.venv/\n"
    files[GITHUB_WORKFLOW] = _SELF_INSTALL.sub("pip install doccontrol", request.github_workflow)
    files[GITLAB_CI] = _SELF_INSTALL.sub(r"pip install \1doccontrol", request.gitlab_ci)
    files[PRE_COMMIT] = _PRE_COMMIT
    return files


def _mkdocs_yml(language: str, site_name: str) -> str:
    search = "  - search:\n      lang: zh\n" if language == "zh" else "  - search\n"
    return (
        f"site_name: {site_name}\n"
        "docs_dir: docs\n"
        "theme:\n"
        "  name: material\n"
        f"  language: {language}\n"
        "plugins:\n"
        f"{search}"
        "  - doc-control\n"
        "markdown_extensions:\n"
        "  - tables\n"
        "  - admonition\n"
        "  - attr_list\n"
        "  - toc:\n"
        "      permalink: true\n"
    )


def _roles_yml(text: dict[str, str], committer: Identity | None) -> str:
    top_name = committer.name if committer else text["placeholder"] + "1"
    top_email = committer.email if committer else "top@example.com"
    return (
        text["roles_head"]
        + "people:\n"
        + f"  - name: {_quote(top_name)}\n    emails: [{_quote(top_email)}]\n"
        + f"  - name: {_quote(text['placeholder'] + '2')}\n    emails: [rep@example.com]\n"
        + f"  - name: {_quote(text['placeholder'] + '3')}\n    emails: [quality@example.com]\n"
        + "roles:\n"
        + f"  {_quote(text['top'])}: [{_quote(top_name)}]\n"
        + f"  {_quote(text['rep'])}: [{_quote(text['placeholder'] + '2')}]\n"
        + f"  {_quote(text['dept'])}: [{_quote(text['placeholder'] + '3')}]\n"
        + f"top: {_quote(text['top'])}\n"
    )


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


_PRE_COMMIT = """\
# pre-commit (https://pre-commit.com): `doccontrol check` before each commit.
# Install once per clone with: pre-commit install
repos:
  - repo: local
    hooks:
      - id: doccontrol-check
        name: doccontrol check
        entry: doccontrol check
        language: system
        pass_filenames: false
        require_serial: true
        files: ^(manual|procedures|records)/|^mkdocs\\.yml$
"""
