"""One font program per face for a whole edition (shell: HarfBuzz through cffi, fontTools).

Each part embeds its own subset of the CJK faces, some 150 kB each; two hundred
documents would carry the same face two hundred times. WeasyPrint subsets with
the glyph ids of the original face (HarfBuzz ``RETAIN_GIDS``, ``CIDToGIDMap
/Identity``), so a subset holding the union of every part's glyphs serves every
part: the parts keep their own widths and ToUnicode maps, and all point at one
program. The face is found among the edition's declared fonts (``print_fonts``)
by the PostScript name the subset carries; a face that cannot be found stays as
the parts embedded it. The union is subset as WeasyPrint subsets (the same
HarfBuzz flags, the same dropped tables), so the result depends only on the
parts and the font files, whose hashes are in the manifest.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from fontTools.ttLib import TTFont, TTLibError  # type: ignore[import-untyped]

_CDEF = """
typedef struct hb_blob_t hb_blob_t;
typedef struct hb_face_t hb_face_t;
typedef struct hb_set_t hb_set_t;
typedef struct hb_subset_input_t hb_subset_input_t;
typedef uint32_t hb_codepoint_t;
typedef uint32_t hb_tag_t;
hb_blob_t *hb_blob_create_from_file_or_fail(const char *file_name);
void hb_blob_destroy(hb_blob_t *blob);
const char *hb_blob_get_data(hb_blob_t *blob, unsigned int *length);
hb_face_t *hb_face_create(hb_blob_t *blob, unsigned int index);
void hb_face_destroy(hb_face_t *face);
hb_blob_t *hb_face_reference_blob(hb_face_t *face);
void hb_set_add(hb_set_t *set, hb_codepoint_t codepoint);
hb_tag_t hb_tag_from_string(const char *str, int len);
hb_subset_input_t *hb_subset_input_create_or_fail(void);
void hb_subset_input_destroy(hb_subset_input_t *input);
hb_set_t *hb_subset_input_glyph_set(hb_subset_input_t *input);
hb_set_t *hb_subset_input_set(hb_subset_input_t *input, int set_type);
void hb_subset_input_set_flags(hb_subset_input_t *input, unsigned int value);
hb_face_t *hb_subset_or_fail(hb_face_t *source, const hb_subset_input_t *input);
"""

# hb-subset.h; the values are part of HarfBuzz's stable ABI.
_NO_HINTING, _RETAIN_GIDS, _DESUBROUTINIZE, _PASSTHROUGH_UNRECOGNIZED = 1, 2, 4, 32
_DROP_TABLE_TAG = 3
# The tables WeasyPrint drops from every embedded subset (weasyprint.pdf.fonts).
_DROPPED = (b"BASE", b"DSIG", b"EBDT", b"EBLC", b"EBSC", b"GPOS", b"GSUB", b"JSTF", b"LTSH", b"PCLT",
            b"SVG ")


@cache
def _harfbuzz() -> tuple[Any, Any, Any] | None:
    try:
        from cffi import FFI  # type: ignore[import-untyped]

        ffi = FFI()
        ffi.cdef(_CDEF)
        return ffi, ffi.dlopen("libharfbuzz.so.0"), ffi.dlopen("libharfbuzz-subset.so.0")
    except (ImportError, OSError, AttributeError):  # pragma: no cover - WeasyPrint needs both
        return None


def _subset(ffi: Any, hb: Any, hbs: Any, face: Any, glyphs: Sequence[int], flags: int, drop: bool) -> Any:
    plan = ffi.gc(hbs.hb_subset_input_create_or_fail(), hbs.hb_subset_input_destroy)
    keep = hbs.hb_subset_input_glyph_set(plan)
    for gid in glyphs:
        hb.hb_set_add(keep, gid)
    hbs.hb_subset_input_set_flags(plan, flags)
    if drop:
        dropped = hbs.hb_subset_input_set(plan, _DROP_TABLE_TAG)
        for tag in _DROPPED:
            hb.hb_set_add(dropped, hb.hb_tag_from_string(tag, -1))
    result = hbs.hb_subset_or_fail(face, plan)
    return ffi.gc(result, hb.hb_face_destroy) if result != ffi.NULL else None


def subset(path: str, index: int, glyphs: Iterable[int]) -> bytes | None:
    """The face's subset with ``glyphs`` at their own ids, as WeasyPrint embeds one; None if HarfBuzz fails."""
    loaded = _harfbuzz()
    wanted = sorted(set(glyphs))
    if loaded is None or not wanted:
        return None
    ffi, hb, hbs = loaded
    blob = hb.hb_blob_create_from_file_or_fail(path.encode())
    if blob == ffi.NULL:
        return None
    blob = ffi.gc(blob, hb.hb_blob_destroy)
    face = ffi.gc(hb.hb_face_create(blob, index), hb.hb_face_destroy)
    # WeasyPrint's two passes: the used glyphs at their ids, then every id up to the last.
    first = _subset(ffi, hb, hbs, face, wanted, _RETAIN_GIDS | _PASSTHROUGH_UNRECOGNIZED | _DESUBROUTINIZE, True)
    if first is None:
        return None
    second = _subset(ffi, hb, hbs, first, range(wanted[-1] + 1),
                     _PASSTHROUGH_UNRECOGNIZED | _DESUBROUTINIZE | _NO_HINTING, False)
    if second is None:
        return None
    out = ffi.gc(hb.hb_face_reference_blob(second), hb.hb_blob_destroy)
    length = ffi.new("unsigned int *")
    data = hb.hb_blob_get_data(out, length)
    return bytes(ffi.buffer(data, length[0])) if length[0] else None


def postscript_name(program: bytes, index: int = 0) -> str | None:
    """Name ID 6 of a font program (an embedded subset or a face of a collection)."""
    try:
        with TTFont(io.BytesIO(program), fontNumber=index, lazy=True) as font:
            name = font["name"].getDebugName(6)
    except (TTLibError, KeyError, AssertionError, OSError, ValueError):
        return None
    return str(name) if name else None


@cache
def face_name(path: str, index: int) -> str | None:
    try:
        with TTFont(path, fontNumber=index, lazy=True) as font:
            name = font["name"].getDebugName(6)
    except (TTLibError, KeyError, AssertionError, OSError, ValueError):
        return None
    return str(name) if name else None


def widths_glyphs(widths: Any) -> set[int]:
    """The glyph ids a CID font's ``/W`` array gives widths for."""
    out: set[int] = set()
    items = list(widths or ())
    i = 0
    while i < len(items):
        first = int(items[i])
        following = items[i + 1] if i + 1 < len(items) else None
        if isinstance(following, list):
            out.update(range(first, first + len(following)))
            i += 2
        else:
            out.update(range(first, int(following or first) + 1))
            i += 3
    return out
