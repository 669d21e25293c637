"""What would stop a release is said by ``check`` first; fonts are part of the edition.

Real repositories, real fonts (fontconfig finds a test font in $XDG_DATA_HOME/fonts,
built here with fontTools), real releases and ``verify --repo``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from edition_support import (
    EDITION_DAY,
    adopted_repo,
    approve_change,
    approve_rules_change,
    edition_pdf,
    env,
    make_key,
    run,
)
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from pypdf import PdfReader

PRIVATE = "\ue000"  # a private-use character only the test font draws


def _font(path: Path, family: str, height: int = 500, colour: bool = False) -> None:
    """A one-glyph TrueType font for U+E000 (a COLR/CPAL colour font when ``colour``)."""
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder([".notdef", "box"])
    fb.setupCharacterMap({ord(PRIVATE): "box"})
    pen = TTGlyphPen(None)
    pen.moveTo((50, 0))
    pen.lineTo((50, height))
    pen.lineTo((550, height))
    pen.lineTo((550, 0))
    pen.closePath()
    glyph = pen.glyph()
    fb.setupGlyf({".notdef": glyph, "box": glyph})
    fb.setupHorizontalMetrics({".notdef": (600, 0), "box": (600, 50)})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": family, "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=800, usWinAscent=800, usWinDescent=200)
    fb.setupPost()
    if colour:
        fb.setupCOLR({"box": [("box", 0)]})
        fb.setupCPAL([[(1.0, 0.0, 0.0, 1.0)]])
    path.parent.mkdir(parents=True, exist_ok=True)
    fb.save(str(path))


def _fonts_env(home: Path) -> dict[str, str]:
    return env(XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"))


def _declare(repo_path: Path, family: str) -> str:
    text = (repo_path / "mkdocs.yml").read_text("utf-8").replace(
        "  - doc-control\n",
        f"  - doc-control:\n      print_fonts:\n        fallback: [DejaVu Sans, {family}]\n",
    )
    (repo_path / "mkdocs.yml").write_text(text, "utf-8")
    return text


def test_check_reports_what_release_would_refuse_at_each_line(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    columns = 22
    extra = (
        "\n\n外部图片：![logo](https://example.com/logo.png)\n"
        "\n仓库外的图片：![x](../../etc/passwd.png)\n"
        f"\n私用区字符：{PRIVATE} 和 {PRIVATE}\n"
        "\n```mermaid\ngraph TD; A-->B\n```\n\n"
        + "| " + " | ".join(f"c{i}" for i in range(columns)) + " |\n"
        + "|" + "---|" * columns + "\n"
        + "| " + " | ".join("x" for _ in range(columns)) + " |\n"
        + f"\n又一个：{PRIVATE}\n"
    )
    text = repo.read("procedures/qp-01.md") + extra
    repo.write("procedures/qp-01.md", text)
    lines = text.split("\n")

    def line_of(start: str) -> int:
        return next(i for i, line in enumerate(lines, 1) if line.startswith(start))

    # No diagram renderer on this machine (edition.diagrams): the mermaid fence is reported too.
    no_renderer = env(DOCCONTROL_CHROMIUM="")
    result = run("check", "--repo", str(repo.path), environ=no_renderer)
    assert result.code == 1, result.output
    out = result.stdout
    path = "procedures/qp-01.md"
    assert f"{path}:{line_of('外部图片')}: error: edition-resource:" in out, out
    assert f"{path}:{line_of('仓库外的图片')}: error: edition-resource:" in out, out
    assert f"{path}:{line_of('私用区字符')}: error: print-glyph:" in out, out
    assert f"{path}:{line_of('又一个')}: error: print-glyph:" in out, out
    assert out.count("print-glyph") == 2  # one per line, though the first line has it twice
    assert f"{path}:{line_of('```mermaid')}: error: print-unsupported:" in out, out
    assert f"{path}:{line_of('| c0')}: error: print-table-too-wide:" in out, out
    assert "U+E000" in out and "Traceback" not in result.output

    # Approved as it is, the release refuses it with the same codes, and exits 1.
    approve_change(repo, path, text, "2026-02-02", "zhang/everything")
    key = make_key(tmp_path / "keys")
    released = run("release", "--repo", str(repo.path), "--date", EDITION_DAY, "--key", str(key.p12),
                   "--password", key.password, environ=no_renderer)
    assert released.code == 1, released.output
    for code in ("print-glyph", "print-unsupported", "print-table-too-wide"):
        assert f"error: {code}:" in released.stderr, released.stderr
    assert f"{path}:{line_of('私用区字符')}: error: print-glyph:" in released.stderr
    assert not (repo.path / "editions" / EDITION_DAY).exists()


def test_a_clean_repository_has_no_print_findings(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    result = run("check", "--repo", str(repo.path))
    assert "print-" not in result.output and "edition-resource" not in result.output, result.output


def test_a_colour_font_is_refused_by_check_and_release(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _font(home / "data" / "fonts" / "colour.ttf", "DocControl Colour", colour=True)
    repo = adopted_repo(tmp_path / "org")
    config = _declare(repo.path, "DocControl Colour")
    approve_rules_change(repo, "打印字体", "2026-01-20")
    line = config.split("\n").index("      print_fonts:") + 1
    checked = run("--lang", "en", "check", "--repo", str(repo.path), environ=_fonts_env(home))
    assert checked.code == 1, checked.output
    assert f"mkdocs.yml:{line}: error: print-font:" in checked.stdout, checked.stdout
    assert "colour or bitmap" in checked.stdout and "COLR" in checked.stdout
    key = make_key(tmp_path / "keys")
    released = run("release", "--repo", str(repo.path), "--date", EDITION_DAY, "--key", str(key.p12),
                   "--password", key.password, environ=_fonts_env(home))
    assert released.code == 1, released.output
    assert f"mkdocs.yml:{line}: error: print-font:" in released.stderr, released.stderr


def test_the_manifest_pins_fonts_and_tools_and_verify_names_a_changed_font(tmp_path: Path) -> None:
    home = tmp_path / "home"
    font = home / "data" / "fonts" / "test-box.ttf"
    _font(font, "DocControl Box")
    repo = adopted_repo(tmp_path / "org")
    _declare(repo.path, "DocControl Box")
    approve_rules_change(repo, "打印字体", "2026-01-20")
    text = repo.read("procedures/qp-01.md") + f"\n\n专用符号：{PRIVATE}\n"
    approve_change(repo, "procedures/qp-01.md", text, "2026-02-02", "zhang/symbol")
    key = make_key(tmp_path / "keys")
    released = run("release", "--repo", str(repo.path), "--date", EDITION_DAY, "--key", str(key.p12),
                   "--password", key.password, environ=_fonts_env(home))
    assert released.code == 0, released.output
    pdf = edition_pdf(repo.path)
    manifest = json.loads(PdfReader(pdf).attachments["manifest.json"][0])
    generator = manifest["generator"]
    for tool in ("weasyprint", "pydyf", "fonttools", "markdown"):
        assert generator.get(tool), (tool, generator)
    box = [f for f in manifest["fonts"] if f["family"] == "DocControl Box"]
    assert box == [{"family": "DocControl Box", "file": "test-box.ttf", "index": "0",
                    "sha256": hashlib.sha256(font.read_bytes()).hexdigest()}]
    assert {f["family"] for f in manifest["fonts"]} >= {"Noto Sans CJK SC", "Noto Serif CJK SC"}

    same = run("verify", str(pdf), "--trust", str(key.cert), "--repo", str(repo.path),
               environ=_fonts_env(home))
    assert same.code == 0, same.output

    _font(font, "DocControl Box", height=700)  # another version of the font, same name
    changed = run("--lang", "en", "verify", str(pdf), "--trust", str(key.cert), "--repo", str(repo.path),
                  environ=_fonts_env(home))
    assert changed.code == 1, changed.output
    said = [line for line in changed.stdout.splitlines() if line.startswith("FAIL")]
    assert any("font DocControl Box (test-box.ttf#0)" in line and
               hashlib.sha256(font.read_bytes()).hexdigest() in line for line in said), said
