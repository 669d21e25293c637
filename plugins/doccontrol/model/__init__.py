"""The typed model (pure): frozen values that every other package passes around.

- :mod:`~doccontrol.model.documents`: documents, chapters, roles, clauses, external documents.
- :mod:`~doccontrol.model.history`: the release branch's history as the reader yields it.
- :mod:`~doccontrol.model.branch`: a branch under review.
- :mod:`~doccontrol.model.findings`: findings, with their location and their fix.
- :mod:`~doccontrol.model.errors`: the one error family, carrying path and line.
"""
