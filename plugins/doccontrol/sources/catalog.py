"""The catalog: every controlled document, from the files under the controlled roots.

Pure: it takes :class:`~doccontrol.model.documents.SourceFile` records (from the working
tree or from a git commit, the caller decides) and returns values and findings.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from doccontrol.model.documents import (
    DEFAULT_TYPES,
    ID_PATTERN,
    Chapter,
    Document,
    DocumentType,
    DocumentTypes,
    ExternalDocument,
    Roles,
    SourceFile,
    Standard,
)
from doccontrol.model.findings import Finding, error, sort_findings
from doccontrol.model.messages import Message, msg
from doccontrol.sources.clause_sets import builtin_text
from doccontrol.sources.clauses_file import parse_clauses
from doccontrol.sources.config import Config
from doccontrol.sources.consistency import check_consistency
from doccontrol.sources.document_fields import document_from_markdown
from doccontrol.sources.external_file import parse_external
from doccontrol.sources.front_matter import MarkdownText, split_markdown
from doccontrol.sources.raw_html import raw_html_findings
from doccontrol.sources.roles_file import parse_roles
from doccontrol.sources.signing_keys import is_key_file
from doccontrol.sources.text_file import decode


@dataclass(frozen=True)
class Catalog:
    """Documents, roles, external documents and the standard, with what is wrong with them."""

    documents: tuple[Document, ...]
    roles: Roles | None
    external: tuple[ExternalDocument, ...]
    standard: Standard | None
    findings: tuple[Finding, ...]
    #: The organisation's document types, in register and navigation order.
    types: DocumentTypes = DEFAULT_TYPES

    def get(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)

    def external_doc(self, doc_id: str) -> ExternalDocument | None:
        return next((e for e in self.external if e.id == doc_id), None)

    def owning(self, path: str) -> Document | None:
        """The document a file belongs to (its front-matter file or one of its chapters)."""
        return next((d for d in self.documents if path in d.paths), None)

    def of_type(self, doc_type: DocumentType) -> tuple[Document, ...]:
        return tuple(d for d in self.documents if d.type.key == doc_type.key)


def is_markdown(path: str) -> bool:
    return path.lower().endswith((".md", ".markdown"))


def under_root(path: str, config: Config) -> str | None:
    if not path.startswith(config.root_prefixes):
        return None
    return next(r for r in config.roots if path.startswith(r + "/"))


def is_filled_record(path: str, config: Config) -> bool:
    """Filled records live in a folder named after their form, e.g. records/QR-05-01/…"""
    root = under_root(path, config)
    if root is None:
        return False
    parts = path[len(root) + 1 :].split("/")[:-1]
    form_prefixes = config.types.record_form_prefixes
    for part in parts:
        match = ID_PATTERN.match(part)
        if match and match["prefix"] in form_prefixes:
            return True
    return False


def _no_front_matter(path: str, bare_folder: bool) -> Message:
    """How to fix a Markdown file under a controlled root that has no front matter.

    ``bare_folder``: the file lies in a sub-folder where no Markdown file has front
    matter, which looks like the chapters of a folder document without its index.md.
    """
    folder = posixpath.dirname(path)
    if posixpath.basename(path) == "index.md":
        return msg("no-front-matter.index")
    if bare_folder:
        return msg("no-front-matter.bare-folder", folder=folder)
    return msg("no-front-matter")


@functools.lru_cache(maxsize=8192)
def _split(path: str, text: str) -> tuple[MarkdownText | None, tuple[Finding, ...]]:
    # A release build parses the approved text of documents whose working copy was
    # just parsed too: most are the same, and parsing is the cost of a build.
    parsed, found = split_markdown(path, text)
    return parsed, tuple(found)


def build_catalog(sources: Iterable[SourceFile], config: Config) -> Catalog:
    """Parse and check everything doccontrol reads from one tree of files."""
    files = {s.path: s.data for s in sources}
    findings: list[Finding] = []

    def text_of(path: str) -> str | None:
        text, problem = decode(path, files[path])
        if problem:
            findings.append(problem)
        return text

    roles: Roles | None = None
    if config.roles in files:
        text = text_of(config.roles)
        if text is not None:
            key_files = {
                path: key_text
                for path in files
                if is_key_file(path, config.roles) and (key_text := text_of(path)) is not None
            }
            roles, found = parse_roles(config.roles, text, key_files)
            findings.extend(found)
    else:
        findings.append(
            error(
                config.roles,
                1,
                "roles-missing",
                msg("roles-missing"),
            )
        )

    external: tuple[ExternalDocument, ...] = ()
    if config.external in files:
        text = text_of(config.external)
        if text is not None:
            external, found = parse_external(config.external, text)
            findings.extend(found)

    standard: Standard | None = None
    # A clause file in the repository wins over a built-in set of the same name.
    text = text_of(config.clauses) if config.clauses in files else builtin_text(config.clauses)
    if text is not None:
        standard, found = parse_clauses(config.clauses, text)
        findings.extend(found)

    markdown: dict[str, MarkdownText] = {}
    for path in sorted(files):
        if not is_markdown(path) or under_root(path, config) is None:
            continue
        if is_filled_record(path, config):
            continue
        text = text_of(path)
        if text is None:
            continue
        parsed, split_found = _split(path, text)
        findings.extend(split_found)
        if parsed is not None:
            markdown[path] = parsed

    # A folder whose index.md exists (even broken) is a folder document: its other
    # Markdown files are chapters, not orphans.
    folder_indexes = {
        posixpath.dirname(p): p
        for p in files
        if posixpath.basename(p) == "index.md"
        and under_root(p, config) is not None
        and not is_filled_record(p, config)
    }

    def owning_folder(path: str) -> str | None:
        folder = posixpath.dirname(path)
        root = under_root(path, config)
        while folder and root and (folder == root or folder.startswith(root + "/")):
            if folder in folder_indexes and folder_indexes[folder] != path:
                return folder
            folder = posixpath.dirname(folder)
        return None

    if not config.allow_raw_html:
        for path, parsed in markdown.items():
            findings.extend(raw_html_findings(path, parsed.body, parsed.body_line))

    chapters: dict[str, list[Chapter]] = {}
    documents: list[Document] = []
    for path, parsed in markdown.items():
        folder = owning_folder(path)
        if folder is not None:
            if parsed.meta is not None:
                findings.append(
                    error(
                        path,
                        1,
                        "nested-document",
                        msg("nested-document", index=folder_indexes[folder]),
                    )
                )
            else:
                chapters.setdefault(folder, []).append(Chapter(path, parsed.body, parsed.body_line))
            continue
        if parsed.meta is None:
            here = posixpath.dirname(path)
            bare_folder = here not in config.roots and all(
                m.meta is None for p, m in markdown.items() if posixpath.dirname(p) == here
            )
            findings.append(error(path, 1, "no-front-matter", _no_front_matter(path, bare_folder)))

    unusable: set[str] = set()
    for path, parsed in markdown.items():
        if parsed.meta is None or owning_folder(path) is not None:
            continue
        folder = posixpath.dirname(path) if posixpath.basename(path) == "index.md" else None
        own_chapters = (
            tuple(sorted(chapters.get(folder, []), key=lambda c: c.path)) if folder else ()
        )
        document, found = document_from_markdown(parsed, config, own_chapters, folder)
        findings.extend(found)
        if document is not None:
            documents.append(document)
        elif isinstance(parsed.meta.get("id"), str):
            unusable.add(parsed.meta["id"].strip())

    documents.sort(key=lambda d: (config.types.order(d.type), d.id, d.path))
    findings.extend(
        check_consistency(documents, roles, external, standard, config, frozenset(unusable))
    )
    return Catalog(
        tuple(documents), roles, external, standard, tuple(sort_findings(findings)), config.types
    )
