"""The site's Markdown, for print: ``markdown_extensions`` of mkdocs.yml, read as MkDocs reads them (pure).

MkDocs converts every page with ``toc``, ``tables`` and ``fenced_code`` followed by
the ``markdown_extensions`` of mkdocs.yml, with their options. An edition converts
each document's approved text with the same list, read from mkdocs.yml as of the
edition's commit, so that the PDF says what the site says. Print adds a tree
processor of its own (:class:`PrintLayout`): tabbed blocks become one section per
tab with its label, permalinks go, and tables are classed by how many columns
they have so that the print stylesheet can lay them out (see ``edition.css``).

An extension that cannot be loaded, or that refuses its options, is a
``print-extension`` finding at its line of mkdocs.yml, never a traceback.
Whatever the extensions produce still goes through :mod:`sandbox`: no extension
can make the PDF load anything but the repository's git objects.
"""

from __future__ import annotations

import importlib
import re
import xml.etree.ElementTree as etree
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import markdown
import yaml
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from doccontrol.model.findings import Finding, error
from doccontrol.model.messages import Message, msg

# What MkDocs always adds in front of the configured extensions.
BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
# The extensions of an edition made from a repository without mkdocs.yml.
DEFAULT_EXTENSIONS = ("tables", "fenced_code", "def_list", "attr_list", "md_in_html", "admonition",
                      "sane_lists")

# Column counts (see edition.css): up to PORTRAIT_COLUMNS a table fits the portrait
# text column; a wider one is printed on a landscape page; beyond LANDSCAPE_COLUMNS
# no column would be readable even there (12 mm each across 261 mm of landscape A4).
PORTRAIT_COLUMNS = 8
LANDSCAPE_COLUMNS = 21

_HEADING = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)


@dataclass(frozen=True)
class ExtensionSpec:
    """One entry of ``markdown_extensions``: its name, its options and its line in mkdocs.yml."""

    name: str
    options: tuple[tuple[str, Any], ...] = ()
    line: int = 1


@dataclass(frozen=True)
class MarkdownSetup:
    """The extensions a site converts its pages with, in order, and what is wrong with them."""

    extensions: tuple[ExtensionSpec, ...]
    findings: tuple[Finding, ...] = field(default=())

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(e.name for e in self.extensions)


DEFAULT_SETUP = MarkdownSetup(tuple(ExtensionSpec(n) for n in DEFAULT_EXTENSIONS))


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: ``!!python/name:`` names an object, ``!ENV`` a variable."""


def _python_name(loader: _Loader, suffix: str, node: yaml.Node) -> Any:
    module, _, name = suffix.rpartition(".")
    try:
        obj: Any = importlib.import_module(module)
        return getattr(obj, name)
    except (ImportError, AttributeError, ValueError):
        raise yaml.constructor.ConstructorError(
            None, None, f"!!python/name:{suffix} cannot be imported", node.start_mark
        ) from None


def _other_tag(loader: _Loader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return None  # pragma: no cover - yaml has no other node kinds


_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
_Loader.add_multi_constructor("!", _other_tag)


def _problem(line: int, message: Message) -> Finding:
    return error("mkdocs.yml", line, "print-extension", message)


def markdown_setup(text: str | None) -> MarkdownSetup:
    """The ``markdown_extensions`` of a mkdocs.yml's text (None: no mkdocs.yml, the defaults)."""
    if text is None:
        return DEFAULT_SETUP
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return DEFAULT_SETUP  # the configuration check reports an unreadable mkdocs.yml
    if not isinstance(root, yaml.MappingNode):
        return DEFAULT_SETUP
    node = next((v for k, v in root.value if isinstance(k, yaml.ScalarNode)
                 and k.value == "markdown_extensions"), None)
    specs = [ExtensionSpec(name) for name in BUILTIN_EXTENSIONS]
    findings: list[Finding] = []
    if node is None:
        return MarkdownSetup(tuple(specs))
    if not isinstance(node, yaml.SequenceNode):
        return MarkdownSetup(tuple(specs), (_problem(
            node.start_mark.line + 1, msg("print-extension.list")),))
    for item in node.value:
        line = item.start_mark.line + 1
        try:
            value = _construct(item)
        except yaml.MarkedYAMLError as exc:
            where = exc.problem_mark.line + 1 if exc.problem_mark else line
            findings.append(_problem(where, msg("print-extension.constructor", problem=str(exc.problem))))
            continue
        options: Any
        if isinstance(value, str):
            name, options = value, {}
        elif isinstance(value, dict) and len(value) == 1:
            name, options = next(iter(value.items()))
            options = options or {}
        else:
            findings.append(_problem(line, msg("print-extension.entry")))
            continue
        if not isinstance(name, str) or not isinstance(options, dict):
            findings.append(_problem(line, msg("print-extension.options", name=repr(name))))
            continue
        spec = ExtensionSpec(name, tuple(options.items()), line)
        # MkDocs lists an extension once, where it first appears, with the configured options.
        at = next((i for i, s in enumerate(specs) if s.name == name), None)
        if at is None:
            specs.append(spec)
        else:
            specs[at] = spec
    return MarkdownSetup(tuple(specs), tuple(findings))


def _construct(node: yaml.Node) -> Any:
    loader = _Loader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _extension(spec: ExtensionSpec) -> Extension | Finding:
    try:
        return markdown.Markdown().build_extension(spec.name, dict(spec.options))
    except ImportError as exc:
        return _problem(spec.line, msg("print-extension.missing", name=repr(spec.name), reason=str(exc)))
    except Exception as exc:  # an extension's own validation: any exception type
        return _problem(spec.line, msg("print-extension.refuses", name=repr(spec.name), reason=str(exc)))


def converter(setup: MarkdownSetup) -> tuple[markdown.Markdown | None, tuple[Finding, ...]]:
    """A Markdown converter with the site's extensions and the print layout, or why there is none."""
    extensions: list[Extension] = []
    findings = list(setup.findings)
    for spec in setup.extensions:
        built = _extension(spec)
        if isinstance(built, Finding):
            findings.append(built)
        else:
            extensions.append(built)
    if findings:
        return None, tuple(findings)
    try:
        md = markdown.Markdown(extensions=[*extensions, PrintLayout()], output_format="html")
    except Exception as exc:  # two extensions that do not go together
        line = setup.extensions[-1].line if setup.extensions else 1
        return None, (_problem(line, msg("print-extension.combined", reason=str(exc))),)
    return md, ()


def convert(md: markdown.Markdown, text: str) -> str:
    """Markdown as print HTML, its headings one level down (the document title is the only h1)."""
    md.reset()
    html = md.convert(text)
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 1, 6)}", html)


def _classes(el: etree.Element) -> set[str]:
    return set((el.get("class") or "").split())


def columns(table: etree.Element) -> int:
    """How many columns a table has: the most cells of any row."""
    most = 0
    for row in table.iter("tr"):
        most = max(most, sum(int(c.get("colspan") or 1) if (c.get("colspan") or "1").isdigit() else 1
                             for c in row if c.tag in ("td", "th")))
    return most


def _tabs(tabbed: etree.Element) -> list[tuple[str, list[etree.Element]]]:
    """The (label, content) of each tab of a pymdownx.tabbed set, in either of its styles."""
    labels: list[str] = []
    blocks: list[etree.Element] = []
    for child in tabbed:
        if child.tag == "label":
            labels.append("".join(child.itertext()))
        elif child.tag == "div" and "tabbed-labels" in _classes(child):
            labels.extend("".join(lab.itertext()) for lab in child.iter("label"))
        elif child.tag == "div" and "tabbed-content" in _classes(child):
            inner = [b for b in child if b.tag == "div" and "tabbed-block" in _classes(b)]
            blocks.extend(inner or [child])
    return [(label, list(block)) for label, block in zip(labels, blocks, strict=False)]


class _PrintTree(Treeprocessor):  # type: ignore[misc]
    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "div" and "tabbed-set" in _classes(child):
                    parent.remove(child)
                    parent.insert(index, self._flatten(child))
        for anchor in [a for a in root.iter("a") if "headerlink" in _classes(a)]:
            anchor.set("class", "headerlink print-hidden")
        for table in root.iter("table"):
            count = columns(table)
            kind = "print-landscape" if count > PORTRAIT_COLUMNS else "print-portrait"
            table.set("class", " ".join([*sorted(_classes(table)), kind]))
            table.set("data-columns", str(count))

    @staticmethod
    def _flatten(tabbed: etree.Element) -> etree.Element:
        out = etree.Element("div", {"class": "print-tabs"})
        for label, content in _tabs(tabbed):
            section = etree.SubElement(out, "section", {"class": "print-tab"})
            title = etree.SubElement(section, "p", {"class": "print-tab-label"})
            title.text = label
            section.extend(content)
        return out


class PrintLayout(Extension):  # type: ignore[misc]
    """Print's own tree processor, run after every extension's (priority 0 is the last)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_PrintTree(md), "doccontrol-print", 0)


def unsupported_fences(text: str, languages: Sequence[str] = ("mermaid",)) -> list[tuple[int, str]]:
    """(0-based line, language) of each fence whose language needs a renderer print has not."""
    found = []
    for offset, line in enumerate(text.split("\n")):
        match = re.match(r"^\s*(`{3,}|~{3,})\s*\{?\s*\.?([A-Za-z0-9_-]+)", line)
        if match and match.group(2).lower() in languages:
            found.append((offset, match.group(2).lower()))
    return found
