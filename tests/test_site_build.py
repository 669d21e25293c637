"""Release builds serve approved text from git; preview builds show the working tree as DRAFT."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import LI, ZHANG, run_cli, run_mkdocs
from gitrepo import GitRepo


def _page(site: Path, slug: str) -> str:
    return (site / slug / "index.html").read_text("utf-8")


def test_release_build_shows_approved_text_not_an_unapproved_edit(
    make_repo: Callable[..., GitRepo], tmp_path: Path
) -> None:
    repo = make_repo()
    repo.branch("zhang/qp-01")
    repo.write("procedures/qp-01.md", repo.read("procedures/qp-01.md") + "\n经批准增加的要求。\n")
    repo.commit("QP-01 增加要求", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/qp-01", LI, "2026-02-02T10:00:00+08:00")
    # A direct, unapproved edit on main, and an uncommitted one in the working tree.
    repo.write("procedures/qp-01.md", repo.read("procedures/qp-01.md") + "\n未经批准的直接修改。\n")
    unapproved = repo.commit("直接修改", ZHANG, "2026-02-03T09:00:00+08:00")
    repo.write("procedures/qp-01.md", repo.read("procedures/qp-01.md") + "\n工作区草稿。\n")

    site = tmp_path / "site"
    result = run_cli("build", "--repo", str(repo.path), "-d", str(site), "--as-of", "2026-03-01")
    assert result.code == 0, result.output
    html = _page(site, "procedures/qp-01")
    assert "经批准增加的要求" in html
    assert "未经批准的直接修改" not in html
    assert "工作区草稿" not in html
    assert 'data-revision="A/1"' in html
    assert "李代表" in html

    check = run_cli("check", "--repo", str(repo.path), "--as-of", "2026-03-01")
    assert check.code == 1
    line = next(ln for ln in check.stdout.splitlines() if "unapproved-change" in ln)
    assert line.startswith("procedures/qp-01.md:1: error: unapproved-change: ")
    assert unapproved[:8] in line and "张质量" in line


def test_preview_build_shows_working_tree_marked_draft_with_next_revision(
    make_repo: Callable[..., GitRepo], tmp_path: Path
) -> None:
    repo = make_repo()
    repo.write("procedures/qp-01.md", repo.read("procedures/qp-01.md") + "\n预览中的修改。\n")
    site = tmp_path / "site"
    result = run_cli("build", "--preview", "--repo", str(repo.path), "-d", str(site))
    assert result.code == 0, result.output
    html = _page(site, "procedures/qp-01")
    assert "预览中的修改" in html
    assert "DRAFT" in html
    assert "A/1" in html  # the revision this change would get


def test_mkdocs_build_matches_doccontrol_build(
    make_repo: Callable[..., GitRepo], tmp_path: Path
) -> None:
    repo = make_repo()
    a, b = tmp_path / "a", tmp_path / "b"
    assert run_cli("build", "--repo", str(repo.path), "-d", str(a)).code == 0
    assert run_mkdocs(repo.path, "--strict", "-d", str(b)).code == 0
    for slug in ("procedures/qp-01", "manual/sm-01", "records/forms/qr-01-01"):
        assert _page(a, slug) == _page(b, slug)


def test_withdrawn_and_never_approved_documents_stay_out_of_the_navigation(
    make_repo: Callable[..., GitRepo], tmp_path: Path
) -> None:
    repo = make_repo()
    repo.branch("zhang/withdraw")
    repo.remove("procedures/qp-02.md")
    repo.commit("QP-02 作废", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    repo.merge("zhang/withdraw", LI, "2026-02-02T10:00:00+08:00")
    site = tmp_path / "site"
    assert run_cli("build", "--repo", str(repo.path), "-d", str(site)).code == 0
    home = (site / "index.html").read_text("utf-8")
    assert "QP-01 文件控制程序" in home
    assert "QP-02 记录控制程序" not in home
