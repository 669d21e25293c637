"""Public keys listed in roles.yml for signed approvals (issue 17), from text to
:class:`~doccontrol.model.documents.SigningKey`.

An OpenSSH key line (``ssh-ed25519 AAAA… comment``) or an ASCII-armoured OpenPGP
public key, written in roles.yml or in a file under ``keys/`` beside it, named
there as ``keys/NAME.asc`` (or ``.pub``). A fingerprint alone is refused: it cannot
verify anything.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import posixpath
import re
import struct

import pysequoia
from cryptography.hazmat.primitives.serialization import load_ssh_public_key

from doccontrol.model.documents import KeyKind, SigningKey
from doccontrol.model.messages import Message, msg

_SSH_TYPES = (
    "ssh-ed25519",
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
)
_PGP_BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----"
_PGP_END = "-----END PGP PUBLIC KEY BLOCK-----"
#: A reference to a key file: ``keys/`` then a plain file name, ``.asc`` or ``.pub``.
_KEY_FILE = re.compile(r"keys/[A-Za-z0-9][A-Za-z0-9._-]*\.(asc|pub)")


@functools.lru_cache(maxsize=16)
def keys_folder(roles_path: str) -> str:
    """The folder whose files roles.yml may name as keys: ``keys/`` beside it."""
    return posixpath.join(posixpath.dirname(roles_path), "keys") + "/"


def is_key_file(path: str, roles_path: str) -> bool:
    """Is ``path`` a file roles.yml may name as a key (``keys/NAME.asc`` or ``.pub``)?"""
    return path.startswith(keys_folder(roles_path)) and path.endswith((".asc", ".pub"))


def key_file_reference(text: str) -> bool:
    """Does this ``signing_keys:`` entry name a key file (``keys/alice.asc``)?"""
    return _KEY_FILE.fullmatch(text.strip()) is not None


def bad_key_file_reference(text: str) -> Message | None:
    """What is wrong with an entry that looks like a file name but is no valid reference."""
    text = text.strip()
    if " " in text or text.startswith(("-----", *_SSH_TYPES)):
        return None
    if text.endswith((".asc", ".pub", ".gpg", ".key")) or "/" in text:
        return msg("signing-key.bad-reference", entry=repr(text))
    return None


def ssh_fingerprint(blob: bytes) -> str:
    """``SHA256:…`` as ``ssh-keygen -l`` prints it."""
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")


def parse_signing_key(text: str) -> tuple[SigningKey | None, Message | None]:
    """The key ``text`` holds, or None and what is wrong with it (and how to fix it)."""
    text = text.strip()
    if text.startswith(_PGP_BEGIN):
        return _openpgp(text)
    parts = text.split()
    if len(parts) < 2 or parts[0] not in _SSH_TYPES:
        return None, msg("signing-key.neither", start=repr(text[:40]))
    try:
        blob = base64.b64decode(parts[1], validate=True)
        load_ssh_public_key(f"{parts[0]} {parts[1]}".encode())
    except (binascii.Error, ValueError) as exc:
        return None, msg("signing-key.damaged", kind=parts[0], reason=str(exc))
    if _ssh_string(blob, 0)[0] != parts[0].encode():
        return None, msg("signing-key.wrong-kind", kind=parts[0])
    return SigningKey(KeyKind.SSH, ssh_fingerprint(blob), blob, text), None


def _ssh_string(data: bytes, pos: int) -> tuple[bytes, int]:
    (size,) = struct.unpack(">I", data[pos : pos + 4])
    return data[pos + 4 : pos + 4 + size], pos + 4 + size


def _openpgp(text: str) -> tuple[SigningKey | None, Message | None]:
    """An armoured OpenPGP public key: its primary key packet and v4 fingerprint."""
    if _PGP_END not in (line.strip() for line in text.splitlines()):
        return None, msg("signing-key.no-end", end=_PGP_END)
    raw = _armour_bytes(text)
    if raw is None:
        return None, msg("signing-key.armour")
    packet = _first_packet(raw)
    if packet is None or packet[0] != 6 or not packet[1] or packet[1][0] != 4:
        return None, msg("signing-key.not-v4")
    body_bytes = packet[1]
    digest = _v4_fingerprint(body_bytes)
    try:
        cert = pysequoia.Cert.from_bytes(text.encode())
    except (RuntimeError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return None, msg("signing-key.unreadable", reason=reason)
    if cert.fingerprint.upper() != digest:
        return None, msg("signing-key.several")
    return SigningKey(KeyKind.OPENPGP, digest, body_bytes, text), None


def _v4_fingerprint(body: bytes) -> str:
    """A version 4 key packet's fingerprint (RFC 4880, section 12.2), upper-case hex."""
    return hashlib.sha1(b"\x99" + struct.pack(">H", len(body)) + body).hexdigest().upper()


def openpgp_key_fingerprints(key: SigningKey) -> tuple[str, ...]:
    """The fingerprints of an OpenPGP key's primary key and subkeys, upper-case hex."""
    if key.kind is not KeyKind.OPENPGP:
        return ()
    found = [key.fingerprint]
    raw = _armour_bytes(key.text) or b""
    while raw:
        packet = _first_packet(raw)
        if packet is None:
            break
        tag, body, size = packet
        if tag == 14 and body and body[0] == 4:
            found.append(_v4_fingerprint(body))
        raw = raw[size:]
    return tuple(found)


def _armour_bytes(text: str) -> bytes | None:
    """The bytes an armoured block holds, or None when its base64 is damaged."""
    lines = [line.strip() for line in text.splitlines()]
    body = lines[1 : lines.index(_PGP_END)] if _PGP_END in lines else lines[1:]
    # Armour headers (Comment: …) end at the first blank line; the checksum starts with '='.
    if "" in body:
        body = body[body.index("") + 1 :]
    try:
        return base64.b64decode(
            "".join(line for line in body if line and not line.startswith("=")), validate=True
        )
    except binascii.Error:
        return None


def _first_packet(raw: bytes) -> tuple[int, bytes, int] | None:
    """The tag, body and length of the first OpenPGP packet (RFC 4880, section 4.2), or None."""
    if len(raw) < 2 or not raw[0] & 0x80:
        return None
    if raw[0] & 0x40:  # new format
        tag, first = raw[0] & 0x3F, raw[1]
        if first < 192:
            size, start = first, 2
        elif first < 224 and len(raw) > 2:
            size, start = ((first - 192) << 8) + raw[2] + 192, 3
        elif first == 255 and len(raw) >= 6:
            size, start = struct.unpack(">I", raw[2:6])[0], 6
        else:
            return None
    else:
        tag, kind = (raw[0] >> 2) & 0x0F, raw[0] & 0x03
        width = {0: 1, 1: 2, 2: 4}.get(kind)
        if width is None or len(raw) < 1 + width:
            return None
        size = int.from_bytes(raw[1 : 1 + width], "big")
        start = 1 + width
    if start + size > len(raw):
        return None
    return tag, raw[start : start + size], start + size
