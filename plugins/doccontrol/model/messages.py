"""Messages: what the tool says to its user, as a value that speaks either language.

A rule does not know who will read its finding, so it does not write a sentence:
it names a catalog entry and gives the values for its placeholders. The CLI, the
site's build log and the register JSON render the same :class:`Message` in the
user's language (``--lang``, ``DOCCONTROL_LANG``, then ``theme.language``).
The wording lives in :mod:`doccontrol.model.catalog`, one table per language,
held to the same keys and placeholders by a test.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import total_ordering
from typing import TypeAlias

from doccontrol.model.documents import language_code
from doccontrol.model.frozen import quick_init

#: A placeholder's value: text, a number, a list (joined as the language joins
#: one), or a message of its own (rendered in the same language).
Value: TypeAlias = "str | int | tuple[Value, ...] | Message"


@total_ordering
@quick_init
@dataclass(frozen=True)
class Message:
    """A catalog entry and the values for its placeholders.

    ``key`` names the entry (``unapproved-change``, ``review-missing.no-reviewer``);
    ``values`` are ``(placeholder, value)`` pairs in the order they were given.
    """

    key: str
    values: tuple[tuple[str, Value], ...] = ()

    def render(self, language: str) -> str:
        """The message in ``language`` (``zh``, ``en``, ``en-GB``…), placeholders filled."""
        from doccontrol.model.catalog import template

        code = language_code(language)
        filled = {name: _render_value(value, code) for name, value in self.values}
        return template(code, self.key).format(**filled)

    def __str__(self) -> str:
        return self.render("en")

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.key, str(self)) < (other.key, str(other))


def msg(key: str, **values: Value | Iterable[str]) -> Message:
    """A message for catalog entry ``key``; lists and sets become tuples (sets sorted)."""
    return Message(key, tuple((name, _freeze(value)) for name, value in values.items()))


def _freeze(value: object) -> Value:
    if isinstance(value, (str, int, Message)):
        return value
    if isinstance(value, (set, frozenset)):
        return tuple(_freeze(v) for v in sorted(value, key=str))
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    return str(value)


def _render_value(value: Value, code: str) -> str:
    if isinstance(value, Message):
        return value.render(code)
    if isinstance(value, tuple):
        separator = "、" if code == "zh" else ", "
        return separator.join(_render_value(v, code) for v in value)
    return str(value)


def joined(parts: Iterable[Message]) -> Message:
    """Several sentences as one message, joined by ``; `` (``；`` in Chinese)."""
    items = tuple(dict.fromkeys(parts))
    if not items:
        raise ValueError("joined() needs at least one message")
    if len(items) == 1:
        return items[0]
    return Message("list.joined", (("first", items[0]), ("rest", joined(items[1:]))))
