"""The language of the command line's messages: ``--lang``, then ``DOCCONTROL_LANG``, then the site's.

Only what the CLI says to its user follows it. What the CLI writes as data (an
edition, a tag message, a baseline summary, the register JSON) follows the
site's ``theme.language`` alone, so that the same repository always builds the
same bytes whoever runs the command.
"""

from __future__ import annotations

import os

ENVIRONMENT = "DOCCONTROL_LANG"
_chosen: list[str] = []  # what --lang said, for this process


def choose(language: str | None) -> None:
    """Remember ``--lang`` (None when it was not given)."""
    _chosen[:] = [language] if language else []


def cli_language(site_language: str) -> str:
    """The language to talk to the user in, given the site's ``theme.language``."""
    if _chosen:
        return _chosen[0]
    return os.environ.get(ENVIRONMENT, "").strip() or site_language
