"""Generated site pages and per-page parts, read from the built HTML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import LI, WANG, ZHANG, run_cli
from gitrepo import GitRepo


def _html(site: Path, slug: str) -> str:
    return (site / slug / "index.html").read_text("utf-8")


def _approve(repo: GitRepo, branch: str, edit: Callable[[], None], when: str) -> None:
    repo.branch(branch)
    edit()
    repo.commit(branch, ZHANG, when)
    repo.checkout("main")
    repo.merge(branch, LI, when.replace("T09", "T15"))


def test_links_show_title_and_revision_and_mark_withdrawn_targets(
    make_repo: Callable[..., GitRepo], tmp_path: Path
) -> None:
    repo = make_repo()
    _approve(
        repo,
        "zhang/qp-01",
        lambda: repo.write("procedures/qp-01.md", repo.read("procedures/qp-01.md") + "\n补充。\n"),
        "2026-02-01T09:00:00+08:00",
    )
    _approve(
        repo,
        "zhang/withdraw-qp-02",
        lambda: repo.write(
            "procedures/qp-02.md",
            repo.read("procedures/qp-02.md").replace("clauses:", "status: withdrawn\nclauses:"),
        ),
        "2026-03-01T09:00:00+08:00",
    )
    site = tmp_path / "site"
    assert run_cli("build", "--repo", str(repo.path), "-d", str(site)).code == 0, "build"
    manual = _html(site, "manual/sm-01")
    assert "QP-01 文件控制程序（A/1）" in manual
    assert "QP-02 记录控制程序（作废）" in manual
    assert 'href="../../procedures/qp-01/"' in manual


def test_english_theme_gives_english_labels(
    make_repo: Callable[..., GitRepo], tmp_path: Path
) -> None:
    repo = make_repo(commit=False)
    repo.write("mkdocs.yml", repo.read("mkdocs.yml").replace("language: zh", "language: en"))
    repo.commit("init", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.tag("doccontrol/baseline", WANG, "2026-01-02T10:00:00+08:00")
    site = tmp_path / "site"
    assert run_cli("build", "--repo", str(repo.path), "-d", str(site)).code == 0
    page = _html(site, "procedures/qp-01")
    assert "Revision" in page and "Approved by" in page and "版本/修改状态" not in page
    assert "Document register" in _html(site, "register")
    home = (site / "index.html").read_text("utf-8")
    assert "Procedures" in home and "Registers" in home


def test_as_of_build_names_its_date(make_repo: Callable[..., GitRepo], tmp_path: Path) -> None:
    repo = make_repo()
    site = tmp_path / "site"
    assert (
        run_cli("build", "--repo", str(repo.path), "-d", str(site), "--as-of", "2026-03-15").code
        == 0
    )
    assert "本站点反映 2026-03-15 当日的受控状态" in _html(site, "procedures/qp-01")
    assert "2026-03-15" in _html(site, "register")


def test_page_footer_lists_where_used_and_records_produced(
    make_repo: Callable[..., GitRepo], tmp_path: Path
) -> None:
    repo = make_repo()
    site = tmp_path / "site"
    assert run_cli("build", "--repo", str(repo.path), "-d", str(site)).code == 0
    qp01 = _html(site, "procedures/qp-01")
    assert "引用本文件的文件" in qp01 and "SM-01" in qp01  # SM-01 links [[QP-01]]
    assert "本文件产生的记录" in qp01 and "QR-01-01" in qp01
    assert "修订记录" in qp01


def test_pull_request_links_on_a_known_forge(
    make_repo: Callable[..., GitRepo], tmp_path: Path
) -> None:
    repo = make_repo()
    repo.git("remote", "add", "origin", "git@github.com:hengxin/qms.git")
    repo.branch("zhang/qp-01")
    repo.write("procedures/qp-01.md", repo.read("procedures/qp-01.md") + "\n补充。\n")
    repo.commit("补充", ZHANG, "2026-02-01T09:00:00+08:00")
    repo.checkout("main")
    repo.merge(
        "zhang/qp-01",
        LI,
        "2026-02-02T09:00:00+08:00",
        "Merge pull request #42 from zhang/qp-01\n\n文件控制程序补充说明",
    )
    site = tmp_path / "site"
    assert run_cli("build", "--repo", str(repo.path), "-d", str(site)).code == 0
    page = _html(site, "procedures/qp-01")
    assert 'href="https://github.com/hengxin/qms/pull/42"' in page
    assert "文件控制程序补充说明" in page
