"""The embedded sample organisation: as a template to adopt, and as the demo's year of history."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from conftest import ROOT, run_cli, run_mkdocs
from doccontrol.sources.typography import typography_findings
from gitrepo import GitRepo, Who

SAMPLE_PARTS = ("mkdocs.yml", "docs", "manual", "procedures", "records")
GENERAL_MANAGER = Who("王建国", "wangjianguo@hengxin-service.example")


def _sample_documents() -> list[Path]:
    found = []
    for root in ("manual", "procedures", "records"):
        for path in (ROOT / root).rglob("*.md"):
            if path.parent.name.startswith("QR-"):
                continue  # a filled record, not a document
            if path.read_text("utf-8").startswith("---"):
                found.append(path)
    return found


@pytest.fixture(scope="module")
def adopted(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    """The sample copied into a new repository and adopted by the general manager's baseline tag."""
    path = tmp_path_factory.mktemp("adopted") / "org"
    path.mkdir()
    for part in SAMPLE_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, path / part)
        else:
            shutil.copy2(src, path / part)
    repo = GitRepo(path)
    repo.commit(
        "导入体系文件", Who("陈静", "chenjing@hengxin-service.example"), "2026-10-01T09:00:00+08:00"
    )
    repo.tag("doccontrol/baseline", GENERAL_MANAGER, "2026-10-01T17:00:00+08:00", "纸质版转入")
    return repo


def test_sample_is_substantial() -> None:
    docs = _sample_documents()
    text = {p.name: p.read_text("utf-8") for p in docs}
    procedures = [n for n, t in text.items() if "\ntype: procedure\n" in t]
    assert len(procedures) >= 10
    for kind in ("service-spec", "provision-spec", "control-spec", "record-form", "manual"):
        assert any(f"\ntype: {kind}\n" in t for t in text.values()), kind
    chapters = list((ROOT / "manual" / "service-manual").glob("0*.md"))
    assert len(chapters) >= 9


def test_adopted_sample_checks_clean(adopted: GitRepo) -> None:
    result = run_cli("check", "--repo", str(adopted.path))
    assert result.code == 0, result.output
    assert result.stdout.strip() == ""


def test_adopted_sample_builds_strict_with_every_document(adopted: GitRepo, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = run_mkdocs(adopted.path, "--strict", "-d", str(site))
    assert result.code == 0, result.output
    for doc in _sample_documents():
        rel = doc.relative_to(ROOT).with_suffix("")
        page = site / (rel.parent if rel.name == "index" else rel) / "index.html"
        assert page.is_file(), page
    register = json.loads(
        run_cli("register", "--format", "json", "--repo", str(adopted.path)).stdout
    )
    assert {d["status"] for d in register["documents"]} == {"current"}
    assert {d["revision"] for d in register["documents"]} == {"A/0"}


def test_roles_table_is_rendered_from_roles_yml(adopted: GitRepo, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert run_cli("build", "--repo", str(adopted.path), "-d", str(site)).code == 0
    html = (site / "manual/service-manual/04-responsibilities/index.html").read_text("utf-8")
    assert "<table>" in html and "管理者代表" in html and "李敏" in html
    assert "doccontrol:roles" not in html


def test_demo_replays_a_year_and_builds_the_site(tmp_path: Path) -> None:
    target = tmp_path / "demo"
    result = run_cli("demo", str(target))
    assert result.code == 0, result.output
    assert (target / "site" / "index.html").is_file()
    data = json.loads((target / "register.json").read_text("utf-8"))
    docs = {d["id"]: d for d in data["documents"]}
    codes = {f["code"] for f in data["findings"]}
    assert docs["QP-01"]["revision"] == "A/1"  # an owner's branch merged by the approver
    assert docs["QP-01"]["history"][-1]["approvers"] == ["李敏"]
    assert docs["SS-01"]["revision"] == "A/1"  # squash merge with Approved-by
    assert docs["QP-06"]["revision"] == "B/0"  # re-issue
    assert docs["QP-14"]["status"] == "withdrawn"
    # A/0 in force, A/1 approved and waiting for its date: current (issue 15).
    assert docs["QP-11"]["status"] == "current" and docs["QP-11"]["pending"]["revision"] == "A/1"
    assert docs["QP-11"]["pending_revision"]["revision"] == "A/1"
    # Issue 15: a reviewed change (审核), a withdrawal with its replacement, a superseded standard.
    assert docs["QP-01"]["reviewers"] == ["客服中心"]
    assert [r["name"] for r in docs["QP-01"]["reviewed"]] == ["张伟"]
    assert [p["name"] for p in docs["QP-01"]["prepared"]] == ["陈静", "吴涛"]
    assert docs["QP-14"]["withdrawal"]["replaced_by"] == "QP-08"
    assert docs["QP-14"]["withdrawal"]["approvers"] == ["李敏"]
    external = {e["id"]: e["status"] for e in data["external"]}
    assert "superseded" in external.values() and "valid" in external.values()
    assert docs["QP-04"]["unapproved_change"] is True
    assert docs["WI-02"]["review_overdue"] is True
    assert docs["QP-03"]["review_due"] > docs["QP-02"]["review_due"]  # the recorded review
    # The typography clean-up is an approved change of its own: the quality department's
    # documents were adopted with ASCII punctuation in Chinese text (check warned), and
    # `fix --typography`, approved by the management representative, made them the sample.
    for doc_id, rel in (("QP-02", "procedures/qp-02-record-control.md"),
                        ("SC-01", "manual/control-spec.md")):
        last = docs[doc_id]["history"][-1]
        assert docs[doc_id]["revision"] == "A/1" and last["approvers"] == ["李敏"], doc_id
        assert "fix --typography" in last["summary"], last
        adopted_text = subprocess.run(
            ["git", "show", f"doccontrol/baseline:{rel}"],
            cwd=target, capture_output=True, text=True, check=True,
        ).stdout
        assert typography_findings(rel, adopted_text), rel
        assert (target / rel).read_text("utf-8") == (ROOT / rel).read_text("utf-8")
    assert "typography" not in codes
    assert "unapproved-change" in codes and "roles-unapproved" not in codes
    roles = (target / "manual" / "roles.yml").read_text("utf-8")
    assert "何晓" in roles  # the approved roles change
    # The withdrawn procedure is archived, out of the navigation.
    home = (target / "site" / "index.html").read_text("utf-8")
    assert "QP-14" not in home
    assert (target / "site" / "procedures" / "qp-14-return-visit" / "index.html").is_file()
    # Issue 15: no page staff read says commit, owner, approvers or manual/roles.yml.
    assert staff_word_hits(target / "site") == []
    # Run again over its own output: it replaces its earlier demo.
    assert run_cli("demo", str(target)).code == 0


# Words staff never read on the site (issue 15): git's and the front matter's, and the
# path of the roles file. A short change id may stay, labelled 变更号.
_STAFF_NEVER = re.compile(
    r"(?<![A-Za-z])(commits?|owners?|approvers)(?![A-Za-z])|manual/roles\.yml", re.IGNORECASE
)


def _visible_text(page: str) -> str:
    """What a reader sees of an HTML page: no scripts, styles, tags, attributes or URLs."""
    page = re.sub(r"<(script|style)\b.*?</\1\s*>", " ", page, flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def staff_word_hits(site: Path) -> list[str]:
    """Every place a built page shows a word staff never read, as ``page: …context…``."""
    hits = []
    for page in sorted(site.rglob("*.html")):
        text = _visible_text(page.read_text("utf-8"))
        for match in _STAFF_NEVER.finditer(text):
            context = " ".join(text[max(0, match.start() - 30) : match.end() + 30].split())
            hits.append(f"{page.relative_to(site)}: {context}")
    return hits


def test_the_staff_word_check_sees_visible_text_only(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<p data-owner="x"><a href="/manual/roles.yml">角色</a></p><script>var commit=1</script>'
        "<p>由 owner 编制</p>",
        "utf-8",
    )
    assert staff_word_hits(tmp_path) == ["a.html: 角色 由 owner 编制"]


def test_demo_refuses_a_folder_it_did_not_make(tmp_path: Path) -> None:
    (tmp_path / "precious.txt").write_text("keep me", "utf-8")
    result = run_cli("--lang", "en", "demo", str(tmp_path))
    assert result.code == 2
    assert "not a doccontrol demo" in result.stderr
    assert (tmp_path / "precious.txt").exists()
    assert "Traceback" not in result.output


def test_plugin_is_registered_for_mkdocs_and_properdocs() -> None:
    for group in ("mkdocs.plugins", "properdocs.plugins"):
        names = {ep.name: ep.value for ep in entry_points(group=group)}
        assert names.get("doc-control") == "doccontrol.site.plugin:DocControlPlugin", group
