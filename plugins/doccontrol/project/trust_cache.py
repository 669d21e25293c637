"""The signature trust cache (issue 17): verified signatures, kept between runs.

A cache of verdicts on signatures is a trust store: whoever can write it can
make an unsigned approval count. So it lives in the user's cache folder
(``$XDG_CACHE_HOME/doccontrol/signatures``), never in the repository and never in
a folder a CI cache restores. An entry is keyed by the hash of the signature and
the bytes it signs, under the set of keys it was checked against: a changed key
set (for OpenPGP, a changed certificate under the same fingerprint too) starts
afresh, and a changed object is a different entry.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path

from doccontrol.model.documents import KeyKind, SigningKey
from doccontrol.model.history import Signed
from doccontrol.model.messages import Message
from doccontrol.rules.signatures import Check, verify


def _identity(key: SigningKey) -> str:
    """A key as the cache tells keys apart: an OpenPGP certificate keeps its fingerprint
    when a revocation, an expiry or a subkey is added to it, and its verdicts change."""
    if key.kind is KeyKind.SSH:
        return key.fingerprint  # the hash of the whole key
    return f"{key.fingerprint}@{hashlib.sha256(key.text.strip().encode()).hexdigest()[:32]}"


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "doccontrol" / "signatures"


class TrustCache:
    """A :data:`~doccontrol.rules.signatures.Verifier` that remembers what it verified."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or cache_folder()
        self._sets: dict[tuple[str, ...], dict[str, Check]] = {}
        self._new: dict[tuple[str, ...], dict[str, Check]] = {}
        self.hits = 0
        self.misses = 0

    def __call__(self, commit: str, signed: Signed | None, keys: tuple[SigningKey, ...]) -> Check:
        if signed is None or not keys:
            return verify(commit, signed, keys)  # nothing to verify: no cost to keep
        key_set = tuple(sorted(_identity(k) for k in keys))
        known = self._sets.get(key_set)
        if known is None:
            known = self._sets[key_set] = self._load(key_set)
        entry = hashlib.sha256(signed.signature + b"\0" + signed.payload).hexdigest()
        found = known.get(entry)
        if found is not None:
            self.hits += 1
            return found
        self.misses += 1
        check = verify(commit, signed, keys)
        known[entry] = check
        self._new.setdefault(key_set, {})[entry] = check
        return check

    def _file(self, key_set: tuple[str, ...]) -> Path:
        return self.folder / (hashlib.sha256("\n".join(key_set).encode()).hexdigest() + ".tsv")

    def _load(self, key_set: tuple[str, ...]) -> dict[str, Check]:
        try:
            text = self._file(key_set).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return {}
        lines = text.splitlines()
        # The first line names the key set: a file that names another is not used.
        if not lines or lines[0] != "\t".join(key_set):
            return {}
        found: dict[str, Check] = {}
        fingerprints = {"", *(k.split("@")[0] for k in key_set)}
        for line in lines[1:]:
            fields = line.split("\t")
            if len(fields) == 3 and fields[1] in fingerprints:
                problem = _problem(fields[2])
                if fields[1] or problem is not None:
                    found[fields[0]] = Check(fields[1], problem)
        return found

    def save(self) -> None:
        """Write what this run verified (atomically; a cache that cannot be written is skipped)."""
        for key_set, new in self._new.items():
            if not new:
                continue
            known = self._sets.get(key_set, new)
            body = "\t".join(key_set) + "\n" + "".join(
                f"{entry}\t{check.fingerprint}\t{_stored(check.problem)}\n"
                for entry, check in known.items()
            )
            with contextlib.suppress(OSError):
                self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                target = self._file(key_set)
                fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    out.write(body)
                os.replace(tmp, target)
        self._new.clear()


def _stored(problem: Message | None) -> str:
    """A verdict's problem as one TSV field: its catalog key and its values, as JSON."""
    if problem is None:
        return ""
    return json.dumps([problem.key, [[k, str(v)] for k, v in problem.values]], ensure_ascii=False)


def _problem(field: str) -> Message | None:
    # What an older cache (plain English) or a damaged line holds is no verdict:
    # the signature is checked again.
    if not field:
        return None
    try:
        key, values = json.loads(field)
        problem = Message(str(key), tuple((str(k), str(v)) for k, v in values))
        problem.render("en")  # a key the catalog lacks, or a placeholder missing
        return problem
    except (ValueError, TypeError, KeyError, IndexError):
        return None
