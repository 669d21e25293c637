"""No silent fallbacks (issue 12, rule 13): where git cannot say what was approved, say so.

A folder without history, an empty repository, a missing release branch, roots
outside the repository, links and submodules in a root, and a second release of
a date that is tagged already: each stops with a clear message and exit 1, and
nothing is built from the working tree in git's place.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from conftest import WANG, ZHANG, run_cli, run_mkdocs
from edition_support import EDITION_DAY, adopted_repo, edition_pdf, make_key, release
from gitrepo import FIXTURES, GitRepo
from history_cases import QP01

MakeRepo = Callable[..., GitRepo]
AS_OF = "2026-06-01"


def _lines(output: str, code: str) -> list[str]:
    return [line for line in output.splitlines() if f": error: {code}: " in line]


def _no_site(site: Path) -> None:
    assert not (site / "index.html").exists()


# --- history that is not there ---------------------------------------------------------------


def test_build_of_a_folder_that_is_not_a_repository_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    shutil.copytree(FIXTURES / "minimal", folder)
    site = tmp_path / "site"
    for preview in ((), ("--preview",)):
        result = run_cli("--lang", "en", "build", "--repo", str(folder), "-d", str(site), *preview)
        assert result.code == 1, result.output
        assert "not-a-repository" in result.stderr and "git init" in result.stderr
        assert "Traceback" not in result.output
        _no_site(site)


def test_mkdocs_build_of_a_folder_that_is_not_a_repository_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    shutil.copytree(FIXTURES / "minimal", folder)
    result = run_mkdocs(folder, "-d", str(tmp_path / "site"))
    assert result.code == 1, result.output
    assert "not-a-repository" in result.output
    _no_site(tmp_path / "site")


def test_empty_repository_is_reported(make_repo: MakeRepo, tmp_path: Path) -> None:
    repo = make_repo(commit=False)
    result = run_cli("--lang", "en", "check", "--repo", str(repo.path), "--as-of", AS_OF)
    assert result.code == 1
    [line] = _lines(result.stdout, "empty-repository")
    assert line.startswith(".git:1: ") and "doccontrol/baseline" in line
    built = run_cli("--lang", "en", "build", "--repo", str(repo.path), "-d", str(tmp_path / "site"))
    assert built.code == 1 and "empty-repository" in built.stderr
    _no_site(tmp_path / "site")


def test_missing_release_branch_is_an_error_not_a_read_of_head(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    """The history lives on 'trunk' while mkdocs.yml names 'main': HEAD is not read instead."""
    repo = make_repo()
    repo.git("branch", "-m", "main", "trunk")
    result = run_cli("--lang", "en", "check", "--repo", str(repo.path), "--as-of", AS_OF)
    assert result.code == 1
    [line] = _lines(result.stdout, "branch-missing")
    assert "'main'" in line and "origin/main" in line and "'branch' option" in line
    built = run_cli("--lang", "en", "build", "--repo", str(repo.path), "-d", str(tmp_path / "site"))
    assert built.code == 1 and "branch-missing" in built.stderr
    # Naming the branch that is released, in a mkdocs.yml the top role approves, reads it.
    repo.git("checkout", "-q", "-b", "release-branch", "trunk")
    repo.write("mkdocs.yml", repo.read("mkdocs.yml").replace(
        "  - doc-control\n", "  - doc-control:\n      branch: trunk\n"))
    repo.commit("发布分支为 trunk", ZHANG, "2026-05-01T09:00:00+08:00")
    repo.checkout("trunk")
    repo.merge("release-branch", WANG, "2026-05-01T10:00:00+08:00")
    checked = run_cli("--lang", "en", "check", "--repo", str(repo.path), "--as-of", AS_OF)
    assert checked.code == 0, checked.output


# --- roots ------------------------------------------------------------------------------------


def _roots(repo: GitRepo, *roots: str) -> None:
    listed = ", ".join(f'"{r}"' for r in roots)
    repo.write("mkdocs.yml", repo.read("mkdocs.yml").replace(
        "  - doc-control\n", f"  - doc-control:\n      roots: [{listed}]\n"))


def test_roots_outside_the_repository_are_an_error(make_repo: MakeRepo, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    for root in ("../elsewhere", str(outside), "procedures/../../elsewhere"):
        repo = make_repo(name=f"repo-{abs(hash(root))}")
        _roots(repo, "manual", root)
        result = run_cli("--lang", "en", "check", "--repo", str(repo.path), "--as-of", AS_OF)
        assert result.code == 1, result.output
        [line] = [ln for ln in result.stdout.splitlines() if "outside the repository" in ln]
        assert line.startswith("mkdocs.yml:1: error: config: ")
        assert f"'roots' names '{root}', which is outside the repository" in line
        assert "Traceback" not in result.output
        built = run_cli("--lang", "en", "build", "--repo", str(repo.path), "-d", str(tmp_path / "site"))
        assert built.code == 1 and "outside the repository" in built.stderr
        _no_site(tmp_path / "site")


def test_roles_file_outside_the_repository_is_an_error(make_repo: MakeRepo) -> None:
    repo = make_repo()
    repo.write("mkdocs.yml", repo.read("mkdocs.yml").replace(
        "  - doc-control\n", "  - doc-control:\n      roles: ../roles.yml\n"))
    result = run_cli("--lang", "en", "check", "--repo", str(repo.path), "--as-of", AS_OF)
    assert result.code == 1
    assert "'roles' names '../roles.yml', which is outside the repository" in result.stdout
    assert "such as 'manual/roles.yml'" in result.stdout


def test_a_root_that_links_out_of_the_repository_is_an_error(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    repo = make_repo()
    outside = tmp_path / "elsewhere"
    shutil.copytree(repo.path / "procedures", outside)
    os.symlink(outside, repo.path / "external-procedures")
    _roots(repo, "manual", "procedures", "records", "external-procedures")
    result = run_cli("--lang", "en", "check", "--repo", str(repo.path), "--as-of", AS_OF)
    assert result.code == 1
    [line] = _lines(result.stdout, "root-outside-repository")
    assert line.startswith("external-procedures:1: ") and str(outside) in line


# --- links and submodules inside a root -------------------------------------------------------


def test_a_symlink_to_a_file_inside_a_root_is_an_error(make_repo: MakeRepo) -> None:
    repo = make_repo()
    os.symlink("qp-01.md", repo.path / "procedures/qp-09.md")
    result = run_cli("--lang", "en", "check", "--repo", str(repo.path), "--as-of", AS_OF)
    assert result.code == 1
    [line] = _lines(result.stdout, "symlink-in-root")
    assert line.startswith("procedures/qp-09.md:1: ") and "(qp-01.md)" in line


def test_a_symlinked_folder_inside_a_root_is_an_error(make_repo: MakeRepo) -> None:
    """os.walk skips a linked folder without a word: it must be named, not dropped."""
    repo = make_repo()
    (repo.path / "shared").mkdir()
    shutil.copy(repo.path / QP01, repo.path / "shared/qp-01.md")
    os.symlink("../shared", repo.path / "procedures/shared")
    result = run_cli("--lang", "en", "check", "--repo", str(repo.path), "--as-of", AS_OF)
    assert result.code == 1
    [line] = _lines(result.stdout, "symlink-in-root")
    assert line.startswith("procedures/shared:1: ")


def test_a_submodule_inside_a_root_is_an_error(make_repo: MakeRepo, tmp_path: Path) -> None:
    repo = make_repo()
    other = GitRepo(tmp_path / "other")
    other.write("qp-20.md", repo.read(QP01).replace("QP-01", "QP-20"))
    other.commit("外部程序")
    repo.git("-c", "protocol.file.allow=always", "submodule", "add", "-q",
             f"file://{other.path}", "procedures/vendor")
    repo.commit("加子模块")
    result = run_cli("--lang", "en", "check", "--repo", str(repo.path), "--as-of", AS_OF)
    assert result.code == 1
    [line] = _lines(result.stdout, "submodule-in-root")
    assert line.startswith("procedures/vendor:1: ")
    # A clone that has not checked the submodule out still has it in .gitmodules.
    clone = repo.clone(tmp_path / "clone")
    assert not (clone.path / "procedures/vendor/.git").exists()
    cloned = run_cli("--lang", "en", "check", "--repo", str(clone.path), "--as-of", AS_OF)
    [line] = _lines(cloned.stdout, "submodule-in-root")
    assert line.startswith("procedures/vendor:1: ")


# --- a second release of a tagged date --------------------------------------------------------


def test_second_release_of_a_tagged_date_is_refused(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    key = make_key(tmp_path / "keys")
    first = release(repo.path, key)
    assert first.code == 0, first.output
    tag_before = repo.git("rev-parse", f"edition/{EDITION_DAY}")
    # Even with the filed edition gone (another machine, another --out), it is refused.
    shutil.rmtree(repo.path / "editions")
    again = release(repo.path, key, lang="en")
    assert again.code == 1, again.output
    assert f"the edition of {EDITION_DAY} was issued already" in again.stderr
    assert "--tagged" in again.stderr and "Traceback" not in again.output
    assert not (repo.path / "editions").exists()
    assert repo.git("rev-parse", f"edition/{EDITION_DAY}") == tag_before


def test_ci_on_a_pushed_tag_signs_that_edition_without_tagging_again(tmp_path: Path) -> None:
    """What both CI definitions run on a pushed edition/* tag: a clone, release --tagged."""
    origin = adopted_repo(tmp_path / "org")
    origin.tag(f"edition/{EDITION_DAY}", WANG, "2026-03-01T18:00:00+08:00", "版次")
    tag_before = origin.git("rev-parse", f"edition/{EDITION_DAY}")
    ci = origin.clone(tmp_path / "ci")
    key = make_key(tmp_path / "keys")
    plain = release(ci.path, key, lang="en")
    assert plain.code == 1 and "issued already" in plain.stderr
    signed = release(ci.path, key, EDITION_DAY, "--tagged")
    assert signed.code == 0, signed.output
    assert edition_pdf(ci.path).is_file()
    assert ci.git("rev-parse", f"edition/{EDITION_DAY}") == tag_before
    # --tagged without a tag issues nothing.
    untagged = release(ci.path, key, "2026-03-02", "--tagged", lang="en")
    assert untagged.code == 2 and "there is no tag edition/2026-03-02" in untagged.stderr
    assert not edition_pdf(ci.path, "2026-03-02").exists()
