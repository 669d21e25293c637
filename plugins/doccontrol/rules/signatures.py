"""Whether an approving commit is signed by a key listed for its approver (issue 17).

Verification runs in-process: git's SSH signatures are the ``sshsig`` format
(namespace ``git``), checked with ``cryptography``; its OpenPGP signatures are
detached signatures, checked with Sequoia (``pysequoia``) under its standard
policy. Either is checked against the keys listed in the roles in force at the
approving commit's first parent, never against a key the commit's own signature
carries. A key added in the change it approves is not yet
in force; a key removed later does not undo an approval it verified.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import struct
from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

import pysequoia
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.serialization import load_ssh_public_key

from doccontrol.model.documents import KeyKind, Roles, SigningKey
from doccontrol.model.history import Signed
from doccontrol.model.messages import Message, msg
from doccontrol.rules.approval import Basis, Claim, Parties
from doccontrol.sources.signing_keys import openpgp_key_fingerprints, ssh_fingerprint


class Check(NamedTuple):
    """The outcome of one signature check: the listed key that verified, or what is wrong."""

    fingerprint: str
    problem: Message | None

    @property
    def verified(self) -> bool:
        return bool(self.fingerprint)


#: (commit or tag id, its signature, the keys in force for its signer) -> Check.
Verifier = Callable[[str, Signed | None, tuple[SigningKey, ...]], Check]

_SSH_BEGIN = b"-----BEGIN SSH SIGNATURE-----"
_SSH_END = b"-----END SSH SIGNATURE-----"
_HASHES: dict[bytes, Callable[[bytes], bytes]] = {
    b"sha256": lambda data: hashlib.sha256(data).digest(),
    b"sha512": lambda data: hashlib.sha512(data).digest(),
}


def verify(commit: str, signed: Signed | None, keys: tuple[SigningKey, ...]) -> Check:
    """Is ``signed`` a valid signature by one of ``keys``? ``commit`` only names it."""
    if signed is None:
        return Check("", msg("signature.unsigned"))
    if not keys:
        return Check("", msg("signature.no-key"))
    armour = signed.signature.strip()
    if armour.startswith(b"-----BEGIN PGP SIGNATURE-----"):
        return _verify_openpgp(armour, signed.payload, keys)
    if not armour.startswith(_SSH_BEGIN) or not armour.endswith(_SSH_END):
        return Check("", msg("signature.format"))
    try:
        return _verify_ssh(armour, signed.payload, keys)
    except (binascii.Error, struct.error, ValueError, IndexError) as exc:
        return Check("", msg("signature.ssh-damaged", problem=str(exc)))


def _string(data: bytes, pos: int) -> tuple[bytes, int]:
    (size,) = struct.unpack(">I", data[pos : pos + 4])
    end = pos + 4 + size
    if end > len(data):
        raise ValueError("a field runs past the end of the signature")
    return data[pos + 4 : end], end


def _pack(value: bytes) -> bytes:
    return struct.pack(">I", len(value)) + value


def _verify_ssh(armour: bytes, payload: bytes, keys: tuple[SigningKey, ...]) -> Check:
    body = b"".join(armour[len(_SSH_BEGIN) : -len(_SSH_END)].split())
    blob = base64.b64decode(body, validate=True)
    if blob[:6] != b"SSHSIG":
        raise ValueError("no SSHSIG magic")
    pos = 10  # magic and version
    public, pos = _string(blob, pos)
    namespace, pos = _string(blob, pos)
    reserved, pos = _string(blob, pos)
    hash_name, pos = _string(blob, pos)
    signature, pos = _string(blob, pos)
    fingerprint = ssh_fingerprint(public)
    key = next((k for k in keys if k.kind is KeyKind.SSH and k.blob == public), None)
    if key is None:
        return Check("", msg("signature.key-not-listed", fingerprint=fingerprint))
    if namespace != b"git":
        return Check("", msg("signature.namespace", namespace=repr(namespace)))
    digest = _HASHES.get(hash_name)
    if digest is None:
        return Check("", msg("signature.hash", hash=repr(hash_name)))
    signed_data = (
        b"SSHSIG" + _pack(namespace) + _pack(reserved) + _pack(hash_name) + _pack(digest(payload))
    )
    kind, pos = _string(signature, 0)
    raw, _ = _string(signature, pos)
    key_type, _ = _string(public, 0)
    loaded = load_ssh_public_key(key_type + b" " + base64.b64encode(public))
    try:
        if isinstance(loaded, ed25519.Ed25519PublicKey) and kind == b"ssh-ed25519":
            loaded.verify(raw, signed_data)
        elif isinstance(loaded, rsa.RSAPublicKey) and kind in (b"rsa-sha2-256", b"rsa-sha2-512"):
            algorithm: hashes.HashAlgorithm = (
                hashes.SHA256() if kind == b"rsa-sha2-256" else hashes.SHA512()
            )
            loaded.verify(raw, signed_data, padding.PKCS1v15(), algorithm)
        elif isinstance(loaded, ec.EllipticCurvePublicKey) and kind.startswith(b"ecdsa-sha2-"):
            r, at = _string(raw, 0)
            s, _ = _string(raw, at)
            size = loaded.curve.key_size
            curve_hash: hashes.HashAlgorithm = (
                hashes.SHA256() if size <= 256 else hashes.SHA384() if size <= 384 else hashes.SHA512()
            )
            der = encode_dss_signature(int.from_bytes(r, "big"), int.from_bytes(s, "big"))
            loaded.verify(der, signed_data, ec.ECDSA(curve_hash))
        else:
            return Check("", msg("signature.kind", kind=repr(kind), fingerprint=fingerprint))
    except InvalidSignature:
        return Check("", msg("signature.ssh-invalid", fingerprint=fingerprint))
    return Check(key.fingerprint, None)


@functools.lru_cache(maxsize=256)
def _cert(text: str) -> pysequoia.Cert:
    # Parsing a key costs more than checking a signature with it; the same few keys
    # check thousands of approvals.
    return pysequoia.Cert.from_bytes(text.encode())


def _verify_openpgp(armour: bytes, payload: bytes, keys: tuple[SigningKey, ...]) -> Check:
    try:
        signature = pysequoia.Sig.from_bytes(armour)
    except (RuntimeError, ValueError) as exc:
        return Check("", msg("signature.openpgp-damaged", problem=_first_line(exc)))
    issuer = (signature.issuer_fingerprint or signature.issuer_key_id or "?").upper()
    listed = [k for k in keys if k.kind is KeyKind.OPENPGP]
    # The key (or subkey) the signature names, among the keys listed.
    owner = next(
        (k for k in listed if any(f.endswith(issuer) for f in openpgp_key_fingerprints(k))),
        None,
    )
    if owner is None:
        return Check("", msg("signature.openpgp-not-listed", fingerprint=issuer))
    try:
        certs = [_cert(owner.text)]
        result = pysequoia.verify(bytes=payload, store=lambda _ids: certs, signature=signature)
    except (RuntimeError, ValueError):
        return Check("", msg("signature.openpgp-invalid", fingerprint=owner.fingerprint))
    for valid in result.valid_sigs:
        if str(valid.certificate).upper() == owner.fingerprint:
            return Check(owner.fingerprint, None)
    return Check("", msg("signature.openpgp-no-match", fingerprint=owner.fingerprint))


def _first_line(exc: Exception) -> str:
    # Sequoia's messages may carry a Rust backtrace after the first line.
    return (str(exc).splitlines() or [type(exc).__name__])[0]


def split_commit(raw: bytes) -> Signed | None:
    """A commit object's ``gpgsig`` header and the object without it, or None if unsigned.

    Only the header block counts (up to the first blank line): a message that holds
    a line starting ``gpgsig`` cannot pose as a signature.
    """
    end = raw.find(b"\n\n")
    head = raw if end < 0 else raw[: end + 1]
    lines = head.split(b"\n")
    kept: list[bytes] = []
    signature: list[bytes] = []
    inside = False
    for line in lines:
        if line.startswith((b"gpgsig ", b"gpgsig-sha256 ")) and not signature:
            inside = True
            signature.append(line.split(b" ", 1)[1])
        elif inside and line.startswith(b" "):
            signature.append(line[1:])
        else:
            inside = False
            kept.append(line)
    if not signature:
        return None
    rest = b"" if end < 0 else raw[end + 1 :]
    return Signed(b"\n".join(signature) + b"\n", b"\n".join(kept) + rest)


def split_tag(raw: bytes) -> Signed | None:
    """An annotated tag object's trailing signature and the bytes before it, or None."""
    for marker in (b"-----BEGIN SSH SIGNATURE-----", b"-----BEGIN PGP SIGNATURE-----"):
        at = raw.rfind(b"\n" + marker)
        if at >= 0:
            return Signed(raw[at + 1 :], raw[: at + 1])
    return None


def check_claims(
    who: Parties, roles: Roles | None, required: bool, verifier: Verifier = verify
) -> Parties:
    """``who`` with each claim's signature checked against the keys in ``roles`` (in
    force at the approving commit's first parent).

    A person's claim needs a signature by a key listed for that person; a forge's
    trailers (trusted by config) one by a key under ``forges:``. When ``required``,
    a claim whose signature does not verify counts for nothing; otherwise it counts
    and the problem becomes a warning.
    """
    if roles is None or not who.claims:
        return who
    kept: list[Claim] = []
    problems: list[Message] = []
    review_problems: list[Message] = []
    in_order: list[Message] = []
    whose: Message | str
    for claim in who.claims:
        if claim.basis is Basis.FORGE_TRAILER:
            keys, whose = roles.forges, msg("signature.the-forge")
        else:
            person = roles.by_email(claim.identity.email)
            keys = person.signing_keys if person is not None else ()
            whose = person.name if person is not None else str(claim.identity)
        check = verifier(claim.commit, claim.signed, keys)
        if check.verified:
            kept.append(replace(claim, verified=check.fingerprint))
            continue
        # A review sign-off (审核) is a sign-off commit like an approval's, held to the
        # same signature rule, but its failure makes the review missing, not the approval.
        kind = msg("signature.kind.review" if claim.review else f"signature.kind.{claim.basis.value}")
        note = msg(
            "signature.unverified.merge" if claim.basis is Basis.MERGE else "signature.unverified.commit",
            kind=kind,
            whose=whose,
            commit=claim.commit[:8],
            problem=check.problem or msg("signature.unsigned"),
            mode="required" if required else "warn",
        )
        (review_problems if claim.review else problems).append(note)
        in_order.append(note)  # under warn, one note per unverified claim, in claim order
        if not required:
            kept.append(replace(claim, verified=""))
    if not problems and not review_problems:
        return replace(who, claims=tuple(kept))
    if not required:
        return replace(who, claims=tuple(kept), warnings=(*who.warnings, *in_order))
    return replace(
        who,
        claimed=tuple(c.identity for c in kept if not c.review),
        claims=tuple(kept),
        problems=(*who.problems, *problems),
        ignored=(*who.ignored, *problems),
        review_problems=(*who.review_problems, *review_problems),
    )
