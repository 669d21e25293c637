"""The WeasyPrint adapter: print HTML to PDF/A-3b, sandboxed, with nothing left to chance.

- Every URL WeasyPrint asks for goes through :class:`SandboxFetcher`, which serves
  only git objects of the repository (see :mod:`doccontrol.edition.sandbox`) and
  stops the rendering at the first anything else.
- Fonts are named in the stylesheet; a character no font has (a ``.notdef``
  glyph) is an error, not a box in an auditor's PDF.
- Dates, the PDF ``/ID`` and the attachment's dates come from the caller (the
  edition's commit), never from the clock, so the same input gives the same bytes.
"""

from __future__ import annotations

import logging
import mimetypes
import urllib.request
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import weasyprint
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from doccontrol.edition.layout import Locator, overflows
from doccontrol.edition.plan import several
from doccontrol.edition.sandbox import BASE_URL, Tree, follow, parse_resource_url
from doccontrol.model.errors import DocControlError
from doccontrol.model.findings import Finding, error
from doccontrol.model.messages import Message, msg

PDF_VARIANT = "pdf/a-3b"
WEASYPRINT_VERSION: str = weasyprint.__version__



class SandboxRefusal(FatalURLFetchingError):  # type: ignore[misc]
    """WeasyPrint asked for something outside the sandbox; rendering stops."""

    def __init__(self, url: str, reason: Message) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class SandboxFetcher(URLFetcher):  # type: ignore[misc]
    """Serves git objects of the repository and ``data:`` URLs; refuses everything else."""

    def __init__(self, tree: Tree) -> None:
        super().__init__(timeout=1, allowed_protocols=("https", "data"), allow_redirects=False,
                         fail_on_errors=True)
        self.tree = tree
        self.served: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            try:
                with urllib.request.DataHandler().data_open(urllib.request.Request(url)) as resp:
                    body = resp.read()
                    kind = resp.headers.get_content_type()
            except (ValueError, OSError) as exc:
                raise SandboxRefusal(url[:60], msg("sandbox.data-url", reason=str(exc))) from None
            return URLFetcherResponse(url, body=body, headers={"Content-Type": kind})
        parsed = parse_resource_url(url)
        if parsed is None:
            raise SandboxRefusal(url, msg("sandbox.outside"))
        commit, path = parsed
        decision = follow(self.tree, commit, path)
        if decision.kind != "load":
            raise SandboxRefusal(url, decision.reason or msg("sandbox.invalid"))
        entry = self.tree.entry(commit, decision.path)
        if entry is None:  # pragma: no cover - follow() found it
            raise SandboxRefusal(url, msg("sandbox.outside"))
        kind = mimetypes.guess_type(decision.path)[0] or "application/octet-stream"
        self.served.append(decision.path)
        return URLFetcherResponse(url, body=self.tree.blob(entry.sha), headers={"Content-Type": kind})

    def open(self, url: Any, data: Any = None, timeout: Any = None) -> URLFetcherResponse:
        return self.fetch(url.full_url if isinstance(url, urllib.request.Request) else str(url))


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def _weasyprint_log() -> Iterator[_Collect]:
    logger = logging.getLogger("weasyprint")
    handler = _Collect()
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def _problems(records: Sequence[logging.LogRecord], locate: Locator) -> tuple[list[Finding], list[DocControlError]]:
    """Missing glyphs as findings (one per character), anything else WeasyPrint calls an error."""
    glyphs: dict[str, Finding] = {}
    errors: list[DocControlError] = []
    for record in records:
        message = record.getMessage()
        if ".notdef glyph" in message:
            args = record.args if isinstance(record.args, tuple) else ()
            char = chr(args[1]) if len(args) > 1 and isinstance(args[1], int) else ""
            if char in glyphs:
                continue
            path, line = locate(char)
            glyphs[char] = error(
                path,
                line,
                "print-glyph",
                msg("print-glyph.embedded", char=repr(char), code=f"U+{ord(char):04X}")
                if char
                else msg("print-glyph.weasyprint", text=message),
            )
        elif record.levelno >= logging.ERROR:
            path, line = locate("")
            errors.append(DocControlError(msg("edition.rendering", text=message), path, line))
    return list(glyphs.values()), errors


def _located(problem: DocControlError) -> Message:
    if not problem.path:
        return problem.text
    return msg("verify.located", path=problem.path, line=problem.line or 1, text=problem.text)


def _raise(problems: Sequence[DocControlError]) -> None:
    if problems:
        first = problems[0]
        if len(problems) > 1:
            raise DocControlError(
                several([_located(p) for p in problems]), first.path, first.line
            )
        raise first


@dataclass
class Renderer:
    """Renders print HTML with one font configuration and one sandboxed fetcher."""

    tree: Tree

    stylesheet: str

    def __post_init__(self) -> None:
        # What refuses the edition but lets the rendering go on, so that all of it is reported.
        self.findings: list[Finding] = []
        self.fonts = FontConfiguration()
        self.fetcher = SandboxFetcher(self.tree)
        # The print stylesheet is parsed once, as a user stylesheet (see edition-page.css.j2).
        self.base = weasyprint.CSS(string=self.stylesheet, font_config=self.fonts,
                                   url_fetcher=self.fetcher)

    def render(self, html: str, css: str, locate: Locator, label: str = "the edition") -> Any:
        """Lay out one HTML document; a refused load is an error at path:line.

        A box past the page's edge (:mod:`layout`) and a missing glyph are findings in
        :attr:`findings`.
        """
        with _weasyprint_log() as log:
            try:
                page = weasyprint.CSS(string=css, font_config=self.fonts, url_fetcher=self.fetcher)
                document = weasyprint.HTML(
                    string=html, base_url=BASE_URL, url_fetcher=self.fetcher
                ).render(font_config=self.fonts, pdf_variant=PDF_VARIANT, stylesheets=[self.base, page])
            except FatalURLFetchingError as exc:
                url = getattr(exc, "url", "") or str(exc)
                reason = getattr(exc, "reason", "") or str(exc)
                path, line = locate(url)
                raise DocControlError(msg("edition.would-load", url=url, reason=reason), path, line) from None
        self._collect(log.records, locate)
        self.findings.extend(overflows(document, locate, label))
        return document

    def _collect(self, records: Sequence[logging.LogRecord], locate: Locator) -> None:
        glyphs, errors = _problems(records, locate)
        self.findings.extend(glyphs)
        _raise(errors)

    def write(
        self,
        documents: Sequence[Any],
        identifier: bytes,
        when: datetime,
        locate: Locator,
        attachment: tuple[str, bytes, str] | None = None,
    ) -> bytes:
        """One PDF/A-3b of the pages of ``documents`` (metadata from the first)."""
        pages = [page for document in documents for page in document.pages]
        combined = documents[0].copy(pages)
        stamp = when.astimezone(UTC).replace(tzinfo=None)
        attachments = []
        if attachment is not None:
            name, data, description = attachment
            attachments.append(
                weasyprint.Attachment(
                    string=data,
                    name=name,
                    description=description,
                    created=stamp,
                    modified=stamp,
                    relationship="Data",
                )
            )
        with _weasyprint_log() as log, warnings.catch_warnings():
            # WeasyPrint opens its sRGB profile for PDF/A and never closes it.
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                pdf = combined.write_pdf(
                    finisher=_finish,
                    pdf_variant=PDF_VARIANT,
                    pdf_identifier=identifier,
                    attachments=attachments,
                )
            except FatalURLFetchingError as exc:  # an attachment link the scan did not see
                url = getattr(exc, "url", "") or str(exc)
                path, line = locate(url)
                reason = getattr(exc, "reason", "") or str(exc)
                raise DocControlError(msg("edition.would-load", url=url, reason=reason), path, line) from None
        self._collect(log.records, locate)
        assert isinstance(pdf, bytes)
        return pdf


def _finish(document: Any, pdf: Any) -> None:
    """Last touches on the PDF before its trailer is written.

    - The Info dictionary's /Producer goes: pyHanko rewrites the XMP producer when it
      signs, and PDF/A wants the Info entries and the XMP to agree; with no /Producer in
      Info, pyHanko writes the same value to both.
    - WeasyPrint lists the manifest twice in the catalog's /AF; once is enough.
    - The PDF opens with its outline showing: one entry per document, its sections below.
    """
    if "Outlines" in pdf.catalog:
        pdf.catalog["PageMode"] = "/UseOutlines"
    if "Producer" in pdf.info:
        del pdf.info["Producer"]
    if "AF" in pdf.catalog:
        unique = list(dict.fromkeys(pdf.catalog["AF"]))
        pdf.catalog["AF"].clear()
        pdf.catalog["AF"].extend(unique)


def page_count(document: Any) -> int:
    return len(document.pages)
