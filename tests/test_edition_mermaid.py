"""Mermaid diagrams in the signed edition (issue 13, item 5): drawn as vector SVG by headless
chromium, printed as paths and text in the embedded fonts, and the same bytes at every rebuild.

Real repositories, real chromium, real PDFs read with pdftotext, pdfimages and pdffonts, and
``verify --repo``, which draws every diagram again without any cache.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from conftest import ROOT
from doccontrol.edition.site import document_pdf
from doccontrol.project.load import load_project
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
from edition_support import (
    EDITION_DAY,
    adopted_repo,
    approve_change,
    approve_rules_change,
    edition_pdf,
    env,
    make_key,
    pdftotext,
    release,
    run,
)
from gitrepo import GitRepo
from pypdf import PdfReader

FENCES = """markdown_extensions:
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
"""
SHOTS = ROOT / "test-output" / "screenshots"
DIAGRAM = "\n\n## 流程图\n\n```mermaid\ngraph LR\n  A[受理投诉] --> B[现场维修]\n  B --> C[回访客户]\n```\n"


def _with_diagram(tmp_path: Path, diagram: str = DIAGRAM) -> tuple[GitRepo, str]:
    repo = adopted_repo(tmp_path / "org")
    repo.write("mkdocs.yml", repo.read("mkdocs.yml") + FENCES)
    approve_rules_change(repo, "流程图", "2026-02-01")
    text = repo.read("procedures/qp-01.md") + diagram
    approve_change(repo, "procedures/qp-01.md", text, "2026-02-02", "zhang/diagram")
    return repo, text


def test_a_diagram_prints_as_vector_text_in_embedded_fonts_and_verifies_byte_for_byte(tmp_path: Path) -> None:
    repo, _ = _with_diagram(tmp_path)
    key = make_key(tmp_path / "keys")
    result = release(repo.path, key)
    assert result.code == 0, result.output
    pdf = edition_pdf(repo.path)
    reader = PdfReader(pdf)
    page = next(i for i in range(1, len(reader.pages) + 1) if "受理投诉" in pdftotext(pdf, i, i))
    text = pdftotext(pdf, page, page)
    assert all(label in text for label in ("受理投诉", "现场维修", "回访客户")), text
    assert "graph LR" not in text and "-->" not in text  # not its source
    images = subprocess.run(["pdfimages", "-list", "-f", str(page), "-l", str(page), str(pdf)],
                            capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert images == []  # vector paths and text, no raster picture of it
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    for row in fonts.splitlines()[2:]:
        assert " yes yes " in row, row  # every font embedded and subset (PDF/A)
    assert "mermaid" in str(reader.attachments["manifest.json"][0])  # its version is in the toolchain
    # verify draws the diagram again, with no cache, and must get the same bytes.
    verified = run("verify", str(pdf), "--trust", str(key.cert), "--repo", str(repo.path))
    assert verified.code == 0, verified.output
    SHOTS.mkdir(parents=True, exist_ok=True)  # kept to be looked at
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(SHOTS / "edition-diagram")], check=True)
    assert (SHOTS / "edition-diagram.png").stat().st_size > 5_000


def test_the_sites_per_document_pdf_draws_the_diagram_too(tmp_path: Path) -> None:
    repo, _ = _with_diagram(tmp_path)
    project = load_project(repo.path, read_mkdocs_yml(repo.path).config, date.fromisoformat(EDITION_DAY))
    made = document_pdf(repo.path, project, "QP-01", "测试组织", tmp_path / "pdf-cache")
    assert made is not None
    pdf = tmp_path / made.name
    pdf.write_bytes(made.data)
    assert all(label in pdftotext(pdf) for label in ("受理投诉", "现场维修", "回访客户"))
    assert "graph LR" not in pdftotext(pdf)
    again = document_pdf(repo.path, project, "QP-01", "测试组织", tmp_path / "pdf-cache")
    assert again is not None and not again.rendered and again.data == made.data


def test_check_reports_a_diagram_only_where_no_renderer_is(tmp_path: Path) -> None:
    repo, text = _with_diagram(tmp_path)
    line = text.split("\n").index("```mermaid") + 1
    here = run("check", "--repo", str(repo.path))
    assert "print-unsupported" not in here.output, here.output
    missing = run("--lang", "en", "check", "--repo", str(repo.path),
                  environ=env(DOCCONTROL_CHROMIUM="/nonexistent/chromium"))
    assert missing.code == 1, missing.output
    assert f"procedures/qp-01.md:{line}: error: print-unsupported:" in missing.stdout, missing.output
    assert "install chromium" in missing.stdout


def test_a_diagram_mermaid_cannot_draw_refuses_the_edition_at_its_line(tmp_path: Path) -> None:
    broken = "\n\n```mermaid\ngraph LR\n  A[受理 --> ]]] B{{{\n```\n"
    repo, text = _with_diagram(tmp_path, broken)
    result = release(repo.path, make_key(tmp_path / "keys"))
    assert result.code == 1, result.output
    line = text.split("\n").index("graph LR") + 1
    assert f"procedures/qp-01.md:{line}: error: print-diagram:" in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert not (repo.path / "editions" / EDITION_DAY).exists()


def test_a_chromium_that_will_not_start_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    repo, _ = _with_diagram(tmp_path)
    key = make_key(tmp_path / "keys")
    result = run("--lang", "en", "release", "--repo", str(repo.path), "--date", EDITION_DAY, "--key", str(key.p12),
                 "--password", key.password, environ=env(DOCCONTROL_CHROMIUM="/bin/true",
                                                         XDG_CACHE_HOME=str(tmp_path / "cache")))
    assert result.code != 0, result.output
    assert "chromium (/bin/true) could not be started" in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert not (repo.path / "editions" / EDITION_DAY).exists()
