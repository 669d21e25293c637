"""YAML with line numbers, for every YAML file doccontrol reads.

PyYAML's safe loader forgets where values came from, silently keeps the last of
two duplicate keys and turns ``2026-13-01`` into an exception rather than a
message. This loader keeps 1-based lines for every mapping key and list item,
reports duplicate keys, and leaves dates as strings so that the caller can
validate them and say where a bad one is.

Why not ruamel.yaml, which keeps positions too: its round-trip loader is pure
Python and several times slower than PyYAML's libyaml composer, and a history
replay parses thousands of front matters. The bookkeeping here is a thin layer
over PyYAML's own nodes, which carry their marks already.

YAML is data here, never a program: anchors and aliases are refused (an alias
bomb is a few lines that expand to billions of values), and so are texts longer
than :data:`MAX_CHARS` or nested deeper than :data:`MAX_DEPTH`, each with a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, SequenceNode

from doccontrol.model.messages import Message, msg


class PosDict(dict[str, Any]):
    """A mapping that remembers the line of each key (``lines[key]``)."""

    lines: dict[str, int]
    line: int


class PosList(list[Any]):
    """A list that remembers the line of each item (``lines[i]``)."""

    lines: list[int]
    line: int


@dataclass(frozen=True)
class YamlProblem:
    """Why a YAML text could not be loaded, and where (1-based line).

    ``code`` is set for the limits every YAML file shares (``yaml-alias``,
    ``yaml-too-deep``, ``yaml-too-large``); otherwise the caller names the finding.
    """

    line: int
    text: Message
    code: str | None = None

    @property
    def message(self) -> str:
        return self.text.render("en")


# Front matter, roles.yml and a record's fields are a few kilobytes and a few
# levels deep; these limits are far above any real file and far below harm.
MAX_CHARS = 1_000_000
MAX_DEPTH = 50
ALIAS = "yaml-alias"
TOO_DEEP = "yaml-too-deep"
TOO_LARGE = "yaml-too-large"


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int, first_line: int) -> None:
        super().__init__(key)
        self.key = key
        self.line = line
        self.first_line = first_line


# libyaml's parser where it is installed: it keeps marks, and scanning is most of
# the cost of reading a thousand front matters.
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    pass


# Dates stay strings: the caller validates them and can point at a bad one.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: Node) -> PosDict:
    if not isinstance(node, MappingNode):
        raise ConstructorError(None, None, "expected a mapping", node.start_mark)
    loader.flatten_mapping(node)
    result = PosDict()
    result.lines = {}
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (list, dict)):
            raise ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            )
        key = str(key)
        line = key_node.start_mark.line + 1
        if key in result:
            raise _DuplicateKey(key, line, result.lines[key])
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = line
    return result


def _construct_sequence(loader: _Loader, node: Node) -> PosList:
    if not isinstance(node, SequenceNode):
        raise ConstructorError(None, None, "expected a list", node.start_mark)
    result = PosList(loader.construct_object(child, deep=True) for child in node.value)
    result.lines = [child.start_mark.line + 1 for child in node.value]
    result.line = node.start_mark.line + 1
    return result


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def load_yaml(text: str, first_line: int = 1) -> tuple[Any, YamlProblem | None]:
    """Load one YAML document; lines are offset so that ``first_line`` is line 1 of ``text``.

    Returns ``(value, None)`` or ``(None, problem)``.
    """
    offset = first_line - 1
    refused = refuse(text, first_line)
    if refused is not None:
        return None, refused
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        deep = _too_deep(node, offset) if node is not None else None
        if deep is not None:
            return None, deep
        value = loader.construct_document(node) if node is not None else None
    except _DuplicateKey as dup:
        return None, YamlProblem(
            dup.line + offset,
            msg("yaml.duplicate-key", field=dup.key, first=dup.first_line + offset),
        )
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + offset
        if "maximum nesting depth" in str(exc.problem):
            return None, _deep_problem(line)
        bad_line = (
            text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
        )
        if "\t" in bad_line or "'\\t'" in str(exc.problem):
            return None, YamlProblem(
                line,
                msg("yaml.tab"),
            )
        unclosed = _unclosed(text, mark.line if mark else 0, offset)
        if unclosed is not None:
            return None, unclosed
        problem = exc.problem or str(exc)
        context = f" ({exc.context})" if exc.context else ""
        return None, YamlProblem(line, msg("yaml.invalid", problem=f"{problem}{context}"))
    except yaml.YAMLError as exc:
        return None, YamlProblem(first_line, msg("yaml.invalid-plain", problem=str(exc)))
    finally:
        loader.dispose()
    return _shift(value, offset), None


def refuse(text: str, first_line: int = 1) -> YamlProblem | None:
    """The size or anchor that makes ``text`` no plain data, before any of it is built.

    Cheap for ordinary text: the token scan runs only when ``&`` or ``*`` occurs.
    Callers that load YAML with a bare libyaml loader for speed ask this first.
    """
    if len(text) > MAX_CHARS:
        return YamlProblem(
            first_line,
            msg("yaml-too-large", size=f"{len(text):,}", limit=f"{MAX_CHARS:,}"),
            TOO_LARGE,
        )
    if "&" not in text and "*" not in text:
        return None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                sign = "&" if isinstance(token, yaml.AnchorToken) else "*"
                return YamlProblem(
                    token.start_mark.line + first_line,
                    msg("yaml-alias", name=f"{sign}{token.value}"),
                    ALIAS,
                )
    except yaml.YAMLError:
        return None  # the loader reports the syntax error with its line
    return None


# Block nesting needs indentation; past this many columns, the nodes are walked.
_DEEP_INDENT = re.compile(rf"^[ \t]{{{MAX_DEPTH // 2}}}", re.MULTILINE)


def is_plain(text: str) -> bool:
    """Whether a bare libyaml load of ``text`` is safe: no limit of this module is broken.

    The speed paths (a history replay reads thousands of front matters) ask this
    first and leave anything else to :func:`load_yaml`, which says what is wrong.
    Depth is bounded without parsing: at most one level per indented column, per
    bracket and per compact ``- -``; only a text past that bound is walked.
    """
    if refuse(text) is not None:
        return False
    nesting = text.count("[") + text.count("{") + text.count("- -")
    if nesting >= MAX_DEPTH // 2 - 1 or _DEEP_INDENT.search(text):
        problem = load_yaml(text)[1]
        return problem is None or problem.code is None  # a syntax error fails safely anyway
    return True


def _deep_problem(line: int) -> YamlProblem:
    return YamlProblem(
        line,
        msg("yaml-too-deep", depth=MAX_DEPTH),
        TOO_DEEP,
    )


def _too_deep(root: Node, offset: int) -> YamlProblem | None:
    """The first node nested deeper than :data:`MAX_DEPTH`, walked without recursion."""
    stack: list[tuple[Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, SequenceNode):
            children: list[Node] = node.value
        elif isinstance(node, MappingNode):
            children = [value for _, value in node.value]
        else:
            continue
        if depth > MAX_DEPTH:
            return _deep_problem(node.start_mark.line + 1 + offset)
        stack.extend((child, depth + 1) for child in children)
    return None


_CLOSERS: dict[type[yaml.Token], str] = {
    yaml.FlowSequenceStartToken: "]",
    yaml.FlowMappingStartToken: "}",
}


def _unclosed(text: str, problem_line: int, offset: int) -> YamlProblem | None:
    """The quote or bracket left open that made the parser fail further down, if any.

    YAML lets a quoted value or a ``[...]`` list run on over several lines, so a
    missing closing quote or bracket is only noticed lines later, where the parser
    gives up. Pointing there sends the author to the wrong line; this finds the
    opening that is still open at ``problem_line`` (0-based in ``text``) and points
    at it. Lines in the result are 1-based lines of the file (``offset`` added).
    """
    open_brackets: list[tuple[int, str]] = []
    try:
        for token in yaml.scan(text, Loader=_Loader):
            start = token.start_mark.line
            if start > problem_line:
                break
            closer = _CLOSERS.get(type(token))
            if closer is not None:
                open_brackets.append((start, closer))
            elif isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)):
                if open_brackets:
                    open_brackets.pop()
            elif (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and start < token.end_mark.line
                and token.end_mark.line >= problem_line
            ):
                return _open_quote(start + offset, token.style, token.end_mark.line + offset)
    except yaml.MarkedYAMLError as exc:
        if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
            mark = exc.context_mark
            return _open_quote(mark.line + offset, _char_at(text, mark.line, mark.column), None)
    if open_brackets:
        line, closer = open_brackets[0]
        line += offset
        opener = "[" if closer == "]" else "{"
        return YamlProblem(
            line + 1,
            msg("yaml.unclosed", opener=opener, line=line + 1, closer=closer),
        )
    return None


def _char_at(text: str, line: int, column: int) -> str:
    """The character at a 0-based line and column (libyaml's marks carry no buffer)."""
    lines = text.splitlines()
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return '"'


def _open_quote(line: int, quote: str, runs_to: int | None) -> YamlProblem:
    where = (
        msg("yaml.runs-to", line=runs_to + 1) if runs_to is not None else msg("yaml.runs-to-end")
    )
    return YamlProblem(
        line + 1, msg("yaml.open-quote", quote=quote, line=line + 1, where=where)
    )


def _shift(value: Any, offset: int) -> Any:
    if offset == 0:
        return value
    if isinstance(value, PosDict):
        value.lines = {k: v + offset for k, v in value.lines.items()}
        value.line += offset
        for item in value.values():
            _shift(item, offset)
    elif isinstance(value, PosList):
        value.lines = [v + offset for v in value.lines]
        value.line += offset
        for item in value:
            _shift(item, offset)
    return value


def line_of(mapping: Any, key: str, default: int) -> int:
    """Line of ``key`` in a :class:`PosDict`, else ``default``."""
    if isinstance(mapping, PosDict):
        return mapping.lines.get(key, default)
    return default


def item_line(seq: Any, index: int, default: int) -> int:
    if isinstance(seq, PosList) and index < len(seq.lines):
        return seq.lines[index]
    return default
