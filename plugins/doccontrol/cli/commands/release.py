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

from doccontrol.cli.language import cli_language, say
from doccontrol.edition import store
from doccontrol.edition.build import BuiltEdition, EditionRefused, build_edition
from doccontrol.edition.manifest import pdf_name, tag_name
from doccontrol.edition.partcache import CachePolicy
from doccontrol.edition.parts import cache_folder as parts_cache
from doccontrol.edition.sign import load_key, sign_pdf
from doccontrol.history import trees as git_objects
from doccontrol.history.trees import BASELINE_LINE
from doccontrol.model.errors import DocControlError, EditionExistsError, UsageError
from doccontrol.model.messages import msg
from doccontrol.project.mkdocs_yml import read_mkdocs_yml
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
        raise UsageError(msg("cli.release.future", date=str(day)))
    tag = tag_name(day)
    tagged = git_objects.tag_target(repo, tag)
    if tagged is not None and not tagged_already:
        raise EditionExistsError(msg("cli.release.issued", date=str(day), tag=tag, commit=tagged[:12]))
    if tagged is None and tagged_already:
        raise UsageError(msg("cli.release.no-tag", tag=tag), tag)
    key = load_key(key_path, password)
    folder = store.editions_dir(out)
    target = folder / day.isoformat()
    store.remove_stale(folder)
    if target.exists():
        if tagged is not None:
            raise UsageError(
                msg("cli.release.exists", date=str(day), folder=str(target), tag=tag), str(target)
            )
        # Filed but never tagged: a release killed at its last step. Undo it and start over.
        store.withdraw(out, day)

    built = build_edition(repo, day, key.signer, cache=parts_cache(), policy=policy or CachePolicy())
    commit = built.plan.commit
    if tagged is not None and tagged != commit:
        raise UsageError(
            msg("cli.release.tag-moved", tag=tag, tagged=tagged[:12], commit=commit[:12], date=str(day))
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
            msg("cli.release.write-failed", reason=str(exc.strerror or exc)),
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
    with contextlib.suppress(DocControlError):  # a broken mkdocs.yml is the build's to report
        cli_language(read_mkdocs_yml(repo).language)
    key_text = str(key) if key else os.environ.get(KEY_ENV, "")
    if not key_text:
        raise UsageError(msg("cli.release.no-key", key_env=KEY_ENV, password_env=PASSWORD_ENV))
    if password is None:
        password = os.environ.get(PASSWORD_ENV)
    try:
        done = make_edition(
            repo, day, out or repo, Path(key_text), password, tsa, tagged_already=tagged_already,
            policy=policy,
        )
    except EditionExistsError as exc:
        print(f"doccontrol release: error: {exc.render(cli_language())}", file=sys.stderr)
        return 1
    except EditionRefused as exc:
        language = cli_language()
        print(f"doccontrol release: {msg('cli.release.refused', date=str(day)).render(language)}",
              file=sys.stderr)
        for finding in exc.findings:
            print(finding.as_text(language), file=sys.stderr)
        return 1
    built = done.built
    print(f"doccontrol: {say(msg('cli.release.written', date=str(day), folder=str(done.folder)))}",
          file=sys.stderr)
    print("  " + say(msg("cli.release.size", name=done.pdf.name, pages=built.pages,
                         size=f"{done.size / 1e6:.2f}", documents=len(built.plan.documents),
                         seconds=f"{built.seconds:.1f}")), file=sys.stderr)
    print(f"  SHA-256 {done.sha256}", file=sys.stderr)
    print("  " + say(msg("cli.release.tagged", commit=built.plan.commit, tag=tag_name(day),
                         signer=built.manifest["signer"]["name"])), file=sys.stderr)
    print(done.pdf)
    return 0
