"""The fonts an edition embeds: named by the project, found by fontconfig, pinned by hash (shell).

The ``print_fonts`` option names the families (serif, sans, mono and a fallback
list); every font-family list of the print stylesheet names only those, and a
character none of them has is refused before anything is rendered (see
:mod:`preflight`), so fontconfig never falls back to whatever else the machine
has installed. Each family's files are hashed into the manifest, so ``verify
--repo`` can say which font differs on the machine that rebuilds.

Colour and bitmap fonts (CBDT/CBLC, COLR, sbix, SVG tables: Noto Color Emoji)
are refused: WeasyPrint subsets them differently from one build to the next, and
an edition must rebuild byte for byte.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont, TTLibError  # type: ignore[import-untyped]
from weasyprint.text.ffi import ffi, fontconfig

from doccontrol.model.findings import Finding, error
from doccontrol.model.messages import msg
from doccontrol.sources.config import PrintFonts

COLOUR_TABLES = ("CBDT", "CBLC", "COLR", "sbix", "SVG ")
REGULAR = ("regular", "book", "sans", "serif", "mono")  # how a family's regular file name ends


@dataclass(frozen=True)
class FontFace:
    """One face of a declared family: the file fontconfig knows, its face index and hash."""

    family: str
    path: str
    index: int
    sha256: str
    colour: tuple[str, ...]  # the colour/bitmap tables it has, if any


@dataclass(frozen=True)
class FontSet:
    """The faces of the declared families, the characters they cover, and what is wrong."""

    faces: tuple[FontFace, ...]
    coverage: frozenset[int]
    findings: tuple[Finding, ...]

    def manifest(self) -> list[dict[str, str]]:
        return [
            {"family": f.family, "file": Path(f.path).name, "index": str(f.index), "sha256": f.sha256}
            for f in self.faces
        ]


@cache
def _installed() -> dict[str, tuple[str, ...]]:
    """family -> files, as fontconfig (which WeasyPrint uses) lists them."""
    config = fontconfig.FcInitLoadConfigAndFonts()
    found: dict[str, set[str]] = {}
    try:
        fonts = fontconfig.FcConfigGetFonts(config, 0)  # FcSetSystem
        value = ffi.new("FcChar8 **")
        for i in range(fonts.nfont if fonts != ffi.NULL else 0):
            pattern = fonts.fonts[i]
            if fontconfig.FcPatternGetString(pattern, b"file", 0, value) != 0:
                continue
            file = ffi.string(value[0]).decode("utf-8", errors="replace")
            n = 0
            while fontconfig.FcPatternGetString(pattern, b"family", n, value) == 0:
                found.setdefault(ffi.string(value[0]).decode("utf-8", errors="replace"), set()).add(file)
                n += 1
    finally:
        fontconfig.FcConfigDestroy(config)
    return {family: tuple(sorted(files)) for family, files in found.items()}


def _family_names(font: TTFont) -> set[str]:
    return {str(r) for r in font["name"].names if r.nameID in (1, 16)}


@cache
def _face(
    path: str, family: str, mtime: float, size: int, cmap: bool = True
) -> tuple[int, frozenset[int], tuple[str, ...]]:
    """The face of ``family`` in the file: its index, cmap (if asked) and colour tables.

    Cached per file state (path, modification time, size).
    """
    collection = path.lower().endswith((".ttc", ".otc"))
    with TTCollection(path, lazy=True) if collection else TTFont(path, lazy=True) as opened:
        faces = list(opened.fonts) if collection else [opened]
        for index, font in enumerate(faces):
            if family in _family_names(font):
                codes = frozenset(font.getBestCmap() or {}) if cmap else frozenset()
                return index, codes, tuple(t for t in COLOUR_TABLES if t in font)
    return -1, frozenset(), ()


@cache
def _sha256(path: str, mtime: float, size: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def font_set(fonts: PrintFonts, hashes: bool = True) -> FontSet:
    """The faces of every family ``fonts`` names, or findings at the option's line of mkdocs.yml.

    ``hashes=False`` skips hashing the files (``check`` needs only their coverage).
    """
    installed = _installed()
    faces: list[FontFace] = []
    coverage: set[int] = set()
    findings: list[Finding] = []
    for family in fonts.families:
        files = installed.get(family, ())
        if not files:
            findings.append(error("mkdocs.yml", fonts.line, "print-font",
                                  msg("print-font.missing", family=repr(family))))
            continue
        # Coverage comes from the family's regular face (its bold and italic faces share its
        # character set); reading every face's cmap would make ``check`` slow.
        regular = min(files, key=lambda f: (not Path(f).stem.lower().endswith(REGULAR), f))
        for path in files:
            try:
                stat = Path(path).stat()
                index, cmap, colour = _face(path, family, stat.st_mtime, stat.st_size, path == regular)
            except (OSError, TTLibError) as exc:
                findings.append(error("mkdocs.yml", fonts.line, "print-font",
                                      msg("print-font.unreadable", family=repr(family), path=str(path),
                                          reason=str(exc))))
                continue
            if index < 0:
                continue
            if colour:
                findings.append(error(
                    "mkdocs.yml", fonts.line, "print-font",
                    msg("print-font.colour", family=repr(family), file=Path(path).name,
                        tables=", ".join(t.strip() for t in colour)),
                ))
                continue
            coverage |= cmap
            digest = _sha256(path, stat.st_mtime, stat.st_size) if hashes else ""
            faces.append(FontFace(family, path, index, digest, ()))
    return FontSet(tuple(faces), frozenset(coverage), tuple(findings))


def fonts_css(fonts: PrintFonts) -> str:
    """The print stylesheet's font families: each role first, then the others, never a generic."""

    def chain(first: str) -> str:
        names = dict.fromkeys([first, *fonts.families])
        return ", ".join('"' + n.replace('"', "") + '"' for n in names)

    return (
        f"@page {{ font-family: {chain(fonts.sans)}; }}\n"
        f"html {{ font-family: {chain(fonts.serif)}; }}\n"
        "h1, h2, h3, h4, h5, h6, th, .cover, .label, table.control td, summary, .print-tab-label "
        f"{{ font-family: {chain(fonts.sans)}; }}\n"
        f"code, pre, kbd, samp, .cover table td {{ font-family: {chain(fonts.mono)}; }}\n"
    )
