"""Helpers for the edition tests: throwaway keys, a loopback timestamp authority, PDF tools."""

from __future__ import annotations

import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from conftest import LI, ROOT, WANG, ZHANG, Result
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from gitrepo import GitRepo

EDITION_DAY = "2026-03-01"
PASSWORD = "test-password"


@dataclass(frozen=True)
class Key:
    p12: Path
    cert: Path
    password: str
    name: str


def _cert(name: str, key: rsa.RSAPrivateKey, tsa: bool = False) -> x509.Certificate:
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "测试组织"),
        ]
    )
    start = datetime.now(UTC) - timedelta(days=400)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=True, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True,
                crl_sign=True, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
    )
    if tsa:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
        )
    return builder.sign(key, hashes.SHA256())


def make_key(folder: Path, name: str = "测试签署人", password: str = PASSWORD) -> Key:
    """A throwaway self-signed signing key: a PKCS#12 file and its certificate (PEM)."""
    folder.mkdir(parents=True, exist_ok=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = _cert(name, key)
    stem = folder / f"key-{len(list(folder.glob('key-*.p12')))}"
    p12 = stem.with_suffix(".p12")
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"test", key, cert, None, serialization.BestAvailableEncryption(password.encode())
        )
    )
    pem = stem.with_suffix(".pem")
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return Key(p12, pem, password, name)


@contextmanager
def timestamp_authority(folder: Path) -> Iterator[tuple[str, Path]]:
    """An RFC 3161 timestamp authority on 127.0.0.1 (pyHanko's DummyTimeStamper); yields (url, cert)."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import tsp
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = _cert("测试时间戳服务", key, tsa=True)
    stamper = DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        tsa_key=asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
    )
    hits: list[int] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            answer = stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
            hits.append(len(answer))
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    pem = folder / "tsa.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", pem
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def env(**extra: str) -> dict[str, str]:
    base = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    base.pop("DOCCONTROL_SIGNING_KEY", None)
    base.pop("DOCCONTROL_SIGNING_PASSWORD", None)
    return {**base, **extra}


def run(*args: str, cwd: Path | None = None, environ: dict[str, str] | None = None,
        prefix: tuple[str, ...] = ()) -> Result:
    """``doccontrol`` in a subprocess (optionally under a wrapper such as faketime)."""
    proc = subprocess.run(
        [*prefix, sys.executable, "-m", "doccontrol", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        env=environ or env(),
        check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def release(repo: Path, key: Key, day: str = EDITION_DAY, *extra: str, lang: str | None = None) -> Result:
    """``doccontrol release``; ``lang`` for a test that reads the wording (``--lang``)."""
    chosen = ("--lang", lang) if lang else ()
    return run(*chosen, "release", "--repo", str(repo), "--date", day, "--key", str(key.p12),
               "--password", key.password, *extra)


def edition_pdf(repo: Path, day: str = EDITION_DAY) -> Path:
    return repo / "editions" / day / f"edition-{day}.pdf"


def approve_change(repo: GitRepo, rel: str, text: str, day: str, branch: str) -> str:
    """An owner's change to ``rel`` merged by the approver 李代表 on ``day`` (a procedure)."""
    repo.branch(branch)
    repo.write(rel, text)
    repo.commit(f"{branch}", ZHANG, f"{day}T09:00:00+08:00")
    repo.checkout("main")
    return repo.merge(branch, LI, f"{day}T15:00:00+08:00", message=f"Merge pull request from {branch}")


def approve_rules_change(repo: GitRepo, summary: str, day: str) -> str:
    """Commit the working tree's edit of a rules file (mkdocs.yml…) as the top role approves it.

    mkdocs.yml is controlled as a whole: an owner's branch, merged by 王总 (the top role).
    """
    branch = f"rules/{day}"
    repo.branch(branch)
    repo.commit(summary, ZHANG, f"{day}T09:00:00+08:00")
    repo.checkout("main")
    return repo.merge(branch, WANG, f"{day}T15:00:00+08:00", message=f"Merge pull request from {branch}")


def adopted_repo(path: Path, fixture: str = "minimal") -> GitRepo:
    repo = GitRepo.from_fixture(path, fixture)
    repo.commit("初始导入", ZHANG, "2026-01-02T09:00:00+08:00")
    repo.tag("doccontrol/baseline", WANG, "2026-01-02T10:00:00+08:00", "纸质文件转入")
    return repo


def pdftotext(pdf: Path, first: int | None = None, last: int | None = None, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pdfsig(pdf: Path, nssdir: Path | None = None) -> str:
    args = ["pdfsig"] + (["-nssdir", f"sql:{nssdir}"] if nssdir else []) + [str(pdf)]
    proc = subprocess.run(args, capture_output=True, text=True, check=False)
    return proc.stdout + proc.stderr


def nss_trusting(folder: Path, *certs: Path) -> Path:
    """An NSS certificate database (what pdfsig checks trust against) trusting ``certs``."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["certutil", "-N", "-d", f"sql:{folder}", "--empty-password"], check=True,
                   capture_output=True)
    for i, cert in enumerate(certs):
        subprocess.run(["certutil", "-A", "-d", f"sql:{folder}", "-n", f"anchor{i}", "-t", "CT,C,C",
                        "-i", str(cert)], check=True, capture_output=True)
    return folder
