"""Benchmark of signed approvals (issue 17): ``register`` under ``signatures: required``
on 10 000 signed merges against the same run with ``signatures: off``.

Budget: <= 2x with a warm trust cache; the cold figure (empty cache, every
signature verified) is reported too.

The corpus is corpus.py's, with every merge re-signed in Python: git's ``sshsig``
format over the commit without its ``gpgsig`` header, made with ``cryptography``,
or (``--kind openpgp``) a detached OpenPGP signature made with Sequoia by a
signing subkey, and written as loose objects (a git call per commit would take
minutes). The approver's public key is listed in roles.yml; the baseline tag is
signed by the top role's key.

Run: .venv/bin/python benchmarks/signed.py [--quick] [--kind ssh|openpgp]
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

import pysequoia
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

sys.path.insert(0, str(Path(__file__).parent))
import corpus

PY = sys.executable


def _pack(value: bytes) -> bytes:
    return struct.pack(">I", len(value)) + value


class Signer:
    """An ed25519 key that signs as ``ssh-keygen -Y sign -n git`` does."""

    def __init__(self) -> None:
        self.key = Ed25519PrivateKey.generate()
        raw = self.key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.blob = _pack(b"ssh-ed25519") + _pack(raw)
        self.line = "ssh-ed25519 " + base64.b64encode(self.blob).decode() + " bench-demo-key"

    def sign(self, payload: bytes) -> bytes:
        digest = hashlib.sha512(payload).digest()
        signed = b"SSHSIG" + _pack(b"git") + _pack(b"") + _pack(b"sha512") + _pack(digest)
        signature = _pack(b"ssh-ed25519") + _pack(self.key.sign(signed))
        blob = (
            b"SSHSIG" + struct.pack(">I", 1) + _pack(self.blob) + _pack(b"git") + _pack(b"")
            + _pack(b"sha512") + _pack(signature)
        )
        text = base64.b64encode(blob)
        lines = [text[i : i + 70] for i in range(0, len(text), 70)]
        return b"\n".join([b"-----BEGIN SSH SIGNATURE-----", *lines, b"-----END SSH SIGNATURE-----"])


class PgpSigner:
    """An OpenPGP key (certifying primary, signing subkey) that signs as gpg does for git:
    a detached, armoured signature over the commit without its ``gpgsig`` header."""

    def __init__(self, name: str) -> None:
        tsk = pysequoia.Tsk.generate(f"{name} <{name}@bench.example>")
        self.signer = tsk.signer()
        armour = str(tsk.extract_certificate())
        # A YAML block under 'signing_keys:', indented for corpus.ROLES.
        self.line = "\n      - |\n" + "".join(f"        {x}\n" for x in armour.splitlines())

    def sign(self, payload: bytes) -> bytes:
        return pysequoia.sign(self.signer, payload, mode=pysequoia.SignatureMode.DETACHED).strip()


def _write_object(git_dir: Path, kind: bytes, body: bytes) -> str:
    data = kind + b" %d\x00" % len(body) + body
    sha = hashlib.sha1(data).hexdigest()
    target = git_dir / "objects" / sha[:2] / sha[2:]
    if not target.exists():
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(zlib.compress(data, 1))
    return sha


def sign_corpus(path: Path, approver: Signer | PgpSigner, top: Signer | PgpSigner) -> None:
    """Re-sign every first-parent merge of ``main`` and the baseline tag, in place."""
    git_dir = path / ".git"
    line = subprocess.run(
        ["git", "rev-list", "--first-parent", "--reverse", "main"],
        cwd=path, check=True, capture_output=True, text=True,
    ).stdout.split()
    objects = subprocess.run(
        ["git", "cat-file", "--batch"], cwd=path, check=True, capture_output=True,
        input="\n".join(line).encode() + b"\n",
    ).stdout
    raw: list[bytes] = []
    pos = 0
    while pos < len(objects):
        newline = objects.index(b"\n", pos)
        size = int(objects[pos:newline].split()[2])
        raw.append(objects[newline + 1 : newline + 1 + size])
        pos = newline + 1 + size + 1
    renamed: dict[str, str] = {}
    for sha, body in zip(line, raw, strict=True):
        head, _, message = body.partition(b"\n\n")
        lines = head.split(b"\n")
        lines = [
            b"parent " + renamed.get(x[7:].decode(), x[7:].decode()).encode()
            if x.startswith(b"parent ") else x
            for x in lines
        ]
        payload = b"\n".join(lines) + b"\n\n" + message
        if sum(x.startswith(b"parent ") for x in lines) > 1:
            armour = approver.sign(payload)
            header = b"gpgsig " + armour.replace(b"\n", b"\n ")
            at = next(i for i, x in enumerate(lines) if x.startswith(b"committer ")) + 1
            lines = [*lines[:at], header, *lines[at:]]
            payload = b"\n".join(lines) + b"\n\n" + message
        renamed[sha] = _write_object(git_dir, b"commit", payload)
    subprocess.run(["git", "update-ref", "refs/heads/main", renamed[line[-1]]], cwd=path, check=True)
    tag = subprocess.run(
        ["git", "cat-file", "tag", "doccontrol/baseline"], cwd=path, check=True, capture_output=True
    ).stdout
    tag_sha = _write_object(git_dir, b"tag", tag + top.sign(tag) + b"\n")
    subprocess.run(
        ["git", "update-ref", "refs/tags/doccontrol/baseline", tag_sha], cwd=path, check=True
    )
    subprocess.run(["git", "reset", "-q", "--hard", "main"], cwd=path, check=True)


def timed(args: list[str], cwd: Path, env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=False, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1000 merges, one run each")
    parser.add_argument("--kind", choices=("ssh", "openpgp"), default="ssh")
    args = parser.parse_args()
    merges = 1000 if args.quick else 10_000
    repeat = 1 if args.quick else 3
    approver: Signer | PgpSigner
    top: Signer | PgpSigner
    if args.kind == "ssh":
        approver, top = Signer(), Signer()
        listed = (f"['{approver.line}']", f"['{top.line}']")
    else:
        approver, top = PgpSigner("approver"), PgpSigner("top")
        listed = (approver.line, top.line)
    corpus.ROLES = (
        corpus.ROLES.replace(
            "    emails: [approver@bench.example]\n",
            f"    emails: [approver@bench.example]\n    signing_keys: {listed[0]}\n",
        ).replace(
            "    emails: [top@bench.example]\n",
            f"    emails: [top@bench.example]\n    signing_keys: {listed[1]}\n",
        )
    )
    with tempfile.TemporaryDirectory(prefix="doccontrol-signed-") as tmp:
        work = Path(tmp)
        repo = work / "signed"
        t0 = time.perf_counter()
        corpus.generate(repo, 500, merges)
        sign_corpus(repo, approver, top)
        made = time.perf_counter() - t0
        env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache"), "NO_MKDOCS_2_WARNING": "1"}
        register = [PY, "-m", "doccontrol", "register", "--format", "json", "--repo", str(repo)]
        config = repo / "mkdocs.yml"

        def run(mode: str) -> float:
            config.write_text(
                corpus.MKDOCS.format(plugin=f"  - doc-control:\n      signatures: {mode}\n"),
                "utf-8",
            )
            return min(timed(register, repo, env) for _ in range(repeat))

        off = run("off")
        config.write_text(
            corpus.MKDOCS.format(plugin="  - doc-control:\n      signatures: required\n"), "utf-8"
        )
        cold = timed(register, repo, env)
        warm = run("required")
        out = subprocess.run(register, cwd=repo, env=env, capture_output=True, text=True).stdout
        verified = out.count('"signature_verified": true')
        print(f"corpus: {merges} {args.kind}-signed merges, made and signed in {made:.1f}s")
        print(f"doccontrol register, signatures: off {off:.2f}s; required, cold cache {cold:.2f}s "
              f"(ratio {cold / off:.3f}); required, warm cache {warm:.2f}s "
              f"(ratio {warm / off:.3f}, budget 2.0); revisions verified: {verified}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
