"""The pyHanko adapter: sign an edition (PAdES B-B, or B-T with a timestamp) and check one.

The key is a PKCS#12 file. Signing appends one incremental update to the unsigned
PDF, so the unsigned bytes stay intact at the start of the signed file: that is
what ``verify`` compares with a rebuild. A timestamp authority is reached only
when ``--tsa`` names one.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import ipaddress
import logging
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.fields import MDPPerm, SigFieldSpec, SigSeedSubFilter
from pyhanko.sign.timestamps import TimeStamper, TimestampRequestError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from doccontrol.edition.manifest import Signer, Stamp
from doccontrol.edition.verify import SignatureReport, TimestampInfo
from doccontrol.model.errors import DocControlError
from doccontrol.model.messages import Message, msg

FIELD = "Signature"
# pyHanko logs validation failures (with tracebacks) that verify reports in its own words.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
DEMO_CN = "doccontrol DEMO key — NOT FOR PRODUCTION"


@dataclass(frozen=True)
class SigningKey:
    """A loaded PKCS#12 key and who it says signs."""

    signer: Signer
    simple: Any  # pyhanko SimpleSigner


def signer_of(cert: asn1_x509.Certificate) -> Signer:
    native = cert.subject.native
    name = native.get("common_name") or native.get("organization_name") or cert.subject.human_friendly
    if isinstance(name, list):
        name = name[0]
    return Signer(str(name), cert.subject.human_friendly, hashlib.sha256(cert.dump()).hexdigest())


def load_key(path: Path, password: str | None) -> SigningKey:
    """Open a PKCS#12 file; an error names the file and says what to do."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocControlError(
            msg("sign.key-unreadable", reason=str(exc.strerror)),
            str(path),
        ) from None
    try:
        simple = signers.SimpleSigner.load_pkcs12_data(
            data, [], passphrase=password.encode("utf-8") if password else None
        )
    except (ValueError, TypeError) as exc:
        raise DocControlError(
            msg("sign.key-closed", reason=str(exc)),
            str(path),
        ) from None
    if simple is None or simple.signing_cert is None:
        raise DocControlError(msg("sign.no-certificate"), str(path))
    return SigningKey(signer_of(simple.signing_cert), simple)


def _loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class UrlTimeStamper(TimeStamper):
    """An RFC 3161 client over HTTP(S) with the standard library (no session to leak)."""

    def __init__(self, url: str, timeout: float = 20) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.url = url
        self.timeout = timeout

    def _post(self, body: bytes) -> bytes:
        handlers: list[urllib.request.BaseHandler] = []
        if _loopback(self.url):
            handlers.append(urllib.request.ProxyHandler({}))
        opener = urllib.request.build_opener(*handlers)
        request = urllib.request.Request(
            self.url,
            data=body,
            method="POST",
            headers={"Content-Type": "application/timestamp-query"},
        )
        try:
            with opener.open(request, timeout=self.timeout) as response:
                kind = response.headers.get_content_type()
                data: bytes = response.read()
        except (OSError, urllib.error.URLError) as exc:
            raise TimestampRequestError(f"timestamp authority {self.url} did not answer: {exc}") from None
        if kind != "application/timestamp-reply":
            raise TimestampRequestError(f"timestamp authority {self.url} answered {kind}, not a timestamp")
        return data

    async def async_request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
        raw = await asyncio.to_thread(self._post, req.dump())
        return tsp.TimeStampResp.load(raw)


#: Where a visible signature sits on the cover, in PDF points (x1, y1, x2, y2): bottom right,
#: clear of the cover's text; the words on the left, the seal on the right.
STAMP_BOX = (305, 50, 545, 150)
#: The stamp's text: pyHanko fills in the signer and the signing date.
STAMP_TEXT = "签章人 Signed by：%(signer)s\n日期 Date：%(ts)s"


def _stamp_style(stamp: Stamp, folder: Path) -> Any:
    """pyHanko's stamp: the text set in the edition's own CJK font, embedded as a subset (so the
    file stays PDF/A), over the company seal when there is one."""
    from fontTools.ttLib import TTCollection  # type: ignore[import-untyped]
    from PIL import Image
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.images import PdfImage
    from pyhanko.pdf_utils.layout import AxisAlignment, Margins, SimpleBoxLayoutRule
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    font = stamp.font
    if font.lower().endswith((".ttc", ".otc")):  # pyHanko reads one face from a file of its own
        target = folder / "stamp-face.otf"
        collection = TTCollection(font)
        collection.fonts[stamp.font_index].save(str(target))
        collection.close()
        font = str(target)
    background = None
    if stamp.seal:
        image = Image.open(io.BytesIO(stamp.seal))
        image.load()
        background = PdfImage(image)
    return TextStampStyle(
        stamp_text=STAMP_TEXT,
        text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(font), font_size=8),
        background=background,
        background_opacity=1,
        background_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MAX, y_align=AxisAlignment.ALIGN_MID, margins=Margins(2, 2, 2, 2)
        ),
        inner_content_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MIN, y_align=AxisAlignment.ALIGN_MID, margins=Margins(4, 4, 4, 4)
        ),
        border_width=0 if background is not None else 1,
        timestamp_format="%Y-%m-%d",
    )


def sign_pdf(
    pdf: bytes, key: SigningKey, reason: str, tsa: str | None = None, stamp: Stamp | None = None
) -> bytes:
    """PAdES B-B (B-T with ``tsa``): one certifying signature that allows no further change.

    With a ``stamp``, the signature is drawn on the cover (:data:`STAMP_BOX`); the drawing is
    part of the signature's update, so the unsigned edition is the same bytes either way.
    """
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
        name=key.signer.name,
        certify=True,
        docmdp_permissions=MDPPerm.NO_CHANGES,
    )
    timestamper = UrlTimeStamper(tsa) if tsa else None
    try:
        with tempfile.TemporaryDirectory(prefix="doccontrol-stamp-") as folder:
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
            if stamp is None:
                out = signers.sign_pdf(writer, meta, signer=key.simple, timestamper=timestamper)
            else:
                out = signers.PdfSigner(
                    meta,
                    key.simple,
                    timestamper=timestamper,
                    stamp_style=_stamp_style(stamp, Path(folder)),
                    new_field_spec=SigFieldSpec(FIELD, on_page=0, box=STAMP_BOX),
                ).sign_pdf(writer, appearance_text_params={"signer": key.signer.name})
    except TimestampRequestError as exc:
        raise DocControlError(msg("sign.no-timestamp", reason=str(exc))) from None
    except Exception as exc:  # pyHanko's own errors: a message, never a traceback
        raise DocControlError(msg("sign.failed", reason=str(exc))) from None
    signed: bytes = out.getvalue()
    if not signed.startswith(pdf):  # pragma: no cover - pyHanko appends
        raise DocControlError(msg("sign.rewrote"))
    return signed


# -- checking -------------------------------------------------------------------------


def load_trust(paths: list[Path]) -> list[asn1_x509.Certificate]:
    certs: list[asn1_x509.Certificate] = []
    for path in paths:
        try:
            certs.extend(load_certs_from_pemder_data(path.read_bytes()))
        except OSError as exc:
            raise DocControlError(msg("sign.trust-unreadable", reason=str(exc.strerror)), str(path)) from None
        except (ValueError, TypeError) as exc:
            raise DocControlError(msg("sign.not-certificate", reason=str(exc)), str(path)) from None
    return certs


def embedded_files(reader: PdfFileReader) -> dict[str, bytes]:
    """The PDF's embedded files (attachments) by name."""
    out: dict[str, bytes] = {}
    names = reader.root.get("/Names")
    if names is None:
        return out
    tree = names.get_object().get("/EmbeddedFiles")
    if tree is None:
        return out
    pending = [tree.get_object()]
    while pending:
        node = pending.pop()
        for kid in node.get("/Kids", []):
            pending.append(kid.get_object())
        flat = list(node.get("/Names", []))
        for name, spec in zip(flat[::2], flat[1::2], strict=False):
            stream = spec.get_object()["/EF"]["/F"].get_object()
            out[str(name)] = stream.data
    return out


def _revision_end(data: bytes, reader: PdfFileReader, revision: int) -> int:
    """Where revision ``revision`` (0-based) of the file ends: just after its %%EOF line."""
    info = reader.xrefs.get_xref_container_info(revision)
    mark = data.find(b"%%EOF", info.end_location)
    if mark < 0:
        return -1
    end = mark + len(b"%%EOF")
    while end < len(data) and data[end : end + 1] in (b"\r", b"\n"):
        end += 1
    return end


def inspect(pdf: bytes, trust: list[asn1_x509.Certificate]) -> SignatureReport:
    """Validate the edition's signature and find the unsigned edition it signs."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        sigs = reader.embedded_signatures
    except Exception as exc:  # not a PDF at all: a verdict, never a traceback
        return SignatureReport(0, problems=(msg("verify.not-pdf", reason=str(exc)),))
    if len(sigs) != 1:
        return SignatureReport(
            len(sigs),
            problems=(
                msg("verify.unsigned") if not sigs else msg("verify.signatures", count=len(sigs)),
            ),
        )
    sig = sigs[0]
    problems: list[Message] = []
    context = ValidationContext(trust_roots=trust, allow_fetching=False, revocation_mode="soft-fail")
    try:
        status = validate_pdf_signature(sig, context, context)
    except Exception as exc:  # a malformed signature must be a verdict, never a traceback
        return SignatureReport(1, problems=(msg("verify.invalid", reason=str(exc)),))
    signer = signer_of(sig.signer_cert) if sig.signer_cert is not None else None
    ts = status.timestamp_validity
    timestamp = None
    if ts is not None:
        timestamp = TimestampInfo(
            ts.timestamp,
            bool(ts.intact and ts.valid),
            bool(ts.trusted),
            ts.signing_cert.subject.human_friendly if ts.signing_cert is not None else "",
        )
    unsigned = b""
    attachments: dict[str, bytes] = {}
    previous = sig.signed_revision - 1
    if previous < 0:
        problems.append(msg("verify.same-revision"))
    else:
        end = _revision_end(pdf, reader, previous)
        if end <= 0:
            problems.append(msg("verify.no-unsigned"))
        else:
            unsigned = pdf[:end]
            try:
                attachments = embedded_files(PdfFileReader(io.BytesIO(unsigned), strict=False))
            except (PdfError, ValueError, KeyError) as exc:
                problems.append(msg("verify.unsigned-unreadable", reason=str(exc)))
    try:
        final_attachments = embedded_files(reader)
    except (PdfError, ValueError, KeyError) as exc:
        final_attachments = {}
        problems.append(msg("verify.attachments-unreadable", reason=str(exc)))
    return SignatureReport(
        signatures=1,
        signer=signer,
        sound=bool(status.intact and status.valid),
        trusted=bool(status.trusted) if trust else None,
        entire_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        unmodified=status.modification_level == ModificationLevel.NONE,
        certified=sig.docmdp_level is not None,
        signing_time=status.signer_reported_dt,
        timestamp=timestamp,
        unsigned=unsigned,
        attachments=attachments,
        final_attachments=final_attachments,
        problems=tuple(problems),
    )


# -- keys for the demo and for trying things out ---------------------------------------


def make_self_signed(
    common_name: str, organisation: str, password: str, days: int = 3650
) -> tuple[bytes, bytes]:
    """A self-signed signing certificate and its key: (PKCS#12 bytes, certificate PEM)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    if organisation:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    name = x509.Name(attrs)
    start = datetime.now(UTC) - timedelta(days=1)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=True, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    p12 = pkcs12.serialize_key_and_certificates(
        common_name.encode("utf-8"),
        key,
        cert,
        None,
        serialization.BestAvailableEncryption(password.encode("utf-8")),
    )
    return p12, cert.public_bytes(serialization.Encoding.PEM)
