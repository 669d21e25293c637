"""``doccontrol release``: a signed, dated PDF edition of the documents current on a date."""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import FrameType
from typing import Any

from doccontrol.edition import store
from doccontrol.edition.build import BuiltEdition, EditionRefused, build_edition
from doccontrol.edition.manifest import pdf_name, tag_name
from doccontrol.edition.partcache import CachePolicy
from doccontrol.edition.parts import cache_folder as parts_cache
from doccontrol.edition.sign import load_key, sign_pdf
from doccontrol.history import trees as git_objects
from doccontrol.history.trees import BASELINE_LINE
from doccontrol.model.errors import DocControlError, EditionExistsError, UsageError
from doccontrol.rendering.labels import section_of

KEY_ENV = "DOCCONTROL_SIGNING_KEY"
PASSWORD_ENV = "DOCCONTROL_SIGNING_PASSWORD"


@dataclass(frozen=True)
class Released:
    folder: Path
    pdf: Path
    sha256: str
    built: BuiltEdition
    size: int


@contextmanager
def _interruptible() -> Iterator[None]:
    """SIGTERM (and SIGHUP) interrupt like Ctrl-C, so that a half-done release is undone."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    previous: dict[signal.Signals, Any] = {}
    for sig in (signal.SIGTERM, signal.SIGHUP):
        with contextlib.suppress(ValueError, OSError):  # not the main thread
            previous[sig] = signal.signal(sig, interrupt)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def edition_title(language: str, day: date) -> str:
    """The signature's reason and the tag's first line: Chinese editions name it in English too."""
    en = section_of("en", "edition")["sign_reason"].format(date=day)
    zh = section_of(language, "edition")["sign_reason"].format(date=day)
    return en if zh == en else f"{zh} / {en}"


def make_edition(
    repo: Path,
    day: date,
    out: Path,
    key_path: Path,
    password: str | None,
    tsa: str | None,
    today: date | None = None,
    tagged_already: bool = False,
    policy: CachePolicy | None = None,
) -> Released:
    """Build, sign, file and tag the edition of ``day``; all of it or nothing.

    An edition is issued once: when its tag exists, it is refused, unless
    ``tagged_already`` says to sign the edition of that existing tag (what CI does
    when the tag is pushed), in which case the tag is not made again.
    """
    today = today or date.today()
    if day > today:
        raise UsageError(
            f"{day} is in the future: an edition holds what was current on a day that has come"
        )
    tag = tag_name(day)
    tagged = git_objects.tag_target(repo, tag)
    if tagged is not None and not tagged_already:
        raise EditionExistsError(
            f"the edition of {day} was issued already (tag {tag} at commit {tagged[:12]}), and "
            "an edition is issued once. To sign the edition of that tag again, elsewhere (as CI "
            f"does when the tag is pushed), run: doccontrol release --date {day} --tagged"
        )
    if tagged is None and tagged_already:
        raise UsageError(
            f"--tagged signs the edition of an existing tag, but there is no tag {tag}; "
            "leave out --tagged to issue a new edition",
            tag,
        )
    key = load_key(key_path, password)
    folder = store.editions_dir(out)
    target = folder / day.isoformat()
    store.remove_stale(folder)
    if target.exists():
        if tagged is not None:
            raise UsageError(
                f"the edition of {day} exists ({target}, tag {tag}); an edition is never replaced",
                str(target),
            )
        # Filed but never tagged: a release killed at its last step. Undo it and start over.
        store.withdraw(out, day)

    built = build_edition(repo, day, key.signer, cache=parts_cache(), policy=policy or CachePolicy())
    commit = built.plan.commit
    if tagged is not None and tagged != commit:
        raise UsageError(
            f"tag {tag} exists and points at {tagged[:12]}, not at {commit[:12]}, the last commit "
            f"of the release branch on {day}; an edition is never moved",
        )
    # The reason and the tag message are the edition's data: in the site's language.
    title = edition_title(built.plan.language, day)
    signed = sign_pdf(built.pdf, key, reason=title, tsa=tsa, stamp=built.stamp)
    sha = hashlib.sha256(signed).hexdigest()
    name = pdf_name(day)
    record = {
        "date": day.isoformat(),
        "tag": tag,
        "commit": commit,
        "committed": built.plan.committed.isoformat(),
        "file": f"{day.isoformat()}/{name}",
        "sha256": sha,
        "unsigned_sha256": hashlib.sha256(built.pdf).hexdigest(),
        "unsigned_bytes": len(built.pdf),
        "bytes": len(signed),
        "pages": built.pages,
        "signature": "PAdES B-T" if tsa else "PAdES B-B",
        "signer": built.manifest["signer"],
        "organisation": built.plan.organisation,
        "documents": [{"id": d.id, "revision": d.revision} for d in built.plan.documents],
        "generator": built.manifest["generator"],
    }
    message = (
        f"{title}\n\n"
        f"{sha}  {name}\n"
        f"signed by {key.signer.name} (certificate SHA-256 {key.signer.certificate_sha256})\n"
        f"{len(built.plan.documents)} documents, {built.pages} pages\n"
        + (f"{BASELINE_LINE}{built.plan.baseline}\n" if built.plan.baseline else "")
    )
    files = {
        name: signed,
        store.SUMS: store.sums_line(sha, name).encode(),
        store.INDEX: store.index_bytes([record]),
    }

    def finish() -> None:
        if tagged is None:
            git_objects.create_tag(repo, tag, commit, message, key.signer.name)

    try:
        with _interruptible():
            target = store.publish(out, day, files, record, finish)
    except OSError as exc:  # undone by publish; say what failed
        raise DocControlError(
            f"cannot write the edition: {exc.strerror or exc}; nothing was kept",
            exc.filename if isinstance(exc.filename, str) else str(folder),
        ) from None
    return Released(target, target / name, sha, built, len(signed))


def release(
    repo: Path,
    day: date | None,
    out: Path | None,
    key: Path | None,
    password: str | None,
    tsa: str | None,
    tagged_already: bool = False,
    policy: CachePolicy | None = None,
) -> int:
    day = day or date.today()
    key_text = str(key) if key else os.environ.get(KEY_ENV, "")
    if not key_text:
        raise UsageError(
            f"no signing key: pass --key FILE.p12 or set {KEY_ENV} (and the password with "
            f"--password or {PASSWORD_ENV})"
        )
    if password is None:
        password = os.environ.get(PASSWORD_ENV)
    try:
        done = make_edition(
            repo, day, out or repo, Path(key_text), password, tsa, tagged_already=tagged_already,
            policy=policy,
        )
    except EditionExistsError as exc:
        print(f"doccontrol release: error: {exc}", file=sys.stderr)
        return 1
    except EditionRefused as exc:
        print(f"doccontrol release: no edition of {day}; as of that date:", file=sys.stderr)
        for finding in exc.findings:
            print(finding.as_text(), file=sys.stderr)
        return 1
    built = done.built
    print(f"doccontrol: edition of {day} written to {done.folder}", file=sys.stderr)
    print(f"  {done.pdf.name}: {built.pages} pages, {done.size / 1e6:.2f} MB, "
          f"{len(built.plan.documents)} documents, rendered in {built.seconds:.1f} s", file=sys.stderr)
    print(f"  SHA-256 {done.sha256}", file=sys.stderr)
    print(f"  commit {built.plan.commit}, tag {tag_name(day)}, "
          f"signed by {built.manifest['signer']['name']}", file=sys.stderr)
    print(done.pdf)
    return 0
