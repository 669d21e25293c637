"""Filled records (记录): what they are, and the rules that keep them as evidence (ARCHITECTURE.md §6).

Pure. A record lives in ``records/<form id>/``: a Markdown file with front matter,
or any other file (a scan, a photo) with a sidecar ``<name>.yml`` holding the same
fields. Once on the release branch a record is evidence: changing, renaming or
deleting it before its retention ends is an error; disposal afterwards is itself an
approved change, a merge by an approver of the form carrying ``Disposed: <path>``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

import yaml

from doccontrol.model.documents import (
    ID_PATTERN,
    ExternalDocument,
    Publish,
    Retention,
    SourceFile,
    parse_retention,
)
from doccontrol.model.findings import Finding, error, warning
from doccontrol.model.history import ChangeEvent, ChangeKind, History
from doccontrol.model.messages import Message, msg
from doccontrol.rules import approval
from doccontrol.rules.control import ControlState, Revision, add_months
from doccontrol.rules.signatures import Verifier, check_claims, verify
from doccontrol.sources.acknowledged import acknowledge
from doccontrol.sources.catalog import Catalog, under_root
from doccontrol.sources.config import Config, SignatureMode
from doccontrol.sources.document_fields import parse_date
from doccontrol.sources.front_matter import split_markdown
from doccontrol.sources.text_file import decode
from doccontrol.sources.yaml_positions import PosDict, is_plain, line_of, load_yaml

SIDECAR = (".yml", ".yaml")
_FAST: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
REQUIRED = ("date", "by")
FIELDS = ("date", "by", "title", "corrects", "summary")


@dataclass(frozen=True)
class FilledRecord:
    """One filled record: its file, its form, and who made it when."""

    path: str
    form: str
    date: date
    by: str
    title: str = ""
    corrects: str | None = None
    sidecar: str | None = None
    #: A Markdown record's text after its front matter (empty for scans): personal data,
    #: which the site shows only where the form says ``publish: full``.
    body: str = field(default="", compare=False)


def record_body(text: str) -> str:
    """The text of a Markdown record after its front matter."""
    if not text.startswith("---"):
        return text
    end = text.find("\n---", 3)
    if end < 0:
        return ""
    rest = text.find("\n", end + 4)
    return "" if rest < 0 else text[rest + 1 :]


def record_form_of(path: str, config: Config) -> str | None:
    """The form id a path is filed under (``records/QR-05-01/…`` → ``QR-05-01``), if any."""
    root = under_root(path, config)
    if root is None:
        return None
    for part in path[len(root) + 1 :].split("/")[:-1]:
        match = ID_PATTERN.match(part)
        if match and match["prefix"] in config.types.record_form_prefixes:
            return part
    return None


def _is_sidecar(path: str, paths: set[str]) -> bool:
    stem, ext = posixpath.splitext(path)
    return ext.lower() in SIDECAR and stem in paths


def record_fields(
    path: str, text: str, is_markdown: bool
) -> tuple[dict[str, Any] | None, int, list[Finding]]:
    """The fields of a record (front matter or sidecar YAML) and the line they start on."""
    if is_markdown:
        parsed, found = split_markdown(path, text)
        if parsed is None:
            return None, 1, found
        if parsed.meta is None:
            return (
                None,
                1,
                [
                    error(
                        path,
                        1,
                        "record-fields",
                        msg("record-fields.no-front-matter"),
                    )
                ],
            )
        return parsed.meta, parsed.meta.line, found
    data, problem = load_yaml(text)
    if problem:
        code = problem.code or "record-fields"
        return None, problem.line, [error(path, problem.line, code, problem.text)]
    if not isinstance(data, PosDict):
        return (
            None,
            1,
            [error(path, 1, "record-fields", msg("record-fields.sidecar"))],
        )
    return data, 1, []


def parse_records(
    sources: Iterable[SourceFile], catalog: Catalog, config: Config
) -> tuple[tuple[FilledRecord, ...], list[Finding]]:
    files = {s.path: s.data for s in sources if record_form_of(s.path, config)}
    paths = set(files)
    records: list[FilledRecord] = []
    findings: list[Finding] = []
    for path in sorted(files):
        form = record_form_of(path, config)
        assert form is not None
        if _is_sidecar(path, paths):
            continue  # read with the file it describes
        form_doc = catalog.get(form)
        if form_doc is None or not form_doc.type.record_form:
            findings.append(
                error(
                    path,
                    1,
                    "record-unknown-form",
                    msg("record-unknown-form", form=form),
                )
            )
            continue
        is_markdown = path.lower().endswith((".md", ".markdown"))
        # Bodies are kept only where the site may show them: memory stays flat otherwise.
        keep_body = is_markdown and form_doc.publish is Publish.FULL
        if is_markdown:
            field_path, data = path, files[path]
        else:
            sidecar = next((path + ext for ext in SIDECAR if path + ext in files), None)
            if sidecar is None:
                findings.append(
                    error(
                        path,
                        1,
                        "record-no-sidecar",
                        msg("record-no-sidecar", name=posixpath.basename(path)),
                    )
                )
                continue
            field_path, data = sidecar, files[sidecar]
        text, problem = decode(field_path, data)
        if problem:
            findings.append(problem)
            continue
        assert text is not None
        quick = _quick_record(path, form, text, is_markdown, None if is_markdown else field_path)
        if quick is not None:
            records.append(replace(quick, body=record_body(text)) if keep_body else quick)
            continue
        fields, line, found = record_fields(field_path, text, is_markdown)
        findings.extend(found)
        if fields is None:
            continue
        missing = [k for k in REQUIRED if not fields.get(k)]
        for key in missing:
            findings.append(
                error(
                    field_path,
                    line,
                    "record-missing-field",
                    msg(f"record-missing-field.{'date' if key == 'date' else 'by'}"),
                )
            )
        when = parse_date(fields.get("date")) if "date" not in missing else None
        if "date" not in missing and when is None:
            findings.append(
                error(
                    field_path,
                    line_of(fields, "date", line),
                    "bad-date",
                    msg("bad-date.record", value=repr(fields.get("date"))),
                )
            )
        corrects = fields.get("corrects")
        if corrects is not None:
            target = str(corrects)
            candidates = (
                target,
                posixpath.normpath(posixpath.join(posixpath.dirname(path), target)),
            )
            resolved = next((c for c in candidates if c in files), None)
            if resolved is None:
                findings.append(
                    error(
                        field_path,
                        line_of(fields, "corrects", line),
                        "record-corrects",
                        msg("record-corrects", target=target),
                    )
                )
            corrects = resolved
        if missing or when is None:
            continue
        records.append(
            FilledRecord(
                path=path,
                form=form,
                date=when,
                by=str(fields["by"]),
                title=str(fields.get("title") or ""),
                corrects=corrects,
                sidecar=None if is_markdown else field_path,
                body=record_body(text) if keep_body else "",
            )
        )
    return tuple(records), findings


def _quick_record(
    path: str, form: str, text: str, is_markdown: bool, sidecar: str | None
) -> FilledRecord | None:
    """Thousands of records are well formed: read those with libyaml and no line bookkeeping.

    Anything unusual returns None, and the positioned parser says exactly what is wrong.
    """
    head = text
    if is_markdown:
        if not text.startswith("---\n"):
            return None
        end = text.find("\n---", 3)
        if end < 0:
            return None
        head = text[4:end]
    if not is_plain(head):
        return None
    try:
        loaded = yaml.load(head, Loader=_FAST)  # a safe loader (libyaml)
    except (yaml.YAMLError, ValueError):  # libyaml raises ValueError on dates like 2026-13-01
        return None
    if not isinstance(loaded, dict) or "corrects" in loaded or set(loaded) - set(FIELDS):
        return None
    when = loaded.get("date")
    by = loaded.get("by")
    if (
        not isinstance(when, date)
        or isinstance(when, datetime)
        or not isinstance(by, str)
        or not by
    ):
        return None
    return FilledRecord(path, form, when, by, str(loaded.get("title") or ""), None, sidecar)


@dataclass(frozen=True)
class RecordDue:
    """A record past its retention, which may be disposed of."""

    record: FilledRecord
    retained_until: date
    approvers: tuple[str, ...]


def retained_until(record_date: date, months: int | None) -> date | None:
    return None if months is None else add_months(record_date, months)


def due_for_disposal(
    records: Sequence[FilledRecord], catalog: Catalog, as_of: date
) -> tuple[RecordDue, ...]:
    due = []
    for record in records:
        form = catalog.get(record.form)
        if form is None or form.retention is None:
            continue
        until = retained_until(record.date, form.retention.months)
        if until is not None and until < as_of:
            due.append(RecordDue(record, until, form.approvers))
    return tuple(due)


def _record_date(history: History, blob: str | None, is_markdown: bool) -> date | None:
    if blob is None:
        return None
    data = history.blobs.get(blob)
    if data is None:
        return None
    text, _ = decode("", data)
    if not text:
        return None
    if is_markdown:
        if not text.startswith("---"):
            return None
        end = text.find("\n---", 3)
        text = text[3:end] if end > 0 else ""
    if not is_plain(text):
        return None
    try:
        loaded = yaml.load(text, Loader=_FAST)  # a safe loader (libyaml)
    except (yaml.YAMLError, ValueError):
        return None
    if not isinstance(loaded, dict):
        return None
    value = loaded.get("date")
    return value if isinstance(value, date) else parse_date(value)


def record_history_findings(
    history: History,
    control: ControlState,
    catalog: Catalog,
    config: Config,
    verifier: Verifier = verify,
) -> list[Finding]:
    """Replay the release branch up to ``control.as_of`` and judge every change to a record.

    A disposal's approval is held to ``signatures:`` as a document's is (issue 17).
    An error on a past commit that the top role acknowledged (``control.acknowledged``)
    is a warning saying who accepted it, as for the replay's findings.
    """
    findings: list[Finding] = []
    commit_of: dict[Finding, str] = {}  # each error's commit, for acknowledgements

    def evidence(event: ChangeEvent, path: str, code: str, text: Message) -> Finding:
        found = _evidence(event, path, code, text)
        commit_of[found] = event.commit
        return found
    landed: dict[str, date] = {}  # record path → the date its retention counts from
    # record path → the form's retention when it was filed: shortening a form's
    # retention later never frees records filed under the longer one.
    filed_under: dict[str, Retention | None] = {}
    retentions: dict[str, Retention | None] = {}  # a form version's blob → its retention
    replayed = _replayed(history, control)
    forms: dict[str, str] = {}  # path → the form it is filed under ("" for none)
    positions = {event.commit: i for i, event in enumerate(history.events)}
    # Records adopted with the baseline were filed on paper: they count from their date.
    adopted_to = positions.get(history.baseline.commit, -1) if history.baseline else -1
    for index, event in enumerate(history.events):
        if event.commit not in replayed:
            break
        disposed = {p.strip() for v in event.trailer_values("Disposed") for p in v.split(",")}
        for change in event.changes:
            path = change.old_path or change.path
            if not (
                path.startswith(config.root_prefixes)
                or change.path.startswith(config.root_prefixes)
            ):
                continue
            form = forms.get(path)
            if form is None:
                form = forms[path] = (
                    record_form_of(path, config) or record_form_of(change.path, config) or ""
                )
            if not form:
                continue
            main = _main_path(path)
            is_md = main.lower().endswith((".md", ".markdown"))
            if change.kind is ChangeKind.ADDED:
                is_sidecar = main != change.path
                reached = event.committed.date() if index > adopted_to else date.min
                dated = (
                    _record_date(history, change.blob, is_md and not is_sidecar)
                    if is_sidecar or is_md
                    else None
                )
                # Retention counts from the day the record reached main, or from its
                # date if later: a backdated record cannot be disposed of sooner.
                landed[main] = (
                    max(dated, reached)
                    if dated
                    else landed.get(main, event.committed.date())
                )
                if main not in filed_under:
                    revision = _revision_then(control, form, index, positions)
                    key = revision.files[0][1] if revision and revision.files else ""
                    if key not in retentions:
                        retentions[key] = _retention_of(history, key)
                    filed_under[main] = retentions[key]
                if dated and dated < reached:
                    findings.append(
                        warning(
                            change.path,
                            1,
                            "record-backdated",
                            msg(
                                "record-backdated",
                                commit=event.short,
                                author=str(event.author),
                                reached=str(reached),
                                dated=str(dated),
                            ),
                        )
                    )
                continue
            if main not in landed:
                continue
            form_doc = catalog.get(form)
            now_kept = form_doc.retention if form_doc else None
            months = _longer(filed_under.get(main), now_kept)
            until = retained_until(landed[main], months)
            day = event.committed.date()
            within = until is None or day <= until
            keep = msg("record.kept-until", until=str(until)) if until else msg("record.kept")
            if change.kind is ChangeKind.DELETED and (change.path in disposed or main in disposed):
                ctl = control.get(form)
                who = approval.parties(
                    event, config.forge_trailers_trusted, config.forge_committer_set
                )
                if config.signatures is not SignatureMode.OFF:
                    required = config.signatures is SignatureMode.REQUIRED
                    who = check_claims(who, control.roles, required, verifier)
                    findings.extend(
                        warning(path, 1, "signature-unverified", note) for note in who.warnings
                    )
                verdict = approval.judge(
                    who,
                    control.roles,
                    ctl.approvers if ctl else (),
                    config.min_approvals,
                )
                if within:
                    findings.append(
                        evidence(
                            event,
                            path,
                            "record-disposed-early",
                            msg("record-disposed-early", keep=keep),
                        )
                    )
                elif not verdict.approved:
                    findings.append(
                        evidence(
                            event,
                            path,
                            "record-disposal-unapproved",
                            msg(
                                "record-disposal-unapproved",
                                reason=verdict.reason or msg("approval.none"),
                            ),
                        )
                    )
                landed.pop(main, None)
                continue
            if not within and change.kind is not ChangeKind.DELETED:
                continue
            what = {
                ChangeKind.DELETED: "deleted",
                ChangeKind.RENAMED: "renamed",
            }.get(change.kind, "modified")
            code = f"record-{what}"
            fix = msg("record.restore") if within else msg("record.dispose", path=path)
            findings.append(
                evidence(
                    event, path, code, msg("record.changed", what=msg(f"record.{what}"), keep=keep, fix=fix)
                )
            )
            if change.kind is ChangeKind.RENAMED and change.path:
                landed[_main_path(change.path)] = landed.pop(main)
            elif change.kind is ChangeKind.DELETED:
                landed.pop(main, None)
    return acknowledge(findings, commit_of, control.acknowledged)


def _longer(then: Retention | None, now: Retention | None) -> int | None:
    """The longer of two retentions in months; None is permanent (or unknown: kept)."""
    if then is None and now is None:
        return None
    if then is None or now is None:
        known = then or now
        assert known is not None
        return known.months
    if then.months is None or now.months is None:
        return None
    return max(then.months, now.months)


def _revision_then(
    control: ControlState, form: str, index: int, positions: dict[str, int]
) -> Revision | None:
    """The form's revision in force at ``history.events[index]``."""
    ctl = control.get(form)
    then: Revision | None = None
    for revision in ctl.revisions if ctl else ():
        if positions.get(revision.commit, len(positions)) <= index:
            then = revision
    return then


def _retention_of(history: History, blob: str) -> Retention | None:
    """The ``retention:`` of a form's front matter, read from its blob."""
    data = history.blobs.get(blob)
    text, _ = decode("", data or b"")
    if not text or not text.startswith("---"):
        return None
    end = text.find("\n---", 3)
    try:
        loaded = yaml.load(text[3:end] if end > 0 else "", Loader=_FAST)  # a safe loader
    except (yaml.YAMLError, ValueError):
        return None
    value = loaded.get("retention") if isinstance(loaded, dict) else None
    return parse_retention(str(value)) if value is not None else None


def _main_path(path: str) -> str:
    stem, ext = posixpath.splitext(path)
    return stem if ext.lower() in SIDECAR and posixpath.splitext(stem)[1] else path


def _replayed(history: History, control: ControlState) -> set[str]:
    commits: set[str] = set()
    for event in history.events:
        commits.add(event.commit)
        if event.commit == control.commit:
            break
    return commits if control.commit else set()


def _evidence(event: ChangeEvent, path: str, code: str, text: Message) -> Finding:
    return error(
        path,
        1,
        code,
        msg(
            "record.evidence",
            commit=event.short,
            author=str(event.author),
            date=str(event.committed.date()),
            text=text,
        ),
    )


def stale_external(
    external: Sequence[ExternalDocument], config: Config, as_of: date
) -> list[Finding]:
    """External documents whose check for a newer version is older than the review period."""
    found = []
    for ext in external:
        if ext.checked is None:
            found.append(
                warning(
                    config.external,
                    ext.line,
                    "external-unchecked",
                    msg("external-unchecked", doc=ext.id),
                )
            )
        elif add_months(ext.checked, config.review_months) < as_of:
            found.append(
                warning(
                    config.external,
                    ext.line,
                    "external-stale",
                    msg(
                        "external-stale",
                        doc=ext.id,
                        checked=str(ext.checked),
                        months=config.review_months,
                    ),
                )
            )
    return found
