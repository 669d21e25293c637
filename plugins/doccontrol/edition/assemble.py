"""One edition PDF from its cover and its documents' parts (shell, pypdf).

The cover is written by WeasyPrint as a PDF/A-3b with the manifest attached, the
edition's dates and its ``/ID``; it is the base the parts' pages are appended to,
so the catalog (output intent, XMP metadata, attachment) is the cover's. Each
part brings its pages, its outline (one entry per document, its sections below)
and its links. Named destinations are prefixed with the document's id, since two
documents may both have a footnote ``fn:1``; links to another document
(:data:`~doccontrol.edition.parts.PART_LINK`) become links to its first page.

Nothing here reads a clock or a random source: the same cover and parts give the
same bytes.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator, Sequence
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

from doccontrol.edition.fontshare import face_name, postscript_name, subset, widths_glyphs
from doccontrol.edition.parts import PART_LINK


def pdf_pages(data: bytes) -> int | None:
    """The page count of a PDF, or None when it cannot be read."""
    try:
        return len(PdfReader(io.BytesIO(data)).pages)
    except (PdfReadError, ValueError, KeyError, OSError):
        return None


def _prefixed(value: Any, prefix: str) -> Any:
    return TextStringObject(f"{prefix}{value}") if isinstance(value, str) else value


def _prefix_destinations(reader: PdfReader, prefix: str) -> None:
    """Make the part's named destinations, and the links and outline entries to them, its own."""
    root: Any = reader.trailer["/Root"]
    names = root.get("/Names")
    dests = names.get_object().get("/Dests") if names is not None else None
    if dests is not None:
        array = dests.get_object().get("/Names")
        if array is not None:
            array = array.get_object()
            for i in range(0, len(array), 2):
                array[i] = _prefixed(array[i], prefix)
    for page in reader.pages:
        for ref in page.get("/Annots", None) or ():
            annot = ref.get_object()
            if isinstance(annot.get("/Dest"), str):
                annot[NameObject("/Dest")] = _prefixed(annot["/Dest"], prefix)
            action = annot.get("/A")
            if action is not None:
                action = action.get_object()
                if action.get("/S") == "/GoTo" and isinstance(action.get("/D"), str):
                    action[NameObject("/D")] = _prefixed(action["/D"], prefix)
    outlines = root.get("/Outlines")
    stack = [outlines.get_object().get("/First")] if outlines is not None else []
    while stack:
        ref = stack.pop()
        if ref is None:
            continue
        item = ref.get_object()
        if isinstance(item.get("/Dest"), str):
            item[NameObject("/Dest")] = _prefixed(item["/Dest"], prefix)
        stack.extend([item.get("/Next"), item.get("/First")])


def _resolve_links(writer: PdfWriter, starts: dict[str, int]) -> None:
    """Links to another document of the edition go to its first page; any other is dropped."""
    for page in writer.pages:
        annots = page.get("/Annots")
        if annots is None:
            continue
        kept = ArrayObject()
        for ref in annots.get_object():
            annot = ref.get_object()
            action = annot.get("/A")
            uri = action.get_object().get("/URI") if action is not None else None
            if isinstance(uri, str) and uri.startswith(PART_LINK):
                target = uri[len(PART_LINK) :].removeprefix("doc-")
                if target not in starts:
                    continue
                annot[NameObject("/A")] = DictionaryObject(
                    {
                        NameObject("/S"): NameObject("/GoTo"),
                        NameObject("/D"): ArrayObject(
                            [writer.pages[starts[target]].indirect_reference, NameObject("/Fit")]
                        ),
                    }
                )
            kept.append(ref)
        page[NameObject("/Annots")] = kept


def _font_dicts(reader: PdfReader) -> Iterator[Any]:
    """Every font dictionary the part's pages (and their forms) use, once."""
    seen: set[int] = set()

    def walk(resources: Any) -> Iterator[Any]:
        res = resources.get_object() if resources is not None else None
        if not isinstance(res, DictionaryObject):
            return
        fonts = res.get("/Font")
        for ref in (fonts.get_object().values() if fonts is not None else ()):
            font = ref.get_object()
            if id(font) not in seen:
                seen.add(id(font))
                yield font
        xobjects = res.get("/XObject")
        for ref in (xobjects.get_object().values() if xobjects is not None else ()):
            form = ref.get_object()
            if id(form) not in seen and form.get("/Subtype") == "/Form":
                seen.add(id(form))
                yield from walk(form.get("/Resources"))

    for page in reader.pages:
        yield from walk(page.get("/Resources"))


def _share_fonts(writer: PdfWriter, readers: Sequence[PdfReader], faces: Sequence[tuple[str, int]]) -> None:
    """Point every part's subset of a face at one subset of their glyphs together (edition.fontshare)."""
    groups: dict[tuple[str, str], list[tuple[Any, set[int]]]] = {}
    for reader in readers:
        for font in _font_dicts(reader):
            if font.get("/Subtype") != "/Type0" or not font.get("/DescendantFonts"):
                continue
            cid = font["/DescendantFonts"][0].get_object()
            descriptor = cid.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else None
            if descriptor is None or cid.get("/CIDToGIDMap") != "/Identity":
                continue
            key = next((k for k in ("/FontFile3", "/FontFile2") if k in descriptor), None)
            if key is None:
                continue
            groups.setdefault((str(descriptor.get("/FontName")), key), []).append(
                (descriptor, widths_glyphs(cid.get("/W")))
            )
    for (_name, key), members in groups.items():
        if len(members) < 2:
            continue
        embedded = members[0][0][key].get_object()
        name = postscript_name(embedded.get_data())
        face = next((f for f in faces if name and face_name(*f) == name), None)
        if face is None:
            continue
        program = subset(face[0], face[1], set().union(*(g for _, g in members)))
        if program is None:
            continue
        stream = StreamObject()
        stream.set_data(program)
        if "/Subtype" in embedded:
            stream[NameObject("/Subtype")] = embedded["/Subtype"]
        if key == "/FontFile2":
            stream[NameObject("/Length1")] = NumberObject(len(program))
        shared = writer._add_object(stream.flate_encode())
        for descriptor, _ in members:
            descriptor[NameObject(key)] = shared


def assemble(cover: bytes, parts: Sequence[tuple[str, bytes]], faces: Sequence[tuple[str, int]] = ()) -> bytes:
    """The cover followed by every part, as one PDF with the cover's catalog and ``/ID``.

    ``faces`` are the declared fonts' (file, index): the parts' subsets of one face
    become one program (:mod:`doccontrol.edition.fontshare`).
    """
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    writer = PdfWriter(clone_from=io.BytesIO(cover))
    readers = [(doc_id, PdfReader(io.BytesIO(data))) for doc_id, data in parts]
    _share_fonts(writer, [r for _, r in readers], faces)
    starts: dict[str, int] = {}
    for doc_id, reader in readers:
        _prefix_destinations(reader, f"{doc_id}/")
        starts[doc_id] = len(writer.pages)
        writer.append(reader, import_outline=True)
    _resolve_links(writer, starts)
    root = writer.root_object
    if "/Outlines" in root:
        root[NameObject("/PageMode")] = NameObject("/UseOutlines")
    info: Any = writer._info.get_object() if writer._info is not None else None
    if info is not None and "/Producer" in info:
        del info["/Producer"]  # see edition.pdf._finish: pyHanko writes it to Info and XMP alike
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
