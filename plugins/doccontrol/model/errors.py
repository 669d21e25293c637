"""The one error family: anything that stops doccontrol carries a path and a line.

Rules report :class:`~doccontrol.model.findings.Finding` values; these exceptions are
for the shell, when a run cannot go on at all (no config, not a repository, a
signing key that will not open). The CLI turns them into a message, never a
traceback.
"""

from __future__ import annotations

from doccontrol.model.messages import Message


class DocControlError(Exception):
    """A problem the user can fix, located at ``path:line`` when known.

    ``text`` says it in either language (:meth:`render`); ``message`` is its English.
    """

    def __init__(self, message: Message, path: str | None = None, line: int | None = None) -> None:
        self.text = message
        self.message = self.text.render("en")
        super().__init__(self.message)
        self.path = path
        self.line = line

    def render(self, language: str = "en") -> str:
        """``path:line: message`` in ``language``."""
        where = ""
        if self.path:
            where = f"{self.path}:{self.line or 1}: "
        return f"{where}{self.text.render(language)}"

    def __str__(self) -> str:
        return self.render("en")


class ConfigError(DocControlError):
    """mkdocs.yml or a doc-control option is wrong."""


class RepositoryError(DocControlError):
    """The repository cannot be read as doccontrol needs it."""

    #: The finding code ``check`` reports it under.
    code = "not-a-repository"


class EmptyRepositoryError(RepositoryError):
    """A git repository without a single commit: there is no history to read approvals from."""

    code = "empty-repository"


class BranchMissingError(RepositoryError):
    """The release branch is neither a local branch nor origin's: nothing says what was released."""

    code = "branch-missing"


class EditionExistsError(DocControlError):
    """An edition for a date whose ``edition/DATE`` tag exists: an edition is issued once."""


class UsageError(DocControlError):
    """A command was called with arguments that do not make sense."""
