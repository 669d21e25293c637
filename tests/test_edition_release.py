"""``doccontrol release``: refusals, the tag, all-or-nothing writes, the index, the site and the demo."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import ZHANG, run_mkdocs
from edition_support import (
    EDITION_DAY,
    PASSWORD,
    Key,
    adopted_repo,
    approve_change,
    approve_rules_change,
    edition_pdf,
    env,
    make_key,
    release,
    run,
)
from gitrepo import GitRepo

DAY = date.fromisoformat(EDITION_DAY)


def _nothing_released(repo: GitRepo, day: str = EDITION_DAY) -> None:
    editions = repo.path / "editions"
    assert not (editions / day).exists()
    assert repo.git("tag", "-l", "edition/*") == ""
    if editions.exists():
        assert [p.name for p in editions.iterdir() if "partial" in p.name] == []


def test_unapproved_change_before_the_date_refuses_the_edition(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    approved = approve_change(repo, "procedures/qp-01.md", repo.read("procedures/qp-01.md") + "\n补充。\n",
                              "2026-02-02", "zhang/qp-01")
    repo.write("procedures/qp-02.md", repo.read("procedures/qp-02.md") + "\n未经批准。\n")
    direct = repo.commit("直接修改 QP-02", ZHANG, "2026-02-20T09:00:00+08:00")
    key = make_key(tmp_path / "keys")
    result = release(repo.path, key)
    assert result.code == 1, result.output
    line = next(ln for ln in result.stderr.splitlines() if "unapproved-change" in ln)
    assert line.startswith("procedures/qp-02.md:1: error: unapproved-change: ")
    assert direct[:8] in line and "张质量" in line
    assert "Traceback" not in result.output
    _nothing_released(repo)
    # The day before the direct commit, main was clean: that edition is made, and tags the
    # last commit of main on or before its date.
    ok = release(repo.path, key, "2026-02-19")
    assert ok.code == 0, ok.output
    assert repo.git("rev-parse", "edition/2026-02-19^{commit}") == approved
    assert repo.git("cat-file", "-t", "edition/2026-02-19") == "tag"  # annotated
    assert "edition-2026-02-19.pdf" in repo.git("tag", "-l", "-n20", "edition/2026-02-19")


def test_an_error_in_main_refuses_it_too(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    broken = repo.read("procedures/qp-02.md").replace("type: procedure", "type: procedure\nversion: 3")
    approve_change(repo, "procedures/qp-02.md", broken, "2026-02-02", "zhang/qp-02-version")
    result = release(repo.path, make_key(tmp_path / "keys"))
    assert result.code == 1, result.output
    assert "procedures/qp-02.md:" in result.stderr and "version" in result.stderr
    _nothing_released(repo)


def test_key_from_the_environment_and_clear_usage_errors(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    key = make_key(tmp_path / "keys")
    missing = run("release", "--repo", str(repo.path), "--date", EDITION_DAY)
    assert missing.code == 2 and "DOCCONTROL_SIGNING_KEY" in missing.stderr
    wrong = run("release", "--repo", str(repo.path), "--date", EDITION_DAY, "--key", str(key.p12),
                "--password", "wrong")
    assert wrong.code == 2 and str(key.p12) in wrong.stderr and "password" in wrong.stderr
    future = release(repo.path, key, "2999-01-01", lang="en")
    assert future.code == 2 and "future" in future.stderr
    for bad in (missing, wrong, future):
        assert "Traceback" not in bad.output
    _nothing_released(repo)
    out = tmp_path / "out"
    ok = run("release", "--repo", str(repo.path), "--date", EDITION_DAY, "--out", str(out),
             environ=env(DOCCONTROL_SIGNING_KEY=str(key.p12), DOCCONTROL_SIGNING_PASSWORD=PASSWORD))
    assert ok.code == 0, ok.output
    assert edition_pdf(out).is_file() and not (repo.path / "editions").exists()
    sums = (out / "editions" / EDITION_DAY / "SHA256SUMS").read_text("utf-8")
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=out / "editions" / EDITION_DAY,
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, sums
    again = release(repo.path, key, EDITION_DAY, "--out", str(out), lang="en")
    # The tag exists: an edition is issued once (issue 12, rule 13).
    assert again.code == 1 and "was issued already" in again.stderr


def _make(repo: GitRepo, key: Key) -> Path:
    from doccontrol.cli.commands.release import make_edition

    return make_edition(repo.path, DAY, repo.path, key.p12, key.password, None).folder


def test_a_failure_while_writing_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from doccontrol.edition import store
    from doccontrol.history import trees as git_objects
    from doccontrol.model.errors import DocControlError

    repo = adopted_repo(tmp_path / "org")
    key = make_key(tmp_path / "keys")
    real = store.stage_files

    def half_written(stage: Path, files: dict[str, bytes]) -> None:
        name, data = next(iter(files.items()))
        (stage / name).write_bytes(data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "stage_files", half_written)
    with pytest.raises(DocControlError, match="No space left on device; nothing was kept"):
        _make(repo, key)
    _nothing_released(repo)
    assert not (repo.path / "editions" / "editions.json").exists()

    # The tag is the last step: when it fails, the filed edition and the index entry go again.
    monkeypatch.setattr(store, "stage_files", real)

    def no_tag(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(git_objects, "create_tag", no_tag)
    with pytest.raises(KeyboardInterrupt):
        _make(repo, key)
    _nothing_released(repo)
    assert not (repo.path / "editions" / "editions.json").exists()
    monkeypatch.undo()
    assert _make(repo, key).is_dir()
    assert repo.git("tag", "-l", "edition/*") == f"edition/{EDITION_DAY}"


KILLER = """
import os, signal, sys
from doccontrol.edition import store
from doccontrol.history import trees as git_objects
how, where = sys.argv[1], sys.argv[2]
def die(*args, **kwargs):
    if where == "stage":
        store_stage(*args, **kwargs)
    os.kill(os.getpid(), getattr(signal, how))
    signal.pause()
if where == "stage":
    store_stage = store.stage_files
    store.stage_files = die
else:
    git_objects.create_tag = die
from doccontrol.cli.main import main
main(sys.argv[3:])
"""


@pytest.mark.parametrize(("how", "where"), [("SIGKILL", "stage"), ("SIGTERM", "stage"), ("SIGTERM", "tag")])
def test_a_killed_release_leaves_no_edition(tmp_path: Path, how: str, where: str) -> None:
    repo = adopted_repo(tmp_path / "org")
    key = make_key(tmp_path / "keys")
    args = ["release", "--repo", str(repo.path), "--date", EDITION_DAY, "--key", str(key.p12),
            "--password", key.password]
    proc = subprocess.run([sys.executable, "-c", KILLER, how, where, *args], capture_output=True,
                          text=True, env=env(), check=False)
    if how == "SIGKILL":
        assert proc.returncode == -signal.SIGKILL
    else:
        assert proc.returncode == 130, proc.stderr  # interrupted, and undone
    assert not (repo.path / "editions" / EDITION_DAY).exists()
    assert repo.git("tag", "-l", "edition/*") == ""
    assert not (repo.path / "editions" / "editions.json").exists()
    # The next release cleans up after a killed one and succeeds.
    again = release(repo.path, key)
    assert again.code == 0, again.output
    assert sorted(p.name for p in (repo.path / "editions").iterdir()) == [EDITION_DAY, "editions.json"]


def test_an_untagged_edition_from_a_killed_release_is_replaced(tmp_path: Path) -> None:
    """Killed between filing the edition and tagging it: the next release starts over."""
    repo = adopted_repo(tmp_path / "org")
    key = make_key(tmp_path / "keys")
    assert release(repo.path, key).code == 0
    repo.git("tag", "-d", f"edition/{EDITION_DAY}")
    again = release(repo.path, key)
    assert again.code == 0, again.output
    assert repo.git("tag", "-l", "edition/*") == f"edition/{EDITION_DAY}"


def test_editions_index_page_and_site(tmp_path: Path) -> None:
    from doccontrol.edition.site import editions_page_markdown

    repo = adopted_repo(tmp_path / "org")
    key = make_key(tmp_path / "keys")
    for day in ("2026-02-01", EDITION_DAY):
        assert release(repo.path, key, day).code == 0
    index = json.loads((repo.path / "editions" / "editions.json").read_text("utf-8"))["editions"]
    assert [r["date"] for r in index] == ["2026-02-01", EDITION_DAY]
    page = editions_page_markdown(repo.path, "zh")
    for record in index:
        assert record["sha256"] in page and record["commit"][:12] in page
        assert f"(editions/{record['file']})" in page
    assert "测试签署人" in page
    assert "Signed by" in editions_page_markdown(repo.path, "en")

    site = tmp_path / "site"
    result = run_mkdocs(repo.path, "--strict", "-d", str(site))
    assert result.code == 0, result.output
    html = (site / "editions" / "index.html").read_text("utf-8")
    assert index[1]["sha256"] in html and "测试签署人" in html
    assert f'href="{EDITION_DAY}/edition-{EDITION_DAY}.pdf"' in html
    assert (site / "editions" / EDITION_DAY / f"edition-{EDITION_DAY}.pdf").read_bytes() == edition_pdf(
        repo.path
    ).read_bytes()


def test_per_document_pdfs_are_rendered_once_per_revision(tmp_path: Path) -> None:
    from doccontrol.edition.site import document_pdf
    from doccontrol.project.load import load_project
    from doccontrol.project.mkdocs_yml import read_mkdocs_yml

    repo = adopted_repo(tmp_path / "org")
    project = load_project(repo.path, read_mkdocs_yml(repo.path).config, DAY)
    first = document_pdf(repo.path, project, "QP-01", "测试组织")
    assert first is not None and first.rendered and first.name == "QP-01-A-0.pdf"
    assert first.data.startswith(b"%PDF-")
    again = document_pdf(repo.path, project, "QP-01", "测试组织")
    assert again is not None and not again.rendered and again.data == first.data
    cached = list((repo.path / ".doccontrol-cache" / "pdf" / "QP-01").glob("A-0-*.pdf"))
    assert len(cached) == 1
    # A new revision is a new PDF; the old one stays cached under its own key.
    approve_change(repo, "procedures/qp-01.md", repo.read("procedures/qp-01.md") + "\n新要求。\n",
                   "2026-02-02", "zhang/qp-01")
    later = load_project(repo.path, read_mkdocs_yml(repo.path).config, DAY)
    second = document_pdf(repo.path, later, "QP-01", "测试组织")
    assert second is not None and second.rendered and second.name == "QP-01-A-1.pdf"
    assert document_pdf(repo.path, later, "QP-99", "测试组织") is None

    # With `pdf: true`, the site offers each current document's PDF next to its page.
    config = repo.read("mkdocs.yml").replace("  - doc-control", "  - doc-control:\n      pdf: true")
    repo.write("mkdocs.yml", config)
    # A release site is built only with the mkdocs.yml the top role approved (issue 12).
    approve_rules_change(repo, "每份现行文件提供 PDF", "2026-02-03")
    site = tmp_path / "site"
    result = run_mkdocs(repo.path, "--strict", "-d", str(site))
    assert result.code == 0, result.output
    page = (site / "procedures" / "qp-01" / "index.html").read_text("utf-8")
    assert 'href="QP-01-A-1.pdf"' in page
    assert (site / "procedures" / "qp-01" / "QP-01-A-1.pdf").read_bytes() == second.data
    assert (site / "procedures" / "qp-02" / "QP-02-A-0.pdf").is_file()


def test_demo_issues_a_signed_edition(tmp_path: Path) -> None:
    target = tmp_path / "demo"
    result = run("demo", str(target))
    assert result.code == 0, result.output
    editions = json.loads((target / "editions" / "editions.json").read_text("utf-8"))["editions"]
    assert len(editions) == 1
    record = editions[0]
    day = date.fromisoformat(record["date"])
    assert (date.today() - day).days == 5  # before the demo's unapproved commit, 4 days ago
    assert record["signer"]["name"] == "doccontrol DEMO key — NOT FOR PRODUCTION"
    pdf = target / "editions" / record["file"]
    cert = target / ".signing" / "demo-cert.pem"
    check = run("verify", str(pdf), "--trust", str(cert), "--repo", str(target))
    assert check.code == 0, check.output
    assert (target / "site" / "editions" / "index.html").is_file()
    assert (target / "site" / "editions" / record["file"]).is_file()
    assert os.stat(target / ".signing" / "demo-key.p12").st_mode & 0o077 == 0


def test_the_demo_key_is_made_once_and_kept(tmp_path: Path) -> None:
    from doccontrol.cli.commands.demo import demo_key
    from doccontrol.edition.sign import load_key
    from doccontrol.history.demo import MARKER, prepare

    target = tmp_path / "demo"
    prepare(target)
    key, cert = demo_key(target)
    loaded = load_key(key, "demo")
    assert loaded.signer.name == "doccontrol DEMO key — NOT FOR PRODUCTION"
    assert (target / MARKER).exists()
    before = key.read_bytes()
    prepare(target)  # a second demo run empties the folder, but keeps the key
    assert demo_key(target) == (key, cert) and key.read_bytes() == before
    assert ".signing/" in (target / ".gitignore").read_text("utf-8")
