"""Public keys listed in roles.yml for signed approvals (issue 17), from text to
:class:`~doccontrol.model.documents.SigningKey`.

An OpenSSH key line (``ssh-ed25519 AAAA… comment``) or an ASCII-armoured OpenPGP
public key. A fingerprint alone is refused: it cannot verify anything.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import struct

from cryptography.hazmat.primitives.serialization import load_ssh_public_key

from doccontrol.model.documents import KeyKind, SigningKey

_SSH_TYPES = (
    "ssh-ed25519",
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
)
_PGP_BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----"
_PGP_END = "-----END PGP PUBLIC KEY BLOCK-----"


def ssh_fingerprint(blob: bytes) -> str:
    """``SHA256:…`` as ``ssh-keygen -l`` prints it."""
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")


def parse_signing_key(text: str) -> tuple[SigningKey | None, str]:
    """The key ``text`` holds, or None and what is wrong with it (and how to fix it)."""
    text = text.strip()
    if text.startswith(_PGP_BEGIN):
        return _openpgp(text)
    parts = text.split()
    if len(parts) < 2 or parts[0] not in _SSH_TYPES:
        return None, (
            "a signing key must be a whole OpenSSH public key line (the contents of "
            "~/.ssh/id_ed25519.pub: 'ssh-ed25519 AAAA… name') or an ASCII-armoured OpenPGP "
            f"public key ('gpg --armor --export'); {text[:40]!r} is neither"
        )
    try:
        blob = base64.b64decode(parts[1], validate=True)
        load_ssh_public_key(f"{parts[0]} {parts[1]}".encode())
    except (binascii.Error, ValueError) as exc:
        return None, f"the {parts[0]} key is damaged ({exc}); paste the .pub file's line again"
    if _ssh_string(blob, 0)[0] != parts[0].encode():
        return None, f"the key data is not a {parts[0]} key; paste the .pub file's line again"
    return SigningKey(KeyKind.SSH, ssh_fingerprint(blob), blob, text), ""


def _ssh_string(data: bytes, pos: int) -> tuple[bytes, int]:
    (size,) = struct.unpack(">I", data[pos : pos + 4])
    return data[pos + 4 : pos + 4 + size], pos + 4 + size


def _openpgp(text: str) -> tuple[SigningKey | None, str]:
    """An armoured OpenPGP public key: its primary key packet and v4 fingerprint."""
    lines = [line.strip() for line in text.splitlines()]
    if _PGP_END not in lines:
        return None, f"the OpenPGP key has no '{_PGP_END}' line; paste the whole armoured key"
    body = lines[1 : lines.index(_PGP_END)]
    # Armour headers (Comment: …) end at the first blank line; the checksum starts with '='.
    if "" in body:
        body = body[body.index("") + 1 :]
    data = "".join(line for line in body if line and not line.startswith("="))
    try:
        raw = base64.b64decode(data, validate=True)
    except binascii.Error:
        return None, "the OpenPGP key's armour is damaged; export it again with gpg --armor --export"
    packet = _first_packet(raw)
    if packet is None or packet[0] != 6 or not packet[1] or packet[1][0] != 4:
        return None, (
            "the armoured block holds no version 4 OpenPGP public key; export it again with "
            "gpg --armor --export"
        )
    body_bytes = packet[1]
    digest = hashlib.sha1(b"\x99" + struct.pack(">H", len(body_bytes)) + body_bytes).hexdigest()
    return SigningKey(KeyKind.OPENPGP, digest.upper(), body_bytes, text), ""


def _first_packet(raw: bytes) -> tuple[int, bytes] | None:
    """The tag and body of the first OpenPGP packet (RFC 4880, section 4.2), or None."""
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
    return tag, raw[start : start + size]
