"""doc-control's options, with the defaults of ARCHITECTURE.md §9.

The plugin and the CLI both turn the ``doc-control`` entry of mkdocs.yml into a
:class:`Config` through :func:`config_from_options`, so they cannot disagree.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta
from enum import Enum
from typing import Any

import yaml

from doccontrol.model.documents import DEFAULT_TYPES, DocumentType, DocumentTypes
from doccontrol.model.errors import ConfigError
from doccontrol.model.findings import Finding
from doccontrol.model.messages import msg
from doccontrol.sources.clause_sets import BUILTIN, is_builtin
from doccontrol.sources.extensions import extension_findings
from doccontrol.sources.types_option import parse_types

PLUGIN_NAME = "doc-control"


@dataclass(frozen=True)
class TypeDefaults:
    """``defaults:`` for one document type: what ``doccontrol new`` writes when not told."""

    owner: str | None = None
    approvers: tuple[str, ...] = ()
    retention: str | None = None
    storage: str | None = None
    #: Roles whose ``Reviewed-by`` sign-off (审核) every change of this type needs.
    reviewers: tuple[str, ...] = ()


class SignatureMode(Enum):
    """Whether an approving commit must carry a verified signature (issue 17)."""

    OFF = "off"  # approvals rest on who git says made them
    WARN = "warn"  # an unverified approval counts, with a warning
    REQUIRED = "required"  # an unverified approval counts for nothing


class RevisionScheme(Enum):
    """``letter``: A/0, A/1, B/0. ``numeric``: 1.0, 1.1, 2.0."""

    LETTER = "letter"
    NUMERIC = "numeric"


@dataclass(frozen=True)
class PrintFonts:
    """``print_fonts``: the families an edition embeds, by role, and the declared fallbacks.

    Only these are named in the print stylesheet; ``line`` is the option's line in
    mkdocs.yml, for findings about the fonts.
    """

    serif: str = "Noto Serif CJK SC"
    sans: str = "Noto Sans CJK SC"
    mono: str = "Noto Sans Mono CJK SC"
    fallback: tuple[str, ...] = ("DejaVu Sans",)
    line: int = field(default=1, compare=False)

    @property
    def families(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([self.serif, self.sans, self.mono, *self.fallback]))


@dataclass(frozen=True)
class EditionSignature:
    """``edition_signature``: whether an edition's signature is drawn on its cover, and the
    company seal (公章) drawn under the signer's name and date.

    ``seal`` is a repository path of a PNG or JPEG, read from git at the edition's commit
    (never from the working tree), so the seal is as controlled as the documents.
    """

    visible: bool = False
    seal: str = ""


@dataclass(frozen=True)
class Config:
    """Every option of the doc-control plugin; the defaults work on the layout of ARCHITECTURE.md §2."""

    roots: tuple[str, ...] = ("manual", "procedures", "records")
    roles: str = "manual/roles.yml"
    external: str = "records/external.yml"
    clauses: str = "manual/clauses.yml"
    branch: str = "main"
    min_approvals: int = 1
    # Approved-by trailers in commits the forge made count only when the forge wrote
    # them itself (a GitLab %{approved_by} template), never when a person typed them.
    forge_trailers_trusted: bool = False
    # Committer e-mails that stand for the forge: trailers in the merge or squash commits
    # they commit are the forge's record (counted only with forge_trailers: trusted).
    forge_committers: tuple[str, ...] = ("noreply@github.com",)
    # The MkDocs docs_dir (from mkdocs.yml, not a plugin option): its pages are
    # controlled like documents, approved by the top role or site_pages_approvers.
    docs_dir: str = "docs"
    site_pages_approvers: tuple[str, ...] = ()
    signatures: SignatureMode = SignatureMode.OFF
    revisions: RevisionScheme = RevisionScheme.LETTER
    review_months: int = 12
    # The document types (``types:``, with ``prefixes:`` applied): keys, labels, prefixes, levels.
    types: DocumentTypes = DEFAULT_TYPES
    preview: bool = False
    defaults: tuple[tuple[str, TypeDefaults], ...] = ()  # by type key
    pdf: bool = False  # the site offers each current document as a PDF (下载 PDF)
    allow_raw_html: bool = False  # <script>, on...= and javascript: in a text are not errors
    print_fonts: PrintFonts = PrintFonts()
    edition_signature: EditionSignature = EditionSignature()
    organisation: str = ""  # the legal name an edition's cover shows ("": the site_name)
    site_name: str = ""
    language: str = "zh"  # theme.language of mkdocs.yml: the labels' language
    fields: tuple[str, ...] = ()  # the organisation's own front-matter keys, kept and not shown
    # Regular expressions masked in published records, beside the built-in phone and
    # ID-card patterns (rendering.masking).
    mask: tuple[str, ...] = ()
    # How far a commit's date may run backwards along the release branch, or ahead of
    # now, before it is an error: ordinary machine clocks drift that much.
    clock_skew: timedelta = timedelta(hours=1)
    extra: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @functools.cached_property
    def root_prefixes(self) -> tuple[str, ...]:
        """Each controlled root with its trailing slash, for fast ``startswith`` tests."""
        return tuple(r + "/" for r in self.roots)

    @functools.cached_property
    def forge_committer_set(self) -> frozenset[str]:
        """``forge_committers`` in lower case, for matching committer e-mails."""
        return frozenset(e.lower() for e in self.forge_committers)

    @functools.cached_property
    def docs_prefix(self) -> str:
        return self.docs_dir.strip("/") + "/"

    def is_site_page(self, path: str) -> bool:
        """A Markdown page of the MkDocs docs_dir that is no controlled document (rule 11)."""
        return (
            path.startswith(self.docs_prefix)
            and path.lower().endswith((".md", ".markdown"))
            and not path.startswith(self.root_prefixes)
        )

    def prefix(self, doc_type: DocumentType) -> str:
        """The id prefix of a type as this configuration has it."""
        known = self.types.get(doc_type.key)
        return (known or doc_type).prefix

    def type_for_prefix(self, prefix: str) -> DocumentType | None:
        return self.types.by_prefix(prefix)

    def defaults_for(self, doc_type: DocumentType) -> TypeDefaults:
        return dict(self.defaults).get(doc_type.key, TypeDefaults())


OPTION_NAMES = (
    "roots",
    "roles",
    "external",
    "clauses",
    "branch",
    "min_approvals",
    "forge_trailers",
    "forge_committers",
    "site_pages_approvers",
    "signatures",
    "revisions",
    "review",
    "prefixes",
    "types",
    "preview",
    "defaults",
    "pdf",
    "allow_raw_html",
    "fields",
    "clock_skew",
    "print_fonts",
    "edition_signature",
    "organisation",
    "mask",
)

_SPAN = re.compile(r"^\s*(\d+)\s*([hm]?)\s*$")


def _doc_type(key: str, option: str, where: str, types: DocumentTypes) -> DocumentType:
    """A document type named as a key of a doc-control option, or a ConfigError."""
    found = types.get(str(key))
    if found is None:
        raise ConfigError(
            msg("config.unknown-type", option=option, type=str(key), types=", ".join(types.keys)),
            where,
        )
    return found


def config_from_options(
    options: Mapping[str, Any], where: str = "mkdocs.yml", source: str | None = None
) -> Config:
    """Validate the plugin's options (None means "use the default").

    ``source`` is mkdocs.yml's text, when known, so that a bad ``types:`` entry is
    reported at its line.
    """
    cfg = Config()
    opts = {k: v for k, v in options.items() if v is not None}
    unknown = sorted(set(opts) - set(OPTION_NAMES))
    if unknown:
        raise ConfigError(
            msg("config.unknown-option", unknown=", ".join(unknown), known=", ".join(OPTION_NAMES)),
            where,
        )

    def need(name: str, kind: type | tuple[type, ...], what: str) -> Any:
        """The option's value, or a ConfigError; ``what`` names the catalog's ``config.want.*``."""
        value = opts[name]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            raise ConfigError(msg("config.must-be", option=name, what=msg(f"config.want.{what}")), where)
        return value

    if "roots" in opts:
        roots = need("roots", list, "folders")
        if not roots or not all(isinstance(r, str) and r.strip("/") for r in roots):
            raise ConfigError(msg("config.roots-empty"), where)
        for root in roots:
            _inside_repository("roots", root, where)
        cfg = replace(cfg, roots=tuple(r.strip("/") for r in roots))
    for name in ("roles", "external", "clauses", "branch"):
        if name in opts:
            cfg = replace(cfg, **{name: need(name, str, "string")})
            if name != "branch":
                _inside_repository(name, opts[name], where)
    if "clauses" in opts and not _clause_file_or_set(cfg.clauses):
        raise ConfigError(
            msg("config.clauses", value=repr(cfg.clauses), builtin=", ".join(BUILTIN)),
            where,
        )
    if "fields" in opts:
        names = need("fields", list, "fields")
        if not all(isinstance(n, str) and n.strip() for n in names):
            raise ConfigError(msg("config.fields"), where)
        cfg = replace(cfg, fields=tuple(n.strip() for n in names))
    if "min_approvals" in opts:
        n = need("min_approvals", int, "approvals")
        if n < 1:
            raise ConfigError(msg("config.min-approvals"), where)
        cfg = replace(cfg, min_approvals=n)
    if "forge_trailers" in opts:
        value = opts["forge_trailers"]
        if value not in ("trusted", "untrusted"):
            raise ConfigError(
                msg("config.forge-trailers"),
                where,
            )
        cfg = replace(cfg, forge_trailers_trusted=value == "trusted")
    if "forge_committers" in opts:
        committers = _names_option(opts["forge_committers"], "forge_committers", where)
        cfg = replace(cfg, forge_committers=committers)
    if "site_pages_approvers" in opts:
        approvers = _names_option(opts["site_pages_approvers"], "site_pages_approvers", where)
        cfg = replace(cfg, site_pages_approvers=approvers)
    if "signatures" in opts:
        try:
            # YAML reads a bare ``off`` as false.
            value = "off" if opts["signatures"] is False else opts["signatures"]
            cfg = replace(cfg, signatures=SignatureMode(value))
        except ValueError:
            raise ConfigError(
                msg("config.signatures"),
                where,
            ) from None
    if "revisions" in opts:
        try:
            cfg = replace(cfg, revisions=RevisionScheme(opts["revisions"]))
        except ValueError:
            raise ConfigError(
                msg("config.revisions"), where
            ) from None
    if "review" in opts:
        months = need("review", int, "months")
        if months < 1:
            raise ConfigError(msg("config.review"), where)
        cfg = replace(cfg, review_months=months)
    if "types" in opts:
        cfg = replace(cfg, types=parse_types(opts["types"], where, source))
    if "prefixes" in opts:
        # A shorthand over ``types:``: it only changes the prefix of a type.
        given = need("prefixes", dict, "prefixes")
        prefixes = {t.key: t.prefix for t in cfg.types.types}
        for key, value in given.items():
            doc_type = _doc_type(key, "prefixes", where, cfg.types)
            if not isinstance(value, str) or not value.isalnum() or not value.isupper():
                raise ConfigError(
                    msg("config.prefix", type=str(key)), where
                )
            prefixes[doc_type.key] = value
        if len(set(prefixes.values())) != len(prefixes):
            raise ConfigError(msg("config.prefix-twice"), where)
        cfg = replace(cfg, types=DocumentTypes(
            tuple(replace(t, prefix=prefixes[t.key]) for t in cfg.types.types)
        ))
    if "preview" in opts:
        cfg = replace(cfg, preview=need("preview", bool, "bool"))
    if "pdf" in opts:
        cfg = replace(cfg, pdf=need("pdf", bool, "bool"))
    if "allow_raw_html" in opts:
        cfg = replace(cfg, allow_raw_html=need("allow_raw_html", bool, "bool"))
    if "clock_skew" in opts:
        match = _SPAN.match(str(opts["clock_skew"]))
        if match is None or isinstance(opts["clock_skew"], bool):
            raise ConfigError(
                msg("config.clock-skew"), where
            )
        amount = int(match[1])
        cfg = replace(
            cfg,
            clock_skew=timedelta(hours=amount) if match[2] == "h" else timedelta(minutes=amount),
        )
    if "organisation" in opts:
        name = need("organisation", str, "organisation")
        if not name.strip() or any(ord(c) < 0x20 for c in name):
            raise ConfigError(msg("config.organisation"), where)
        cfg = replace(cfg, organisation=name.strip())
    if "print_fonts" in opts:
        cfg = replace(cfg, print_fonts=_print_fonts(need("print_fonts", dict, "fonts"), where))
    if "edition_signature" in opts:
        given = need("edition_signature", dict, "signature")
        cfg = replace(cfg, edition_signature=_edition_signature(given, where))
    if "mask" in opts:
        cfg = replace(cfg, mask=_mask_patterns(opts["mask"], where))
    if "defaults" in opts:
        given = need("defaults", dict, "defaults")
        cfg = replace(cfg, defaults=_type_defaults(given, where, cfg.types))
    return cfg


def _edition_signature(given: Mapping[Any, Any], where: str) -> EditionSignature:
    unknown = sorted(str(k) for k in given if k not in ("visible", "seal"))
    if unknown:
        raise ConfigError(msg("config.edition-signature.unknown", keys=tuple(unknown)), where)
    seal = given.get("seal", "")
    if seal is None:
        seal = ""
    if not isinstance(seal, str) or any(ord(c) < 0x20 for c in seal):
        raise ConfigError(msg("config.edition-signature.seal"), where)
    text = seal.strip().replace("\\", "/")
    if text.startswith("/") or (len(text) > 1 and text[1] == ":") or ".." in text.split("/"):
        raise ConfigError(msg("config.edition-signature.outside", seal=seal), where)
    visible = given.get("visible", bool(text))
    if not isinstance(visible, bool):
        raise ConfigError(msg("config.edition-signature.visible"), where)
    if text and not visible:
        raise ConfigError(msg("config.edition-signature.hidden-seal"), where)
    return EditionSignature(visible=visible, seal=text)


def _mask_patterns(value: Any, where: str) -> tuple[str, ...]:
    """Regular expressions that compile and never match the empty text."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
        raise ConfigError(
            msg("config.mask"),
            where,
        )
    for item in items:
        try:
            compiled = re.compile(item)
        except re.error as exc:
            raise ConfigError(
                msg("config.mask-invalid", pattern=repr(item), reason=str(exc)),
                where,
            ) from None
        if compiled.fullmatch(""):
            raise ConfigError(
                msg("config.mask-empty", pattern=repr(item)),
                where,
            )
    return tuple(items)


def _names_option(value: Any, name: str, where: str) -> tuple[str, ...]:
    """A list of e-mails, roles or people (one alone may be given as a string)."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(
        isinstance(i, str) and i.strip() for i in items
    ):
        key = "config.names.emails" if name == "forge_committers" else "config.names"
        raise ConfigError(msg(key, option=name), where)
    if name == "forge_committers":
        return tuple(i.strip().lower() for i in items)
    return tuple(i.strip() for i in items)


def _clause_file_or_set(value: str) -> bool:
    return is_builtin(value) or "/" in value or value.endswith((".yml", ".yaml"))


def _inside_repository(option: str, value: str, where: str) -> None:
    """A path option must name a place inside the repository, relative to mkdocs.yml.

    An absolute path or one climbing out with ``..`` would control files that git
    does not hold, so no approval could ever be read for them.
    """
    text = value.replace("\\", "/")
    absolute = text.startswith("/") or (len(text) > 1 and text[1] == ":")
    if absolute or ".." in text.split("/"):
        raise ConfigError(
            msg("config.outside", option=option, value=str(value),
                example=getattr(Config(), option) if option != "roots" else "procedures"),
            where,
        )



def _print_fonts(given: Mapping[Any, Any], where: str) -> PrintFonts:
    roles: dict[str, str] = {}
    unknown = sorted(str(k) for k in given if k not in ("serif", "sans", "mono", "fallback"))
    if unknown:
        raise ConfigError(msg("config.fonts-unknown", unknown=", ".join(unknown)), where)
    for role in ("serif", "sans", "mono"):
        value = given.get(role)
        if value is not None:
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(msg("config.fonts-family", role=role), where)
            roles[role] = value.strip()
    base = PrintFonts()
    fallback = given.get("fallback", list(base.fallback)) or []
    if isinstance(fallback, str):
        fallback = [fallback]
    if not isinstance(fallback, list) or not all(isinstance(f, str) and f.strip() for f in fallback):
        raise ConfigError(msg("config.fonts-fallback"), where)
    return PrintFonts(
        serif=roles.get("serif", base.serif),
        sans=roles.get("sans", base.sans),
        mono=roles.get("mono", base.mono),
        fallback=tuple(f.strip() for f in fallback),
    )


_DEFAULT_KEYS = ("owner", "approvers", "reviewers", "retention", "storage")


def _type_defaults(
    given: Mapping[Any, Any], where: str, types: DocumentTypes
) -> tuple[tuple[str, TypeDefaults], ...]:
    """``defaults: {procedure: {owner: 质量部, approvers: [管理者代表]}, ...}``."""
    result: list[tuple[str, TypeDefaults]] = []
    for key, value in given.items():
        doc_type = _doc_type(key, "defaults", where, types).key
        if not isinstance(value, dict):
            raise ConfigError(
                msg("config.defaults", type=str(key)),
                where,
            )
        unknown = sorted(str(k) for k in value if k not in _DEFAULT_KEYS)
        if unknown:
            raise ConfigError(
                msg("config.defaults-unknown", type=str(key), unknown=", ".join(unknown),
                    known=", ".join(_DEFAULT_KEYS)),
                where,
            )
        texts: dict[str, str | None] = {}
        for name in ("owner", "retention", "storage"):
            item = value.get(name)
            if item is not None and (not isinstance(item, str) or not item.strip()):
                raise ConfigError(
                    msg("config.defaults-name", type=str(key), field=name),
                    where,
                )
            texts[name] = item.strip() if isinstance(item, str) else None
        lists: dict[str, tuple[str, ...]] = {}
        for name in ("approvers", "reviewers"):
            listed = value.get(name)
            if isinstance(listed, str):
                listed = [listed]
            if listed is not None and (
                not isinstance(listed, list)
                or not listed
                or not all(isinstance(a, str) and a.strip() for a in listed)
            ):
                raise ConfigError(
                    msg("config.defaults-list", type=str(key), field=name),
                    where,
                )
            lists[name] = tuple(a.strip() for a in listed or ())
        result.append(
            (
                doc_type,
                TypeDefaults(
                    owner=texts["owner"],
                    approvers=lists["approvers"],
                    reviewers=lists["reviewers"],
                    retention=texts["retention"],
                    storage=texts["storage"],
                ),
            )
        )
    return tuple(result)


def _relative_dir(value: str) -> str:
    """A folder as mkdocs.yml names it, relative to mkdocs.yml, as git paths are written."""
    parts = [p for p in value.replace("\\", "/").split("/") if p not in ("", ".")]
    return "/".join(parts) or "docs"


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose ``!ENV`` and ``!!python/name:`` tags we need not resolve."""


def _ignore_tag(loader: _LenientLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return None


_LenientLoader.add_multi_constructor("!", _ignore_tag)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass(frozen=True)
class SiteConfig:
    """What the CLI needs from mkdocs.yml: the doc-control options and a few site settings."""

    config: Config
    has_plugin: bool
    site_name: str
    language: str
    findings: tuple[Finding, ...] = ()  # what mkdocs.yml itself is reported for


def parse_mkdocs_yml(text: str, default_name: str) -> SiteConfig:
    """mkdocs.yml's text as the plugin would see its options; ``default_name`` names an unnamed site."""
    try:
        data = yaml.load(text, Loader=_LenientLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise ConfigError(msg("config.yaml", problem=str(exc.problem)), "mkdocs.yml", line) from None
    except yaml.YAMLError as exc:
        raise ConfigError(msg("config.unreadable", reason=str(exc)), "mkdocs.yml") from None
    if not isinstance(data, dict):
        raise ConfigError(msg("config.not-mapping"), "mkdocs.yml")
    options: dict[str, Any] | None = None
    for entry in data.get("plugins") or []:
        if entry == PLUGIN_NAME:
            options = {}
        elif isinstance(entry, dict) and PLUGIN_NAME in entry:
            options = dict(entry[PLUGIN_NAME] or {})
    theme = data.get("theme") or {}
    language = theme.get("language", "zh") if isinstance(theme, dict) else "zh"
    docs_dir = data.get("docs_dir")
    config = config_from_options(options or {}, source=text)
    config = replace(config, language=str(language or "zh"))
    if isinstance(docs_dir, str) and docs_dir.strip("/"):
        config = replace(config, docs_dir=_relative_dir(docs_dir))
    return SiteConfig(
        config,
        options is not None,
        str(data.get("site_name") or default_name),
        str(language or "zh"),
        tuple(extension_findings(data, text)),
    )
