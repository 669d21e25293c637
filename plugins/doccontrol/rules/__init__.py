"""The rules of document control over history (pure): findings and statuses, never output.

- :mod:`~doccontrol.rules.approval`: whether one change's approval counts, and what it rests on.
- :mod:`~doccontrol.rules.control`: the replay of the release branch into revisions,
  dates, statuses and flags, with the rules files (mkdocs.yml, roles, clauses,
  external documents, acknowledgements) in force as last approved.
- :mod:`~doccontrol.rules.identities`: authors, committers and approvers matched against roles.yml.
- :mod:`~doccontrol.rules.dates`: commit dates that run backwards or lie in the future.
- :mod:`~doccontrol.rules.editions`: edition tags on the release line, and the baseline they recorded.
- :mod:`~doccontrol.rules.records`: filled records kept as evidence for their retention.
"""
