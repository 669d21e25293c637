"""Signed editions: pdfsig and ``doccontrol verify`` accept them and reject every tampering."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from edition_support import (
    EDITION_DAY,
    Key,
    adopted_repo,
    approve_change,
    edition_pdf,
    make_key,
    nss_trusting,
    pdfsig,
    release,
    run,
    timestamp_authority,
)
from gitrepo import GitRepo
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, StreamObject

EARLIER = "2026-02-15"


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[GitRepo, Key, Path]:
    base = tmp_path_factory.mktemp("signed")
    repo = adopted_repo(base / "org")
    approve_change(repo, "procedures/qp-01.md", repo.read("procedures/qp-01.md") + "\n补充要求。\n",
                   "2026-02-20", "zhang/qp-01")
    key = make_key(base / "keys")
    for day in (EARLIER, EDITION_DAY):
        result = release(repo.path, key, day)
        assert result.code == 0, result.output
    return repo, key, base


def _verify(pdf: Path, *args: str) -> tuple[int, str]:
    result = run("--lang", "en", "verify", str(pdf), *args)
    assert "Traceback" not in result.output, result.output
    return result.code, result.output


def _unsigned(repo: GitRepo, day: str = EDITION_DAY) -> bytes:
    record = json.loads((repo.path / "editions" / day / "editions.json").read_text("utf-8"))
    size = record["editions"][0]["unsigned_bytes"]
    return edition_pdf(repo.path, day).read_bytes()[:size]


def _sign(data: bytes, key: Key) -> bytes:
    """Sign with pyHanko directly, as someone holding ``key`` would."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    signer = signers.SimpleSigner.load_pkcs12(str(key.p12), passphrase=key.password.encode())
    meta = signers.PdfSignatureMetadata(field_name="Signature")
    out = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(data)), meta, signer=signer)
    return out.getvalue()


def test_genuine_edition_verifies(signed: tuple[GitRepo, Key, Path]) -> None:
    repo, key, base = signed
    pdf = edition_pdf(repo.path)
    code, out = _verify(pdf, "--trust", str(key.cert), "--repo", str(repo.path))
    assert code == 0, out
    assert "byte for byte" in out and "FAIL" not in out
    sig = pdfsig(pdf, nss_trusting(base / "nss-genuine", key.cert))
    assert "Signature is Valid" in sig and "Total document signed" in sig, sig
    assert "Certificate is Trusted" in sig, sig
    assert "Signature Type: ETSI.CAdES.detached" in sig  # PAdES
    # Without a trust anchor or a repository, what can be checked still is.
    code, out = _verify(pdf)
    assert code == 0, out


def test_a_changed_byte_is_rejected(signed: tuple[GitRepo, Key, Path]) -> None:
    repo, key, base = signed
    data = bytearray(edition_pdf(repo.path).read_bytes())
    at = len(_unsigned(repo)) // 3
    data[at] ^= 0x01
    bad = base / "changed-byte" / f"edition-{EDITION_DAY}.pdf"
    bad.parent.mkdir()
    bad.write_bytes(bytes(data))
    code, out = _verify(bad, "--trust", str(key.cert), "--repo", str(repo.path))
    assert code == 1 and "does not match the content" in out, out
    sig = pdfsig(bad)
    assert "Signature is Valid" not in sig, sig


def test_re_signing_with_another_key_is_rejected(signed: tuple[GitRepo, Key, Path]) -> None:
    repo, key, base = signed
    other = make_key(base / "other-key", name="冒名签署人")
    bad = base / "re-signed" / f"edition-{EDITION_DAY}.pdf"
    bad.parent.mkdir()
    bad.write_bytes(_sign(_unsigned(repo), other))
    code, out = _verify(bad, "--trust", str(key.cert))
    assert code == 1, out
    assert "does not chain to any --trust certificate" in out
    assert "re-signed with another key" in out
    code, out = _verify(bad)  # even with no trust anchor: the manifest names another certificate
    assert code == 1 and "re-signed with another key" in out, out
    sig = pdfsig(bad, nss_trusting(base / "nss-other", key.cert))
    assert "Signature is Valid" in sig and "Certificate is Trusted" not in sig, sig


def _with_manifest(data: bytes, edit: dict[str, str], incremental: bool) -> bytes:
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(reader, incremental=True) if incremental else PdfWriter(clone_from=reader)
    names = writer.root_object["/Names"]["/EmbeddedFiles"]["/Names"]
    spec = names[list(names).index("manifest.json") + 1].get_object()
    stream = spec["/EF"]["/F"].get_object()
    manifest = json.loads(stream.get_data())
    for doc in manifest["documents"]:
        if doc["id"] in edit:
            doc["revision"] = edit[doc["id"]]
    new = StreamObject()
    new.set_data(json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=2).encode())
    new[NameObject("/Type")] = NameObject("/EmbeddedFile")
    spec["/EF"][NameObject("/F")] = writer._add_object(new)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_edited_manifest_is_rejected(signed: tuple[GitRepo, Key, Path]) -> None:
    repo, key, base = signed
    folder = base / "edited"
    folder.mkdir()
    # Edited after signing, as an incremental update.
    appended = folder / f"edition-{EDITION_DAY}.pdf"
    appended.write_bytes(_with_manifest(edition_pdf(repo.path).read_bytes(), {"QP-01": "A/7"}, True))
    code, out = _verify(appended, "--trust", str(key.cert))
    assert code == 1, out
    assert "changes made after it was signed" in out or "was replaced" in out, out
    assert "Total document signed" not in pdfsig(appended)
    # Edited, then signed again with the right key (an insider): git gives another manifest.
    insider = folder / "insider" / f"edition-{EDITION_DAY}.pdf"
    insider.parent.mkdir()
    insider.write_bytes(_sign(_with_manifest(_unsigned(repo), {"QP-01": "A/7"}, False), key))
    code, out = _verify(insider, "--trust", str(key.cert), "--repo", str(repo.path))
    assert code == 1, out
    assert "QP-01: revision 'A/7' ≠ 'A/1'" in out, out


def test_an_edition_of_another_date_renamed_is_rejected(signed: tuple[GitRepo, Key, Path]) -> None:
    repo, key, base = signed
    copy = base / "swap"
    shutil.copytree(repo.path / "editions", copy)
    target = copy / EDITION_DAY / f"edition-{EDITION_DAY}.pdf"
    shutil.copyfile(copy / EARLIER / f"edition-{EARLIER}.pdf", target)
    code, out = _verify(target, "--trust", str(key.cert), "--repo", str(repo.path))
    assert code == 1, out
    assert f"says {EDITION_DAY}, but this is the edition of {EARLIER}" in out, out
    assert "is not the" in out  # SHA256SUMS no longer matches
    # Taken out of its folder, the name alone still gives it away.
    loose = base / "loose" / f"edition-{EDITION_DAY}.pdf"
    loose.parent.mkdir()
    shutil.copyfile(copy / EARLIER / f"edition-{EARLIER}.pdf", loose)
    code, out = _verify(loose, "--trust", str(key.cert))
    assert code == 1 and f"this is the edition of {EARLIER}" in out, out


def test_timestamped_edition_is_pades_b_t(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    key = make_key(tmp_path / "keys")
    with timestamp_authority(tmp_path) as (url, tsa_cert):
        result = release(repo.path, key, EDITION_DAY, "--tsa", url)
    assert result.code == 0, result.output
    pdf = edition_pdf(repo.path)
    bundle = tmp_path / "trust.pem"
    bundle.write_bytes(key.cert.read_bytes() + tsa_cert.read_bytes())
    code, out = _verify(pdf, "--trust", str(bundle), "--repo", str(repo.path))
    assert code == 0, out
    assert "timestamp" in out and "测试时间戳服务" in out, out
    record = json.loads((repo.path / "editions" / "editions.json").read_text("utf-8"))["editions"][0]
    assert record["signature"] == "PAdES B-T"
    sig = pdfsig(pdf, nss_trusting(tmp_path / "nss", key.cert, tsa_cert))
    assert "Signature is Valid" in sig and "Total document signed" in sig, sig
    # The timestamp authority is not trusted when only the signer's certificate is.
    code, out = _verify(pdf, "--trust", str(key.cert))
    assert code == 1 and "not trusted by --trust" in out, out


def test_a_dead_timestamp_authority_stops_the_release(tmp_path: Path) -> None:
    repo = adopted_repo(tmp_path / "org")
    with timestamp_authority(tmp_path) as (url, _):
        dead = url  # the server stops when the block ends
    result = release(repo.path, make_key(tmp_path / "keys"), EDITION_DAY, "--tsa", dead)
    assert result.code == 2, result.output
    assert "timestamp" in result.stderr and "Traceback" not in result.output
    assert not (repo.path / "editions" / EDITION_DAY).exists()
    assert repo.git("tag", "-l", "edition/*") == ""
