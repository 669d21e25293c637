"""The language of the command line's messages: ``--lang``, then ``DOCCONTROL_LANG``, then the site's.

Only what the CLI says to its user follows it, and the messages of the register
JSON (its keys and codes stay English). What the CLI writes as data (an edition,
a tag message, a baseline summary) follows the site's ``theme.language`` alone,
so that the same repository always builds the same bytes whoever runs the
command. The site build's log follows ``theme.language``, or ``DOCCONTROL_LANG``
when it is set (:func:`log_language`).
"""

from __future__ import annotations

import os

from doccontrol.model.messages import Message

ENVIRONMENT = "DOCCONTROL_LANG"
_chosen: list[str] = []  # what --lang said, for this process
# The site's theme.language once a command has read mkdocs.yml, so that an error
# raised after that speaks it too.
_site: list[str] = []
#: Before any mkdocs.yml is read, the default theme language of a new site.
DEFAULT = "zh"


def choose(language: str | None) -> None:
    """Remember ``--lang`` (None when it was not given)."""
    _chosen[:] = [language] if language else []


def cli_language(site_language: str | None = None) -> str:
    """The language to talk to the user in, given the site's ``theme.language``.

    Without it (an error before mkdocs.yml was read, or outside a repository),
    the site language a command last gave, else :data:`DEFAULT`.
    """
    if site_language:
        _site[:] = [site_language]
    if _chosen:
        return _chosen[0]
    return _environment() or (_site[0] if _site else DEFAULT)


def log_language(site_language: str) -> str:
    """The language of the site build's log: ``DOCCONTROL_LANG``, else ``theme.language``.

    Under ``doccontrol --lang … build`` (the same process), ``--lang`` comes first.
    """
    if _chosen:
        return _chosen[0]
    return _environment() or site_language


def _environment() -> str:
    return os.environ.get(ENVIRONMENT, "").strip()


def say(message: Message, site_language: str | None = None) -> str:
    """``message`` in the language to talk to the user in (:func:`cli_language`)."""
    return message.render(cli_language(site_language))
