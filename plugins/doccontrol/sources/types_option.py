"""The ``types:`` option: an organisation's document types, read into a :class:`DocumentTypes`.

``types:`` replaces the seven default types (``DEFAULT_TYPES``) with the
organisation's own list; each entry is keyed by the type's key, as front matter
writes it in ``type:``. Every mistake is a :class:`ConfigError` at the line of
mkdocs.yml that holds it, found in the text because the plugin's options reach
us as plain values.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from doccontrol.model.documents import EXTERNAL_PREFIX, DocumentType, DocumentTypes
from doccontrol.model.errors import ConfigError
from doccontrol.model.messages import Message, msg

FIELDS = ("label", "prefix", "level", "record_form", "procedure", "section", "folder")
LANGUAGES = ("zh", "en")
_KEY = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_PREFIX = re.compile(r"^[A-Z][A-Z0-9]*$")
_EXAMPLE = (
    "types:\n  sop: {label: {en: Standard operating procedures, zh: 标准作业程序}, "
    "prefix: SOP, level: 2, procedure: true}"
)


class _Lines:
    """Lines of the ``types:`` block of mkdocs.yml's text, to place an error."""

    def __init__(self, source: str | None) -> None:
        self.lines = (source or "").splitlines()
        self.top = next(
            (i for i, text in enumerate(self.lines) if re.match(r"^\s+types:\s*(#.*)?$", text)),
            None,
        )

    def of(self, key: str | None = None, name: str | None = None) -> int | None:
        if self.top is None:
            return None
        start = self.top
        if key is not None:
            found = self._after(start, key)
            if found is None:
                return start + 1
            start = found
        if name is not None:
            field_line = self._after(start, name, within=True)
            if field_line is not None:
                return field_line + 1
        return start + 1

    def duplicate(self) -> tuple[str, int] | None:
        """A type key written twice (YAML would keep the last silently), with its second line."""
        if self.top is None:
            return None
        indent = len(self.lines[self.top]) - len(self.lines[self.top].lstrip())
        child: int | None = None
        seen: set[str] = set()
        for i in range(self.top + 1, len(self.lines)):
            text = self.lines[i]
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            depth = len(text) - len(text.lstrip())
            if depth <= indent:
                break
            child = depth if child is None else child
            match = re.match(r"^\s*([^\s:#]+)\s*:", text)
            if depth == child and match:
                if match[1] in seen:
                    return match[1], i + 1
                seen.add(match[1])
        return None

    def _after(self, start: int, key: str, within: bool = False) -> int | None:
        indent = len(self.lines[start]) - len(self.lines[start].lstrip())
        pattern = re.compile(r"(^|[\s{,])" + re.escape(key) + r"\s*:")
        if within and pattern.search(self.lines[start].split(":", 1)[1] if ":" in self.lines[start] else ""):
            return start
        for i in range(start + 1, len(self.lines)):
            text = self.lines[i]
            if text.strip() and not text.lstrip().startswith("#"):
                if len(text) - len(text.lstrip()) <= indent:
                    return None
                if pattern.search(text):
                    return i
        return None


def parse_types(given: Any, where: str, source: str | None = None) -> DocumentTypes:
    """``types:`` as written in mkdocs.yml; ``source`` is its text, for line numbers."""
    lines = _Lines(source)

    def fail(message: Message, key: str | None = None, name: str | None = None) -> ConfigError:
        return ConfigError(msg("types.option", problem=message), where, lines.of(key, name))

    twice = lines.duplicate()
    if twice is not None:
        raise ConfigError(msg("types.option", problem=msg("types.twice", type=twice[0])),
                          where, twice[1])
    if not isinstance(given, Mapping) or not given:
        raise fail(msg("types.mapping", example=_EXAMPLE))
    types: list[DocumentType] = []
    for key, entry in given.items():
        if not isinstance(key, str) or not _KEY.match(key):
            raise fail(msg("types.key", type=repr(key)), str(key))
        if not isinstance(entry, Mapping):
            raise fail(msg("types.entry", type=key, example=_EXAMPLE), key)
        unknown = sorted(str(k) for k in entry if k not in FIELDS)
        if unknown:
            raise fail(msg("types.unknown-field", type=key, unknown=", ".join(unknown),
                           known=", ".join(FIELDS)), key, unknown[0])
        labels = _labels(entry.get("label"), key, "label", fail)
        if not labels:
            raise fail(msg("types.no-label", type=key,
                           example="label: {en: Standard operating procedures, zh: 标准作业程序}"), key)
        section = _labels(entry.get("section"), key, "section", fail)
        prefix = entry.get("prefix")
        if not isinstance(prefix, str) or not _PREFIX.match(prefix):
            raise fail(msg("types.prefix", type=key, value=repr(prefix)), key, "prefix")
        if prefix == EXTERNAL_PREFIX:
            raise fail(msg("types.external-prefix", type=key, prefix=EXTERNAL_PREFIX), key, "prefix")
        level = entry.get("level")
        if not isinstance(level, int) or isinstance(level, bool) or level < 1:
            raise fail(msg("types.level", type=key, value=repr(level)), key, "level")
        flags: dict[str, bool] = {}
        for name in ("record_form", "procedure"):
            value = entry.get(name, False)
            if not isinstance(value, bool):
                raise fail(msg("types.flag", type=key, field=name), key, name)
            flags[name] = value
        folder = entry.get("folder", "")
        if not isinstance(folder, str) or folder.startswith("/") or ".." in folder.split("/"):
            raise fail(msg("types.folder", type=key), key, "folder")
        types.append(DocumentType(
            key, labels, prefix, level, record_form=flags["record_form"],
            procedure=flags["procedure"], section=section, folder=folder.strip("/"),
            line=lines.of(key) or 1,
        ))
    _unique(types, lines, where)
    # Stable sort: types of one level keep the order mkdocs.yml gives them.
    return DocumentTypes(tuple(sorted(types, key=lambda t: t.level)))


def _labels(value: Any, key: str, name: str, fail: Any) -> tuple[tuple[str, str], ...]:
    """A label for every language: one text for all, or ``{zh: …, en: …}``."""
    if value is None:
        return ()
    if isinstance(value, str) and value.strip():
        return tuple((lang, value.strip()) for lang in LANGUAGES)
    if isinstance(value, Mapping):
        unknown = sorted(str(k) for k in value if k not in LANGUAGES)
        if unknown:
            raise fail(msg("types.languages", type=key, field=name, unknown=", ".join(unknown),
                           known=", ".join(LANGUAGES)), key, name)
        missing = [lang for lang in LANGUAGES if not (isinstance(value.get(lang), str)
                                                      and value[lang].strip())]
        if missing:
            raise fail(msg("types.label-missing", type=key, field=name, missing=tuple(missing),
                           example=f"{name}: {{en: Forms, zh: 表单}}"), key, name)
        return tuple((lang, str(value[lang]).strip()) for lang in LANGUAGES)
    raise fail(msg("types.label-kind", type=key, field=name), key, name)


def _unique(types: list[DocumentType], lines: _Lines, where: str) -> None:
    seen: dict[str, str] = {}
    for doc_type in types:
        if doc_type.prefix in seen:
            raise ConfigError(
                msg("types.option", problem=msg("types.same-prefix", first=seen[doc_type.prefix],
                                                type=doc_type.key, prefix=doc_type.prefix)),
                where, lines.of(doc_type.key, "prefix"),
            )
        seen[doc_type.prefix] = doc_type.key
