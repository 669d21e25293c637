"""The message catalog: every sentence the tool says, one table per language.

Each area of the tool keeps its messages in a module of its own here, with an
``EN`` and a ``ZH`` table of the same keys and placeholders (a test holds them
to it, and to Chinese text in ``ZH`` and none in ``EN``). A key is a finding
code, or ``code.variant`` where one code has several wordings, or
``area.what`` for a message that is not a finding (a CLI line, an error).
Placeholders in braces are filled with ``str.format``.
"""

from __future__ import annotations

from collections.abc import Mapping

from doccontrol.model.catalog import (
    approval,
    cli,
    common,
    control,
    edition,
    edition_extras,
    history,
    integrity,
    records,
    site,
    sources,
    workflow,
)

_AREAS = (
    common,
    cli,
    edition,
    edition_extras,
    site,
    sources,
    integrity,
    approval,
    control,
    history,
    records,
    workflow,
)


def _merge(language: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for area in _AREAS:
        table: Mapping[str, str] = getattr(area, language.upper())
        for key, text in table.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} is defined twice in the catalog")
            merged[key] = text
    return merged


TABLES: dict[str, dict[str, str]] = {"en": _merge("en"), "zh": _merge("zh")}


def template(language: str, key: str) -> str:
    """The wording of ``key`` in ``language`` (``en`` or ``zh``)."""
    return TABLES[language][key]
