"""A visible signature with the company seal (issue 13, item 6): drawn by pyHanko on the cover
with the edition's own CJK font embedded, the seal read from git, the file still PDF/A and the
unsigned edition still the same bytes.

Real repositories, a real PNG seal, real signatures validated with pyHanko, real pages
rendered with pdftoppm and read with pdftotext and pypdf.
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

from doccontrol.edition.sign import STAMP_BOX, inspect, load_trust
from edition_support import (
    EDITION_DAY,
    adopted_repo,
    approve_rules_change,
    edition_pdf,
    make_key,
    pdftotext,
    release,
    run,
)
from gitrepo import GitRepo
from PIL import Image, ImageDraw
from pypdf import PdfReader
from pypdf.generic import IndirectObject

SEAL_RED = (200, 16, 16)


def _seal() -> bytes:
    image = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 292, 292), outline=(*SEAL_RED, 255), width=18)
    draw.polygon([(150, 80), (170, 140), (230, 140), (180, 175), (200, 235), (150, 198), (100, 235),
                  (120, 175), (70, 140), (130, 140)], fill=(*SEAL_RED, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _configure(repo: GitRepo, option: str) -> int:
    text = repo.read("mkdocs.yml").replace("  - doc-control\n", f"  - doc-control:\n{option}", 1)
    assert option in text
    repo.write("mkdocs.yml", text)
    lines = text.split("\n")
    return next(n for n, line in enumerate(lines, 1) if line.strip().startswith("seal:"))


def _resolve(value: object) -> object:
    return value.get_object() if isinstance(value, IndirectObject) else value


def test_the_seal_is_drawn_on_the_cover_with_an_embedded_font_and_the_edition_verifies(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    repo.write("manual/seal.png", _seal())
    _configure(repo, "      edition_signature:\n        visible: true\n        seal: manual/seal.png\n")
    approve_rules_change(repo, "公章与可见签名", "2026-02-10")
    (repo.path / "manual/seal.png").write_bytes(b"the working tree's seal is never used")
    key = make_key(tmp_path / "keys")
    result = release(repo.path, key)
    assert result.code == 0, result.output
    pdf = edition_pdf(repo.path)

    report = inspect(pdf.read_bytes(), load_trust([key.cert]))
    assert report.sound and report.trusted and report.entire_file and not report.problems, report

    reader = PdfReader(pdf)
    widgets = [_resolve(a) for a in reader.pages[0].get("/Annots", [])]
    (widget,) = [w for w in widgets if w.get("/FT") == "/Sig"]  # type: ignore[union-attr]
    assert [round(float(v)) for v in widget["/Rect"]] == list(STAMP_BOX)  # type: ignore[index]
    assert int(widget["/F"]) & 4  # type: ignore[index]  # printed (PDF/A asks it of annotations)
    appearance = _resolve(widget["/AP"]["/N"])  # type: ignore[index]
    fonts, images = [], []

    def walk(stream: object) -> None:
        resources = _resolve(stream["/Resources"])  # type: ignore[index]
        for font in _resolve(resources.get("/Font", {})).values():  # type: ignore[union-attr]
            fonts.append(_resolve(font))
        for xobject in _resolve(resources.get("/XObject", {})).values():  # type: ignore[union-attr]
            xobject = _resolve(xobject)
            if xobject["/Subtype"] == "/Image":
                images.append(xobject)
            elif "/Resources" in xobject:
                walk(xobject)

    walk(appearance)
    assert fonts and images, (fonts, images)
    for font in fonts:
        descriptor = _resolve(_resolve(font["/DescendantFonts"][0])["/FontDescriptor"])  # type: ignore[index]
        assert "/FontFile3" in descriptor or "/FontFile2" in descriptor, descriptor  # embedded
        assert "Noto" in str(font["/BaseFont"])  # type: ignore[index]
    raw = reader.xmp_metadata.stream.get_data().decode("utf-8")  # type: ignore[union-attr]
    assert re.search(r'pdfaid:part(="|>)3', raw) and re.search(r'pdfaid:conformance(="|>)B', raw)

    cover = pdftotext(pdf, 1, 1)
    assert "签章人" in cover and key.name in cover and "日期" in cover, cover
    # The seal is on the rendered page, inside the stamp's box (pdftoppm, 72 dpi: 1 px = 1 pt).
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(tmp_path / "cover")], check=True)
    with Image.open(tmp_path / "cover.png") as page:
        rgb = page.convert("RGB")
        x1, y1, x2, y2 = STAMP_BOX
        top, bottom = rgb.height - y2, rgb.height - y1
        red = [(x, y) for x in range(x1, x2) for y in range(top, bottom)
               if (lambda p: p[0] > 150 and p[1] < 90 and p[2] < 90)(rgb.getpixel((x, y)))]
        assert len(red) > 300, len(red)
        elsewhere = [(x, y) for x in range(0, rgb.width, 3) for y in range(0, top, 3)
                     if (lambda p: p[0] > 150 and p[1] < 90 and p[2] < 90)(rgb.getpixel((x, y)))]
        assert not elsewhere  # nothing else on the cover is seal red

    verified = run("verify", str(pdf), "--trust", str(key.cert), "--repo", str(repo.path))
    assert verified.code == 0, verified.output


def test_a_missing_or_unreadable_seal_refuses_the_edition_at_its_line(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    line = _configure(repo, "      edition_signature:\n        visible: true\n        seal: manual/seal.png\n")
    approve_rules_change(repo, "公章", "2026-02-10")
    repo.write("manual/seal.png", _seal())  # on disk only: not committed
    key = make_key(tmp_path / "keys")
    missing = release(repo.path, key, lang="en")
    assert missing.code == 1, missing.output
    assert f"mkdocs.yml:{line}: error: edition-seal:" in missing.stderr, missing.stderr
    assert "not in git" in missing.stderr and "Traceback" not in missing.output
    assert not (repo.path / "editions" / EDITION_DAY).exists()

    repo.write("manual/seal.png", _seal()[:200])  # a truncated PNG
    approve_rules_change(repo, "坏的公章", "2026-02-11")
    broken = release(repo.path, key)
    assert broken.code == 1, broken.output
    assert f"mkdocs.yml:{line}: error: edition-seal:" in broken.stderr, broken.stderr
    assert "Traceback" not in broken.output
    assert repo.git("tag", "-l", "edition/*") == ""


def test_check_reports_a_missing_or_broken_seal_before_approval(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    line = _configure(repo, "      edition_signature:\n        seal: manual/seal.png\n")
    missing = run("check", "--repo", str(repo.path))
    assert f"mkdocs.yml:{line}: error: edition-seal:" in missing.stdout, missing.output
    repo.write("manual/seal.png", b"GIF89a not a seal")
    broken = run("check", "--repo", str(repo.path))
    assert f"mkdocs.yml:{line}: error: edition-seal:" in broken.stdout, broken.output
    repo.write("manual/seal.png", _seal())
    good = run("check", "--repo", str(repo.path))
    assert "edition-seal" not in good.output, good.output


def test_a_seal_outside_the_repository_is_a_config_error(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    _configure(repo, "      edition_signature:\n        seal: ../../etc/seal.png\n")
    result = run("--lang", "en", "check", "--repo", str(repo.path))
    assert result.code == 1, result.output
    assert "outside the repository" in result.output and "Traceback" not in result.output
