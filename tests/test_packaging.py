"""A built wheel works on a machine without the repository: init --sample, then demo.

The wheel is built from a copy of the source (pip wheel, as a user or a CI job
would), installed into a fresh virtual environment, and run from a folder that
has nothing of the repository in it. Only the dependencies are borrowed from
the test environment (a ``.pth`` file naming its site-packages, whose own
``.pth`` files, the editable doccontrol among them, are not processed), so the
doccontrol that runs is the wheel's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

SOURCE_PARTS = ("pyproject.toml", "README.md", "plugins", "mkdocs.yml", "docs", "manual",
                "procedures", "records", ".github", ".gitlab-ci.yml")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def _run(*args: str, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(list(args), cwd=cwd, env=_env(), capture_output=True, text=True,
                          timeout=timeout, check=False)
    assert proc.returncode == 0, f"{args}: {proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("wheel")
    source = base / "src"
    source.mkdir()
    for part in SOURCE_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, source / part, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(src, source / part)
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(base / "dist"),
         str(source), cwd=base)
    (found,) = (base / "dist").glob("doccontrol-*.whl")
    return found


def test_the_wheel_carries_templates_assets_clause_sets_and_the_sample(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in (
            "doccontrol/site/assets/doccontrol.css",
            "doccontrol/edition/templates/edition.css",
            "doccontrol/workflow/templates/new-procedure.md.j2",
            "doccontrol/sources/clause_sets/iso-13485-2016.yml",
            "doccontrol/sources/clause_sets/gb-t-19001-2016.yml",
            "doccontrol/sources/clause_sets/sbt-10382-2004.yml",
            "doccontrol/sample/mkdocs.yml",
            "doccontrol/sample/manual/roles.yml",
            "doccontrol/sample/docs/index.md",
            "doccontrol/sample/ci/github-workflow.yml",
            "doccontrol/sample/ci/gitlab-ci.yml",
        ):
            assert name in names, name
        sbt = archive.read("doccontrol/sources/clause_sets/sbt-10382-2004.yml")
    # Symlinks in the source become the files they name.
    assert sbt == (ROOT / "manual/clauses.yml").read_bytes()
    assert sum(n.startswith("doccontrol/sample/procedures/") for n in names) == sum(
        1 for p in (ROOT / "procedures").rglob("*") if p.is_file()
    )


def test_an_installed_wheel_runs_init_sample_then_demo(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", str(venv), cwd=tmp_path)
    python = venv / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
         str(wheel), cwd=tmp_path)
    site = Path(_run(str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                     cwd=tmp_path).stdout.strip())
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", "utf-8")
    where = _run(str(python), "-c", "import doccontrol; print(doccontrol.__file__)", cwd=tmp_path)
    assert where.stdout.strip().startswith(str(site)), where.stdout

    work = tmp_path / "elsewhere"
    work.mkdir()
    doccontrol = str(venv / "bin" / "doccontrol")
    init = _run(doccontrol, "--lang", "en", "init", "org", "--sample", cwd=work)
    assert "started a git repository" in init.stdout
    assert (work / "org/manual/roles.yml").read_bytes() == (ROOT / "manual/roles.yml").read_bytes()
    assert (work / "org/.git").is_dir()
    _run(doccontrol, "demo", "demo", cwd=work, timeout=900)
    assert (work / "demo/site/index.html").is_file()
    assert list((work / "demo/editions").glob("*/*.pdf"))
