"""An English ISO 13485 organisation from adoption to a verified edition (issue 14, acceptance).

Twenty documents of the organisation's own types (policy, sop, form…), the built-in
``iso-13485-2016`` clause set and a ``manual/baseline.yml`` with paper revisions, in
a real git repository: ``check``, ``adopt``, a branch and its ``status``, the merge by
the approver, the register, the site, a signed ``release`` and ``verify``. Then the
whole output (site HTML, search index, redline data, the PDF's text, the register
and what the CLI said) is searched for Chinese: none of the tool's labels may be.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import Result, run_mkdocs
from edition_support import make_key, pdftotext
from gitrepo import GitRepo, Who

DANA = Who("Dana Director", "dana@example.org")  # Management: the top role
QUINN = Who("Quinn Quality", "quinn@example.org")  # Quality Manager: approves procedures and SOPs
ALEX = Who("Alex Author", "alex@example.org")  # writes documents, approves nothing

# Ideographs, CJK punctuation (、。《》), full-width forms (（），：) and the CJK ranges beside them.
CJK = re.compile(r"[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")

MKDOCS_YML = """\
site_name: Acme Medical QMS
docs_dir: docs
theme:
  name: material
  language: en
plugins:
  - search
  - doc-control:
      clauses: iso-13485-2016
      types:
        manual:
          label: {en: Quality manual, zh: 质量手册}
          section: {en: Manual and policies, zh: 手册与方针}
          prefix: QM
          level: 1
          folder: manual
        policy: {label: {en: Policies, zh: 方针}, prefix: POL, level: 1, folder: manual}
        procedure:
          label: {en: Procedures, zh: 程序文件}
          prefix: QP
          level: 2
          procedure: true
          folder: procedures
        sop:
          label: {en: Standard operating procedures, zh: 标准作业程序}
          prefix: SOP
          level: 3
          procedure: true
          folder: procedures
        form:
          label: {en: Forms, zh: 表单}
          prefix: FRM
          level: 4
          record_form: true
          folder: records/forms
"""

ROLES_YML = """\
people:
  - name: Dana Director
    emails: [dana@example.org]
    handles: [dana]
  - name: Quinn Quality
    emails: [quinn@example.org]
    handles: [quinn]
  - name: Alex Author
    emails: [alex@example.org]
    handles: [alex]
roles:
  Management: [Dana Director]
  Quality Manager: [Quinn Quality]
  Authors: [Alex Author]
top: Management
"""

EXTERNAL_YML = """\
documents:
  - id: EXT-01
    title: Medical devices - Quality management systems - Requirements for regulatory purposes
    number: ISO 13485:2016
    version: "2016"
    source: ISO
    holder: Quality Manager
"""

BASELINE_YML = """\
QP-01:
  - revision: C/1
    issued: 2022-03-01
    approved_by: Dana Director
    summary: Third paper edition, first amendment
    paper_label: r3
  - revision: C/2
    issued: 2023-05-10
    approved_by: [Dana Director]
    summary: Third paper edition, second amendment
    paper_label: r4
SOP-02: {revision: B/1, issued: 2024-01-01, approved_by: Quinn Quality, summary: Electronic records added}
"""

# (id, type, title, clauses, folder file, extra front matter)
DOCUMENTS = [
    ("QM-01", "manual", "Quality Manual", ["4.1", "4.2.2"], "manual/qm-01.md", ""),
    ("POL-01", "policy", "Quality Policy", ["5.3"], "manual/pol-01.md", ""),
    ("POL-02", "policy", "Data Protection Policy", [], "manual/pol-02.md", ""),
    ("QP-01", "procedure", "Control of Documents", ["4.2.4"], "procedures/qp-01.md", "edition: C\n"),
    ("QP-02", "procedure", "Control of Records", ["4.2.5"], "procedures/qp-02.md", ""),
    ("QP-03", "procedure", "Internal Audit", ["8.2.4"], "procedures/qp-03.md", ""),
    ("QP-04", "procedure", "Corrective Action", ["8.5.2"], "procedures/qp-04.md", ""),
    ("QP-05", "procedure", "Preventive Action", ["8.5.3"], "procedures/qp-05.md", ""),
    ("QP-06", "procedure", "Control of Nonconforming Product", ["8.3.1", "8.3.2"], "procedures/qp-06.md", ""),
    ("SOP-01", "sop", "Complaint Handling", ["8.2.2"], "procedures/sop-01.md", ""),
    ("SOP-02", "sop", "Design Control", ["7.3.1", "7.3.9"], "procedures/sop-02.md", "edition: B\n"),
    ("SOP-03", "sop", "Purchasing", ["7.4.1"], "procedures/sop-03.md", ""),
    ("SOP-04", "sop", "Training", ["6.2"], "procedures/sop-04.md", ""),
    ("SOP-05", "sop", "Management Review", ["5.6.1"], "procedures/sop-05.md", ""),
    ("SOP-06", "sop", "Risk Management", ["7.1"], "procedures/sop-06.md", ""),
    ("FRM-01-01", "form", "Document Change Request", [], "records/forms/frm-01-01.md", ""),
    ("FRM-02-01", "form", "Record Retention Log", [], "records/forms/frm-02-01.md", ""),
    ("FRM-03-01", "form", "Audit Report", [], "records/forms/frm-03-01.md", ""),
    ("FRM-04-01", "form", "Corrective Action Request", [], "records/forms/frm-04-01.md", ""),
    ("FRM-06-01", "form", "Nonconformity Report", [], "records/forms/frm-06-01.md", ""),
]
FORMS_OF = {"QP-01": "FRM-01-01", "QP-02": "FRM-02-01", "QP-03": "FRM-03-01",
            "QP-04": "FRM-04-01", "QP-06": "FRM-06-01"}


def _document(doc_id: str, doc_type: str, title: str, clauses: list[str], extra: str) -> str:
    approvers = "[Management]" if doc_type in ("manual", "policy") else "[Quality Manager]"
    front = [f"id: {doc_id}", f"title: {title}", f"type: {doc_type}", "owner: Quality Manager",
             f"approvers: {approvers}"]
    if clauses:
        front.append("clauses: [" + ", ".join(f'"{c}"' for c in clauses) + "]")
    if doc_id in FORMS_OF:
        front.append(f"records: [{FORMS_OF[doc_id]}]")
    if doc_id == "QP-01":
        front.append("references: [EXT-01]")
    if doc_type == "form":
        front += ["retention: 3y", "storage: Quality records room"]
    body = f"## 1 Purpose\n\nThis document describes {title.lower()}.\n\n## 2 Method\n\n"
    if doc_type == "form":
        body = f"Fill in one {title.lower()} per event and keep it as a record.\n"
    elif doc_id == "QP-01":
        body += "Documents are approved before issue, as the standard [[EXT-01]] asks. "
        body += "Records follow [[QP-02]]; the manual is [[QM-01]].\n"
    elif doc_id == "QM-01":
        body += "The quality management system is described in this manual.\n\n"
        body += "<!-- doccontrol:roles -->\n"
    else:
        body += "The owner keeps this document up to date.\n"
    return "---\n" + "\n".join(front) + "\n" + extra + "---\n" + body


def _cli(*args: str, cwd: Path, home: Path, **environ: str) -> Result:
    env = {**os.environ, "HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "NO_MKDOCS_2_WARNING": "1",
           **environ}
    for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL",
                "DOCCONTROL_LANG", "DOCCONTROL_SIGNING_KEY", "DOCCONTROL_SIGNING_PASSWORD"):
        if var not in environ:
            env.pop(var, None)
    proc = subprocess.run([sys.executable, "-m", "doccontrol", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def _chinese(text: str) -> list[str]:
    """Each Chinese run in ``text`` with some context, for a readable failure."""
    return [text[max(0, m.start() - 30) : m.end() + 30] for m in CJK.finditer(text)]


def _organisation(path: Path) -> GitRepo:
    repo = GitRepo(path)
    # adopt tags as git's configured identity, which must be the top role's.
    repo.git("config", "user.name", DANA.name)
    repo.git("config", "user.email", DANA.email)
    repo.write("mkdocs.yml", MKDOCS_YML)
    repo.write("manual/roles.yml", ROLES_YML)
    repo.write("records/external.yml", EXTERNAL_YML)
    repo.write("manual/baseline.yml", BASELINE_YML)
    repo.write("docs/index.md", "# Quality management system\n\nStart with [[QM-01]] and [[QP-01]].\n")
    repo.write(".gitignore", "site/\n.doccontrol-cache/\n")
    for doc_id, doc_type, title, clauses, rel, extra in DOCUMENTS:
        repo.write(rel, _document(doc_id, doc_type, title, clauses, extra))
    repo.commit("Import the paper QMS", ALEX, "2026-01-02T09:00:00+00:00")
    return repo


def test_an_english_iso_13485_organisation_end_to_end_shows_no_chinese(tmp_path: Path) -> None:
    assert len(DOCUMENTS) == 20
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(
        f"[user]\n\tname = {DANA.name}\n\temail = {DANA.email}\n[commit]\n\tgpgsign = false\n", "utf-8"
    )
    repo = _organisation(tmp_path / "org")
    said: list[str] = []  # everything the CLI printed, searched for Chinese at the end

    def cli(*args: str, **environ: str) -> Result:
        result = _cli(*args, cwd=repo.path, home=home, **environ)
        said.append(result.output)
        return result

    adopted = cli("adopt", "--date", "2026-01-02")
    assert adopted.code == 0, adopted.output
    message = repo.git("tag", "-l", "--format=%(contents)", "doccontrol/baseline")
    assert message.strip() == "Baseline: paper-approved documents adopted"
    checked = cli("check")
    assert checked.code == 0, checked.output
    assert ": error:" not in checked.stdout

    # A change on a branch: status says who may approve it, in English.
    repo.branch("alex/sop-01")
    repo.edit("procedures/sop-01.md", "The owner keeps this document up to date.",
              "The owner keeps this document up to date and answers every complaint within "
              "five working days.")
    repo.commit("SOP-01: answer complaints within five days", ALEX, "2026-02-01T10:00:00+00:00")
    status = cli("status")
    assert status.code == 0, status.output
    assert "SOP-01 Complaint Handling" in status.stdout
    assert "may approve — Quality Manager: Quinn Quality" in status.stdout
    assert "Alex Author" in status.stdout  # the author, who may not approve
    markdown = cli("status", "--format", "markdown")
    assert "| Document | Change | Revision | May approve | Cannot approve |" in markdown.stdout

    repo.checkout("main")
    repo.merge("alex/sop-01", QUINN, "2026-02-02T10:00:00+00:00", "Merge: SOP-01 complaint deadline")

    register = cli("register", "--format", "json", "--as-of", "2026-03-01")
    assert register.code == 0, register.output
    documents = {d["id"]: d for d in json.loads(register.stdout)["documents"]}
    assert len(documents) == 20
    assert documents["SOP-01"]["revision"] == "A/1" and documents["SOP-01"]["type"] == "sop"
    assert [r["revision"] for r in documents["QP-01"]["history"]] == ["C/1", "C/2"]
    assert documents["SOP-02"]["revision"] == "B/1"
    assert documents["POL-01"]["status"] == "current"
    gitlab = cli("codeowners", "--format", "gitlab")
    assert gitlab.code == 0 and "[Standard operating procedures]" in gitlab.stdout
    assert "[Roles and authorities]" in gitlab.stdout
    text_register = cli("register", "--as-of", "2026-03-01")
    assert text_register.stdout.startswith("Document  Status  Revision  Issued  Effective  Title")

    built = run_mkdocs(repo.path, "-d", str(tmp_path / "site"))
    assert built.code == 0, built.output
    site = tmp_path / "site"
    home_page = (site / "index.html").read_text("utf-8")
    for label in ("Manual and policies", "Procedures", "Standard operating procedures", "Forms",
                  "Registers"):
        assert label in home_page, label
    sop = (site / "procedures/sop-01/index.html").read_text("utf-8")
    assert "within five working days" in sop and "Quinn Quality" in sop
    qp01 = (site / "procedures/qp-01/index.html").read_text("utf-8")
    assert "Third paper edition, second amendment" in qp01
    assert "EXT-01 ISO 13485:2016 “Medical devices - Quality management systems" in qp01  # not 《》
    assert "QP-02 Control of Records (A/0)" in qp01  # Latin brackets, not （）

    key = make_key(tmp_path / "keys", name="Dana Director")
    released = cli("release", "--date", "2026-03-01", "--key", str(key.p12),
                   "--password", key.password)
    assert released.code == 0, released.output
    pdf = repo.path / "editions" / "2026-03-01" / "edition-2026-03-01.pdf"
    tag_message = repo.git("tag", "-l", "--format=%(contents)", "edition/2026-03-01")
    assert tag_message.startswith("controlled document edition 2026-03-01\n")
    verified = cli("verify", str(pdf), "--trust", str(key.cert), "--repo", str(repo.path))
    assert verified.code == 0, verified.output

    text = pdftotext(pdf)
    flat = " ".join(text.split())  # table cells wrap
    for label in ("Controlled document edition", "Document list", "Standard operating procedures",
                  "Revision history", "Controlled · current", "Page 1 of"):
        assert label in flat, label
    # The summary cell wraps beside the 编制/审核/批准 cells (name over date): read it laid out.
    laid = pdftotext(pdf, layout=True)
    assert re.search(r"Third paper edition, first\s*\n.*\bamendment\b", laid), laid[:3000]
    assert not _chinese(text), _chinese(text)[:5]

    outputs = {
        str(path.relative_to(site)): path.read_text("utf-8")
        for path in site.rglob("*")
        if path.suffix in (".html", ".json") and "assets/javascripts" not in path.as_posix()
    }
    assert "search/search_index.json" in outputs
    assert any(name.endswith(".json") and "redline" in name for name in outputs)
    found = {name: _chinese(text)[:3] for name, text in outputs.items() if _chinese(text)}
    assert not found, found
    spoken = "\n".join(said)
    assert not _chinese(spoken), _chinese(spoken)[:5]

    # Messages follow --lang, then DOCCONTROL_LANG, then theme.language; the data does not.
    chinese = _cli("register", "--as-of", "2026-03-01", cwd=repo.path, home=home, DOCCONTROL_LANG="zh")
    assert chinese.stdout.startswith("文件编号  状态  版本")
    english = _cli("--lang", "en", "register", "--as-of", "2026-03-01", cwd=repo.path, home=home,
                   DOCCONTROL_LANG="zh")
    assert english.stdout.startswith("Document  Status")
    as_json = _cli("--lang", "zh", "register", "--format", "json", cwd=repo.path, home=home)
    assert json.loads(as_json.stdout)["documents"][0]["status"] == "current"
