"""The front-matter fields the registers list: 发放范围 of any document, and a record
form's 保管部门, 载体, 处置方式 and how much of its records the site publishes (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from doccontrol.model.documents import DocumentType, Medium, Publish
from doccontrol.model.findings import Finding, error
from doccontrol.model.messages import msg
from doccontrol.sources.yaml_positions import item_line, line_of

FIELDS = ("distribution", "keeper", "medium", "disposal", "publish")
FORM_ONLY = ("keeper", "medium", "disposal", "publish")


@dataclass(frozen=True)
class RegisterFields:
    """The values read, each empty when the field is absent or unusable."""

    distribution: tuple[str, ...] = ()
    keeper: str | None = None
    medium: tuple[Medium, ...] = ()
    disposal: str | None = None
    publish: Publish = Publish.METADATA


def _names(meta: Any, key: str, path: str, top: int, findings: list[Finding]) -> tuple[str, ...]:
    value = meta.get(key)
    line = line_of(meta, key, top)
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        findings.append(
            error(path, line, "field-type", msg("field-type.names", field=key))
        )
        return ()
    names: list[str] = []
    for i, item in enumerate(items):
        if isinstance(item, str) and item.strip():
            names.append(item.strip())
        else:
            findings.append(
                error(
                    path,
                    item_line(items, i, line) if items is value else line,
                    "field-type",
                    msg("field-type.name", field=key, number=i + 1, value=repr(item)),
                )
            )
    return tuple(dict.fromkeys(names))


def _text(meta: Any, key: str, path: str, top: int, findings: list[Finding]) -> str | None:
    value = meta.get(key)
    if isinstance(value, str) and value.strip():
        return value.strip()
    findings.append(
        error(path, line_of(meta, key, top), "field-type", msg("field-type.text", field=key))
    )
    return None


def _medium(meta: Any, path: str, top: int, findings: list[Finding]) -> tuple[Medium, ...]:
    media: list[Medium] = []
    for i, name in enumerate(_names(meta, "medium", path, top, findings)):
        try:
            media.append(Medium(name))
        except ValueError:
            value = meta.get("medium")
            line = line_of(meta, "medium", top)
            findings.append(
                error(
                    path,
                    item_line(value, i, line) if isinstance(value, list) else line,
                    "bad-medium",
                    msg("bad-medium", name=name),
                )
            )
    return tuple(sorted(set(media), key=list(Medium).index))


def register_fields(
    meta: Any, doc_type: DocumentType | None, path: str, top: int, findings: list[Finding]
) -> RegisterFields:
    """Read the register fields of one front matter; problems go to ``findings``."""
    distribution = _names(meta, "distribution", path, top, findings) if "distribution" in meta else ()
    if doc_type is not None and not doc_type.record_form:
        # Form-only keys on other types are reported by document_fields with retention
        # and storage, in one place.
        return RegisterFields(distribution=distribution)
    keeper = _text(meta, "keeper", path, top, findings) if "keeper" in meta else None
    disposal = _text(meta, "disposal", path, top, findings) if "disposal" in meta else None
    medium = _medium(meta, path, top, findings) if "medium" in meta else ()
    publish = Publish.METADATA
    if "publish" in meta:
        value = meta.get("publish")
        try:
            publish = Publish(value)
        except ValueError:
            findings.append(
                error(
                    path,
                    line_of(meta, "publish", top),
                    "bad-publish",
                    msg("bad-publish", value=repr(value)),
                )
            )
    return RegisterFields(distribution, keeper, medium, disposal, publish)
