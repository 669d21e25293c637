"""roles.yml (ARCHITECTURE.md §4) from text to :class:`~doccontrol.model.documents.Roles`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from doccontrol.model.documents import Person, Roles, SigningKey
from doccontrol.model.findings import Finding, error
from doccontrol.model.messages import Message, msg
from doccontrol.sources.signing_keys import (
    bad_key_file_reference,
    key_file_reference,
    keys_folder,
    parse_signing_key,
)
from doccontrol.sources.yaml_positions import PosDict, PosList, item_line, line_of, load_yaml

# How a roles file looks: the end of most of its messages.
_EXAMPLE = msg("roles.example")


def parse_roles(
    path: str, text: str, key_files: Mapping[str, str] | None = None
) -> tuple[Roles | None, list[Finding]]:
    """Parse and validate roles.yml; None when it cannot be used at all.

    ``key_files`` holds the text of the files under ``keys/`` beside it (by
    repository path), which ``signing_keys:`` may name as ``keys/NAME.asc``.
    """
    files: Mapping[str, str] = key_files or {}
    data, problem = load_yaml(text)
    if problem:
        return None, [error(path, problem.line, problem.code or "roles-yaml", problem.text)]
    if not isinstance(data, PosDict):
        return None, [error(path, 1, "roles-invalid", msg("roles-invalid.mapping", example=_EXAMPLE))]
    findings: list[Finding] = []
    people: list[Person] = []
    names: dict[str, int] = {}
    emails: dict[str, str] = {}

    raw_people = data.get("people")
    if not isinstance(raw_people, PosList) or not raw_people:
        findings.append(
            error(
                path,
                line_of(data, "people", 1),
                "roles-invalid",
                msg("roles-invalid.people", example=_EXAMPLE),
            )
        )
        raw_people = PosList()
        raw_people.lines = []
    for i, entry in enumerate(raw_people):
        line = item_line(raw_people, i, 1)
        if not isinstance(entry, PosDict) or not isinstance(entry.get("name"), str):
            findings.append(
                error(
                    path, line, "roles-invalid", msg("roles-invalid.person")
                )
            )
            continue
        name = entry["name"].strip()
        if name in names:
            findings.append(
                error(
                    path,
                    line,
                    "roles-duplicate",
                    msg("roles-duplicate", name=name, first=names[name]),
                )
            )
            continue
        names[name] = line
        person_emails = _strings(entry, "emails", path, findings)
        handles = _strings(entry, "handles", path, findings)
        for email in person_emails:
            owner = emails.get(email.lower())
            if owner and owner != name:
                findings.append(
                    error(
                        path,
                        line_of(entry, "emails", line),
                        "roles-duplicate",
                        msg("roles-duplicate.email", email=email, first=owner, name=name),
                    )
                )
            emails[email.lower()] = name
        keys = _keys(
            entry.get("signing_keys"), line_of(entry, "signing_keys", line), path, findings, files
        )
        people.append(Person(name, person_emails, handles, keys, line))

    roles: list[tuple[str, tuple[str, ...]]] = []
    raw_roles = data.get("roles")
    if not isinstance(raw_roles, PosDict) or not raw_roles:
        findings.append(
            error(
                path,
                line_of(data, "roles", 1),
                "roles-invalid",
                msg("roles-invalid.roles", example=_EXAMPLE),
            )
        )
        raw_roles = PosDict()
        raw_roles.lines = {}
    for role, members in raw_roles.items():
        line = line_of(raw_roles, role, 1)
        if role in names:
            findings.append(
                error(
                    path, line, "roles-invalid", msg("roles-invalid.both", role=role)
                )
            )
        if isinstance(members, str):
            members = [members]
        if not isinstance(members, list):
            findings.append(
                error(
                    path,
                    line,
                    "roles-invalid",
                    msg("roles-invalid.members", role=role),
                )
            )
            continue
        kept: list[str] = []
        for j, member in enumerate(members):
            if not isinstance(member, str) or member.strip() not in names:
                findings.append(
                    error(
                        path,
                        item_line(members, j, line),
                        "unknown-person",
                        msg("unknown-person", role=role, member=str(member)),
                    )
                )
            else:
                kept.append(member.strip())
        roles.append((role, tuple(kept)))

    top = data.get("top")
    if not isinstance(top, str) or top not in raw_roles:
        findings.append(
            error(path, line_of(data, "top", 1), "roles-invalid", _bad_top(top, raw_roles))
        )
        top = ""
    forges = _keys(data.get("forges"), line_of(data, "forges", 1), path, findings, files)
    for key in data:
        if key not in ("people", "roles", "top", "forges"):
            findings.append(
                error(
                    path,
                    line_of(data, key, 1),
                    "roles-invalid",
                    msg("roles-invalid.key", field=str(key), example=_EXAMPLE),
                )
            )
    if not people or not roles or not top:
        return None, findings
    return Roles(tuple(people), tuple(roles), top, path, forges), findings


def _keys(
    value: Any, line: int, path: str, findings: list[Finding], files: Mapping[str, str]
) -> tuple[SigningKey, ...]:
    """``signing_keys:`` (or ``forges:``): public keys, each checked where it is written,
    inline or in the key file it names."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        findings.append(
            error(
                path,
                line,
                "signing-key-invalid",
                msg("signing-key-invalid.list"),
            )
        )
        return ()
    keys: list[SigningKey] = []
    for i, item in enumerate(value):
        where = item_line(value, i, line)
        if not isinstance(item, str):
            findings.append(
                error(path, where, "signing-key-invalid", msg("signing-key-invalid.text"))
            )
            continue
        if key_file_reference(item):
            file = keys_folder(path) + item.strip()[len("keys/") :]
            if file not in files:
                findings.append(
                    error(
                        path,
                        where,
                        "signing-key-invalid",
                        msg("signing-key-invalid.missing-file", entry=item.strip(), file=file),
                    )
                )
                continue
            key, problem = parse_signing_key(files[file])
            problem = msg("signing-key-invalid.in-file", file=file, problem=problem) if problem else None
        else:
            key, problem = parse_signing_key(item)
            problem = bad_key_file_reference(item) or problem
        if key is None:
            reason = problem or msg("signing-key.neither", start=repr(item.strip()[:40]))
            findings.append(error(path, where, "signing-key-invalid", reason))
        else:
            keys.append(replace(key, line=where))
    return tuple(keys)


def _bad_top(top: Any, roles: PosDict) -> Message:
    """What is wrong with ``top`` and how to fix it, naming the roles it may be."""
    choices: str | Message = ", ".join(roles) or msg("roles.any-role")
    example = next(iter(roles), "总经理")
    if top is None:
        return msg("roles-invalid.no-top", example=example, choices=choices)
    return msg("roles-invalid.top", top=repr(top), choices=choices)


def _strings(entry: PosDict, key: str, path: str, findings: list[Finding]) -> tuple[str, ...]:
    value: Any = entry.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        findings.append(
            error(
                path,
                line_of(entry, key, entry.line),
                "roles-invalid",
                msg("roles-invalid.strings", field=key),
            )
        )
        return ()
    return tuple(v.strip() for v in value)
